"""Keys, thumbprints and fingerprints: fixed by test vectors (also listed in docs/cards.md)."""

from __future__ import annotations

import hashlib
import json

import pytest

from familyfile.export import keys

# The generator point of P-256 (private scalar 1), from SEC 2 / FIPS 186-4.
G_X = "6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
G_Y = "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5"

VECTORS = [
    (
        1,
        "xx0BcA-wMohw8atYDJOe6peGModklG2wRHBlXHMvl0M",
        "46026 40025 33993 38735 93291 09479 04015 67986 10677 57911 84320 45083",
    ),
    (
        0x1234567890ABCDEF,
        "YAcUDLCQ7NaGhBfNsITRnqRslixzXSn4uHKpxkktNdg",
        "79687 64470 12258 63333 72565 45782 78672 47171 58582 24558 67820 91178",
    ),
]


def test_scalar_one_gives_the_p256_generator() -> None:
    jwk = keys.SigningKey.from_scalar(1).public_jwk
    assert keys.b64u_decode(jwk["x"]).hex().upper() == G_X
    assert keys.b64u_decode(jwk["y"]).hex().upper() == G_Y
    assert jwk == {"crv": "P-256", "kty": "EC", "x": "axfR8uEsQkf4vOblY6RA8ncDfYEt6zOg9KE5RdiYwpY",
                   "y": "T-NC4v4af5uO5-tKfA-eFivOM1drMV7Oy7ZAaDe_UfU"}


@pytest.mark.parametrize(("scalar", "kid", "fingerprint"), VECTORS)
def test_vectors(scalar: int, kid: str, fingerprint: str) -> None:
    key = keys.SigningKey.from_scalar(scalar)
    assert key.kid == kid
    assert key.fingerprint == fingerprint
    assert keys.kid_of(key.public_jwk) == kid
    assert keys.fingerprint_of(key.public_jwk) == fingerprint


@pytest.mark.parametrize(("scalar", "kid", "fingerprint"), VECTORS)
def test_vectors_follow_the_documented_derivation(scalar: int, kid: str, fingerprint: str) -> None:
    jwk = keys.SigningKey.from_scalar(scalar).public_jwk
    canonical = f'{{"crv":"P-256","kty":"EC","x":"{jwk["x"]}","y":"{jwk["y"]}"}}'
    thumb = hashlib.sha256(canonical.encode()).digest()
    assert keys.b64u_encode(thumb) == kid
    digest = hashlib.sha512(b"FamilyFile fingerprint v1\x00" + thumb).digest()
    groups = [int.from_bytes(digest[5 * i:5 * i + 5], "big") % 100000 for i in range(12)]
    assert " ".join(f"{g:05d}" for g in groups) == fingerprint
    assert len(fingerprint.replace(" ", "")) == 60 and len(fingerprint.split()) == 12


def test_thumbprint_ignores_extra_members_and_order() -> None:
    jwk = keys.SigningKey.from_scalar(7).public_jwk
    shuffled = {"y": jwk["y"], "use": "sig", "alg": "ES256", "x": jwk["x"], "kty": "EC", "crv": "P-256",
                "kid": "anything"}
    assert keys.kid_of(shuffled) == keys.kid_of(jwk)


def test_signature_is_raw_r_s_and_verifies() -> None:
    key = keys.SigningKey.generate()
    signature = key.sign(b"message")
    assert len(signature) == 64
    assert keys.verify_es256(key.public_jwk, b"message", signature)
    assert not keys.verify_es256(key.public_jwk, b"messagf", signature)
    assert not keys.verify_es256(keys.SigningKey.generate().public_jwk, b"message", signature)
    assert not keys.verify_es256(key.public_jwk, b"message", signature[:-1])


def test_pkcs8_round_trip() -> None:
    key = keys.SigningKey.from_scalar(42)
    assert keys.SigningKey.from_pkcs8(key.to_pkcs8()).public_jwk == key.public_jwk


def test_public_key_from_jwk_refuses_private_and_foreign_keys() -> None:
    key = keys.SigningKey.from_scalar(3)
    jwk = key.public_jwk
    with pytest.raises(keys.UnusableKey):
        keys.public_key_from_jwk({**jwk, "d": "AA"})
    with pytest.raises(keys.UnusableKey):
        keys.public_key_from_jwk({**jwk, "crv": "P-384"})
    with pytest.raises(keys.UnusableKey):
        keys.public_key_from_jwk({**jwk, "alg": "HS256"})
    with pytest.raises(keys.UnusableKey):
        keys.public_key_from_jwk({**jwk, "y": jwk["x"]})  # off the curve
    with pytest.raises(keys.UnusableKey):
        keys.public_key_from_jwk({"kty": "oct", "k": "c2VjcmV0"})


@pytest.mark.parametrize("text", ["YQ==", "YR", "Y", "Y+", "Y/", " YQ", "YQ\n", "ŸQ"])
def test_b64u_decode_is_strict(text: str) -> None:
    with pytest.raises(ValueError):
        keys.b64u_decode(text)


def test_b64u_round_trip() -> None:
    for length in range(40):
        data = bytes(range(length))
        assert keys.b64u_decode(keys.b64u_encode(data)) == data
    assert json.dumps(keys.b64u_encode(b"\xff\xfe")) == '"__4"'

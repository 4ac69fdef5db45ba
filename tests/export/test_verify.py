"""Verification: the reference's rules in order, and one fixed outcome per card."""

from __future__ import annotations

import hashlib
import hmac
import json
import zlib
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.clock import FixedClock
from familyfile.export import shc
from familyfile.export.keys import SigningKey, b64u_decode, b64u_encode
from familyfile.export.verify import (
    INFLATE_CAP,
    InflateCapExceeded,
    Outcome,
    Rejected,
    TrustStore,
    inflate_capped,
    read_key_card,
    verify_jws,
    verify_qr_text,
)
from tests.export._cards import FAMILY_KEY, ISSUER, NOW, card, immunisation_bundle

CLOCK = FixedClock(NOW + timedelta(days=1))
OTHER_KEY = SigningKey.from_scalar(0xC0FFEE)


def pinned() -> TrustStore:
    store = TrustStore()
    store.pin(ISSUER, FAMILY_KEY.public_jwk)
    return store


def signed_raw(payload: bytes, *, key: SigningKey = FAMILY_KEY, header: dict[str, Any] | None = None) -> str:
    """A JWS over arbitrary payload bytes (raw-DEFLATEd), validly signed by ``key``."""
    head = header if header is not None else {"alg": "ES256", "zip": "DEF", "kid": key.kid}
    signing_input = b64u_encode(json.dumps(head).encode()) + "." + b64u_encode(shc.deflate_raw(payload))
    return signing_input + "." + b64u_encode(key.sign(signing_input.encode()))


def check(jws: str, store: TrustStore | None = None, **kwargs: Any) -> Outcome:
    return verify_jws(jws, store if store is not None else pinned(), clock=CLOCK, **kwargs).outcome


def test_known_signer_is_verified_with_fingerprint() -> None:
    result = verify_jws(card(), pinned(), clock=CLOCK)
    assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER and result.verified
    assert result.issuer == ISSUER and result.family_file
    assert result.fingerprint == FAMILY_KEY.fingerprint
    assert result.payload is not None
    bundle = result.payload["vc"]["credentialSubject"]["fhirBundle"]
    assert bundle == shc.minimise_bundle(immunisation_bundle())


RESOURCES = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.recursive(st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.text(max_size=20),
                 lambda inner: st.lists(inner, max_size=3)
                 | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                 max_leaves=10),
    max_size=5,
)


@settings(max_examples=60, deadline=None)
@given(st.lists(RESOURCES, max_size=4), st.integers(2, 3650))
def test_round_trip(resources: list[dict[str, Any]], days: int) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection",
              "entry": [{"fullUrl": f"resource:{i}", "resource": r} for i, r in enumerate(resources)]}
    payload = shc.build_payload(ISSUER, bundle, NOW, NOW + timedelta(days=days))
    result = verify_jws(shc.encode_jws(FAMILY_KEY, payload), pinned(), clock=CLOCK)
    assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER
    assert result.payload == payload


def test_every_single_bit_flip_is_rejected() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "resource:0", "resource": {"resourceType": "Patient", "birthDate": "2025-03-01"}}]}
    jws = card(bundle)
    store = pinned()
    assert check(jws, store) is Outcome.VERIFIED_KNOWN_SIGNER
    for position, char in enumerate(jws):
        for bit in range(8):
            flipped = jws[:position] + chr(ord(char) ^ (1 << bit)) + jws[position + 1:]
            result = verify_jws(flipped, store, clock=CLOCK)
            assert not result.verified and result.payload is None, (position, bit, result)


def test_qr_text_round_trip_and_bit_flips_in_digits() -> None:
    content = shc.to_numeric(card())
    assert verify_qr_text(content, pinned(), clock=CLOCK).outcome is Outcome.VERIFIED_KNOWN_SIGNER
    for position in range(5, len(content), 7):
        digit = str((int(content[position]) + 1) % 10)
        altered = content[:position] + digit + content[position + 1:]
        assert not verify_qr_text(altered, pinned(), clock=CLOCK).verified
    assert verify_qr_text("https://example.org", pinned()).outcome is Outcome.NOT_A_FAMILY_FILE_CARD


def _with_header(header: dict[str, Any], signature: bytes) -> str:
    _, payload_b64, _ = card().split(".")
    return b64u_encode(json.dumps(header).encode()) + "." + payload_b64 + "." + b64u_encode(signature)


def test_alg_none_is_rejected() -> None:
    header = {"alg": "none", "zip": "DEF", "kid": FAMILY_KEY.kid}
    assert check(_with_header(header, b"\0")) is Outcome.ALTERED
    assert check(_with_header(header, b"")) is Outcome.UNREADABLE  # empty third part


def test_hs256_keyed_with_the_public_key_is_rejected() -> None:
    header = {"alg": "HS256", "zip": "DEF", "kid": FAMILY_KEY.kid}
    jws = _with_header(header, b"")
    signing_input = jws.rsplit(".", 1)[0]
    secret = json.dumps(FAMILY_KEY.public_jwk).encode()
    mac = hmac.new(secret, signing_input.encode(), hashlib.sha256).digest()
    assert check(signing_input + "." + b64u_encode(mac)) is Outcome.ALTERED


@pytest.mark.parametrize("extra", [{"crit": ["b64"]}, {"b64": False}, {"jku": "https://x"}, {"typ": "JWT"}])
def test_unknown_header_fields_are_rejected(extra: dict[str, Any]) -> None:
    header = {"alg": "ES256", "zip": "DEF", "kid": FAMILY_KEY.kid, **extra}
    payload = shc.minified_json(shc.build_payload(ISSUER, {"entry": []}, NOW, None))
    assert check(signed_raw(payload, header=header)) is Outcome.ALTERED


def test_wrong_key_claiming_the_family_kid_is_altered() -> None:
    payload = shc.minified_json(shc.build_payload(ISSUER, {"entry": []}, NOW, None))
    header = {"alg": "ES256", "zip": "DEF", "kid": FAMILY_KEY.kid}
    assert check(signed_raw(payload, key=OTHER_KEY, header=header)) is Outcome.ALTERED


def test_unknown_and_changed_keys_are_reported() -> None:
    jws = card(key=OTHER_KEY)
    assert check(jws) is Outcome.UNKNOWN_KEY  # not given the key: cannot check, nothing decompressed
    changed = verify_jws(jws, pinned(), offered_keys=[OTHER_KEY.public_jwk], clock=CLOCK)
    assert changed.outcome is Outcome.SIGNER_KEY_CHANGED and not changed.verified
    assert changed.fingerprint == OTHER_KEY.fingerprint
    unknown = verify_jws(card(), TrustStore(), offered_keys=[FAMILY_KEY.public_jwk], clock=CLOCK)
    assert unknown.outcome is Outcome.VALID_UNKNOWN_SIGNER and not unknown.verified
    assert unknown.fingerprint == FAMILY_KEY.fingerprint


def test_inflation_bomb_hits_the_cap() -> None:
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    compressed = b"".join(bomb.compress(b"\0" * (1 << 20)) for _ in range(100)) + bomb.flush()
    jws = shc.sign_compressed(FAMILY_KEY, compressed)  # validly signed by the trusted key
    with pytest.raises(InflateCapExceeded) as caught:
        inflate_capped(compressed)
    assert caught.value.produced == INFLATE_CAP
    result = verify_jws(jws, pinned(), clock=CLOCK)
    assert result.outcome is Outcome.UNREADABLE and "larger than" in result.reason


def test_inflate_cap_boundary_and_trailing_data() -> None:
    assert inflate_capped(shc.deflate_raw(b"x" * INFLATE_CAP)) == b"x" * INFLATE_CAP
    with pytest.raises(InflateCapExceeded):
        inflate_capped(shc.deflate_raw(b"x" * (INFLATE_CAP + 1)))
    with pytest.raises(ValueError, match="trailing"):
        inflate_capped(shc.deflate_raw(b"{}") + b"junk")
    with pytest.raises(ValueError, match="truncated"):
        inflate_capped(shc.deflate_raw(b"{}" * 100)[:-2])


def test_expired_and_not_yet_valid() -> None:
    jws = card(exp_days=30)
    assert verify_jws(jws, pinned(), clock=FixedClock(NOW + timedelta(days=31))).outcome is Outcome.EXPIRED
    early = FixedClock(NOW - timedelta(minutes=6))
    assert verify_jws(jws, pinned(), clock=early).outcome is Outcome.NOT_YET_VALID
    within_skew = FixedClock(NOW - timedelta(minutes=4))
    assert verify_jws(jws, pinned(), clock=within_skew).outcome is Outcome.VERIFIED_KNOWN_SIGNER


@pytest.mark.parametrize("tamper", [
    lambda jws: jws + ".",
    lambda jws: jws + " ",
    lambda jws: " " + jws,
    lambda jws: jws + "\n",
    lambda jws: "\ufeff" + jws,
    lambda jws: jws.replace(".", "..", 1),
])
def test_strict_parsing_rejects_trailing_data_and_bom(tamper: Any) -> None:
    assert not verify_jws(tamper(card()), pinned(), clock=CLOCK).verified


@pytest.mark.parametrize("payload", [
    b'{"iss":"x","iss":"familyfile:3f2a9c0e-family","nbf":0,"vc":{}}',
    b'\xef\xbb\xbf{"iss":"familyfile:3f2a9c0e-family"}',
    b'{"iss":"familyfile:3f2a9c0e-family"} []',
    b'{"nbf":NaN}',
    b'\xff\xfe',
])
def test_strict_payload_parsing(payload: bytes) -> None:
    assert check(signed_raw(payload)) is Outcome.UNREADABLE


def test_bom_and_duplicate_keys_in_header() -> None:
    _, payload_b64, _ = card().split(".")
    for header in (b'\xef\xbb\xbf{"alg":"ES256","zip":"DEF","kid":"k"}',
                   b'{"alg":"ES256","alg":"ES256","zip":"DEF","kid":"k"}'):
        signing_input = b64u_encode(header) + "." + payload_b64
        jws = signing_input + "." + b64u_encode(FAMILY_KEY.sign(signing_input.encode()))
        assert check(jws) is Outcome.UNREADABLE


def test_non_canonical_base64url_is_unreadable() -> None:
    header_b64, payload_b64, signature_b64 = card().split(".")
    signature = b64u_decode(signature_b64)  # 64 bytes: the last character carries 2 spare bits
    assert b64u_encode(signature) == signature_b64
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    last = alphabet.index(signature_b64[-1])
    non_canonical = signature_b64[:-1] + alphabet[last | 1 if last % 2 == 0 else last & ~1]
    assert check(f"{header_b64}.{payload_b64}.{non_canonical}") is Outcome.UNREADABLE


def test_signed_but_not_a_health_card() -> None:
    no_credential = signed_raw(b'{"iss":"familyfile:3f2a9c0e-family","nbf":0}')
    assert check(no_credential) is Outcome.NOT_A_FAMILY_FILE_CARD
    assert check(signed_raw(b'[1,2]')) is Outcome.UNREADABLE


def test_other_issuers_cards_verify_once_trusted_but_are_not_family_file_cards() -> None:
    store = TrustStore()
    store.pin("https://spec.smarthealth.cards/examples/issuer", OTHER_KEY.public_jwk)
    jws = card(key=OTHER_KEY, issuer="https://spec.smarthealth.cards/examples/issuer")
    result = verify_jws(jws, store, clock=CLOCK)
    assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER and not result.family_file


def test_trust_store_json_round_trip(tmp_path: Any) -> None:
    store = pinned()
    path = tmp_path / "trust.json"
    path.write_text(store.to_json(), "utf-8")
    loaded = TrustStore.load(path)
    assert loaded == store
    assert TrustStore.load(tmp_path / "missing.json") == TrustStore()
    with pytest.raises(ValueError):
        TrustStore().pin("x", {**FAMILY_KEY.public_jwk, "d": "AA"})
    with pytest.raises(ValueError, match="duplicate"):
        TrustStore.from_json('{"keys": {}, "keys": {}}')


def test_key_card_round_trip_and_pinning() -> None:
    key_card = shc.encode_key_card(FAMILY_KEY, ISSUER, "The Quillfeather family", NOW)
    read = read_key_card(key_card)
    assert (read.issuer, read.name, read.kid) == (ISSUER, "The Quillfeather family", FAMILY_KEY.kid)
    assert read.fingerprint == FAMILY_KEY.fingerprint
    store = TrustStore()
    assert check(card(), store, offered_keys=[read.jwk]) is Outcome.VALID_UNKNOWN_SIGNER
    store.pin(read.issuer, read.jwk)  # after the practitioner compared fingerprints
    assert check(card(), store) is Outcome.VERIFIED_KNOWN_SIGNER


def test_key_card_bit_flips_and_substituted_keys_are_rejected() -> None:
    key_card = shc.encode_key_card(FAMILY_KEY, ISSUER, "Q", NOW)
    for position, char in enumerate(key_card):
        for bit in range(8):
            flipped = key_card[:position] + chr(ord(char) ^ (1 << bit)) + key_card[position + 1:]
            with pytest.raises(Rejected):
                read_key_card(flipped)
    header_b64, payload_b64, signature_b64 = key_card.split(".")
    payload = json.loads(b64u_decode(payload_b64))
    payload["keyCard"]["jwk"] = OTHER_KEY.public_jwk  # a key swapped in, header kid unchanged
    swapped = f"{header_b64}.{b64u_encode(json.dumps(payload).encode())}.{signature_b64}"
    with pytest.raises(Rejected):
        read_key_card(swapped)
    with pytest.raises(Rejected):
        read_key_card(card())  # a health card is not a key card

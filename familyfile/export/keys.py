"""Signing keys for cards: ES256 (ECDSA P-256, SHA-256), public JWKs, thumbprints and fingerprints.

* ``kid`` is the RFC 7638 JWK thumbprint: SHA-256 over the canonical JSON of the required
  public members in lexicographic order (``{"crv":"P-256","kty":"EC","x":…,"y":…}``, no
  whitespace), written in base64url without padding (43 characters).
* The **fingerprint** people read aloud and compare is derived from that same 32-byte SHA-256
  thumbprint ``T`` as follows (version 1, fixed by the test vectors in ``tests/export`` and
  ``docs/cards.md``):

  1. ``D = SHA-512(b"FamilyFile fingerprint v1\\x00" + T)`` (64 bytes);
  2. take the first 60 bytes of ``D`` as 12 chunks of 5 bytes;
  3. read each chunk as a big-endian unsigned integer and take it modulo 100000, written as
     exactly five decimal digits (zero-padded) — as Signal's safety numbers do;
  4. join the 12 groups with single spaces (60 digits, 12 groups of five).

  The bias of ``2**40 mod 100000`` is below one part in ten million per group. The SHA-512
  step only stretches the 32-byte thumbprint to enough bytes for 12 groups; the domain label
  keeps these digits from colliding with any other use of the thumbprint.

Signatures are JWS ES256: raw ``r || s``, 32 bytes each (64 bytes), never DER.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

CURVE = ec.SECP256R1()
FINGERPRINT_LABEL = b"FamilyFile fingerprint v1\x00"
_COORD = 32


class UnusableKey(ValueError):
    """A JWK that is not an ES256 public key we can use."""


def b64u_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64u_decode(text: str) -> bytes:
    """Strict base64url: the URL-safe alphabet only, no padding, canonical trailing bits."""
    if not isinstance(text, str) or not text.isascii() or len(text) % 4 == 1:
        raise ValueError("not base64url")
    if any(not (c.isalnum() or c in "-_") for c in text):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64u_encode(data) != text:
        raise ValueError("non-canonical base64url")
    return data


def public_jwk(public_key: ec.EllipticCurvePublicKey) -> dict[str, str]:
    """The public key as a JWK with only its required members."""
    numbers = public_key.public_numbers()
    return {
        "crv": "P-256",
        "kty": "EC",
        "x": b64u_encode(numbers.x.to_bytes(_COORD, "big")),
        "y": b64u_encode(numbers.y.to_bytes(_COORD, "big")),
    }


def thumbprint(jwk: dict[str, Any]) -> bytes:
    """RFC 7638 SHA-256 thumbprint of an EC public JWK."""
    canonical = {name: jwk[name] for name in ("crv", "kty", "x", "y")}
    text = json.dumps(canonical, separators=(",", ":"), sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).digest()


def kid_of(jwk: dict[str, Any]) -> str:
    return b64u_encode(thumbprint(jwk))


def fingerprint_of(jwk: dict[str, Any]) -> str:
    """60 digits in 12 groups of five, derived from the thumbprint (see module docstring)."""
    digest = hashlib.sha512(FINGERPRINT_LABEL + thumbprint(jwk)).digest()
    groups = [int.from_bytes(digest[i:i + 5], "big") % 100000 for i in range(0, 60, 5)]
    return " ".join(f"{group:05d}" for group in groups)


def public_key_from_jwk(jwk: dict[str, Any]) -> ec.EllipticCurvePublicKey:
    """Load an ES256 public JWK; anything else (private parts included) is refused."""
    if not isinstance(jwk, dict) or jwk.get("kty") != "EC" or jwk.get("crv") != "P-256":
        raise UnusableKey("not a P-256 public key")
    if "d" in jwk:
        raise UnusableKey("a private key must never be shared or trusted")
    if jwk.get("alg", "ES256") != "ES256" or jwk.get("use", "sig") != "sig":
        raise UnusableKey("key is not for ES256 signatures")
    try:
        x, y = b64u_decode(jwk["x"]), b64u_decode(jwk["y"])
    except (KeyError, ValueError, TypeError) as exc:
        raise UnusableKey("malformed key coordinates") from exc
    if len(x) != _COORD or len(y) != _COORD:
        raise UnusableKey("malformed key coordinates")
    try:
        numbers = ec.EllipticCurvePublicNumbers(int.from_bytes(x, "big"), int.from_bytes(y, "big"), CURVE)
        return numbers.public_key()
    except ValueError as exc:
        raise UnusableKey("the point is not on the P-256 curve") from exc


def verify_es256(jwk: dict[str, Any], message: bytes, signature: bytes) -> bool:
    """Check a raw ``r || s`` ES256 signature; False for anything that does not verify."""
    if len(signature) != 2 * _COORD:
        return False
    r = int.from_bytes(signature[:_COORD], "big")
    s = int.from_bytes(signature[_COORD:], "big")
    try:
        public_key_from_jwk(jwk).verify(encode_dss_signature(r, s), message, ec.ECDSA(hashes.SHA256()))
    except (InvalidSignature, UnusableKey):
        return False
    return True


@dataclass(frozen=True)
class SigningKey:
    """A family's (or practitioner's) ES256 private key."""

    private_key: ec.EllipticCurvePrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(ec.generate_private_key(CURVE))

    @classmethod
    def from_scalar(cls, scalar: int) -> SigningKey:
        """Deterministic key from a private scalar (test vectors only)."""
        return cls(ec.derive_private_key(scalar, CURVE))

    @classmethod
    def from_pkcs8(cls, data: bytes) -> SigningKey:
        key = serialization.load_der_private_key(data, password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != CURVE.name:
            raise UnusableKey("not a P-256 private key")
        return cls(key)

    def to_pkcs8(self) -> bytes:
        """Unencrypted PKCS#8 DER, for storage inside the (encrypted) family file only."""
        return self.private_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )

    @property
    def public_jwk(self) -> dict[str, str]:
        return public_jwk(self.private_key.public_key())

    @property
    def kid(self) -> str:
        return kid_of(self.public_jwk)

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_jwk)

    def sign(self, message: bytes) -> bytes:
        """ES256 signature as raw ``r || s`` (64 bytes)."""
        der = self.private_key.sign(message, ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return r.to_bytes(_COORD, "big") + s.to_bytes(_COORD, "big")

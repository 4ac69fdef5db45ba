"""The recovery key: 160 random bits, written as nine groups of four characters.

Eight groups carry the secret in Crockford base32 (no I, L, O or U, so nothing is
mistaken for 1 or 0); the ninth is a check group, so a mistyped group is caught
before any unlocking is tried.
"""

from __future__ import annotations

import hashlib
import secrets

from familyfile import errors

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
SECRET_BYTES = 20
GROUP = 4
SECRET_GROUPS = 8
GROUPS = SECRET_GROUPS + 1
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def _encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    chars = []
    for _ in range(len(data) * 8 // 5):
        chars.append(ALPHABET[number & 31])
        number >>= 5
    return "".join(reversed(chars))


def _decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = (number << 5) | ALPHABET.index(char)
    return number.to_bytes(len(text) * 5 // 8, "big")


def _check_group(secret: bytes) -> str:
    digest = hashlib.sha256(b"familyfile recovery key check" + secret).digest()
    return _encode(digest[:5])[:GROUP]


def generate() -> bytes:
    return secrets.token_bytes(SECRET_BYTES)


def format_key(secret: bytes) -> str:
    body = _encode(secret) + _check_group(secret)
    return "-".join(body[i : i + GROUP] for i in range(0, len(body), GROUP))


def groups(secret: bytes) -> list[str]:
    return format_key(secret).split("-")


def parse(text: str) -> bytes:
    """Read a typed recovery key, forgiving spaces, dashes, case and look-alike letters."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(cleaned) != GROUP * GROUPS or any(ch not in ALPHABET for ch in cleaned):
        raise errors.ValidationError(
            "recovery_key", "recovery-key-format", groups=GROUPS, size=GROUP
        )
    secret = _decode(cleaned[: GROUP * SECRET_GROUPS])
    if _check_group(secret) != cleaned[GROUP * SECRET_GROUPS :]:
        raise errors.ValidationError(
            "recovery_key", "recovery-key-format", groups=GROUPS, size=GROUP
        )
    return secret

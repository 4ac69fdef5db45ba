"""The share file: every chosen card plus the family's public key, as one JSON file.

Shape (UTF-8, no BOM)::

    {"verifiableCredential": ["<jws>", ...],
     "familyfile": {"key": <public JWK>, "display_name": "...", "fingerprint": "..."}}

``verifiableCredential`` is the SMART Health Cards file form, so other readers can take the
cards; ``familyfile`` is our key entry. The key is only *offered*: a verifier never trusts it
for being here (see docs/cards.md). The reader is strict: exactly these members, no duplicate
keys, a usable ES256 public key whose fingerprint matches the one written beside it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from familyfile.export.keys import UnusableKey, fingerprint_of, public_key_from_jwk
from familyfile.export.verify import Rejected, read_key_card, strict_json

MAX_SHARE_FILE = 4 * 1024 * 1024
MAX_CARDS = 500
_TOP = frozenset({"verifiableCredential", "familyfile"})
_ENTRY = frozenset({"key", "display_name", "fingerprint"})
_ENTRY_WITH_CARD = _ENTRY | {"key_card"}
_JWK = frozenset({"crv", "kty", "x", "y"})


class NotAShareFile(ValueError):
    """The file is not a Family File share file; the message is a plain sentence."""


@dataclass(frozen=True)
class ShareFile:
    cards: tuple[str, ...]
    key: dict[str, str]  # offered, never trusted by being here
    display_name: str
    fingerprint: str
    key_card: str | None = None  # the signed key card naming the issuer, when the file has one


def write_bytes(cards: Sequence[str], key_jwk: dict[str, str], display_name: str,
                key_card: str | None = None) -> bytes:
    """The share file's bytes (minified JSON, UTF-8); ``key_card`` is the family's key card JWS."""
    public_key_from_jwk(key_jwk)
    jwk = {name: key_jwk[name] for name in ("crv", "kty", "x", "y")}
    entry: dict[str, Any] = {"key": jwk, "display_name": display_name, "fingerprint": fingerprint_of(jwk)}
    if key_card is not None:
        _check_key_card(key_card, jwk)
        entry["key_card"] = key_card
    document = {"verifiableCredential": list(cards), "familyfile": entry}
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def read_bytes(data: bytes) -> ShareFile:
    """The cards and the offered key; NotAShareFile for anything that is not exactly a share file."""
    if len(data) > MAX_SHARE_FILE:
        raise NotAShareFile("This file is too large to be a share file.")
    try:
        document = strict_json(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAShareFile(f"This file is not a readable share file ({exc}).") from exc
    if set(document) != _TOP:
        raise NotAShareFile("This file is not a Family File share file.")
    cards, entry = document["verifiableCredential"], document["familyfile"]
    if (not isinstance(cards, list) or not cards or len(cards) > MAX_CARDS
            or not all(isinstance(c, str) and c for c in cards)):
        raise NotAShareFile("The share file's list of cards is not readable.")
    if not isinstance(entry, dict) or set(entry) not in (_ENTRY, _ENTRY_WITH_CARD):
        raise NotAShareFile("The share file's key entry is not readable.")
    jwk, name, printed = entry["key"], entry["display_name"], entry["fingerprint"]
    if not isinstance(jwk, dict) or set(jwk) != _JWK or not isinstance(name, str):
        raise NotAShareFile("The share file's key entry is not readable.")
    try:
        public_key_from_jwk(jwk)
    except UnusableKey as exc:
        raise NotAShareFile(f"The share file's key cannot be used ({exc}).") from exc
    if printed != fingerprint_of(jwk):
        raise NotAShareFile("The fingerprint written in the share file does not match its key.")
    key_card = entry.get("key_card")
    if key_card is not None:
        if not isinstance(key_card, str):
            raise NotAShareFile("The share file's key card is not readable.")
        _check_key_card(key_card, jwk)
    key: dict[str, Any] = dict(jwk)
    return ShareFile(tuple(cards), key, name, printed, key_card)


def _check_key_card(key_card: str, jwk: dict[str, Any]) -> None:
    """The key card must be a genuine key card for exactly this key."""
    try:
        card = read_key_card(key_card)
    except Rejected as exc:
        raise NotAShareFile(f"The share file's key card is not genuine ({exc.reason}).") from exc
    if card.fingerprint != fingerprint_of(jwk):
        raise NotAShareFile("The share file's key card is for a different key.")

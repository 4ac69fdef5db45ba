"""Verifying a SMART Health Card, in the order the reference sets (docs/cards.md).

1. Parse strictly: three base64url parts, canonical, no BOM, no whitespace or trailing data;
   JSON with no duplicate keys.
2. Header allow-list: exactly ``alg`` (must be ES256), ``zip`` (must be DEF) and ``kid``;
   ``none``, HMAC, ``crit``, ``jku``, ``jwk`` … are refused.
3. Check the signature (with the key whose thumbprint is ``kid``) BEFORE decompressing.
4. Inflate with a hard output cap.
5. ``nbf`` (five minutes' skew) and ``exp``.
6. The signer: pinned for this issuer (known), not pinned (unknown), or pinned with another key
   (changed).

The result is one :class:`Outcome` with a plain-language reason; only ``VERIFIED_KNOWN_SIGNER``
may ever be shown as verified.
"""

from __future__ import annotations

import enum
import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.export import shc
from familyfile.export.keys import b64u_decode, fingerprint_of, kid_of, public_key_from_jwk, verify_es256

INFLATE_CAP = 64 * 1024
MAX_JWS_BYTES = 256 * 1024
MAX_KEY_CARD = 4096
CLOCK_SKEW = timedelta(minutes=5)
ALLOWED_HEADER = frozenset({"alg", "zip", "kid"})
PREVIOUS_KEY_REASON = "verified, signed by this signer's previous key (trusted before they changed it)"


class Outcome(enum.Enum):
    VERIFIED_KNOWN_SIGNER = "verified, signed by a key you trust"
    VALID_UNKNOWN_SIGNER = "the signature is valid, but you have not trusted this signer's key"
    UNKNOWN_KEY = "signed by a key you have not been given, so it cannot be checked"
    SIGNER_KEY_CHANGED = "WARNING: signed with a different key from the one you trusted for this family"
    ALTERED = "altered or forged: the signature does not match"
    EXPIRED = "expired"
    NOT_YET_VALID = "not valid yet"
    NOT_A_FAMILY_FILE_CARD = "not a health card"
    UNREADABLE = "unreadable"


class Rejected(ValueError):
    def __init__(self, outcome: Outcome, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


class InflateCapExceeded(ValueError):
    """The compressed payload would inflate past the cap (a card is small)."""

    def __init__(self, produced: int) -> None:
        super().__init__(f"the card's content is larger than {INFLATE_CAP} bytes")
        self.produced = produced


@dataclass
class Verification:
    outcome: Outcome
    reason: str
    payload: dict[str, Any] | None = None
    issuer: str | None = None
    kid: str | None = None
    fingerprint: str | None = None
    family_file: bool = False

    @property
    def verified(self) -> bool:
        return self.outcome is Outcome.VERIFIED_KNOWN_SIGNER


@dataclass
class TrustStore:
    """Pinned public keys by issuer (``familyfile:<family id>`` or another issuer's URL).

    When a pinned key is replaced (the family rotated its key and the new fingerprint was
    compared), the old one is kept in ``previous``: cards it signed before still verify, as
    "signed by this family's previous key"."""

    keys: dict[str, dict[str, Any]] = field(default_factory=dict)
    previous: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def pin(self, issuer: str, jwk: dict[str, Any]) -> None:
        public_key_from_jwk(jwk)  # refuses anything that is not an ES256 public key
        new = {name: jwk[name] for name in ("crv", "kty", "x", "y")}
        old = self.keys.get(issuer)
        if old is not None and kid_of(old) != kid_of(new):
            kept = [k for k in self.previous.get(issuer, []) if kid_of(k) not in (kid_of(old), kid_of(new))]
            self.previous[issuer] = [*kept, old]
        self.keys[issuer] = new

    def key_for(self, issuer: str) -> dict[str, Any] | None:
        return self.keys.get(issuer)

    def key_with_kid(self, kid: str) -> dict[str, Any] | None:
        return next((jwk for jwk in self.keys.values() if kid_of(jwk) == kid), None) or next(
            (jwk for found in self.previous.values() for jwk in found if kid_of(jwk) == kid), None)

    def is_previous(self, issuer: str, kid: str) -> bool:
        """Whether ``kid`` is a key this issuer used before the one pinned now."""
        return any(kid_of(jwk) == kid for jwk in self.previous.get(issuer, []))

    def to_json(self) -> str:
        data: dict[str, Any] = {"version": 1, "keys": self.keys}
        if self.previous:
            data["previous"] = self.previous
        return json.dumps(data, indent=2, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> TrustStore:
        data = strict_json(text.encode("utf-8"))
        store = cls()
        for issuer, old_keys in (data.get("previous") or {}).items():
            for jwk in old_keys:
                public_key_from_jwk(jwk)
            store.previous[issuer] = [{name: k[name] for name in ("crv", "kty", "x", "y")} for k in old_keys]
        for issuer, jwk in data.get("keys", {}).items():
            public_key_from_jwk(jwk)
            store.keys[issuer] = {name: jwk[name] for name in ("crv", "kty", "x", "y")}
        return store

    @classmethod
    def load(cls, path: Path) -> TrustStore:
        return cls.from_json(path.read_text("utf-8")) if path.exists() else cls()


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in pairs:
        if name in out:
            raise ValueError(f"duplicate JSON key {name!r}")
        out[name] = value
    return out


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def strict_json(data: bytes) -> dict[str, Any]:
    """A JSON object from UTF-8 bytes: no BOM, no duplicate keys, no NaN, nothing after it."""
    if data.startswith(b"\xef\xbb\xbf"):
        raise ValueError("byte-order mark")
    value = json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def inflate_capped(data: bytes, cap: int = INFLATE_CAP) -> bytes:
    """Raw-DEFLATE inflate that stops at ``cap`` output bytes; the stream must end exactly."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, cap)
    except zlib.error as exc:
        raise ValueError("corrupt compressed content") from exc
    if inflater.unconsumed_tail or (len(out) == cap and not inflater.eof):
        raise InflateCapExceeded(len(out))
    if not inflater.eof or inflater.unused_data:
        raise ValueError("compressed content is truncated or has trailing data")
    return out


def parse_compact(jws: str) -> tuple[dict[str, Any], bytes, bytes, bytes]:
    """(header, signing input, compressed payload, signature); Rejected(UNREADABLE) if malformed."""
    if len(jws) > MAX_JWS_BYTES:
        raise Rejected(Outcome.UNREADABLE, "too large to be a card")
    parts = jws.split(".")
    if len(parts) != 3 or not all(parts):
        raise Rejected(Outcome.UNREADABLE, "not a signed card (expected three parts)")
    try:
        header_bytes, payload, signature = (b64u_decode(part) for part in parts)
        header = strict_json(header_bytes)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Rejected(Outcome.UNREADABLE, f"not a well-formed signed card ({exc})") from exc
    return header, (parts[0] + "." + parts[1]).encode("ascii"), payload, signature


def check_header(header: dict[str, Any]) -> str:
    """The ``kid``, if the header is exactly what a card may carry."""
    alg = header.get("alg")
    if alg != "ES256":
        raise Rejected(Outcome.ALTERED, f"uses the signature algorithm {alg!r}; only ES256 is accepted")
    unknown = sorted(set(header) - ALLOWED_HEADER)
    if unknown:
        raise Rejected(Outcome.ALTERED, f"carries header fields that are not accepted: {', '.join(unknown)}")
    if header.get("zip") != "DEF":
        raise Rejected(Outcome.NOT_A_FAMILY_FILE_CARD, "not a compressed health card (zip must be DEF)")
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise Rejected(Outcome.UNREADABLE, "the card does not name its signing key")
    return kid


def _check_payload(payload: dict[str, Any]) -> str:
    vc = payload.get("vc")
    issuer = payload.get("iss")
    if not isinstance(issuer, str) or not isinstance(vc, dict):
        raise Rejected(Outcome.NOT_A_FAMILY_FILE_CARD, "not a health card (no issuer or credential)")
    types, subject = vc.get("type"), vc.get("credentialSubject")
    if not isinstance(types, list) or shc.HEALTH_CARD_TYPE not in types or not isinstance(subject, dict):
        raise Rejected(Outcome.NOT_A_FAMILY_FILE_CARD, "not a SMART Health Card")
    if not isinstance(subject.get("fhirBundle"), dict):
        raise Rejected(Outcome.NOT_A_FAMILY_FILE_CARD, "the card carries no FHIR bundle")
    for name in ("nbf", "exp"):
        value = payload.get(name, 0)
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise Rejected(Outcome.UNREADABLE, f"{name} is not a time")
    if "nbf" not in payload:
        raise Rejected(Outcome.UNREADABLE, "the card has no issue time (nbf)")
    return issuer


def verify_jws(jws: str, trust: TrustStore, *, offered_keys: Iterable[dict[str, Any]] = (),
               clock: Clock = SYSTEM_CLOCK) -> Verification:
    """Verify one compact JWS. ``offered_keys`` came with it (a key card, a share file): never trusted."""
    try:
        header, signing_input, compressed, signature = parse_compact(jws)
        kid = check_header(header)
    except Rejected as rejected:
        return Verification(rejected.outcome, rejected.reason)
    jwk = trust.key_with_kid(kid) or next((k for k in offered_keys if _kid_or_none(k) == kid), None)
    if jwk is None:
        return Verification(Outcome.UNKNOWN_KEY, Outcome.UNKNOWN_KEY.value, kid=kid)
    fingerprint = fingerprint_of(jwk)
    if not verify_es256(jwk, signing_input, signature):
        return Verification(Outcome.ALTERED, Outcome.ALTERED.value, kid=kid, fingerprint=fingerprint)
    try:
        payload = strict_json(inflate_capped(compressed))
        issuer = _check_payload(payload)
    except InflateCapExceeded as exc:
        return Verification(Outcome.UNREADABLE, str(exc), kid=kid, fingerprint=fingerprint)
    except Rejected as rejected:
        return Verification(rejected.outcome, rejected.reason, kid=kid, fingerprint=fingerprint)
    except (ValueError, UnicodeDecodeError) as exc:
        return Verification(Outcome.UNREADABLE, f"the content is not readable ({exc})", kid=kid,
                            fingerprint=fingerprint)
    result = Verification(Outcome.VERIFIED_KNOWN_SIGNER, Outcome.VERIFIED_KNOWN_SIGNER.value, payload=payload,
                          issuer=issuer, kid=kid, fingerprint=fingerprint,
                          family_file=issuer.startswith(shc.ISS_PREFIX))
    now = clock.now().timestamp()
    if payload["nbf"] > now + CLOCK_SKEW.total_seconds():
        result.outcome, result.reason = Outcome.NOT_YET_VALID, "not valid yet: it starts in the future"
    elif "exp" in payload and payload["exp"] <= now:
        result.outcome, result.reason = Outcome.EXPIRED, "expired: the end date the family set has passed"
    else:
        pinned = trust.key_for(issuer)
        if pinned is None:
            result.outcome, result.reason = Outcome.VALID_UNKNOWN_SIGNER, Outcome.VALID_UNKNOWN_SIGNER.value
        elif kid_of(pinned) != kid and trust.is_previous(issuer, kid):
            result.reason = PREVIOUS_KEY_REASON
        elif kid_of(pinned) != kid:
            result.outcome, result.reason = Outcome.SIGNER_KEY_CHANGED, Outcome.SIGNER_KEY_CHANGED.value
    return result


def verify_qr_text(content: str, trust: TrustStore, *, offered_keys: Iterable[dict[str, Any]] = (),
                   clock: Clock = SYSTEM_CLOCK) -> Verification:
    """Verify the text read from a QR code (``shc:/…``)."""
    try:
        jws = shc.from_numeric(content)
    except ValueError as exc:
        return Verification(Outcome.NOT_A_FAMILY_FILE_CARD, f"not a health card QR code ({exc})")
    return verify_jws(jws, trust, offered_keys=offered_keys, clock=clock)


@dataclass(frozen=True)
class KeyCard:
    issuer: str
    name: str
    jwk: dict[str, Any]
    kid: str
    fingerprint: str


def read_key_card(jws: str) -> KeyCard:
    """A key card's contents once its self-signature checks; Rejected otherwise. Not trust."""
    if len(jws) > MAX_KEY_CARD:
        raise Rejected(Outcome.UNREADABLE, "too large to be a key card")
    header, signing_input, payload_bytes, signature = parse_compact(jws)
    if header.get("alg") != "ES256" or set(header) != {"alg", "kid"}:
        raise Rejected(Outcome.ALTERED, "not a key card signed with ES256")
    try:
        payload = strict_json(payload_bytes)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Rejected(Outcome.UNREADABLE, f"the key card is not readable ({exc})") from exc
    card, issuer = payload.get("keyCard"), payload.get("iss")
    if not isinstance(card, dict) or card.get("type") != shc.KEY_CARD_TYPE or not isinstance(issuer, str):
        raise Rejected(Outcome.NOT_A_FAMILY_FILE_CARD, "not a Family File key card")
    jwk, name = card.get("jwk"), card.get("name")
    if not isinstance(jwk, dict) or not isinstance(name, str) or _kid_or_none(jwk) != header["kid"]:
        raise Rejected(Outcome.ALTERED, "the key card's key does not match its header")
    if not verify_es256(jwk, signing_input, signature):
        raise Rejected(Outcome.ALTERED, Outcome.ALTERED.value)
    return KeyCard(issuer, name, jwk, header["kid"], fingerprint_of(jwk))


def _kid_or_none(jwk: Any) -> str | None:
    try:
        return kid_of(jwk)
    except (KeyError, TypeError):
        return None

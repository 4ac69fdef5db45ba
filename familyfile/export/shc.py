"""SMART Health Card encoding: payload → raw DEFLATE → compact JWS (ES256) → ``shc:/`` numeric QR.

Pure functions: no vault, no UI. The caller decides what goes into the FHIR Bundle (always
through the consent selection rule) and splits a selection too large for one card by content;
nothing here ever truncates.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime
from typing import Any

import qrcode
from qrcode.image.base import BaseImage
from qrcode.util import MODE_8BIT_BYTE, MODE_NUMBER, QRData

from familyfile.export.keys import SigningKey, b64u_encode

HEALTH_CARD_TYPE = "https://smarthealth.cards#health-card"
FHIR_VERSION = "4.0.1"
ISS_PREFIX = "familyfile:"
QR_PREFIX = "shc:/"
MAX_QR_VERSION = 22
#: JWS characters that fit one QR of version 22 at error correction M (numeric mode).
MAX_JWS_CHARS = 927
_OFFSET = 45  # ord("-"), the lowest base64url/JWS character


class CardTooLarge(ValueError):
    """The card does not fit one QR of version 22 at level M: split it by content."""

    def __init__(self, jws_chars: int) -> None:
        super().__init__(
            f"this card needs {jws_chars} characters but one QR code holds at most {MAX_JWS_CHARS}: "
            "split the selection into more cards"
        )
        self.jws_chars = jws_chars


def issuer_for(family_id: str) -> str:
    """Our ``iss``: ``familyfile:<family file id>`` (no web site; keys are pinned, see docs/cards.md)."""
    return ISS_PREFIX + family_id


def minified_json(value: Any) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode("utf-8")


def _strip(value: Any, refs: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [_strip(item, refs) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for name, item in value.items():
        if name == "display" and "code" in value:
            continue  # Coding.display where the code says it
        if name == "text" and isinstance(value.get("coding"), list) and value["coding"]:
            continue  # CodeableConcept.text where codings say it
        if name == "reference" and isinstance(item, str):
            out[name] = refs.get(item, item)
            continue
        out[name] = _strip(item, refs)
    return out


def minimise_bundle(bundle: dict[str, Any]) -> dict[str, Any]:
    """A FHIR Bundle minimised as SMART Health Cards asks.

    No ``Resource.id``, ``meta`` or narrative ``text``; no ``display`` where a code says it;
    each entry's ``fullUrl`` becomes ``resource:N`` and references to it (by its old fullUrl
    or as ``Type/id``) are rewritten to match.
    """
    entries = bundle.get("entry", [])
    refs: dict[str, str] = {}
    for index, entry in enumerate(entries):
        short = f"resource:{index}"
        resource = entry.get("resource", {})
        if "fullUrl" in entry:
            refs[entry["fullUrl"]] = short
        if "id" in resource and "resourceType" in resource:
            refs[f"{resource['resourceType']}/{resource['id']}"] = short
    minimised: list[dict[str, Any]] = []
    for index, entry in enumerate(entries):
        resource = {k: v for k, v in entry.get("resource", {}).items() if k not in ("id", "meta", "text")}
        minimised.append({"fullUrl": f"resource:{index}", "resource": _strip(resource, refs)})
    return {"resourceType": "Bundle", "type": bundle.get("type", "collection"), "entry": minimised}


def build_payload(iss: str, bundle: dict[str, Any], nbf: datetime, exp: datetime | None) -> dict[str, Any]:
    payload: dict[str, Any] = {"iss": iss, "nbf": int(nbf.timestamp())}
    if exp is not None:
        payload["exp"] = int(exp.timestamp())
    payload["vc"] = {
        "type": [HEALTH_CARD_TYPE],
        "credentialSubject": {"fhirVersion": FHIR_VERSION, "fhirBundle": bundle},
    }
    return payload


def deflate_raw(data: bytes) -> bytes:
    """Raw DEFLATE (RFC 1951): no zlib header or checksum."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def sign_compressed(key: SigningKey, compressed: bytes) -> str:
    """Compact JWS over already-compressed bytes (tests use this to sign hostile payloads)."""
    header = {"alg": "ES256", "zip": "DEF", "kid": key.kid}
    signing_input = b64u_encode(minified_json(header)) + "." + b64u_encode(compressed)
    return signing_input + "." + b64u_encode(key.sign(signing_input.encode("ascii")))


def encode_jws(key: SigningKey, payload: dict[str, Any]) -> str:
    return sign_compressed(key, deflate_raw(minified_json(payload)))


def to_numeric(jws: str) -> str:
    """The QR content: ``shc:/`` then two digits per JWS character (``ord(c) - 45``)."""
    return QR_PREFIX + _digits(jws)


def _digits(jws: str) -> str:
    if any(not (45 <= ord(c) <= 122) for c in jws):
        raise ValueError("not a compact JWS")
    return "".join(f"{ord(c) - _OFFSET:02d}" for c in jws)


def from_numeric(content: str) -> str:
    """Inverse of :func:`to_numeric`; strict (ValueError for anything else)."""
    if not content.startswith(QR_PREFIX):
        raise ValueError("not a SMART Health Card QR (no shc:/ prefix)")
    digits = content[len(QR_PREFIX):]
    if not digits or len(digits) % 2 or not (digits.isascii() and digits.isdigit()):
        raise ValueError("shc:/ content must be an even number of digits")
    values = [int(digits[i:i + 2]) for i in range(0, len(digits), 2)]
    if any(value > 122 - _OFFSET for value in values):
        raise ValueError("shc:/ digit pair out of range")
    return "".join(chr(value + _OFFSET) for value in values)


def make_qr(jws: str) -> qrcode.QRCode:
    """A QR code at level M with two segments (byte ``shc:/``, numeric JWS), version ≤ 22."""
    if len(jws) > MAX_JWS_CHARS:
        raise CardTooLarge(len(jws))
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(QRData(QR_PREFIX.encode("ascii"), mode=MODE_8BIT_BYTE, check_data=False))
    qr.add_data(QRData(_digits(jws), mode=MODE_NUMBER, check_data=False))
    qr.make(fit=True)
    if qr.version is None or qr.version > MAX_QR_VERSION:
        raise CardTooLarge(len(jws))
    return qr


def render_qr(jws: str, *, box_size: int = 4) -> BaseImage:
    """A PIL image of the card's QR code, with its four-module quiet zone."""
    qr = make_qr(jws)
    qr.box_size = box_size
    return qr.make_image()


KEY_CARD_TYPE = "familyfile:key-card"


def encode_key_card(key: SigningKey, iss: str, name: str, issued: datetime) -> str:
    """The "key card": the signer's public key and display name, signed by that key.

    A compact JWS that is *not* compressed (header ``{"alg":"ES256","kid":…}``), so a verifier
    can read the key it must check the signature with without inflating anything first. It
    proves only that whoever made it holds the key; trust comes from comparing fingerprints.
    """
    payload = {"iss": iss, "nbf": int(issued.timestamp()),
               "keyCard": {"type": KEY_CARD_TYPE, "name": name, "jwk": key.public_jwk}}
    header = {"alg": "ES256", "kid": key.kid}
    signing_input = b64u_encode(minified_json(header)) + "." + b64u_encode(minified_json(payload))
    return signing_input + "." + b64u_encode(key.sign(signing_input.encode("ascii")))

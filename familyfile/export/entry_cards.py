"""Entry cards and acknowledgement cards: a practitioner's signed answer to a family (pure).

Both are SMART Health Cards (``shc.build_payload``: ES256, raw DEFLATE, ``kid``), issued by
``familyfile-practitioner:<identity id>``, so ``familyfile verify`` reads them. Beside the FHIR
Bundle, ``vc.credentialSubject`` carries one more member::

    "familyfile": {"type": "familyfile:entry-card" | "familyfile:acknowledgement",
                   "id": "<random card id>", "for": "<the family's iss>", ...}

``id`` makes importing idempotent; ``for`` names the family whose verified handover the card
answers. The card does **not** name the practitioner: their name, role, organisation and ODS
code are on their key card, signed with the same key (the family pins it after comparing the
fingerprint; a verifier shows the name from the key card offered with the card). That keeps
every card within one QR code of version 22 at level M (``shc.make_qr``, 927 characters).
An entry card's Bundle is ``resource:0`` the child's minimal Patient (copied from the family's
card), then, with no ``performer``:

* growth: one Observation per value (LOINC 29463-7 kg, 8302-2 cm, 9843-4 cm; UCUM units);
* immunisation: an Immunization (SNOMED code from the schedule, plus the schedule's key under
  ``urn:familyfile:vaccine``) with its dose number;
* review: an Observation ``urn:familyfile:entry#integrated-review`` with the outcome as
  ``valueString``;
* note: an Observation ``urn:familyfile:entry#note`` (``valueString``, EYFS area as category);

An acknowledgement's Bundle is one Communication "Received" (``sent`` is the day, no
``sender``); its marker adds the SHA-256 of what was received as unpadded base64url.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from familyfile.export import shc
from familyfile.export.cards import (
    GROWTH_CODES,
    LOINC,
    NHS_NUMBER_SYSTEM,
    SNOMED,
    UCUM,
)

ENTRY_TYPE = "familyfile:entry-card"
ACK_TYPE = "familyfile:acknowledgement"
ENTRY_SYSTEM = "urn:familyfile:entry"
VACCINE_SYSTEM = "urn:familyfile:vaccine"
AREA_SYSTEM = "urn:familyfile:eyfs-area"
GROWTH, IMMUNISATION, REVIEW, NOTE = "growth", "immunisation", "review", "note"
KINDS = (GROWTH, IMMUNISATION, REVIEW, NOTE)
#: The longest note and review outcome for which the worst case (English text at the limit, the
#: child named by first name and birth date, random ids) still leaves 10 of the 927 characters of
#: one QR code at level M: a note needs at most 916 (its EYFS area takes room), an outcome 902.
NOTE_MAX = 145
OUTCOME_MAX = 160
_PATIENT = "resource:0"
_FIRST_CONTENT = 1  # entry cards: the Patient, then the content
_HASHES = ("file_sha256", "cards_sha256")
RECEIVED = "Received"


class NotAnEntryCard(ValueError):
    """The verified card is not an entry or acknowledgement card we can read."""


@dataclass(frozen=True)
class EntryContent:
    """One thing the practitioner confirms; ``on`` is the day (ISO)."""

    kind: str
    on: str
    weight_kg: float | None = None
    height_cm: float | None = None
    head_cm: float | None = None
    vaccine: str = ""
    snomed: str | None = None
    dose: int | None = None
    outcome: str = ""
    text: str = ""
    area: str = ""


@dataclass(frozen=True)
class EntryCard:
    card_id: str
    family_issuer: str
    patient: dict[str, Any]
    content: EntryContent


@dataclass(frozen=True)
class Acknowledgement:
    card_id: str
    family_issuer: str
    received_on: str
    file_sha256: str | None = None
    cards_sha256: str | None = None


# -- building ---------------------------------------------------------------------------------------
def sha256_b64(hex_digest: str) -> str:
    """A SHA-256 written as hex (as the sharing log holds it) in unpadded base64url (43 characters)."""
    return base64.urlsafe_b64encode(bytes.fromhex(hex_digest)).rstrip(b"=").decode("ascii")


def sha256_hex(b64: str) -> str:
    """Inverse of :func:`sha256_b64`; NotAnEntryCard unless it is 32 bytes."""
    _need(isinstance(b64, str) and len(b64) == 43 and b64.isascii(), "hash")
    try:
        raw = base64.b64decode(b64 + "=", altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise NotAnEntryCard("hash") from None
    _need(len(raw) == 32 and sha256_b64(raw.hex()) == b64, "hash")
    return raw.hex()


def _subject() -> dict[str, str]:
    return {"reference": _PATIENT}


def _entry_code(code: str) -> dict[str, Any]:
    return {"coding": [{"system": ENTRY_SYSTEM, "code": code}]}


def content_resources(content: EntryContent) -> list[dict[str, Any]]:
    """The FHIR resources saying what the practitioner confirms."""
    if content.kind == GROWTH:
        values = {"weight_kg": content.weight_kg, "height_cm": content.height_cm, "head_cm": content.head_cm}
        found = [{"resourceType": "Observation", "status": "final",
                  "code": {"coding": [{"system": LOINC, "code": loinc}]}, "subject": _subject(),
                  "effectiveDateTime": content.on,
                  "valueQuantity": {"value": values[name], "unit": unit, "system": UCUM, "code": unit}}
                 for name, loinc, unit in GROWTH_CODES if values[name] is not None]
        if not found:
            raise ValueError("a growth card needs at least one value")
        return found
    if content.kind == IMMUNISATION:
        codings = [{"system": VACCINE_SYSTEM, "code": content.vaccine}]
        if content.snomed:
            codings.insert(0, {"system": SNOMED, "code": content.snomed})
        res: dict[str, Any] = {"resourceType": "Immunization", "status": "completed",
                               "vaccineCode": {"coding": codings}, "patient": _subject(),
                               "occurrenceDateTime": content.on}
        if content.dose is not None:
            res["protocolApplied"] = [{"doseNumberPositiveInt": content.dose}]
        return [res]
    if content.kind == REVIEW:
        return [{"resourceType": "Observation", "status": "final", "code": _entry_code("integrated-review"),
                 "subject": _subject(), "effectiveDateTime": content.on,
                 "valueString": content.outcome}]
    if content.kind == NOTE:
        return [{"resourceType": "Observation", "status": "final", "code": _entry_code("note"),
                 "category": [{"coding": [{"system": AREA_SYSTEM, "code": content.area}]}],
                 "subject": _subject(), "effectiveDateTime": content.on,
                 "valueString": content.text}]
    raise ValueError(f"unknown entry kind {content.kind!r}")


def _bundle(resources: list[dict[str, Any]]) -> dict[str, Any]:
    return {"resourceType": "Bundle", "type": "collection",
            "entry": [{"fullUrl": f"resource:{n}", "resource": r} for n, r in enumerate(resources)]}


def _payload(issuer: str, bundle: dict[str, Any], marker: dict[str, Any], nbf: datetime,
             exp: datetime | None) -> dict[str, Any]:
    payload = shc.build_payload(issuer, bundle, nbf, exp)
    payload["vc"]["credentialSubject"]["familyfile"] = marker
    return payload


def entry_payload(card: EntryCard, issuer: str, *, nbf: datetime, exp: datetime | None) -> dict[str, Any]:
    """The SMART Health Card payload of an entry card."""
    bundle = _bundle([card.patient, *content_resources(card.content)])
    return _payload(issuer, bundle, {"type": ENTRY_TYPE, "id": card.card_id, "for": card.family_issuer},
                    nbf, exp)


def ack_payload(ack: Acknowledgement, issuer: str, *, nbf: datetime, exp: datetime | None) -> dict[str, Any]:
    """The payload of an acknowledgement card: one Communication "Received", ``sent`` the day; the
    hashes are in the marker as base64url. Who received it is on the signer's key card."""
    communication = {"resourceType": "Communication", "status": "completed", "sent": ack.received_on,
                     "payload": [{"contentString": RECEIVED}]}
    marker: dict[str, Any] = {"type": ACK_TYPE, "id": ack.card_id, "for": ack.family_issuer}
    for name in _HASHES:
        if getattr(ack, name):
            marker[name] = sha256_b64(getattr(ack, name))
    return _payload(issuer, _bundle([communication]), marker, nbf, exp)


# -- reading ----------------------------------------------------------------------------------------
def card_type(payload: dict[str, Any]) -> str | None:
    """ENTRY_TYPE, ACK_TYPE or None (a card of another kind)."""
    subject = (payload.get("vc") or {}).get("credentialSubject") or {}
    marker = subject.get("familyfile") if isinstance(subject, dict) else None
    kind = marker.get("type") if isinstance(marker, dict) else None
    return kind if kind in (ENTRY_TYPE, ACK_TYPE) else None


def _need(condition: bool, what: str) -> None:
    if not condition:
        raise NotAnEntryCard(what)


def _text(value: Any, what: str, limit: int = 200) -> str:
    _need(isinstance(value, str) and len(value) <= limit, what)
    return str(value)


def _day(value: Any) -> str:
    _need(isinstance(value, str), "a date is missing")
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise NotAnEntryCard("a date is not a date") from None


def _resources(payload: dict[str, Any], kinds: tuple[str, ...], at_least: int) -> list[dict[str, Any]]:
    """The Bundle's resources: ``kinds`` first, then at least ``at_least`` in all."""
    bundle = payload["vc"]["credentialSubject"].get("fhirBundle")
    _need(isinstance(bundle, dict) and isinstance(bundle.get("entry"), list), "no FHIR bundle")
    found: list[dict[str, Any]] = [e["resource"] for e in bundle["entry"]
                                   if isinstance(e, dict) and isinstance(e.get("resource"), dict)]
    _need(len(found) == len(bundle["entry"]) and len(found) >= at_least, "the bundle is incomplete")
    _need([r.get("resourceType") for r in found[:len(kinds)]] == list(kinds), "unexpected resources")
    return found


def _marker(payload: dict[str, Any], kind: str) -> dict[str, Any]:
    _need(card_type(payload) == kind, "not a card of this kind")
    marker = payload["vc"]["credentialSubject"]["familyfile"]
    _text(marker.get("id"), "no card id", 64)
    _text(marker.get("for"), "no family named", 200)
    _need(bool(marker["id"]) and bool(marker["for"]), "empty card id or family")
    return dict(marker)


def _codes(concept: Any) -> dict[str, str]:
    codings = concept.get("coding") if isinstance(concept, dict) else None
    if not isinstance(codings, list):
        raise NotAnEntryCard("no code")
    return {str(c.get("system")): str(c.get("code")) for c in codings if isinstance(c, dict)}


def _content(found: list[dict[str, Any]]) -> EntryContent:
    items = found[_FIRST_CONTENT:]
    first = items[0]
    if first.get("resourceType") == "Immunization":
        _need(len(items) == 1, "more than one vaccination")
        codes = _codes(first.get("vaccineCode"))
        _need(VACCINE_SYSTEM in codes, "the vaccine is not named")
        dose = None
        applied = first.get("protocolApplied")
        if applied is not None:
            _need(isinstance(applied, list) and len(applied) == 1 and isinstance(applied[0], dict), "dose")
            dose = applied[0].get("doseNumberPositiveInt")
            _need(isinstance(dose, int) and not isinstance(dose, bool) and dose > 0, "dose")
        return EntryContent(IMMUNISATION, _day(first.get("occurrenceDateTime")),
                            vaccine=codes[VACCINE_SYSTEM], snomed=codes.get(SNOMED), dose=dose)
    _need(all(r.get("resourceType") == "Observation" for r in items), "unexpected resources")
    codes = _codes(first.get("code"))
    on = _day(first.get("effectiveDateTime"))
    if codes.get(ENTRY_SYSTEM) in ("integrated-review", "note"):
        _need(len(items) == 1, "more than one note")
        value = first.get("valueString")
        if codes[ENTRY_SYSTEM] == "integrated-review":
            return EntryContent(REVIEW, on, outcome=_text(value, "outcome", OUTCOME_MAX))
        area = _codes((first.get("category") or [{}])[0]).get(AREA_SYSTEM, "")
        return EntryContent(NOTE, on, text=_text(value, "note", NOTE_MAX), area=area)
    values: dict[str, float] = {}
    by_loinc = {loinc: name for name, loinc, _unit in GROWTH_CODES}
    for item in items:
        code = _codes(item.get("code")).get(LOINC)
        _need(code in by_loinc and by_loinc[str(code)] not in values, "not a growth measurement")
        _need(_day(item.get("effectiveDateTime")) == on, "measurements on different days")
        quantity = item.get("valueQuantity") or {}
        value = quantity.get("value") if isinstance(quantity, dict) else None
        _need(isinstance(value, int | float) and not isinstance(value, bool), "a value is missing")
        unit = next(u for n, c, u in GROWTH_CODES if c == code)
        _need(quantity.get("code") == unit and quantity.get("system") == UCUM, "unexpected unit")
        values[by_loinc[str(code)]] = float(value)  # type: ignore[arg-type]
    return EntryContent(GROWTH, on, values.get("weight_kg"), values.get("height_cm"), values.get("head_cm"))


def parse_entry(payload: dict[str, Any]) -> EntryCard:
    """An entry card's contents (from a payload whose signature was checked); NotAnEntryCard."""
    marker = _marker(payload, ENTRY_TYPE)
    try:
        found = _resources(payload, ("Patient",), _FIRST_CONTENT + 1)
        return EntryCard(str(marker["id"]), str(marker["for"]), found[0], _content(found))
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise NotAnEntryCard("the card's content is not readable") from exc


def parse_ack(payload: dict[str, Any]) -> Acknowledgement:
    """An acknowledgement's contents (hashes back in hex, as the sharing log holds them)."""
    marker = _marker(payload, ACK_TYPE)
    try:
        found = _resources(payload, ("Communication",), 1)
        _need(len(found) == 1, "unexpected resources")
        hashes = {n: None if marker.get(n) is None else sha256_hex(marker[n]) for n in _HASHES}
        return Acknowledgement(str(marker["id"]), str(marker["for"]), _day(found[0].get("sent")),
                               hashes["file_sha256"], hashes["cards_sha256"])
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise NotAnEntryCard("the card's content is not readable") from exc


# -- the child named in a card ----------------------------------------------------------------------
def patient_nhs_number(patient: dict[str, Any]) -> str | None:
    for ident in patient.get("identifier") or []:
        if isinstance(ident, dict) and ident.get("system") == NHS_NUMBER_SYSTEM and ident.get("value"):
            return "".join(str(ident["value"]).split())
    return None


def patient_given_name(patient: dict[str, Any]) -> str | None:
    names = patient.get("name") or []
    if names and isinstance(names[0], dict) and names[0].get("given"):
        return str(names[0]["given"][0])
    return None


def patient_birth_date(patient: dict[str, Any]) -> str | None:
    value = patient.get("birthDate")
    return str(value) if isinstance(value, str) and value else None

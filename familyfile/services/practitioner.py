"""Practitioner mode: their identity file, their key card, entry cards and acknowledgements.

A practitioner (health visitor, GP practice nurse, nursery manager …) keeps one encrypted
identity file (``store.identity_file``) with their name, role, organisation, optional ODS code
and an ES256 signing key. For a child in a family's handover they have **verified** (with
``services.verifier``), they issue an entry card — a growth measurement, an integrated review
outcome, a vaccination given or a short note — or an acknowledgement card ("received").
The cards do not name the practitioner: their key card does (:func:`key_card`), and families
pin it after comparing the fingerprint. Every card prints as one QR code at level M.
See docs/practitioner.md.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock, utc_iso
from familyfile.domain import growth_centiles as centiles
from familyfile.domain import immunisations as jab_rules
from familyfile.domain import journal as journal_rules
from familyfile.domain import practitioner as rules
from familyfile.domain.growth import ChildBasis, GrowthDraft
from familyfile.domain.practitioner import Identity
from familyfile.export import entry_cards, share_file, shc
from familyfile.export.cards import NHS_NUMBER_SYSTEM
from familyfile.export.entry_cards import Acknowledgement, EntryCard, EntryContent
from familyfile.export.keys import SigningKey, fingerprint_of
from familyfile.export.verify import Outcome, TrustStore, Verification, read_key_card
from familyfile.i18n import _
from familyfile.services import verifier
from familyfile.store import identity_file
from familyfile.store.atomic_file import write_atomic
from familyfile.store.key_header import PRODUCTION_KDF, KdfParams

DEFAULT_EXPIRES_DAYS = 90
FORMATS = ("png", "txt", "json")
_NO_BIRTH = date(1900, 1, 1)


class Refused(errors.FamilyFileError):
    """Nothing was issued; ``sentence`` says why (no child data)."""

    code = "practitioner-refused"

    def __init__(self, sentence: str) -> None:
        super().__init__("refused")
        self.sentence = sentence


class HandoverRefused(Refused):
    """The family's handover cannot be used."""

    code = "handover-refused"

    def __init__(self, sentence: str, fingerprint: str | None = None, reason: str = "refused") -> None:
        super().__init__(sentence)
        self.fingerprint = fingerprint
        self.reason = reason


@dataclass(frozen=True)
class Practitioner:
    identity: Identity
    key: SigningKey

    @property
    def issuer(self) -> str:
        return self.identity.issuer

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint


# -- the identity file ------------------------------------------------------------------------------
def create_identity(path: Path, passphrase: str, *, name: str, role: str, organisation: str,
                    ods_code: str = "", clock: Clock = SYSTEM_CLOCK,
                    kdf: KdfParams = PRODUCTION_KDF) -> Practitioner:
    """A new identity and signing key, written to ``path`` (refused if the file exists)."""
    identity = rules.build(name, role, organisation, ods_code, created_utc=utc_iso(clock.now()))
    key = SigningKey.generate()
    identity_file.write(path, identity_file.IdentityFileContents(identity.to_data(), key.to_pkcs8()),
                        passphrase, kdf=kdf)
    return Practitioner(identity, key)


def open_identity(path: Path, passphrase: str) -> Practitioner:
    """WrongPassphraseError, IdentityFileDamaged or NoFamilyFileError when it does not open."""
    opened = identity_file.read(path, passphrase)
    try:
        return Practitioner(Identity.from_data(opened.identity), SigningKey.from_pkcs8(opened.private_key))
    except (KeyError, ValueError, TypeError) as exc:
        raise identity_file.IdentityFileDamaged("identity contents") from exc


def key_card(practitioner: Practitioner, clock: Clock = SYSTEM_CLOCK) -> str:
    """Their key card (same format as the family's), named "name, role, organisation (ODS code)":
    the only place their cards' readers find who they are."""
    return shc.encode_key_card(practitioner.key, practitioner.issuer, practitioner.identity.key_card_name,
                               clock.now())


# -- the family's handover --------------------------------------------------------------------------
@dataclass(frozen=True)
class VerifiedHandover:
    """What the practitioner takes from a family's verified handover."""

    family_issuer: str
    patient: dict[str, Any]
    fingerprint: str
    known_signer: bool
    file_sha256: str
    cards_sha256: str
    sex: str | None = None  # for the growth checks only; not put on the entry card


def _jws(card: str) -> str:
    return shc.from_numeric(card) if card.startswith(shc.QR_PREFIX) else card


def _patient(result: Verification) -> dict[str, Any] | None:
    bundle = (result.payload or {}).get("vc", {}).get("credentialSubject", {}).get("fhirBundle", {})
    entries = bundle.get("entry") if isinstance(bundle, dict) else None
    first = entries[0].get("resource") if isinstance(entries, list) and entries and isinstance(
        entries[0], dict) else None
    return first if isinstance(first, dict) and first.get("resourceType") == "Patient" else None


def _identifies(patient: dict[str, Any]) -> int:
    """How well a Patient names the child: 2 NHS number, 1 given name and birth date, 0 not."""
    if entry_cards.patient_nhs_number(patient):
        return 2
    return int(bool(entry_cards.patient_given_name(patient) and entry_cards.patient_birth_date(patient)))


def read_handover(path: Path, trust: TrustStore, *, accept_unknown: bool = False,
                  clock: Clock = SYSTEM_CLOCK) -> VerifiedHandover:
    """Verify a family's share file, card, QR image or PDF; HandoverRefused unless it can be used."""
    try:
        contents = verifier.read_contents(path)
        data = path.read_bytes()
    except (verifier.NotReadable, OSError) as exc:
        raise HandoverRefused(str(exc) if isinstance(exc, verifier.NotReadable)
                              else _("The file could not be read.")) from None
    results = verifier.verify_contents(contents, trust, clock)
    if not results:
        raise HandoverRefused(_("The file holds no card from a family."))
    for result in results:
        if result.outcome in (Outcome.ALTERED, Outcome.SIGNER_KEY_CHANGED):
            raise HandoverRefused(_("A card in this handover was refused: {reason}.").format(
                reason=result.reason), result.fingerprint)
    usable = [(card, r) for card, r in zip(contents.cards, results, strict=True)
              if r.family_file
              and (r.verified or (accept_unknown and r.outcome is Outcome.VALID_UNKNOWN_SIGNER))]
    if not usable:
        unknown = next((r for r in results if r.outcome is Outcome.VALID_UNKNOWN_SIGNER), None)
        if unknown is not None:
            raise HandoverRefused(_("You have not trusted this family's key yet. Compare this fingerprint "
                                    "with the one on the family's screen, then trust it (or use "
                                    "--accept-unknown): {fp}").format(fp=unknown.fingerprint),
                                  unknown.fingerprint, "unknown-signer")
        raise HandoverRefused(_("No card in this handover could be verified: {reason}.").format(
            reason=results[0].reason))
    issuers = {r.issuer for _card, r in usable}
    if len(issuers) != 1:
        raise HandoverRefused(_("This handover holds cards from more than one family."))
    patients = [p for _card, r in usable if (p := _patient(r)) is not None]
    best = max(patients, key=_identifies, default=None)
    if best is None or not _identifies(best):
        raise HandoverRefused(_("The verified cards do not say which child they are about (no NHS "
                                "number, or first name and date of birth)."))
    first = usable[0][1]
    gender = best.get("gender")
    joined = "\n".join(_jws(card) for card, _r in usable).encode("utf-8")
    return VerifiedHandover(str(first.issuer), minimal_patient(best), str(first.fingerprint), first.verified,
                            hashlib.sha256(data).hexdigest(), hashlib.sha256(joined).hexdigest(),
                            gender if gender in ("female", "male") else None)


def minimal_patient(patient: dict[str, Any]) -> dict[str, Any]:
    """Only what tells the family which child: the NHS number, else the first name; and the birth
    date (data minimisation, and it keeps the entry card within one QR code)."""
    found: dict[str, Any] = {"resourceType": "Patient"}
    nhs = entry_cards.patient_nhs_number(patient)
    if nhs:
        found["identifier"] = [{"system": NHS_NUMBER_SYSTEM, "value": nhs}]
    else:
        found["name"] = [{"given": [entry_cards.patient_given_name(patient)]}]
    born = entry_cards.patient_birth_date(patient)
    if born:
        found["birthDate"] = born
    return found


def card_patient(patient: dict[str, Any]) -> dict[str, Any]:
    """The Patient an entry card carries: the minimal Patient, without the birth date when the NHS
    number names the child (the family matches on the number alone; it keeps the card small)."""
    if entry_cards.patient_nhs_number(patient):
        return {k: v for k, v in patient.items() if k != "birthDate"}
    return dict(patient)


def new_card_id() -> str:
    """A random card id: 16 base64url characters (96 bits)."""
    return secrets.token_urlsafe(12)


# -- what the practitioner confirms -----------------------------------------------------------------
@dataclass(frozen=True)
class EntryDraft:
    """What the practitioner typed (numbers as text), before it is checked."""

    kind: str
    on: str
    weight_kg: str = ""
    height_cm: str = ""
    head_cm: str = ""
    vaccine: str = ""
    dose: str = ""
    outcome: str = ""
    text: str = ""
    area: str = ""


def _born(patient: dict[str, Any]) -> date | None:
    found = entry_cards.patient_birth_date(patient)
    try:
        return date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _growth(draft: EntryDraft, patient: dict[str, Any], today: date, sex: str | None) -> EntryContent:
    born = _born(patient)
    if born is None:
        raise errors.ValidationError("date_of_birth", "required")
    typed = GrowthDraft(draft.on, draft.weight_kg, draft.height_cm, draft.head_cm)
    measurement, problems = centiles.check(typed, ChildBasis(born, sex), today, confirmed=False)
    if problems:
        raise problems[0]
    assert measurement is not None
    weight = measurement.weight_kg
    if weight is not None and weight > 50 and (measurement.measured_on - born).days < 5 * 365:
        raise errors.ValidationError("weight_kg", "growth-unit-slip-baby", suggestion=f"{weight / 1000:g}",
                                     unit="kg")
    return EntryContent(entry_cards.GROWTH, measurement.measured_on.isoformat(), measurement.weight_kg,
                        measurement.height_cm, measurement.head_cm)


def _immunisation(draft: EntryDraft, patient: dict[str, Any], today: date) -> EntryContent:
    if not draft.dose.strip():
        raise errors.ValidationError("dose_number", "required")
    record = jab_rules.build(jab_rules.DoseDraft(draft.on, draft.vaccine.strip(), draft.dose),
                             _born(patient) or _NO_BIRTH, today)
    if record.vaccine == jab_rules.OTHER:
        raise errors.ValidationError("vaccine", "bad-choice")
    return EntryContent(entry_cards.IMMUNISATION, record.on.isoformat(), vaccine=record.vaccine,
                        snomed=record.snomed, dose=record.dose)


def _day(draft: EntryDraft, patient: dict[str, Any], today: date) -> str:
    from familyfile.domain import fields

    day = fields.iso_date("on", draft.on)
    return fields.past_day("on", day, today, _born(patient)).isoformat()


def _short(field: str, value: str, limit: int) -> str:
    text = " ".join(value.split())
    if not text:
        raise errors.ValidationError(field, "required")
    if len(text) > limit:
        raise errors.ValidationError(field, "too-long", max=limit)
    return text


def check_entry(draft: EntryDraft, patient: dict[str, Any], today: date,
                sex: str | None = None) -> EntryContent:
    """The checked content of an entry card (the first problem raised as ValidationError)."""
    if draft.kind == entry_cards.GROWTH:
        return _growth(draft, patient, today, sex)
    if draft.kind == entry_cards.IMMUNISATION:
        return _immunisation(draft, patient, today)
    if draft.kind == entry_cards.REVIEW:
        outcome = _short("outcome", draft.outcome, entry_cards.OUTCOME_MAX)
        return EntryContent(entry_cards.REVIEW, _day(draft, patient, today), outcome=outcome)
    if draft.kind == entry_cards.NOTE:
        text = _short("text", draft.text, entry_cards.NOTE_MAX)
        area = journal_rules.parse_area(draft.area) if draft.area.strip() else None
        if area is None:
            raise errors.ValidationError("area", "bad-choice")
        return EntryContent(entry_cards.NOTE, _day(draft, patient, today), text=text, area=area)
    raise errors.ValidationError("kind", "bad-choice")


def _times(clock: Clock, expires_days: int) -> tuple[datetime, datetime]:
    if expires_days < 1:
        raise errors.ValidationError("expires_days", "out-of-range", min=1, max=3650)
    now = clock.now()
    return now, now + timedelta(days=expires_days)


def issue_entry(practitioner: Practitioner, handover: VerifiedHandover, draft: EntryDraft, *,
                clock: Clock = SYSTEM_CLOCK, expires_days: int = DEFAULT_EXPIRES_DAYS) -> str:
    """A signed entry card (compact JWS) for the child in a verified handover."""
    content = check_entry(draft, handover.patient, clock.now().date(), handover.sex)
    nbf, exp = _times(clock, expires_days)
    card = EntryCard(new_card_id(), handover.family_issuer, card_patient(handover.patient), content)
    payload = entry_cards.entry_payload(card, practitioner.issuer, nbf=nbf, exp=exp)
    jws = shc.encode_jws(practitioner.key, payload)
    try:
        shc.make_qr(jws)  # it must print as one QR code at level M
    except shc.CardTooLarge:
        raise Refused(_("This entry does not fit one QR code: shorten the note or the outcome.")) from None
    return jws


def issue_ack(practitioner: Practitioner, handover: VerifiedHandover, *, clock: Clock = SYSTEM_CLOCK,
              expires_days: int = DEFAULT_EXPIRES_DAYS) -> str:
    """A signed acknowledgement card: "received on <date>" (who received it: their key card)."""
    nbf, exp = _times(clock, expires_days)
    ack = Acknowledgement(new_card_id(), handover.family_issuer, nbf.date().isoformat(),
                          handover.file_sha256, handover.cards_sha256)
    payload = entry_cards.ack_payload(ack, practitioner.issuer, nbf=nbf, exp=exp)
    jws = shc.encode_jws(practitioner.key, payload)
    shc.make_qr(jws)  # always fits (docs/practitioner.md); CardTooLarge would be a bug
    return jws


# -- writing cards out ------------------------------------------------------------------------------
def format_for(out: Path, chosen: str | None = None) -> str:
    """The format asked for, else the one OUT's extension names (``.png``, ``.json``; else txt)."""
    if chosen:
        if chosen not in FORMATS:
            raise errors.ValidationError("format", "bad-choice")
        return chosen
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else "txt"


def write_card(out: Path, jws: str, own_key_card: str | None, fmt: str) -> None:
    """Write a card: ``png`` (its QR, with the key card's QR beside it), ``txt`` (the ``shc:/``
    text only) or ``json`` (a share file, ``export.share_file``: the card with the key card;
    without a key card, the bare ``{"verifiableCredential": [card]}`` of a health card file)."""
    import io
    import json

    if fmt == "txt":
        write_atomic(out, (shc.to_numeric(jws) + "\n").encode("ascii"))
        return
    if fmt == "json":
        if own_key_card:
            signer = read_key_card(own_key_card)
            data = share_file.write_bytes([jws], signer.jwk, signer.name, own_key_card)
        else:
            data = json.dumps({"verifiableCredential": [jws]}, separators=(",", ":")).encode("utf-8")
        write_atomic(out, data)
        return
    from PIL import Image

    images = [shc.render_qr(text).get_image() for text in ([jws, own_key_card] if own_key_card else [jws])]
    width = sum(i.width for i in images)
    sheet = Image.new("L", (width, max(i.height for i in images)), 255)
    left = 0
    for image in images:
        sheet.paste(image.convert("L"), (left, 0))
        left += image.width
    buffer = io.BytesIO()
    sheet.save(buffer, format="PNG")
    write_atomic(out, buffer.getvalue())


def write_key_card(out: Path, practitioner: Practitioner, clock: Clock = SYSTEM_CLOCK) -> str:
    """Their key card to ``out``: a QR image for ``.png``, else its text. Returns the fingerprint."""
    card = key_card(practitioner, clock)
    if out.suffix.lower() == ".png":
        import io

        buffer = io.BytesIO()
        shc.render_qr(card).save(buffer)
        write_atomic(out, buffer.getvalue())
    else:
        write_atomic(out, (card + "\n").encode("ascii"))
    return fingerprint_of(practitioner.key.public_jwk)

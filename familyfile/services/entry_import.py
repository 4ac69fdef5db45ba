"""The family side of practitioner mode: importing a confirmed entry or an acknowledgement.

:func:`import_entry` reads a card, QR image, PDF or file (``services.verifier.read_contents``),
verifies it against the practitioners' keys the family trusts (kept inside the family file,
table ``trusted_signer``), and then:

* an **entry card** for this family and one of its children is saved through the section's
  checks as a new entry written by ``Author("professional", "<name, role, organisation>")``
  — the name from the practitioner's key card the family pinned (the card itself names nobody),
  with ``confirmed_by``, ``source_card`` and ``confirmed_at`` in its data. The same card again
  is "already imported". If the family's own entry for the same thing (growth: same day;
  vaccination: same vaccine and dose; integrated review) changed after the card was issued, it
  is kept and nothing is added; an older one is never edited — the confirmed entry is added
  beside it (both stay visible, each with its author);
* an **acknowledgement card** is logged, with the share it answers when the SHA-256 matches.

Every outcome, and every refusal after the signature was checked, is written to the activity
log with ids and kinds only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain import growth_centiles as centiles
from familyfile.domain import immunisations as jab_rules
from familyfile.domain import journal as journal_rules
from familyfile.domain import practitioner as practitioner_rules
from familyfile.domain import reviews as review_rules
from familyfile.domain.entry import Author, Entry, new_entry_id
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.practitioner import SignerName, read_key_card_name
from familyfile.export import entry_cards, shc
from familyfile.export.entry_cards import Acknowledgement, EntryCard
from familyfile.export.keys import fingerprint_of, kid_of
from familyfile.export.verify import Outcome, TrustStore, Verification
from familyfile.i18n import _
from familyfile.messages import validation_message
from familyfile.services import growth, verifier
from familyfile.store import activity_log, entries, photos, trusted_signers

IMPORTED, ALREADY, KEPT_NEWER, ACKNOWLEDGED, TRUSTED = (
    "imported", "already", "kept-newer", "acknowledged", "trusted")
LOG_IMPORTED, LOG_KEPT, LOG_REFUSED = "entry-imported", "entry-import-kept-newer", "entry-import-refused"
LOG_ACK, LOG_TRUSTED, SHARE_LOG = "acknowledgement-received", "practitioner-trusted", "share"
_SECTION_KIND = {entry_cards.GROWTH: "growth", entry_cards.IMMUNISATION: jab_rules.KIND,
                 entry_cards.REVIEW: review_rules.INTEGRATED_KIND, entry_cards.NOTE: journal_rules.KIND}


@dataclass(frozen=True)
class ImportResult:
    """What happened; ``message`` is a sentence for the person (no child data)."""

    status: str  # imported / already / kept-newer / acknowledged / trusted
    message: str
    entry_id: str | None = None
    kind: str | None = None  # the record's entry kind (growth, immunisation, …)
    child_id: str | None = None
    card_id: str | None = None
    signer: str = ""  # "name, role, organisation"
    fingerprint: str = ""


class EntryRefused(errors.FamilyFileError):
    """Nothing was imported; ``message`` says why in a plain sentence, ``reason`` is a code."""

    code = "entry-refused"

    def __init__(self, reason: str, message: str, fingerprint: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message
        self.fingerprint = fingerprint


@dataclass(frozen=True)
class Receipt:
    """An acknowledgement the family imported: who received which share, and when."""

    card_id: str
    signer: str
    received_on: str
    share_seq: int | None  # the matching row of the sharing log, if one matched
    logged_utc: str


# -- trusted practitioners --------------------------------------------------------------------------
def trust_store(session: Any) -> TrustStore:
    store = TrustStore()
    for row in trusted_signers.all_signers(session.conn):
        store.pin(row.issuer, row.jwk)
    return store


def trusted(session: Any) -> list[trusted_signers.SignerRow]:
    return trusted_signers.all_signers(session.conn)


def _log(session: Any, conn: Any, kind: str, detail: dict[str, Any]) -> None:
    activity_log.append(conn, at=session.clock.now(), kind=kind, actor=session.actor, detail=detail)


def _refuse(session: Any, reason: str, message: str, *, issuer: str | None = None,
            card_id: str | None = None, fingerprint: str | None = None) -> EntryRefused:
    with session.write() as conn:
        _log(session, conn, LOG_REFUSED, {"reason": reason, "issuer": issuer, "card_id": card_id})
    return EntryRefused(reason, message, fingerprint)


def _logged(session: Any, kind: str) -> list[activity_log.LogEntry]:
    return activity_log.entries(session.conn, kinds=(kind,))


# -- reading and verifying --------------------------------------------------------------------------
def read(path: Path) -> verifier.Contents:
    """What a card file, photo or PDF holds; EntryRefused("unreadable") with a plain sentence."""
    try:
        return verifier.read_contents(Path(path))
    except verifier.NotReadable as exc:
        raise EntryRefused("unreadable", str(exc)) from None


def _offered_name(contents: verifier.Contents, kid: str | None) -> str | None:
    return next((c.name for c in contents.key_cards if c.kid == kid), None)


def _signer(session: Any, contents: verifier.Contents, result: Verification, pin: bool) -> SignerName:
    """Who signed: the name on their pinned key card, or (when it is pinned now) on the key card
    that came with the card. Cards do not name the practitioner."""
    if pin:
        name = _offered_name(contents, result.kid)
        if name is None:
            raise _refuse(session, "unknown-key", _(
                "To trust this practitioner, Family File needs their key card, which says who they "
                "are. Ask for the card as a picture with their key card beside it, or as a file."),
                issuer=result.issuer, fingerprint=result.fingerprint)
    else:
        row = trusted_signers.get(session.conn, str(result.issuer))
        name = row.name if row is not None else ""
    found = read_key_card_name(name)
    return found if found.display else SignerName(_("a professional"), _("a professional"))


def _trust_key_card_only(session: Any, contents: verifier.Contents, trust_signer: bool) -> ImportResult:
    found = [c for c in contents.key_cards if practitioner_rules.is_practitioner_issuer(c.issuer)]
    if len(found) != 1:
        raise EntryRefused("no-card", _("The file holds no entry card from a practitioner."))
    card = found[0]
    pinned = trusted_signers.get(session.conn, card.issuer)
    if pinned is not None and kid_of(pinned.jwk) == card.kid:
        return ImportResult(ALREADY, _("You already trust {name}.").format(name=card.name),
                            signer=card.name, fingerprint=card.fingerprint)
    if pinned is not None:
        raise _refuse(session, "key-changed", _("WARNING: this is a different key from the one you trusted "
                                                "for {name}. Nothing was changed.").format(name=pinned.name),
                      issuer=card.issuer, fingerprint=card.fingerprint)
    if not trust_signer:
        raise EntryRefused("unknown-signer", _(
            "This is the key card of {name}. Compare its fingerprint with theirs, then import it again "
            "choosing to trust it: {fp}").format(name=card.name, fp=card.fingerprint), card.fingerprint)
    with session.write() as conn:
        trusted_signers.pin(conn, card.issuer, card.jwk, card.name, session.clock.now())
        _log(session, conn, LOG_TRUSTED, {"issuer": card.issuer, "kid": card.kid})
    return ImportResult(TRUSTED, _("You now trust {name}.").format(name=card.name), signer=card.name,
                        fingerprint=card.fingerprint)


def _check_signature(session: Any, result: Verification, trust_signer: bool) -> bool:
    """True when the signer must be pinned with the import; EntryRefused when it cannot be used."""
    outcome, issuer = result.outcome, result.issuer
    valid = (Outcome.VERIFIED_KNOWN_SIGNER, Outcome.VALID_UNKNOWN_SIGNER)
    if outcome in valid and not practitioner_rules.is_practitioner_issuer(issuer):
        raise _refuse(session, "not-an-entry-card", _("This is not an entry card from a practitioner."),
                      issuer=issuer)
    if outcome is Outcome.VERIFIED_KNOWN_SIGNER:
        return False
    if outcome is Outcome.VALID_UNKNOWN_SIGNER and practitioner_rules.is_practitioner_issuer(issuer):
        if trust_signer:
            return True
        raise _refuse(session, "unknown-signer", _(
            "This card is signed by a practitioner you have not trusted yet. Compare this fingerprint "
            "with the one they show you, then import it again choosing to trust them: {fp}").format(
                fp=result.fingerprint), issuer=issuer, fingerprint=result.fingerprint)
    if outcome is Outcome.SIGNER_KEY_CHANGED:
        raise _refuse(session, "key-changed", _(
            "WARNING: this card is signed with a different key from the one you trusted for this "
            "practitioner. Nothing was imported."), issuer=issuer, fingerprint=result.fingerprint)
    if outcome is Outcome.UNKNOWN_KEY:
        raise _refuse(session, "unknown-key", _(
            "This card is signed by a key you have not been given. Ask the practitioner for their key "
            "card, or for the card as a picture with their key beside it."))
    reason = "not-readable" if outcome is Outcome.UNREADABLE else outcome.name.lower().replace("_", "-")
    raise _refuse(session, reason, _("This card cannot be imported: {reason}.").format(reason=result.reason),
                  issuer=issuer, fingerprint=result.fingerprint)


# -- the child --------------------------------------------------------------------------------------
def _nhs(session: Any, child_id: str) -> str:
    found = session.records.list_for(child_id, "about_me", limit=1)
    return "".join(str(found[0].data.get("nhs_number") or "").split()) if found else ""


def _match_child(session: Any, patient: dict[str, Any]) -> str | None:
    nhs = entry_cards.patient_nhs_number(patient)
    children = session.children()
    if nhs:
        found = [c.id for c in children if _nhs(session, c.id) == nhs]
    else:
        given = (entry_cards.patient_given_name(patient) or "").casefold()
        born = entry_cards.patient_birth_date(patient)
        found = [c.id for c in children
                 if given and c.given_name.casefold() == given and c.date_of_birth.isoformat() == born]
    return found[0] if len(found) == 1 else None


# -- saving -----------------------------------------------------------------------------------------
def _built(session: Any, child_id: str, card: EntryCard,
           signer: SignerName) -> tuple[str, str, dict[str, Any]]:
    """(entry kind, occurred_on, data) checked by the section's own rules."""
    c, born, today = card.content, session.child(child_id).date_of_birth, session.today()
    if c.kind == entry_cards.GROWTH:
        text = {n: "" if v is None else f"{v:g}" for n, v in
                (("weight_kg", c.weight_kg), ("height_cm", c.height_cm), ("head_cm", c.head_cm))}
        draft = GrowthDraft(c.on, text["weight_kg"], text["height_cm"], text["head_cm"],
                            measured_by=signer.display[:100])
        measurement, problems = centiles.check(draft, growth.basis(session, child_id), today, confirmed=True)
        if problems:
            raise problems[0]
        assert measurement is not None
        return "growth", measurement.measured_on.isoformat(), measurement.to_data()
    if c.kind == entry_cards.IMMUNISATION:
        record = jab_rules.build(jab_rules.DoseDraft(c.on, c.vaccine, str(c.dose or ""),
                                                     given_by=signer.name[:jab_rules.TEXT_MAX],
                                                     place=signer.organisation[:jab_rules.PLACE_MAX]),
                                 born, today)
        return jab_rules.KIND, record.on.isoformat(), record.to_data()
    if c.kind == entry_cards.REVIEW:
        review = review_rules.IntegratedReview(c.on, reviewer=signer.name, role=signer.role,
                                               where=signer.organisation, outcome_notes=c.outcome)
        problems = review_rules.validate_integrated(review, born, today)
        if problems:
            raise problems[0]
        return review_rules.INTEGRATED_KIND, c.on, review.to_data()
    observation = journal_rules.build(journal_rules.ObservationDraft(
        c.on, c.area, c.text, observed_by=signer.display[:journal_rules.OBSERVER_MAX]), today, born)
    return journal_rules.KIND, observation.observed_on.isoformat(), observation.to_data()


def _pin_offered(session: Any, conn: Any, contents: verifier.Contents, result: Verification) -> None:
    """Trust the key card that came with the card (the person compared its fingerprint)."""
    card = next(c for c in contents.key_cards if c.kid == result.kid)
    trusted_signers.pin(conn, str(result.issuer), card.jwk, card.name, session.clock.now())
    _log(session, conn, LOG_TRUSTED, {"issuer": result.issuer, "kid": result.kid})


def _same_thing(kind: str, entry: Entry, occurred_on: str, data: dict[str, Any]) -> bool:
    if kind == "growth":
        return entry.occurred_on == occurred_on
    if kind == jab_rules.KIND:
        return bool(entry.data.get("vaccine") == data["vaccine"] and entry.data.get("dose") == data["dose"])
    return kind == review_rules.INTEGRATED_KIND


def _newer_entry(session: Any, child_id: str, kind: str, occurred_on: str, data: dict[str, Any],
                 issued_utc: str) -> Entry | None:
    if kind == journal_rules.KIND:
        return None
    return next((e for e in session.records.list_for(child_id, kind)
                 if _same_thing(kind, e, occurred_on, data) and e.updated_utc > issued_utc), None)


def _issued(result: Verification) -> str:
    return utc_iso(datetime.fromtimestamp(int((result.payload or {})["nbf"]), UTC))


def _import_entry(session: Any, contents: verifier.Contents, result: Verification, card: EntryCard,
                  pin: bool) -> ImportResult:
    who = _signer(session, contents, result, pin)
    issuer, fp, signer = str(result.issuer), str(result.fingerprint), who.display
    base = {"card_id": card.card_id, "signer": signer, "fingerprint": fp}
    if any(e.detail.get("card_id") == card.card_id for e in _logged(session, LOG_IMPORTED)):
        return ImportResult(ALREADY, _("This confirmed entry was already imported: nothing changed."), **base)
    child_id = _match_child(session, card.patient)
    if child_id is None:
        raise _refuse(session, "no-child", _("This card is about a child who is not in this family file "
                                             "(or not told apart from another): nothing was imported."),
                      issuer=issuer, card_id=card.card_id)
    try:
        kind, occurred_on, data = _built(session, child_id, card, who)
    except errors.ValidationError as exc:
        raise _refuse(session, "invalid", _("The confirmed entry does not pass Family File's checks: "
                                            "{problem}").format(problem=validation_message(exc)),
                      issuer=issuer, card_id=card.card_id) from None
    issued = _issued(result)
    newer = _newer_entry(session, child_id, kind, occurred_on, data, issued)
    detail = {"card_id": card.card_id, "issuer": issuer, "kind": kind, "child_id": child_id}
    if newer is not None:
        with session.write() as conn:
            _log(session, conn, LOG_KEPT, {**detail, "entry_id": newer.id})
        return ImportResult(KEPT_NEWER, _("Kept your newer entry: the confirmed one was not added."),
                            entry_id=newer.id, kind=kind, child_id=child_id, **base)
    data |= {"confirmed_by": {"name": who.name, "role": who.role, "organisation": who.organisation,
                              "ods_code": who.ods_code, "fingerprint": fp},
             "source_card": card.card_id, "confirmed_at": issued}
    author = Author("professional", signer)
    with session.write() as conn:
        if pin:
            _pin_offered(session, conn, contents, result)
        entry = entries.insert(conn, entry_id=new_entry_id(), child_id=child_id, kind=kind,
                               occurred_on=occurred_on, data=data, author=author, now=session.clock.now(),
                               action="imported")
        if kind == journal_rules.KIND:
            photos.index_entry(conn, entry.id, child_id,
                               journal_rules.Observation.from_data(data, occurred_on).search_text())
        _log(session, conn, LOG_IMPORTED, {**detail, "entry_id": entry.id})
    return ImportResult(IMPORTED, _("Imported: confirmed by {signer}.").format(signer=signer),
                        entry_id=entry.id, kind=kind, child_id=child_id, **base)


def _share_matching(session: Any, ack: Acknowledgement) -> int | None:
    hashes = {h for h in (ack.file_sha256, ack.cards_sha256) if h}
    found = [e.seq for e in _logged(session, SHARE_LOG) if e.detail.get("sha256") in hashes]
    return found[-1] if found else None


def _import_ack(session: Any, contents: verifier.Contents, result: Verification, ack: Acknowledgement,
                pin: bool) -> ImportResult:
    issuer, fp = str(result.issuer), str(result.fingerprint)
    signer = _signer(session, contents, result, pin).display
    base = {"card_id": ack.card_id, "signer": signer, "fingerprint": fp}
    if any(e.detail.get("card_id") == ack.card_id for e in _logged(session, LOG_ACK)):
        return ImportResult(ALREADY, _("This acknowledgement was already imported: nothing changed."), **base)
    share = _share_matching(session, ack)
    with session.write() as conn:
        if pin:
            _pin_offered(session, conn, contents, result)
        _log(session, conn, LOG_ACK, {"card_id": ack.card_id, "issuer": issuer, "signer": signer,
                                      "received_on": ack.received_on, "share_seq": share})
    text = (_("Received by {signer} on {day}.") if share is not None
            else _("Received by {signer} on {day} (no matching share was found in your sharing log)."))
    return ImportResult(ACKNOWLEDGED, text.format(signer=signer, day=ack.received_on), **base)


# -- the one entry point ----------------------------------------------------------------------------
def import_entry(session: Any, path: Path, *, trust_signer: bool = False) -> ImportResult:
    """Import a confirmed entry, an acknowledgement, or (with ``trust_signer``) a practitioner's key
    card. EntryRefused (with a plain ``message``) when nothing was imported."""
    return import_contents(session, read(Path(path)), trust_signer=trust_signer)


def import_contents(session: Any, contents: verifier.Contents, *, trust_signer: bool = False) -> ImportResult:
    """:func:`import_entry` for what was already read from a file (:func:`read`), so a file that
    needs its signer compared first is not read again (a PDF takes seconds)."""
    if not contents.cards:
        return _trust_key_card_only(session, contents, trust_signer)
    if len(contents.cards) != 1:
        raise EntryRefused("several-cards", _("This file holds several cards: import them one at a time."))
    result = verifier.verify_contents(contents, trust_store(session), session.clock)[0]
    pin = _check_signature(session, result, trust_signer)
    issuer = str(result.issuer)
    payload = result.payload or {}
    kind = entry_cards.card_type(payload)
    if not practitioner_rules.is_practitioner_issuer(issuer) or kind is None:
        raise _refuse(session, "not-an-entry-card", _("This is not an entry card from a practitioner."),
                      issuer=issuer)
    try:
        parsed: EntryCard | Acknowledgement = (entry_cards.parse_entry(payload)
                                               if kind == entry_cards.ENTRY_TYPE
                                               else entry_cards.parse_ack(payload))
    except entry_cards.NotAnEntryCard:
        raise _refuse(session, "not-readable", _("The entry card's content could not be read."),
                      issuer=issuer) from None
    if parsed.family_issuer != shc.issuer_for(session.file_id):
        raise _refuse(session, "other-family", _("This card was made for another family file: nothing "
                                                 "was imported."), issuer=issuer, card_id=parsed.card_id)
    if isinstance(parsed, Acknowledgement):
        return _import_ack(session, contents, result, parsed, pin)
    return _import_entry(session, contents, result, parsed, pin)


def receipts(session: Any) -> list[Receipt]:
    """Every acknowledgement imported, oldest first (``share_seq`` ties it to a sharing-log row)."""
    return [Receipt(str(e.detail.get("card_id")), str(e.detail.get("signer", "")),
                    str(e.detail.get("received_on", "")), e.detail.get("share_seq"), e.at_utc)
            for e in _logged(session, LOG_ACK)]


def received_by(session: Any, share_seq: int) -> list[Receipt]:
    """Who said they received the share logged as row ``share_seq`` of the sharing log."""
    return [r for r in receipts(session) if r.share_seq == share_seq]


def fingerprint_of_signer(row: trusted_signers.SignerRow) -> str:
    return fingerprint_of(row.jwk)

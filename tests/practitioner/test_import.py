"""The family's side: importing confirmed entries and acknowledgements."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from familyfile.domain.entry import Author
from familyfile.export import share_file
from familyfile.export.keys import SigningKey
from familyfile.services import entry_import, growth, immunisations, journal, reviews
from familyfile.services import practitioner as practice
from familyfile.store import activity_log
from tests.practitioner.conftest import Setting, make_practitioner

JO = "Jo Reed, Health Visitor, Riverside Health Visiting"
JO_KEY_CARD = JO + " (ODS RX1CC)"  # the name on their key card, which the family pins
WEIGH = practice.EntryDraft("growth", "2026-02-20", weight_kg="12.4", height_cm="87")


def _log(setting: Setting, kind: str) -> list[activity_log.LogEntry]:
    return activity_log.entries(setting.session.conn, kinds=(kind,))


def _import(setting: Setting, path: Path, trust: bool = True) -> entry_import.ImportResult:
    return entry_import.import_entry(setting.session, path, trust_signer=trust)


@pytest.mark.parametrize(("draft", "kind"), [
    (WEIGH, "growth"),
    (practice.EntryDraft("immunisation", "2026-02-20", vaccine="6in1", dose="1"), "immunisation"),
    (practice.EntryDraft("review", "2026-02-20", outcome="No concerns; review again at 3."),
     "integrated_review"),
    (practice.EntryDraft("note", "2026-02-20", text="Walking well, lots of new words.", area="cl"),
     "journal"),
])
@pytest.mark.parametrize("fmt", ["json", "png"])
def test_issue_then_import_each_kind(setting: Setting, tmp_path: Path, draft: practice.EntryDraft, kind: str,
                                     fmt: str) -> None:
    card = setting.issue(tmp_path / f"card.{fmt}", draft, fmt=fmt)
    result = _import(setting, card)
    assert result.status == entry_import.IMPORTED and result.kind == kind and result.signer == JO
    assert result.child_id == setting.child_id and result.message == f"Imported: confirmed by {JO}."
    entry = setting.session.records.get(str(result.entry_id))
    assert entry.author == Author("professional", JO) and entry.kind == kind
    assert entry.data["confirmed_by"] == {"name": "Jo Reed", "role": "Health Visitor",
                                          "organisation": "Riverside Health Visiting", "ods_code": "RX1CC",
                                          "fingerprint": setting.me.fingerprint}
    assert entry.data["source_card"] == result.card_id
    assert entry.data["confirmed_at"] == "2026-03-01T12:00:00Z"
    assert setting.session.records.history(entry.id)[0].action == "imported"
    logged = _log(setting, entry_import.LOG_IMPORTED)
    assert [e.detail["entry_id"] for e in logged] == [entry.id]
    assert "Zephyrine" not in json.dumps(logged[0].detail)
    # the sections read it as their own
    if kind == "growth":
        assert growth.list_measurements(setting.session, setting.child_id)[0].measurement.weight_kg == 12.4
    elif kind == "immunisation":
        assert any(e.id == entry.id for e, _r in immunisations.records(setting.session, setting.child_id))
    elif kind == "integrated_review":
        review, _e = reviews.latest_review(setting.session, setting.child_id) or (None, None)
        assert review is not None and review.outcome_notes.startswith("No concerns")
    else:
        found = journal.search(setting.session, setting.child_id, "words")
        assert [e.id for e in found] == [entry.id]


def test_reimport_is_idempotent(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    first = _import(setting, card)
    again = _import(setting, card)
    assert again.status == entry_import.ALREADY and again.entry_id is None
    assert len(setting.session.records.list_for(setting.child_id, "growth")) == 1 + 2  # two from the fixture
    assert len(_log(setting, entry_import.LOG_IMPORTED)) == 1
    assert first.card_id == again.card_id


def test_a_newer_family_entry_is_kept(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    setting.record.clock.advance(timedelta(hours=2))  # the family weighs the child after the card was made
    mine = setting.session.records.add(child_id=setting.child_id, kind="growth", data={
        "measured_on": "2026-02-20", "weight_kg": 12.6, "height_cm": None, "head_cm": None,
        "length_or_height": "height", "measured_by": "", "measured_where": "", "notes": ""},
        occurred_on="2026-02-20")
    result = _import(setting, card)
    assert result.status == entry_import.KEPT_NEWER and result.entry_id == mine.id
    assert result.message == "Kept your newer entry: the confirmed one was not added."
    same_day = [e for e in setting.session.records.list_for(setting.child_id, "growth")
                if e.occurred_on == "2026-02-20"]
    assert [e.id for e in same_day] == [mine.id] and setting.session.records.get(mine.id).version == 1
    assert _log(setting, entry_import.LOG_KEPT)[0].detail["entry_id"] == mine.id


def test_an_older_family_entry_is_not_edited(setting: Setting, tmp_path: Path) -> None:
    mine = setting.session.records.add(child_id=setting.child_id, kind="immunisation", data={
        "on": "2026-02-20", "vaccine": "6in1", "dose": 1}, occurred_on="2026-02-20")
    setting.record.clock.advance(timedelta(hours=1))
    card = setting.issue(tmp_path / "card.json", practice.EntryDraft("immunisation", "2026-02-20",
                                                                     vaccine="6in1", dose="1"))
    result = _import(setting, card)
    assert result.status == entry_import.IMPORTED and result.entry_id != mine.id
    kept = setting.session.records.get(mine.id)
    assert kept.version == 1 and kept.author.kind == "parent"


def test_an_untrusted_signer_is_refused_then_trusted(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card, trust=False)
    assert refused.value.reason == "unknown-signer" and refused.value.fingerprint == setting.me.fingerprint
    assert setting.me.fingerprint in refused.value.message
    assert _log(setting, entry_import.LOG_REFUSED)[-1].detail["reason"] == "unknown-signer"
    assert entry_import.trusted(setting.session) == []
    result = _import(setting, card, trust=True)
    assert result.status == entry_import.IMPORTED
    pinned = entry_import.trusted(setting.session)
    assert [(p.issuer, p.name) for p in pinned] == [(setting.me.issuer, JO_KEY_CARD)]
    assert len(_log(setting, entry_import.LOG_TRUSTED)) == 1
    # from now on the signer is known: a second card needs no trust
    second = setting.issue(tmp_path / "second.txt",
                           practice.EntryDraft("note", "2026-02-21", text="Hi", area="pd"),
                           fmt="txt")  # the shc:/ text alone, no key beside it
    again = _import(setting, second, trust=False)
    assert again.status == entry_import.IMPORTED and again.signer == JO  # from the pinned key card
    confirmed = setting.session.records.get(str(again.entry_id)).data["confirmed_by"]
    assert confirmed["name"] == "Jo Reed" and confirmed["ods_code"] == "RX1CC"


def test_the_signer_is_named_by_the_pinned_key_card_not_by_the_card(setting: Setting, tmp_path: Path) -> None:
    renamed = practice.Practitioner(replace(setting.me.identity, name="Jo Reed-Smith", ods_code=""),
                                    setting.me.key)
    key_file = tmp_path / "key.txt"
    key_file.write_text(practice.key_card(renamed, setting.record.clock), "utf-8")
    assert _import(setting, key_file, trust=True).status == entry_import.TRUSTED
    result = _import(setting, setting.issue(tmp_path / "card.txt", WEIGH, fmt="txt"), trust=False)
    assert result.signer == "Jo Reed-Smith, Health Visitor, Riverside Health Visiting"
    entry = setting.session.records.get(str(result.entry_id))
    assert entry.author == Author("professional", result.signer)
    assert entry.data["confirmed_by"]["ods_code"] == ""


def test_trusting_needs_the_key_card_not_a_bare_key(setting: Setting, tmp_path: Path) -> None:
    jws = practice.issue_entry(setting.me, setting.handover(), WEIGH, clock=setting.record.clock)
    bare = tmp_path / "bare.json"
    bare.write_bytes(share_file.write_bytes([jws], setting.me.key.public_jwk, "Jo"))  # no key card
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, bare, trust=True)
    assert refused.value.reason == "unknown-key" and "key card" in refused.value.message
    assert entry_import.trusted(setting.session) == []


def test_the_key_card_alone_can_be_trusted(setting: Setting, tmp_path: Path) -> None:
    out = tmp_path / "key.png"
    practice.write_key_card(out, setting.me, setting.record.clock)
    with pytest.raises(entry_import.EntryRefused):
        _import(setting, out, trust=False)
    assert _import(setting, out, trust=True).status == entry_import.TRUSTED
    assert _import(setting, out, trust=True).status == entry_import.ALREADY


def test_an_unknown_key_is_refused(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.txt", WEIGH, fmt="txt")
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card)
    assert refused.value.reason == "unknown-key"


def test_a_changed_key_is_always_refused(setting: Setting, tmp_path: Path) -> None:
    _import(setting, setting.issue(tmp_path / "card.json", WEIGH))
    impostor = make_practitioner(SigningKey.from_scalar(0xBAD5EED), setting.me.identity.identity_id)
    card = setting.issue(tmp_path / "other.json", WEIGH, me=impostor)
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card, trust=True)
    assert refused.value.reason == "key-changed"
    assert [p.jwk["x"] for p in entry_import.trusted(setting.session)] == [setting.me.key.public_jwk["x"]]


def test_an_altered_card_is_refused(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    document = json.loads(card.read_text("utf-8"))
    head, body, sig = document["verifiableCredential"][0].split(".")
    tail = "AAAA" if sig[-4:] != "AAAA" else "QQQQ"
    document["verifiableCredential"][0] = ".".join((head, body, sig[:-4] + tail))
    card.write_text(json.dumps(document), "utf-8")
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card)
    assert refused.value.reason == "altered"
    assert setting.session.records.list_for(setting.child_id, "growth")[0].author.kind == "parent"


def test_an_expired_card_is_refused(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH, expires_days=1)
    setting.record.clock.advance(timedelta(days=2))
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card)
    assert refused.value.reason == "expired" and "expired" in refused.value.message


def test_a_card_for_another_family_is_refused(setting: Setting, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    monkeypatch.setattr(type(setting.session), "file_id", property(lambda self: "00" * 16))
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card)
    assert refused.value.reason == "other-family"
    assert _log(setting, entry_import.LOG_REFUSED)[-1].detail["reason"] == "other-family"


def test_a_child_not_in_the_file_is_refused(setting: Setting, tmp_path: Path) -> None:
    card = setting.issue(tmp_path / "card.json", WEIGH)
    about = setting.session.records.list_for(setting.child_id, "about_me")[0]
    setting.session.records.edit(about, data={**about.data, "nhs_number": "4010232137"}, occurred_on=None)
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, card)
    assert refused.value.reason == "no-child"


def test_a_child_is_matched_by_name_and_birth_date_without_nhs_number(setting: Setting) -> None:
    patient = {"resourceType": "Patient", "name": [{"given": ["zephyrine"]}], "birthDate": "2024-03-01"}
    assert entry_import._match_child(setting.session, patient) == setting.child_id
    assert entry_import._match_child(setting.session, {**patient, "birthDate": "2024-03-02"}) is None


def test_acknowledgement_is_logged_and_matched_to_the_share(setting: Setting, tmp_path: Path) -> None:
    jws = practice.issue_ack(setting.me, setting.handover(), clock=setting.record.clock)
    out = tmp_path / "ack.png"
    practice.write_card(out, jws, practice.key_card(setting.me, setting.record.clock), "png")
    result = _import(setting, out)
    assert result.status == entry_import.ACKNOWLEDGED
    assert result.message == f"Received by {JO} on 2026-03-01."
    share = _log(setting, "share")[-1]
    received = entry_import.received_by(setting.session, share.seq)
    assert [(r.signer, r.received_on) for r in received] == [(JO, "2026-03-01")]
    assert _import(setting, out).status == entry_import.ALREADY
    assert len(_log(setting, entry_import.LOG_ACK)) == 1


def test_a_family_card_is_not_an_entry_card(setting: Setting, tmp_path: Path) -> None:
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, setting.share)
    assert refused.value.reason == "several-cards"
    read = share_file.read_bytes(setting.share_bytes)
    single = tmp_path / "one.json"
    single.write_bytes(share_file.write_bytes(read.cards[:1], read.key, "x"))
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, single)
    assert refused.value.reason == "not-an-entry-card"
    assert refused.value.message == "This is not an entry card from a practitioner."


def test_an_unreadable_file(setting: Setting, tmp_path: Path) -> None:
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, junk)
    assert refused.value.reason == "unreadable"
    junk.write_text("not.a.card", "utf-8")
    with pytest.raises(entry_import.EntryRefused) as refused:
        _import(setting, junk)
    assert refused.value.reason == "not-readable"

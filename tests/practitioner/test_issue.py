"""The practitioner's side: reading a family's handover and issuing cards."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.export import entry_cards, shc
from familyfile.export.verify import TrustStore, inflate_capped, parse_compact, strict_json
from familyfile.services import practitioner as practice
from familyfile.services import verifier
from tests.practitioner.conftest import NHS, Setting


def _payload(jws: str) -> dict[str, object]:
    return strict_json(inflate_capped(parse_compact(jws)[2]))


def test_the_handover_names_the_family_and_the_child(setting: Setting) -> None:
    found = setting.handover()
    assert found.known_signer and found.family_issuer == shc.issuer_for(setting.session.file_id)
    assert entry_cards.patient_nhs_number(found.patient) == NHS
    assert found.patient == {"resourceType": "Patient", "birthDate": "2024-03-01",
                             "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": NHS}]}
    assert found.sex == "female"


def test_an_untrusted_family_key_is_refused_unless_accepted(setting: Setting) -> None:
    with pytest.raises(practice.HandoverRefused) as refused:
        practice.read_handover(setting.share, TrustStore(), clock=setting.record.clock)
    assert refused.value.reason == "unknown-signer" and refused.value.fingerprint
    assert refused.value.fingerprint in refused.value.sentence
    accepted = practice.read_handover(setting.share, TrustStore(), accept_unknown=True,
                                      clock=setting.record.clock)
    assert not accepted.known_signer and accepted.family_issuer == setting.handover().family_issuer


def test_an_altered_handover_is_refused(setting: Setting, tmp_path: Path) -> None:
    document = json.loads(setting.share_bytes)
    first = document["verifiableCredential"][0]
    head, body, sig = first.split(".")
    document["verifiableCredential"][0] = ".".join((head, body, _flip(sig)))
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps(document), "utf-8")
    with pytest.raises(practice.HandoverRefused):
        practice.read_handover(altered, setting.family_trust, clock=setting.record.clock)


def test_a_file_with_no_card_is_refused(tmp_path: Path, setting: Setting) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_text("hello", "utf-8")
    with pytest.raises(practice.HandoverRefused):
        practice.read_handover(junk, setting.family_trust, clock=setting.record.clock)


@pytest.mark.parametrize(("draft", "field"), [
    (practice.EntryDraft("growth", "2026-02-20", weight_kg="62"), "weight_kg"),  # grams? pounds? no child
    (practice.EntryDraft("growth", "2026-02-20", weight_kg="12400"), "weight_kg"),  # grams
    (practice.EntryDraft("growth", "2026-02-20"), "weight_kg"),  # no value
    (practice.EntryDraft("growth", "2027-01-01", weight_kg="12.4"), "measured_on"),  # future
    (practice.EntryDraft("immunisation", "2026-02-20", vaccine="nonsense", dose="1"), "vaccine"),
    (practice.EntryDraft("immunisation", "2026-02-20", vaccine="6in1"), "dose_number"),
    (practice.EntryDraft("review", "2026-02-20"), "outcome"),
    (practice.EntryDraft("note", "2026-02-20", text="x" * 201, area="cl"), "text"),
    (practice.EntryDraft("note", "2026-02-20", text="ok", area="nowhere"), "area"),
    (practice.EntryDraft("note", "2020-01-01", text="ok", area="cl"), "on"),  # before birth
    (practice.EntryDraft("mystery", "2026-02-20"), "kind"),
])
def test_what_cannot_be_confirmed(setting: Setting, draft: practice.EntryDraft, field: str) -> None:
    with pytest.raises(errors.ValidationError) as problem:
        practice.issue_entry(setting.me, setting.handover(), draft, clock=setting.record.clock)
    assert problem.value.field == field


def test_a_weight_over_50_kg_for_a_young_child_is_refused(setting: Setting) -> None:
    with pytest.raises(errors.ValidationError) as problem:
        practice.check_entry(practice.EntryDraft("growth", "2026-02-20", weight_kg="55"),
                             setting.handover().patient, setting.record.clock.now().date(), "female")
    assert problem.value.field == "weight_kg"


def test_issued_card_content(setting: Setting) -> None:
    jws = practice.issue_entry(setting.me, setting.handover(), practice.EntryDraft(
        "immunisation", "2026-02-20", vaccine="6in1", dose="1"), clock=setting.record.clock)
    payload = _payload(jws)
    card = entry_cards.parse_entry(payload)
    assert payload["iss"] == setting.me.issuer
    assert card.family_issuer == shc.issuer_for(setting.session.file_id)
    assert card.content.vaccine == "6in1" and card.content.dose == 1 and card.content.snomed
    assert "Jo Reed" not in json.dumps(payload) and "RX1CC" not in json.dumps(payload)  # see the key card
    assert len(jws) <= shc.MAX_JWS_CHARS


def test_the_png_holds_the_card_and_the_key_card(setting: Setting, tmp_path: Path) -> None:
    draft = practice.EntryDraft("note", "2026-02-20", text="Seen at clinic.", area="psed")
    out = setting.issue(tmp_path / "card.png", draft, fmt="png")
    assert out.read_bytes().startswith(b"\x89PNG")
    contents = verifier.read_contents(out)
    assert len(contents.cards) == 1 and [k.issuer for k in contents.key_cards] == [setting.me.issuer]


def test_formats(tmp_path: Path) -> None:
    assert practice.format_for(tmp_path / "a.png") == "png"
    assert practice.format_for(tmp_path / "a.json") == "json"
    assert practice.format_for(tmp_path / "a.card") == "txt"
    assert practice.format_for(tmp_path / "a.png", "txt") == "txt"
    with pytest.raises(errors.ValidationError):
        practice.format_for(tmp_path / "a", "gif")


def test_key_card_file(setting: Setting, tmp_path: Path) -> None:
    fp = practice.write_key_card(tmp_path / "key.png", setting.me, setting.record.clock)
    assert fp == setting.me.fingerprint
    found = verifier.read_contents(tmp_path / "key.png").key_cards
    assert [(k.issuer, k.name, k.fingerprint) for k in found] == [
        (setting.me.issuer, "Jo Reed, Health Visitor, Riverside Health Visiting (ODS RX1CC)", fp)]
    practice.write_key_card(tmp_path / "key.txt", setting.me, setting.record.clock)
    assert verifier.read_contents(tmp_path / "key.txt").key_cards[0].fingerprint == fp


def test_ack_card(setting: Setting) -> None:
    jws = practice.issue_ack(setting.me, setting.handover(), clock=setting.record.clock)
    ack = entry_cards.parse_ack(_payload(jws))
    import hashlib

    assert ack.file_sha256 == hashlib.sha256(setting.share_bytes).hexdigest()
    assert ack.received_on == "2026-03-01" and "Jo Reed" not in json.dumps(_payload(jws))
    assert len(jws) <= shc.MAX_JWS_CHARS


def _flip(sig: str) -> str:
    return sig[:-4] + ("AAAA" if sig[-4:] != "AAAA" else "BBBB")

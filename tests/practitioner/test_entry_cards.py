"""Building and reading entry and acknowledgement cards (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.domain.journal import AREAS
from familyfile.export import entry_cards, shc
from familyfile.export.entry_cards import Acknowledgement, EntryCard, EntryContent
from familyfile.export.verify import TrustStore, verify_jws
from tests.practitioner.conftest import PRACTITIONER_KEY

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
ISS = "familyfile-practitioner:b1TxqK2n0Zr9wVc4"
FAMILY = shc.issuer_for("ab" * 16)
PATIENT = {"resourceType": "Patient", "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                                      "value": "9434765919"}],
           "name": [{"family": "Quillfeather", "given": ["Zephyrine"]}], "birthDate": "2024-03-01"}

hashes = st.one_of(st.none(), st.binary(min_size=32, max_size=32).map(bytes.hex))
words = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40)
days = st.dates().map(lambda d: d.isoformat())
values = st.one_of(st.none(), st.floats(0.2, 250, allow_nan=False).map(lambda v: round(v, 3)))
contents = st.one_of(
    st.builds(EntryContent, st.just("growth"), days, values, values, values).filter(
        lambda c: any(v is not None for v in (c.weight_kg, c.height_cm, c.head_cm))),
    st.builds(EntryContent, st.just("immunisation"), days, vaccine=st.sampled_from(["6in1", "menb", "mmr"]),
              snomed=st.sampled_from([None, "836398006"]), dose=st.one_of(st.none(), st.integers(1, 9))),
    st.builds(EntryContent, st.just("review"), days, outcome=words),
    st.builds(EntryContent, st.just("note"), days, text=words, area=st.sampled_from(AREAS)),
)


@settings(max_examples=60, deadline=None)
@given(content=contents, card_id=st.uuids().map(str))
def test_entry_card_round_trip(content: EntryContent, card_id: str) -> None:
    card = EntryCard(card_id, FAMILY, PATIENT, content)
    payload = entry_cards.entry_payload(card, ISS, nbf=NOW, exp=None)
    assert entry_cards.card_type(payload) == entry_cards.ENTRY_TYPE
    assert entry_cards.parse_entry(payload) == card


@settings(max_examples=30, deadline=None)
@given(day=days, file_hash=hashes, cards_hash=hashes)
def test_acknowledgement_round_trip(day: str, file_hash: str | None, cards_hash: str | None) -> None:
    ack = Acknowledgement("a1", FAMILY, day, file_hash, cards_hash)
    payload = entry_cards.ack_payload(ack, ISS, nbf=NOW, exp=None)
    assert entry_cards.card_type(payload) == entry_cards.ACK_TYPE
    assert entry_cards.parse_ack(payload) == ack
    with pytest.raises(entry_cards.NotAnEntryCard):
        entry_cards.parse_entry(payload)


def _growth_payload() -> dict[str, Any]:
    card = EntryCard("c1", FAMILY, PATIENT, EntryContent("growth", "2026-02-20", 12.4, 87.0, None))
    return entry_cards.entry_payload(card, ISS, nbf=NOW, exp=NOW + timedelta(days=90))


def test_an_entry_card_is_a_smart_health_card_that_verify_reads() -> None:
    jws = shc.encode_jws(PRACTITIONER_KEY, _growth_payload())
    assert len(jws) <= shc.MAX_JWS_CHARS
    assert shc.make_qr(jws).version <= shc.MAX_QR_VERSION
    trust = TrustStore()
    trust.pin(ISS, PRACTITIONER_KEY.public_jwk)
    result = verify_jws(jws, trust, clock=type("C", (), {"now": staticmethod(lambda: NOW)})())
    assert result.verified and result.issuer == ISS and not result.family_file
    bundle = result.payload["vc"]["credentialSubject"]["fhirBundle"] if result.payload else {}
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds == ["Patient", "Observation", "Observation"]  # nobody named: the key card does that
    loinc = [e["resource"]["code"]["coding"][0]["code"] for e in bundle["entry"][1:]]
    assert loinc == ["29463-7", "8302-2"]
    assert all("performer" not in e["resource"] for e in bundle["entry"])


@pytest.mark.parametrize("damage", [
    lambda p: p["vc"]["credentialSubject"].pop("familyfile"),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"][2]["resource"].update(  # weight twice
        code=p["vc"]["credentialSubject"]["fhirBundle"]["entry"][1]["resource"]["code"]),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"][1]["resource"].pop("valueQuantity"),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"][2]["resource"].update(
        effectiveDateTime="2026-02-21"),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"][1]["resource"]["valueQuantity"].update(
        code="g"),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"].insert(1, {  # the earlier shape
        "fullUrl": "resource:1", "resource": {"resourceType": "PractitionerRole",
                                              "practitioner": {"display": "Jo Reed"}}}),
    lambda p: p["vc"]["credentialSubject"]["fhirBundle"]["entry"].pop(0),
    lambda p: p["vc"]["credentialSubject"]["familyfile"].update(id=""),
])
def test_a_malformed_entry_card_is_refused(damage: Any) -> None:
    payload = _growth_payload()
    damage(payload)
    with pytest.raises(entry_cards.NotAnEntryCard):
        entry_cards.parse_entry(payload)


def test_patient_helpers() -> None:
    assert entry_cards.patient_nhs_number(PATIENT) == "9434765919"
    assert entry_cards.patient_given_name(PATIENT) == "Zephyrine"
    assert entry_cards.patient_birth_date(PATIENT) == "2024-03-01"
    assert entry_cards.patient_nhs_number({"resourceType": "Patient"}) is None


def _ack_payload(**marker: Any) -> dict[str, Any]:
    ack = Acknowledgement("a1", FAMILY, "2026-03-01", "ab" * 32)
    payload = entry_cards.ack_payload(ack, ISS, nbf=NOW, exp=None)
    payload["vc"]["credentialSubject"]["familyfile"].update(marker)
    return payload


def test_acknowledgement_hashes_travel_as_base64url() -> None:
    marker = _ack_payload()["vc"]["credentialSubject"]["familyfile"]
    assert marker["file_sha256"] == entry_cards.sha256_b64("ab" * 32) and len(marker["file_sha256"]) == 43
    assert "cards_sha256" not in marker and "received_on" not in marker
    bundle = _ack_payload()["vc"]["credentialSubject"]["fhirBundle"]
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Communication"]
    assert "sender" not in bundle["entry"][0]["resource"]


@pytest.mark.parametrize("bad", ["ab" * 32, "A" * 42, "A" * 44, "*" * 43, 7])
def test_a_malformed_acknowledgement_hash_is_refused(bad: Any) -> None:
    with pytest.raises(entry_cards.NotAnEntryCard):
        entry_cards.parse_ack(_ack_payload(file_sha256=bad))

"""Section cards: FHIR shapes, every card within QR version 22 at M, split by content, round trip."""

from __future__ import annotations

import json
import random
import string
from datetime import timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile.clock import FixedClock
from familyfile.export import cards, share_file, shc
from familyfile.export.keys import SigningKey
from familyfile.export.verify import Outcome, TrustStore, inflate_capped, parse_compact, verify_jws
from tests.export._cards import FAMILY_KEY, ISSUER, NOW

EXP = NOW + timedelta(days=90)
NOISE = "".join(random.Random(5).choices(string.ascii_letters, k=2000))
CLOCK = FixedClock(NOW + timedelta(days=1))
ABOUT = cards.Item("about_me", {"given_name": "Zephyrine", "family_name": "Quillfeather",
                                "date_of_birth": "2024-03-01", "nhs_number": "943 476 5919",
                                "sex": "female"})


def jab(n: int, snomed: str | None = "836398006") -> cards.Item:
    return cards.Item("immunisation", {
        "on": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", "vaccine": "6in1", "dose": 1 + n % 3,
        "vaccine_name": "6-in-1", "batch": f"AB{n:04d}", "site": "left_thigh", "snomed": snomed})


def payload_of(jws: str) -> dict[str, Any]:
    _, _, compressed, _ = parse_compact(jws)
    return json.loads(inflate_capped(compressed))


def resources(jws: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in payload_of(jws)["vc"]["credentialSubject"]["fhirBundle"]["entry"]]


def trusted() -> TrustStore:
    store = TrustStore()
    store.pin(ISSUER, FAMILY_KEY.public_jwk)
    return store


def assert_fits(made: list[str]) -> None:
    for jws in made:
        assert len(jws) <= shc.MAX_JWS_CHARS
        qr = shc.make_qr(jws)
        assert qr.version is not None and qr.version <= shc.MAX_QR_VERSION
        assert qr.error_correction == shc.qrcode.constants.ERROR_CORRECT_M


def build(section: str, items: list[cards.Item]) -> list[str]:
    return cards.build_cards(FAMILY_KEY, ISSUER, section, items, nbf=NOW, exp=EXP)


def test_about_me_with_alerts() -> None:
    alerts = [cards.Item("alert", {"type": t, "what": w, "details": "", "since": None, "active": True})
              for t, w in (("allergy", "Peanuts"), ("condition", "Asthma"), ("medicine", "Salbutamol"))]
    gone = cards.Item("alert", {"type": "allergy", "what": "Old thing", "active": False})
    made = build(cards.ABOUT_ME, [ABOUT, *alerts, gone])
    assert_fits(made)
    found = resources(made[0])
    patient = found[0]
    assert patient["identifier"] == [{"system": cards.NHS_NUMBER_SYSTEM, "value": "9434765919"}]
    assert patient["birthDate"] == "2024-03-01"
    assert [r["resourceType"] for r in found[1:]] == [
        "AllergyIntolerance", "Condition", "MedicationStatement"]
    assert "Old thing" not in json.dumps(found)


def test_immunisation_and_growth_codes() -> None:
    imm = resources(build(cards.IMMUNISATIONS, [ABOUT, jab(1), jab(2, None)])[0])
    assert imm[1]["vaccineCode"] == {"coding": [{"system": cards.SNOMED, "code": "836398006"}]}
    assert imm[1]["lotNumber"] == "AB0001" and imm[1]["site"] == {"text": "left thigh"}
    assert imm[2]["vaccineCode"] == {"text": "6-in-1"}
    assert "identifier" not in imm[0]  # the NHS number travels on the about-me card only
    growth = cards.Item("growth", {"measured_on": "2026-02-01", "weight_kg": 7.9, "height_cm": 70.0,
                                   "head_cm": 44.5})
    obs = resources(build(cards.GROWTH, [growth])[0])[1:]
    assert [(o["code"]["coding"][0]["code"], o["valueQuantity"]["code"]) for o in obs] == [
        ("29463-7", "kg"), ("8302-2", "cm"), ("9843-4", "cm")]
    assert all(o["valueQuantity"]["system"] == cards.UCUM for o in obs)


def test_latest_review_involvement_and_consent() -> None:
    old = cards.Item("integrated_review", {"on": "2025-01-01", "asq_scores": {"communication": 10}})
    new = cards.Item("integrated_review", {"on": "2026-01-10", "asq_scores": {"communication": 50,
                                                                              "fine_motor": 45},
                                           "asq_outcomes": {"communication": "above_cutoff"}})
    obs = resources(build(cards.REVIEW, [old, new])[0])[1:]
    assert [o["valueInteger"] for o in obs] == [50, 45]
    team = cards.Item("involvement", {"agency": "health_visiting", "agency_id": "a1",
                                      "organisation": "Riverside", "ods_code": "RX1",
                                      "professional": "Jo Reed", "role": "Health visitor",
                                      "start_date": "2024-03-10"})
    found = resources(build(cards.INVOLVEMENT, [team])[0])
    assert [r["resourceType"] for r in found] == ["Patient", "Organization", "EpisodeOfCare",
                                                  "PractitionerRole"]
    assert found[2]["managingOrganization"] == {"reference": "resource:1"}
    receipt = cards.Item("consent", {"category": "health", "decision": "permit",
                                     "purposes": ["care"], "start_on": "2026-01-01"})
    consent = resources(build(cards.CONSENT, [receipt])[0])[1]
    assert consent["resourceType"] == "Consent" and consent["provision"]["type"] == "permit"


def test_forty_immunisations_are_split_never_truncated() -> None:
    jabs = [jab(n) for n in range(40)]
    made = build(cards.IMMUNISATIONS, [ABOUT, *jabs])
    assert len(made) > 1
    assert_fits(made)
    lots = [r["lotNumber"] for jws in made for r in resources(jws) if r["resourceType"] == "Immunization"]
    assert sorted(lots) == [f"AB{n:04d}" for n in range(40)]  # every one, once
    days = [r["occurrenceDateTime"] for jws in made for r in resources(jws)[1:]]
    assert days == sorted(days)  # split by content, in date order


def test_an_item_too_large_for_any_card_is_refused() -> None:
    huge = cards.Item("alert", {"type": "condition", "what": "x", "details": NOISE, "active": True})
    with pytest.raises(shc.CardTooLarge):
        build(cards.ABOUT_ME, [huge])


def test_unknown_section_refused() -> None:
    with pytest.raises(ValueError):
        cards.build_all(FAMILY_KEY, ISSUER, ["journal"], [], nbf=NOW, exp=EXP)


def test_share_file_round_trip_and_strictness() -> None:
    made = build(cards.IMMUNISATIONS, [jab(1)])
    data = share_file.write_bytes(made, FAMILY_KEY.public_jwk, "The Quillfeathers")
    read = share_file.read_bytes(data)
    assert read.cards == tuple(made) and read.key == FAMILY_KEY.public_jwk
    assert read.fingerprint == FAMILY_KEY.fingerprint and read.display_name == "The Quillfeathers"
    doc = json.loads(data)
    for bad in ({**doc, "extra": 1}, {**doc, "verifiableCredential": []},
                {**doc, "familyfile": {**doc["familyfile"], "fingerprint": "00000"}},
                {**doc, "familyfile": {**doc["familyfile"], "key": {**FAMILY_KEY.public_jwk, "d": "x"}}}):
        with pytest.raises(share_file.NotAShareFile):
            share_file.read_bytes(json.dumps(bad).encode())
    for raw in (b"\xef\xbb\xbf" + data, data + b"x", data.replace(b'{"verifiableCredential"',
                                                                   b'{"familyfile":1,"verifiableCredential"')):
        with pytest.raises(share_file.NotAShareFile):
            share_file.read_bytes(raw)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(count=st.integers(0, 30), batches=st.lists(st.text("ABCDEFGHJK0123456789", min_size=1, max_size=20),
                                                   min_size=30, max_size=30),
       section=st.sampled_from([cards.IMMUNISATIONS, cards.GROWTH]))
def test_round_trip_through_the_verifier(count: int, batches: list[str], section: str) -> None:
    jabs = [cards.Item("immunisation", {**jab(n).data, "batch": batches[n]}) for n in range(count)]
    growth = [cards.Item("growth", {"measured_on": "2025-06-01", "weight_kg": 5 + n / 10, "height_cm": None,
                                    "head_cm": 40 + n / 7}) for n in range(count)]
    items = jabs if section == cards.IMMUNISATIONS else growth
    made = build(section, [ABOUT, *items])
    assert_fits(made)
    got = []
    for jws in made:
        result = verify_jws(jws, trusted(), clock=CLOCK)
        assert result.outcome is Outcome.VERIFIED_KNOWN_SIGNER and result.payload is not None
        assert result.payload["exp"] == int(EXP.timestamp())
        got += [e["resource"] for e in result.payload["vc"]["credentialSubject"]["fhirBundle"]["entry"][1:]]
    expected = [r for i in cards.section_items(section, items) for r in cards.BUILDERS[i.kind](i)]
    assert got == json.loads(json.dumps([shc.minimise_bundle(cards.bundle({}, [[r]]))["entry"][1]["resource"]
                                         for r in expected]))


def test_share_file_carries_a_genuine_key_card_for_its_own_key_only() -> None:
    made = build(cards.IMMUNISATIONS, [ABOUT, jab(0)])
    key_card = shc.encode_key_card(FAMILY_KEY, ISSUER, "Zephyrine", NOW)
    read = share_file.read_bytes(share_file.write_bytes(made, FAMILY_KEY.public_jwk, "Zephyrine", key_card))
    assert read.key_card == key_card and read.cards == tuple(made)
    other = SigningKey.from_scalar(0xBEEF)
    with pytest.raises(share_file.NotAShareFile):
        share_file.write_bytes(made, FAMILY_KEY.public_jwk, "Zephyrine",
                               shc.encode_key_card(other, ISSUER, "Zephyrine", NOW))
    doc = json.loads(share_file.write_bytes(made, FAMILY_KEY.public_jwk, "Zephyrine", key_card))
    for bad in (shc.encode_key_card(other, ISSUER, "Zephyrine", NOW), key_card[:-2] + "AA", 7):
        doc["familyfile"]["key_card"] = bad
        with pytest.raises(share_file.NotAShareFile):
            share_file.read_bytes(json.dumps(doc).encode())

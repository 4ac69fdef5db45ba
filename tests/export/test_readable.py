"""A verified card's content in plain English: what a practitioner reads at an appointment."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.export import cards, readable, shc
from familyfile.export.cards import Item
from familyfile.export.readable import FAMILY, OTHER, PRACTITIONER, describe, text_lines
from tests.export._cards import ISSUER, NOW, immunisation_bundle

ABOUT = {"given_name": "Zephyrine", "family_name": "Quillfeather", "date_of_birth": "2025-03-01",
         "nhs_number": "943 476 5919", "sex": "female"}


def payload(bundle: dict[str, Any], iss: str = ISSUER, minimise: bool = True) -> dict[str, Any]:
    return shc.build_payload(iss, shc.minimise_bundle(bundle) if minimise else bundle, NOW,
                             NOW + timedelta(days=90))


def family_bundle() -> dict[str, Any]:
    groups = [
        cards.alert_resources(Item("alert", {"type": "allergy", "what": "Peanuts", "since": "2025-09-01",
                                             "details": "Carries an adrenaline pen"})),
        cards.immunisation_resources(Item("immunisation", {"snomed": "1981000221108", "on": "2025-05-02",
                                                           "batch": "AB123", "dose": 1,
                                                           "site": "left_thigh"})),
        cards.immunisation_resources(Item("immunisation", {"vaccine_name": "Rotavirus", "on": "2025-05-02",
                                                           "declined": True})),
        cards.growth_resources(Item("growth", {"measured_on": "2025-06-01", "weight_kg": 7.9,
                                               "height_cm": 66.5})),
        cards.review_resources(Item("integrated_review", {"on": "2026-02-01",
                                                          "asq_scores": {"communication": 50},
                                                          "asq_outcomes": {"communication": "on_track"}})),
        cards.involvement_resources(Item("involvement", {"organisation": "Riverside Health Visiting",
                                                         "ods_code": "RX123", "agency": "health_visiting",
                                                         "start_date": "2025-03-10",
                                                         "professional": "Sam Okafor",
                                                         "role": "Health visitor"})),
        cards.consent_resources(Item("consent", {"category": "health", "decision": "permit",
                                                 "purposes": ["care"], "start_on": "2025-03-10",
                                                 "until": "2026-03-10"})),
    ]
    return cards.bundle(cards.patient_resource(ABOUT), groups)


def section(card: readable.ReadableCard, title: str) -> readable.Section:
    return next(s for s in card.sections if s.title == title)


def test_family_card_reads_in_plain_english() -> None:
    card = describe(payload(family_bundle()))
    assert card.kind == FAMILY and "Family File card" in card.origin
    titles = [s.title for s in card.sections]
    assert titles[:2] == ["About the child", "Alerts"]  # who, then alerts before anything else
    assert section(card, "About the child").lines == (
        "Name: Zephyrine Quillfeather", "Date of birth: 1 March 2025", "NHS number: 943 476 5919",
        "Sex: female")
    assert section(card, "Alerts").lines == (
        "Allergy: Peanuts (since 1 September 2025) — Carries an adrenaline pen",)
    table = section(card, "Immunisations").table
    assert table is not None and table.headers[:2] == ("Date", "Vaccine")
    assert table.rows[0] == ("2 May 2025", "MenB", "1", "AB123", "left thigh")
    assert table.rows[1][1] == "Rotavirus" and "declined" in table.rows[1][4]
    growth = section(card, "Growth").table
    assert growth is not None
    assert set(growth.rows) == {("1 June 2025", "Weight", "7.9 kg"),
                                ("1 June 2025", "Height or length", "66.5 cm")}
    review = section(card, "Review").table
    assert review is not None
    assert review.rows == (("1 February 2026", "ASQ-3 communication", "50", "on track"),)
    team = section(card, "Team").lines
    assert team[0].startswith("Health visiting — Riverside Health Visiting (ODS RX123) since 10 March 2025")
    assert team[1] == "Contact: Sam Okafor, Health visitor, Riverside Health Visiting (ODS RX123)"
    consent = section(card, "Consent").lines[0]
    assert consent.startswith("Allowed: sharing") and "until 10 March 2026" in consent


def test_practitioner_entry_card_says_who_confirmed_it() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "resource:0", "resource": cards.patient_resource(ABOUT)},
        {"fullUrl": "resource:1", "resource": {"resourceType": "Practitioner",
                                               "name": [{"text": "Priya Shah"}]}},
        {"fullUrl": "resource:2", "resource": {"resourceType": "Organization", "name": "Elm Surgery",
                                               "identifier": [{"system": cards.ODS_SYSTEM,
                                                               "value": "Y01234"}]}},
        {"fullUrl": "resource:3", "resource": {"resourceType": "PractitionerRole",
                                               "practitioner": {"reference": "resource:1"},
                                               "code": [{"text": "Practice nurse"}]}},
        *({"fullUrl": f"resource:{4 + i}", "resource": r} for i, r in enumerate(
            cards.growth_resources(Item("growth", {"measured_on": "2026-02-02", "weight_kg": 9.1})))),
    ]}
    card = describe(payload(bundle, iss="familyfile-practitioner:0a1b2c"))
    assert card.kind == PRACTITIONER
    assert section(card, "Confirmed by").lines == (
        "Confirmed by Priya Shah, Practice nurse, Elm Surgery (ODS Y01234)",)
    growth = section(card, "Growth").table
    assert growth is not None and growth.rows == (("2 February 2026", "Weight", "9.1 kg"),)
    assert not any(s.title == "Team" for s in card.sections)  # the signer is not the child's team


def test_card_from_another_issuer_is_shown_as_such() -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "resource:0", "resource": {"resourceType": "Patient", "birthDate": "1990-01-15",
                                               "name": [{"family": "Doe", "given": ["Jane", "C."]}]}},
        {"fullUrl": "resource:1", "resource": {
            "resourceType": "Immunization", "status": "completed",
            "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx", "code": "207",
                                        "display": "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose"}]},
            "patient": {"reference": "resource:0"}, "occurrenceDateTime": "2021-01-01",
            "lotNumber": "0000001"}},
        {"fullUrl": "resource:2", "resource": {"resourceType": "Immunization", "status": "completed",
                                               "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx",
                                                                           "code": "208"}]},
                                               "occurrenceDateTime": "2021-01-29"}},
        {"fullUrl": "resource:3", "resource": {"resourceType": "DiagnosticReport", "status": "final"}},
    ]}
    card = describe(payload(bundle, iss="https://spec.smarthealth.cards/examples/issuer", minimise=False))
    assert card.kind == OTHER
    assert card.origin == "Card from another issuer: https://spec.smarthealth.cards/examples/issuer"
    assert section(card, "About the child").lines[0] == "Name: Jane C. Doe"
    table = section(card, "Immunisations").table
    assert table is not None
    assert table.rows[0] == ("1 January 2021", "COVID-19, mRNA, LNP-S, PF, 100 mcg/0.5mL dose", "",
                             "0000001", "")
    assert table.rows[1][1] == "CVX vaccine code 208"  # no name known: the code, plainly
    assert section(card, "Other information").lines == ("DiagnosticReport (not shown in detail)",)


def test_snomed_vaccine_codes_get_their_schedule_names() -> None:
    card = describe(payload(immunisation_bundle(2)))
    rows = section(card, "Immunisations").table.rows  # type: ignore[union-attr]
    assert [r[0] for r in rows] == ["2 May 2025", "2 May 2025"]
    # minimised cards drop the display, and these codes are not the shipped schedule's: shown as codes
    assert rows[0][1] == "SNOMED CT code 836398006" and rows[1][1] == "SNOMED CT code 836380007"


def test_text_lines_for_the_command_line() -> None:
    lines = text_lines(describe(payload(family_bundle())))
    assert lines[0].startswith("Family File card")
    assert "  Name: Zephyrine Quillfeather" in lines
    assert "  Date | Vaccine | Dose | Batch | Notes" in lines
    assert "  2 May 2025 | Rotavirus | — | — | not given (declined)" in lines


def test_empty_or_missing_payloads_say_so() -> None:
    odd = {"iss": 5, "vc": {"credentialSubject": {"fhirBundle": {"entry": 3}}}}
    for value in (None, {}, {"vc": "x"}, odd):
        card = describe(value)
        assert card.sections[-1].lines == ("The card carries no information to show.",)


def test_dates_in_words() -> None:
    assert readable.date_text("2025-05-02") == "2 May 2025"
    assert readable.date_text("2025-12-31T10:00:00Z") == "31 December 2025"
    assert readable.date_text("2025-02") == "February 2025"
    assert readable.date_text("soon") == "soon"
    assert readable.date_text("2025-13-01") == "2025-13-01"


JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["Patient", "Immunization", "Observation", "Consent", "Practitioner", "Organization",
                       "EpisodeOfCare", "PractitionerRole", "CareTeam", "Communication", "Condition",
                       "AllergyIntolerance", "MedicationStatement", "resource:0", "2025-05-02", "deny",
                       cards.LOINC, "29463-7", cards.NHS_NUMBER_SYSTEM, cards.ODS_SYSTEM]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["resourceType", "name", "code", "coding", "text", "display", "system", "value",
                         "valueQuantity", "valueInteger", "valueString", "interpretation", "reference",
                         "identifier", "given", "family", "birthDate", "provision", "class", "purpose",
                         "period", "start", "end", "type", "note", "vaccineCode", "protocolApplied",
                         "managingOrganization", "practitioner", "organization", "participant", "member",
                         "role", "payload", "contentString", "fullUrl", "resource", "unit"]),
        inner, max_size=5),
    max_leaves=40)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["fullUrl", "resource"]), JSONISH), max_size=6),
       st.sampled_from([ISSUER, "familyfile-practitioner:x", "https://example.org", ""]))
def test_arbitrary_bundles_never_raise(entries: list[Any], iss: str) -> None:
    value = {"iss": iss, "vc": {"credentialSubject": {"fhirBundle": {"entry": entries}}}}
    card = describe(value)
    assert card.sections and all(isinstance(line, str) for line in text_lines(card))


@settings(max_examples=100, deadline=None)
@given(JSONISH)
def test_arbitrary_payloads_never_raise(value: Any) -> None:
    assert describe(value).sections


def _entry_card(content: Any, *, ack: bool = False) -> dict[str, Any]:
    from familyfile.export import entry_cards

    iss = "familyfile-practitioner:b1TxqK2n0Zr9wVc4"
    if ack:
        receipt = entry_cards.Acknowledgement("a1", ISSUER, "2026-03-01", "ab" * 32)
        return entry_cards.ack_payload(receipt, iss, nbf=NOW, exp=None)
    patient = {"resourceType": "Patient", "name": [{"given": ["Zephyrine"]}], "birthDate": "2025-03-01"}
    return entry_cards.entry_payload(entry_cards.EntryCard("c1", ISSUER, patient, content), iss, nbf=NOW,
                                     exp=None)


def test_an_entry_card_is_confirmed_by_the_name_on_the_key_card() -> None:
    from familyfile.export.entry_cards import EntryContent

    card = describe(_entry_card(EntryContent("note", "2026-02-02", text="Feeding well.", area="cl")),
                    signer="Jo Reed, Health Visitor, Riverside (ODS RX1CC)", fingerprint="12345 67890")
    assert card.kind == PRACTITIONER and card.origin == "Entry card signed by a practitioner"
    assert section(card, "Confirmed by").lines == (
        "Confirmed by Jo Reed, Health Visitor, Riverside (ODS RX1CC)",)
    assert "Zephyrine" in card.sections[0].lines[0] and card.sections[0].title.startswith("About")
    assert section(card, "Notes").lines == ("2 February 2026 — Note: Feeding well.",)


def test_without_the_key_card_it_says_whose_key_signed_it() -> None:
    from familyfile.export.entry_cards import EntryContent

    payload_ = _entry_card(EntryContent("immunisation", "2026-02-02", vaccine="menb", dose=2))
    assert section(describe(payload_, fingerprint="12345 67890"), "Confirmed by").lines == (
        "Signed by a professional's key (fingerprint 12345 67890); open their key card to see their name",)
    assert section(describe(payload_), "Confirmed by").lines == (
        "Signed by a professional's key; open their key card to see their name",)


def test_a_receipt_reads_as_received() -> None:
    card = describe(_entry_card(None, ack=True), signer="Jo Reed, Health Visitor, Riverside")
    assert card.origin == "Receipt signed by a practitioner"
    assert section(card, "Received by").lines == ("Received by Jo Reed, Health Visitor, Riverside",)
    assert section(card, "Notes").lines == ("1 March 2026 — Received",)


def test_entry_card_in_the_practitioner_format_names_the_signer() -> None:
    """A card whose resources name the practitioner (a PractitionerRole with displays) is still read."""
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [
        {"fullUrl": "resource:0", "resource": {"resourceType": "Patient",
                                               "name": [{"text": "Ada Lovelace"}]}},
        {"fullUrl": "resource:1", "resource": {
            "resourceType": "PractitionerRole", "practitioner": {"display": "Priya Shah"},
            "organization": {"display": "Elm Surgery", "identifier": {"system": cards.ODS_SYSTEM,
                                                                       "value": "Y01234"}},
            "code": [{"text": "Health visitor"}]}},
        {"fullUrl": "resource:2", "resource": {
            "resourceType": "Immunization", "status": "completed", "occurrenceDateTime": "2026-02-02",
            "vaccineCode": {"coding": [{"system": "urn:familyfile:vaccine", "code": "menb"}]},
            "protocolApplied": [{"doseNumberPositiveInt": 2}]}},
        {"fullUrl": "resource:3", "resource": {
            "resourceType": "Observation", "status": "final", "effectiveDateTime": "2026-02-02",
            "code": {"coding": [{"system": "urn:familyfile:entry", "code": "note"}]},
            "valueString": "Feeding well."}},
    ]}
    card = describe(payload(bundle, iss="familyfile-practitioner:0a1b", minimise=False))
    assert section(card, "Confirmed by").lines == (
        "Confirmed by Priya Shah, Health visitor, Elm Surgery (ODS Y01234)",)
    assert section(card, "Immunisations").table.rows == (  # type: ignore[union-attr]
        ("2 February 2026", "MenB", "2", "", ""),)
    assert section(card, "Notes").lines == ("2 February 2026 — Note: Feeding well.",)

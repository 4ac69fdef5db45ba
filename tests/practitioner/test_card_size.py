"""Every entry and acknowledgement card prints as one QR code of version 22 at level M (927
characters), like every family card (docs/practitioner.md, "QR size").

The cards do not name the practitioner (their key card does), so names no longer matter: the
worst cases are a note or an outcome at its maximum length in English, the child named by NHS
number or by first name and birth date. Measured (the largest of 2,000 random ids): growth 876,
vaccination 836, review (160) 904, note (145) 916, acknowledgement 764 characters.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.domain import practitioner as rules
from familyfile.export import entry_cards, shc
from familyfile.export.entry_cards import Acknowledgement, EntryCard, EntryContent
from familyfile.services import practitioner as practice
from familyfile.services.practitioner import card_patient, new_card_id
from tests.practitioner.conftest import PRACTITIONER_KEY

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
EXP = NOW + timedelta(days=90)
FAMILY = shc.issuer_for("0123456789abcdef0123456789abcdef")
#: A margin below 927: the random card id and issuer id move a card's size by a few characters.
MARGIN = 10
BY_NHS: dict[str, Any] = {"resourceType": "Patient", "birthDate": "2024-03-01",
                          "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                          "value": "9434765919"}]}
BY_NAME: dict[str, Any] = {"resourceType": "Patient", "name": [{"given": ["Maximilian-Alexander"]}],
                           "birthDate": "2024-03-01"}
ENGLISH = ("Seen at clinic today. Walking well, climbing stairs with help, using about twenty words and "
           "pointing to pictures in books. Eating a varied diet; sleep is settling. Parents will keep "
           "reading together every day and come back in three months.")
TEXT = ENGLISH[:entry_cards.NOTE_MAX]
WORST_CONTENTS = [
    EntryContent("growth", "2026-02-20", 12.345, 87.65, 48.25),
    EntryContent("immunisation", "2026-02-20", vaccine="6in1", snomed="836398006", dose=3),
    EntryContent("review", "2026-02-20", outcome=ENGLISH[:entry_cards.OUTCOME_MAX]),
    EntryContent("note", "2026-02-20", text=TEXT, area="literacy"),
]
WORST_NAMES = ("Dr Alexandra Montgomery-Fitzwilliam", "Specialist Community Public Health Nurse",
               "Sampleford and District Community Health NHS Foundation Trust", "RX1CCABC")


def _issuer() -> str:
    return rules.ISSUER_PREFIX + rules.new_identity_id()


def _entry_jws(content: EntryContent, patient: dict[str, Any], issuer: str | None = None) -> str:
    card = EntryCard(new_card_id(), FAMILY, card_patient(patient), content)
    return shc.encode_jws(PRACTITIONER_KEY,
                          entry_cards.entry_payload(card, issuer or _issuer(), nbf=NOW, exp=EXP))


def _ack_jws() -> str:
    ack = Acknowledgement(new_card_id(), FAMILY, "2026-03-01", hashlib.sha256(b"file").hexdigest(),
                          hashlib.sha256(b"cards").hexdigest())
    return shc.encode_jws(PRACTITIONER_KEY, entry_cards.ack_payload(ack, _issuer(), nbf=NOW, exp=EXP))


def _fits_level_m(jws: str) -> None:
    qr = shc.make_qr(jws)
    assert qr.error_correction == qrcode.constants.ERROR_CORRECT_M
    assert qr.version is not None and qr.version <= shc.MAX_QR_VERSION


def test_the_texts_fill_their_limits() -> None:
    assert len(TEXT) == entry_cards.NOTE_MAX and len(ENGLISH) >= entry_cards.OUTCOME_MAX


@pytest.mark.parametrize("patient", [BY_NHS, BY_NAME], ids=["nhs-number", "first-name"])
@pytest.mark.parametrize("content", WORST_CONTENTS, ids=lambda c: c.kind)
def test_worst_case_entry_cards_fit_level_m_with_a_margin(content: EntryContent,
                                                          patient: dict[str, Any]) -> None:
    for _attempt in range(5):  # fresh random ids each time
        jws = _entry_jws(content, patient)
        assert len(jws) <= shc.MAX_JWS_CHARS - MARGIN
        _fits_level_m(jws)


def test_worst_case_acknowledgement_fits_level_m_with_a_margin() -> None:
    jws = _ack_jws()
    assert len(jws) <= shc.MAX_JWS_CHARS - MARGIN
    _fits_level_m(jws)


def test_an_identity_made_before_with_a_uuid_still_issues_cards() -> None:
    """Its ``iss`` is 20 characters longer: measurements and vaccinations still fit (a note at the
    limit may be refused with "shorten the note")."""
    old = rules.ISSUER_PREFIX + "6f1c2d3e-4a5b-4c6d-8e7f-001122334455"
    assert rules.is_practitioner_issuer(old)
    for content in WORST_CONTENTS[:2]:
        _fits_level_m(_entry_jws(content, BY_NAME, old))


def test_the_card_carries_no_birth_date_when_the_nhs_number_names_the_child() -> None:
    assert "birthDate" not in card_patient(BY_NHS) and "birthDate" in BY_NHS
    assert card_patient(BY_NAME) == BY_NAME


def test_a_card_names_nobody() -> None:
    jws = _entry_jws(WORST_CONTENTS[2], BY_NHS)
    payload = entry_cards.entry_payload(EntryCard("c", FAMILY, card_patient(BY_NHS), WORST_CONTENTS[2]),
                                        _issuer(), nbf=NOW, exp=EXP)
    kinds = [e["resource"]["resourceType"] for e in payload["vc"]["credentialSubject"]["fhirBundle"]["entry"]]
    assert kinds == ["Patient", "Observation"] and "performer" not in str(payload)
    assert len(jws) < shc.MAX_JWS_CHARS


def test_beyond_level_m_a_card_is_too_large() -> None:
    shc.make_qr("a" * shc.MAX_JWS_CHARS)
    with pytest.raises(shc.CardTooLarge):
        shc.make_qr("a" * (shc.MAX_JWS_CHARS + 1))


def test_the_worst_case_key_card_fits_level_m() -> None:
    identity = rules.build(*WORST_NAMES)
    me = practice.Practitioner(identity, PRACTITIONER_KEY)
    _fits_level_m(practice.key_card(me))
    longest = rules.build("N" * 100, "R" * 100, "Ö" * 40 + "O", "RX1CCABC")  # 300 bytes with the ODS code
    assert len(longest.key_card_name.encode("utf-8")) == rules.KEY_CARD_NAME_BYTES
    _fits_level_m(practice.key_card(practice.Practitioner(longest, PRACTITIONER_KEY)))


_WORDS = ("Health", "Visitor", "Community", "Nurse", "Specialist", "Trust", "NHS", "Foundation", "and",
          "District", "Children's", "Centre", "Practice", "Surgery", "Montgomery-Fitzwilliam", "O'Neill",
          "Dr", "Zoë", "Nursery", "Manager", "Riverside", "Sampleford", "Public", "Healthcare", "Service")


def _phrase(limit: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=16).map(" ".join).map(
        lambda text: text[:limit].strip() or "A")


@settings(max_examples=25, deadline=None)
@given(name=_phrase(rules.TEXT_MAX), role=_phrase(rules.TEXT_MAX), org=_phrase(rules.TEXT_MAX),
       ods=st.sampled_from(["", "RX1", "A81001", "RX1CCABC"]))
def test_any_identity_that_passes_the_checks_has_a_key_card_at_level_m(name: str, role: str, org: str,
                                                                        ods: str) -> None:
    if rules.validate(name, role, org, ods):
        return  # refused at "practitioner init" with a message saying how much shorter
    identity = rules.build(name, role, org, ods)
    _fits_level_m(practice.key_card(practice.Practitioner(identity, PRACTITIONER_KEY)))


@settings(max_examples=40, deadline=None)
@given(words=st.lists(st.sampled_from(ENGLISH.split()), min_size=1, max_size=60).map(" ".join),
       kind=st.sampled_from(["note", "review"]), patient=st.sampled_from([BY_NHS, BY_NAME]))
def test_any_english_note_or_outcome_within_the_limit_fits_level_m(words: str, kind: str,
                                                                    patient: dict[str, Any]) -> None:
    text = words[:entry_cards.NOTE_MAX].strip() or "x"
    content = (EntryContent("note", "2026-02-20", text=text, area="cl") if kind == "note"
               else EntryContent("review", "2026-02-20", outcome=text))
    _fits_level_m(_entry_jws(content, patient))

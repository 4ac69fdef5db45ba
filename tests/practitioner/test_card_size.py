"""Every entry and acknowledgement card prints as one QR code of version 22 (docs/practitioner.md).

The worst cases are long, realistic names with an ODS code and a note or outcome at its maximum
length. Measured with this format they need 1045–1172 characters, more than level M's 927, so
``make_qr`` uses level L when a card does not fit level M (see the report in docs/practitioner.md).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import qrcode
from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.export import entry_cards, shc
from familyfile.export.entry_cards import Acknowledgement, EntryCard, EntryContent, Signer
from familyfile.services.practitioner import card_patient, new_card_id
from tests.practitioner.conftest import PRACTITIONER_KEY

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
EXP = NOW + timedelta(days=90)
ISS = "familyfile-practitioner:6f1c2d3e-4a5b-4c6d-8e7f-001122334455"
FAMILY = shc.issuer_for("0123456789abcdef0123456789abcdef")
BY_NHS: dict[str, Any] = {"resourceType": "Patient", "birthDate": "2024-03-01",
                          "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number",
                                          "value": "9434765919"}]}
BY_NAME: dict[str, Any] = {"resourceType": "Patient", "name": [{"given": ["Maximilian-Alexander"]}],
                           "birthDate": "2024-03-01"}
WORST = Signer("Dr Alexandra Montgomery-Fitzwilliam", "Specialist Community Public Health Nurse",
               "Sampleford and District Community Health NHS Foundation Trust", "RX1CCABC")
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


def _entry_jws(signer: Signer, content: EntryContent, patient: dict[str, Any]) -> str:
    card = EntryCard(new_card_id(), FAMILY, card_patient(patient), signer, content)
    return shc.encode_jws(PRACTITIONER_KEY, entry_cards.entry_payload(card, ISS, nbf=NOW, exp=EXP))


def _fits_one_qr(jws: str) -> None:
    qr = entry_cards.make_qr(jws)
    assert qr.version is not None and qr.version <= shc.MAX_QR_VERSION
    level_m = len(jws) <= shc.MAX_JWS_CHARS
    assert qr.error_correction == (qrcode.constants.ERROR_CORRECT_M if level_m
                                   else qrcode.constants.ERROR_CORRECT_L)


def test_the_texts_fill_their_limits() -> None:
    assert len(TEXT) == entry_cards.NOTE_MAX and len(ENGLISH) >= entry_cards.OUTCOME_MAX


@pytest.mark.parametrize("patient", [BY_NHS, BY_NAME], ids=["nhs-number", "first-name"])
@pytest.mark.parametrize("content", WORST_CONTENTS, ids=lambda c: c.kind)
def test_worst_case_entry_cards_fit_one_qr(content: EntryContent, patient: dict[str, Any]) -> None:
    jws = _entry_jws(WORST, content, patient)
    assert len(jws) <= entry_cards.MAX_JWS_CHARS_LOW_EC - 15  # a margin: the random id varies the size by ±5
    _fits_one_qr(jws)


def test_worst_case_acknowledgement_fits_one_qr() -> None:
    ack = Acknowledgement(new_card_id(), FAMILY, WORST, "2026-03-01", hashlib.sha256(b"file").hexdigest(),
                          hashlib.sha256(b"cards").hexdigest())
    jws = shc.encode_jws(PRACTITIONER_KEY, entry_cards.ack_payload(ack, ISS, nbf=NOW, exp=EXP))
    assert len(jws) <= entry_cards.MAX_JWS_CHARS_LOW_EC - 15
    _fits_one_qr(jws)


def test_the_card_carries_no_birth_date_when_the_nhs_number_names_the_child() -> None:
    assert "birthDate" not in card_patient(BY_NHS) and "birthDate" in BY_NHS
    assert card_patient(BY_NAME) == BY_NAME


@pytest.mark.parametrize(("chars", "level"), [
    (shc.MAX_JWS_CHARS, qrcode.constants.ERROR_CORRECT_M),
    (shc.MAX_JWS_CHARS + 1, qrcode.constants.ERROR_CORRECT_L),
    (entry_cards.MAX_JWS_CHARS_LOW_EC, qrcode.constants.ERROR_CORRECT_L),
])
def test_level_m_when_it_fits_else_level_l(chars: int, level: int) -> None:
    qr = entry_cards.make_qr("a" * chars)
    assert qr.error_correction == level and qr.version is not None and qr.version <= shc.MAX_QR_VERSION


def test_beyond_level_l_the_card_is_too_large() -> None:
    with pytest.raises(shc.CardTooLarge):
        entry_cards.make_qr("a" * (entry_cards.MAX_JWS_CHARS_LOW_EC + 1))


_WORDS = ("Health", "Visitor", "Community", "Nurse", "Specialist", "Trust", "NHS", "Foundation", "and",
          "District", "Children's", "Centre", "Practice", "Surgery", "Montgomery-Fitzwilliam", "O'Neill",
          "Dr", "Zoë", "Nursery", "Manager", "Riverside", "Sampleford", "Public", "Healthcare", "Service")


def _phrase(limit: int) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12).map(" ".join).map(
        lambda text: text[:limit].strip() or "A")


_NOTE = st.text(st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                max_size=entry_cards.NOTE_MAX).map(lambda t: t.strip() or "x")


@settings(max_examples=25, deadline=None)
@given(name=_phrase(len(WORST.name)), role=_phrase(len(WORST.role)),
       org=_phrase(len(WORST.organisation)), ods=st.sampled_from(["", "RX1", "A81001", "RX1CCABC"]),
       words=st.lists(st.sampled_from(ENGLISH.split()), min_size=1, max_size=60).map(" ".join),
       kind=st.sampled_from(["note", "review"]))
def test_any_realistic_signer_and_note_fits_one_qr(name: str, role: str, org: str, ods: str, words: str,
                                                   kind: str) -> None:
    text = words[:entry_cards.NOTE_MAX]
    content = (EntryContent("note", "2026-02-20", text=text, area="cl") if kind == "note"
               else EntryContent("review", "2026-02-20", outcome=text))
    _fits_one_qr(_entry_jws(Signer(name, role, org, ods), content, BY_NAME))


@settings(max_examples=25, deadline=None)
@given(note=_NOTE)
def test_any_typed_note_with_ordinary_names_fits_one_qr(note: str) -> None:
    signer = Signer("Priya Shah-Okafor", "Health Visitor", "Leeds Community Healthcare NHS Trust", "RY6")
    _fits_one_qr(_entry_jws(signer, EntryContent("note", "2026-02-20", text=note, area="psed"), BY_NHS))

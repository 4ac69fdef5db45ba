"""The PDF pack: cards read back from the printed pages verify, and nothing held back is printed."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportlab.lib.units import mm

from familyfile.clock import FixedClock
from familyfile.domain.consent import Recipient
from familyfile.export import cards, pdf_pack, shc
from familyfile.export import pdf_growth_chart as charts
from familyfile.export.pdf_pack_parts import QrSymbol
from familyfile.export.verify import Outcome, TrustStore, inflate_capped, parse_compact, read_key_card
from familyfile.services import consent, handover, sharing, verifier
from tests.consent.conftest import NOW, Record
from tests.export._cards import FAMILY_KEY
from tests.export.test_handover import (
    CARE,
    CHOICES,
    DENIED_MARK,
    PRIVATE_MARK,
    SENSITIVE_MARK,
    _add,
    _setup,
)

FAMILY = "Mum and Dad"
JOURNAL_DENIED = "JOURNALQX53"


def _pages(pdf: Path, folder: Path) -> list[Path]:
    """Every page drawn as a grey PNG at 150 dpi, as a scanner might see the printout."""
    subprocess.run(["pdftoppm", "-r", "150", "-gray", "-png", str(pdf), str(folder / "page")],
                   check=True, capture_output=True, timeout=120)
    return sorted(folder.glob("page*.png"))


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")


def _info(pdf: Path) -> str:
    return subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, timeout=60).stdout.decode()


def _bundle(jws: str) -> Any:
    return json.loads(inflate_capped(parse_compact(jws)[2]))["vc"]["credentialSubject"]["fhirBundle"]


def _decoded(pdf: Path, folder: Path) -> tuple[list[str], list[str]]:
    """(card JWS texts, key card JWS texts) read from the rendered pages, in page order."""
    texts = [t for page in _pages(pdf, folder) for t in verifier.qr_texts(page)]
    jws = [shc.from_numeric(t) for t in texts]
    keys = [j for j in jws if j.count(".") == 2 and parse_compact(j)[0].get("zip") is None]
    return [j for j in jws if j not in keys], keys


def _pinned(record: Record) -> TrustStore:
    trust = TrustStore()
    trust.pin(shc.issuer_for(record.session.file_id), FAMILY_KEY.public_jwk)
    return trust


def test_cards_read_from_the_printed_pages_verify_and_match(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    out = tmp_path / "pack.pdf"
    data = handover.write_pdf(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                              handover.PDF_SECTIONS, out, FAMILY, expires_days=30)
    assert out.read_bytes() == data and data.startswith(b"%PDF-")
    found, key_cards = _decoded(out, tmp_path)
    assert len(key_cards) == 1
    key_card = read_key_card(key_cards[0])
    assert key_card.fingerprint == FAMILY_KEY.fingerprint and key_card.name == FAMILY
    clock = FixedClock(NOW)
    contents = verifier.Contents(cards=[shc.to_numeric(j) for j in found], key_cards=[key_card])
    results = verifier.verify_contents(contents, _pinned(record), clock)
    assert results and all(r.outcome is Outcome.VERIFIED_KNOWN_SIGNER for r in results)
    unpinned = verifier.verify_contents(contents, TrustStore(), clock)  # the key card is only offered
    assert all(r.outcome is Outcome.VALID_UNKNOWN_SIGNER for r in unpinned)
    # the same content as the cards handover.build() makes (signatures differ: ECDSA is randomised)
    _chosen, made = handover.build(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                                   cards.SECTIONS, expires_days=30)
    assert [_bundle(j) for j in found] == [_bundle(j) for j in made]
    assert len(found) > 3  # 40 jabs need several cards
    log = sharing.share_log(record.session, record.child_id)[-1]
    assert log.format == "pdf" and log.sha256 == hashlib.sha256(data).hexdigest()
    selected = sharing.selection(record.session, record.child_id, nursery, CARE, CHOICES)
    kind_of = {c.id: e.kind for c, e in sharing.candidates(record.session, record.child_id)}
    left_out = {kind_of[i] for i in set(selected.included) - set(log.entry_ids)}
    assert set(log.entry_ids) <= set(selected.included)
    assert left_out and not left_out & {"about_me", "alert", "immunisation", "growth", "involvement",
                                        "integrated_review", "journal"}, left_out  # only what is not printed


def test_cards_are_printed_wide_enough_with_their_quiet_zone(record: Record) -> None:
    nursery = _setup(record)
    _chosen, pack = handover.pdf_pack_for(record.session, record.child_id, nursery, CARE, CHOICES,
                                          FAMILY_KEY, handover.PDF_SECTIONS, FAMILY)
    for jws in [j for s in pack.sections for j in s.cards] + [pack.key_card]:
        symbol = QrSymbol(jws)
        module_mm = symbol.width / symbol.modules / mm
        assert (symbol.modules - 8) * module_mm >= 35  # the symbol alone, quiet zone not counted
        assert not any(symbol.matrix[0]) and not any(row[0] for row in symbol.matrix)  # border kept
        assert all(not any(symbol.matrix[r]) for r in range(4))


def test_held_back_content_is_never_printed(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    _add(record, "journal", {"area": "physical", "text": JOURNAL_DENIED, "is_first": False,
                             "first_title": "", "observed_by": ""}, "2025-08-01")
    out = tmp_path / "pack.pdf"
    handover.write_pdf(record.session, record.child_id, nursery, CARE, [*CHOICES, DENIED_MARK],
                       FAMILY_KEY, handover.PDF_SECTIONS, out, FAMILY)
    text = _text(out)
    assert "LOT039" in text and "Zephyrine Quillfeather" in text  # what was allowed is printed
    for marker in (DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK, JOURNAL_DENIED):
        assert marker not in text
    found, _keys = _decoded(out, tmp_path)
    payloads = json.dumps([_bundle(j) for j in found])
    assert "LOT039" in payloads
    for marker in (DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK, JOURNAL_DENIED):
        assert marker not in payloads


def test_no_child_data_in_the_pdf_metadata(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    out = tmp_path / "pack.pdf"
    data = handover.write_pdf(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                              [cards.ABOUT_ME], out, FAMILY)
    info = _info(out)
    assert re.search(r"^Title:\s+Family File pack$", info, re.M)
    assert re.search(r"^Author:\s+Family File$", info, re.M)
    assert "9434765919" in _text(out).replace(" ", "")  # printed on the page, compressed in the file
    for secret in ("Zephyrine", "Quillfeather", "9434765919", "943 476 5919", FAMILY):
        assert secret not in info and secret.encode() not in data


def test_the_sharing_log_page_both_ways(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    handover.make_cards(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                        [cards.IMMUNISATIONS])
    with_log, without = tmp_path / "with.pdf", tmp_path / "without.pdf"
    handover.write_pdf(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                       [cards.IMMUNISATIONS], with_log, FAMILY, include_sharing_log=True)
    handover.write_pdf(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                       [cards.IMMUNISATIONS], without, FAMILY)
    shown, hidden = _text(with_log), _text(without)
    assert "Who has had this record" in shown and "Little Acorns Nursery" in shown
    assert re.search(r"\bqr\b", shown)  # the earlier share's format
    assert "Who has had this record" not in hidden
    assert [r.format for r in sharing.share_log(record.session, record.child_id)] == ["qr", "pdf", "pdf"]


def _no_identity(r: Record) -> Recipient:
    nursery = _setup(r)
    consent.set_consent(r.session, r.child_id, nursery, "identity", "deny")
    consent.set_consent(r.session, r.child_id, nursery, "health", "permit")
    return nursery


def _journal_only(r: Record) -> Recipient:
    _add(r, "journal", {"area": "communication_language", "text": "Sang <all> the songs & more",
                        "is_first": True, "first_title": "First song", "observed_by": ""}, "2025-09-01")
    nursery = consent.agency(r.session, r.child_id, r.nursery)
    consent.set_consent(r.session, r.child_id, nursery, "development", "permit")
    return nursery


@pytest.mark.parametrize(("make", "sections", "choices", "present", "absent"), [
    (_no_identity, handover.PDF_SECTIONS, CHOICES, ["Shared record for Zephyrine", "7.9",
                                                    "child's date of birth was not shared"],
     ["Quillfeather", "9434765919", "Date of birth", "Weight (kg)", "Date Age"]),
    (_journal_only, [handover.JOURNAL], ["development"], ["First song", "Sang <all> the songs & more",
                                                           "Printed only"], ["Signed cards", "Card 1 of"]),
    (_journal_only, [cards.ABOUT_ME, cards.GROWTH], [], ["Nothing from About me was shared",
                                                         "No measurements were shared"], ["First song"]),
])
def test_records_of_different_shapes(record: Record, tmp_path: Path, make: Any, sections: list[str],
                                     choices: list[str], present: list[str], absent: list[str]) -> None:
    who = make(record)
    out = tmp_path / "pack.pdf"
    handover.write_pdf(record.session, record.child_id, who, CARE, choices, FAMILY_KEY, sections, out, FAMILY)
    text = " ".join(_text(out).split())
    for words in present:
        assert words in text
    for words in absent:
        assert words not in text
    assert "PARENT-HELD, PARENT-SELECTED — NOT A COMPLETE RECORD" in text
    assert "It is not a safeguarding system." in text and FAMILY_KEY.fingerprint in text


def test_growth_charts_when_the_birth_date_was_shared(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    consent.set_consent(record.session, record.child_id, nursery, "health", "permit")
    out = tmp_path / "pack.pdf"
    handover.write_pdf(record.session, record.child_id, nursery, CARE, [*CHOICES, "health"], FAMILY_KEY,
                       [cards.GROWTH], out, FAMILY)
    text = _text(out)
    assert "Weight (kg)" in text and "Length or height (cm)" in text and "Age" in text
    assert "Head circumference (cm)" not in text  # no head measurement was shared


def test_a_bad_request_writes_and_logs_nothing(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    for sections, days in (([cards.ABOUT_ME, "diary"], 30), ([cards.ABOUT_ME], 0)):
        with pytest.raises(ValueError):
            handover.write_pdf(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                               sections, tmp_path / "x.pdf", FAMILY, expires_days=days)
    assert not (tmp_path / "x.pdf").exists() and sharing.share_log(record.session, record.child_id) == []


def test_age_ticks_never_leave_the_window() -> None:
    for low, high in ((0.0, 1.0), (0.0, 0.5), (-0.1, 2.0), (2.0, 4.0), (4.0, 12.0), (0.0, 20.0)):
        ticks = charts.age_ticks(low, high)
        assert ticks and all(low - 1e-9 <= x <= high + 1e-9 for x, _label in ticks)
        assert [x for x, _label in ticks] == sorted({x for x, _label in ticks})


_WORDS = st.text(alphabet=st.sampled_from("abcXYZ <>&'\"—é0123456789"), min_size=1, max_size=30).filter(
    lambda t: t.strip())


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_WORDS, rows=st.lists(st.tuples(_WORDS, _WORDS), max_size=4), alerts=st.lists(_WORDS, max_size=3))
def test_any_words_are_printed_as_written(name: str, rows: list[tuple[str, str]], alerts: list[str]) -> None:
    section = pdf_pack.PackSection("journal", "Journal highlights",
                                   tables=(pdf_pack.PackTable(("A", "B"), tuple(rows)),), print_only=True)
    pack = pdf_pack.Pack(child_name=name, recipient="R", purpose="care", made_on="1 March 2026",
                         expires_on="30 May 2026", alerts=tuple(alerts), notice="N", sections=(section,),
                         key_card=shc.encode_key_card(FAMILY_KEY, "familyfile:x", "F", NOW),
                         fingerprint=FAMILY_KEY.fingerprint, signer_name="F")
    data = pdf_pack.build_pdf(pack)
    assert pdf_pack.page_count(data) >= 3
    text = subprocess.run(["pdftotext", "-raw", "-", "-"], input=data, check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    flat = " ".join(text.split())
    for words in pdf_pack.pack_text(pack):
        assert " ".join(words.split()) in flat
    info = dict(re.findall(rb"/(Title|Author|Subject|Keywords|Creator|Producer) \(([^)]*)\)", data))
    assert info == {b"Title": b"Family File pack", b"Author": b"Family File", b"Subject": b"Family File pack",
                    b"Keywords": b"", b"Creator": b"Family File", b"Producer": b"Family File"}

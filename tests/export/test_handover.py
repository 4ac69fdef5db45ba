"""Handing over through the selection rule: what leaves, what never does, and the sharing log."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile.clock import FixedClock
from familyfile.domain.consent import Purpose, Recipient
from familyfile.export import cards, share_file, shc
from familyfile.export.verify import Outcome, TrustStore, inflate_capped, parse_compact, verify_jws
from familyfile.services import consent, entry_marks, handover, sharing
from tests.consent.conftest import NOW, Record
from tests.export._cards import FAMILY_KEY

DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK = "DENIEDQX17", "PRIVATEQX29", "SENSITIVEQX41"
CARE = Purpose("care")
CHOICES = ("identity", "immunisations", "health", "involvement")


def _add(r: Record, kind: str, data: dict[str, Any], on: str | None = None) -> str:
    return str(r.session.records.add(child_id=r.child_id, kind=kind, data=data, occurred_on=on).id)


def _jab(n: int, batch: str) -> dict[str, Any]:
    return {"on": f"2024-{1 + n % 12:02d}-{1 + n % 27:02d}", "vaccine": "6in1", "dose": 1 + n % 3,
            "vaccine_name": "6-in-1", "batch": batch, "site": "left_thigh", "snomed": "836398006"}


def _setup(r: Record) -> Recipient:
    s = r.session
    _add(r, "about_me", {"given_name": "Zephyrine", "family_name": "Quillfeather",
                         "date_of_birth": "2024-03-01", "nhs_number": "9434765919"})
    _add(r, "growth", {"measured_on": "2026-01-01", "weight_kg": 9.0, "notes": DENIED_MARK}, "2026-01-01")
    _add(r, "alert", {"type": "allergy", "what": DENIED_MARK, "details": "", "active": True})
    private = _add(r, "immunisation", _jab(1, PRIVATE_MARK), "2024-02-02")
    entry_marks.set_mark(s, private, "private")
    sensitive = _add(r, "immunisation", _jab(2, SENSITIVE_MARK), "2024-02-03")
    entry_marks.set_mark(s, sensitive, "sensitive")
    for n in range(40):
        _add(r, "immunisation", _jab(n, f"LOT{n:03d}"), "2024-03-01")
    nursery = consent.agency(s, r.child_id, r.nursery)
    consent.set_consent(s, r.child_id, nursery, "health", "deny")
    consent.set_consent(s, r.child_id, nursery, "immunisations", "permit")
    return nursery


def _payloads(made: list[str]) -> list[dict[str, Any]]:
    return [json.loads(inflate_capped(parse_compact(jws)[2])) for jws in made]


def test_cards_carry_only_the_selection(record: Record) -> None:
    nursery = _setup(record)
    made = handover.make_cards(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                               cards.SECTIONS)
    text = json.dumps(_payloads(made))
    for marker in (DENIED_MARK, PRIVATE_MARK, SENSITIVE_MARK):
        assert marker not in text
    for jws in made:  # every card within QR version 22 at level M
        assert len(jws) <= shc.MAX_JWS_CHARS
        version = shc.make_qr(jws).version
        assert version is not None and version <= shc.MAX_QR_VERSION
    lots = [e["resource"].get("lotNumber") for p in _payloads(made)
            for e in p["vc"]["credentialSubject"]["fhirBundle"]["entry"]]
    assert sorted(lot for lot in lots if lot) == [f"LOT{n:03d}" for n in range(40)]  # all, once each
    kinds = {e["resource"]["resourceType"] for p in _payloads(made)
             for e in p["vc"]["credentialSubject"]["fhirBundle"]["entry"]}
    assert {"Consent", "EpisodeOfCare", "Immunization"} <= kinds
    assert not kinds & {"Observation", "AllergyIntolerance"}  # health is denied
    selected = sharing.selection(record.session, record.child_id, nursery, CARE, CHOICES)
    log = sharing.share_log(record.session, record.child_id)[-1]
    kind_of = {c.id: e.kind for c, e in sharing.candidates(record.session, record.child_id)}
    card_kinds = {k for s in cards.SECTIONS for k in cards.SECTION_KINDS[s]}
    carried = tuple(i for i in selected.included if kind_of[i] in card_kinds)
    assert log.format == "qr" and log.entry_ids == carried
    assert log.sha256 == hashlib.sha256(handover.produced_bytes(made)).hexdigest()


def test_the_log_lists_only_what_the_ticked_parts_carried(record: Record) -> None:
    nursery = _setup(record)
    handover.make_cards(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                        [cards.INVOLVEMENT])
    log = sharing.share_log(record.session, record.child_id)[-1]
    kind_of = {c.id: e.kind for c, e in sharing.candidates(record.session, record.child_id)}
    assert log.entry_ids and {kind_of[i] for i in log.entry_ids} <= {"involvement", "about_me"}
    assert "immunisations" not in log.categories  # allowed, but not ticked: it did not leave


def test_choosing_the_sensitive_entry_sends_it(record: Record) -> None:
    nursery = _setup(record)
    sensitive = next(c.id for c, e in sharing.candidates(record.session, record.child_id)
                     if e.data.get("batch") == SENSITIVE_MARK)
    made = handover.make_cards(record.session, record.child_id, nursery, CARE, (sensitive,), FAMILY_KEY,
                               [cards.IMMUNISATIONS])
    assert SENSITIVE_MARK in json.dumps(_payloads(made))


def test_share_file_round_trip_and_log(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    out = tmp_path / "share.json"
    data = handover.write_share_file(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                                     [cards.ABOUT_ME, cards.IMMUNISATIONS], out, "The Quillfeathers",
                                     expires_days=30)
    assert out.read_bytes() == data
    read = share_file.read_bytes(data)
    assert read.fingerprint == FAMILY_KEY.fingerprint
    clock = FixedClock(NOW)
    results = [verify_jws(jws, TrustStore(), offered_keys=[read.key], clock=clock) for jws in read.cards]
    assert all(r.outcome is Outcome.VALID_UNKNOWN_SIGNER for r in results)
    pinned = TrustStore()
    pinned.pin(shc.issuer_for(record.session.file_id), read.key)
    again = [verify_jws(jws, pinned, clock=clock) for jws in read.cards]
    assert all(r.verified and r.payload for r in again)
    assert again[0].payload is not None and again[0].payload["exp"] - again[0].payload["nbf"] == 30 * 86400
    patient = again[0].payload["vc"]["credentialSubject"]["fhirBundle"]["entry"][0]["resource"]
    assert patient["identifier"][0]["value"] == "9434765919"
    log = sharing.share_log(record.session, record.child_id)[-1]
    assert log.format == "share-file" and log.sha256 == hashlib.sha256(data).hexdigest()
    assert DENIED_MARK not in data.decode() and PRIVATE_MARK not in json.dumps(_payloads(list(read.cards)))


def test_qr_folder_has_one_png_per_card(record: Record, tmp_path: Path) -> None:
    nursery = _setup(record)
    paths = handover.write_qr_folder(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                                     [cards.IMMUNISATIONS], tmp_path / "qr")
    made, = [sharing.share_log(record.session, record.child_id)[-1]]
    assert len(paths) > 1 and all(p.read_bytes().startswith(b"\x89PNG") for p in paths)
    assert made.format == "qr"


def test_a_bad_expiry_is_refused(record: Record) -> None:
    nursery = _setup(record)
    with pytest.raises(ValueError):
        handover.make_cards(record.session, record.child_id, nursery, CARE, CHOICES, FAMILY_KEY,
                            cards.SECTIONS, expires_days=0)
    assert sharing.share_log(record.session, record.child_id) == []


@pytest.fixture
def prepared(record: Record) -> tuple[Record, Recipient]:
    return record, _setup(record)


@settings(max_examples=10, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(categories=st.sets(st.sampled_from(["identity", "health", "immunisations", "involvement",
                                           "development", "family_circumstances"])),
       pick_marked=st.booleans(),
       sections=st.lists(st.sampled_from(cards.SECTIONS), min_size=1, max_size=6, unique=True))
def test_denied_and_private_never_leave(prepared: tuple[Record, Recipient], categories: set[str],
                                        pick_marked: bool, sections: list[str]) -> None:
    record, nursery = prepared
    marked = [c.id for c, e in sharing.candidates(record.session, record.child_id)
              if DENIED_MARK in json.dumps(e.data) or PRIVATE_MARK in json.dumps(e.data)]
    choices = [*categories, *(marked if pick_marked else [])]  # a choice never overrides these
    made = handover.make_cards(record.session, record.child_id, nursery, CARE, choices, FAMILY_KEY,
                               sections)
    text = json.dumps(_payloads(made))
    assert DENIED_MARK not in text and PRIVATE_MARK not in text
    assert all(len(jws) <= shc.MAX_JWS_CHARS for jws in made)


def test_the_markers_do_show_when_allowed(prepared: tuple[Record, Recipient]) -> None:
    """Control: the same search finds the marker when health may leave (to the health visitor)."""
    record, _ = prepared
    hv = consent.agency(record.session, record.child_id, record.hv)
    made = handover.make_cards(record.session, record.child_id, hv, CARE, ("health",), FAMILY_KEY,
                               [cards.ABOUT_ME])
    assert DENIED_MARK in json.dumps(_payloads(made))

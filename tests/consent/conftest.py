"""A family file with a child, three agencies and a few entries of each kind, on a fixed clock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from familyfile.clock import FixedClock
from familyfile.domain.involvement import InvolvementDraft
from familyfile.services import involvement
from familyfile.services.session import FamilySession

NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@dataclass
class Record:
    session: FamilySession
    clock: FixedClock
    child_id: str
    hv: str  # agency ids
    nursery: str
    social_care: str
    entries: dict[str, str]  # name → entry id


def _add(session: FamilySession, child_id: str | None, kind: str, data: dict[str, object],
         on: str | None) -> str:
    return str(session.records.add(child_id=child_id, kind=kind, data=data, occurred_on=on).id)


@pytest.fixture
def record(make_family: FamilySession) -> Record:
    session = make_family
    clock = FixedClock(NOW)
    session._vault.clock = clock
    child_id = session.children()[0].id
    hv = involvement.add(session, child_id, InvolvementDraft(
        "health_visiting", "Riverside Health Visiting", "2024-03-10", professional="Jo Reed"))
    nursery = involvement.add(session, child_id, InvolvementDraft(
        "nursery_childminder", "Little Acorns Nursery", "2025-09-01"))
    social = involvement.add(session, child_id, InvolvementDraft(
        "social_care", "County Council", "2025-01-01"))
    entries = {
        "growth": _add(session, child_id, "growth", {
            "measured_on": "2026-02-01", "weight_kg": 7.9, "height_cm": 70.0, "head_cm": None,
            "length_or_height": "length", "measured_by": "", "measured_where": "", "notes": ""},
            "2026-02-01"),
        "growth_sensitive": _add(session, child_id, "growth", {
            "measured_on": "2026-02-15", "weight_kg": 8.1, "height_cm": None, "head_cm": None,
            "length_or_height": "length", "measured_by": "", "measured_where": "", "notes": ""},
            "2026-02-15"),
        "jab": _add(session, child_id, "immunisation", {
            "on": "2024-05-01", "vaccine": "6in1", "dose": 1}, "2024-05-01"),
        "journal": _add(session, child_id, "journal", {
            "area": "communication_language", "text": "Said 'duck' at the pond.",
            "is_first": True, "first_title": "First word", "observed_by": ""}, "2025-06-01"),
        "journal_private": _add(session, child_id, "journal", {
            "area": "physical", "text": "A hard week.", "is_first": False, "first_title": "",
            "observed_by": ""}, "2025-07-01"),
        "archived_growth": _add(session, child_id, "growth", {
            "measured_on": "2025-01-01", "weight_kg": 6.0, "height_cm": None, "head_cm": None,
            "length_or_height": "length", "measured_by": "", "measured_where": "", "notes": ""},
            "2025-01-01"),
        "mystery": _add(session, child_id, "mystery_kind", {"x": 1}, None),
        "carer": _add(session, None, "carer", {
            "name": "Alex Quillfeather", "relationship": "Mum", "phone": "",
            "parental_responsibility": "yes", "co_holds_file": False}, None),
        "hv": hv.id, "nursery": nursery.id, "social_care": social.id,
    }
    session.records.archive(session.records.get(entries["archived_growth"]))
    return Record(session, clock, child_id, hv.agency_id, nursery.agency_id, social.agency_id,
                  entries)

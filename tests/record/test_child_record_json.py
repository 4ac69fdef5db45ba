"""The whole record of a child as JSON: its stable shape, and other sections included generically."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from familyfile.clock import FixedClock
from familyfile.domain.child import ChildDraft
from familyfile.services import about_me as about
from familyfile.services import child_record, family
from familyfile.services.session import FamilySession
from tests.conftest import MARKER_FAMILY, MARKER_GIVEN

ENTRY_KEYS = {"id", "kind", "occurred_on", "data", "version", "author", "created_utc",
              "updated_utc", "archived_utc"}


@pytest.fixture
def baby(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id


def test_the_shape_is_versioned_and_json_safe(baby) -> None:
    session, child_id = baby
    about.update_about_me(session, child_id, known_as="Zeph", sex="female")
    about.add_alert(session, child_id, {"type": "allergy", "what": "Peanuts"})
    about.add_address(session, child_id, {"lines": ["12 High Street"], "from_date": "2024-03-01"})
    family.add_carer(session, {"name": "Maya", "relationship": "Mother",
                               "parental_responsibility": "yes"})
    record = child_record.whole_record(session, child_id)
    assert json.loads(json.dumps(record)) == record
    assert (record["format"], record["version"]) == ("familyfile-child-record", 1)
    assert record["generated_utc"] == "2025-06-01T12:00:00Z"
    assert record["child"] == {"id": child_id, "given_name": MARKER_GIVEN,
                               "family_name": MARKER_FAMILY, "date_of_birth": "2024-03-01",
                               "archived_utc": None}
    assert set(record["entries"]) == {"about_me", "alert", "address"}
    assert set(record["family"]) == {"carer"}
    about_entry = record["entries"]["about_me"][0]
    assert set(about_entry) == ENTRY_KEYS
    assert about_entry["data"]["sex"] == "female" and about_entry["version"] == 1
    assert about_entry["author"] == {"kind": "parent", "name": ""}
    assert record["family"]["carer"][0]["data"]["parental_responsibility"] == "yes"


def test_other_sections_are_included_without_changes_here(baby) -> None:
    session, child_id = baby
    session.records.add(child_id=child_id, kind="growth", occurred_on="2024-06-01",
                        data={"weight_kg": 7.9})
    session.records.add(child_id=child_id, kind="growth", occurred_on="2024-04-01",
                        data={"weight_kg": 5.2})
    session.records.add(child_id=child_id, kind="zz_future_section", occurred_on=None,
                        data={"anything": [1, 2]})
    entries = child_record.whole_record(session, child_id)["entries"]
    assert [e["data"]["weight_kg"] for e in entries["growth"]] == [5.2, 7.9]  # oldest first
    assert entries["zz_future_section"][0]["data"] == {"anything": [1, 2]}


def test_only_this_childs_entries_and_archived_ones_on_request(baby) -> None:
    session, child_id = baby
    sister = session.add_child(ChildDraft("Ada", MARKER_FAMILY, "2025-01-05"))
    about.add_alert(session, sister.id, {"type": "allergy", "what": "Milk"})
    hidden = about.add_alert(session, child_id, {"type": "condition", "what": "Eczema"})
    about.archive(session, hidden.entry)
    assert child_record.whole_record(session, child_id)["entries"] == {}
    everything = child_record.whole_record(session, child_id, include_archived=True)
    [kept] = everything["entries"]["alert"]
    assert kept["data"]["what"] == "Eczema" and kept["archived_utc"] is not None


def test_an_archived_childs_record_still_shows(baby) -> None:
    session, child_id = baby
    family.archive_child(session, child_id)
    assert child_record.whole_record(session, child_id)["child"]["archived_utc"] is not None

"""Entries: round trips, versions, history kept, archive instead of delete."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from familyfile import errors
from familyfile.domain.entry import Author
from familyfile.services.session import FamilySession
from familyfile.store.database import IntegrityError

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**9, 10**9) | st.text(max_size=30)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.dictionaries(st.text(min_size=1, max_size=10), json_values, max_size=6),
       when=st.dates().map(lambda d: d.isoformat()))
def test_data_round_trips(make_family: FamilySession, data: dict, when: str) -> None:
    child = make_family.children()[0]
    added = make_family.records.add(child_id=child.id, kind="test", data=data, occurred_on=when)
    assert make_family.records.get(added.id).data == data
    assert make_family.records.get(added.id).occurred_on == when


def test_every_version_is_kept_with_its_author(make_family: FamilySession) -> None:
    child = make_family.children()[0]
    records = make_family.records
    first = records.add(child_id=child.id, kind="note", data={"text": "first"}, occurred_on="2025-01-01")
    make_family.use_as(Author("key_worker", "Sam Patel"))
    second = records.edit(first, data={"text": "second"}, occurred_on="2025-01-02")
    assert second.version == 2 and second.author == Author("key_worker", "Sam Patel")
    history = records.history(first.id)
    assert [(h.version, h.action, h.data["text"], h.author.kind) for h in history] == [
        (1, "created", "first", "parent"), (2, "edited", "second", "key_worker")]


def test_a_stale_edit_is_refused_and_overwrites_nothing(make_family: FamilySession) -> None:
    child = make_family.children()[0]
    records = make_family.records
    entry = records.add(child_id=child.id, kind="note", data={"text": "a"}, occurred_on=None)
    records.edit(entry, data={"text": "b"}, occurred_on=None)
    with pytest.raises(errors.EditConflictError):
        records.edit(entry, data={"text": "stale"}, occurred_on=None)
    assert records.get(entry.id).data == {"text": "b"}


def test_archive_hides_and_restore_brings_back(make_family: FamilySession) -> None:
    child = make_family.children()[0]
    records = make_family.records
    entry = records.add(child_id=child.id, kind="note", data={"text": "a"}, occurred_on="2025-05-05")
    archived = records.archive(entry)
    assert records.list_for(child.id, "note") == []
    assert [e.id for e in records.list_for(child.id, "note", include_archived=True)] == [entry.id]
    records.restore(archived)
    assert [e.id for e in records.list_for(child.id, "note")] == [entry.id]
    assert [h.action for h in records.history(entry.id)] == ["created", "archived", "restored"]


def test_nothing_can_be_deleted_or_rewritten(make_family: FamilySession) -> None:
    child = make_family.children()[0]
    entry = make_family.records.add(child_id=child.id, kind="note", data={}, occurred_on=None)
    conn = make_family._vault.conn
    for sql in ("DELETE FROM entry WHERE id = ?", "DELETE FROM entry_history WHERE entry_id = ?",
                "UPDATE entry_history SET data = '{}' WHERE entry_id = ?"):
        with pytest.raises(IntegrityError):
            conn.execute(sql, (entry.id,))
    with pytest.raises(IntegrityError):
        conn.execute("DELETE FROM child WHERE id = ?", (child.id,))


def test_listing_is_ordered_and_paged(make_family: FamilySession) -> None:
    child = make_family.children()[0]
    for day in (3, 1, 2):
        make_family.records.add(child_id=child.id, kind="note", data={"d": day},
                                occurred_on=f"2025-01-0{day}")
    newest = make_family.records.list_for(child.id, "note", limit=2)
    assert [e.data["d"] for e in newest] == [3, 2]
    oldest = make_family.records.list_for(child.id, "note", newest_first=False, limit=1, offset=1)
    assert [e.data["d"] for e in oldest] == [2]
    assert make_family.records.count(child.id, "note") == 3

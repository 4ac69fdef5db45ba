"""Birth and newborn details: one entry per child, edited with history."""

from __future__ import annotations

from typing import Any

from familyfile.domain import birth as rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError


def current(session: Any, child_id: str) -> tuple[rules.Birth, Entry | None]:
    found = session.records.list_for(child_id, rules.KIND, limit=1)
    if not found:
        return rules.Birth(), None
    return rules.Birth.from_data(found[0].data), found[0]


def save(session: Any, child_id: str, record: rules.Birth) -> Entry:
    """Create or edit the child's birth details (every version kept)."""
    problems = rules.validate(record)
    if problems:
        raise problems[0]
    child = session.child(child_id)
    _, existing = current(session, child_id)
    when = child.date_of_birth.isoformat()
    if existing is None:
        return session.records.add(child_id=child_id, kind=rules.KIND, data=record.to_data(),
                                   occurred_on=when)
    return session.records.edit(existing, data=record.to_data(), occurred_on=when)


def problems_for(record: rules.Birth) -> list[ValidationError]:
    return rules.validate(record)

"""The family's sharing mark on one entry: ``default`` (follow its category), ``sensitive``
(only ever sent when chosen for a share) or ``private`` (never leaves).

Marking keeps history: every change is appended to ``entry_sharing_history`` and logged in
the activity log (kind ``consent``, action ``entry-marked``). The entry's version does not
change, so a form open on the entry is not disturbed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from familyfile import errors
from familyfile.domain import categories as cats
from familyfile.store import activity_log
from familyfile.store import consent as store
from familyfile.store.consent import MarkChange

__all__ = ["MarkChange", "MarkRow", "history", "mark", "markable", "set_mark"]


def mark(session: Any, entry_id: str) -> str:
    return store.mark(session.conn, entry_id)


def set_mark(session: Any, entry_id: str, new_mark: str) -> str:
    """Mark an entry; returns the mark. Marking it as it already is changes nothing."""
    cats.check_mark(new_mark)
    entry = session.records.get(entry_id)
    if store.mark(session.conn, entry.id) == new_mark:
        return new_mark
    now = session.clock.now()
    with session.write() as conn:
        store.set_mark(conn, entry.id, new_mark, session.author, now)
        activity_log.append(conn, at=now, kind="consent", actor=session.actor, detail={
            "action": "entry-marked", "entry_id": entry.id, "child_id": entry.child_id,
            "mark": new_mark})
    return new_mark


def history(session: Any, entry_id: str) -> list[MarkChange]:
    """Every change of the entry's mark, oldest first (empty: never marked)."""
    return store.mark_history(session.conn, entry_id)


def find_entry(session: Any, reference: str) -> str:
    """An entry id from an id or a prefix of at least 6 characters."""
    ref = reference.strip()
    try:
        return str(session.records.get(ref).id)
    except errors.NotFoundError:
        if len(ref) < 6:
            raise
    return store.entry_by_prefix(session.conn, ref)


@dataclass(frozen=True)
class MarkRow:
    """One entry of a child, as the "Private and sensitive" page lists it."""

    entry_id: str
    occurred_on: str
    kind: str
    kind_name: str
    summary: str
    category: str
    category_name: str
    mark: str


def markable(session: Any, child_id: str) -> list[MarkRow]:
    """Every current entry of the child (and the family's carers), newest first, with the
    kind of information it belongs to and its mark."""
    from familyfile.services import entry_summary, sharing

    rows = [MarkRow(entry.id, entry.occurred_on or "", entry.kind,
                    entry_summary.kind_name(entry.kind), entry_summary.summary(entry),
                    candidate.category, cats.category_name(candidate.category), candidate.mark)
            for candidate, entry in sharing.candidates(session, child_id) if not candidate.archived]
    return sorted(rows, key=lambda r: (r.occurred_on, r.entry_id), reverse=True)

"""The family's sharing mark on one entry: ``default`` (follow its category), ``sensitive``
(only ever sent when chosen for a share) or ``private`` (never leaves).

Marking keeps history: every change is appended to ``entry_sharing_history`` and logged in
the activity log (kind ``consent``, action ``entry-marked``). The entry's version does not
change, so a form open on the entry is not disturbed.
"""

from __future__ import annotations

from typing import Any

from familyfile import errors
from familyfile.domain import categories as cats
from familyfile.store import activity_log
from familyfile.store import consent as store
from familyfile.store.consent import MarkChange

__all__ = ["MarkChange", "history", "mark", "set_mark"]


def mark(session: Any, entry_id: str) -> str:
    return store.mark(session._vault.conn, entry_id)


def set_mark(session: Any, entry_id: str, new_mark: str) -> str:
    """Mark an entry; returns the mark. Marking it as it already is changes nothing."""
    cats.check_mark(new_mark)
    entry = session.records.get(entry_id)
    if store.mark(session._vault.conn, entry.id) == new_mark:
        return new_mark
    now = session.clock.now()
    with session._vault.write() as conn:
        store.set_mark(conn, entry.id, new_mark, session.author, now)
        activity_log.append(conn, at=now, kind="consent", actor=session._vault.actor, detail={
            "action": "entry-marked", "entry_id": entry.id, "child_id": entry.child_id,
            "mark": new_mark})
    return new_mark


def history(session: Any, entry_id: str) -> list[MarkChange]:
    """Every change of the entry's mark, oldest first (empty: never marked)."""
    return store.mark_history(session._vault.conn, entry_id)


def find_entry(session: Any, reference: str) -> str:
    """An entry id from an id or a prefix of at least 6 characters."""
    ref = reference.strip()
    try:
        return str(session.records.get(ref).id)
    except errors.NotFoundError:
        if len(ref) < 6:
            raise
    return store.entry_by_prefix(session._vault.conn, ref)

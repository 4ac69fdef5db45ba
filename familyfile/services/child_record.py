"""The whole record of one child as plain JSON-able data (see docs/child-record-json.md).

Every kind of entry is gathered generically, grouped by kind, so a new section's entries
appear here without changing this module. Family-level entries (carers, and any other kind
stored without a child) are included under ``family``.
"""

from __future__ import annotations

from typing import Any

from familyfile.clock import utc_iso
from familyfile.domain.entry import Entry
from familyfile.domain.ids import ChildId
from familyfile.services.session import FamilySession
from familyfile.store import children

FORMAT = "familyfile-child-record"
VERSION = 1


def entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "kind": entry.kind,
        "occurred_on": entry.occurred_on,
        "data": entry.data,
        "version": entry.version,
        "author": {"kind": entry.author.kind, "name": entry.author.name},
        "created_utc": entry.created_utc,
        "updated_utc": entry.updated_utc,
        "archived_utc": entry.archived_utc,
    }


def _grouped(session: FamilySession, child_id: str | None,
             include_archived: bool) -> dict[str, list[dict[str, Any]]]:
    conn = session.conn
    kinds = children.entry_kinds(conn, ChildId(child_id) if child_id else None)
    grouped: dict[str, list[dict[str, Any]]] = {}
    for kind in kinds:
        found = session.records.list_for(child_id, kind, include_archived=include_archived,
                                         newest_first=False)
        if found:
            grouped[kind] = [entry_json(e) for e in found]
    return grouped


def whole_record(session: FamilySession, child_id: str, *,
                 include_archived: bool = False) -> dict[str, Any]:
    """Everything held about the child, oldest entry first within each kind.

    Archived (hidden) entries are left out unless ``include_archived``; then they carry
    their ``archived_utc``.
    """
    child = session.child(child_id)
    archived = children.archived_utc(session.conn, ChildId(child_id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_utc": utc_iso(session.clock.now()),
        "child": {
            "id": child.id,
            "given_name": child.given_name,
            "family_name": child.family_name,
            "date_of_birth": child.date_of_birth.isoformat(),
            "archived_utc": archived,
        },
        "entries": _grouped(session, child.id, include_archived),
        "family": _grouped(session, None, include_archived),
    }

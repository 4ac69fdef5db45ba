"""Entries of the record: one table, JSON data, optimistic versions, append-only history."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain.entry import Author, Entry, EntryId, HistoryItem
from familyfile.store.database import Connection

ENTRY_COLUMNS = ("id, child_id, kind, occurred_on, data, version, author_kind, author_name,"
            " created_utc, updated_utc, archived_utc")


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_from_row(row: tuple[Any, ...]) -> Entry:
    return Entry(EntryId(row[0]), row[1], row[2], row[3], json.loads(row[4]), int(row[5]),
                 Author(row[6], row[7]), row[8], row[9], row[10])


def _history(conn: Connection, entry: Entry, action: str, author: Author, stamp: str) -> None:
    conn.execute(
        "INSERT INTO entry_history (entry_id, version, action, occurred_on, data, author_kind,"
        " author_name, changed_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (entry.id, entry.version, action, entry.occurred_on, _dump(entry.data), author.kind,
         author.name, stamp),
    )


def insert(conn: Connection, *, entry_id: EntryId, child_id: str | None, kind: str,
           occurred_on: str | None, data: dict[str, Any], author: Author, now: datetime,
           action: str = "created") -> Entry:
    stamp = utc_iso(now)
    entry = Entry(entry_id, child_id, kind, occurred_on, data, 1, author, stamp, stamp)
    conn.execute(
        f"INSERT INTO entry ({ENTRY_COLUMNS}) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, NULL)",
        (entry_id, child_id, kind, occurred_on, _dump(data), author.kind, author.name, stamp, stamp),
    )
    _history(conn, entry, action, author, stamp)
    return entry


def get(conn: Connection, entry_id: str) -> Entry:
    row = conn.execute(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE id = ?", (entry_id,)).fetchone()
    if row is None:
        raise errors.NotFoundError("entry")
    return entry_from_row(row)


def _change(conn: Connection, entry_id: str, expected_version: int, *, action: str,
            author: Author, now: datetime, data: dict[str, Any] | None = None,
            occurred_on: str | None = None, archived: bool | None = None) -> Entry:
    current = get(conn, entry_id)
    if current.version != expected_version:
        raise errors.EditConflictError("entry changed since it was read")
    stamp = utc_iso(now)
    new_data = current.data if data is None else data
    new_when = current.occurred_on if data is None else occurred_on
    archived_utc = current.archived_utc
    if archived is not None:
        archived_utc = stamp if archived else None
    conn.execute(
        "UPDATE entry SET data = ?, occurred_on = ?, version = version + 1, author_kind = ?,"
        " author_name = ?, updated_utc = ?, archived_utc = ? WHERE id = ? AND version = ?",
        (_dump(new_data), new_when, author.kind, author.name, stamp, archived_utc, entry_id,
         expected_version),
    )
    updated = get(conn, entry_id)
    _history(conn, updated, action, author, stamp)
    return updated


def update(conn: Connection, entry_id: str, expected_version: int, *, data: dict[str, Any],
           occurred_on: str | None, author: Author, now: datetime) -> Entry:
    return _change(conn, entry_id, expected_version, action="edited", author=author, now=now,
                   data=data, occurred_on=occurred_on)


def archive(conn: Connection, entry_id: str, expected_version: int, *, author: Author,
            now: datetime) -> Entry:
    return _change(conn, entry_id, expected_version, action="archived", author=author, now=now,
                   archived=True)


def restore(conn: Connection, entry_id: str, expected_version: int, *, author: Author,
            now: datetime) -> Entry:
    return _change(conn, entry_id, expected_version, action="restored", author=author, now=now,
                   archived=False)


def list_entries(conn: Connection, *, child_id: str | None, kind: str,
                 include_archived: bool = False, newest_first: bool = True,
                 limit: int | None = None, offset: int = 0) -> list[Entry]:
    order = "DESC" if newest_first else "ASC"
    where = "child_id IS ?" if child_id is None else "child_id = ?"
    sql = (f"SELECT {ENTRY_COLUMNS} FROM entry WHERE {where} AND kind = ?"
           + ("" if include_archived else " AND archived_utc IS NULL")
           + f" ORDER BY occurred_on {order}, created_utc {order}, id {order}")
    params: list[Any] = [child_id, kind]
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [limit, offset]
    return [entry_from_row(r) for r in conn.execute(sql, params)]


def count(conn: Connection, *, child_id: str | None, kind: str) -> int:
    where = "child_id IS ?" if child_id is None else "child_id = ?"
    row = conn.execute(f"SELECT count(*) FROM entry WHERE {where} AND kind = ?"
                       " AND archived_utc IS NULL", (child_id, kind)).fetchone()
    return int(row[0])


def history(conn: Connection, entry_id: str) -> list[HistoryItem]:
    rows = conn.execute(
        "SELECT version, action, occurred_on, data, author_kind, author_name, changed_utc"
        " FROM entry_history WHERE entry_id = ? ORDER BY version", (entry_id,)).fetchall()
    return [HistoryItem(int(r[0]), r[1], r[2], json.loads(r[3]), Author(r[4], r[5]), r[6])
            for r in rows]

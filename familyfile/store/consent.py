"""Consent history, teams and entry sharing marks (migration 0003).

``consent_event`` and ``entry_sharing_history`` are append-only (triggers refuse UPDATE
and DELETE). Callers write inside ``vault.write()`` together with the activity-log row.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain.consent import ConsentEvent, Purpose, Recipient, Team
from familyfile.domain.entry import Author, Entry
from familyfile.store.database import Connection
from familyfile.store.entries import ENTRY_COLUMNS, entry_from_row

_EVENT_COLUMNS = ("seq, id, child_id, recipient_kind, recipient_id, recipient_name, category,"
                  " action, decision, purposes, start_on, until_on, review_on, how,"
                  " recorded_by_kind, recorded_by_name, explanation, at_utc")


@dataclass(frozen=True)
class MarkChange:
    """One change of an entry's sharing mark."""

    seq: int
    mark: str
    author: Author
    changed_utc: str


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _event(row: tuple[Any, ...]) -> ConsentEvent:
    purposes = tuple(Purpose.from_data(p) for p in json.loads(row[9]))
    start = date.fromisoformat(row[10])
    return ConsentEvent(
        id=row[1], child_id=row[2], recipient=Recipient(row[3], row[4], row[5]), category=row[6],
        action=row[7], decision=row[8], purposes=purposes, start_on=start,
        until=_day(row[11]), review_on=_day(row[12]), how=row[13],
        recorded_by=Author(row[14], row[15]), explanation=row[16], at_utc=row[17], seq=int(row[0]))


def insert_event(conn: Connection, event: ConsentEvent) -> ConsentEvent:
    purposes = json.dumps([p.to_data() for p in event.purposes], separators=(",", ":"))
    cursor = conn.execute(
        f"INSERT INTO consent_event ({_EVENT_COLUMNS}) VALUES"
        " (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (event.id, event.child_id, event.recipient.kind, event.recipient.id,
         event.recipient.name, event.category, event.action, event.decision, purposes,
         event.start_on.isoformat(), event.until.isoformat() if event.until else None,
         event.review_on.isoformat() if event.review_on else None, event.how,
         event.recorded_by.kind, event.recorded_by.name, event.explanation, event.at_utc))
    row = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM consent_event WHERE seq = ?",
                       (cursor.lastrowid,)).fetchone()
    return _event(row)


def events(conn: Connection, child_id: str) -> list[ConsentEvent]:
    """Every consent event of a child, oldest first."""
    rows = conn.execute(f"SELECT {_EVENT_COLUMNS} FROM consent_event WHERE child_id = ?"
                        " ORDER BY seq", (child_id,)).fetchall()
    return [_event(r) for r in rows]


# -- teams --------------------------------------------------------------------------------------
def _team(row: tuple[Any, ...]) -> Team:
    return Team(row[0], row[1], tuple(str(m) for m in json.loads(row[2])), int(row[3]))


def insert_team(conn: Connection, team: Team, now: datetime) -> Team:
    stamp = utc_iso(now)
    conn.execute("INSERT INTO share_team (id, name, members, version, created_utc, updated_utc)"
                 " VALUES (?, ?, ?, 1, ?, ?)",
                 (team.id, team.name, json.dumps(list(team.members)), stamp, stamp))
    return get_team(conn, team.id)


def update_team(conn: Connection, team: Team, now: datetime, *, archived: bool = False) -> Team:
    """Save a team's name and members; refuses a stale version."""
    cursor = conn.execute(
        "UPDATE share_team SET name = ?, members = ?, version = version + 1, updated_utc = ?,"
        " archived_utc = ? WHERE id = ? AND version = ?",
        (team.name, json.dumps(list(team.members)), utc_iso(now),
         utc_iso(now) if archived else None, team.id, team.version))
    if cursor.rowcount != 1:
        raise errors.EditConflictError("team changed since it was read")
    return get_team(conn, team.id)


def get_team(conn: Connection, team_id: str) -> Team:
    row = conn.execute("SELECT id, name, members, version FROM share_team WHERE id = ?",
                       (team_id,)).fetchone()
    if row is None:
        raise errors.NotFoundError("team")
    return _team(row)


def teams(conn: Connection) -> list[Team]:
    rows = conn.execute("SELECT id, name, members, version FROM share_team"
                        " WHERE archived_utc IS NULL ORDER BY created_utc, id").fetchall()
    return [_team(r) for r in rows]


# -- entry sharing marks -----------------------------------------------------------------------
def set_mark(conn: Connection, entry_id: str, mark: str, author: Author, now: datetime) -> None:
    """Change the mark and append it to the mark history (the entry's version is unchanged,
    so a form open on the entry does not conflict)."""
    cursor = conn.execute("UPDATE entry SET sharing = ? WHERE id = ?", (mark, entry_id))
    if cursor.rowcount != 1:
        raise errors.NotFoundError("entry")
    seq = conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM entry_sharing_history"
                       " WHERE entry_id = ?", (entry_id,)).fetchone()[0]
    conn.execute("INSERT INTO entry_sharing_history (entry_id, seq, sharing, author_kind,"
                 " author_name, changed_utc) VALUES (?, ?, ?, ?, ?, ?)",
                 (entry_id, seq, mark, author.kind, author.name, utc_iso(now)))


def mark(conn: Connection, entry_id: str) -> str:
    row = conn.execute("SELECT sharing FROM entry WHERE id = ?", (entry_id,)).fetchone()
    if row is None:
        raise errors.NotFoundError("entry")
    return str(row[0])


def mark_history(conn: Connection, entry_id: str) -> list[MarkChange]:
    rows = conn.execute("SELECT seq, sharing, author_kind, author_name, changed_utc FROM"
                        " entry_sharing_history WHERE entry_id = ? ORDER BY seq",
                        (entry_id,)).fetchall()
    return [MarkChange(int(r[0]), r[1], Author(r[2], r[3]), r[4]) for r in rows]


def child_entries(conn: Connection, child_id: str) -> list[tuple[Entry, str]]:
    """Every entry of the child and of the whole family (carers), archived ones too, with
    its sharing mark; in kind, then date order."""
    rows = conn.execute(
        f"SELECT {ENTRY_COLUMNS}, sharing FROM entry WHERE child_id = ? OR child_id IS NULL"
        " ORDER BY kind, occurred_on, created_utc, id", (child_id,)).fetchall()
    return [(entry_from_row(r[:-1]), str(r[-1])) for r in rows]


def entry_by_prefix(conn: Connection, prefix: str) -> str:
    """The one entry id starting with ``prefix``."""
    rows = conn.execute("SELECT id FROM entry WHERE substr(id, 1, ?) = ? LIMIT 2",
                        (len(prefix), prefix)).fetchall()
    if len(rows) != 1:
        raise errors.NotFoundError("entry")
    return str(rows[0][0])

"""Children: rows in ``child``."""

from __future__ import annotations

from datetime import date, datetime

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain.child import Child
from familyfile.domain.ids import ChildId
from familyfile.store.database import Connection


def _row_to_child(row: tuple[str, str, str, str]) -> Child:
    return Child(ChildId(row[0]), row[1], row[2], date.fromisoformat(row[3]))


def add(conn: Connection, child: Child, now: datetime) -> None:
    stamp = utc_iso(now)
    conn.execute(
        "INSERT INTO child (id, given_name, family_name, date_of_birth, created_utc, updated_utc)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (child.id, child.given_name, child.family_name, child.date_of_birth.isoformat(),
         stamp, stamp),
    )


def list_active(conn: Connection) -> list[Child]:
    rows = conn.execute(
        "SELECT id, given_name, family_name, date_of_birth FROM child"
        " WHERE archived_utc IS NULL ORDER BY date_of_birth, created_utc"
    ).fetchall()
    return [_row_to_child(r) for r in rows]


def get(conn: Connection, child_id: ChildId) -> Child:
    row = conn.execute(
        "SELECT id, given_name, family_name, date_of_birth FROM child WHERE id = ?", (child_id,)
    ).fetchone()
    if row is None:
        raise errors.NotFoundError("child")
    return _row_to_child(row)


def count(conn: Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM child").fetchone()[0])


def update(conn: Connection, child: Child, now: datetime) -> None:
    """Names and date of birth (the About me page keeps them in step with its entry)."""
    cursor = conn.execute(
        "UPDATE child SET given_name = ?, family_name = ?, date_of_birth = ?, updated_utc = ?"
        " WHERE id = ?",
        (child.given_name, child.family_name, child.date_of_birth.isoformat(), utc_iso(now),
         child.id),
    )
    if cursor.rowcount != 1:
        raise errors.NotFoundError("child")


def set_archived(conn: Connection, child_id: ChildId, archived: bool, now: datetime) -> None:
    """Archiving hides a child (and keeps every entry); it can be undone."""
    stamp = utc_iso(now)
    cursor = conn.execute("UPDATE child SET archived_utc = ?, updated_utc = ? WHERE id = ?",
                          (stamp if archived else None, stamp, child_id))
    if cursor.rowcount != 1:
        raise errors.NotFoundError("child")


def list_archived(conn: Connection) -> list[Child]:
    rows = conn.execute(
        "SELECT id, given_name, family_name, date_of_birth FROM child"
        " WHERE archived_utc IS NOT NULL ORDER BY date_of_birth, created_utc"
    ).fetchall()
    return [_row_to_child(r) for r in rows]


def archived_utc(conn: Connection, child_id: ChildId) -> str | None:
    row = conn.execute("SELECT archived_utc FROM child WHERE id = ?", (child_id,)).fetchone()
    if row is None:
        raise errors.NotFoundError("child")
    return row[0]


def entry_kinds(conn: Connection, child_id: ChildId | None) -> list[str]:
    """Every kind of entry held for a child (None: about the whole family), sorted."""
    where = "child_id IS ?" if child_id is None else "child_id = ?"
    rows = conn.execute(f"SELECT DISTINCT kind FROM entry WHERE {where} ORDER BY kind",
                        (child_id,)).fetchall()
    return [str(r[0]) for r in rows]

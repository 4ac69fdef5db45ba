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

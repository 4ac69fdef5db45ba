"""The family's signing keys (migration 0005): SQL only.

At most one row is current (``retired_utc`` NULL, enforced by a partial unique index);
rows are retired, never deleted. Callers write inside ``vault.write()`` together with the
activity-log row.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from familyfile.clock import utc_iso
from familyfile.store.database import Connection

_COLUMNS = "kid, private_key, created_utc, retired_utc"


@dataclass(frozen=True)
class KeyRow:
    kid: str
    private_key: bytes
    created_utc: str
    retired_utc: str | None


def _row(row: tuple[Any, ...]) -> KeyRow:
    return KeyRow(str(row[0]), bytes(row[1]), str(row[2]), None if row[3] is None else str(row[3]))


def current(conn: Connection) -> KeyRow | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM signing_key WHERE retired_utc IS NULL").fetchone()
    return None if row is None else _row(row)


def all_keys(conn: Connection) -> list[KeyRow]:
    """Every key, the current one first, then retired ones newest first."""
    rows = conn.execute(f"SELECT {_COLUMNS} FROM signing_key"
                        " ORDER BY retired_utc IS NOT NULL, retired_utc DESC, created_utc DESC").fetchall()
    return [_row(r) for r in rows]


def insert(conn: Connection, kid: str, private_key: bytes, now: datetime) -> None:
    conn.execute("INSERT INTO signing_key (kid, private_key, created_utc, retired_utc)"
                 " VALUES (?, ?, ?, NULL)", (kid, private_key, utc_iso(now)))


def retire(conn: Connection, kid: str, now: datetime) -> None:
    conn.execute("UPDATE signing_key SET retired_utc = ? WHERE kid = ? AND retired_utc IS NULL",
                 (utc_iso(now), kid))

"""The append-only activity log: each row chained to the one before by SHA-256.

Triggers refuse UPDATE and DELETE; the chain and the head kept in ``meta`` detect an
edited, deleted, inserted or cut-off row even if the triggers were bypassed.
Details hold ids and kinds, never names or other child data in clear words beyond
what the encrypted database already holds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from familyfile.clock import utc_iso
from familyfile.store.database import Connection

GENESIS = "0" * 64
_HEAD_KEY = "activity_log_head"


@dataclass(frozen=True)
class LogEntry:
    seq: int
    at_utc: str
    kind: str
    actor: str
    detail: dict[str, Any]
    prev_hash: str
    row_hash: str


def _hash(prev: str, seq: int, at_utc: str, kind: str, actor: str, detail: str) -> str:
    canonical = json.dumps([prev, seq, at_utc, kind, actor, detail], separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _head(conn: Connection) -> tuple[int, str]:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_HEAD_KEY,)).fetchone()
    if row is None:
        return 0, GENESIS
    seq, digest = row[0].split(":")
    return int(seq), digest


def append(conn: Connection, *, at: datetime, kind: str, actor: str,
           detail: dict[str, Any] | None = None) -> LogEntry:
    """Append one row. Call inside the caller's transaction."""
    seq, prev = _head(conn)
    seq += 1
    at_utc = utc_iso(at)
    detail_text = json.dumps(detail or {}, sort_keys=True, separators=(",", ":"))
    digest = _hash(prev, seq, at_utc, kind, actor, detail_text)
    conn.execute(
        "INSERT INTO activity_log (seq, at_utc, kind, actor, detail, prev_hash, row_hash)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (seq, at_utc, kind, actor, detail_text, prev, digest),
    )
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (_HEAD_KEY, f"{seq}:{digest}"),
    )
    return LogEntry(seq, at_utc, kind, actor, detail or {}, prev, digest)


def entries(conn: Connection, *, kinds: tuple[str, ...] = ()) -> list[LogEntry]:
    rows = conn.execute(
        "SELECT seq, at_utc, kind, actor, detail, prev_hash, row_hash FROM activity_log"
        " ORDER BY seq"
    ).fetchall()
    found = [LogEntry(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6]) for r in rows]
    return [e for e in found if not kinds or e.kind in kinds]


def verify(conn: Connection) -> list[str]:
    """Problems with the chain, or an empty list when every row is as written."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    rows = conn.execute(
        "SELECT seq, at_utc, kind, actor, detail, prev_hash, row_hash FROM activity_log"
        " ORDER BY seq"
    )
    last_seq, last_hash = 0, GENESIS
    for seq, at_utc, kind, actor, detail, prev_hash, row_hash in rows:
        if seq != expected_seq:
            problems.append(f"activity log: row {expected_seq} is missing")
        if prev_hash != prev:
            problems.append(f"activity log: row {seq} does not follow the row before it")
        if _hash(prev_hash, seq, at_utc, kind, actor, detail) != row_hash:
            problems.append(f"activity log: row {seq} was changed after it was written")
        prev = row_hash
        expected_seq = seq + 1
        last_seq, last_hash = seq, row_hash
    head_seq, head_hash = _head(conn)
    if (head_seq, head_hash) != (last_seq, last_hash):
        problems.append("activity log: rows at the end are missing or were added outside the log")
    return problems

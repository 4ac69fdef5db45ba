"""Numbered schema migrations: ``migrations/NNNN_name.sql``, tracked in ``PRAGMA user_version``.

Each file runs in one transaction together with its ``user_version`` bump. New family
files start at version 0 and go up through the same path as old ones. Released
migration files are never edited; a change is a new file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

from familyfile import errors
from familyfile.store.database import Connection, DatabaseError, translate

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def available() -> list[Migration]:
    folder = resources.files("familyfile.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError("migration files must be numbered 0001, 0002, … without gaps")
    return found


def latest_version() -> int:
    return available()[-1].version


def current_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: Connection) -> list[Migration]:
    version = current_version(conn)
    latest = latest_version()
    if version > latest:
        raise errors.NewerVersionError(version, latest)
    return [m for m in available() if m.version > version]


def apply(conn: Connection, migration: Migration) -> None:
    """Run one migration and its version bump in a single transaction."""
    script = f"BEGIN IMMEDIATE;\n{migration.sql}\nPRAGMA user_version = {migration.version};\nCOMMIT;"
    try:
        conn.executescript(script)
    except DatabaseError as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise translate(exc) from None

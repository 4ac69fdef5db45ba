"""Opening a SQLCipher database with a raw 256-bit key, fail-closed.

``PRAGMA key`` cannot take a bound parameter, so keys are only ever passed as
64 hex digits produced here, never text from outside.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from sqlcipher3 import dbapi2 as sqlcipher

from familyfile import errors

if TYPE_CHECKING:  # sqlcipher3 ships no type information; its API is sqlite3's
    from sqlite3 import Connection
else:
    Connection = sqlcipher.Connection
DatabaseError = sqlcipher.DatabaseError
OperationalError = sqlcipher.OperationalError
IntegrityError = sqlcipher.IntegrityError

KEY_BYTES = 32
_HEX = re.compile(r"^[0-9a-f]{64}$")


def _key_literal(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    text = key.hex()
    assert _HEX.match(text)
    return f"\"x'{text}'\""


def cipher_version(conn: Connection) -> str:
    row = conn.execute("PRAGMA cipher_version").fetchone()
    return (row[0] or "") if row else ""


def connect(path: Path, key: bytes, *, journal_mode: str | None = "WAL") -> Connection:
    """Open ``path`` with ``key`` and the settings from the vault design.

    Raises NotEncryptedError when plain SQLite got loaded, and lets SQLCipher's
    ``DatabaseError`` through when the key does not open the file (the caller knows
    whether the key was right, so it decides between wrong key and damage).
    """
    # One connection per family file, used by one thread at a time: the UI's task runner
    # runs slow work (backup, restore, export) on a worker thread while the UI waits.
    conn = sqlcipher.connect(str(path), isolation_level=None, timeout=5.0, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        if not cipher_version(conn):
            raise errors.NotEncryptedError("PRAGMA cipher_version is empty")
        conn.execute("PRAGMA cipher_memory_security = ON")
        conn.execute(f"PRAGMA key = {_key_literal(key)}")
        # The first read is where a wrong key or damaged first page shows.
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        if journal_mode:
            conn.execute(f"PRAGMA journal_mode = {journal_mode}").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA trusted_schema = OFF")
    except BaseException:
        conn.close()
        raise
    return conn


def key_literal_for_attach(key: bytes) -> str:
    """The KEY value for ``ATTACH … KEY ?`` (bound, so no quoting needed)."""
    if len(key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    return f"x'{key.hex()}'"


def table_counts(conn: Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        f"SELECT name FROM {schema}.sqlite_schema WHERE type = 'table'"
        " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: int(conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0])
            for n in names}


def create_private(path: Path) -> None:
    """Create an empty file readable only by its owner (SQLite would use the umask, and
    its -wal and -shm files copy the database file's permissions)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)


def is_disk_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return True
    return "disk is full" in str(exc) or "SQLITE_FULL" in str(exc)


def is_read_only(exc: BaseException) -> bool:
    text = str(exc)
    return "readonly" in text or "read-only" in text


def translate(exc: BaseException) -> errors.FamilyFileError:
    """Map a storage exception to our hierarchy (no child data in the result)."""
    if is_disk_full(exc):
        return errors.DiskFullError("disk full")
    if is_read_only(exc):
        return errors.ReadOnlyError("read-only")
    if isinstance(exc, DatabaseError) and (
        "malformed" in str(exc) or "not a database" in str(exc)
    ):
        return errors.DamagedFileError(type(exc).__name__)
    return errors.StorageError(type(exc).__name__)


@contextmanager
def transaction(conn: Connection) -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``; rolled back on any error, which is translated."""
    try:
        conn.execute("BEGIN IMMEDIATE")
    except DatabaseError as exc:
        raise translate(exc) from None
    try:
        yield conn
        conn.execute("COMMIT")
    except errors.FamilyFileError:
        _rollback(conn)
        raise
    except (DatabaseError, OSError) as exc:
        _rollback(conn)
        raise translate(exc) from None
    except BaseException:
        _rollback(conn)
        raise


def _rollback(conn: Connection) -> None:
    with suppress(DatabaseError):
        conn.execute("ROLLBACK")


def integrity_problems(conn: Connection) -> list[str]:
    """Every problem SQLCipher's page HMAC check and SQLite's check report."""
    problems: list[str] = []
    try:
        for (line,) in conn.execute("PRAGMA cipher_integrity_check"):
            problems.append(str(line))
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        if rows != ["ok"]:
            problems.extend(rows)
        problems.extend(
            f"foreign key: {r[0]} row {r[1]}" for r in conn.execute("PRAGMA foreign_key_check")
        )
    except DatabaseError as exc:
        problems.append(f"check stopped: {exc}")
    return problems

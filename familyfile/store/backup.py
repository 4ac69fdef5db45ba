"""Verified backups, their rotation, and restoring one.

A backup is ``<folder>/<stamp>-<reason>.ffbackup`` plus its key header
``….ffbackup-keys`` (so the same passphrase or recovery key opens it). It is made
with ``sqlcipher_export`` into a temporary name, synced, reopened and checked
(integrity and row counts) and only then given its final name. A file under a
final name is therefore always complete and verified.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from familyfile import errors
from familyfile.store import migrations
from familyfile.store.atomic_file import fsync_dir, replace_durably, temp_name, write_atomic
from familyfile.store.database import (
    DatabaseError,
    connect,
    create_private,
    integrity_problems,
    is_disk_full,
    key_literal_for_attach,
    table_counts,
)
from familyfile.store.key_header import KeyHeader

SUFFIX = ".ffbackup"
KEYS_SUFFIX = ".ffbackup-keys"
_NAME = re.compile(r"^(\d{8}T\d{6}Z)-([a-z-]+)\.ffbackup$")

REASONS = ("auto", "manual", "before-migration", "before-restore", "before-import",
           "before-recovery", "on-close")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_utc: datetime
    reason: str

    @property
    def keys_path(self) -> Path:
        return keys_path_for(self.path)

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def size_bytes(self) -> int:
        return self.path.stat().st_size


def keys_path_for(backup: Path) -> Path:
    return backup.with_name(backup.name[: -len(SUFFIX)] + KEYS_SUFFIX)


def backups_dir(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-backups")


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_name(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    made = datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return BackupInfo(path, made, match.group(2))


def list_backups(folder: Path) -> list[BackupInfo]:
    """Complete backups (database and key header under final names), newest first."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        info = parse_name(path)
        if info and info.keys_path.exists():
            found.append(info)
    return sorted(found, key=lambda b: b.made_utc, reverse=True)


def export_copy(source: Path, key: bytes, target: Path,
                target_key: bytes | None = None) -> dict[str, int]:
    """An encrypted copy of ``source`` at ``target`` (under ``target_key``, by default the same
    key), made inside one read transaction; returns the row counts it copied."""
    create_private(target)
    conn = connect(source, key)
    try:
        conn.execute("ATTACH DATABASE ? AS copy KEY ?",
                     (str(target), key_literal_for_attach(target_key or key)))
        try:
            conn.execute("BEGIN")
            counts = table_counts(conn)
            version = migrations.current_version(conn)
            conn.execute("SELECT sqlcipher_export('copy')")
            conn.execute(f"PRAGMA copy.user_version = {int(version)}")
            conn.execute("COMMIT")
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.execute("DETACH DATABASE copy")
    finally:
        conn.close()
    return counts


def verify_copy(path: Path, key: bytes, expected_counts: dict[str, int] | None = None) -> None:
    """Raise BackupError unless ``path`` opens with ``key``, is intact and has the rows."""
    try:
        conn = connect(path, key, journal_mode=None)
    except DatabaseError:
        raise errors.BackupError("copy does not open") from None
    try:
        problems = integrity_problems(conn)
        if problems:
            raise errors.BackupError("copy failed its integrity check")
        if expected_counts is not None and table_counts(conn) != expected_counts:
            raise errors.BackupError("copy row counts differ")
    finally:
        conn.close()


def make_backup(db_path: Path, key: bytes, header: KeyHeader, folder: Path, *,
                reason: str, now: datetime) -> BackupInfo:
    if reason not in REASONS:
        raise ValueError(reason)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # One stamp per backup whatever its reason, so the names sort in the order the
    # backups were made (two reasons in one second used to tie, in any order).
    while _stamp_taken(folder, _stamp(now)):
        now = now + timedelta(seconds=1)
    final = folder / f"{_stamp(now)}-{reason}{SUFFIX}"
    tmp = temp_name(final)
    try:
        counts = export_copy(db_path, key, tmp)
        verify_copy(tmp, key, counts)
        write_atomic(keys_path_for(final), header.to_bytes())
        replace_durably(tmp, final)
    except (DatabaseError, OSError) as exc:
        _discard(tmp)
        if is_disk_full(exc):
            raise errors.DiskFullError("disk full during backup") from None
        raise errors.BackupError(type(exc).__name__) from None
    except errors.FamilyFileError:
        _discard(tmp)
        raise
    return BackupInfo(final, now.replace(microsecond=0), reason)


def _stamp_taken(folder: Path, stamp: str) -> bool:
    return any(p.name.startswith(f"{stamp}-") for p in folder.iterdir())


def _discard(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + extra).unlink()


def remove_incomplete(folder: Path) -> None:
    """Delete temporary leftovers of backups that were interrupted."""
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.name.startswith(".") and ".tmp" in path.name:
            _discard(path)
        info = parse_name(path)
        if info is None and path.name.endswith(KEYS_SUFFIX):
            backup = path.with_name(path.name[: -len(KEYS_SUFFIX)] + SUFFIX)
            if not backup.exists():
                with contextlib.suppress(OSError):
                    path.unlink()


# -- rotation ------------------------------------------------------------------------
@dataclass(frozen=True)
class RotationPolicy:
    """Anki's: everything from today and yesterday, then 12 daily, 10 weekly, 9 monthly."""

    daily: int = 12
    weekly: int = 10
    monthly: int = 9


def select_to_keep(made: Iterable[datetime], today: date,
                   policy: RotationPolicy = RotationPolicy()) -> set[datetime]:
    """Which backup times to keep; the newest backup is always kept.

    Newest first: everything from today and yesterday; then the newest backup of each
    earlier day for ``daily`` days; then one per ISO week not yet covered, for
    ``weekly`` weeks; then one per month not yet covered, for ``monthly`` months.
    """
    ordered = sorted(set(made), reverse=True)
    keep: set[datetime] = set(ordered[:1])
    covered: set[object] = set()
    used = {"daily": 0, "weekly": 0, "monthly": 0}
    yesterday = today - timedelta(days=1)
    for moment in ordered:
        day = moment.date()
        week = ("week", *day.isocalendar()[:2])
        month = ("month", day.year, day.month)
        if day < yesterday:
            if day in covered:
                continue
            if used["daily"] < policy.daily:
                used["daily"] += 1
            elif week not in covered and used["weekly"] < policy.weekly:
                used["weekly"] += 1
            elif month not in covered and used["monthly"] < policy.monthly:
                used["monthly"] += 1
            else:
                continue
        keep.add(moment)
        covered.update((day, week, month))
    return keep


def rotate(folder: Path, today: date, policy: RotationPolicy = RotationPolicy()) -> list[Path]:
    """Delete backups the policy no longer keeps; returns what was removed."""
    backups = list_backups(folder)
    keep = select_to_keep([b.made_utc for b in backups], today, policy)
    removed = []
    for backup in backups:
        if backup.made_utc in keep:
            continue
        for path in (backup.path, backup.keys_path):
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(backup.path)
    if removed:
        fsync_dir(folder)
    return removed


def copy_file(source: Path, target: Path, progress: Callable[[int, int], None] | None = None) -> None:
    """Copy bytes into ``target`` (a temporary name), fsynced."""
    total = source.stat().st_size
    done = 0
    with open(source, "rb") as src, open(target, "xb") as dst:
        os.chmod(target, 0o600)
        while chunk := src.read(1 << 20):
            dst.write(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
        dst.flush()
        os.fsync(dst.fileno())

"""The files beside a family file ``P`` on disk, without opening it: the lock (``P-lock``), the
cloud-sync-folder check, keeping a damaged file aside, putting a backup in place (also when
the file is too damaged to open) and tidying what an interrupted write left behind."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import filelock

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.store import backup
from familyfile.store import key_header as kh
from familyfile.store.atomic_file import replace_durably, temp_name
from familyfile.store.database import translate

_SYNC_FOLDER_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "icloud", "nextcloud",
                      "owncloud", "mega", "box sync", "pcloud")


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + "-lock")


def in_sync_folder(path: Path) -> bool:
    parts = [p.lower() for p in path.resolve().parts]
    return any(name in part for part in parts for name in _SYNC_FOLDER_NAMES)


def acquire_lock(db_path: Path) -> filelock.BaseFileLock:
    # Not thread-local: the UI may unlock on a worker thread and lock on the UI thread.
    lock = filelock.FileLock(str(lock_path(db_path)), mode=0o600, thread_local=False)
    try:
        lock.acquire(timeout=0)
    except filelock.Timeout:
        raise errors.LockedError("lock held") from None
    except OSError as exc:
        raise translate(exc) from None
    return lock


def restore_damaged(path: Path, chosen: backup.BackupInfo, clock: Clock = SYSTEM_CLOCK) -> Path:
    """Move the damaged file aside (kept) and put the backup and its key header in place.

    Returns where the damaged file was kept. The next unlock uses the passphrase that
    was in use when the backup was made.
    """
    path = Path(path)
    lock = acquire_lock(path)
    try:
        kept = keep_aside(path, clock)
        header = kh.KeyHeader.from_bytes(chosen.keys_path.read_bytes())
        put_in_place(chosen.path, path)
        kh.write_header(path, header)
        return kept
    finally:
        lock.release()


def keep_aside(path: Path, clock: Clock) -> Path:
    """Move the database and its journal files to ``<name>.damaged-<stamp>``; never over
    an earlier kept file."""
    stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while kept.exists():
        number += 1
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = path.with_name(path.name + suffix)
        if source.exists():
            os.replace(source, kept.with_name(kept.name + suffix))
    return kept


def put_in_place(source: Path, path: Path) -> None:
    tmp = temp_name(path)
    try:
        backup.copy_file(source, tmp)
        for suffix in ("-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        replace_durably(tmp, path)
    except OSError as exc:
        remove_db_files(tmp)
        raise translate(exc) from None


def tidy_leftovers(path: Path) -> None:
    """Remove what an interrupted write left behind (we hold the lock, so none is in use):
    temporary key headers and database copies beside the file, and half-made backups."""
    for leftover in path.parent.glob(f".{path.name}*.tmp"):
        remove_db_files(leftover)
    backup.remove_incomplete(backup.backups_dir(path))


def remove_db_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            path.with_name(path.name + suffix).unlink()

"""The whole family file as one portable file (for moving to a new computer), and its import.

A ZIP (stored, not compressed: the content is already encrypted) holding a manifest,
the encrypted database and its key header. The same passphrase and recovery key open
it; nothing in it is readable without them.
"""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.store import backup, migrations
from familyfile.store import key_header as kh
from familyfile.store.atomic_file import fsync_dir, replace_durably, temp_name
from familyfile.store.database import DatabaseError, is_disk_full, translate
from familyfile.store.vault import Vault, acquire_lock, remove_db_files

FORMAT = "familyfile-export"
VERSION = 1
_MANIFEST = "familyfile-export.json"
_DB = "family.db"
_KEYS = "keys.json"
MAX_KEYS_BYTES = 64 * 1024


def export_file(vault: Vault, out: Path) -> None:
    out = Path(out)
    work = temp_name(out)
    db_copy = work.with_name(work.name + ".db")
    try:
        counts = backup.export_copy(vault.path, vault.data_key, db_copy)
        backup.verify_copy(db_copy, vault.data_key, counts)
        manifest = {"format": FORMAT, "version": VERSION, "file_id": vault.file_id,
                    "schema_version": migrations.current_version(vault.conn),
                    "made_utc": utc_iso(vault.clock.now())}
        with zipfile.ZipFile(work, "x", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(_MANIFEST, json.dumps(manifest, indent=1))
            archive.writestr(_KEYS, vault.header.to_bytes())
            archive.write(db_copy, _DB)
        work.chmod(0o600)
        replace_durably(work, out)
    except (OSError, DatabaseError) as exc:
        _discard(work, db_copy)
        if is_disk_full(exc):
            raise errors.DiskFullError("disk full during export") from None
        raise translate(exc) from None
    except BaseException:
        _discard(work, db_copy)
        raise
    finally:
        remove_db_files(db_copy)
    vault.log("exported-whole-file")


def _discard(*paths: Path) -> None:
    for path in paths:
        remove_db_files(path)


def _read_manifest(archive: zipfile.ZipFile) -> tuple[dict[str, object], kh.KeyHeader]:
    names = set(archive.namelist())
    if names != {_MANIFEST, _DB, _KEYS}:
        raise errors.NotAnExportError("unexpected members")
    if archive.getinfo(_KEYS).file_size > MAX_KEYS_BYTES:
        raise errors.NotAnExportError("key header too large")
    try:
        manifest = json.loads(archive.read(_MANIFEST))
        header = kh.KeyHeader.from_bytes(archive.read(_KEYS))
    except (ValueError, KeyError, TypeError):
        raise errors.NotAnExportError("unreadable manifest or header") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise errors.NotAnExportError("not an export")
    if manifest.get("version") != VERSION:
        raise errors.NotAnExportError("unknown export version")
    return manifest, header


def import_file(source: Path, target: Path, passphrase: str, *, now: datetime) -> None:
    """Check the export opens with ``passphrase``, then put it at ``target``.

    If a family file is already at ``target`` it must open with the same passphrase;
    it is backed up (verified) before being replaced.
    """
    source, target = Path(source), Path(target)
    try:
        archive = zipfile.ZipFile(source)
    except (OSError, zipfile.BadZipFile):
        raise errors.NotAnExportError("not a zip") from None
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = acquire_lock(target)
    tmp = temp_name(target)
    try:
        with archive:
            _, header = _read_manifest(archive)
            data_key = header.unwrap_with_passphrase(passphrase)
            with archive.open(_DB) as member, open(tmp, "xb") as out:
                while chunk := member.read(1 << 20):
                    out.write(chunk)
        try:
            backup.verify_copy(tmp, data_key)
        except errors.BackupError:
            raise errors.NotAnExportError("database in the export is damaged") from None
        if target.exists():
            _backup_existing(target, passphrase, now)
        for suffix in ("-wal", "-shm"):
            target.with_name(target.name + suffix).unlink(missing_ok=True)
        replace_durably(tmp, target)
        kh.write_header(target, header)
        fsync_dir(target.parent)
    except zipfile.BadZipFile:
        raise errors.NotAnExportError("damaged zip") from None
    except OSError as exc:
        raise translate(exc) from None
    finally:
        remove_db_files(tmp)
        lock.release()


def _backup_existing(target: Path, passphrase: str, now: datetime) -> None:
    header = kh.read_header(target)
    key = header.unwrap_with_passphrase(passphrase)
    backup.make_backup(target, key, header, backup.backups_dir(target), reason="before-import",
                       now=now)



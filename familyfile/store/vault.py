"""The vault: one family file on disk, opened, locked and kept safe.

Files beside the database ``P`` (a path the family chose):
``P-keys`` and ``P-keys.bak`` (key header and its mirror), ``P-keys.pending`` (only
while a recovery is half done), ``P-lock`` (one program at a time) and
``P-backups/`` (verified backups). None of these names says anything about the child.
The lock, keeping a damaged file aside and putting a backup in place are in ``vault_files``.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import filelock

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock, utc_iso
from familyfile.store import activity_log, backup, migrations, recovery_key, vault_files
from familyfile.store import key_header as kh
from familyfile.store.atomic_file import replace_durably, temp_name
from familyfile.store.database import (
    Connection,
    DatabaseError,
    connect,
    create_private,
    integrity_problems,
    is_disk_full,
    transaction,
    translate,
)
from familyfile.store.vault_files import acquire_lock, in_sync_folder, remove_db_files

AUTO_BACKUP_EVERY = timedelta(minutes=30)

#: Warning codes a caller shows to a person (see familyfile.services.session).
OLDER_COPY = "older-copy"
SYNC_FOLDER = "sync-folder"

@dataclass
class Vault:
    """An unlocked family file. Use as a context manager or call :meth:`close`."""

    path: Path
    conn: Connection
    data_key: bytes
    header: kh.KeyHeader
    lock: filelock.BaseFileLock
    clock: Clock = SYSTEM_CLOCK
    warnings: list[str] = field(default_factory=list)
    changed: bool = False
    last_backup_utc: datetime | None = None
    actor: str = "parent"

    # -- creating ---------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str, *, kdf: kh.KdfParams = kh.PRODUCTION_KDF,
               recovery_secret: bytes | None = None, clock: Clock = SYSTEM_CLOCK
               ) -> tuple[Vault, bytes]:
        """A new, empty family file. Returns the open vault and the recovery secret."""
        path = Path(path)
        if path.exists() or kh.header_path(path).exists():
            raise errors.FamilyFileExistsError("exists")
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise translate(exc) from None
        lock = acquire_lock(path)
        try:
            secret = recovery_secret or recovery_key.generate()
            data_key = kh.data_key_from_recovery(secret)
            file_id = uuid.uuid4().hex
            header = kh.KeyHeader.create(file_id=file_id, data_key=data_key,
                                         passphrase=passphrase, recovery_secret=secret, kdf=kdf)
            tmp = temp_name(path)
            try:
                _initialise(tmp, data_key, file_id, clock.now())
                kh.write_header(path, header)
                replace_durably(tmp, path)
            except BaseException:
                remove_db_files(tmp)
                raise
            vault = cls._open_connection(path, data_key, header, lock, clock)
        except BaseException:
            lock.release()
            raise
        vault._log_or_close("created")
        return vault, secret

    # -- opening ----------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, passphrase: str, *, clock: Clock = SYSTEM_CLOCK) -> Vault:
        path = Path(path)
        if not path.exists():
            raise errors.NoFamilyFileError("missing")
        lock = acquire_lock(path)
        try:
            header = kh.read_header(path)
            data_key = header.unwrap_with_passphrase(passphrase)
            try:
                vault = cls._open_connection(path, data_key, header, lock, clock)
            except errors.DamagedFileError:
                vault = cls._finish_interrupted_recovery(path, passphrase, lock, clock)
        except BaseException:
            lock.release()
            raise
        vault._log_or_close("unlocked")
        vault_files.tidy_leftovers(path)
        return vault

    @classmethod
    def _finish_interrupted_recovery(cls, path: Path, passphrase: str,
                                     lock: filelock.BaseFileLock, clock: Clock) -> Vault:
        pending = kh.read_pending(path)
        if pending is None:
            raise errors.DamagedFileError("database does not open with the right key")
        data_key = pending.unwrap_with_passphrase(passphrase)
        vault = cls._open_connection(path, data_key, pending, lock, clock)
        kh.write_header(path, vault.header)
        kh.pending_path(path).unlink(missing_ok=True)
        return vault

    @classmethod
    def open_with_recovery(cls, path: Path, secret: bytes, new_passphrase: str, *,
                           kdf: kh.KdfParams | None = None, clock: Clock = SYSTEM_CLOCK
                           ) -> tuple[Vault, bytes]:
        """Open with the recovery key, set a new passphrase and issue a new recovery key.

        The database is re-encrypted under a key derived from the new recovery secret, so
        the old recovery key (and the old passphrase) stop working.
        """
        path = Path(path)
        if not path.exists():
            raise errors.NoFamilyFileError("missing")
        lock = acquire_lock(path)
        try:
            vault = cls._open_for_recovery(path, secret, new_passphrase, kdf, lock, clock)
            new_secret = vault._rekey(new_passphrase, kdf or vault.header.kdf)
        except BaseException:
            lock.release()
            raise
        vault._log_or_close("recovered")
        return vault, new_secret

    @classmethod
    def _open_for_recovery(cls, path: Path, secret: bytes, new_passphrase: str,
                           kdf: kh.KdfParams | None, lock: filelock.BaseFileLock,
                           clock: Clock) -> Vault:
        try:
            header: kh.KeyHeader | None = kh.read_header(path)
        except errors.KeyHeaderMissingError:
            header = None
        data_key = kh.data_key_from_recovery(secret)
        _refuse_empty(path)
        if header is not None:
            if header.unwrap_with_recovery(secret) != data_key:
                raise errors.WrongRecoveryKeyError("recovery slot mismatch")
            return cls._open_connection(path, data_key, header, lock, clock)
        try:
            conn = connect(path, data_key)
        except DatabaseError:
            raise errors.WrongRecoveryKeyError("no header and the key does not open") from None
        file_id = _meta(conn, "file_id") or uuid.uuid4().hex
        generation = int(_meta(conn, "generation") or 1)
        conn.close()
        rebuilt = kh.KeyHeader.create(file_id=file_id, data_key=data_key,
                                      passphrase=new_passphrase, recovery_secret=secret,
                                      kdf=kdf or kh.PRODUCTION_KDF, generation=generation)
        return cls._open_connection(path, data_key, rebuilt, lock, clock)

    @classmethod
    def _open_connection(cls, path: Path, data_key: bytes, header: kh.KeyHeader,
                         lock: filelock.BaseFileLock, clock: Clock) -> Vault:
        _refuse_empty(path)
        try:
            conn = connect(path, data_key)
        except DatabaseError as exc:
            raise _opening_error(path, exc) from None
        except OSError as exc:
            raise translate(exc) from None
        vault = cls(path, conn, data_key, header, lock, clock)
        try:
            vault._migrate()
            vault._check_generation()
        except BaseException:
            conn.close()
            raise
        if in_sync_folder(path):
            vault.warnings.append(SYNC_FOLDER)
        return vault

    # -- migrations and generations --------------------------------------------------------
    def _migrate(self) -> None:
        try:
            steps = migrations.pending(self.conn)
        except DatabaseError as exc:
            raise errors.DamagedFileError(type(exc).__name__) from None
        if steps and migrations.current_version(self.conn) > 0:
            self.backup_now("before-migration")
        for step in steps:
            migrations.apply(self.conn, step)

    def _check_generation(self) -> None:
        stored = int(_meta(self.conn, "generation") or 0)
        if stored < self.header.generation:
            self.warnings.append(OLDER_COPY)
            return
        self._bump_generation(max(stored, self.header.generation) + 1)

    def accept_older_copy(self) -> None:
        """The person chose to carry on with a copy older than the last one opened."""
        if OLDER_COPY in self.warnings:
            self.warnings.remove(OLDER_COPY)
            self._bump_generation(self.header.generation + 1)
            self.log("older-copy-accepted")

    def _bump_generation(self, generation: int) -> None:
        # Database first: a crash between the two leaves database >= header, never a
        # false "older copy" warning.
        with transaction(self.conn):
            _set_meta(self.conn, "generation", str(generation))
        self.header = self.header.with_generation(generation)
        kh.write_header(self.path, self.header)

    @property
    def generation(self) -> int:
        return self.header.generation

    @property
    def file_id(self) -> str:
        return self.header.file_id

    # -- passphrase and recovery --------------------------------------------------------------
    def change_passphrase(self, current: str, new: str, *, kdf: kh.KdfParams | None = None) -> None:
        """Check the current passphrase (full KDF cost), then rewrap: atomic, no rewrite."""
        if self.header.unwrap_with_passphrase(current) != self.data_key:
            raise errors.WrongPassphraseError("header holds another key")
        new_header = self.header.rewrap_passphrase(self.data_key, new, kdf)
        with transaction(self.conn):
            _set_meta(self.conn, "generation", str(new_header.generation))
        kh.write_header(self.path, new_header)
        self.header = new_header
        self.log("passphrase-changed")

    def replace_recovery_key(self, current: str) -> bytes:
        """A new recovery key for someone who knows the passphrase but lost the sheet.

        Checks the passphrase (full KDF cost), then re-encrypts like a recovery does, so
        the old sheet stops working; the passphrase stays the same. Returns the new secret.
        """
        if self.header.unwrap_with_passphrase(current) != self.data_key:
            raise errors.WrongPassphraseError("header holds another key")
        secret = self._rekey(current, self.header.kdf)
        self.log("recovery-key-replaced")
        return secret

    def _rekey(self, new_passphrase: str, kdf: kh.KdfParams) -> bytes:
        """Re-encrypt under a key from a new recovery secret; returns that secret."""
        self.backup_now("before-recovery")
        new_secret = recovery_key.generate()
        new_key = kh.data_key_from_recovery(new_secret)
        generation = max(self.header.generation, int(_meta(self.conn, "generation") or 0)) + 1
        new_header = kh.KeyHeader.create(file_id=self.header.file_id, data_key=new_key,
                                         passphrase=new_passphrase, recovery_secret=new_secret,
                                         kdf=kdf, generation=generation)
        with transaction(self.conn):
            _set_meta(self.conn, "generation", str(generation))
        tmp = temp_name(self.path)
        try:
            counts = backup.export_copy(self.path, self.data_key, tmp, new_key)
            backup.verify_copy(tmp, new_key, counts)
            kh.write_pending(self.path, new_header)
            self.conn.close()
            replace_durably(tmp, self.path)
        except BaseException:
            remove_db_files(tmp)
            raise
        kh.write_header(self.path, new_header)
        kh.pending_path(self.path).unlink(missing_ok=True)
        self.conn = connect(self.path, new_key)
        self.data_key = new_key
        self.header = new_header
        return new_secret

    # -- writing ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; marks the file as changed (for the backup on close)."""
        with transaction(self.conn) as conn:
            yield conn
        self.changed = True

    def _log_or_close(self, kind: str) -> None:
        """Log an opening; if even that fails, close (connection and lock) and re-raise."""
        try:
            self.log(kind)
        except BaseException:
            self.close(backup_if_changed=False)
            raise

    def log(self, kind: str, detail: dict[str, Any] | None = None) -> None:
        with transaction(self.conn):
            activity_log.append(self.conn, at=self.clock.now(), kind=kind, actor=self.actor,
                                detail=detail)

    # -- checks ------------------------------------------------------------------------------
    def check(self) -> list[str]:
        """Every integrity problem: pages, schema, foreign keys, the activity-log chain."""
        problems = integrity_problems(self.conn)
        if not problems:
            problems.extend(activity_log.verify(self.conn))
        if _meta(self.conn, "file_id") != self.header.file_id:
            problems.append("the key file belongs to a different family file")
        return problems

    # -- backups -----------------------------------------------------------------------------
    @property
    def backups_dir(self) -> Path:
        return backup.backups_dir(self.path)

    def backup_now(self, reason: str = "manual") -> backup.BackupInfo:
        """A verified backup made through its own connection (safe from a worker thread)."""
        info = backup.make_backup(self.path, self.data_key, self.header, self.backups_dir,
                                  reason=reason, now=self.clock.now())
        backup.rotate(self.backups_dir, self.clock.now().date())
        self.last_backup_utc = info.made_utc
        return info

    def backup_due(self) -> bool:
        if not self.changed:
            return False
        if self.last_backup_utc is None:
            newest = backup.list_backups(self.backups_dir)
            self.last_backup_utc = newest[0].made_utc if newest else None
        return self.last_backup_utc is None or (
            self.clock.now() - self.last_backup_utc >= AUTO_BACKUP_EVERY
        )

    def list_backups(self) -> list[backup.BackupInfo]:
        return backup.list_backups(self.backups_dir)

    def restore(self, chosen: backup.BackupInfo) -> bool:
        """Put a backup in place after backing up the current state.

        Returns True when the backup keeps the current passphrase, False when it needs
        the passphrase that was in use when it was made.
        """
        damaged = False
        try:
            self.backup_now("before-restore")
        except errors.BackupError:
            # A damaged file cannot be copied into a verified backup: keep it aside as is.
            if not integrity_problems(self.conn):
                raise
            damaged = True
        chosen_header = kh.KeyHeader.from_bytes(chosen.keys_path.read_bytes())
        same_key = chosen_header.key_id == self.header.key_id
        if same_key:
            backup.verify_copy(chosen.path, self.data_key)
        self.conn.close()
        if damaged:
            vault_files.keep_aside(self.path, self.clock)
        vault_files.put_in_place(chosen.path, self.path)
        header = self.header if same_key else chosen_header
        header = header.with_generation(max(header.generation, self.header.generation) + 1)
        if not same_key:
            kh.write_header(self.path, header)
            return False
        self.conn = connect(self.path, self.data_key)
        self.header = header
        with transaction(self.conn):
            _set_meta(self.conn, "generation", str(header.generation))
        kh.write_header(self.path, header)
        self.log("restored", {"backup": chosen.name})
        return True

    # -- closing -----------------------------------------------------------------------------
    def close(self, *, backup_if_changed: bool = True) -> None:
        try:
            if backup_if_changed and self.changed:
                with contextlib.suppress(errors.FamilyFileError):
                    self.backup_now("on-close")
            with contextlib.suppress(DatabaseError):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            self.data_key = b""
            self.lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# -- opening ------------------------------------------------------------------------------------
def _refuse_empty(path: Path) -> None:
    """SQLite takes an empty file for a new database and would write a fresh one into it."""
    try:
        empty = path.stat().st_size == 0
    except OSError as exc:
        raise translate(exc) from None
    if empty:
        raise errors.DamagedFileError("the database file is empty")


def _opening_error(path: Path, exc: DatabaseError) -> errors.FamilyFileError:
    """Damage, unless the disk is full: never send a family to the backups for that."""
    if is_disk_full(exc):
        return errors.DiskFullError("disk full while opening")
    if "disk I/O error" in str(exc):
        try:
            nearly_full = shutil.disk_usage(path.parent).free < 1024 * 1024
        except OSError:
            nearly_full = False
        if nearly_full:
            return errors.DiskFullError("disk full while opening")
        return errors.StorageError(type(exc).__name__)
    return errors.DamagedFileError(type(exc).__name__)


# -- helpers ------------------------------------------------------------------------------------
def _initialise(path: Path, data_key: bytes, file_id: str, now: datetime) -> None:
    create_private(path)
    conn = connect(path, data_key)
    try:
        for step in migrations.pending(conn):
            migrations.apply(conn, step)
        with transaction(conn):
            _set_meta(conn, "file_id", file_id)
            _set_meta(conn, "generation", "1")
            _set_meta(conn, "created_utc", utc_iso(now))
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _meta(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute("INSERT INTO meta (key, value) VALUES (?, ?)"
                 " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

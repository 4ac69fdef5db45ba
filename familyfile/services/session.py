"""An unlocked family file and what can be done with it (shared by the UI and the CLI)."""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.domain import child as child_rules
from familyfile.domain.child import Child, ChildDraft
from familyfile.domain.entry import PARENT, Author
from familyfile.domain.ids import new_child_id
from familyfile.services.records import Records
from familyfile.store import activity_log, backup, children, portable, recovery_key
from familyfile.store import key_header as kh
from familyfile.store.database import Connection
from familyfile.store.vault import OLDER_COPY, SYNC_FOLDER, Vault
from familyfile.store.vault_files import restore_damaged

__all__ = ["OLDER_COPY", "SYNC_FOLDER", "FamilySession"]

BackupInfo = backup.BackupInfo
KdfParams = kh.KdfParams
PRODUCTION_KDF = kh.PRODUCTION_KDF


@dataclass(frozen=True)
class ActivityItem:
    at_utc: str
    kind: str
    actor: str


class FamilySession:
    """One unlocked family file. Not thread-safe: the UI runs one operation at a time."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self.author: Author = PARENT
        self.records = Records(self)

    def use_as(self, author: Author) -> None:
        """Who is using the app now (the parent, or a named key worker beside them)."""
        self.author = author
        self._vault.actor = author.kind if author.kind == "parent" else f"key_worker:{author.name}"

    # -- facts ----------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self._vault.path

    @property
    def file_id(self) -> str:
        """The family file's random id (names nothing; used in the signed cards' ``iss``)."""
        return self._vault.file_id

    @property
    def clock(self) -> Clock:
        return self._vault.clock

    @property
    def warnings(self) -> list[str]:
        return list(self._vault.warnings)

    @property
    def is_open(self) -> bool:
        return bool(self._vault.data_key)

    def today(self) -> date:
        return self.clock.now().date()

    # -- storage for the section services ---------------------------------------------------
    @property
    def conn(self) -> Connection:
        """The open connection, for reading (services pass it to familyfile.store functions)."""
        return self._vault.conn

    @property
    def actor(self) -> str:
        """Who the activity log names for what happens now ("parent" or "key_worker:Name")."""
        return self._vault.actor

    def write(self) -> AbstractContextManager[Connection]:
        """One write transaction (several store calls that must succeed or fail together)."""
        return self._vault.write()

    # -- children ---------------------------------------------------------------------------
    def children(self) -> list[Child]:
        return children.list_active(self._vault.conn)

    def child(self, child_id: str) -> Child:
        return children.get(self._vault.conn, child_rules.ChildId(child_id))

    def add_child(self, draft: ChildDraft) -> Child:
        record = child_rules.build(new_child_id(), draft, self.today())
        with self._vault.write() as conn:
            children.add(conn, record, self.clock.now())
        return record

    def find_child(self, reference: str) -> Child:
        """A child by id, id prefix (at least 6 characters) or exact given name."""
        found = [c for c in self.children()
                 if c.id == reference or (len(reference) >= 6 and c.id.startswith(reference))
                 or c.given_name.casefold() == reference.casefold()]
        if len(found) != 1:
            raise errors.NotFoundError("child")
        return found[0]

    # -- safety -----------------------------------------------------------------------------
    def accept_older_copy(self) -> None:
        self._vault.accept_older_copy()

    def change_passphrase(self, current: str, new: str) -> None:
        self._vault.change_passphrase(current, new)

    def replace_recovery_key(self, current_passphrase: str) -> str:
        """A new recovery key (the old sheet stops working); returns it to print."""
        return recovery_key.format_key(self._vault.replace_recovery_key(current_passphrase))

    def check(self) -> list[str]:
        return self._vault.check()

    def activity(self) -> list[ActivityItem]:
        return [ActivityItem(e.at_utc, e.kind, e.actor)
                for e in activity_log.entries(self._vault.conn)]

    # -- backups ----------------------------------------------------------------------------
    def backup_now(self, reason: str = "manual") -> BackupInfo:
        info = self._vault.backup_now(reason)
        self._vault.log("backup", {"reason": reason, "name": info.name})
        return info

    def auto_backup_if_due(self) -> BackupInfo | None:
        """At most every 30 minutes, and only when something changed since the last one."""
        if not self._vault.backup_due():
            return None
        info = self.backup_now("auto")
        self._vault.changed = False
        return info

    def backups(self) -> list[BackupInfo]:
        return self._vault.list_backups()

    def restore(self, chosen: BackupInfo) -> bool:
        """True when the current passphrase still opens it; False: re-unlock needed."""
        return self._vault.restore(chosen)

    def export_whole_file(self, out: Path) -> None:
        portable.export_file(self._vault, out)

    # -- closing ----------------------------------------------------------------------------
    def close(self) -> None:
        if self.is_open:
            self._vault.close()


# -- opening ----------------------------------------------------------------------------------
def create(path: Path, passphrase: str, *, kdf: KdfParams = PRODUCTION_KDF,
           recovery_secret: bytes | None = None, clock: Clock = SYSTEM_CLOCK) -> FamilySession:
    vault, _secret = Vault.create(path, passphrase, kdf=kdf, recovery_secret=recovery_secret,
                                  clock=clock)
    return FamilySession(vault)


def new_recovery_secret() -> bytes:
    return recovery_key.generate()


def format_recovery_key(secret: bytes) -> str:
    return recovery_key.format_key(secret)


def parse_recovery_key(text: str) -> bytes:
    return recovery_key.parse(text)


def unlock(path: Path, passphrase: str, *, clock: Clock = SYSTEM_CLOCK) -> FamilySession:
    return FamilySession(Vault.open(path, passphrase, clock=clock))


def recover(path: Path, recovery_key_text: str, new_passphrase: str, *,
            clock: Clock = SYSTEM_CLOCK) -> tuple[FamilySession, str]:
    """Open with the recovery key; returns the session and the NEW recovery key to print."""
    secret = recovery_key.parse(recovery_key_text)
    vault, new_secret = Vault.open_with_recovery(path, secret, new_passphrase, clock=clock)
    return FamilySession(vault), recovery_key.format_key(new_secret)


def backups_of(path: Path) -> list[BackupInfo]:
    """Backups of a family file that may not open (a damaged file's recovery path)."""
    return backup.list_backups(backup.backups_dir(Path(path)))


def restore_instead_of_damaged(path: Path, chosen: BackupInfo,
                               clock: Clock = SYSTEM_CLOCK) -> Path:
    """Keep the damaged file aside and put ``chosen`` in its place; returns the kept path."""
    return restore_damaged(Path(path), chosen, clock)


def find_backup(path: Path, reference: str) -> BackupInfo:
    """A backup by its listed name or by a path to it."""
    for info in backups_of(path):
        if reference in (info.name, str(info.path)) or Path(reference).resolve() == info.path.resolve():
            return info
    candidate = backup.parse_name(Path(reference))
    if candidate and Path(reference).exists() and candidate.keys_path.exists():
        return candidate
    raise errors.NotFoundError("backup")


def import_whole_file(source: Path, target: Path, passphrase: str,
                      clock: Clock = SYSTEM_CLOCK) -> None:
    portable.import_file(source, target, passphrase, now=clock.now())

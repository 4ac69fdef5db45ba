"""One exception hierarchy for the whole program.

Each error carries a fixed ``code`` (stable, for scripts and tests) and, where it
concerns one input, the ``field``. The words a person reads are produced in one
place, :func:`familyfile.messages.user_message`; messages never contain child data.
"""

from __future__ import annotations


class FamilyFileError(Exception):
    """Base of every error this program raises on purpose."""

    code = "error"

    def __init__(self, detail: str = "", *, field: str | None = None) -> None:
        # ``detail`` is for developers (never child data); people see user_message().
        super().__init__(detail or self.code)
        self.field = field


class ValidationError(FamilyFileError):
    """An input that breaks a rule. ``field`` names the input, ``code`` the rule."""

    code = "invalid"

    def __init__(self, field: str, code: str, **params: object) -> None:
        super().__init__(f"{field}: {code}", field=field)
        self.code = code
        self.params = params


class VaultError(FamilyFileError):
    code = "vault"


class WrongPassphraseError(VaultError):
    code = "wrong-passphrase"


class WrongRecoveryKeyError(VaultError):
    code = "wrong-recovery-key"


class DamagedFileError(VaultError):
    """The key was right but the database cannot be read: go to the backups."""

    code = "damaged"

    def __init__(self, detail: str = "", *, problems: list[str] | None = None) -> None:
        super().__init__(detail)
        self.problems = problems or []


class KeyHeaderMissingError(VaultError):
    """Neither the key header nor its copy can be read: the recovery sheet is needed."""

    code = "key-header-missing"


class NoFamilyFileError(VaultError):
    code = "not-found"


class FamilyFileExistsError(VaultError):
    code = "exists"


class LockedError(VaultError):
    code = "locked"


class NewerVersionError(VaultError):
    code = "newer-version"

    def __init__(self, found: int, supported: int) -> None:
        super().__init__(f"schema {found} > {supported}")
        self.found = found
        self.supported = supported


class NotEncryptedError(VaultError):
    """SQLCipher is not really loaded: refuse to run rather than write plain text."""

    code = "no-sqlcipher"


class DiskFullError(FamilyFileError):
    code = "disk-full"


class ReadOnlyError(FamilyFileError):
    code = "read-only"


class StorageError(FamilyFileError):
    """A write failed for a reason other than a full disk."""

    code = "storage"


class BackupError(FamilyFileError):
    code = "backup"


class NotAnExportError(FamilyFileError):
    code = "not-an-export"


class EditConflictError(FamilyFileError):
    """The entry changed after it was read (another edit): nothing was overwritten."""

    code = "edit-conflict"


class NotFoundError(FamilyFileError):
    code = "not-found-record"

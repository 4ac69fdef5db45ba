"""The first-run steps, headless and testable; the Qt wizard only draws them.

1. where the family file is kept, 2. a passphrase, 3. the recovery sheet (kept, and
proved by typing one group back), 4. the first child. Nothing is written until
:meth:`FirstRun.finish`, so cancelling leaves no half-made file.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.domain import child as child_rules
from familyfile.domain.child import ChildDraft
from familyfile.errors import ValidationError
from familyfile.services import locations, passphrase, session
from familyfile.store import recovery_key
from familyfile.store.key_header import PRODUCTION_KDF, KdfParams


@dataclass
class FirstRun:
    clock: Clock = SYSTEM_CLOCK
    kdf: KdfParams = PRODUCTION_KDF
    path: Path = field(default_factory=locations.default_family_file)
    secret: bytes = field(default_factory=recovery_key.generate)
    confirm_group: int = field(default_factory=lambda: secrets.randbelow(recovery_key.SECRET_GROUPS) + 1)
    _passphrase: str = ""
    _child: ChildDraft | None = None
    sheet_kept: bool = False

    # -- step 1 -------------------------------------------------------------------------
    def set_path(self, path: Path) -> list[ValidationError]:
        path = Path(path).expanduser()
        if path.exists() or path.is_dir():
            return [ValidationError("path", "path-exists")]
        self.path = path
        return []

    # -- step 2 -------------------------------------------------------------------------
    def set_passphrase(self, new: str, confirm: str) -> list[ValidationError]:
        problems = passphrase.check_new(new, confirm)
        if not problems:
            self._passphrase = new
        return problems

    # -- step 3 -------------------------------------------------------------------------
    @property
    def recovery_key_text(self) -> str:
        return recovery_key.format_key(self.secret)

    @property
    def created(self) -> datetime:
        return self.clock.now()

    def confirm_sheet(self, typed_group: str) -> list[ValidationError]:
        wanted = recovery_key.groups(self.secret)[self.confirm_group - 1]
        cleaned = "".join(ch for ch in typed_group.upper() if ch.isalnum())
        cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
        if cleaned != wanted:
            return [ValidationError("recovery_confirm", "recovery-confirm-mismatch",
                                    group=self.confirm_group)]
        self.sheet_kept = True
        return []

    # -- step 4 -------------------------------------------------------------------------
    def set_child(self, draft: ChildDraft) -> list[ValidationError]:
        problems = child_rules.validate(draft, self.clock.now().date())
        if not problems:
            self._child = draft
        return problems

    # -- finishing ----------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return bool(self._passphrase) and self.sheet_kept and self._child is not None

    def finish(self) -> session.FamilySession:
        """Create the family file and add the first child (slow: runs the KDF)."""
        if not self.ready or self._child is None:
            raise RuntimeError("first run is not complete")
        opened = session.create(self.path, self._passphrase, kdf=self.kdf,
                                recovery_secret=self.secret, clock=self.clock)
        opened.add_child(self._child)
        settings = locations.load_settings()
        settings.remember(self.path)
        locations.save_settings(settings)
        return opened

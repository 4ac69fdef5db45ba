"""The backups of the open family file as a table: when, why, size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from familyfile.i18n import _
from familyfile.services.session import BackupInfo
from familyfile.ui.models.table import RowsModel
from familyfile.ui.widgets.form import local_datetime_text

WHEN, WHY, SIZE = range(3)


def reason_text(reason: str) -> str:
    """Why a backup was made, in plain words."""
    words = {
        "auto": _("Made by itself while you worked"),
        "manual": _("You made it"),
        "on-close": _("When you closed Family File"),
        "before-restore": _("Before going back to an older backup"),
        "before-migration": _("Before Family File was updated"),
        "before-import": _("Before a family file was imported"),
        "before-recovery": _("Before a new passphrase was set with the recovery key"),
    }
    return words.get(reason, reason)


def size_text(size: int | None) -> str:
    if size is None:
        return _("Missing")
    if size < 1024 * 1024:
        return _("{n} KB").format(n=max(1, round(size / 1024)))
    return _("{n} MB").format(n=f"{size / (1024 * 1024):.1f}")


def _size(info: BackupInfo) -> int | None:
    try:
        return info.size_bytes
    except OSError:
        return None


class BackupsModel(RowsModel[tuple[BackupInfo, int | None]]):
    """Newest first, as ``FamilySession.backups()`` lists them."""

    def __init__(self, backups: list[BackupInfo] | None = None, parent: Any = None) -> None:
        super().__init__([(info, _size(info)) for info in backups or []], parent)

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.reset_rows((info, _size(info)) for info in backups)

    def backup(self, row: int) -> BackupInfo:
        return self._rows[row][0]

    def headers(self) -> tuple[str, ...]:
        return (_("When"), _("Why it was made"), _("Size"))

    def cell(self, row: int, column: int, role: int) -> Any:
        info, size = self._rows[row]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
            if column == WHEN:
                return local_datetime_text(info.made_utc)
            if column == WHY:
                return reason_text(info.reason)
            return size_text(size)
        if role == Qt.TextAlignmentRole and column == SIZE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return info
        return None

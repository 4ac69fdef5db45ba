"""The backups of the open family file as a table: when, why, size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from familyfile.i18n import _
from familyfile.services.session import BackupInfo
from familyfile.ui.widgets.form import local_datetime_text

WHEN, WHY, SIZE = range(3)
Index = QModelIndex | QPersistentModelIndex


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


class BackupsModel(QAbstractTableModel):
    """Newest first, as ``FamilySession.backups()`` lists them."""

    def __init__(self, backups: list[BackupInfo] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[BackupInfo, int | None]] = []
        self.set_backups(backups or [])

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self._rows = [(info, _size(info)) for info in backups]
        self.endResetModel()

    def backup(self, row: int) -> BackupInfo:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, size = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
            if index.column() == WHEN:
                return local_datetime_text(info.made_utc)
            if index.column() == WHY:
                return reason_text(info.reason)
            if index.column() == SIZE:
                return size_text(size)
        if role == Qt.TextAlignmentRole and index.column() == SIZE:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.UserRole:
            return info
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < 3:
            return (_("When"), _("Why it was made"), _("Size"))[section]
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

"""The Healthy Child Programme contacts with their state (read-only table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from familyfile.domain.reviews import ContactStatus
from familyfile.i18n import _
from familyfile.ui import labels
from familyfile.ui.dialogs.entry_form import date_text

Index = QModelIndex | QPersistentModelIndex


class ContactsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactStatus] = []

    def set_rows(self, rows: list[ContactStatus]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def status(self, row: int) -> ContactStatus:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole or orientation != Qt.Horizontal or not 0 <= section < 3:
            return None
        return (_("Review"), _("State"), _("When"))[section]

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            if index.column() == 0:
                return row.definition.name
            if index.column() == 1:
                return labels.contact_state()[row.state]
            if index.column() == 2:
                if row.record is not None:
                    return date_text(row.record.on)
                if row.definition.before_birth:
                    return ""
                return _("{start} to {end}").format(start=date_text(row.due_from.isoformat()),
                                                    end=date_text(row.due_until.isoformat()))
        if role == Qt.ToolTipRole and index.column() == 0:
            return row.definition.explain
        return None

"""Appointments as a table: when (local time); where, with whom and why; what happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from familyfile.domain.appointments import status_text
from familyfile.i18n import _
from familyfile.services.appointments import AppointmentRecord

WHEN, DETAILS, STATUS = range(3)
COLUMNS = 3
Index = QModelIndex | QPersistentModelIndex


def when_text(record: AppointmentRecord) -> str:
    """"Sun 29 Mar 2026" and "10:00" on two lines, in the time zone it was entered in (UK time)."""
    local = record.appointment.local
    day = QLocale().toString(QDate(local.year, local.month, local.day), "ddd d MMM yyyy")
    return f"{day}\n{local.strftime('%H:%M')}"


@dataclass(frozen=True)
class AppointmentRow:
    record: AppointmentRecord
    with_whom: str  # the linked involvement in words, or the words typed


class AppointmentsModel(QAbstractTableModel):
    """One row per appointment, in the order given (the page puts coming-up first)."""

    def __init__(self, rows: list[AppointmentRow] | None = None, now: datetime | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentRow] = []
        self._now = now
        self.set_rows(rows or [], now)

    def set_rows(self, rows: list[AppointmentRow], now: datetime | None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._now = now
        self.endResetModel()

    def record(self, row: int) -> AppointmentRecord:
        return self._rows[row].record

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else COLUMNS

    def text(self, row: int, column: int) -> str:
        found = self._rows[row]
        item = found.record.appointment
        if column == WHEN:
            return when_text(found.record)
        if column == DETAILS:
            lines = [item.place, found.with_whom]
            if item.reason:
                lines.append(_("For: {reason}").format(reason=item.reason))
            if item.accompanied_by:
                lines.append(_("Going with: {who}").format(who=item.accompanied_by))
            return "\n".join(p for p in lines if p)
        now = self._now or item.when_utc
        lines = [status_text(item, now), item.status_note, item.outcome]
        return "\n".join(p for p in lines if p)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < COLUMNS:
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(index.row(), index.column())
        if role == Qt.AccessibleTextRole:
            return self.text(index.row(), index.column()).replace("\n", ", ")
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignTop)
        if role == Qt.UserRole:
            return self._rows[index.row()].record
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < COLUMNS:
            return (_("When"), _("Details"), _("What happened"))[section]
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

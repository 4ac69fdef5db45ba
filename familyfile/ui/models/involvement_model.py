"""Involvements as a table: the service; who; when, with notes (lead, team, who wrote it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt

from familyfile.domain.entry import Author
from familyfile.domain.involvement import agency_name
from familyfile.i18n import _
from familyfile.services.involvement import InvolvementRecord

SERVICE, WHO, DATES = range(3)
COLUMNS = 3
Index = QModelIndex | QPersistentModelIndex


def day_text(day: date) -> str:
    """"1 May 2025" in the person's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def author_text(author: Author) -> str:
    if author.kind == "key_worker":
        return _("Key worker {name}").format(name=author.name)
    if author.kind == "professional":
        return _("{name} (professional)").format(name=author.name)
    return _("Parent")


def dates_text(record: InvolvementRecord) -> str:
    item = record.involvement
    if item.end_date is None:
        return _("Since {start}").format(start=day_text(item.start_date))
    return _("{start} to {end}").format(start=day_text(item.start_date), end=day_text(item.end_date))


def notes(record: InvolvementRecord) -> list[str]:
    item = record.involvement
    found = []
    if item.lead:
        found.append(_("Lead professional"))
    if item.team_around_child:
        found.append(_("Team around the child"))
    if item.recorded_by_family:
        found.append(_("Recorded by your family"))
    found.append(_("Written by: {who}").format(who=author_text(record.entry.author)))
    return found


class InvolvementModel(QAbstractTableModel):
    """One row per involvement, in the order given (the page sorts)."""

    def __init__(self, records: list[InvolvementRecord] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[InvolvementRecord] = []
        self.set_records(records or [])

    def set_records(self, records: list[InvolvementRecord]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def record(self, row: int) -> InvolvementRecord:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else COLUMNS

    def text(self, row: int, column: int) -> str:
        record = self._rows[row]
        item = record.involvement
        if column == SERVICE:
            place = " · ".join(p for p in (item.organisation, item.team) if p)
            return f"{agency_name(item.agency)}\n{place}"
        if column == WHO:
            lines = [item.professional, item.role, item.contact]
            return "\n".join(p for p in lines if p) or _("No name given")
        return "\n".join([dates_text(record), *notes(record)])

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
            return self._rows[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < COLUMNS:
            return (_("Service"), _("Who"), _("When and notes"))[section]
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

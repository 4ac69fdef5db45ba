"""The planned doses and their status as a table: age, vaccine, status in words, details.

Records that match no planned dose (BCG, flu, a vaccine given abroad…) follow as extra rows.
The status cell is coloured as well as worded; colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from familyfile.domain import immunisations as rules
from familyfile.domain.entry import Entry
from familyfile.domain.immunisations import DoseRecord
from familyfile.i18n import _
from familyfile.services import immunisation_words as words
from familyfile.services.immunisations import StatusTable

AGE, VACCINE, STATUS, DETAILS = range(4)
COLUMNS = 4
Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.UserRole
STATE_ROLE = Qt.UserRole + 1

#: (text, background) per state: GOV.UK tag colours, each at least WCAG AA.
STATE_COLOURS: dict[str, tuple[str, str]] = {
    rules.GIVEN: ("#005a30", "#cce2d8"),
    rules.DUE: ("#0c2d4a", "#bbd4ea"),
    rules.OVERDUE: ("#6e3619", "#fcd6c3"),
    rules.UPCOMING: ("#383f43", "#e5e6e7"),
    rules.DECLINED: ("#3d2375", "#dbd5e9"),
    rules.NOT_NEEDED: ("#383f43", "#e5e6e7"),
    rules.TOO_LATE: ("#594d00", "#fff7bf"),
}


@dataclass(frozen=True)
class Row:
    age: str
    vaccine: str
    state: str
    status: str
    details: str
    entry_id: str | None


def _author(entry: Entry | None) -> str:
    if entry is None or entry.author.kind == "parent":
        return ""
    return _("recorded by {name}").format(name=entry.author.name)


def _details(record: DoseRecord | None, entry: Entry | None) -> str:
    if record is None:
        return ""
    return " · ".join(p for p in (words.details_text(record), _author(entry)) if p)


def rows_for(table: StatusTable, today: date) -> list[Row]:
    rows = []
    for item in table.rows:
        entry = table.entries.get(item.record_key or "")
        shows_record = item.state in (rules.GIVEN, rules.DECLINED)
        rows.append(Row(words.appointment_label(item.planned.appointment),
                        words.dose_text(item.planned.vaccine, item.planned.dose), item.state,
                        words.status_text(item, today),
                        _details(item.record, entry) if shows_record else "",
                        entry.id if entry is not None and shows_record else None))
    for entry, record in table.extra:
        state = rules.DECLINED if record.declined else rules.GIVEN
        rows.append(Row(_("Other"), words.dose_text(record.vaccine, record.dose, record), state,
                        words.given_text(record, today), _details(record, entry), entry.id))
    return rows


class ImmunisationsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_table(self, table: StatusTable | None, today: date) -> None:
        self.beginResetModel()
        self._rows = rows_for(table, today) if table is not None else []
        self.endResetModel()

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return (row.age, row.vaccine, row.status, row.details)[column]
        if role == Qt.AccessibleTextRole:
            return ", ".join(p for p in (row.age, row.vaccine, row.status, row.details) if p)
        if column == STATUS and role in (Qt.ForegroundRole, Qt.BackgroundRole):
            text, background = STATE_COLOURS[row.state]
            return QBrush(QColor(text if role == Qt.ForegroundRole else background))
        if role == ENTRY_ROLE:
            return row.entry_id
        if role == STATE_ROLE:
            return row.state
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < COLUMNS:
            return (_("Age"), _("Vaccine"), _("Status"), _("Details"))[section]
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

"""The planned doses and their status as a table: age, vaccine, status in words, details.

Records that match no planned dose (BCG, flu, a vaccine given abroad…) follow as extra rows.
The status cell is coloured as well as worded; colour is never the only signal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from familyfile.domain import immunisations as rules
from familyfile.domain.entry import Entry
from familyfile.domain.immunisations import DoseRecord
from familyfile.i18n import _
from familyfile.services import immunisation_words as words
from familyfile.services.immunisations import StatusTable
from familyfile.ui.models.confirmed import confirmed_by
from familyfile.ui.models.table import RowsModel

AGE, VACCINE, STATUS, DETAILS = range(4)
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
    if confirmed_by(entry):
        return confirmed_by(entry)
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


class ImmunisationsModel(RowsModel[Row]):

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)
    def set_table(self, table: StatusTable | None, today: date) -> None:
        self.reset_rows(rows_for(table, today) if table is not None else [])

    def row(self, number: int) -> Row:
        return self._rows[number]

    def headers(self) -> tuple[str, ...]:
        return (_("Age"), _("Vaccine"), _("Status"), _("Details"))

    def cell(self, row: int, column: int, role: int) -> Any:
        found = self._rows[row]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return (found.age, found.vaccine, found.status, found.details)[column]
        if role == Qt.AccessibleTextRole:
            return ", ".join(p for p in (found.age, found.vaccine, found.status, found.details) if p)
        if column == STATUS and role in (Qt.ForegroundRole, Qt.BackgroundRole):
            text, background = STATE_COLOURS[found.state]
            return QBrush(QColor(text if role == Qt.ForegroundRole else background))
        if role == ENTRY_ROLE:
            return found.entry_id
        if role == STATE_ROLE:
            return found.state
        return None

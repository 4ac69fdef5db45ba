"""The consent history as a table, newest first: when, who, what, the change, how and by whom.
The words shown at the time are the row's tool tip (they were stored with the change)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from familyfile.domain import categories as cats
from familyfile.domain.consent import ConsentEvent
from familyfile.i18n import _
from familyfile.ui.models.consent_words import action_words, how_words, purposes_text
from familyfile.ui.models.involvement_model import author_text, day_text
from familyfile.ui.widgets.form import local_datetime_text

WHEN, WHO, WHAT, CHANGE, HOW = range(5)
COLUMNS = 5
Index = QModelIndex | QPersistentModelIndex


def when_text(event: ConsentEvent) -> str:
    if event.derived:  # an end date passed: a day, not a moment
        return day_text(datetime.fromisoformat(event.at_utc.replace("Z", "+00:00")).date())
    return local_datetime_text(datetime.fromisoformat(event.at_utc.replace("Z", "+00:00")))


def change_text(event: ConsentEvent) -> str:
    lines = [action_words(event)]
    if event.decision and event.purposes:
        lines.append(_("For: {purposes}").format(purposes=purposes_text(event.purposes)))
    if event.decision and event.until:
        lines.append(_("Until {day}").format(day=day_text(event.until)))
    if event.decision and event.review_on:
        lines.append(_("Review on {day}").format(day=day_text(event.review_on)))
    return "\n".join(lines)


class ConsentHistoryModel(QAbstractTableModel):
    def __init__(self, events: list[ConsentEvent] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ConsentEvent] = []
        self.set_events(events or [])

    def set_events(self, events: list[ConsentEvent]) -> None:
        """``events`` in time order (as ``services.consent.history`` gives them)."""
        self.beginResetModel()
        self._rows = list(reversed(events))
        self.endResetModel()

    def change(self, row: int) -> ConsentEvent:
        return self._rows[row]

    def text(self, row: int, column: int) -> str:
        event = self._rows[row]
        if column == WHEN:
            return when_text(event)
        if column == WHO:
            return event.recipient.name
        if column == WHAT:
            return cats.category_name(event.category)
        if column == CHANGE:
            return change_text(event)
        if event.derived:
            return _("The end date passed")
        return _("{how}\nby {who}").format(how=how_words(event.how),
                                            who=author_text(event.recorded_by))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else COLUMNS

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < COLUMNS:
            return None
        if role == Qt.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.AccessibleTextRole:
            return self.text(index.row(), index.column()).replace("\n", ", ")
        if role == Qt.ToolTipRole:
            return _("What you were shown: {words}").format(
                words=self._rows[index.row()].explanation)
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
            return (_("When"), _("Who"), _("What"), _("What changed"), _("How, and by whom"))[section]
        if orientation == Qt.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

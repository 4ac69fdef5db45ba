"""The consent history as a table, newest first: when, who, what, the change, how and by whom.
The words shown at the time are the row's tool tip (they were stored with the change)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from familyfile.domain import categories as cats
from familyfile.domain.consent import ConsentEvent
from familyfile.i18n import _
from familyfile.ui.models.consent_words import action_words, how_words, purposes_text
from familyfile.ui.models.involvement_model import author_text, day_text
from familyfile.ui.models.table import LinesModel
from familyfile.ui.widgets.form import local_datetime_text

WHEN, WHO, WHAT, CHANGE, HOW = range(5)


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


class ConsentHistoryModel(LinesModel[ConsentEvent]):
    def __init__(self, events: list[ConsentEvent] | None = None, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self.set_events(events or [])

    def set_events(self, events: list[ConsentEvent]) -> None:
        """``events`` in time order (as ``services.consent.history`` gives them)."""
        self.reset_rows(reversed(events))

    def headers(self) -> tuple[str, ...]:
        return (_("When"), _("Who"), _("What"), _("What changed"), _("How, and by whom"))

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

    def cell(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ToolTipRole:
            return _("What you were shown: {words}").format(words=self._rows[row].explanation)
        return super().cell(row, column, role)

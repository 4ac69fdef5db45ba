"""Appointments as a table: when (local time); where, with whom and why; what happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QLocale

from familyfile.domain.appointments import status_text
from familyfile.i18n import _
from familyfile.services.appointments import AppointmentRecord
from familyfile.ui.models.table import LinesModel

WHEN, DETAILS, STATUS = range(3)


def when_text(record: AppointmentRecord) -> str:
    """"Sun 29 Mar 2026" and "10:00" on two lines, in the time zone it was entered in (UK time)."""
    local = record.appointment.local
    day = QLocale().toString(QDate(local.year, local.month, local.day), "ddd d MMM yyyy")
    return f"{day}\n{local.strftime('%H:%M')}"


@dataclass(frozen=True)
class AppointmentRow:
    record: AppointmentRecord
    with_whom: str  # the linked involvement in words, or the words typed


class AppointmentsModel(LinesModel[AppointmentRow]):
    """One row per appointment, in the order given (the page puts coming-up first)."""

    def __init__(self, rows: list[AppointmentRow] | None = None, now: datetime | None = None,
                 parent: Any = None) -> None:
        super().__init__(rows or [], parent)
        self._now = now

    def set_rows(self, rows: list[AppointmentRow], now: datetime | None) -> None:
        self._now = now
        self.reset_rows(rows)

    def record(self, row: int) -> AppointmentRecord:
        return self._rows[row].record

    def record_of(self, row: int) -> AppointmentRecord:
        return self.record(row)

    def headers(self) -> tuple[str, ...]:
        return (_("When"), _("Details"), _("What happened"))

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

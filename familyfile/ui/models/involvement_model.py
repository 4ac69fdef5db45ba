"""Involvements as a table: the service; who; when, with notes (lead, team, who wrote it)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QLocale

from familyfile.domain.entry import Author
from familyfile.domain.involvement import agency_name
from familyfile.i18n import _
from familyfile.services.involvement import InvolvementRecord
from familyfile.ui.models.table import LinesModel

SERVICE, WHO, DATES = range(3)


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


class InvolvementModel(LinesModel[InvolvementRecord]):
    """One row per involvement, in the order given (the page sorts)."""

    def __init__(self, records: list[InvolvementRecord] | None = None, parent: Any = None) -> None:
        super().__init__(records or [], parent)

    def set_records(self, records: list[InvolvementRecord]) -> None:
        self.reset_rows(records)

    def record(self, row: int) -> InvolvementRecord:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (_("Service"), _("Who"), _("When and notes"))

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

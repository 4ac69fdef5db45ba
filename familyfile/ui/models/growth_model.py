"""The growth measurements as a table: date, age, each value with its unit and centile."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt

from familyfile.domain import growth as rules
from familyfile.domain.entry import Author, HistoryItem
from familyfile.domain.growth import centile_text
from familyfile.domain.growth_centiles import NEEDS_SEX, NO_REFERENCE, Centile
from familyfile.i18n import _
from familyfile.services.growth import GrowthRow
from familyfile.ui.models.confirmed import confirmed_by
from familyfile.ui.models.table import TOP_LEFT, RowsModel
from familyfile.ui.widgets.form import local_datetime_text

DATE, AGE, WEIGHT, HEIGHT, HEAD, BMI, BY = range(7)
METHOD_FOR_COLUMN = {WEIGHT: rules.WEIGHT, HEIGHT: rules.HEIGHT, HEAD: rules.HEAD, BMI: rules.BMI}


def headers() -> tuple[str, ...]:
    return (_("Date"), _("Age"), _("Weight"), _("Length or height"), _("Head"), _("BMI"),
            _("Written by"))


def day_text(on: date) -> str:
    """"1 May 2024" (as the rest of the app shows dates)."""
    return QLocale().toString(QDate(on.year, on.month, on.day), "d MMM yyyy")


def date_text(row: GrowthRow) -> str:
    return day_text(row.measurement.measured_on)


def centile_words(found: Centile) -> str:
    """The second line of a value's cell: "centile 37", or why there is none."""
    if found.problem == NEEDS_SEX:
        return _("centile needs sex")
    if found.problem == NO_REFERENCE:
        return _("no centile at this age")
    return _("centile {centile}").format(centile=found.text)


def who_text(author: Author) -> str:
    who = {"parent": _("Parent"), "key_worker": _("Key worker {name}"),
           "professional": _("{name} (professional)")}.get(author.kind, author.kind)
    return who.format(name=author.name)


def author_text(row: GrowthRow) -> str:
    who = confirmed_by(row.entry) or who_text(row.entry.author)
    return _("{who}, changed").format(who=who) if row.edited else who


def history_lines(items: list[HistoryItem]) -> list[str]:
    """Every version of a measurement, oldest first, with who saved it and when."""
    lines = []
    for item in items:
        kept = rules.GrowthMeasurement.from_data(item.data)
        values = ", ".join(rules.format_value(m, kept.value(m)) for m in rules.METHODS
                           if kept.value(m) is not None)
        when = local_datetime_text(datetime.fromisoformat(item.changed_utc.replace("Z", "+00:00")))
        lines.append(_("Version {n}, saved {when} by {who}: {date}, {values}").format(
            n=item.version, when=when, who=who_text(item.author), date=day_text(kept.measured_on),
            values=values))
    return lines


def cell_lines(row: GrowthRow, column: int) -> list[str]:
    """The lines shown in one cell (the table shows them one under the other)."""
    if column == DATE:
        return [date_text(row)]
    if column == AGE:
        lines = [row.age_text]
        if row.corrected_age_text:
            lines.append(_("corrected: {age}").format(age=row.corrected_age_text))
        return lines
    if column == BY:
        return [author_text(row)]
    method = METHOD_FOR_COLUMN[column]
    found = row.result.centiles.get(method)
    if found is None:
        return []
    value = rules.format_value(method, found.value)
    if method == rules.HEIGHT:
        kind = _("lying") if row.measurement.length_or_height == rules.LENGTH else _("standing")
        value = _("{value} ({how})").format(value=value, how=kind)
    return [value, centile_words(found)]


class GrowthModel(RowsModel[GrowthRow]):
    """Newest first, as ``services.growth.list_measurements`` gives them."""

    def set_rows(self, rows: list[GrowthRow]) -> None:
        self.reset_rows(rows)

    def growth_row(self, row: int) -> GrowthRow:
        return self._rows[row]

    def row_of(self, entry_id: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.entry.id == entry_id), -1)

    def headers(self) -> tuple[str, ...]:
        return headers()

    def cell(self, row: int, column: int, role: int) -> Any:
        found = self._rows[row]
        if role == Qt.DisplayRole:
            return "\n".join(cell_lines(found, column))
        if role == Qt.AccessibleTextRole:
            lines = cell_lines(found, column)
            return _("{column}: {value}").format(column=headers()[column],
                                                 value=", ".join(lines) or _("not measured"))
        if role == Qt.ToolTipRole:
            return self._tooltip(found, column)
        if role == Qt.TextAlignmentRole:
            return TOP_LEFT
        if role == Qt.UserRole:
            return found
        return None

    def _tooltip(self, found: GrowthRow, column: int) -> str | None:
        method = METHOD_FOR_COLUMN.get(column)
        centile = found.result.centiles.get(method) if method else None
        if centile is not None and centile.sds is not None:
            text = _("SDS {sds:+.2f} (corrected for gestation)").format(sds=centile.sds) \
                if found.result.ages.corrected else _("SDS {sds:+.2f}").format(sds=centile.sds)
            if found.result.ages.corrected and centile.chronological_sds is not None:
                text += "\n" + _("At actual age: centile {centile}, SDS {sds:+.2f}").format(
                    centile=centile_text(centile.chronological_centile),
                    sds=centile.chronological_sds)
            return text
        notes = [found.measurement.measured_by, found.measurement.measured_where,
                 found.measurement.notes]
        return " · ".join(n for n in notes if n) or None

"""One date box for the whole app: shown as "27 Mar 2024", typed the way people write dates,
with a calendar to pick from.

QDateEdit alone types one part at a time and gets dates wrong without a sign: after "27" it
moves on to the month by itself, so the space typed next skips the month; "/" does not move
on; a month typed as a number is refused; day 31 is refused while the month shown has 30
days; and the calendar's limits are reset each time it opens. This box reads the whole text
at once instead ("27 Mar 2024", "27/03/2024", "31 1 2024", "2024-03-27"), selects it all
when it gets the focus so that typing replaces it, and keeps the calendar's last day.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QTime, QTimer
from PySide6.QtGui import QFocusEvent, QValidator
from PySide6.QtWidgets import QDateEdit, QWidget

from familyfile.i18n import _

DISPLAY_FORMAT = "d MMM yyyy"
_SEPARATORS = r"[\s/.\-,]+"
_DAY_FIRST = re.compile(rf"(\d{{1,2}}){_SEPARATORS}([^\W\d_]{{3,}}|\d{{1,2}}){_SEPARATORS}(\d{{4}})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_PARTIAL = re.compile(r"[\w\s/.\-,]{0,24}")


def _month_names() -> list[str]:
    english = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    shown = [_("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"),
             _("Sep"), _("Oct"), _("Nov"), _("Dec")]
    return [name.casefold() for name in shown] + english


def parse_date_text(text: str) -> QDate | None:
    """The date in ``text`` (day first, as in the UK), or None."""
    cleaned = text.strip().casefold()
    iso = _ISO.fullmatch(cleaned)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    else:
        found = _DAY_FIRST.fullmatch(cleaned)
        if not found:
            return None
        day, year = int(found.group(1)), int(found.group(3))
        name = found.group(2)
        if name.isdigit():
            month = int(name)
        else:
            names = _month_names()
            match = next((i for i, n in enumerate(names) if name.startswith(n)), None)
            if match is None:
                return None
            month = match % 12 + 1
    moment = QDate(year, month, day)
    return moment if moment.isValid() else None


class DateEdit(QDateEdit):
    """Calendar popup; the whole text is read at once; all selected on focus for retyping."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("00 Mmm 00000") + 60)
        self._latest: QDate | None = None
        self._earliest: QDate | None = None
        self.calendarWidget().installEventFilter(self)

    def set_latest(self, latest: QDate, earliest: QDate | None = None) -> None:
        """The calendar offers no day after ``latest`` (nor before ``earliest``). Typing is not
        stopped there: the form's rules say what is wrong with such a date, next to the field."""
        self._latest, self._earliest = latest, earliest
        self._limit_calendar()

    def _limit_calendar(self) -> None:
        calendar = self.calendarWidget()
        if self._latest is not None:
            calendar.setMaximumDate(self._latest)
        if self._earliest is not None:
            calendar.setMinimumDate(self._earliest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # QDateEdit gives the calendar its own range each time it opens: put the limits back.
        if watched is self.calendarWidget() and event.type() == QEvent.Show:
            self._limit_calendar()
        return super().eventFilter(watched, event)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt)
        # A whole date is taken at once. One outside setMinimumDate/setMaximumDate is not
        # taken (the date shown stays): Qt would otherwise quietly change it into another.
        found = parse_date_text(text)
        if found is not None and self.minimumDate() <= found <= self.maximumDate():
            return QValidator.Acceptable, text, pos
        if _PARTIAL.fullmatch(text):
            return QValidator.Intermediate, text, pos
        return QValidator.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 (Qt)
        found = parse_date_text(text)
        return QDateTime(found, QTime(0, 0)) if found is not None else self.dateTime()

    def fixup(self, text: str) -> str:
        return text

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt)
        super().focusInEvent(event)
        self.lineEdit().selectAll()  # typing replaces the date shown
        QTimer.singleShot(0, self.lineEdit().selectAll)  # and after a click has placed the caret

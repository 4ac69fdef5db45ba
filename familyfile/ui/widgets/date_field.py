"""A date box that takes a date typed the way people write it, with a calendar to pick from.

Qt's QDateEdit types one section at a time, which trips people up ("27 " jumps past the
month). This one reads the whole text: "27 Mar 2024", "27/03/2024", "27 3 2024" or
"2024-03-27", and always shows the date back as "27 Mar 2024".
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, QDateTime, QTime, QTimer
from PySide6.QtGui import QValidator
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


class DateField(QDateEdit):
    """Calendar popup; the whole text is read at once; selected on focus for retyping."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DISPLAY_FORMAT)

    def validate(self, text: str, pos: int) -> object:  # noqa: D102 (Qt)
        if parse_date_text(text) is not None:
            return QValidator.Acceptable, text, pos
        if _PARTIAL.fullmatch(text):
            return QValidator.Intermediate, text, pos
        return QValidator.Invalid, text, pos

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 (Qt)
        found = parse_date_text(text)
        return QDateTime(found, QTime(0, 0)) if found is not None else self.dateTime()

    def fixup(self, text: str) -> str:
        return text

    def focusInEvent(self, event: object) -> None:  # noqa: N802 (Qt)
        super().focusInEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self.lineEdit().selectAll)

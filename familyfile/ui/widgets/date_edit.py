"""A date box shown as "27 Mar 2024" that also takes what people type: "27 Mar 2024",
"27/03/2024", "31 1 2024".

QDateEdit alone gets these wrong without a sign: after "27" it moves to the month by
itself, so the space typed next skips the month; "/" does not move on; a month typed as a
number is refused; and day 31 is refused while the month shown has 30 days.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QWidget

SEPARATORS = frozenset(" /-.,")


class DateEdit(QDateEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self._latest: QDate | None = None
        self.calendarWidget().installEventFilter(self)
        self._reset()

    def set_latest(self, latest: QDate) -> None:
        """The calendar offers no day after ``latest``. Typing is not stopped there (Qt would
        refuse "27" on the way to an earlier year); a later date gets a message instead."""
        self._latest = latest
        self.calendarWidget().setMaximumDate(latest)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        # QDateEdit gives the calendar its own range each time it opens: put the limit back.
        if watched is self.calendarWidget() and event.type() == QEvent.Show and self._latest:
            self.calendarWidget().setMaximumDate(self._latest)
        return super().eventFilter(watched, event)

    def _reset(self) -> None:
        self._moved_on = False  # the last key already moved on to the next part
        self._digits = ""  # digits typed so far in this part
        self._day_digit = ""  # a day's first digit when Qt moved on after it ("3" in Feb)
        self._wanted_day = 0  # the day typed, kept while a shorter month shows

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        self._reset()
        super().focusInEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        text = event.text()
        section = self.currentSection()
        if text.isdigit() and section == QDateTimeEdit.DaySection:
            self._type_day_digit(event)
            return
        if text.isdigit() and section == QDateTimeEdit.MonthSection:
            day = int(self._day_digit + text) if self._moved_on and self._day_digit else 0
            if self.date().daysInMonth() < day <= 31:
                self._long_day(day)  # "3" then "1" in February: the 31st, not March
            else:
                self._type_month_digit(text)
            event.accept()
            return
        if text and text in SEPARATORS:
            if self._digits and section == QDateTimeEdit.MonthSection:
                self._type_month_name(int(self._digits))
            elif not self._moved_on:  # Qt moves on only at its own separator, a space
                self._press(QKeyEvent(QEvent.KeyPress, Qt.Key_Space, Qt.NoModifier, " "))
            self._moved_on = False
            self._day_digit = ""
            event.accept()
            return
        if text.isdigit():
            self._digits += text
        self._press(event)
        if section == QDateTimeEdit.YearSection and len(self._digits) == 4:
            self._keep_wanted_day()

    def _press(self, event: QKeyEvent) -> None:
        before = self.currentSection()
        super().keyPressEvent(event)
        text = event.text()
        moved = self.currentSection() != before
        self._moved_on = bool(text) and text not in SEPARATORS and moved
        if moved:
            self._digits = ""

    def _type_day_digit(self, event: QKeyEvent) -> None:
        """Qt refuses day 31 while a 30-day month shows; such days are kept here."""
        day = int(self._digits + event.text()) if len(self._digits) == 1 else 0
        if self.date().daysInMonth() < day <= 31:
            self._long_day(day)
            return
        first = not self._digits
        self._digits += event.text()
        self._wanted_day = int(self._digits)
        self._press(event)
        self._day_digit = event.text() if first and self._moved_on else ""

    def _long_day(self, day: int) -> None:
        """Show the day in the next month that has it; the person types the month next."""
        shown = self.date()
        month = next((m for m in range(shown.month(), 13)
                      if QDate(shown.year(), m, 1).daysInMonth() >= day), 12)
        self._wanted_day = day
        self.setDate(QDate(shown.year(), month, day))
        self.setCurrentSection(QDateTimeEdit.MonthSection)
        self.setSelectedSection(QDateTimeEdit.MonthSection)
        self._digits = ""
        self._day_digit = ""
        self._moved_on = True

    def _keep_wanted_day(self) -> None:
        """29 Feb shows as 28 Feb until a leap year is typed: then put the 29th back."""
        shown = self.date()
        wanted = self._wanted_day
        if wanted and shown.day() != wanted and wanted <= shown.daysInMonth():
            self.setDate(QDate(shown.year(), shown.month(), wanted))
            self.setSelectedSection(self.currentSection())

    def _type_month_digit(self, digit: str) -> None:
        digits = self._digits + digit
        if not 1 <= int(digits) <= 12:
            digits = digit if 1 <= int(digit) <= 12 else ""
        self._digits = digits
        if digits and (len(digits) == 2 or int(digits) > 1):  # nothing more can follow
            self._type_month_name(int(digits))

    def _type_month_name(self, month: int) -> None:
        """Type the month's short name, as if the person had: Qt then moves on to the year."""
        self._digits = ""
        self._day_digit = ""
        for letter in self.locale().monthName(month, QLocale.ShortFormat):
            self._press(QKeyEvent(QEvent.KeyPress, 0, Qt.NoModifier, letter))
        self._keep_wanted_day()
        self._moved_on = self.currentSection() == QDateTimeEdit.YearSection

"""The one date box: dates read the way people write them, typing replaces what is shown, the
calendar keeps its limits, and a date it may not take is never changed into another one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from familyfile.ui.widgets.date_edit import DateEdit, parse_date_text


@pytest.mark.parametrize("typed", ["27 Mar 2024", "27 march 2024", "27/03/2024", "27-3-2024",
                                   "2024-03-27", " 27 3 2024 "])
def test_dates_are_read_the_way_people_write_them(typed: str) -> None:
    assert parse_date_text(typed) == QDate(2024, 3, 27)


@pytest.mark.parametrize("typed", ["", "27 Mar", "31/02/2024", "27 Foo 2024", "2024"])
def test_unreadable_dates_are_not_guessed(typed: str) -> None:
    assert parse_date_text(typed) is None


@pytest.fixture
def boxes(qtbot) -> Iterator[tuple[QLineEdit, DateEdit, QLineEdit]]:
    holder = QWidget()
    column = QVBoxLayout(holder)
    before, box, after = QLineEdit(), DateEdit(), QLineEdit()
    for widget in (before, box, after):
        column.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    with qtbot.waitActive(holder):
        holder.activateWindow()
    yield before, box, after  # ``holder`` stays alive until the test ends


def test_typing_after_a_click_replaces_the_whole_date(qtbot, boxes) -> None:
    before, box, after = boxes
    box.setDate(QDate(2025, 11, 22))  # a 30-day month: the 31st must still be taken
    qtbot.mouseClick(box.lineEdit(), Qt.LeftButton, pos=QPoint(4, box.height() // 2))
    qtbot.waitUntil(lambda: box.lineEdit().selectedText() == box.text())
    qtbot.keyClicks(box, "31/1/2024")
    assert box.date() == QDate(2024, 1, 31)  # as soon as it is a whole date
    qtbot.keyClick(box, Qt.Key_Tab)
    assert box.text() == "31 Jan 2024" and after.hasFocus()


def test_a_date_before_the_first_allowed_is_not_changed_into_another(qtbot, boxes) -> None:
    before, box, _after = boxes
    box.setMinimumDate(QDate(2001, 1, 1))
    box.setDate(QDate(2026, 2, 10))
    before.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(before, Qt.Key_Tab)
    qtbot.keyClicks(box, "1/1/1990")
    qtbot.keyClick(box, Qt.Key_Tab)
    assert box.date() == QDate(2026, 2, 10)  # kept, not quietly moved to 1 Jan 2001


def test_the_calendar_keeps_its_limits_each_time_it_opens(qtbot, boxes) -> None:
    _before, box, _after = boxes
    latest, earliest = QDate(2026, 2, 10), QDate(2001, 1, 1)
    box.setMinimumDate(QDate(1900, 1, 1))
    box.set_latest(latest, earliest=earliest)
    box.setDate(latest)
    calendar = box.calendarWidget()
    for _ in range(2):
        qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(box.width() - 8, box.height() // 2))
        qtbot.waitUntil(calendar.isVisible)
        assert (calendar.minimumDate(), calendar.maximumDate()) == (earliest, latest)
        calendar.window().hide()
        qtbot.waitUntil(lambda: not calendar.isVisible())

"""The Children page, driven like a person: keyboard only, mouse, mistakes, a full disk."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QTableView

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.ui.main_window import MainWindow
from familyfile.ui.pages.children import ChildrenPage
from tests.conftest import MARKER_FAMILY, MARKER_GIVEN
from tests.ui.drive import tab_until


def children_page(window: MainWindow) -> ChildrenPage:
    page = window.page("children")
    assert isinstance(page, ChildrenPage)
    return page


def open_children_with_keyboard(qtbot, window: MainWindow) -> ChildrenPage:
    window.nav.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(window.nav, Qt.Key_End)  # Children is the last section
    assert window.current_section() == "children"
    page = children_page(window)
    assert window.stack.currentWidget() is page
    return page


def test_add_a_child_with_the_keyboard_only(qtbot, window: MainWindow) -> None:
    page = open_children_with_keyboard(qtbot, window)
    tab_until(qtbot, page.given, limit=12)
    qtbot.keyClicks(page.given, "Arlo")
    qtbot.keyClick(page.given, Qt.Key_Tab)
    assert QApplication.focusWidget() is page.family
    qtbot.keyClicks(page.family, "Quillfeather")
    qtbot.keyClick(page.family, Qt.Key_Tab)
    assert page.born.hasFocus()
    qtbot.keyClicks(page.born, "27/03/2024")
    assert page.born.date() == QDate(2024, 3, 27)
    tab_until(qtbot, page.save, limit=12)
    qtbot.keyClick(page.save, Qt.Key_Space)

    born = {c.given_name: c.date_of_birth for c in window.session.children()}
    assert born == {MARKER_GIVEN: date(2024, 3, 1), "Arlo": date(2024, 3, 27)}
    assert window.switcher.names() == [f"{MARKER_GIVEN} {MARKER_FAMILY}", "Arlo Quillfeather"]
    assert window.context.current_child().given_name == "Arlo"  # the new child is shown
    assert window.switcher.list.currentItem().text().startswith("Arlo Quillfeather")
    assert any("Arlo Quillfeather · born 27 Mar 2024" in text for text in page.listed())
    assert page.saved.isVisible() and "Arlo Quillfeather" in page.saved.text()
    assert page.given.text() == "" and page.family.text() == ""  # ready for the next child
    assert QApplication.focusWidget() is page.given


def test_add_a_child_with_the_mouse_and_the_calendar(qtbot, window: MainWindow) -> None:
    children_row = next(r for r in range(window.nav.count()) if window.nav.item(r).text() == "Children")
    window.nav.setCurrentRow(children_row)
    page = children_page(window)
    qtbot.mouseClick(page.given, Qt.LeftButton)
    qtbot.keyClicks(page.given, "Mira")
    qtbot.mouseClick(page.family, Qt.LeftButton)
    qtbot.keyClicks(page.family, "Quillfeather")
    qtbot.mouseClick(page.born, Qt.LeftButton, pos=QPoint(page.born.width() - 8, page.born.height() // 2))
    calendar = page.born.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    today = window.session.today()
    assert calendar.maximumDate() == QDate(today.year, today.month, today.day)  # no future days
    view = calendar.findChild(QTableView)
    first = next(view.model().index(row, col) for row in range(1, 7) for col in range(8)
                 if view.model().index(row, col).data() in (1, "1"))
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=view.visualRect(first).center())
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert page.born.date() == QDate(today.year, today.month, 1)
    qtbot.mouseClick(page.save, Qt.LeftButton)

    mira = next(c for c in window.session.children() if c.given_name == "Mira")
    assert mira.date_of_birth == date(today.year, today.month, 1)
    assert "Mira Quillfeather" in window.switcher.names()
    assert window.page("overview").name.text() == "Mira Quillfeather"  # the overview follows


def test_an_empty_first_name_is_explained_next_to_the_field_and_keeps_the_rest(
        qtbot, window: MainWindow) -> None:
    page = open_children_with_keyboard(qtbot, window)
    qtbot.mouseClick(page.family, Qt.LeftButton)
    qtbot.keyClicks(page.family, "Quillfeather")
    page.born.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(page.born, "5 11 2025")
    qtbot.mouseClick(page.save, Qt.LeftButton)

    error = page.errors["given_name"]
    assert error.isVisible()
    assert error.text() == "Enter the child's first name."
    assert page.summary.isVisible() and page.summary.messages == ["Enter the child's first name."]
    assert not page.errors["family_name"].isVisible()
    assert page.family.text() == "Quillfeather"
    assert page.born.date() == QDate(2025, 11, 5)
    assert len(window.session.children()) == 1
    # The summary links to the field; fixing it clears the errors.
    page.summary.link_activated.emit("given_name")
    assert page.given.hasFocus()
    qtbot.keyClicks(page.given, "Noor")
    qtbot.keyClick(page.given, Qt.Key_Return)
    assert not error.isVisible() and not page.summary.isVisible()
    assert "Noor" in [c.given_name for c in window.session.children()]


def test_a_date_of_birth_in_the_future_is_refused(qtbot, window: MainWindow) -> None:
    page = open_children_with_keyboard(qtbot, window)
    today = window.session.today()
    qtbot.keyClicks(page.given, "Ada")
    qtbot.keyClicks(page.family, "Quillfeather")
    page.born.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(page.born, f"1/1/{today.year + 1}")
    qtbot.mouseClick(page.save, Qt.LeftButton)
    assert page.errors["date_of_birth"].text() == "The date of birth cannot be in the future."
    assert page.given.text() == "Ada"
    assert len(window.session.children()) == 1


def test_a_full_disk_says_not_saved_and_keeps_what_was_typed(qtbot, window: MainWindow,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(draft: ChildDraft) -> None:
        raise errors.DiskFullError("no space")

    monkeypatch.setattr(window.session, "add_child", disk_full)
    page = open_children_with_keyboard(qtbot, window)
    qtbot.keyClicks(page.given, "Arlo")
    qtbot.keyClicks(page.family, "Quillfeather")
    page.born.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(page.born, "27 Mar 2024")
    qtbot.mouseClick(page.save, Qt.LeftButton)

    assert page.summary.isVisible()
    assert page.summary.messages[0].startswith("Not saved: the disk is full")
    assert (page.given.text(), page.family.text()) == ("Arlo", "Quillfeather")
    assert page.born.date() == QDate(2024, 3, 27)
    assert not page.saved.isVisible()
    assert window.switcher.names() == [f"{MARKER_GIVEN} {MARKER_FAMILY}"]


@pytest.mark.parametrize(("typed", "expected"), [
    ("27 Mar 2024", (2024, 3, 27)), ("27/03/2024", (2024, 3, 27)), ("1 2 2025", (2025, 2, 1)),
    ("31/1/2024", (2024, 1, 31)), ("29/02/2024", (2024, 2, 29)), ("9 sep 2021", (2021, 9, 9)),
    ("12/9/2024", (2024, 9, 12)), ("30.4.2024", (2024, 4, 30)),
])
def test_dates_of_birth_typed_the_usual_ways(qtbot, window: MainWindow, typed: str,
                                             expected: tuple[int, int, int]) -> None:
    page = open_children_with_keyboard(qtbot, window)
    for start in (QDate(2026, 2, 10), QDate(2025, 11, 22)):  # short and 30-day months
        page.born.setDate(start)
        page.given.setFocus(Qt.TabFocusReason)
        tab_until(qtbot, page.born, limit=12)
        qtbot.keyClicks(page.born, typed)
        assert page.born.date() == QDate(*expected), (typed, page.born.text())

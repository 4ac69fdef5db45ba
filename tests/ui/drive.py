"""Helpers that drive the app like a person: show a window, go to a section, Tab until a
field, type into a box, find the dialog or button that is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from familyfile.services.session import FamilySession
from familyfile.ui.main_window import MainWindow
from familyfile.ui.pages import PageContext
from familyfile.ui.tasks import TaskRunner

W = TypeVar("W", bound=QWidget)


def show_active(qtbot, widget: W, size: tuple[int, int] = (1000, 760)) -> W:
    """Shown and active, so the keyboard works as on a real desktop."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()
    return widget


def show_window(qtbot, window: MainWindow) -> MainWindow:
    """The main window at a laptop's size."""
    return show_active(qtbot, window, (1366, 768))


def show_page(qtbot, cls: Callable[[PageContext], W], session: FamilySession,
              size: tuple[int, int] = (1000, 760)) -> W:
    """One page on its own, on ``session``."""
    return show_active(qtbot, cls(PageContext(session, TaskRunner())), size)


def open_section(window: MainWindow, key: str, cls: type) -> QWidget:
    """Go to a section and return its page, checking that it is the one shown."""
    window.show_section(key)
    found = window.pages[key]
    assert isinstance(found, cls) and window.stack.currentWidget() is found
    return found


def shown(parent: QWidget, cls: type) -> QWidget:
    """The one open window of that class over ``parent`` (closed ones wait to be deleted)."""
    found = [d for d in parent.findChildren(cls) if d.isVisible()]
    assert len(found) == 1, found
    return found[0]


def activate(qtbot, dialog: QWidget) -> None:
    """The window manager would make a new dialog active; offscreen, do it by hand."""
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)


def tab_until(qtbot, target: QWidget, limit: int = 30) -> None:
    """Press Tab until ``target`` has the focus (it must be reachable by keyboard)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is target, f"{target.accessibleName()} not reachable by Tab"


def type_into(qtbot, dialog, key: str, text: str) -> None:
    """Replace what a form's one-line box holds with ``text``, typed."""
    box = dialog.inputs[key]
    assert isinstance(box, QLineEdit)
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def button(qtbot, page: QWidget, name: str) -> QPushButton:
    """The visible button with that accessible name (rows are rebuilt after each change)."""
    def find() -> list[QPushButton]:
        return [b for b in page.findChildren(QPushButton)
                if b.accessibleName() == name and b.isVisible()]

    qtbot.waitUntil(lambda: len(find()) == 1)
    return find()[0]

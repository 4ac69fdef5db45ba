"""Dialogs of the main window, and two small helpers they share.

Message boxes are opened window-modal with ``open()`` (never ``exec()``), so the event
loop keeps running: slow work can finish and tests can press the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from familyfile.i18n import _
from familyfile.ui.error_display import show_error
from familyfile.ui.tasks import TaskRunner


def scale_icons(*buttons: QAbstractButton) -> None:
    """Icons as tall as the text, so they grow with it (200% text, high-DPI screens)."""
    for button in buttons:
        side = button.fontMetrics().height()
        button.setIconSize(QSize(side, side))


def inform(parent: QWidget | None, heading: str, text: str,
           icon: QMessageBox.Icon = QMessageBox.Information) -> QMessageBox:
    box = QMessageBox(icon, heading, text, QMessageBox.Ok, parent)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setAccessibleName(heading)
    box.setAccessibleDescription(text)
    box.button(QMessageBox.Ok).setText(_("OK"))
    box.open()
    return box


def confirm(parent: QWidget | None, heading: str, text: str, yes_text: str,
            on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before doing something big. Cancel is the default button."""
    box = QMessageBox(QMessageBox.Question, heading, text, QMessageBox.NoButton, parent)
    box.setAttribute(Qt.WA_DeleteOnClose)
    box.setAccessibleName(heading)
    box.setAccessibleDescription(text)
    yes = box.addButton(yes_text, QMessageBox.AcceptRole)
    cancel = box.addButton(_("Cancel"), QMessageBox.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.finished.connect(lambda _result: on_yes() if box.clickedButton() is yes else None)
    box.open()
    return box


def start_task(tasks: TaskRunner, parent: QWidget | None, label: str, work: Callable[[], Any],
               on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> bool:
    """Run slow work off the UI thread. False (and nothing started) while another task runs."""
    if tasks.busy:
        return False
    tasks.run(label, work, on_done, on_error or (lambda exc: show_error(parent, exc)))
    return True

"""The UI's one place for showing an error: a plain sentence, never a traceback."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from familyfile.i18n import _
from familyfile.messages import user_message


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    box = QMessageBox(QMessageBox.Warning, title or _("Family File"), user_message(exc),
                      QMessageBox.Ok, parent)
    box.setAccessibleName(_("Problem"))
    box.open()

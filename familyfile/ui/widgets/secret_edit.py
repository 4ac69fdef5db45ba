"""A passphrase box with a "Show" / "Hide" button (reachable by keyboard, not only mouse)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from familyfile.i18n import _
from familyfile.ui.widgets.form import icon_size


class SecretEdit(QWidget):
    """``edit`` is the QLineEdit; ``toggle`` shows or hides what was typed."""

    returnPressed = Signal()  # noqa: N815 (Qt naming)

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setEchoMode(QLineEdit.Password)
        self.edit.setAccessibleName(accessible_name)
        self.edit.setMinimumWidth(240)
        self.edit.returnPressed.connect(self.returnPressed.emit)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.toggle.setIconSize(icon_size(self.toggle))
        self.toggle.toggled.connect(self._show_text)
        self._show_text(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.toggle)
        self.setFocusProxy(self.edit)

    def _show_text(self, shown: bool) -> None:
        self.edit.setEchoMode(QLineEdit.Normal if shown else QLineEdit.Password)
        self.toggle.setText(_("Hide") if shown else _("Show"))
        self.toggle.setIcon(qta.icon("mdi6.eye-off-outline" if shown else "mdi6.eye-outline"))
        self.toggle.setAccessibleName(_("Hide what you typed") if shown else _("Show what you typed"))

    def text(self) -> str:
        return self.edit.text()

    def clear(self) -> None:
        self.edit.clear()
        self.toggle.setChecked(False)

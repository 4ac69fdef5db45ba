"""Lock automatically after… : minutes without use before Family File locks (0 = never)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QSpinBox, QVBoxLayout, QWidget

from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import locations
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    field_label,
    hint,
    primary_button,
    secondary_button,
    title,
)

MAX_MINUTES = 240


class AutoLockDialog(QDialog):
    saved = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Lock automatically"))
        self.setStyleSheet(STYLE)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSuffix(_(" minutes"))
        self.minutes.setSpecialValueText(_("Never"))
        self.minutes.setValue(locations.load_settings().auto_lock_minutes)
        self.minutes.setAccessibleName(_("Lock after this many minutes"))
        self.minutes.setAccessibleDescription(_("0 means never."))
        self.error = FieldError()
        self.save = primary_button(_("Save"))
        self.save.setDefault(True)
        self.save.clicked.connect(self.submit)
        self.cancel = secondary_button(_("Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title(_("Lock automatically")))
        layout.addWidget(hint(_("When nobody has used Family File for a while, it locks itself, "
                                "so nobody else can read the record.")))
        layout.addSpacing(8)
        layout.addWidget(field_label(_("Lock after this many minutes"), self.minutes))
        layout.addWidget(hint(_("Choose 0 to never lock by itself.")))
        layout.addWidget(self.error)
        layout.addWidget(self.minutes)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.resize(480, 320)

    def submit(self) -> None:
        value = self.minutes.value()
        settings = locations.load_settings()
        settings.auto_lock_minutes = value
        try:
            locations.save_settings(settings)
        except (OSError, FamilyFileError) as exc:
            self.error.show_message(user_message(exc))
            return
        self.saved.emit(value)
        self.accept()

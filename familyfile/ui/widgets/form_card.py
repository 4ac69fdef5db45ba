"""A form on a page, in a card: a heading, the "There is a problem" summary, the fields, then
Save and Cancel. The page does the saving: ``save_requested`` asks it to, and it shows what
is wrong with ``fields`` — nothing typed is lost."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.ui.widgets.fields import FieldSet
from familyfile.ui.widgets.form import ErrorSummary, primary_button, scaled_font, secondary_button


class FormCard(QFrame):
    """Subclasses add their fields to ``body`` with ``fields.add``, then ``add_buttons``.

    Its height follows its wrapped text: at large text sizes a scroll area can otherwise
    leave a long form a little short, and its boxes overlap."""

    save_requested = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 12, 16, 14)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setFont(scaled_font(self.heading, 1.2, bold=True))
        self.body.addWidget(self.heading)
        self.summary = ErrorSummary()
        self.body.addWidget(self.summary)
        self.fields = FieldSet(self.summary, enter=self.save_requested.emit)

    def add_buttons(self, save_text: str, cancel_text: str) -> None:
        """Save (the default action) then Cancel, side by side under the fields."""
        buttons = QHBoxLayout()
        self.save = primary_button(save_text, qta.icon("mdi6.content-save", color="white"))
        self.save.clicked.connect(self.save_requested.emit)
        self.cancel = secondary_button(cancel_text)
        self.cancel.clicked.connect(self.cancelled.emit)
        buttons.addWidget(self.save)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        self.body.addLayout(buttons)

    def fit_height(self) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        need = layout.totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.LayoutRequest:
            self.fit_height()
        return handled

"""The QR codes on this screen, one at a time, as big as the screen allows, on white, for a
professional to scan with their phone or verifier: "Card 2 of 5", Previous / Next (or the
arrow keys, Page Up / Page Down, Home / End), Esc closes. The family's key fingerprint is
shown in small text so it can be read out; the key card may be the last "card".
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from familyfile.export import shc
from familyfile.i18n import _
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.widgets.form import STYLE, primary_button, scaled_font, secondary_button

VIEWER_STYLE = STYLE + """
QDialog#qrViewer { background: white; }
QLabel { color: #0b0c0c; background: white; }
"""


@dataclass(frozen=True)
class Card:
    """One QR code to show: its content (a JWS) and the words above it."""

    jws: str
    title: str


def qr_pixmap(jws: str) -> QPixmap:
    """The card's QR code (quiet zone included) as a crisp pixmap, one pixel a module, at level M:
    every card fits it, a family's or a practitioner's."""
    image = shc.render_qr(jws, box_size=1)
    data = io.BytesIO()
    image.save(data, format="PNG")
    pixmap = QPixmap()
    pixmap.loadFromData(data.getvalue(), "PNG")
    return pixmap


class QrViewer(QDialog):
    """Shows ``cards`` one by one; call ``show_full()`` to fill the screen."""

    def __init__(self, cards: Sequence[Card], fingerprint: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not cards:
            raise ValueError("nothing to show")
        self.setObjectName("qrViewer")
        self.setWindowTitle(_("QR codes to scan"))
        self.setStyleSheet(VIEWER_STYLE)
        self.setAccessibleName(_("QR codes to scan"))
        self.cards = list(cards)
        self.pixmaps = [qr_pixmap(c.jws) for c in self.cards]
        self.index = 0
        self.position = QLabel()
        self.position.setFont(scaled_font(self.position, 1.6, bold=True))
        self.position.setAlignment(Qt.AlignCenter)
        self.card_title = QLabel()
        self.card_title.setFont(scaled_font(self.card_title, 1.2))
        self.card_title.setAlignment(Qt.AlignCenter)
        self.card_title.setWordWrap(True)
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignCenter)
        self.code.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.code.setMinimumSize(120, 120)
        self.fingerprint = QLabel(_("Family key fingerprint: {digits}").format(digits=fingerprint))
        self.fingerprint.setAlignment(Qt.AlignCenter)
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.previous_button = secondary_button(_("Previous card"), qta.icon("mdi6.arrow-left"))
        self.next_button = primary_button(_("Next card"), qta.icon("mdi6.arrow-right", color="white"))
        self.close_button = secondary_button(_("Close (Esc)"), qta.icon("mdi6.close"))
        scale_icons(self.previous_button, self.next_button, self.close_button)
        self.previous_button.clicked.connect(self.previous)
        self.next_button.clicked.connect(self.next)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.previous_button, self.next_button, self.close_button):
            buttons.addWidget(button)
            buttons.addSpacing(12)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.position)
        layout.addWidget(self.card_title)
        layout.addWidget(self.code, 1)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        self.setTabOrder(self.next_button, self.previous_button)
        self.setTabOrder(self.previous_button, self.close_button)
        self._show_card()

    # -- moving ------------------------------------------------------------------------------
    def count(self) -> int:
        return len(self.cards)

    def go_to(self, index: int) -> None:
        self.index = max(0, min(index, self.count() - 1))
        self._show_card()

    def next(self) -> None:
        self.go_to(self.index + 1)

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def show_full(self) -> None:
        self.showFullScreen()
        self.next_button.setFocus(Qt.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        key = event.key()
        if key in (Qt.Key_Right, Qt.Key_Down, Qt.Key_PageDown, Qt.Key_Space):
            self.next()
        elif key in (Qt.Key_Left, Qt.Key_Up, Qt.Key_PageUp, Qt.Key_Backspace):
            self.previous()
        elif key == Qt.Key_Home:
            self.go_to(0)
        elif key == Qt.Key_End:
            self.go_to(self.count() - 1)
        else:
            super().keyPressEvent(event)  # Esc closes

    # -- drawing -----------------------------------------------------------------------------
    def _show_card(self) -> None:
        text = _("Card {n} of {total}").format(n=self.index + 1, total=self.count())
        self.position.setText(text)
        self.card_title.setText(self.cards[self.index].title)
        self.code.setAccessibleName(_("QR code: {card}, {what}").format(
            card=text, what=self.cards[self.index].title))
        self.previous_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < self.count() - 1)
        if not self.next_button.isEnabled() and self.next_button.hasFocus():
            self.previous_button.setFocus(Qt.OtherFocusReason)
        if not self.previous_button.isEnabled() and self.previous_button.hasFocus():
            self.next_button.setFocus(Qt.OtherFocusReason)
        self._draw()

    def _draw(self) -> None:
        pixmap = self.pixmaps[self.index]
        side = min(self.code.width(), self.code.height())
        modules = pixmap.width()
        scale = max(1, side // max(modules, 1))  # whole pixels per module: sharp edges
        self.code.setPixmap(pixmap.scaled(modules * scale, modules * scale, Qt.KeepAspectRatio,
                                          Qt.FastTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self._draw()

    def shown_scale(self) -> int:
        """Screen pixels per QR module as drawn now (for tests)."""
        drawn = self.code.pixmap()
        return drawn.width() // max(self.pixmaps[self.index].width(), 1)

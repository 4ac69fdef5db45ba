"""A card the practitioner just signed (an entry or a receipt): shown full screen as a QR code
for the family to scan — with the practitioner's key card after it, so a family that has not
met them can compare the fingerprint — and "Save as file…" (PNG or JSON) for USB or e-mail.
The card does not name the practitioner; their key card does ("name, role, organisation (ODS)").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile import errors
from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import practitioner as practice
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.qr_fullscreen import Card, QrViewer, qr_pixmap
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    hint,
    para,
    primary_button,
    secondary_button,
    title,
)
from familyfile.ui.widgets.verification_card import fingerprint_label

CARD_FILTER = "QR image (*.png);;Card file (*.json)"


def choose_path(parent: QWidget | None, suggested: str) -> Path | None:
    """Where to save the card (a PNG or a JSON file); None when the person cancels."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(parent, _("Save the card"), suggested, _(CARD_FILTER))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() not in (".png", ".json"):
        path = path.with_suffix(".json" if "json" in chosen_filter else ".png")
    return path


class CardViewer(QrViewer):
    """The full-screen viewer for a practitioner's cards, with their fingerprint's words."""

    def __init__(self, cards: Sequence[Card], fingerprint: str, parent: QWidget | None = None) -> None:
        super().__init__(cards, fingerprint, parent)
        self.fingerprint.setText(_("Practitioner's key fingerprint: {digits}").format(digits=fingerprint))


def show_full_screen(parent: QWidget | None, cards: Sequence[Card], fingerprint: str) -> CardViewer:
    viewer = CardViewer(cards, fingerprint, parent)
    viewer.setAttribute(Qt.WA_DeleteOnClose)
    viewer.show_full()
    return viewer


class IssuedCardDialog(QDialog):
    """``jws``: the signed card; ``what``: its words ("Weight and length, 20 Feb 2026")."""

    def __init__(self, jws: str, practitioner: practice.Practitioner, heading: str, what: str,
                 parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(parent)
        self.jws = jws
        self.practitioner = practitioner
        self.key_card = practice.key_card(practitioner, clock)
        self.saved_to: Path | None = None
        self.viewer: CardViewer | None = None
        self.setWindowTitle(heading)
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title(heading))
        layout.addWidget(para(what))
        layout.addWidget(hint(_("Show it full screen for the family to scan with Family File (first the "
                                "card, then your key card), or save it as a file to give them on a USB "
                                "stick or by e-mail. Ask them to compare your fingerprint:")))
        layout.addWidget(fingerprint_label(practitioner.fingerprint))
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignCenter)
        self.preview.setAccessibleName(_("QR code of the card"))
        pixmap = qr_pixmap(jws)
        side = max(320, self.fontMetrics().height() * 22)
        scale = max(1, side // max(pixmap.width(), 1))
        self.preview.setPixmap(pixmap.scaled(pixmap.width() * scale, pixmap.height() * scale,
                                             Qt.KeepAspectRatio, Qt.FastTransformation))
        layout.addWidget(self.preview, 1)
        self.message = FieldError()
        layout.addWidget(self.message)
        self.done_note = hint("")
        self.done_note.hide()
        layout.addWidget(self.done_note)
        self.full_button = primary_button(_("Show full screen"), qta.icon("mdi6.qrcode-scan", color="white"))
        self.save_button = secondary_button(_("Save as file…"), qta.icon("mdi6.content-save-outline"))
        self.close_button = secondary_button(_("Done"))
        scale_icons(self.full_button, self.save_button, self.close_button)
        row = QHBoxLayout()
        row.addWidget(self.full_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.full_button.clicked.connect(self.show_full)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.accept)
        self.full_button.setDefault(True)
        self.resize(640, 760)

    def cards(self) -> list[Card]:
        return [Card(self.jws, self.windowTitle()),
                Card(self.key_card, _("My key card: {who}").format(
                    who=self.practitioner.identity.key_card_name))]

    def show_full(self) -> None:
        self.viewer = show_full_screen(self, self.cards(), self.practitioner.fingerprint)

    def save(self) -> None:
        out = choose_path(self, str(Path.home() / "entry-card.png"))
        if out is None:
            return
        self.message.clear_message()
        try:
            practice.write_card(out, self.jws, self.key_card, practice.format_for(out))
        except (OSError, ValueError, errors.FamilyFileError) as exc:
            self.message.show_message(user_message(exc))
            return
        self.saved_to = out
        self.done_note.setText(_("Saved as {name}. Give this file to the family.").format(name=out.name))
        self.done_note.setAccessibleName(self.done_note.text())
        self.done_note.show()

"""*Hand over → Our key's fingerprint…*: the family's fingerprint, for a professional to compare.

The first time a professional checks the family's cards, their checker says "not checked yet"
and asks them to compare fingerprints: the family opens this, reads the 60 digits out (or lets
them look), and can show the key card full-screen for the checker to scan.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from familyfile.export import shc
from familyfile.i18n import _
from familyfile.services import signing
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.qr_fullscreen import Card, QrViewer
from familyfile.ui.widgets.form import STYLE, hint, para, primary_button, secondary_button, title
from familyfile.ui.widgets.verification_card import fingerprint_label


class FamilyKeyDialog(QDialog):
    """The family's fingerprint in groups, and its key card as a QR code on request."""

    def __init__(self, session: FamilySession, display_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.display_name = display_name
        self.viewer: QrViewer | None = None
        key = signing.current_key(session)
        self.fingerprint_digits = key.fingerprint
        self.setWindowTitle(_("Our key's fingerprint"))
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(title(_("Our key's fingerprint")))
        layout.addWidget(para(_(
            "Everything you hand over is signed with your family's key. The first time a "
            "professional checks your cards, they compare these 60 digits with the ones their "
            "checker shows. Read them out, or let them look.")))
        self.fingerprint = fingerprint_label(self.fingerprint_digits, 1.5)
        layout.addWidget(self.fingerprint)
        layout.addWidget(hint(_("If the digits do not match, do not let them trust the card: "
                                "it was not made by you.")))
        row = QHBoxLayout()
        self.show_card = primary_button(_("Show it as a QR code to scan"),
                                        qta.icon("mdi6.qrcode", color="white"))
        self.show_card.clicked.connect(self.show_key_card)
        close = secondary_button(_("Close"))
        close.clicked.connect(self.accept)
        row.addWidget(self.show_card)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        scale_icons(self.show_card, close)

    def show_key_card(self) -> QrViewer:
        key = signing.current_key(self.session)
        jws = shc.encode_key_card(key, signing.issuer(self.session), self.display_name,
                                  self.session.clock.now())
        self.viewer = QrViewer([Card(jws, _("Our key card"))], key.fingerprint, self)
        self.viewer.show_full()
        return self.viewer


def open_family_key(parent: QWidget | None, session: FamilySession, display_name: str) -> FamilyKeyDialog:
    dialog = FamilyKeyDialog(session, display_name, parent)
    dialog.show()
    return dialog

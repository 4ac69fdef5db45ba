"""The "Check what would be shared" panel of the consent page: choose a service and a
reason, and see exactly what would leave and what is held back (the share preview)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from familyfile.i18n import _
from familyfile.services.consent import ConsentMatrix
from familyfile.services.session import FamilySession
from familyfile.ui.widgets.form import hint, secondary_button
from familyfile.ui.widgets.recipient_picker import (
    RecipientPicker,
    purpose_choices,
    recipient_choices,
)
from familyfile.ui.widgets.share_preview import SharePreview

__all__ = ["CheckPanel", "purpose_choices"]


class CheckPanel(QWidget):
    """Nothing is shared from here: it only shows what a share would hold."""

    def __init__(self, session: FamilySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.child_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(_("Nothing is sent from here. Pick a service and a reason to see "
                                "what would leave your computer if you shared today.")))
        self.picker = RecipientPicker()
        layout.addWidget(self.picker)
        # The picker's fields, by the names this panel has always had.
        self.recipient = self.picker.recipient
        self.purpose = self.picker.purpose
        self.other = self.picker.other
        self.other_label = self.picker.other_label
        self.other_error = self.picker.other_error
        self.check_button = secondary_button(_("Check what would be shared"))
        layout.addWidget(self.check_button, 0, Qt.AlignLeft)
        self.preview = SharePreview(session)
        self.preview.hide()
        layout.addWidget(self.preview)
        self.check_button.clicked.connect(self.check)
        self.picker.submitted.connect(self.check)

    def set_recipients(self, child_id: str, matrix: ConsentMatrix,
                       kinds: dict[str, str] | None = None) -> None:
        """Every service and person in the matrix (a team itself is never sent anything);
        ``kinds``: recipient id → the kind of service, shown first."""
        self.child_id = child_id
        self.picker.set_recipients(recipient_choices(matrix, kinds))
        self.check_button.setEnabled(self.recipient.count() > 0)
        if not self.preview.isHidden():
            self.preview.refresh()  # the same service, reason and choices: consent may have changed

    def choose(self, recipient_id: str, purpose: str = "care", text: str = "") -> None:
        self.picker.choose(recipient_id, purpose, text)

    def check(self) -> None:
        who = self.picker.chosen_recipient()
        if self.child_id is None or who is None:
            return
        purpose = self.picker.chosen_purpose()
        if purpose is None:
            return
        self.preview.show_for(self.child_id, who, purpose)
        self.preview.show()

"""The verifier window's "Your practitioner identity" area, and what a practitioner signs from it.

Set up or open their identity file; once open: "Signed in as <name, role, organisation>", the
fingerprint, and "Show my key card". For a family's handover the window verified, "Record
something for this child…" and "Send a receipt" read it again with
``services.practitioner.read_handover`` (off the UI thread: a PDF takes seconds), then sign
with ``issue_entry`` / ``issue_ack`` and show the card (``dialogs.issued_card``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.export import readable
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import practitioner as practice
from familyfile.services import verifier
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.dialogs.issued_card import IssuedCardDialog, show_full_screen
from familyfile.ui.dialogs.practitioner_entry import RecordEntryDialog, what_text
from familyfile.ui.dialogs.practitioner_identity import OpenIdentityDialog, SetUpIdentityDialog
from familyfile.ui.dialogs.qr_fullscreen import Card
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import FieldError, hint, para, scaled_font, secondary_button
from familyfile.ui.widgets.verification_card import fingerprint_label


class PractitionerBar(QFrame):
    """``changed`` fires when an identity is opened or closed (the window redraws its panels)."""

    changed = Signal()

    def __init__(self, tasks: TaskRunner, clock: Clock = SYSTEM_CLOCK, *,
                 kdf: practice.KdfParams = practice.PRODUCTION_KDF, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.clock = clock
        self.kdf = kdf
        self.practitioner: practice.Practitioner | None = None
        self.dialog: QDialog | None = None
        self.issued: IssuedCardDialog | None = None
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        heading = QLabel(_("Your practitioner identity"))
        heading.setFont(scaled_font(heading, 1.15, bold=True))
        layout.addWidget(heading)
        self.state = para("")
        layout.addWidget(self.state)
        self.fingerprint = fingerprint_label("")
        layout.addWidget(self.fingerprint)
        self.message = FieldError()
        layout.addWidget(self.message)
        self.set_up_button = secondary_button(_("Set up my identity…"), qta.icon("mdi6.account-plus-outline"))
        self.open_button = secondary_button(_("Open my identity…"), qta.icon("mdi6.account-key-outline"))
        self.key_card_button = secondary_button(_("Show my key card"), qta.icon("mdi6.qrcode"))
        self.close_button = secondary_button(_("Close my identity"), qta.icon("mdi6.logout"))
        scale_icons(self.set_up_button, self.open_button, self.key_card_button, self.close_button)
        row = QHBoxLayout()
        for button in (self.open_button, self.set_up_button, self.key_card_button, self.close_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.why = hint(_("With your identity open, you can confirm a measurement, a vaccination, a "
                          "review or a note for a child whose family card you checked, and send the "
                          "family a receipt."))
        layout.addWidget(self.why)
        self.set_up_button.clicked.connect(self.set_up)
        self.open_button.clicked.connect(self.open_identity)
        self.key_card_button.clicked.connect(self.show_key_card)
        self.close_button.clicked.connect(self.close_identity)
        self._show_state()

    # -- the identity --------------------------------------------------------------------------
    def _show_state(self) -> None:
        me = self.practitioner
        if me is None:
            text = _("Not signed in. Open your identity file, or set one up the first time.")
        else:
            text = _("Signed in as {who} — fingerprint:").format(who=me.identity.display)
        self.state.setText(text)
        self.state.setAccessibleName(text)
        self.fingerprint.setVisible(me is not None)
        if me is not None:
            self.fingerprint.setText(fingerprint_label(me.fingerprint).text())
            self.fingerprint.setAccessibleName(_("Fingerprint: {digits}").format(digits=me.fingerprint))
        for button in (self.set_up_button, self.open_button):
            button.setVisible(me is None)
        for button in (self.key_card_button, self.close_button):
            button.setVisible(me is not None)
        self.why.setVisible(me is None)

    def _signed_in(self, found: object) -> None:
        assert isinstance(found, practice.Practitioner)
        self.practitioner = found
        self.message.clear_message()
        self._show_state()
        self.changed.emit()

    def set_up(self) -> None:
        self.dialog = open_dialog(SetUpIdentityDialog(self.tasks, self.window(), kdf=self.kdf),
                                  self._signed_in)

    def open_identity(self) -> None:
        self.dialog = open_dialog(OpenIdentityDialog(self.tasks, self.window()), self._signed_in)

    def close_identity(self) -> None:
        self.practitioner = None
        self._show_state()
        self.changed.emit()

    def show_key_card(self) -> None:
        me = self.practitioner
        if me is None:
            return
        card = Card(practice.key_card(me, self.clock),
                    _("My key card: {who}").format(who=me.identity.display))
        self.dialog = show_full_screen(self.window(), [card], me.fingerprint)

    # -- signing for a family ------------------------------------------------------------------
    def _with_handover(self, path: Path, trust_dir: Path | None, accept_unknown: bool,
                       then: Callable[[practice.VerifiedHandover], None]) -> None:
        if self.tasks.busy or self.practitioner is None:
            return
        self.message.clear_message()
        clock = self.clock

        def work() -> practice.VerifiedHandover:
            return practice.read_handover(path, verifier.load_trust(trust_dir), accept_unknown=accept_unknown,
                                          clock=clock)

        self.tasks.run(_("Checking the family's cards…"), work, then, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.message.show_message(exc.sentence if isinstance(exc, practice.Refused) else user_message(exc))

    def record(self, path: Path, trust_dir: Path | None, *, accept_unknown: bool = False) -> None:
        """"Record something for this child…" for the handover in ``path``."""
        self._with_handover(path, trust_dir, accept_unknown, self._record_for)

    def _record_for(self, handover: practice.VerifiedHandover) -> None:
        me = self.practitioner
        if me is None:
            return
        dialog = RecordEntryDialog(me, handover, self.window(), clock=self.clock)

        def signed(result: object) -> None:
            jws, draft = result  # type: ignore[misc]
            self._show_card(jws, _("Entry card for the family"), what_text(draft))

        self.dialog = open_dialog(dialog, signed)

    def receipt(self, path: Path, trust_dir: Path | None, *, accept_unknown: bool = False) -> None:
        """"Send a receipt": an acknowledgement card for the handover in ``path``."""
        self._with_handover(path, trust_dir, accept_unknown, self._receipt_for)

    def _receipt_for(self, handover: practice.VerifiedHandover) -> None:
        me = self.practitioner
        if me is None:
            return
        jws = practice.issue_ack(me, handover, clock=self.clock)
        day = readable.date_text(self.clock.now().date().isoformat())
        self._show_card(jws, _("Receipt for the family"),
                        _("Received by {who} on {day}.").format(who=me.identity.display, day=day))

    def _show_card(self, jws: str, heading: str, what: str) -> None:
        assert self.practitioner is not None
        dialog = IssuedCardDialog(jws, self.practitioner, heading, what, self.window(), clock=self.clock)
        dialog.setModal(False)
        self.issued = dialog
        dialog.show()
        dialog.show_full()

"""A new recovery sheet for someone who knows the passphrase but lost the sheet.

Step 1: the passphrase (checked, and the file re-encrypted off the UI thread).
Step 2: the new key in its groups, saved or printed, and one group typed back.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from familyfile.errors import WrongPassphraseError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs import start_task
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    field_label,
    hint,
    primary_button,
    scrolling_column,
    secondary_button,
    title,
)
from familyfile.ui.widgets.recovery_sheet_panel import RecoverySheetPanel
from familyfile.ui.widgets.secret_edit import SecretEdit

CONFIRM_GROUP = 5


class NewRecoveryKeyDialog(QDialog):
    def __init__(self, session: FamilySession, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.key_text = ""
        self.setWindowTitle(_("New recovery sheet"))
        self.setStyleSheet(STYLE)
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._ask_page())
        self.sheet_page = QWidget()
        self.stack.addWidget(self.sheet_page)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(min(1300, max(680, em * 46)), min(720, max(600, em * 46)))

    def _ask_page(self) -> QWidget:
        page = QWidget()
        column = scrolling_column(page, 600)
        column.addWidget(title(_("Make a new recovery sheet")))
        column.addWidget(hint(_(
            "Do this if your recovery sheet is lost or someone else may have seen it. You get a "
            "new sheet to print, and the old sheet stops working. Your passphrase stays the same.")))
        self.passphrase = SecretEdit(_("Your passphrase"))
        self.error = FieldError()
        column.addWidget(field_label(_("Your passphrase"), self.passphrase.edit))
        column.addWidget(self.error)
        column.addWidget(self.passphrase)
        self.passphrase.returnPressed.connect(self.submit)
        self.make = primary_button(_("Make a new recovery sheet"),
                                   qta.icon("mdi6.file-key-outline", color="white"))
        self.make.setDefault(True)
        self.make.clicked.connect(self.submit)
        cancel = secondary_button(_("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        column.addLayout(buttons)
        column.addStretch(1)
        return page

    def submit(self) -> None:
        if self.tasks.busy:
            return
        passphrase = self.passphrase.text()
        if not passphrase:
            self.error.show_message(_("Enter your passphrase."))
            return
        self.error.clear_message()
        self.make.setEnabled(False)
        start_task(self.tasks, self, _("Making a new recovery key…"),
                   lambda: self.session.replace_recovery_key(passphrase), self._made, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.make.setEnabled(True)
        self.error.show_message(user_message(exc))
        if isinstance(exc, WrongPassphraseError):
            self.passphrase.edit.selectAll()
            self.passphrase.edit.setFocus(Qt.OtherFocusReason)

    def _made(self, key_text: object) -> None:
        self.key_text = str(key_text)
        column = scrolling_column(self.sheet_page, 700)
        column.addWidget(title(_("Your new recovery sheet")))
        column.addWidget(hint(_("Save it and print it, or write the groups down. Keep it with your "
                                "passports. Tear up the old sheet: it no longer works.")))
        self.panel = RecoverySheetPanel(self.key_text, self.session.clock.now().astimezone())
        column.addWidget(self.panel)
        self.confirm = QLineEdit()
        self.confirm.setAccessibleName(_("Group {n} of the new key").format(n=CONFIRM_GROUP))
        self.confirm_error = FieldError()
        column.addWidget(field_label(_("Type group {n} from your new sheet").format(n=CONFIRM_GROUP),
                                     self.confirm))
        column.addWidget(self.confirm_error)
        column.addWidget(self.confirm)
        self.done_button = primary_button(_("I have kept my new sheet"))
        self.done_button.clicked.connect(self.finish)
        self.confirm.returnPressed.connect(self.finish)
        column.addWidget(self.done_button)
        column.addStretch(1)
        self.stack.setCurrentWidget(self.sheet_page)
        self.confirm.setFocus(Qt.OtherFocusReason)

    def finish(self) -> None:
        wanted = self.key_text.split("-")[CONFIRM_GROUP - 1]
        typed = "".join(ch for ch in self.confirm.text().upper() if ch.isalnum())
        typed = typed.replace("O", "0").replace("I", "1").replace("L", "1")
        if typed != wanted:
            self.confirm_error.show_message(_(
                "That does not match your new recovery key. Look at the sheet and type group "
                "{n}.").format(n=CONFIRM_GROUP))
            return
        self.accept()

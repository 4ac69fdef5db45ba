"""Change passphrase: the current one, then the new one twice (with how strong it is)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from familyfile.errors import WrongPassphraseError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs import inform, scale_icons, start_task
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    FieldError,
    field_label,
    hint,
    primary_button,
    scrolling_column,
    secondary_button,
    title,
)
from familyfile.ui.widgets.passphrase_field import PassphraseField
from familyfile.ui.widgets.secret_edit import SecretEdit


class ChangePassphraseDialog(QDialog):
    def __init__(self, session: FamilySession, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.setWindowTitle(_("Change passphrase"))
        self.setStyleSheet(STYLE)
        holder = QVBoxLayout(self)
        holder.setContentsMargins(0, 0, 0, 0)
        page = QWidget()
        holder.addWidget(page)
        column = scrolling_column(page, 560)
        column.addWidget(title(_("Change passphrase")))
        column.addWidget(hint(_("Your passphrase locks the family file. Your recovery sheet "
                                "keeps working after you change it.")))
        self.summary = ErrorSummary()
        self.summary.link_activated.connect(self._focus_field)
        column.addWidget(self.summary)
        self.current = SecretEdit(_("Current passphrase"))
        self.current_error = FieldError()
        column.addWidget(field_label(_("Current passphrase"), self.current.edit))
        column.addWidget(hint(_("The one you use now to unlock Family File.")))
        column.addWidget(self.current_error)
        column.addWidget(self.current)
        column.addSpacing(8)
        self.new = PassphraseField(label=_("New passphrase"))
        column.addWidget(self.new)
        self.change = primary_button(_("Change passphrase"), qta.icon("mdi6.key-variant", color="white"))
        self.change.setDefault(True)
        self.change.clicked.connect(self.submit)
        self.cancel = secondary_button(_("Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        column.addSpacing(8)
        column.addLayout(buttons)
        column.addStretch(1)
        for edit in (self.current, self.new.first, self.new.second):
            edit.returnPressed.connect(self.submit)
        self.setTabOrder(self.current.toggle, self.new.first.edit)
        self.setTabOrder(self.new.second.toggle, self.change)
        self.setTabOrder(self.change, self.cancel)
        scale_icons(self.change)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(min(1300, max(640, em * 44)), min(700, max(680, em * 50)))

    def _focus_field(self, key: str) -> None:
        target = self.current.edit if key == "current" else self.new.widget_for(key)
        if target is not None:
            target.setFocus(Qt.OtherFocusReason)

    def submit(self) -> None:
        if self.tasks.busy:
            return
        current, new = self.current.text(), self.new.passphrase()
        problems = self.new.problems()
        items: list[tuple[str, str]] = []
        self.current_error.clear_message()
        if not current:
            text = _("Enter your current passphrase.")
            self.current_error.show_message(text)
            items.append(("current", text))
        self.new.show_errors(problems)
        items += [(p.field or "", user_message(p)) for p in problems]
        if items:
            self.summary.show_errors(items)
            return
        self.summary.clear_errors()
        self.change.setEnabled(False)
        start_task(self.tasks, self, _("Changing your passphrase…"),
                   lambda: self.session.change_passphrase(current, new), self._changed,
                   self._failed)

    def _changed(self, _result: object) -> None:
        self.change.setEnabled(True)
        owner = self.parentWidget()
        self.accept()
        inform(owner, _("Passphrase changed"),
               _("Your passphrase is changed. Use the new one next time you unlock Family File. "
                 "Your recovery sheet still works."))

    def _failed(self, exc: BaseException) -> None:
        """Keep everything typed; say what to do next to the right field."""
        self.change.setEnabled(True)
        text = user_message(exc)
        if isinstance(exc, WrongPassphraseError):
            self.current_error.show_message(text)
            self.summary.show_errors([("current", text)])
        else:
            self.summary.show_errors([("", text)])

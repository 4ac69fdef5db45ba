""""Use your recovery sheet": the recovery key and a new passphrase, then the NEW sheet."""

from __future__ import annotations

import secrets
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from familyfile import errors
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import passphrase as passphrase_rules
from familyfile.services import session as sessions
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    FieldError,
    chars_wide,
    field_label,
    hint,
    link_button,
    primary_button,
    scrolling_column,
    title,
)
from familyfile.ui.widgets.passphrase_field import PassphraseField
from familyfile.ui.widgets.recovery_sheet_panel import RecoverySheetPanel

_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def _mono(widget: QWidget, factor: float = 1.2) -> None:
    font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
    font.setPointSizeF(widget.font().pointSizeF() * factor)
    widget.setFont(font)


def same_group(typed: str, wanted: str) -> bool:
    cleaned = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_LOOK_ALIKES)
    return cleaned == wanted


class RecoveryScreen(QWidget):
    """``recovered(session)`` once the new sheet is kept; ``back_requested(path)``;
    ``damaged(path)`` when the key is right but the file cannot be read."""

    recovered = Signal(object)
    back_requested = Signal(Path)
    damaged = Signal(Path)

    def __init__(self, path: Path, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.tasks = tasks or TaskRunner(self)
        self.session: sessions.FamilySession | None = None
        self.new_key = ""
        self.group = 0
        self.setWindowTitle(_("Use your recovery sheet – Family File"))
        self.setStyleSheet(STYLE)
        column = scrolling_column(self, max_width=640)
        self.summary = ErrorSummary()
        self.summary.link_activated.connect(self._focus_field)
        column.addWidget(self.summary)
        self.stack = QStackedWidget()
        column.addWidget(self.stack)
        column.addStretch(1)
        self.stack.addWidget(self._build_form())
        self.stack.addWidget(QWidget())  # the new sheet, built after recovery
        self.key_edit.setFocus(Qt.OtherFocusReason)

    # -- step 1: the key and a new passphrase -------------------------------------------------
    def _build_form(self) -> QWidget:
        page = QWidget()
        body = QVBoxLayout(page)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        body.addWidget(title(_("Use your recovery sheet")))
        body.addWidget(hint(_("Type the recovery key from your sheet and choose a new "
                              "passphrase. Your old passphrase will stop working.")))
        body.addWidget(hint(_("File: {name}").format(name=self.path.name)))
        body.addSpacing(8)
        self.key_edit = QLineEdit()
        self.key_edit.setAccessibleName(_("Recovery key"))
        self.key_edit.setPlaceholderText("XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        _mono(self.key_edit)
        self.key_error = FieldError()
        body.addWidget(field_label(_("Recovery key"), self.key_edit))
        body.addWidget(hint(_("9 groups of 4 letters and numbers. Spaces, dashes and small "
                              "letters are fine.")))
        body.addWidget(self.key_error)
        body.addWidget(self.key_edit)
        body.addSpacing(10)
        self.passphrase = PassphraseField(label=_("New passphrase"))
        body.addWidget(self.passphrase)
        body.addSpacing(12)
        self.open_button = primary_button(_("Open with recovery key"),
                                          qta.icon("mdi6.key-outline", color="white"))
        self.back = link_button(_("Back to unlock"), qta.icon("mdi6.arrow-left", color="#1d70b8"))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addSpacing(16)
        row.addWidget(self.back)
        row.addStretch(1)
        body.addLayout(row)
        self.open_button.clicked.connect(self.recover)
        self.key_edit.returnPressed.connect(self.recover)
        self.passphrase.second.returnPressed.connect(self.recover)
        self.back.clicked.connect(lambda: self.back_requested.emit(self.path))
        return page

    def _focus_field(self, key: str) -> None:
        target = self.key_edit if key == "recovery_key" else self.passphrase.widget_for(key)
        if self.stack.currentIndex() == 1:
            target = self.confirm_edit
        if target is not None:
            target.setFocus(Qt.OtherFocusReason)

    def _show_problems(self, problems: list[ValidationError | errors.FamilyFileError]) -> None:
        self.key_error.clear_message()
        self.passphrase.show_errors([p for p in problems if isinstance(p, ValidationError)])
        items = []
        for problem in problems:
            text = user_message(problem)
            key = problem.field or ""
            if key == "recovery_key" or isinstance(problem, errors.WrongRecoveryKeyError):
                key = "recovery_key"
                self.key_error.show_message(text)
            items.append((key, text))
        self.summary.show_errors(items)

    def recover(self) -> None:
        if self.tasks.busy:
            return
        key_text = self.key_edit.text()
        new = self.passphrase.passphrase()
        problems: list[ValidationError | errors.FamilyFileError] = []
        try:
            sessions.parse_recovery_key(key_text)
        except ValidationError as exc:
            problems.append(exc)
        problems += passphrase_rules.check_new(new, self.passphrase.confirmation())
        if problems:
            self._show_problems(problems)
            return
        self.summary.clear_errors()
        self.key_error.clear_message()
        self.passphrase.clear_errors()
        self.open_button.setEnabled(False)
        path = self.path
        self.tasks.run(_("Opening with your recovery key…"),
                       lambda: sessions.recover(path, key_text, new),
                       self._recovered, self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.open_button.setEnabled(True)
        if isinstance(exc, errors.DamagedFileError):
            self.damaged.emit(self.path)
        elif isinstance(exc, errors.FamilyFileError):
            self._show_problems([exc])
        else:
            self.summary.show_errors([("", user_message(exc))])

    # -- step 2: the new sheet ------------------------------------------------------------------
    def _recovered(self, result: tuple[sessions.FamilySession, str]) -> None:
        self.session, self.new_key = result
        self.key_edit.clear()
        self.passphrase.clear()
        self.group = secrets.randbelow(8) + 1
        page = QWidget()
        body = QVBoxLayout(page)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(8)
        body.addWidget(title(_("Keep your new recovery sheet")))
        body.addWidget(hint(_("Your family file is open. Your old recovery sheet no longer "
                              "works: save or print this new one, then throw the old one away.")))
        self.sheet = RecoverySheetPanel(self.new_key, self.session.clock.now())
        body.addWidget(self.sheet)
        body.addSpacing(8)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setAccessibleName(_("Group {n} from your new sheet").format(n=self.group))
        self.confirm_edit.setMaximumWidth(chars_wide(self.confirm_edit, 20))
        _mono(self.confirm_edit, 1.3)
        self.confirm_error = FieldError()
        body.addWidget(field_label(_("Type group {n} from your new sheet").format(n=self.group),
                                   self.confirm_edit))
        body.addWidget(hint(_("This checks that you kept the new sheet.")))
        body.addWidget(self.confirm_error)
        body.addWidget(self.confirm_edit)
        body.addSpacing(12)
        self.continue_button = primary_button(_("Continue to your family file"),
                                              qta.icon("mdi6.arrow-right", color="white"))
        row = QHBoxLayout()
        row.addWidget(self.continue_button)
        row.addStretch(1)
        body.addLayout(row)
        self.continue_button.clicked.connect(self.confirm)
        self.confirm_edit.returnPressed.connect(self.confirm)
        old = self.stack.widget(1)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.stack.addWidget(page)
        self.stack.setCurrentIndex(1)
        self.stack.widget(0).setEnabled(False)
        self.stack.widget(0).setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Ignored)
        self.sheet.save_button.setFocus(Qt.OtherFocusReason)

    def confirm(self) -> None:
        wanted = self.new_key.split("-")[self.group - 1]
        if not same_group(self.confirm_edit.text(), wanted):
            problem = ValidationError("recovery_confirm", "recovery-confirm-mismatch",
                                      group=self.group)
            self.confirm_error.show_message(user_message(problem))
            self.summary.show_errors([("recovery_confirm", user_message(problem))])
            return
        self.summary.clear_errors()
        session, self.session = self.session, None
        self.recovered.emit(session)

    def close_session(self) -> None:
        """If the screen goes away before the person continues, lock the file again."""
        if self.session is not None:
            self.session.close()
            self.session = None

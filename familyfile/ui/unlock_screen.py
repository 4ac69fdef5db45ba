"""The calm unlock screen: which file, the passphrase, and the ways out when stuck."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QWidget

from familyfile import errors
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    field_label,
    hint,
    link_button,
    note,
    primary_button,
    scaled_font,
    scrolling_column,
    title,
)
from familyfile.ui.widgets.secret_edit import SecretEdit


class UnlockScreen(QWidget):
    """Emits ``unlocked(session)``, ``damaged(path)``, ``recovery_requested(path)``,
    ``open_other_requested(path)`` (a file the person chose) or ``create_requested``."""

    unlocked = Signal(object)
    damaged = Signal(Path)
    recovery_requested = Signal(Path)
    open_other_requested = Signal(Path)
    create_requested = Signal()

    def __init__(self, path: Path, tasks: TaskRunner | None = None, *, message: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.tasks = tasks or TaskRunner(self)
        self.setWindowTitle(_("Unlock – Family File"))
        self.setStyleSheet(STYLE)
        column = scrolling_column(self, max_width=520)
        icon = QLabel()
        icon.setPixmap(qta.icon("mdi6.lock-outline", color="#1d70b8").pixmap(56, 56))
        icon.setAccessibleName(_("Locked"))
        column.addSpacing(24)
        column.addWidget(icon, 0, Qt.AlignHCenter)
        heading = title(_("Unlock your family file"))
        heading.setAlignment(Qt.AlignHCenter)
        column.addWidget(heading)
        self.file_label = QLabel()
        self.file_label.setFont(scaled_font(self.file_label, 1.1, bold=True))
        self.file_label.setAlignment(Qt.AlignHCenter)
        self.file_label.setWordWrap(True)
        column.addWidget(self.file_label)
        self.note = note(message) if message else None
        if self.note is not None:
            column.addWidget(self.note)
        column.addSpacing(12)
        self.secret = SecretEdit(_("Passphrase"))
        column.addWidget(field_label(_("Passphrase"), self.secret.edit))
        self.error = FieldError()
        column.addWidget(self.error)
        column.addWidget(self.secret)
        self.unlock_button = primary_button(_("Unlock"), qta.icon("mdi6.lock-open-variant-outline",
                                                                  color="white"))
        row = QHBoxLayout()
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        column.addSpacing(4)
        column.addLayout(row)
        column.addSpacing(20)
        self.forgot = link_button(_("Forgot your passphrase? Use your recovery sheet"),
                                  qta.icon("mdi6.key-outline", color="#1d70b8"))
        self.other = link_button(_("Open a different family file…"),
                                 qta.icon("mdi6.folder-open-outline", color="#1d70b8"))
        self.create = link_button(_("Create a new family file"),
                                  qta.icon("mdi6.plus-circle-outline", color="#1d70b8"))
        self.check_card = link_button(_("Check a card someone gave me…"),
                                      qta.icon("mdi6.qrcode-scan", color="#1d70b8"))
        for button in (self.forgot, self.other, self.create, self.check_card):
            column.addWidget(button)
        column.addWidget(hint(_("Family File locks itself when you leave it alone for a while.")))
        column.addStretch(1)
        self.secret.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.forgot.clicked.connect(lambda: self.recovery_requested.emit(self.path))
        self.other.clicked.connect(self.choose_other)
        self.create.clicked.connect(self.create_requested.emit)
        self.check_card.clicked.connect(self.open_verifier)
        self.setTabOrder(self.secret.edit, self.secret.toggle)
        self.setTabOrder(self.secret.toggle, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.forgot)
        self.setTabOrder(self.forgot, self.other)
        self.setTabOrder(self.other, self.create)
        self.setTabOrder(self.create, self.check_card)
        self._show_path()
        self.secret.edit.setFocus(Qt.OtherFocusReason)

    def _show_path(self) -> None:
        text = self.path.name
        self.file_label.setText(text)
        self.file_label.setAccessibleName(_("Family file: {name}").format(name=text))
        self.file_label.setToolTip(str(self.path))

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt)
        super().showEvent(event)  # type: ignore[arg-type]
        self.secret.edit.setFocus(Qt.OtherFocusReason)

    # -- unlocking -------------------------------------------------------------------------
    def unlock(self) -> None:
        if self.tasks.busy:
            return
        typed = self.secret.text()
        if not typed:
            self._say(_("Enter your passphrase."))
            return
        path = self.path
        self.unlock_button.setEnabled(False)
        self.tasks.run(_("Unlocking…"), lambda: sessions.unlock(path, typed),
                       self._unlocked, self._failed)

    def _unlocked(self, session: sessions.FamilySession) -> None:
        self.secret.clear()
        self.unlock_button.setEnabled(True)
        self.unlocked.emit(session)

    def _failed(self, exc: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        if isinstance(exc, errors.DamagedFileError):
            self.secret.clear()
            self.damaged.emit(self.path)
        elif isinstance(exc, errors.KeyHeaderMissingError):
            self.secret.clear()
            self.recovery_requested.emit(self.path)
        else:
            self._say(user_message(exc))

    def _say(self, text: str) -> None:
        self.error.show_message(text)
        self.secret.clear()
        self.secret.edit.setFocus(Qt.OtherFocusReason)

    # -- elsewhere ---------------------------------------------------------------------------
    def open_verifier(self) -> QWidget:
        """The card verifier in its own window; it needs no family file and no passphrase."""
        from familyfile.ui.verifier_window import open_verifier

        return open_verifier()

    def choose_other(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Open a family file"), str(self.path.parent),
            _("Family File (*.familyfile);;All files (*)"))
        if chosen:
            self.open_other_requested.emit(Path(chosen))

""""This family file is damaged": the passphrase was right; put the newest backup back."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import (
    STYLE,
    FieldError,
    hint,
    link_button,
    local_date_text,
    local_datetime_text,
    para,
    primary_button,
    scrolling_column,
    secondary_button,
    title,
)


class DamagedScreen(QWidget):
    """``restored(path, note)`` after a backup is back in place; ``back_requested(path)``;
    ``open_other_requested`` to choose another file."""

    restored = Signal(Path, str)
    back_requested = Signal(Path)
    open_other_requested = Signal()

    def __init__(self, path: Path, tasks: TaskRunner | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.tasks = tasks or TaskRunner(self)
        self.setWindowTitle(_("Damaged family file – Family File"))
        self.setStyleSheet(STYLE)
        column = scrolling_column(self, max_width=600)
        icon = QLabel()
        icon.setPixmap(qta.icon("mdi6.file-alert-outline", color="#b35900").pixmap(56, 56))
        icon.setAccessibleName(_("Damaged file"))
        column.addSpacing(12)
        column.addWidget(icon)
        column.addWidget(title(_("This family file is damaged")))
        column.addWidget(hint(_("File: {name}").format(name=self.path.name)))
        column.addWidget(para(_("Your passphrase was right, but part of the file cannot be "
                                "read. This can happen after a power cut or a faulty disk.")))
        column.addWidget(para(_("The damaged file will be kept, not deleted, in case it is "
                                "needed later.")))
        column.addSpacing(8)
        self.backups = sessions.backups_of(self.path)
        self.newest = self.backups[0] if self.backups else None
        self.error = FieldError()
        column.addWidget(self.error)
        self.restore_button = None
        if self.newest is not None:
            made = local_datetime_text(self.newest.made_utc)
            column.addWidget(hint(_("Family File checks every backup when it makes it. Putting "
                                    "the newest one back loses only what changed after it was "
                                    "made.")))
            self.restore_button = primary_button(
                _("Restore the newest checked backup (made {when})").format(when=made),
                qta.icon("mdi6.backup-restore", color="white"))
            self.restore_button.clicked.connect(self.restore_newest)
            column.addLayout(_row(self.restore_button))
        else:
            column.addWidget(para(_("There are no backups of this family file on this "
                                    "computer, so it cannot be put back from here.")))
            column.addWidget(hint(_("If you saved a copy of the whole family file (an export) "
                                    "on a memory stick or another computer, open that copy "
                                    "instead.")))
        column.addSpacing(16)
        self.other = link_button(_("Open a different family file…"),
                                 qta.icon("mdi6.folder-open-outline", color="#1d70b8"))
        self.other.clicked.connect(self.open_other_requested.emit)
        self.back = secondary_button(_("Back to unlock"), qta.icon("mdi6.arrow-left"))
        self.back.clicked.connect(lambda: self.back_requested.emit(self.path))
        column.addWidget(self.other)
        column.addLayout(_row(self.back))
        column.addStretch(1)
        first = self.restore_button or self.other
        first.setFocus(Qt.OtherFocusReason)

    def restore_newest(self) -> None:
        chosen = self.newest
        if chosen is None or self.tasks.busy:
            return
        assert self.restore_button is not None
        self.restore_button.setEnabled(False)
        path = self.path
        self.tasks.run(_("Putting the backup back…"),
                       lambda: sessions.restore_instead_of_damaged(path, chosen),
                       lambda _kept: self._done(), self._failed)

    def _done(self) -> None:
        assert self.newest is not None
        when = local_date_text(self.newest.made_utc)
        self.restored.emit(self.path, _("Restored. Unlock with the passphrase you used on "
                                        "{date}.").format(date=when))

    def _failed(self, exc: BaseException) -> None:
        if self.restore_button is not None:
            self.restore_button.setEnabled(True)
        self.error.show_message(user_message(exc))


def _row(widget: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    return row

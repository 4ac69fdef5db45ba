"""Backups: the list of checked copies, "Make a backup now" and "Restore this backup…"."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from familyfile.i18n import _
from familyfile.services.session import BackupInfo
from familyfile.ui.dialogs import confirm, inform, scale_icons, start_task
from familyfile.ui.models.backups_model import BackupsModel
from familyfile.ui.pages import PageContext
from familyfile.ui.widgets.form import (
    STYLE,
    hint,
    local_datetime_text,
    primary_button,
    secondary_button,
    title,
)

BACKUP_ICON = "mdi6.backup-restore"


def run_backup(parent: QWidget | None, context: PageContext,
               on_done: Callable[[BackupInfo], None] | None = None) -> bool:
    """Make a checked backup off the UI thread; tells everyone through ``backups_changed``."""
    def done(info: BackupInfo) -> None:
        context.backups_changed.emit()
        if on_done is not None:
            on_done(info)

    return start_task(context.tasks, parent, _("Making a backup…"),
                      lambda: context.session.backup_now("manual"), done)


class BackupsDialog(QDialog):
    """``lock_requested`` when a restored backup needs the passphrase it was made with."""

    lock_requested = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_("Backups"))
        self.setStyleSheet(STYLE)
        self.model = BackupsModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Backups, newest first"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        self.empty = hint(_("There are no backups yet. Make one now, so you can go back to today "
                            "if something goes wrong."))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.make = primary_button(_("Make a backup now"), qta.icon(BACKUP_ICON, color="white"))
        self.make.clicked.connect(self.make_backup)
        self.restore = secondary_button(_("Restore this backup…"), qta.icon("mdi6.history"))
        self.restore.clicked.connect(self.ask_restore)
        self.close_button = secondary_button(_("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make)
        buttons.addWidget(self.restore)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title(_("Backups")))
        layout.addWidget(hint(_(
            "Family File makes a checked copy of your family file while you work (at most "
            "every 30 minutes) and when you close it. You can go back to any of these copies.")))
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        context.backups_changed.connect(self.reload)
        scale_icons(self.make, self.restore)
        em = self.fontMetrics().horizontalAdvance("M")
        self.resize(min(1300, max(720, em * 52)), min(700, max(480, em * 34)))
        self.reload()

    def reload(self) -> None:
        self.model.set_backups(self.context.session.backups())
        has_rows = self.model.rowCount() > 0
        self.empty.setVisible(not has_rows)
        self.table.setVisible(has_rows)
        if has_rows:
            self.table.selectRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.backup(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.restore.setEnabled(self.selected() is not None)

    # -- making -----------------------------------------------------------------------------
    def make_backup(self) -> None:
        run_backup(self, self.context, self._made)

    def _made(self, info: BackupInfo) -> None:
        self.status.setText(_("Backup made and checked: {when}.").format(
            when=local_datetime_text(info.made_utc)))
        self.make.setFocus(Qt.OtherFocusReason)

    # -- restoring --------------------------------------------------------------------------
    def ask_restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        when = local_datetime_text(chosen.made_utc)
        confirm(self, _("Restore this backup?"),
                _("Your family file will go back to how it was on {date}. "
                  "What you have now is backed up first.").format(date=when),
                _("Restore this backup"), lambda: self._restore(chosen))

    def _restore(self, chosen: BackupInfo) -> None:
        start_task(self.context.tasks, self, _("Restoring the backup…"),
                   lambda: self.context.session.restore(chosen),
                   lambda same_passphrase: self._restored(chosen, same_passphrase))

    def _restored(self, chosen: BackupInfo, same_passphrase: bool) -> None:
        when = local_datetime_text(chosen.made_utc)
        owner = self.parentWidget()
        self.accept()
        if same_passphrase:
            self.context.file_replaced()
            inform(owner, _("Backup restored"),
                   _("Your family file is back to how it was on {date}. A backup of what you "
                     "had before was made first.").format(date=when))
            return
        inform(owner, _("Unlock again"),
               _("The backup is back in place. It was made when the family file had another "
                 "passphrase, so Family File will now lock. Unlock it with the passphrase you "
                 "used on {date}.").format(date=when))
        self.lock_requested.emit()

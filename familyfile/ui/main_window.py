"""The main window: child switcher and sections on the left, the page on the right.

It only composes: pages come from ``sections``, dialogs from ``dialogs``; what they share
goes through one PageContext.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs import inform, scale_icons, start_task
from familyfile.ui.dialogs.auto_lock import AutoLockDialog
from familyfile.ui.dialogs.backups import BACKUP_ICON, BackupsDialog, run_backup
from familyfile.ui.dialogs.change_passphrase import ChangePassphraseDialog
from familyfile.ui.dialogs.family_key import FamilyKeyDialog, open_family_key
from familyfile.ui.dialogs.import_entry import ImportEntryDialog, open_import_entry
from familyfile.ui.dialogs.new_recovery_key import NewRecoveryKeyDialog
from familyfile.ui.dialogs.share_wizard import ShareWizard, open_share_wizard
from familyfile.ui.dialogs.whole_file import export_whole_file, import_whole_file
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.sharing_log import SharingLogPage
from familyfile.ui.sections import sections
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.verifier_window import VerifierWindow, open_verifier
from familyfile.ui.widgets.child_switcher import ChildSwitcher
from familyfile.ui.widgets.form import STYLE, local_datetime_text, note, scaled_font, secondary_button

AUTO_BACKUP_CHECK_MS = 5 * 60 * 1000
SYNC_FOLDER = "sync-folder"
# The chosen row is shown by a bar and a frame, not by colour alone.
SIDEBAR_STYLE = """
QFrame#sidebar { background: #f3f2f1; border-right: 1px solid #b1b4b6; }
QListWidget#sideList { background: transparent; border: none; outline: none; }
QListWidget#sideList::item { padding: 6px 4px; color: #0b0c0c; border-left: 5px solid transparent; }
QListWidget#sideList::item:selected { background: white; color: #0b0c0c;
    border: 1px solid #b1b4b6; border-left: 5px solid #a4262c; }
"""


class MainWindow(QMainWindow):
    lock_requested = Signal()
    open_other_requested = Signal()
    auto_lock_changed = Signal(int)

    def __init__(self, session: FamilySession, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self.context = PageContext(session, tasks, self)
        self.setWindowTitle(_("Family File"))
        self.setStyleSheet(STYLE + SIDEBAR_STYLE)
        self.switcher = ChildSwitcher(self.context)
        self.nav = QListWidget()
        self.nav.setObjectName("sideList")
        self.nav.setAccessibleName(_("Sections"))
        self.stack = QStackedWidget()
        self.sections = {section.key: section for section in sections()}
        self.pages: dict[str, QWidget] = {}  # built the first time they are shown
        self.share_wizard: ShareWizard | None = None  # the last one opened (kept, reused slot)
        for section in self.sections.values():
            item = QListWidgetItem(qta.icon(section.icon), section.title())
            item.setData(Qt.UserRole, section.key)
            self.nav.addItem(item)
        self.nav.currentItemChanged.connect(
            lambda item, _old: self.stack.setCurrentWidget(self.page(item.data(Qt.UserRole))))
        self.nav.setCurrentRow(0)
        self.context.navigate.connect(self.show_section)
        self.context.backups_changed.connect(self.update_status)

        self.user = QLabel(_("Parent"))
        self.user.setAccessibleName(_("Using Family File as: Parent"))
        self.user.setToolTip(_("Who is using Family File"))
        self.lock_button = secondary_button(_("Lock"), qta.icon("mdi6.lock"))
        self.lock_button.setToolTip(_("Lock Family File now (Ctrl+L)"))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        scale_icons(self.lock_button)
        self.sync_note = note(_("This file is in a cloud-sync folder (like OneDrive or Dropbox). "
                                "Open it on one computer at a time, or changes can be lost."))
        self.sync_note.setVisible(SYNC_FOLDER in session.warnings)
        self.status = QLabel()
        self.status.setAccessibleName(_("Save and backup status"))
        self.statusBar().addWidget(self.status, 1)
        self.setCentralWidget(self._layout())
        self._build_menus()
        self.setTabOrder(self.switcher.list, self.nav)
        self.setTabOrder(self.nav, self.lock_button)

        self.auto_backup_timer = QTimer(self)
        self.auto_backup_timer.setInterval(AUTO_BACKUP_CHECK_MS)
        self.auto_backup_timer.timeout.connect(self.auto_backup)
        self.auto_backup_timer.start()
        self.update_status()
        self.nav.setFocus(Qt.OtherFocusReason)
        self.resize(1200, 720)

    # -- layout -----------------------------------------------------------------------------
    def _layout(self) -> QWidget:
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(max(240, self.fontMetrics().horizontalAdvance("M") * 20))
        left = QVBoxLayout(sidebar)
        left.setContentsMargins(12, 12, 12, 12)
        left.addWidget(self.switcher)
        left.addSpacing(12)
        heading = QLabel(_("Sections"))
        heading.setFont(scaled_font(heading, 1.0, bold=True))
        heading.setBuddy(self.nav)
        left.addWidget(heading)
        side = int(self.fontMetrics().height() * 1.4)
        self.nav.setIconSize(QSize(side, side))
        self.nav.setFont(scaled_font(self.nav, 1.1))
        left.addWidget(self.nav, 1)
        top = QHBoxLayout()
        top.addStretch(1)
        person = QLabel()
        person.setPixmap(qta.icon("mdi6.account-circle").pixmap(side, side))
        top.addWidget(person)
        top.addWidget(self.user)
        top.addSpacing(12)
        top.addWidget(self.lock_button)
        right = QVBoxLayout()
        right.setContentsMargins(0, 8, 12, 0)
        right.addLayout(top)
        right.addWidget(self.sync_note)
        right.addWidget(self.stack, 1)
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(sidebar)
        row.addLayout(right, 1)
        return central

    def _action(self, menu: QMenu, text: str, icon: str | None, slot: Callable[[], object],
                shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if icon:
            action.setIcon(qta.icon(icon))
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(_("&File"))
        self._action(file_menu, _("Open another family file…"), "mdi6.folder-open",
                     self.open_other_requested.emit, QKeySequence.Open)
        file_menu.addSeparator()
        self.backup_action = self._action(file_menu, _("Make a backup now"), BACKUP_ICON,
                                          self.backup_now)
        self.backups_action = self._action(file_menu, _("Backups…"), "mdi6.history",
                                           self.show_backups)
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, _("Export whole family file…"),
                                          "mdi6.export", self.export_file)
        self._action(file_menu, _("Import whole family file…"), "mdi6.import",
                     lambda: import_whole_file(self, self.tasks, self.session.path))
        file_menu.addSeparator()
        self.lock_action = self._action(file_menu, _("Lock"), "mdi6.lock",
                                        self.lock_requested.emit, "Ctrl+L")
        self._action(file_menu, _("Quit"), "mdi6.exit-to-app", self.close, QKeySequence.Quit)
        self.handover_menu = bar.addMenu(_("&Hand over"))
        self.handover_action = self._action(self.handover_menu, _("Hand over…"), "mdi6.share-variant",
                                            self.open_share_wizard, "Ctrl+H")
        self.import_entry_action = self._action(
            self.handover_menu, _("Add a confirmed entry from a professional…"),
            "mdi6.card-account-details-star-outline", self.open_import_entry)
        self.family_key_action = self._action(self.handover_menu, _("Our key's fingerprint…"),
                                              "mdi6.key-chain-variant", self.open_family_key)
        self.handover_menu.addSeparator()
        self.check_card_action = self._action(self.handover_menu, _("Check a card someone gave me…"),
                                              "mdi6.qrcode-scan", self.open_verifier)
        security = bar.addMenu(_("&Security"))
        self.passphrase_action = self._action(security, _("Change passphrase…"),
                                              "mdi6.key-variant", self.change_passphrase)
        self._action(security, _("New recovery sheet…"), "mdi6.file-key-outline",
                     self.new_recovery_sheet)
        settings = bar.addMenu(_("Se&ttings"))
        self.auto_lock_action = self._action(settings, _("Lock automatically after…"),
                                             "mdi6.timer-lock-outline", self.choose_auto_lock)

    # -- sections ---------------------------------------------------------------------------
    def show_section(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.UserRole) == key:
                self.nav.setCurrentRow(row)

    def page(self, key: str) -> QWidget:
        """The page of a section, built from its factory the first time it is needed."""
        if key not in self.pages:
            self.pages[key] = self.sections[key].factory(self.context)
            self.stack.addWidget(self.pages[key])
        return self.pages[key]

    def current_section(self) -> str:
        return str(self.nav.currentItem().data(Qt.UserRole))

    # -- status -----------------------------------------------------------------------------
    def update_status(self, problem: str = "") -> None:
        found = self.session.backups()
        if found:
            made = found[0].made_utc.astimezone()
            today = self.session.clock.now().astimezone().date()
            when = made.strftime("%H:%M") if made.date() == today else local_datetime_text(made)
            text = _("Saved · Last backup {when}").format(when=when)
        else:
            text = _("Saved · No backup yet")
        if problem:
            text = _("{status} · The automatic backup did not work: {problem}").format(
                status=text, problem=problem)
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    # -- backups ----------------------------------------------------------------------------
    def backup_now(self) -> None:
        run_backup(self, self.context, lambda info: inform(
            self, _("Backup made"), _("A backup was made and checked: {when}.").format(
                when=local_datetime_text(info.made_utc))))

    def auto_backup(self) -> None:
        """Every few minutes: a backup if one is due (the session decides). Skipped when busy."""
        start_task(self.tasks, self, _("Making an automatic backup…"),
                   self.session.auto_backup_if_due,
                   lambda info: self.update_status() if info else None,
                   lambda exc: self.update_status(user_message(exc)))

    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.context, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.lock_requested.connect(self.lock_requested.emit)
        dialog.open()
        return dialog

    def export_file(self) -> None:
        export_whole_file(self, self.session, self.tasks)

    # -- handing over -------------------------------------------------------------------------
    def open_share_wizard(self) -> ShareWizard | None:
        """The share wizard for the child being looked at (nothing without a child)."""
        if self.context.current_child() is None:
            inform(self, _("Hand over"), _("Add a child first. Then you can share their record."))
            return None
        log_page = self.pages.get("sharing_log")
        include = isinstance(log_page, SharingLogPage) and log_page.include_in_export()
        self.share_wizard = open_share_wizard(self.context, self, include_sharing_log=include,
                                              previous=self.share_wizard)
        return self.share_wizard

    def open_import_entry(self) -> ImportEntryDialog:
        """Add an entry a professional signed (a photo of its QR code, a PDF or a file)."""
        dialog = open_import_entry(self, self.session, self.tasks)
        dialog.imported.connect(lambda _result: self.context.children_changed.emit())
        return dialog

    def open_family_key(self) -> FamilyKeyDialog:
        """The family's fingerprint (and key card) for a professional to compare."""
        child = self.context.current_child()
        name = _("The {family} family").format(family=child.family_name) if child else _("Our family")
        return open_family_key(self, self.session, name)

    def open_verifier(self) -> VerifierWindow:
        """The card checker, as its own window (the trust store is the user's, not the file's)."""
        return open_verifier()

    # -- security and settings ----------------------------------------------------------------
    def change_passphrase(self) -> ChangePassphraseDialog:
        dialog = ChangePassphraseDialog(self.session, self.tasks, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def new_recovery_sheet(self) -> NewRecoveryKeyDialog:
        dialog = NewRecoveryKeyDialog(self.session, self.tasks, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def choose_auto_lock(self) -> AutoLockDialog:
        dialog = AutoLockDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.saved.connect(self.auto_lock_changed.emit)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt API)
        if self.tasks.busy:
            event.ignore()
            return
        self.auto_backup_timer.stop()
        super().closeEvent(event)

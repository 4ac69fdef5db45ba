"""Which window is showing: start → unlock → main window → (lock) → unlock …

The controller holds the FamilySession while the file is unlocked. Locking closes the
session and destroys the main window (and its dialogs), so no child data stays on screen.
The "sync-folder" warning is shown by the main window itself (a note above the page).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from familyfile.errors import FamilyFileError
from familyfile.i18n import _
from familyfile.services import locations
from familyfile.services.session import FamilySession
from familyfile.ui.error_display import show_error
from familyfile.ui.idle import IdleWatcher, minutes_to_ms
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.warm_up import warm_up_in_background

if TYPE_CHECKING:
    from familyfile.services.first_run import FirstRun

OLDER_COPY = "older-copy"
START_SIZE = (760, 660)


def ask_for_family_file(parent: QWidget | None) -> Path | None:
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, _("Open a family file"), "", _("Family File (*.familyfile);;All files (*)"))
    return Path(chosen) if chosen else None


class AppController(QObject):
    """Owns the current window. ``window_changed(widget)`` fires whenever it changes."""

    window_changed = Signal(object)

    def __init__(self, settings: locations.Settings | None = None, *,
                 first_run_factory: Callable[[], FirstRun] | None = None,
                 idle_ms: int | None = None,
                 choose_file: Callable[[QWidget | None], Path | None] = ask_for_family_file,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings or locations.load_settings()
        self.first_run_factory = first_run_factory
        self.choose_file = choose_file
        timeout = minutes_to_ms(self.settings.auto_lock_minutes) if idle_ms is None else idle_ms
        self.idle = IdleWatcher(timeout, self)
        self.idle.idle_timeout.connect(self.lock)
        self.window: QWidget | None = None
        self.session: FamilySession | None = None
        self.main_window: QWidget | None = None
        self.main_tasks: TaskRunner | None = None
        self.warning_box: QMessageBox | None = None
        self._lock_pending = False
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # -- start -------------------------------------------------------------------------------
    def start(self, path: Path | None = None) -> None:
        if path is not None:
            self.show_unlock(Path(path))
            return
        recent = [Path(p) for p in self.settings.recent_files]
        if not recent:
            self.show_first_run()
            return
        existing = [p for p in recent if p.exists()]
        self.show_unlock(existing[0] if existing else recent[0])

    def _replace(self, new: QWidget) -> None:
        old = self.window
        if old is not None:
            new.setGeometry(old.geometry())
        else:
            new.resize(*START_SIZE)
        self.window = new
        new.show()
        new.raise_()
        new.activateWindow()
        if old is not None and old is not new:
            if hasattr(old, "close_session"):
                old.close_session()
            old.hide()
            old.deleteLater()
        self.window_changed.emit(new)

    # -- the start screens ---------------------------------------------------------------------
    def show_unlock(self, path: Path, message: str = "") -> None:
        from familyfile.ui.unlock_screen import UnlockScreen

        screen = UnlockScreen(path, message=message)
        screen.unlocked.connect(self.open_session)
        screen.damaged.connect(self.show_damaged)
        screen.recovery_requested.connect(self.show_recovery)
        screen.open_other_requested.connect(self.show_unlock)
        screen.create_requested.connect(self.show_first_run)
        self._replace(screen)
        QTimer.singleShot(0, warm_up_in_background)

    def show_first_run(self) -> None:
        from familyfile.ui.first_run import FirstRunWizard

        if self.first_run_factory is None:
            from familyfile.services.first_run import FirstRun  # zxcvbn: only when needed

            self.first_run_factory = FirstRun
        wizard = FirstRunWizard(self.first_run_factory())
        wizard.created.connect(self.open_session)
        wizard.open_existing_requested.connect(self.open_other)
        self._replace(wizard)

    def show_damaged(self, path: Path) -> None:
        from familyfile.ui.damaged_screen import DamagedScreen

        screen = DamagedScreen(path)
        screen.restored.connect(self.show_unlock)
        screen.back_requested.connect(self.show_unlock)
        screen.open_other_requested.connect(self.open_other)
        self._replace(screen)

    def show_recovery(self, path: Path) -> None:
        from familyfile.ui.recovery_screen import RecoveryScreen

        screen = RecoveryScreen(path)
        screen.recovered.connect(self.open_session)
        screen.back_requested.connect(self.show_unlock)
        screen.damaged.connect(self.show_damaged)
        self._replace(screen)

    def open_other(self, *args: object) -> None:
        """Open another family file: the one given, or ask which."""
        chosen = next((Path(a) for a in args if isinstance(a, str | Path)), None)
        if chosen is None:
            chosen = self.choose_file(self.window)
        if chosen is None:
            return
        if self.session is not None:
            self.lock(then=chosen)
        else:
            self.show_unlock(chosen)

    # -- unlocked ------------------------------------------------------------------------------
    def open_session(self, session: FamilySession) -> None:
        self.session = session
        stored = locations.load_settings()  # other windows may have changed it meanwhile
        stored.remember(session.path)
        # Only the recent-files list: if it cannot be saved, the family file is still fine.
        with contextlib.suppress(FamilyFileError, OSError):
            locations.save_settings(stored)
        if OLDER_COPY in session.warnings:
            self._ask_about_older_copy()
        else:
            self.show_main()

    def _ask_about_older_copy(self) -> None:
        box = QMessageBox(QMessageBox.Warning, _("An older copy"), _(
            "This family file is older than the one you last opened here. It may be an old "
            "copy, for example from a backup or a memory stick. If you use it, anything added "
            "to the newer copy will not be in it."), QMessageBox.NoButton, self.window)
        use = box.addButton(_("Use this copy"), QMessageBox.AcceptRole)
        close = box.addButton(_("Close it"), QMessageBox.RejectRole)
        box.setDefaultButton(close)
        box.setEscapeButton(close)
        box.setAccessibleName(_("An older copy"))
        use.setAccessibleName(_("Use this copy"))
        close.setAccessibleName(_("Close it"))
        box.buttonClicked.connect(lambda button: self._older_copy_answer(button is use))
        self.warning_box = box
        box.open()

    def _older_copy_answer(self, use: bool) -> None:
        self.warning_box = None
        if self.session is None:
            return
        if not use:
            self.lock()
            return
        try:
            self.session.accept_older_copy()
        except Exception as exc:  # shown as a sentence; the file stays locked
            show_error(self.window, exc)
            self.lock()
            return
        self.show_main()

    def show_main(self) -> None:
        from familyfile.ui.main_window import MainWindow

        assert self.session is not None
        self.main_tasks = TaskRunner()
        window = MainWindow(self.session, self.main_tasks)
        window.lock_requested.connect(self.lock)
        window.open_other_requested.connect(self.open_other)
        window.auto_lock_changed.connect(self.set_auto_lock_minutes)
        previous = self.window
        self.main_window = window
        self.window = window
        window.show()
        window.raise_()
        window.activateWindow()
        if previous is not None:
            previous.hide()
            previous.deleteLater()
        self.window_changed.emit(window)
        self.idle.start()

    def set_auto_lock_minutes(self, minutes: int) -> None:
        self.settings.auto_lock_minutes = minutes
        self.idle.set_timeout(minutes_to_ms(minutes))
        if self.main_window is not None:
            self.idle.start()

    # -- locking ---------------------------------------------------------------------------------
    def lock(self, then: Path | None = None) -> None:
        """Close the session, destroy the main window, show the unlock screen."""
        if self.main_tasks is not None and self.main_tasks.busy:
            # Never close the file under a running task: lock as soon as it ends.
            if not self._lock_pending:
                self._lock_pending = True
                self.main_tasks.finished.connect(lambda: self.lock(then))
            return
        self._lock_pending = False
        self.idle.stop()
        session, self.session = self.session, None
        path = then or (session.path if session is not None else None)
        main, self.main_window = self.main_window, None
        if main is not None and self.window is main:
            self.window = None
        if main is not None:
            for dialog in main.findChildren(QDialog):
                dialog.reject()
            main.hide()
        if session is not None:
            session.close()
        if path is not None:
            self.show_unlock(path)
        if main is not None:
            main.deleteLater()
        if self.main_tasks is not None:
            self.main_tasks.deleteLater()
            self.main_tasks = None

    def shutdown(self) -> None:
        """The app is quitting: close the family file properly."""
        self.idle.stop()
        if self.main_tasks is not None:
            self.main_tasks.wait_idle()
        if self.window is not None and hasattr(self.window, "close_session"):
            self.window.close_session()  # a recovery screen still holding the opened file
        if self.session is not None:
            self.session.close()
            self.session = None

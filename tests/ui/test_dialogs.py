"""Change passphrase, lock automatically, backups, recovery sheet and import, driven like a person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox

from familyfile import errors
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.ui.dialogs.auto_lock import AutoLockDialog
from familyfile.ui.dialogs.backups import BackupsDialog
from familyfile.ui.dialogs.change_passphrase import ChangePassphraseDialog
from familyfile.ui.main_window import MainWindow
from familyfile.ui.tasks import TaskRunner
from tests.conftest import MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE


def open_change_passphrase(qtbot, window: MainWindow) -> ChangePassphraseDialog:
    window.passphrase_action.trigger()
    dialog = window.findChild(ChangePassphraseDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def fill(qtbot, dialog: ChangePassphraseDialog, current: str, new: str, confirm: str) -> None:
    qtbot.keyClicks(dialog.current.edit, current)
    qtbot.keyClicks(dialog.new.first.edit, new)
    qtbot.keyClicks(dialog.new.second.edit, confirm)


def visible_message(parent) -> QMessageBox | None:
    boxes = [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    return boxes[0] if boxes else None


def test_change_passphrase_then_the_new_one_unlocks(qtbot, window: MainWindow, tasks: TaskRunner,
                                                     family_path: Path) -> None:
    dialog = open_change_passphrase(qtbot, window)
    fill(qtbot, dialog, PASSPHRASE, NEW_PASSPHRASE, NEW_PASSPHRASE)
    assert dialog.new.meter.label.accessibleName() in ("Strength: Strong", "Strength: Very strong")
    qtbot.mouseClick(dialog.change, Qt.LeftButton)
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20000)
    qtbot.waitUntil(lambda: visible_message(window) is not None)
    assert visible_message(window).windowTitle() == "Passphrase changed"
    qtbot.waitUntil(lambda: window.findChild(ChangePassphraseDialog) is None)  # closed

    window.session.close()
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(family_path, PASSPHRASE)
    reopened = sessions.unlock(family_path, NEW_PASSPHRASE)
    try:
        assert [c.given_name for c in reopened.children()] == [MARKER_GIVEN]
    finally:
        reopened.close()


def test_a_wrong_current_passphrase_is_shown_next_to_it(qtbot, window: MainWindow,
                                                        tasks: TaskRunner, family_path: Path) -> None:
    dialog = open_change_passphrase(qtbot, window)
    fill(qtbot, dialog, "not-my-passphrase-9", NEW_PASSPHRASE, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.new.second.edit, Qt.Key_Return)  # Enter works like the button
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20000)
    qtbot.waitUntil(dialog.current_error.isVisible)
    assert dialog.current_error.text() == "That passphrase is not right. Check Caps Lock and try again."
    assert dialog.summary.messages == [dialog.current_error.text()]
    assert dialog.isVisible() and dialog.change.isEnabled()
    assert dialog.new.passphrase() == NEW_PASSPHRASE  # nothing typed is lost
    assert dialog.new.confirmation() == NEW_PASSPHRASE
    window.session.close()
    sessions.unlock(family_path, PASSPHRASE).close()  # the old passphrase still works


def test_problems_with_the_new_passphrase_are_shown_before_anything_runs(
        qtbot, window: MainWindow, tasks: TaskRunner) -> None:
    dialog = open_change_passphrase(qtbot, window)
    started: list[str] = []
    tasks.started.connect(started.append)
    fill(qtbot, dialog, "", "short", "shirt")
    assert dialog.new.meter.label.accessibleName() in ("Strength: Very weak", "Strength: Weak")
    qtbot.mouseClick(dialog.change, Qt.LeftButton)
    assert started == []
    assert dialog.current_error.text() == "Enter your current passphrase."
    assert dialog.new.first_error.text().startswith("Use at least 10 characters")
    assert dialog.new.second_error.text() == "The two passphrases are not the same. Type them again."
    assert len(dialog.summary.messages) == 3
    dialog.summary.link_activated.emit("confirm")
    assert dialog.focusWidget() is dialog.new.second.edit


def test_the_auto_lock_setting_is_saved(qtbot, window: MainWindow) -> None:
    assert locations.load_settings().auto_lock_minutes == 5  # the default
    window.auto_lock_action.trigger()
    dialog = window.findChild(AutoLockDialog)
    qtbot.waitExposed(dialog)
    assert dialog.minutes.value() == 5
    dialog.minutes.setFocus(Qt.TabFocusReason)
    dialog.minutes.selectAll()
    qtbot.keyClicks(dialog.minutes, "15")
    with qtbot.waitSignal(window.auto_lock_changed, timeout=1000) as signal:
        qtbot.keyClick(dialog.minutes, Qt.Key_Return)
    assert signal.args == [15]
    assert locations.load_settings().auto_lock_minutes == 15
    assert not dialog.isVisible()


def test_auto_lock_zero_means_never(qtbot, window: MainWindow) -> None:
    dialog = AutoLockDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.minutes.setValue(0)
    assert dialog.minutes.text() == "Never"
    with qtbot.waitSignal(dialog.saved, timeout=1000) as signal:
        qtbot.mouseClick(dialog.save, Qt.LeftButton)
    assert signal.args == [0]
    assert locations.load_settings().auto_lock_minutes == 0


def test_auto_lock_that_cannot_be_saved_says_so(qtbot, window: MainWindow,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(settings: locations.Settings) -> None:
        raise errors.ReadOnlyError("read-only")

    monkeypatch.setattr(locations, "save_settings", read_only)
    dialog = AutoLockDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.saved):
        qtbot.mouseClick(dialog.save, Qt.LeftButton)
    assert dialog.error.isVisible() and dialog.error.text().startswith("Not saved:")
    assert dialog.isVisible()


def test_the_backups_dialog_explains_when_there_are_none(qtbot, window: MainWindow) -> None:
    window.backups_action.trigger()
    dialog = window.findChild(BackupsDialog)
    qtbot.waitExposed(dialog)
    assert dialog.empty.isVisible() and "no backups yet" in dialog.empty.text()
    assert not dialog.table.isVisible()
    assert not dialog.restore.isEnabled()
    assert dialog.make.text() == "Make a backup now"


def test_the_new_recovery_sheet_item_asks_for_the_passphrase(qtbot, window: MainWindow) -> None:
    from familyfile.ui.dialogs.new_recovery_key import NewRecoveryKeyDialog

    security = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Security")
    next(a for a in security.actions() if a.text() == "New recovery sheet…").trigger()
    dialog = window.findChild(NewRecoveryKeyDialog)
    qtbot.waitExposed(dialog)
    assert "old sheet stops working" in " ".join(
        label.text() for label in dialog.findChildren(QLabel))
    assert dialog.passphrase.edit.hasFocus() or dialog.make.isEnabled()


def test_importing_over_the_open_family_file_is_refused(
        qtbot, window: MainWindow, tasks: TaskRunner, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[str] = []
    tasks.started.connect(started.append)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "a.ffexport"), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(window.session.path), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    next(a for a in window.menuBar().actions()[0].menu().actions()
         if a.text() == "Import whole family file…").trigger()
    qtbot.waitUntil(lambda: visible_message(window) is not None)
    assert "the family file you have open now" in visible_message(window).text()
    assert started == []

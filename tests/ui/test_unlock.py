"""The unlock screen, driven like a person: right, wrong, damaged, key file lost, locked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

from familyfile import errors
from familyfile.messages import user_message
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.store import key_header
from familyfile.ui.controller import AppController
from familyfile.ui.damaged_screen import DamagedScreen
from familyfile.ui.main_window import MainWindow
from familyfile.ui.recovery_screen import RecoveryScreen
from familyfile.ui.unlock_screen import UnlockScreen
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def start(qtbot):
    made: list[AppController] = []

    def make(path: Path | None = None, **kwargs: object) -> AppController:
        kwargs.setdefault("idle_ms", 0)
        controller = AppController(locations.Settings(), **kwargs)  # type: ignore[arg-type]
        made.append(controller)
        controller.start(path)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()


def type_and_unlock(qtbot, screen: UnlockScreen, passphrase: str, *, press_enter: bool) -> None:
    qtbot.keyClicks(screen.secret.edit, passphrase)
    if press_enter:
        qtbot.keyClick(screen.secret.edit, Qt.Key_Return)
    else:
        qtbot.mouseClick(screen.unlock_button, Qt.LeftButton)


def visible_text() -> str:
    parts = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            parts += [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
            parts += [w.text() for w in window.findChildren(QLineEdit) if w.isVisible()]
    return "\n".join(parts)


def test_the_right_passphrase_opens_the_main_window(qtbot, start, closed_family: Path) -> None:
    controller = start(closed_family)
    screen = controller.window
    assert isinstance(screen, UnlockScreen)
    assert screen.file_label.text() == closed_family.name  # the file name only
    assert screen.secret.edit.echoMode() == QLineEdit.Password
    type_and_unlock(qtbot, screen, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)
    assert controller.session is not None and controller.session.is_open
    assert [c.given_name for c in controller.session.children()] == [MARKER_GIVEN]
    assert isinstance(controller.main_window, MainWindow)
    assert controller.window is controller.main_window
    qtbot.waitUntil(lambda: not shiboken6.isValid(screen))  # the unlock screen is gone
    assert locations.load_settings().recent_files == [str(closed_family.resolve())]


def test_show_button_reveals_what_was_typed(qtbot, start, closed_family: Path) -> None:
    screen = start(closed_family).window
    qtbot.keyClicks(screen.secret.edit, "abc")
    qtbot.mouseClick(screen.secret.toggle, Qt.LeftButton)
    assert screen.secret.edit.echoMode() == QLineEdit.Normal
    assert screen.secret.toggle.accessibleName() == "Hide what you typed"
    qtbot.mouseClick(screen.secret.toggle, Qt.LeftButton)
    assert screen.secret.edit.echoMode() == QLineEdit.Password


def test_a_wrong_passphrase_says_so_and_shows_no_data(qtbot, start, closed_family: Path) -> None:
    controller = start(closed_family)
    screen = controller.window
    type_and_unlock(qtbot, screen, "not-the-passphrase-at-all", press_enter=False)
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10000)
    assert screen.error.text() == user_message(errors.WrongPassphraseError())
    assert screen.secret.text() == ""
    assert screen.secret.edit.hasFocus()
    assert controller.session is None and controller.main_window is None
    assert controller.window is screen
    assert MARKER_GIVEN not in visible_text()
    # and the right one still works afterwards
    type_and_unlock(qtbot, screen, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)


def test_an_empty_passphrase_is_asked_for(qtbot, start, closed_family: Path) -> None:
    screen = start(closed_family).window
    qtbot.mouseClick(screen.unlock_button, Qt.LeftButton)
    assert screen.error.isVisible()
    assert "Enter your passphrase" in screen.error.text()
    assert not screen.tasks.busy


def test_a_file_open_elsewhere_is_explained(qtbot, start, make_family: sessions.FamilySession) -> None:
    controller = start(make_family.path)
    screen = controller.window
    type_and_unlock(qtbot, screen, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: screen.error.isVisible(), timeout=10000)
    assert screen.error.text() == user_message(errors.LockedError())
    assert controller.main_window is None


def test_a_damaged_file_goes_to_the_damaged_screen_and_the_backup_is_restored(
        qtbot, start, make_family: sessions.FamilySession) -> None:
    path = make_family.path
    make_family.backup_now()
    make_family.close()
    newest = sessions.backups_of(path)[0]
    data = bytearray(path.read_bytes())
    data[100] ^= 1
    path.write_bytes(data)
    controller = start(path)
    type_and_unlock(qtbot, controller.window, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: isinstance(controller.window, DamagedScreen), timeout=10000)
    damaged = controller.window
    assert controller.session is None and controller.main_window is None
    assert damaged.restore_button is not None
    assert damaged.restore_button.text().startswith("Restore the newest checked backup (made ")
    assert damaged.newest is not None and damaged.newest.name == newest.name
    qtbot.mouseClick(damaged.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(controller.window, UnlockScreen), timeout=10000)
    unlock = controller.window
    assert unlock.note is not None and unlock.note.isVisible()
    assert "Restored. Unlock with the passphrase you used on" in visible_text()
    assert list(path.parent.glob(path.name + ".damaged-*")), "the damaged file is kept"
    type_and_unlock(qtbot, unlock, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)
    assert [c.given_name for c in controller.session.children()] == [MARKER_GIVEN]


def test_a_damaged_file_without_backups_says_so(qtbot, start, closed_family: Path) -> None:
    shutil.rmtree(closed_family.with_name(closed_family.name + "-backups"), ignore_errors=True)
    assert sessions.backups_of(closed_family) == []
    data = bytearray(closed_family.read_bytes())
    data[100] ^= 1
    closed_family.write_bytes(data)
    controller = start(closed_family)
    type_and_unlock(qtbot, controller.window, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: isinstance(controller.window, DamagedScreen), timeout=10000)
    assert controller.window.restore_button is None
    assert "There are no backups of this family file" in visible_text()
    qtbot.mouseClick(controller.window.back, Qt.LeftButton)
    assert isinstance(controller.window, UnlockScreen)


def test_a_lost_key_file_goes_to_the_recovery_screen(qtbot, start, closed_family: Path) -> None:
    key_header.header_path(closed_family).unlink()
    key_header.mirror_path(closed_family).unlink()
    controller = start(closed_family)
    type_and_unlock(qtbot, controller.window, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: isinstance(controller.window, RecoveryScreen), timeout=10000)
    assert controller.session is None


def test_forgot_link_opens_the_recovery_screen(qtbot, start, closed_family: Path) -> None:
    controller = start(closed_family)
    qtbot.mouseClick(controller.window.forgot, Qt.LeftButton)
    assert isinstance(controller.window, RecoveryScreen)
    qtbot.mouseClick(controller.window.back, Qt.LeftButton)
    assert isinstance(controller.window, UnlockScreen)


def test_open_a_different_family_file(qtbot, start, closed_family: Path, monkeypatch,
                                      tmp_path: Path) -> None:
    other = tmp_path / "other" / "grandma.familyfile"
    other.parent.mkdir()
    controller = start(closed_family)
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.mouseClick(controller.window.other, Qt.LeftButton)
    assert isinstance(controller.window, UnlockScreen)
    assert controller.window.path == other
    assert controller.window.file_label.text() == "grandma.familyfile"


def test_an_older_copy_asks_before_opening(qtbot, start, closed_family: Path, tmp_path: Path) -> None:
    saved = tmp_path / "older-copy"
    shutil.copyfile(closed_family, saved)
    sessions.unlock(closed_family, PASSPHRASE).close()  # the file moves on a generation
    shutil.copyfile(saved, closed_family)  # ...and an older copy comes back
    controller = start(closed_family)
    type_and_unlock(qtbot, controller.window, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: controller.warning_box is not None, timeout=10000)
    box = controller.warning_box
    assert "older than the one you last opened here" in box.text()
    assert controller.main_window is None
    use = next(b for b in box.buttons() if b.text() == "Use this copy")
    qtbot.mouseClick(use, Qt.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=5000)
    assert "older-copy" not in controller.session.warnings


def test_closing_an_older_copy_keeps_it_locked(qtbot, start, closed_family: Path,
                                               tmp_path: Path) -> None:
    saved = tmp_path / "older-copy"
    shutil.copyfile(closed_family, saved)
    sessions.unlock(closed_family, PASSPHRASE).close()
    shutil.copyfile(saved, closed_family)
    controller = start(closed_family)
    type_and_unlock(qtbot, controller.window, PASSPHRASE, press_enter=True)
    qtbot.waitUntil(lambda: controller.warning_box is not None, timeout=10000)
    close = next(b for b in controller.warning_box.buttons() if b.text() == "Close it")
    qtbot.mouseClick(close, Qt.LeftButton)
    qtbot.waitUntil(lambda: controller.session is None, timeout=5000)
    assert controller.main_window is None
    assert isinstance(controller.window, UnlockScreen)
    sessions.unlock(closed_family, PASSPHRASE).close()  # the lock was released


def test_tab_order_goes_field_show_unlock_then_the_ways_out(qtbot, start, closed_family: Path) -> None:
    controller = start(closed_family)
    screen = controller.window
    screen.activateWindow()
    from PySide6.QtTest import QTest

    assert QTest.qWaitForWindowActive(screen)
    screen.secret.edit.setFocus()
    expected = [screen.secret.toggle, screen.unlock_button, screen.forgot, screen.other, screen.create]
    for widget in expected:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        assert QApplication.focusWidget() is widget
    for widget in [screen.secret.edit, *expected]:
        assert widget.accessibleName(), widget

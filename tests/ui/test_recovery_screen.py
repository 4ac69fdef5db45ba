"""Opening with the recovery sheet: the key, a new passphrase, then the NEW sheet kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.errors import ValidationError
from familyfile.messages import user_message
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.store import key_header
from familyfile.ui.controller import AppController
from familyfile.ui.recovery_screen import RecoveryScreen, same_group
from familyfile.ui.unlock_screen import UnlockScreen
from tests.conftest import FAST_KDF, MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE


@pytest.fixture
def family_with_key(family_path: Path) -> tuple[Path, str]:
    secret = sessions.new_recovery_secret()
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    opened.add_child(ChildDraft(MARKER_GIVEN, "Quillfeather", "2024-03-01"))
    opened.close()
    return family_path, sessions.format_recovery_key(secret)


@pytest.fixture
def recovery(qtbot):
    made: list[AppController] = []

    def make(path: Path) -> AppController:
        controller = AppController(locations.Settings(), idle_ms=0)
        made.append(controller)
        controller.start(path)
        qtbot.mouseClick(controller.window.forgot, Qt.LeftButton)  # "Forgot your passphrase?"
        assert isinstance(controller.window, RecoveryScreen)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        if isinstance(controller.window, RecoveryScreen):
            controller.window.close_session()
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()


def fill_in(qtbot, screen: RecoveryScreen, key: str, new: str, again: str | None = None) -> None:
    qtbot.keyClicks(screen.key_edit, key)
    qtbot.keyClicks(screen.passphrase.first.edit, new)
    qtbot.keyClicks(screen.passphrase.second.edit, new if again is None else again)
    qtbot.mouseClick(screen.open_button, Qt.LeftButton)


def spaced_lower(key: str) -> str:
    """How a person might type it off paper: lower case, spaces, no dashes."""
    return "  ".join(key.lower().split("-"))


def test_the_recovery_key_opens_the_file_and_gives_a_new_sheet(
        qtbot, recovery, family_with_key, tmp_path: Path, monkeypatch) -> None:
    path, key = family_with_key
    controller = recovery(path)
    screen = controller.window
    fill_in(qtbot, screen, spaced_lower(key), NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: screen.stack.currentIndex() == 1, timeout=15000)
    new_key = screen.sheet.key_text
    assert new_key != key and len(new_key.split("-")) == 9
    assert controller.main_window is None  # not before the new sheet is kept
    # saving the new sheet as a PDF
    pdf = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(pdf), ""))
    qtbot.mouseClick(screen.sheet.save_button, Qt.LeftButton)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert screen.sheet.status.isVisible()
    # a wrong group is refused
    wanted = new_key.split("-")[screen.group - 1]
    wrong = "ZZZZ" if wanted != "ZZZZ" else "YYYY"
    qtbot.keyClicks(screen.confirm_edit, wrong)
    qtbot.keyClick(screen.confirm_edit, Qt.Key_Return)
    assert screen.confirm_error.isVisible()
    assert f"type group {screen.group}" in screen.confirm_error.text()
    assert controller.main_window is None
    # the right group continues to the family file
    screen.confirm_edit.clear()
    qtbot.keyClicks(screen.confirm_edit, wanted.lower())
    qtbot.mouseClick(screen.continue_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=5000)
    assert [c.given_name for c in controller.session.children()] == [MARKER_GIVEN]
    controller.lock()
    assert isinstance(controller.window, UnlockScreen)
    # the new passphrase and the new key work; the old ones do not
    sessions.unlock(path, NEW_PASSPHRASE).close()
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(path, PASSPHRASE)
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(path, key, "another-long-passphrase-99")


def test_a_wrong_recovery_key_is_shown_next_to_the_field(qtbot, recovery, family_with_key) -> None:
    path, _key = family_with_key
    other = sessions.format_recovery_key(sessions.new_recovery_secret())
    controller = recovery(path)
    screen = controller.window
    fill_in(qtbot, screen, other, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: screen.key_error.isVisible(), timeout=15000)
    assert screen.key_error.text() == user_message(errors.WrongRecoveryKeyError())
    assert screen.stack.currentIndex() == 0
    assert controller.session is None and controller.main_window is None
    sessions.unlock(path, PASSPHRASE).close()  # nothing changed, nothing left locked


def test_mistakes_are_shown_next_to_their_fields(qtbot, recovery, family_with_key) -> None:
    path, _key = family_with_key
    controller = recovery(path)
    screen = controller.window
    fill_in(qtbot, screen, "ABCD-EFGH", "short", "shirt")
    assert not screen.tasks.busy  # checked before any slow work
    assert screen.key_error.isVisible()
    assert "9 groups of 4" in screen.key_error.text()
    assert screen.passphrase.first_error.text() == user_message(
        ValidationError("passphrase", "passphrase-short", min=10))
    assert screen.passphrase.second_error.text() == user_message(
        ValidationError("confirm", "passphrase-mismatch"))
    assert len(screen.summary.messages) == 3


def test_a_lost_key_file_is_rebuilt_with_the_recovery_key(qtbot, recovery, family_with_key) -> None:
    path, key = family_with_key
    key_header.header_path(path).unlink()
    key_header.mirror_path(path).unlink()
    controller = recovery(path)
    screen = controller.window
    fill_in(qtbot, screen, key, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: screen.stack.currentIndex() == 1, timeout=30000)
    wanted = screen.sheet.key_text.split("-")[screen.group - 1]
    qtbot.keyClicks(screen.confirm_edit, wanted)
    qtbot.keyClick(screen.confirm_edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=5000)
    controller.lock()
    sessions.unlock(path, NEW_PASSPHRASE).close()


def test_group_matching_forgives_spaces_case_and_look_alikes() -> None:
    assert same_group(" 0a1b ", "0A1B")
    assert same_group("oalb", "0A1B")
    assert not same_group("0A1C", "0A1B")

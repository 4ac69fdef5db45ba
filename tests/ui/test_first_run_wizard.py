"""The first-run wizard, driven like a person, through to a family file that unlocks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from familyfile.errors import ValidationError
from familyfile.messages import user_message
from familyfile.services import locations
from familyfile.services import session as sessions
from familyfile.services.first_run import FirstRun
from familyfile.ui.controller import AppController
from familyfile.ui.first_run import FirstRunWizard
from familyfile.ui.unlock_screen import UnlockScreen
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def target(tmp_path: Path) -> Path:
    return tmp_path / "ours.familyfile"


@pytest.fixture
def wizard(qtbot, target: Path) -> FirstRunWizard:
    shown = FirstRunWizard(FirstRun(kdf=FAST_KDF, path=target))
    qtbot.addWidget(shown)
    shown.resize(760, 720)
    shown.show()
    shown.activateWindow()
    assert QTest.qWaitForWindowActive(shown)  # keyboard focus works as on a real desktop
    return shown


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.LeftButton)


def read_group_from_screen(wizard: FirstRunWizard, number: int) -> str:
    """What a person does: find "Group N" on the sheet and read the letters under it."""
    labels = wizard.recovery.panel.findChildren(QLabel)
    for index, label in enumerate(labels):
        if label.text() == f"Group {number}":
            return labels[index + 1].text()
    raise AssertionError(f"group {number} is not on screen")


def go_to_passphrase(qtbot, wizard: FirstRunWizard) -> None:
    assert wizard.index == 0
    assert wizard.welcome.path_edit.text().endswith("ours.familyfile")
    click(qtbot, wizard.next)
    assert wizard.index == 1


def enter_passphrase(qtbot, wizard: FirstRunWizard, first: str, second: str) -> None:
    field = wizard.passphrase.field
    qtbot.keyClicks(field.first.edit, first)
    qtbot.keyClicks(field.second.edit, second)
    qtbot.keyClick(field.second.edit, Qt.Key_Return)


def test_the_whole_wizard_makes_a_family_file_that_unlocks(qtbot, wizard, target: Path) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    assert wizard.index == 2
    group = wizard.recovery.group
    assert wizard.recovery.errors["recovery_confirm"].isHidden()
    qtbot.keyClicks(wizard.recovery.confirm_edit, read_group_from_screen(wizard, group).lower())
    click(qtbot, wizard.next)
    assert wizard.index == 3
    assert wizard.next.text() == "Create family file"
    child = wizard.child
    assert child.given.hasFocus()  # the page starts at its first field
    qtbot.keyClicks(child.given, "Ada")
    qtbot.keyClick(child.given, Qt.Key_Tab)
    assert child.family.hasFocus()
    qtbot.keyClicks(child.family, "Lovelace")
    qtbot.keyClick(child.family, Qt.Key_Tab)  # Tab into the date: all of it is selected
    assert child.born.hasFocus()
    qtbot.waitUntil(lambda: child.born.lineEdit().selectedText() == child.born.text())
    qtbot.keyClicks(child.born, "27/03/2024")
    qtbot.keyClick(child.born, Qt.Key_Tab)
    assert child.born.text() == "27 Mar 2024"
    assert not target.exists()  # nothing written before the last step
    with qtbot.waitSignal(wizard.created, timeout=15000) as created:
        click(qtbot, wizard.next)
    created.args[0].close()
    reopened = sessions.unlock(target, PASSPHRASE)
    try:
        [kid] = reopened.children()
        assert (kid.given_name, kid.family_name, kid.date_of_birth) == (
            "Ada", "Lovelace", date(2024, 3, 27))
    finally:
        reopened.close()
    assert locations.load_settings().recent_files == [str(target.resolve())]


def test_a_weak_passphrase_and_a_mismatch_are_shown_next_to_the_fields(qtbot, wizard) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, "password", "passwort")
    field = wizard.passphrase.field
    assert wizard.index == 1
    short = user_message(ValidationError("passphrase", "passphrase-short", min=10))
    mismatch = user_message(ValidationError("confirm", "passphrase-mismatch"))
    assert field.first_error.isVisible() and field.first_error.text() == short
    assert field.second_error.isVisible() and field.second_error.text() == mismatch
    assert wizard.summary.isVisible()
    assert wizard.summary.messages == [short, mismatch]
    assert field.meter.label.text().count("Very weak") == 1


def test_a_long_but_guessable_passphrase_is_refused(qtbot, wizard) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, "password123", "password123")
    field = wizard.passphrase.field
    assert wizard.index == 1
    assert field.first_error.text() == user_message(ValidationError("passphrase", "passphrase-weak"))
    assert field.second_error.isHidden()
    # fixing it clears the errors and moves on
    field.first.clear()
    field.second.clear()
    enter_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    assert wizard.index == 2
    assert wizard.summary.isHidden()


def test_the_wrong_recovery_group_is_refused(qtbot, wizard, target: Path) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    group = wizard.recovery.group
    right = read_group_from_screen(wizard, group)
    wrong = read_group_from_screen(wizard, group % 8 + 1)
    if wrong == right:  # vanishingly unlikely, but never a false pass
        wrong = "ZZZZ" if right != "ZZZZ" else "YYYY"
    qtbot.keyClicks(wizard.recovery.confirm_edit, wrong)
    click(qtbot, wizard.next)
    assert wizard.index == 2
    error = wizard.recovery.errors["recovery_confirm"]
    assert error.isVisible()
    assert f"type group {group}" in error.text()
    assert not wizard.first_run.sheet_kept


def test_the_child_page_checks_each_field(qtbot, wizard, target: Path) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    qtbot.keyClicks(wizard.recovery.confirm_edit, read_group_from_screen(wizard, wizard.recovery.group))
    qtbot.keyClick(wizard.recovery.confirm_edit, Qt.Key_Return)
    assert wizard.index == 3
    child = wizard.child
    qtbot.keyClicks(child.family, "Lovelace")
    child.born.lineEdit().selectAll()
    qtbot.keyClicks(child.born, f"1 Jan {date.today().year + 1}")
    click(qtbot, wizard.next)
    assert wizard.index == 3
    assert child.errors["given_name"].isVisible()
    assert child.errors["date_of_birth"].isVisible()
    assert "future" in child.errors["date_of_birth"].text()
    assert child.errors["family_name"].isHidden()
    assert len(wizard.summary.messages) == 2
    assert not target.exists()


def test_back_keeps_what_was_typed(qtbot, wizard) -> None:
    go_to_passphrase(qtbot, wizard)
    enter_passphrase(qtbot, wizard, PASSPHRASE, PASSPHRASE)
    click(qtbot, wizard.back)
    assert wizard.index == 1
    assert wizard.passphrase.field.passphrase() == PASSPHRASE
    click(qtbot, wizard.back)
    assert wizard.index == 0 and not wizard.back.isVisible()


def test_a_place_that_is_taken_is_refused(qtbot, wizard, target: Path) -> None:
    target.write_bytes(b"something else")
    click(qtbot, wizard.next)
    assert wizard.index == 0
    assert wizard.welcome.errors["path"].text() == user_message(ValidationError("path", "path-exists"))


def test_change_place_adds_the_file_ending(qtbot, wizard, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "kitchen"), ""))
    click(qtbot, wizard.welcome.change)
    assert wizard.welcome.path_edit.text() == str(tmp_path / "kitchen.familyfile")
    click(qtbot, wizard.next)
    assert wizard.first_run.path == tmp_path / "kitchen.familyfile"


def test_with_no_recent_files_the_app_starts_with_the_wizard(qtbot, closed_family: Path) -> None:
    controller = AppController(locations.Settings(), idle_ms=0,
                               choose_file=lambda parent: closed_family)
    controller.start()
    try:
        assert isinstance(controller.window, FirstRunWizard)
        click(qtbot, controller.window.welcome.existing)  # "I already have a family file"
        assert isinstance(controller.window, UnlockScreen)
        assert controller.window.path == closed_family
    finally:
        controller.window.close()
        controller.window.deleteLater()


def test_with_a_recent_file_the_app_starts_at_unlock(qtbot, closed_family: Path) -> None:
    settings = locations.Settings()
    settings.remember(closed_family)
    controller = AppController(settings, idle_ms=0)
    controller.start()
    try:
        assert isinstance(controller.window, UnlockScreen)
        assert controller.window.path == closed_family.resolve()
    finally:
        controller.window.close()
        controller.window.deleteLater()

"""Security > New recovery sheet: passphrase checked, new key shown, old key retired."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from familyfile import errors
from familyfile.services import session as sessions
from familyfile.ui.dialogs.new_recovery_key import CONFIRM_GROUP, NewRecoveryKeyDialog
from familyfile.ui.main_window import MainWindow
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE


@pytest.fixture
def setup(qtbot, family_path):
    secret = sessions.new_recovery_secret()
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    tasks = TaskRunner()
    window = MainWindow(opened, tasks)
    qtbot.addWidget(window)
    window.show()
    yield window, tasks, opened, sessions.format_recovery_key(secret)
    tasks.wait_idle()
    opened.close()


def test_new_recovery_sheet_from_the_menu(qtbot, setup) -> None:
    window, tasks, opened, old_key = setup
    [action] = [a for a in window.menuBar().actions() if "Security" in a.text()]
    [item] = [a for a in action.menu().actions() if a.text().startswith("New recovery sheet")]
    item.trigger()
    dialog = [d for d in window.findChildren(NewRecoveryKeyDialog) if d.isVisible()][0]
    qtbot.keyClicks(dialog.passphrase.edit, "not my passphrase")
    qtbot.keyClick(dialog.passphrase.edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: not tasks.busy and dialog.make.isEnabled())
    assert "not right" in dialog.error.text()
    assert dialog.stack.currentIndex() == 0
    dialog.passphrase.edit.clear()
    qtbot.keyClicks(dialog.passphrase.edit, PASSPHRASE)
    qtbot.mouseClick(dialog.make, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == 1, timeout=20000)
    new_key = dialog.key_text
    assert new_key != old_key and len(new_key.split("-")) == 9
    qtbot.keyClicks(dialog.confirm, "ZZZZ")
    qtbot.keyClick(dialog.confirm, Qt.Key_Return)
    assert dialog.isVisible() and "does not match" in dialog.confirm_error.text()
    dialog.confirm.clear()
    qtbot.keyClicks(dialog.confirm, new_key.split("-")[CONFIRM_GROUP - 1].lower())
    qtbot.mouseClick(dialog.done_button, Qt.LeftButton)
    assert not dialog.isVisible()
    path = opened.path
    opened.close()
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(path, old_key, NEW_PASSPHRASE)
    sessions.unlock(path, PASSPHRASE).close()  # the passphrase did not change
    sessions.recover(path, new_key, NEW_PASSPHRASE)[0].close()

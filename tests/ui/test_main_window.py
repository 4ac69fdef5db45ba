"""The main window, driven like a person: it shows the child, locks, backs up, restores,
exports and imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox, QPushButton

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.ui.dialogs.backups import BackupsDialog
from familyfile.ui.main_window import AUTO_BACKUP_CHECK_MS, MainWindow
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, MARKER_FAMILY, MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE
from tests.ui.drive import show_window

MARKER = f"{MARKER_GIVEN} {MARKER_FAMILY}"


def wait_idle(qtbot, tasks: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not tasks.busy, timeout=20000)


def message(qtbot, parent) -> QMessageBox:
    """The one message box open over ``parent``."""
    def shown() -> list[QMessageBox]:
        return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]
    qtbot.waitUntil(lambda: len(shown()) == 1)
    return shown()[0]


def press(qtbot, box: QMessageBox, text: str) -> None:
    button = next(b for b in box.findChildren(QPushButton) if b.text() == text)
    qtbot.mouseClick(button, Qt.LeftButton)


def add_child_on_page(qtbot, window: MainWindow, given: str) -> None:
    window.show_section("children")
    page = window.page("children")
    qtbot.keyClicks(page.given, given)
    qtbot.keyClicks(page.family, MARKER_FAMILY)
    qtbot.mouseClick(page.save, Qt.LeftButton)
    assert f"{given} {MARKER_FAMILY}" in window.switcher.names()


def test_the_window_shows_the_child(window: MainWindow) -> None:
    assert window.switcher.names() == [MARKER]
    overview = window.page("overview")
    assert window.stack.currentWidget() is overview
    assert overview.name.text() == MARKER
    assert overview.born.text() == "1 Mar 2024"
    assert overview.age.text()  # from age_text, e.g. "2 years 8 months"
    assert overview.about_title.text() == f"About {MARKER_GIVEN}"
    assert not overview.empty.isVisible()
    titles = [window.nav.item(r).text() for r in range(window.nav.count())]
    assert titles[:2] == ["Overview", "About me"] and titles[-1] == "Children"
    assert all(not window.nav.item(r).icon().isNull() for r in range(window.nav.count()))
    assert window.user.text() == "Parent"
    assert window.status.text() == "Saved · No backup yet"
    assert not window.sync_note.isVisible()


def test_the_lock_button_locks(qtbot, window: MainWindow) -> None:
    assert window.lock_button.text() == "Lock"
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.mouseClick(window.lock_button, Qt.LeftButton)


def test_ctrl_l_locks(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.lock_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)


def test_open_another_family_file_asks_the_app(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.open_other_requested, timeout=1000):
        qtbot.keyClick(window, Qt.Key_O, Qt.ControlModifier)


def test_a_backup_made_now_is_listed_and_shown_in_the_status(qtbot, window: MainWindow,
                                                             tasks: TaskRunner) -> None:
    window.backup_action.trigger()
    wait_idle(qtbot, tasks)
    box = message(qtbot, window)
    assert box.text().startswith("A backup was made and checked")
    press(qtbot, box, "OK")
    made = window.session.backups()[0]
    assert made.reason == "manual"
    assert window.status.text() == f"Saved · Last backup {made.made_utc.astimezone():%H:%M}"

    window.backups_action.trigger()
    dialog = window.findChild(BackupsDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "You made it"
    # "Make a backup now" in the dialog adds a row at the top.
    qtbot.mouseClick(dialog.make, Qt.LeftButton)
    wait_idle(qtbot, tasks)
    assert dialog.model.rowCount() == 2
    assert dialog.status.text().startswith("Backup made and checked")


def test_restoring_a_backup_takes_the_family_file_back(qtbot, window: MainWindow,
                                                       tasks: TaskRunner) -> None:
    window.backup_action.trigger()
    wait_idle(qtbot, tasks)
    press(qtbot, message(qtbot, window), "OK")
    add_child_on_page(qtbot, window, "Arlo")

    window.backups_action.trigger()
    dialog = window.findChild(BackupsDialog)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore, Qt.LeftButton)
    ask = message(qtbot, dialog)
    assert ask.text().startswith("Your family file will go back to how it was on")
    assert "What you have now is backed up first." in ask.text()
    with qtbot.assertNotEmitted(window.lock_requested):
        press(qtbot, ask, "Restore this backup")
        wait_idle(qtbot, tasks)
    done = message(qtbot, window)
    assert done.windowTitle() == "Backup restored"
    assert [c.given_name for c in window.session.children()] == [MARKER_GIVEN]
    assert window.switcher.names() == [MARKER]  # Arlo is gone from the window too
    assert "before-restore" in [b.reason for b in window.session.backups()]


def test_restoring_a_backup_from_before_a_recovery_asks_to_unlock_again(
        qtbot, tmp_path: Path, tasks: TaskRunner) -> None:
    secret = sessions.new_recovery_secret()
    path = tmp_path / "family.familyfile"
    first = sessions.create(path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    first.add_child(ChildDraft(MARKER_GIVEN, MARKER_FAMILY, "2024-03-01"))
    first.backup_now("manual")
    first.close()
    # Forgot passphrase: the recovery key sets a new one and re-encrypts the file.
    opened, _new_key = sessions.recover(path, sessions.format_recovery_key(secret), NEW_PASSPHRASE)
    try:
        window = show_window(qtbot, MainWindow(opened, tasks))
        window.backups_action.trigger()
        dialog = window.findChild(BackupsDialog)
        row = next(r for r in range(dialog.model.rowCount())
                   if dialog.model.backup(r).reason == "manual")
        dialog.table.selectRow(row)
        qtbot.mouseClick(dialog.restore, Qt.LeftButton)
        with qtbot.waitSignal(window.lock_requested, timeout=20000):
            press(qtbot, message(qtbot, dialog), "Restore this backup")
        box = message(qtbot, window)
        assert "Unlock it with the passphrase you used on" in box.text()
    finally:
        tasks.wait_idle()
        opened.close()
    reopened = sessions.unlock(path, PASSPHRASE)  # the passphrase from the backup's day
    try:
        assert [c.given_name for c in reopened.children()] == [MARKER_GIVEN]
    finally:
        reopened.close()


def test_cancelling_a_restore_changes_nothing(qtbot, window: MainWindow, tasks: TaskRunner,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    window.session.backup_now("manual")
    called: list[object] = []
    monkeypatch.setattr(window.session, "restore", called.append)
    window.backups_action.trigger()
    dialog = window.findChild(BackupsDialog)
    qtbot.mouseClick(dialog.restore, Qt.LeftButton)
    press(qtbot, message(qtbot, dialog), "Cancel")
    wait_idle(qtbot, tasks)
    assert called == []


def test_a_file_in_a_cloud_sync_folder_shows_a_note(qtbot, tmp_path: Path, tasks: TaskRunner) -> None:
    opened = sessions.create(tmp_path / "Dropbox" / "family.familyfile", PASSPHRASE, kdf=FAST_KDF)
    try:
        assert "sync-folder" in opened.warnings
        window = show_window(qtbot, MainWindow(opened, tasks))
        assert window.sync_note.isVisible()
        overview = window.page("overview")
        assert overview.empty.isVisible() and not overview.about.isVisible()  # no child yet
        qtbot.mouseClick(overview.add_child, Qt.LeftButton)
        assert window.current_section() == "children"
    finally:
        opened.close()


def test_the_automatic_backup_runs_when_due_and_not_while_busy(qtbot, window: MainWindow,
                                                               tasks: TaskRunner) -> None:
    assert window.auto_backup_timer.isActive()
    assert window.auto_backup_timer.interval() == AUTO_BACKUP_CHECK_MS == 5 * 60 * 1000
    tasks.busy = True  # another task is running: the tick is skipped
    window.auto_backup_timer.timeout.emit()
    tasks.busy = False
    assert window.session.backups() == []

    window.auto_backup_timer.timeout.emit()  # the child added by the fixture is unsaved news
    wait_idle(qtbot, tasks)
    assert [b.reason for b in window.session.backups()] == ["auto"]
    made = window.session.backups()[0].made_utc.astimezone()
    assert window.status.text() == f"Saved · Last backup {made:%H:%M}"  # and no problem

    window.auto_backup_timer.timeout.emit()  # nothing changed since: no second backup
    wait_idle(qtbot, tasks)
    assert len(window.session.backups()) == 1


def test_a_failed_automatic_backup_is_said_in_the_status(qtbot, window: MainWindow, tasks: TaskRunner,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def full() -> None:
        raise errors.DiskFullError("no space")

    monkeypatch.setattr(window.session, "auto_backup_if_due", full)
    window.auto_backup()
    wait_idle(qtbot, tasks)
    assert "The automatic backup did not work: Not saved: the disk is full" in window.status.text()


def test_export_then_import_the_whole_family_file(qtbot, window: MainWindow, tasks: TaskRunner,
                                                  tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "moving" / "family-file-export"  # the suffix is added
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.export_action.trigger()
    wait_idle(qtbot, tasks)
    box = message(qtbot, window)
    assert box.text().startswith("Exported. It opens with the same passphrase or recovery key.")
    press(qtbot, box, "OK")
    exported = out.with_name("family-file-export.ffexport")
    assert exported.exists()

    target = tmp_path / "other-computer" / "family"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(exported), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSPHRASE, True))
    next(a for a in window.menuBar().actions()[0].menu().actions()
         if a.text() == "Import whole family file…").trigger()
    wait_idle(qtbot, tasks)
    assert "Imported and checked" in message(qtbot, window).text()
    imported = sessions.unlock(target.with_name("family.familyfile"), PASSPHRASE)
    try:
        assert [c.given_name for c in imported.children()] == [MARKER_GIVEN]
    finally:
        imported.close()


def test_an_export_that_fails_says_why(qtbot, window: MainWindow, tasks: TaskRunner,
                                       tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(out: Path) -> None:
        raise errors.DiskFullError("no space")

    monkeypatch.setattr(window.session, "export_whole_file", full)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "x"), ""))
    window.export_action.trigger()
    wait_idle(qtbot, tasks)
    assert message(qtbot, window).text().startswith("Not saved: the disk is full")


def test_adding_a_section_is_one_line(monkeypatch: pytest.MonkeyPatch, qtbot, make_family, tasks) -> None:
    from PySide6.QtWidgets import QLabel

    from familyfile.ui import main_window, sections

    extra = sections.Section("growth", lambda: "Growth", "mdi6.chart-line", lambda ctx: QLabel("growth"))
    monkeypatch.setattr(main_window, "sections", lambda: [*sections.sections(), extra])
    window = show_window(qtbot, MainWindow(make_family, tasks))
    window.show_section("growth")
    assert window.nav.currentItem().text() == "Growth"
    assert window.stack.currentWidget().text() == "growth"


def test_the_hand_over_menu_opens_the_import_dialog_and_the_checker(qtbot, window: MainWindow,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     tmp_path: Path) -> None:
    from familyfile.services.entry_import import ImportResult
    from familyfile.ui.dialogs import import_entry
    from familyfile.ui.dialogs.import_entry import ImportEntryDialog
    from familyfile.ui.verifier_window import VerifierWindow

    texts = [a.text() for a in window.handover_menu.actions() if not a.isSeparator()]
    assert texts == ["Hand over…", "Add a confirmed entry from a professional…",
                     "Our key's fingerprint…", "Check a card someone gave me…"]
    monkeypatch.setattr(import_entry, "choose_path", lambda *_a: None)
    dialog = window.open_import_entry()
    assert isinstance(dialog, ImportEntryDialog) and dialog.isVisible()
    with qtbot.waitSignal(window.context.children_changed, timeout=2000):  # the pages refresh
        dialog.imported.emit(ImportResult("imported", "Imported."))
    dialog.close()
    monkeypatch.setenv("FAMILYFILE_HOME", str(tmp_path))  # the checker's trust store
    window.check_card_action.trigger()
    checkers = [w for w in QApplication.topLevelWidgets() if isinstance(w, VerifierWindow) and w.isVisible()]
    assert checkers
    for checker in checkers:
        checker.close()


def test_our_key_fingerprint_and_key_card_for_a_professional(qtbot, window: MainWindow) -> None:
    from familyfile.export import shc
    from familyfile.export.verify import read_key_card
    from familyfile.services import signing
    from tests.ui.test_qr_fullscreen import decoded

    window.family_key_action.trigger()
    shown = next(d for d in window.findChildren(QDialog) if d.isVisible() and hasattr(d, "show_card"))
    digits = signing.fingerprint(window.session)
    assert shown.fingerprint.text().split() == digits.split()  # the same 60 digits, in groups
    qtbot.mouseClick(shown.show_card, Qt.LeftButton)
    card = read_key_card(shc.from_numeric(decoded(shown.viewer)))  # what the checker scans
    assert card.fingerprint == digits and card.issuer == signing.issuer(window.session)
    assert card.name == f"The {MARKER_FAMILY} family"
    shown.viewer.close()
    shown.close()

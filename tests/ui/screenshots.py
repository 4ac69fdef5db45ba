"""Offscreen screenshots of the start screens, at 100% and 200% text size.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screenshots [out-folder]
Writes docs/screenshots/<name>.png and <name>-2x.png. Uses made-up names only.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.shots import DOCS, new_family, save, set_text_scale, settle

SIZE_1X = (760, 660)
SIZE_2X = (1366, 768)


def wait_until(check: Callable[[], bool], seconds: float = 20.0) -> None:
    end = time.monotonic() + seconds
    while not check():
        if time.monotonic() > end:
            raise TimeoutError("the screen did not get there")
        QApplication.processEvents()
        time.sleep(0.01)


def shoot(widget: QWidget, out: Path, name: str, suffix: str) -> None:
    settle(widget)
    save(widget, out, f"{name}{suffix}.png")


def show(widget: QWidget, size: tuple[int, int]) -> QWidget:
    widget.resize(*size)
    widget.show()
    widget.activateWindow()
    QTest.qWaitForWindowActive(widget, 2000)
    return widget


def run(out: Path, suffix: str, size: tuple[int, int], work: Path) -> None:
    from familyfile.domain.child import ChildDraft
    from familyfile.services import session as sessions
    from familyfile.services.first_run import FirstRun
    from familyfile.ui.damaged_screen import DamagedScreen
    from familyfile.ui.first_run import FirstRunWizard
    from familyfile.ui.recovery_screen import RecoveryScreen
    from familyfile.ui.unlock_screen import UnlockScreen
    from tests.conftest import FAST_KDF, NEW_PASSPHRASE, PASSPHRASE

    click = lambda button: QTest.mouseClick(button, Qt.LeftButton)  # noqa: E731
    wizard = show(FirstRunWizard(FirstRun(kdf=FAST_KDF, path=work / "family.familyfile")), size)
    shoot(wizard, out, "first-run-1-welcome", suffix)
    click(wizard.next)
    QTest.keyClicks(wizard.passphrase.field.first.edit, "sunshine")
    QTest.keyClicks(wizard.passphrase.field.second.edit, "sunshine1")
    click(wizard.next)
    shoot(wizard, out, "first-run-2-passphrase", suffix)
    for edit in (wizard.passphrase.field.first, wizard.passphrase.field.second):
        edit.clear()
        QTest.keyClicks(edit.edit, PASSPHRASE)
    click(wizard.next)
    shoot(wizard, out, "first-run-3-recovery-sheet", suffix)
    group = wizard.first_run.recovery_key_text.split("-")[wizard.recovery.group - 1]
    QTest.keyClicks(wizard.recovery.confirm_edit, group)
    click(wizard.next)
    QTest.keyClicks(wizard.child.given, "Ada")
    QTest.keyClicks(wizard.child.family, "Example")
    wizard.child.born.lineEdit().selectAll()
    QTest.keyClicks(wizard.child.born, "27 Mar 2024")
    shoot(wizard, out, "first-run-4-child", suffix)
    wizard.close()

    path = work / "family.familyfile"
    secret = sessions.new_recovery_secret()
    opened = new_family(folder=work, recovery_secret=secret)
    opened.add_child(ChildDraft("Ada", "Example", "2024-03-27"))
    opened.backup_now()
    opened.close()

    unlock = show(UnlockScreen(path), size)
    shoot(unlock, out, "unlock", suffix)
    QTest.keyClicks(unlock.secret.edit, "not my passphrase")
    click(unlock.unlock_button)
    wait_until(unlock.error.isVisible)
    shoot(unlock, out, "unlock-wrong-passphrase", suffix)
    unlock.close()

    recovery = show(RecoveryScreen(path), size)
    QTest.keyClicks(recovery.key_edit, sessions.format_recovery_key(secret).replace("-", " "))
    shoot(recovery, out, "recovery", suffix)
    # The slow part runs here on this thread; the screen is then shown as after recovery.
    result = sessions.recover(path, sessions.format_recovery_key(secret), NEW_PASSPHRASE)
    recovery._recovered(result)
    shoot(recovery, out, "recovery-new-sheet", suffix)
    recovery.close_session()
    recovery.close()

    data = bytearray(path.read_bytes())
    data[100] ^= 1
    path.write_bytes(data)
    damaged = show(DamagedScreen(path), size)
    shoot(damaged, out, "damaged", suffix)
    damaged.close()


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DOCS
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Family File")
    base = QFont(app.font())
    for suffix, factor, size in (("", 1.0, SIZE_1X), ("-2x", 2.0, SIZE_2X)):
        set_text_scale(app, factor, base)
        with tempfile.TemporaryDirectory() as home:
            os.environ["FAMILYFILE_HOME"] = home
            run(out, suffix, size, Path(home))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Auto-lock: idle time locks the file and clears the screen; input postpones it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from familyfile.services import locations
from familyfile.ui.controller import AppController
from familyfile.ui.idle import IdleWatcher
from familyfile.ui.main_window import MainWindow
from familyfile.ui.unlock_screen import UnlockScreen
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def unlocked(qtbot, closed_family: Path):
    made: list[AppController] = []

    def make(idle_ms: int) -> AppController:
        controller = AppController(locations.Settings(), idle_ms=idle_ms)
        made.append(controller)
        controller.start(closed_family)
        screen = controller.window
        qtbot.keyClicks(screen.secret.edit, PASSPHRASE)
        qtbot.keyClick(screen.secret.edit, Qt.Key_Return)
        qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)
        return controller

    yield make
    for controller in made:
        controller.shutdown()
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()


def test_idle_time_locks_and_destroys_the_main_window(qtbot, unlocked) -> None:
    controller = unlocked(idle_ms=400)
    main = controller.main_window
    session = controller.session
    assert isinstance(main, MainWindow) and main.isVisible()
    assert controller.idle.active
    qtbot.waitUntil(lambda: isinstance(controller.window, UnlockScreen), timeout=5000)
    assert controller.session is None and not session.is_open
    assert controller.main_window is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(main), timeout=2000)  # destroyed, not hidden
    assert not controller.idle.active
    # unlocking again works and starts the idle clock again
    screen = controller.window
    qtbot.keyClicks(screen.secret.edit, PASSPHRASE)
    qtbot.keyClick(screen.secret.edit, Qt.Key_Return)
    qtbot.waitUntil(lambda: controller.main_window is not None, timeout=10000)
    assert [c.given_name for c in controller.session.children()] == [MARKER_GIVEN]
    assert controller.idle.active


def test_using_the_app_postpones_the_lock(qtbot, unlocked) -> None:
    controller = unlocked(idle_ms=700)
    main = controller.main_window
    started = time.monotonic()
    while time.monotonic() - started < 1.6:  # more than twice the idle time, while busy
        QTest.keyClick(main, Qt.Key_Shift)
        QTest.mouseMove(main, QPoint(50 + int(time.monotonic() * 10) % 50, 60))
        qtbot.wait(150)
        assert controller.main_window is main, "locked while being used"
    assert controller.session is not None and controller.session.is_open
    qtbot.waitUntil(lambda: controller.main_window is None, timeout=5000)  # then idle locks
    assert isinstance(controller.window, UnlockScreen)


def test_lock_button_locks_at_once(qtbot, unlocked) -> None:
    controller = unlocked(idle_ms=0)
    session = controller.session
    qtbot.mouseClick(controller.main_window.lock_button, Qt.LeftButton)
    assert isinstance(controller.window, UnlockScreen)
    assert not session.is_open and controller.session is None


def test_zero_minutes_means_never(qtbot, unlocked) -> None:
    controller = unlocked(idle_ms=0)
    assert not controller.idle.active
    qtbot.wait(300)
    assert controller.main_window is not None


def test_the_setting_is_read_in_minutes() -> None:
    settings = locations.Settings(auto_lock_minutes=5)
    controller = AppController(settings)
    assert controller.idle.timeout_ms == 5 * 60_000
    controller.set_auto_lock_minutes(0)
    assert controller.idle.timeout_ms == 0


def test_the_watcher_fires_once_and_stops(qtbot) -> None:
    watcher = IdleWatcher(100)
    watcher.start()
    with qtbot.waitSignal(watcher.idle_timeout, timeout=2000):
        pass
    assert not watcher.active
    with qtbot.assertNotEmitted(watcher.idle_timeout, wait=300):
        pass

"""The UI tests' shared fixtures: a task runner, and the main window on a family file, shown
and active. (The helpers that drive it like a person are in ``tests.ui.drive``.)"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from familyfile.clock import SYSTEM_CLOCK, FixedClock
from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.services.session import FamilySession
from familyfile.ui.main_window import MainWindow
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.drive import show_window


@pytest.fixture
def tasks(qtbot) -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait_idle()


@pytest.fixture
def clock_at() -> datetime | None:
    """Where the family file's clock stands; a test module that needs a fixed day overrides
    this fixture (None: the real clock)."""
    return None


@pytest.fixture
def born() -> str:
    """The date of birth of the child in ``session``; a test module may override it."""
    return "2024-03-01"


@pytest.fixture
def session(tmp_path: Path, clock_at: datetime | None, born: str) -> Iterator[FamilySession]:
    """A family file with one child, Ada Lovelace (cheap KDF); closed at the end."""
    clock = FixedClock(clock_at) if clock_at is not None else SYSTEM_CLOCK
    opened = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF, clock=clock)
    opened.add_child(ChildDraft("Ada", "Lovelace", born))
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, make_family: FamilySession, tasks: TaskRunner,
           clock_at: datetime | None) -> MainWindow:
    if clock_at is not None:
        make_family._vault.clock = FixedClock(clock_at)
    return show_window(qtbot, MainWindow(make_family, tasks))

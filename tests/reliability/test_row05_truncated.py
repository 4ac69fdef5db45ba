"""Row 5: a truncated database or one whose tail was zeroed gives a handled error (never a
traceback, never an empty family file in its place) and a backup brings it back."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.messages import user_message
from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reliability._helpers import (
    DAMAGED_TEXT,
    PAGE,
    assert_plain_failure,
    db_files,
    make_big_family,
    run_cli,
)


def truncate_to(fraction: float, extra: int = 0) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        size = path.stat().st_size
        os.truncate(path, int(size * fraction) // PAGE * PAGE + extra)
    return damage


def zero_tail(pages: int) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        size = path.stat().st_size
        tail = pages * PAGE if pages else size // 2
        with open(path, "r+b") as f:
            f.seek(size - tail)
            f.write(b"\0" * tail)
    return damage


#: How to damage the file, and whether opening must refuse it before writing anything
#: (a zeroed tail may only show after the opening has written its generation counter).
DAMAGE: dict[str, tuple[Callable[[Path], None], bool]] = {
    "truncate-to-half": (truncate_to(0.5), True),
    "truncate-mid-page": (truncate_to(0.7, 1234), True),
    "truncate-to-one-page": (lambda p: os.truncate(p, PAGE), True),
    "truncate-inside-page-one": (lambda p: os.truncate(p, 100), True),
    "truncate-to-nothing": (lambda p: os.truncate(p, 0), True),
    "zero-second-half": (zero_tail(0), False),
    "zero-last-page": (zero_tail(1), False),
    "zero-last-three-pages": (zero_tail(3), False),
}


@pytest.mark.parametrize("how", sorted(DAMAGE))
def test_damaged_tail_is_handled_and_a_backup_restores_it(family_path: Path, how: str) -> None:
    count = make_big_family(family_path, PASSPHRASE, FAST_KDF)
    newest = sessions.backups_of(family_path)[0]
    damage, refused_before_writing = DAMAGE[how]
    damage(family_path)
    damaged = db_files(family_path)

    # The CLI check: exit 3 with a plain sentence, whichever way the damage shows.
    result = run_cli("check", family_path, passphrase=PASSPHRASE)
    assert result.returncode == 3, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    if result.stderr.strip() != DAMAGED_TEXT:
        assert result.stderr.startswith("The family file is damaged: "), result.stderr
    else:
        assert_plain_failure(result, 3, DAMAGED_TEXT)
    if refused_before_writing:
        assert result.stderr.strip() == DAMAGED_TEXT
        assert db_files(family_path) == damaged

    # In one process, as the app would: the attempt fails or the check finds problems,
    # then the recovery path works at once (no lock or connection left behind).
    try:
        opened = sessions.unlock(family_path, PASSPHRASE)
    except errors.DamagedFileError as exc:
        failure: errors.DamagedFileError | None = exc  # kept alive, like an error dialog
        assert user_message(exc) == DAMAGED_TEXT
        kept = sessions.restore_instead_of_damaged(family_path, newest)
        assert kept.stat().st_size == len(damaged[""])
        if refused_before_writing:
            assert kept.read_bytes() == damaged[""]
    else:
        failure = None
        try:
            assert opened.check(), "damage went unnoticed"
            assert opened.restore(newest) is True
        finally:
            opened.close()
    del failure

    opened = sessions.unlock(family_path, PASSPHRASE)
    try:
        assert opened.check() == []
        assert len(opened.children()) == count
    finally:
        opened.close()


def test_an_emptied_file_is_not_mistaken_for_a_new_family_file(closed_family: Path) -> None:
    """A zero-byte family file (a failed copy, a sync tool) must not open as an empty one."""
    os.truncate(closed_family, 0)
    with pytest.raises(errors.DamagedFileError):
        sessions.unlock(closed_family, PASSPHRASE)
    assert closed_family.stat().st_size == 0
    assert not closed_family.with_name(closed_family.name + "-wal").exists()
    listed = run_cli("child", "list", closed_family, passphrase=PASSPHRASE)
    assert_plain_failure(listed, 3, DAMAGED_TEXT)
    assert closed_family.stat().st_size == 0

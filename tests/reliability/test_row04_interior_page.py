"""Row 4: a flipped byte in an interior page is named by the integrity check, nothing
crashes, and a backup brings the records back."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reliability._helpers import PAGE, flip_byte, make_big_family, page_count, run_cli


@pytest.fixture
def big_family(family_path: Path) -> tuple[Path, int]:
    count = make_big_family(family_path, PASSPHRASE, FAST_KDF)
    assert page_count(family_path) > 20
    return family_path, count


def damage_interior_page(path: Path, rng: random.Random) -> int:
    """Flip a byte in an interior page that unlocking does not read (so the integrity check,
    not the unlock, is what finds it). Pages that unlocking reads (the activity log, meta)
    are skipped by trying each candidate on a copy first."""
    pages = page_count(path)
    for _ in range(20):
        page = rng.randrange(pages // 4, pages * 3 // 4)
        offset = (page - 1) * PAGE + rng.randrange(PAGE)
        if _unlock_survives(path, offset):
            flip_byte(path, offset)
            return page
    raise AssertionError("no interior page found that unlocking leaves unread")


def _unlock_survives(path: Path, offset: int) -> bool:
    import shutil
    import tempfile

    from familyfile import errors
    from familyfile.store import key_header as kh

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / path.name
        shutil.copy(path, copy)
        shutil.copy(kh.header_path(path), kh.header_path(copy))
        flip_byte(copy, offset)
        try:
            sessions.unlock(copy, PASSPHRASE).close()
        except errors.DamagedFileError:
            return False
    return True


def test_check_names_the_damaged_page_and_the_cli_exits_3(big_family: tuple[Path, int],
                                                          rng: random.Random) -> None:
    path, count = big_family
    page = damage_interior_page(path, rng)
    expected = f"HMAC verification failed for page {page}"

    opened = sessions.unlock(path, PASSPHRASE)
    try:
        problems = opened.check()
    finally:
        opened.close()
    assert expected in problems, problems
    assert [p for p in problems if p.startswith("HMAC")] == [expected]

    result = run_cli("check", path, passphrase=PASSPHRASE)
    assert result.returncode == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("The family file is damaged: ")
    assert expected in result.stderr
    assert "familyfile restore" in result.stderr


def test_restore_from_a_backup_through_the_cli(big_family: tuple[Path, int],
                                               rng: random.Random) -> None:
    path, count = big_family
    newest = sessions.backups_of(path)[0]
    page = damage_interior_page(path, rng)
    damaged = path.read_bytes()

    result = run_cli("restore", path, newest.name, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    check = run_cli("check", path, passphrase=PASSPHRASE)
    assert check.returncode == 0, check.stderr
    assert f"{count} children" in check.stdout
    # The damaged file was kept beside the family file (opening it had bumped its
    # generation counter, so compare the damaged page itself).
    kept = [p for p in path.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1, sorted(p.name for p in path.parent.iterdir())
    start = (page - 1) * PAGE
    assert kept[0].read_bytes()[start:start + PAGE] == damaged[start:start + PAGE]


def test_restore_from_a_backup_in_the_open_session(big_family: tuple[Path, int],
                                                   rng: random.Random) -> None:
    path, count = big_family
    newest = sessions.backups_of(path)[0]
    damage_interior_page(path, rng)
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        assert opened.check()
        assert opened.restore(newest) is True
        assert opened.check() == []
        assert len(opened.children()) == count
    finally:
        opened.close()
    reopened = sessions.unlock(path, PASSPHRASE)
    try:
        assert reopened.check() == [] and len(reopened.children()) == count
    finally:
        reopened.close()

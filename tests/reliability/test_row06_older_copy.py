"""Row 6: an older copy of the database put back in place is noticed (the generation
counter), warned about, and only accepted when the person says so."""

from __future__ import annotations

import shutil
from pathlib import Path

from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from familyfile.store.vault import OLDER_COPY
from tests.conftest import MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import run_cli

OLDER_WARNING = "Warning: this family file is older than the copy last opened here."


def put_older_copy_back(path: Path) -> int:
    """Copy the database aside, use the file a few times, then copy the old one back.
    Returns the generation the key header reached."""
    aside = path.with_name("aside.db")
    assert not path.with_name(path.name + "-wal").exists()
    shutil.copy2(path, aside)
    for n in range(3):
        opened = sessions.unlock(path, PASSPHRASE)
        try:
            opened.add_child(ChildDraft(f"Later{n}", "Child", "2025-01-01"))
        finally:
            opened.close()
    generation = kh.read_header(path).generation
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.copy2(aside, path)
    return generation


def test_older_copy_is_noticed_warned_and_accepted_only_on_request(closed_family: Path) -> None:
    generation = put_older_copy_back(closed_family)

    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert OLDER_COPY in opened.warnings
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
    finally:
        opened.close()
    # Opening it again without accepting still warns: nothing accepted it silently.
    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert OLDER_COPY in opened.warnings
    finally:
        opened.close()
    assert kh.read_header(closed_family).generation == generation

    for _ in range(2):
        result = run_cli("check", closed_family, passphrase=PASSPHRASE)
        assert result.returncode != 0
        assert result.returncode == 1, result.stderr
        assert OLDER_WARNING in result.stderr
        assert "Traceback" not in result.stderr
        assert not result.stdout.startswith("Healthy")

    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert OLDER_COPY in opened.warnings
        opened.accept_older_copy()
        assert OLDER_COPY not in opened.warnings
        assert "older-copy-accepted" in [a.kind for a in opened.activity()]
    finally:
        opened.close()
    assert kh.read_header(closed_family).generation > generation

    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert OLDER_COPY not in opened.warnings
        assert opened.check() == []
    finally:
        opened.close()
    result = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert OLDER_WARNING not in result.stderr


def test_the_current_copy_never_warns(closed_family: Path) -> None:
    """The counter moves with every opening: no false alarm on ordinary use."""
    for _ in range(4):
        opened = sessions.unlock(closed_family, PASSPHRASE)
        try:
            assert opened.warnings == []
            opened.add_child(ChildDraft("Another", "Child", "2025-02-02"))
        finally:
            opened.close()
    result = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert result.returncode == 0 and result.stderr == ""

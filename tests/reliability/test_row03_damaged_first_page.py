"""Row 3: a flipped byte in page 1 or in the salt is "damaged" (never "wrong passphrase");
the damaged file is kept as it is and the newest verified backup is offered and restored."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain.child import ChildDraft
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF, MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import (
    DAMAGED_TEXT,
    assert_backup_sound,
    assert_plain_failure,
    db_files,
    flip_byte,
    run_cli,
    sha256,
)

# The salt is the first 16 bytes; then encrypted page-1 content; the page's HMAC is last.
OFFSETS = {"salt-first-byte": 0, "salt-last-byte": 15, "page1-content": 100,
           "page1-hmac": 4090}


def add_second_child_with_backups(path: Path) -> None:
    """A manual backup with one child, then a second child (the close backs it up)."""
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        opened.backup_now("manual")
        opened.add_child(ChildDraft("Second", "Child", "2025-06-01"))
    finally:
        opened.close()
    assert len(sessions.backups_of(path)) >= 3


@pytest.mark.parametrize("where", sorted(OFFSETS))
def test_flipped_byte_in_page_one_is_damage_not_a_wrong_passphrase(
        closed_family: Path, where: str) -> None:
    add_second_child_with_backups(closed_family)
    header_before = kh.header_path(closed_family).read_bytes()
    flip_byte(closed_family, OFFSETS[where])
    damaged = db_files(closed_family)

    with pytest.raises(errors.DamagedFileError) as caught:
        sessions.unlock(closed_family, PASSPHRASE)
    assert not isinstance(caught.value, errors.WrongPassphraseError)
    assert user_message(caught.value) == DAMAGED_TEXT
    assert "passphrase is right" in DAMAGED_TEXT

    result = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert_plain_failure(result, 3, DAMAGED_TEXT)

    # The damaged file (and its key header) are kept exactly as they were.
    assert db_files(closed_family) == damaged
    assert kh.header_path(closed_family).read_bytes() == header_before

    # The newest verified backup is the one offered first, and it is sound.
    offered = sessions.backups_of(closed_family)
    assert offered[0].made_utc > offered[1].made_utc
    assert assert_backup_sound(offered[0], PASSPHRASE)["child"] == 2

    kept = sessions.restore_instead_of_damaged(closed_family, offered[0])
    assert kept != closed_family and kept.parent == closed_family.parent
    assert kept.read_bytes() == damaged[""]
    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert sorted(c.given_name for c in opened.children()) == sorted([MARKER_GIVEN, "Second"])
        assert opened.check() == []
    finally:
        opened.close()


def test_cli_restore_of_a_damaged_first_page(closed_family: Path) -> None:
    add_second_child_with_backups(closed_family)
    newest = sessions.backups_of(closed_family)[0]
    flip_byte(closed_family, 8)
    damaged = sha256(closed_family)
    listed = run_cli("backups", closed_family)
    assert listed.returncode == 0 and listed.stdout.splitlines()[0].startswith(newest.name)
    result = run_cli("restore", closed_family, newest.name, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "The damaged file was kept as" in result.stdout
    kept = [p for p in closed_family.parent.iterdir() if ".damaged-" in p.name
            and p.name.endswith(("Z",))]
    assert len(kept) == 1 and sha256(kept[0]) == damaged
    check = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert check.returncode == 0, check.stderr
    assert "2 children" in check.stdout


def test_the_newest_backup_is_offered_first_even_within_one_second(family_path: Path) -> None:
    """Backups made in the same second (a stopped clock makes it certain) keep their order."""
    clock = FixedClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, clock=clock)
    opened.add_child(ChildDraft(MARKER_GIVEN, "One", "2024-03-01"))
    opened.backup_now("manual")
    opened.backup_now("manual")
    opened.add_child(ChildDraft("Second", "Two", "2025-06-01"))
    opened.close()  # the on-close backup is the last one made, with both children
    offered = sessions.backups_of(family_path)
    assert [b.reason for b in offered] == ["on-close", "manual", "manual"], offered
    assert len({b.made_utc for b in offered}) == 3
    assert assert_backup_sound(offered[0], PASSPHRASE)["child"] == 2

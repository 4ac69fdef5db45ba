"""Row 11: the disk fills up during a save (a real 512 KiB tmpfs): "Not saved: the disk is
full", nothing half-written, the input can be saved again once there is room, earlier data
intact; a backup on a full disk leaves nothing under a final backup name."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.store.database import connect, integrity_problems
from tests.conftest import FAST_KDF, MARKER_FAMILY, MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import (
    DISK_FULL_PREFIX,
    data_key,
    fill_disk,
    final_backup_names,
    run_cli,
)


def draft(n: int) -> ChildDraft:
    return ChildDraft(f"{MARKER_GIVEN}{n:03d}".ljust(95, "a"), MARKER_FAMILY.ljust(95, "b"),
                      "2024-03-01")


def child_names(path: Path) -> list[str]:
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        assert opened.check() == []
        return sorted(c.given_name for c in opened.children())
    finally:
        opened.close()


def test_save_on_a_full_disk(small_disk: Path) -> None:
    path = small_disk / "family.familyfile"
    opened = sessions.create(path, PASSPHRASE, kdf=FAST_KDF)
    saved: list[str] = []
    try:
        for n in range(3):
            saved.append(opened.add_child(draft(n)).given_name)
        filler = fill_disk(small_disk, leave_pages=6)

        failed: errors.DiskFullError | None = None
        for n in range(3, 300):
            try:
                saved.append(opened.add_child(draft(n)).given_name)
            except errors.DiskFullError as exc:
                failed, unsaved = exc, draft(n)
                break
        assert failed is not None, "the disk never filled up"
        assert len(saved) > 3, "no save went through before the disk was full"
        assert user_message(failed).startswith(DISK_FULL_PREFIX)
        assert "Everything saved before is safe" in user_message(failed)

        # Nothing of the failed save is in the file; everything before it is.
        assert sorted(c.given_name for c in opened.children()) == sorted(saved)
        assert unsaved.given_name not in [c.given_name for c in opened.children()]
        # Still full: trying again fails the same way and still writes nothing.
        with pytest.raises(errors.DiskFullError):
            opened.add_child(unsaved)
        assert len(opened.children()) == len(saved)

        # Room again: the very same input is saved, once.
        filler.unlink()
        retried = opened.add_child(unsaved)
        saved.append(retried.given_name)
        assert [c.given_name for c in opened.children()].count(unsaved.given_name) == 1
        assert opened.check() == []
    finally:
        opened.close()
    assert child_names(path) == sorted(saved)
    conn = connect(path, data_key(path, PASSPHRASE), journal_mode=None)
    try:
        assert integrity_problems(conn) == []
    finally:
        conn.close()


def test_backup_on_a_full_disk_leaves_no_final_name(small_disk: Path) -> None:
    path = small_disk / "family.familyfile"
    opened = sessions.create(path, PASSPHRASE, kdf=FAST_KDF)
    try:
        for n in range(8):
            opened.add_child(draft(n))
        opened.backup_now("manual")
        folder = path.with_name(path.name + "-backups")
        names_before = final_backup_names(folder)
        assert names_before
        pages = path.stat().st_size // 4096
        leaves = (0, 2, 4, 7)
        assert pages > max(leaves), "the backup must not fit in the room left"
        filler = fill_disk(small_disk)
        for leave in leaves:
            # Different amounts of room: the backup fails at different steps.
            if leave:
                filler.unlink()
                filler = fill_disk(small_disk, leave_pages=leave)
            with pytest.raises((errors.DiskFullError, errors.BackupError)) as caught:
                opened.backup_now("manual")
            assert isinstance(caught.value, errors.DiskFullError), caught.value
            assert user_message(caught.value).startswith(DISK_FULL_PREFIX)
            assert final_backup_names(folder) == names_before
            assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
        filler.unlink()
        assert opened.check() == []
        assert len(opened.children()) == 8
    finally:
        opened.close()
    assert len(child_names(path)) == 8


def test_opening_on_a_full_disk_is_not_called_damage(small_disk: Path) -> None:
    """A full disk must never send the family to their backups as if the file were damaged."""
    path = small_disk / "family.familyfile"
    opened = sessions.create(path, PASSPHRASE, kdf=FAST_KDF)
    try:
        for n in range(3):
            opened.add_child(draft(n))
    finally:
        opened.close()
    filler = fill_disk(small_disk)
    try:
        opened = sessions.unlock(path, PASSPHRASE)
    except errors.DiskFullError as exc:
        assert user_message(exc).startswith(DISK_FULL_PREFIX)
    else:
        opened.close()
    result = run_cli("check", path, passphrase=PASSPHRASE)
    assert result.returncode != 3, result.stderr
    assert "damaged" not in result.stderr
    assert "Traceback" not in result.stderr
    assert result.returncode == 0 or result.stderr.startswith(DISK_FULL_PREFIX), result.stderr
    filler.unlink()
    assert len(child_names(path)) == 3

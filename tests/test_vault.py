"""The vault through its service: create, unlock, lock, passphrases, recovery, restore."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF, MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE


def test_new_family_file_is_encrypted_private_and_opens(family_path: Path) -> None:
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF)
    opened.add_child(ChildDraft(MARKER_GIVEN, "Okafor", "2024-03-01"))
    opened.close()
    assert MARKER_GIVEN.encode() not in family_path.read_bytes()
    assert not family_path.read_bytes().startswith(b"SQLite format 3")
    assert family_path.stat().st_mode & 0o077 == 0, "readable by other users"
    again = sessions.unlock(family_path, PASSPHRASE)
    assert [c.given_name for c in again.children()] == [MARKER_GIVEN]
    assert again.check() == []
    again.close()


def test_create_refuses_an_existing_file(closed_family: Path) -> None:
    with pytest.raises(errors.FamilyFileExistsError):
        sessions.create(closed_family, PASSPHRASE, kdf=FAST_KDF)


def test_missing_file_is_its_own_error(tmp_path: Path) -> None:
    with pytest.raises(errors.NoFamilyFileError):
        sessions.unlock(tmp_path / "nothing.familyfile", PASSPHRASE)


def test_one_program_at_a_time(make_family: sessions.FamilySession) -> None:
    with pytest.raises(errors.LockedError):
        sessions.unlock(make_family.path, PASSPHRASE)


def test_generation_grows_with_every_unlock(closed_family: Path) -> None:
    generations = []
    for _ in range(3):
        opened = sessions.unlock(closed_family, PASSPHRASE)
        generations.append(kh.read_header(closed_family).generation)
        assert opened.warnings == []
        opened.close()
    assert generations == sorted(set(generations))


def test_change_passphrase(closed_family: Path) -> None:
    opened = sessions.unlock(closed_family, PASSPHRASE)
    with pytest.raises(errors.WrongPassphraseError):
        opened.change_passphrase("not it", NEW_PASSPHRASE)
    opened.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    opened.close()
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(closed_family, PASSPHRASE)
    again = sessions.unlock(closed_family, NEW_PASSPHRASE)
    kinds = [a.kind for a in again.activity()]
    assert "passphrase-changed" in kinds and again.warnings == []
    again.close()


def test_recovery_rekeys_and_retires_the_old_key(family_path: Path) -> None:
    secret = sessions.new_recovery_secret()
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    opened.add_child(ChildDraft(MARKER_GIVEN, "Okafor", "2024-03-01"))
    opened.close()
    old_key = sessions.format_recovery_key(secret)
    recovered, new_key = sessions.recover(family_path, old_key, NEW_PASSPHRASE)
    assert new_key != old_key
    assert [c.given_name for c in recovered.children()] == [MARKER_GIVEN]
    assert "recovered" in [a.kind for a in recovered.activity()]
    recovered.close()
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(family_path, old_key, PASSPHRASE)
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(family_path, PASSPHRASE)
    sessions.unlock(family_path, NEW_PASSPHRASE).close()
    again, _ = sessions.recover(family_path, new_key, PASSPHRASE)
    again.close()


def test_backup_restore_round_trip(make_family: sessions.FamilySession) -> None:
    info = make_family.backup_now()
    make_family.add_child(ChildDraft("Later", "Child", "2025-01-01"))
    assert len(make_family.children()) == 2
    assert make_family.restore(info) is True
    assert [c.given_name for c in make_family.children()] == [MARKER_GIVEN]
    reasons = {b.reason for b in make_family.backups()}
    assert {"manual", "before-restore"} <= reasons
    assert make_family.check() == []


def test_auto_backup_only_when_changed_and_not_too_often(make_family: sessions.FamilySession) -> None:
    from datetime import timedelta

    from familyfile.clock import FixedClock

    clock = FixedClock()
    make_family._vault.clock = clock
    assert make_family.auto_backup_if_due() is not None  # a child was added, no backup yet
    assert make_family.auto_backup_if_due() is None  # nothing changed since
    make_family.add_child(ChildDraft("Second", "Child", "2025-01-01"))
    clock.advance(timedelta(minutes=10))
    assert make_family.auto_backup_if_due() is None  # changed, but only 10 minutes later
    clock.advance(timedelta(minutes=21))
    assert make_family.auto_backup_if_due() is not None


def test_backup_on_close_when_something_changed(closed_family: Path) -> None:
    before = len(sessions.backups_of(closed_family))
    sessions.unlock(closed_family, PASSPHRASE).close()
    assert len(sessions.backups_of(closed_family)) == before  # nothing changed
    opened = sessions.unlock(closed_family, PASSPHRASE)
    opened.add_child(ChildDraft("New", "Child", "2025-02-02"))
    opened.close()
    assert len(sessions.backups_of(closed_family)) == before + 1


def test_restore_a_backup_made_before_a_passphrase_change(closed_family: Path) -> None:
    opened = sessions.unlock(closed_family, PASSPHRASE)
    info = opened.backup_now()
    opened.change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    # Same data key: the restored file keeps the current passphrase.
    assert opened.restore(info) is True
    opened.close()
    sessions.unlock(closed_family, NEW_PASSPHRASE).close()


def test_sync_folder_warning(tmp_path: Path) -> None:
    path = tmp_path / "Dropbox" / "family.familyfile"
    opened = sessions.create(path, PASSPHRASE, kdf=FAST_KDF)
    assert "sync-folder" in opened.warnings
    opened.close()


def test_find_child_by_prefix_or_name(make_family: sessions.FamilySession) -> None:
    child = make_family.children()[0]
    assert make_family.find_child(child.id[:8]) == child
    assert make_family.find_child(MARKER_GIVEN.lower()) == child
    with pytest.raises(errors.NotFoundError):
        make_family.find_child("nobody")


def test_leftovers_of_interrupted_writes_are_tidied_on_unlock(closed_family: Path) -> None:
    from familyfile.store import backup

    stray_header = closed_family.with_name(f".{closed_family.name}-keys.abcd1234.tmp")
    stray_copy = closed_family.with_name(f".{closed_family.name}.beef0001.tmp")
    folder = backup.backups_dir(closed_family)
    folder.mkdir(exist_ok=True)
    half_backup = folder / ".20260101T000000Z-auto.ffbackup.0001.tmp"
    for stray in (stray_header, stray_copy, half_backup):
        stray.write_bytes(b"partial")
    unrelated = closed_family.with_name("notes.txt")
    unrelated.write_text("keep me")
    sessions.unlock(closed_family, PASSPHRASE).close()
    assert not stray_header.exists() and not stray_copy.exists() and not half_backup.exists()
    assert unrelated.read_text() == "keep me"

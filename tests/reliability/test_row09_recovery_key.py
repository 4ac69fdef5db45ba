"""Row 9: the recovery key opens the file, forces a new passphrase and issues a new
recovery key; the old key and the old passphrase stop working; the new key works."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF, MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE
from tests.reliability._helpers import (
    WRONG_PASSPHRASE_TEXT,
    WRONG_RECOVERY_KEY_TEXT,
    assert_plain_failure,
    db_files,
    run_cli,
)

THIRD_PASSPHRASE = "orchard-velvet-compass-19"


@pytest.fixture
def family_with_key(family_path: Path) -> tuple[Path, str]:
    secret = sessions.new_recovery_secret()
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    opened.add_child(ChildDraft(MARKER_GIVEN, "Family", "2024-03-01"))
    opened.close()
    return family_path, sessions.format_recovery_key(secret)


def names(path: Path, passphrase: str) -> list[str]:
    opened = sessions.unlock(path, passphrase)
    try:
        assert opened.check() == []
        return [c.given_name for c in opened.children()]
    finally:
        opened.close()


def test_recovery_replaces_both_secrets(family_with_key: tuple[Path, str]) -> None:
    path, old_key = family_with_key
    old_key_id = kh.read_header(path).key_id

    opened, new_key = sessions.recover(path, old_key, NEW_PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
        assert "recovered" in [a.kind for a in opened.activity()]
    finally:
        opened.close()
    assert new_key != old_key
    assert sessions.parse_recovery_key(new_key) != sessions.parse_recovery_key(old_key)
    # The data key itself changed, so a copy of the old header cannot open the new file.
    assert kh.read_header(path).key_id != old_key_id
    assert kh.read_header(path).kdf == FAST_KDF

    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(path, PASSPHRASE)
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(path, old_key, THIRD_PASSPHRASE)
    assert names(path, NEW_PASSPHRASE) == [MARKER_GIVEN]

    # The old recovery key does not open it even with every key header gone.
    saved = {p: p.read_bytes() for p in (kh.header_path(path), kh.mirror_path(path))}
    for header_file in saved:
        header_file.unlink()
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(path, old_key, THIRD_PASSPHRASE)
    for header_file, data in saved.items():
        header_file.write_bytes(data)

    # The new key works, and in turn issues another one.
    opened, newer_key = sessions.recover(path, new_key, THIRD_PASSPHRASE)
    opened.close()
    assert newer_key not in (new_key, old_key)
    assert names(path, THIRD_PASSPHRASE) == [MARKER_GIVEN]
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(path, NEW_PASSPHRASE)


def test_cli_recover_needs_a_new_passphrase_and_prints_a_new_key(
        family_with_key: tuple[Path, str]) -> None:
    path, old_key = family_with_key
    before = db_files(path)

    # No new passphrase given: refused, nothing changed.
    refused = run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=old_key)
    assert refused.returncode == 1 and "FAMILYFILE_NEW_PASSPHRASE" in refused.stderr
    # A weak new passphrase: refused, nothing changed.
    weak = run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=old_key,
                   FAMILYFILE_NEW_PASSPHRASE="password")
    assert weak.returncode == 1 and "Traceback" not in weak.stderr
    # A wrong recovery key: exit 2, one sentence.
    wrong_key = sessions.format_recovery_key(sessions.new_recovery_secret())
    assert_plain_failure(run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=wrong_key,
                                 FAMILYFILE_NEW_PASSPHRASE=NEW_PASSPHRASE),
                         2, WRONG_RECOVERY_KEY_TEXT)
    assert db_files(path) == before
    assert names(path, PASSPHRASE) == [MARKER_GIVEN]

    done = run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=old_key,
                   FAMILYFILE_NEW_PASSPHRASE=NEW_PASSPHRASE)
    assert done.returncode == 0, done.stderr
    assert "Your old recovery sheet no longer works" in done.stdout
    new_key = done.stdout.strip().splitlines()[-1]
    assert sessions.parse_recovery_key(new_key) != sessions.parse_recovery_key(old_key)

    assert_plain_failure(run_cli("check", path, passphrase=PASSPHRASE), 2, WRONG_PASSPHRASE_TEXT)
    assert_plain_failure(run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=old_key,
                                 FAMILYFILE_NEW_PASSPHRASE=THIRD_PASSPHRASE),
                         2, WRONG_RECOVERY_KEY_TEXT)
    assert run_cli("check", path, passphrase=NEW_PASSPHRASE).returncode == 0
    again = run_cli("recover", path, FAMILYFILE_RECOVERY_KEY=new_key,
                    FAMILYFILE_NEW_PASSPHRASE=THIRD_PASSPHRASE)
    assert again.returncode == 0, again.stderr
    assert names(path, THIRD_PASSPHRASE) == [MARKER_GIVEN]

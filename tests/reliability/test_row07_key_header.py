"""Row 7: a damaged key header falls back to its mirror; with both gone the recovery key
is asked for and opens the file; the failed attempts never touch the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.domain.child import ChildDraft
from familyfile.messages import user_message
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF, MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE
from tests.reliability._helpers import (
    KEY_HEADER_MISSING_TEXT,
    assert_plain_failure,
    db_files,
    flip_byte,
    run_cli,
)


@pytest.fixture
def family_with_key(family_path: Path) -> tuple[Path, str]:
    secret = sessions.new_recovery_secret()
    opened = sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret)
    opened.add_child(ChildDraft(MARKER_GIVEN, "Family", "2024-03-01"))
    opened.close()
    return family_path, sessions.format_recovery_key(secret)


DAMAGES = {
    "flipped-byte": lambda p: flip_byte(p, p.stat().st_size // 2),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[:100]),
    "emptied": lambda p: p.write_bytes(b""),
    "garbage": lambda p: p.write_bytes(b"\x00\xff" * 300),
    "deleted": lambda p: p.unlink(),
}


@pytest.mark.parametrize("how", sorted(DAMAGES))
def test_damaged_header_falls_back_to_its_mirror(family_with_key: tuple[Path, str],
                                                 how: str) -> None:
    path, _key = family_with_key
    mirror_before = kh.mirror_path(path).read_bytes()
    DAMAGES[how](kh.header_path(path))

    result = run_cli("check", path, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert "1 children" in result.stdout
    # A wrong passphrase is still told apart (the mirror is read, the slot stays closed).
    with pytest.raises(errors.WrongPassphraseError):
        sessions.unlock(path, NEW_PASSPHRASE)

    opened = sessions.unlock(path, PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
        assert opened.check() == []
    finally:
        opened.close()
    # Opening wrote a good header again; the mirror held the same key all along.
    header = kh.KeyHeader.from_bytes(kh.header_path(path).read_bytes())
    assert header.key_id == kh.KeyHeader.from_bytes(mirror_before).key_id


def test_both_headers_gone_asks_for_the_recovery_key(family_with_key: tuple[Path, str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    path, key_text = family_with_key
    kh.header_path(path).unlink()
    flip_byte(kh.mirror_path(path), 40)
    before = db_files(path)

    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        with pytest.raises(errors.KeyHeaderMissingError) as caught:
            sessions.unlock(path, passphrase)
        assert user_message(caught.value) == KEY_HEADER_MISSING_TEXT
        assert_plain_failure(run_cli("check", path, passphrase=passphrase), 3,
                             KEY_HEADER_MISSING_TEXT)
    # A wrong recovery key does not open it and changes nothing either.
    wrong = sessions.format_recovery_key(sessions.new_recovery_secret())
    with pytest.raises(errors.WrongRecoveryKeyError):
        sessions.recover(path, wrong, NEW_PASSPHRASE)
    assert db_files(path) == before
    assert not kh.header_path(path).exists()

    # The rebuilt header would use production Argon2 parameters: keep the test fast.
    monkeypatch.setattr(kh, "PRODUCTION_KDF", FAST_KDF)
    opened, new_key = sessions.recover(path, key_text, NEW_PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
        assert opened.check() == []
    finally:
        opened.close()
    assert new_key != key_text
    opened = sessions.unlock(path, NEW_PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
    finally:
        opened.close()
    assert run_cli("check", path, passphrase=NEW_PASSPHRASE).returncode == 0

"""Row 15: a second program on the same family file is refused with a clear sentence
while the first has it open; once the first is gone (even killed), it opens."""

from __future__ import annotations

from pathlib import Path

import pytest

from familyfile import errors
from familyfile.messages import user_message
from familyfile.services import session as sessions
from tests.conftest import MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import (
    LOCKED_TEXT,
    Child,
    assert_plain_failure,
    child_env,
    db_files,
    run_cli,
)


def test_second_opening_in_the_same_process_is_refused(closed_family: Path) -> None:
    first = sessions.unlock(closed_family, PASSPHRASE)
    try:
        with pytest.raises(errors.LockedError) as caught:
            sessions.unlock(closed_family, PASSPHRASE)
        assert user_message(caught.value) == LOCKED_TEXT
        # The refused attempt did not disturb the first one.
        assert [c.given_name for c in first.children()] == [MARKER_GIVEN]
        assert first.check() == []
    finally:
        first.close()
    second = sessions.unlock(closed_family, PASSPHRASE)
    second.close()


def test_cli_exits_4_while_another_process_holds_it(closed_family: Path) -> None:
    with Child("hold", closed_family, env=child_env(passphrase=PASSPHRASE)) as holder:
        holder.wait_for("ready")
        before = db_files(closed_family)
        for command in (("check",), ("child", "list"), ("backup",), ("passwd",)):
            result = run_cli(*command, closed_family, passphrase=PASSPHRASE,
                             FAMILYFILE_NEW_PASSPHRASE="orchard-velvet-compass-19")
            assert_plain_failure(result, 4, LOCKED_TEXT)
        with pytest.raises(errors.LockedError):
            sessions.unlock(closed_family, PASSPHRASE)
        assert db_files(closed_family) == before
        assert holder.finish() == 0
        assert holder.lines[-1] == "closed"
    result = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr


def test_a_killed_holder_does_not_lock_the_family_out(closed_family: Path) -> None:
    with Child("hold", closed_family, env=child_env(passphrase=PASSPHRASE)) as holder:
        holder.wait_for("ready")
        assert run_cli("check", closed_family, passphrase=PASSPHRASE).returncode == 4
        holder.kill9()
    result = run_cli("check", closed_family, passphrase=PASSPHRASE)
    assert result.returncode == 0, result.stderr
    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
    finally:
        opened.close()

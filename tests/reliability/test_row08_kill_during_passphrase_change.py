"""Row 8: kill -9 in the middle of passphrase changes: afterwards the old or the new
passphrase opens the file, never neither (and never both)."""

from __future__ import annotations

import random
import time
from pathlib import Path

from familyfile import errors
from familyfile.services import session as sessions
from familyfile.store.vault import OLDER_COPY
from tests.conftest import MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE
from tests.reliability._helpers import Child, child_env

KILLS = 10


def which_opens(path: Path) -> list[str]:
    """The passphrases (of the two) that open the file; each opened file is checked."""
    working = []
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        try:
            opened = sessions.unlock(path, passphrase)
        except errors.WrongPassphraseError:
            continue
        try:
            assert OLDER_COPY not in opened.warnings
            assert [c.given_name for c in opened.children()] == [MARKER_GIVEN]
            assert opened.check() == []
        finally:
            opened.close()
        working.append(passphrase)
    return working


def test_kill_9_during_passphrase_changes(closed_family: Path, rng: random.Random) -> None:
    current = PASSPHRASE
    completed = 0
    for _ in range(KILLS):
        other = NEW_PASSPHRASE if current == PASSPHRASE else PASSPHRASE
        with Child("passwd", closed_family, current, other, env=child_env()) as child:
            child.wait_for("ready")
            time.sleep(rng.uniform(0.0, 0.25))
            child.kill9()
            acks = child.acks()
        working = which_opens(closed_family)
        assert len(working) == 1, (working, acks)
        completed += len(acks)
        current = working[0]
    assert completed > 0, "no change ever completed: the kills came too early"

"""Row 10: kill -9 many times during writes, in WAL and in DELETE journal mode: every
acknowledged save is there, no transaction is half there, the integrity check is clean."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest

from familyfile.services import session as sessions
from familyfile.store.database import connect, integrity_problems
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reliability._helpers import Child, child_env, data_key

KILLS_PER_MODE = 15
_PAIR_ID = re.compile(r"^pair(\d{10})([ab])$")


def saved_pairs(path: Path, key: bytes) -> tuple[set[int], set[int], list[str]]:
    """(complete pairs, half pairs, integrity problems) as a fresh opening sees them."""
    conn = connect(path, key, journal_mode=None)
    try:
        problems = integrity_problems(conn)
        halves: dict[int, set[str]] = {}
        for row_id, family in conn.execute("SELECT id, family_name FROM child"):
            match = _PAIR_ID.match(row_id)
            assert match, row_id
            n = int(match.group(1))
            assert family == f"pair-{n}"
            halves.setdefault(n, set()).add(match.group(2))
    finally:
        conn.close()
    complete = {n for n, h in halves.items() if h == {"a", "b"}}
    return complete, set(halves) - complete, problems


@pytest.mark.parametrize("mode", ["WAL", "DELETE"])
def test_kill_9_during_writes(family_path: Path, rng: random.Random, mode: str) -> None:
    sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF).close()
    key = data_key(family_path, PASSPHRASE)
    child_mode = {"WAL": "pairs-wal", "DELETE": "pairs-delete"}[mode]
    env = child_env(passphrase=PASSPHRASE, FAMILYFILE_TEST_KEY=key.hex())
    acknowledged: set[int] = set()
    journals_seen = 0

    for round_number in range(KILLS_PER_MODE):
        start = round_number * 1_000_000
        with Child(child_mode, family_path, start, env=env) as child:
            child.wait_for("ready")
            time.sleep(rng.uniform(0.01, 0.15))
            child.kill9()
            acks = {int(a) for a in child.acks()}
        acknowledged |= acks
        journal = family_path.with_name(family_path.name + {"WAL": "-wal", "DELETE": "-journal"}[mode])
        journals_seen += journal.exists() and journal.stat().st_size > 0

        complete, half, problems = saved_pairs(family_path, key)
        assert problems == [], (round_number, problems)
        assert half == set(), f"half-written transactions {sorted(half)} after kill {round_number}"
        missing = acknowledged - complete
        assert not missing, f"acknowledged saves lost after kill {round_number}: {sorted(missing)}"
        # At most the one transaction in flight when the kill came was saved unacknowledged.
        assert len(complete & set(range(start, start + 1_000_000)) - acks) <= 1

    assert len(acknowledged) >= KILLS_PER_MODE, "the children hardly wrote anything"
    assert journals_seen > 0, "no kill ever left a journal behind: the kills missed the writes"

    # Finally, through the vault: everything opens and checks out (activity log included).
    opened = sessions.unlock(family_path, PASSPHRASE)
    try:
        assert opened.check() == []
        assert len(opened.children()) >= 2 * len(acknowledged)
    finally:
        opened.close()

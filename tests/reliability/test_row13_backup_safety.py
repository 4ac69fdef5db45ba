"""Row 13: a backup made while the family file is being written is consistent and verified;
a backup killed half-way never leaves a file under a final backup name, and its leftovers
are cleaned up by backup.remove_incomplete."""

from __future__ import annotations

import os
import random
import threading
import time
from datetime import UTC, date, datetime
from pathlib import Path

from familyfile.domain.child import Child
from familyfile.domain.ids import ChildId
from familyfile.store import backup
from familyfile.store import children as child_rows
from familyfile.store import key_header as kh
from familyfile.store.database import connect
from familyfile.store.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.reliability._helpers import Child as ChildProcess
from tests.reliability._helpers import assert_backup_sound, child_env

BIG_ROWS = 3000
KILLS = 8


def add_pair(vault: Vault, n: int) -> None:
    now = datetime.now(UTC)
    with vault.write() as conn:
        for half in ("a", "b"):
            child_rows.add(conn, Child(ChildId(f"pair{n:08d}{half}"), f"Pair {half}",
                                       f"pair-{n}", date(2022, 2, 2)), now)


def pairs_in(info: backup.BackupInfo) -> tuple[int, set[int]]:
    """(children in the backup, pair numbers with only one half)."""
    key = kh.KeyHeader.from_bytes(info.keys_path.read_bytes()).unwrap_with_passphrase(PASSPHRASE)
    conn = connect(info.path, key, journal_mode=None)
    try:
        families = [r[0] for r in conn.execute("SELECT family_name FROM child")]
    finally:
        conn.close()
    counts: dict[str, int] = {}
    for family in families:
        counts[family] = counts.get(family, 0) + 1
    return len(families), {int(f.split("-")[1]) for f, c in counts.items() if c != 2}


def test_backups_made_while_writing_are_consistent_and_verified(family_path: Path) -> None:
    vault, _secret = Vault.create(family_path, PASSPHRASE, kdf=FAST_KDF)
    made: list[backup.BackupInfo] = []
    failures: list[BaseException] = []

    def backups_in_a_worker() -> None:
        try:
            for _ in range(6):
                made.append(vault.backup_now("manual"))
        except BaseException as exc:  # reported in the main thread
            failures.append(exc)

    try:
        for n in range(20):
            add_pair(vault, n)
        worker = threading.Thread(target=backups_in_a_worker)
        worker.start()
        n = 20
        while worker.is_alive():
            add_pair(vault, n)
            n += 1
        worker.join()
        assert failures == []
        assert vault.check() == []
    finally:
        vault.close(backup_if_changed=False)

    assert len(made) == 6
    listed = backup.list_backups(backup.backups_dir(family_path))
    assert {b.path for b in made} <= {b.path for b in listed}
    sizes = set()
    for info in made:
        assert_backup_sound(info, PASSPHRASE)
        count, half = pairs_in(info)
        assert half == set(), f"{info.name} holds half of a transaction"
        sizes.add(count)
    assert len(sizes) > 1, "the writes never overlapped the backups"


def make_big(path: Path, rows: int) -> None:
    vault, _secret = Vault.create(path, PASSPHRASE, kdf=FAST_KDF)
    now = datetime.now(UTC)
    try:
        with vault.write() as conn:
            for n in range(rows):
                text = os.urandom(512).hex()  # 1 KB
                child_rows.add(conn, Child(ChildId(f"big{n:08d}"), text, "Big",
                                           date(2021, 1, 1)), now)
    finally:
        vault.close(backup_if_changed=False)


def incomplete_leftovers(folder: Path) -> set[str]:
    """Temporary files, and key headers whose backup never got its final name."""
    if not folder.is_dir():
        return set()
    names = {p.name for p in folder.iterdir()}
    return {n for n in names if n.startswith(".")} | {
        n for n in names if n.endswith(backup.KEYS_SUFFIX)
        and n[: -len(backup.KEYS_SUFFIX)] + backup.SUFFIX not in names}


def assert_every_final_name_is_a_verified_backup(folder: Path, checked: set[str],
                                                 rows: int) -> None:
    listed = {b.name: b for b in backup.list_backups(folder)}
    for path in folder.iterdir():
        if backup.parse_name(path) is not None:
            assert path.name in listed, f"{path.name} is under a final name without its key header"
    for name, info in listed.items():
        if name not in checked:
            assert assert_backup_sound(info, PASSPHRASE)["child"] == rows
            checked.add(name)


def test_kill_9_mid_backup_never_leaves_a_final_name(family_path: Path,
                                                     rng: random.Random) -> None:
    make_big(family_path, BIG_ROWS)
    folder = backup.backups_dir(family_path)
    vault = Vault.open(family_path, PASSPHRASE)
    try:
        started = time.monotonic()
        vault.backup_now("manual")
        duration = time.monotonic() - started
    finally:
        vault.close(backup_if_changed=False)
    assert family_path.stat().st_size > BIG_ROWS * 1024

    checked: set[str] = set()
    killed_mid_backup = 0
    env = child_env(passphrase=PASSPHRASE)
    for _ in range(KILLS):
        before = incomplete_leftovers(folder)
        with ChildProcess("backups", family_path, 2, env=env) as child:
            child.wait_for("ready")
            time.sleep(rng.uniform(0.0, 2.2 * duration))
            child.kill9()
            acked = len(child.acks())
        killed_mid_backup += bool(incomplete_leftovers(folder) - before)
        assert_every_final_name_is_a_verified_backup(folder, checked, BIG_ROWS)
        assert len(backup.list_backups(folder)) >= acked
    assert killed_mid_backup > 0, "no kill landed in the middle of a backup"

    listed_before = [b.name for b in backup.list_backups(folder)]
    backup.remove_incomplete(folder)
    assert incomplete_leftovers(folder) == set()
    assert [b.name for b in backup.list_backups(folder)] == listed_before
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        listed_before + [n[: -len(backup.SUFFIX)] + backup.KEYS_SUFFIX
                                      for n in listed_before])
    assert_every_final_name_is_a_verified_backup(folder, set(), BIG_ROWS)
    # And the family file itself came through all of it.
    vault = Vault.open(family_path, PASSPHRASE)
    try:
        assert vault.check() == []
    finally:
        vault.close(backup_if_changed=False)

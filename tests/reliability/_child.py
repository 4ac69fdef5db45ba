"""A child process for the reliability tests: real work until it is told to stop or killed.

    python _child.py MODE PATH [ARGS...]

The passphrase comes from FAMILYFILE_PASSPHRASE, a raw data key (hex) from
FAMILYFILE_TEST_KEY. The child prints ``ready`` when the interesting part starts and
one ``ack …`` line after each unit of work is committed (flushed at once), so the
parent knows exactly what was acknowledged before it sent ``kill -9``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

PAIR_SQL = ("INSERT INTO child (id, given_name, family_name, date_of_birth, created_utc,"
            " updated_utc) VALUES (?, ?, ?, '2024-01-01', '2026-01-01T00:00:00Z',"
            " '2026-01-01T00:00:00Z')")


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def passphrase() -> str:
    return os.environ["FAMILYFILE_PASSPHRASE"]


def insert_pair(conn: object, n: int, given: str = "pair") -> None:
    """Two related rows: both or neither must survive a crash."""
    for half in ("a", "b"):
        conn.execute(PAIR_SQL, (f"pair{n:010d}{half}", f"{given} {half}", f"pair-{n}"))  # type: ignore[attr-defined]


def pairs_wal(path: Path, start: int) -> None:
    """Committed pairs through the vault (WAL journal)."""
    from familyfile.store.vault import Vault

    vault = Vault.open(path, passphrase())
    say("ready")
    n = start
    while True:
        with vault.write() as conn:
            insert_pair(conn, n)
        say(f"ack {n}")
        n += 1


def pairs_delete(path: Path, start: int) -> None:
    """Committed pairs straight through the database layer in DELETE journal mode."""
    from familyfile.store.database import connect, transaction

    conn = connect(path, bytes.fromhex(os.environ["FAMILYFILE_TEST_KEY"]), journal_mode="DELETE")
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() != "delete":
        raise SystemExit(f"journal mode is {mode}")
    say("ready")
    n = start
    while True:
        with transaction(conn):
            insert_pair(conn, n)
        say(f"ack {n}")
        n += 1


def hang_in_transaction(path: Path, journal_mode: str, given: str, family: str) -> None:
    """Write marker rows inside a transaction that never commits (killed meanwhile)."""
    from familyfile.store.database import connect

    conn = connect(path, bytes.fromhex(os.environ["FAMILYFILE_TEST_KEY"]), journal_mode=journal_mode)
    conn.execute("PRAGMA cache_size = 8")  # spill uncommitted pages to disk
    conn.execute("BEGIN IMMEDIATE")
    for n in range(400):
        conn.execute(PAIR_SQL, (f"hang{n:06d}", f"{given} {n}", family))
    say("in-transaction")
    time.sleep(600)


def marker_app(path: Path, given: str, family: str) -> None:
    """Use the app's services the way the app does: remember the file, add, back up."""
    from familyfile.domain.child import ChildDraft
    from familyfile.services import locations
    from familyfile.services import session as sessions

    settings = locations.load_settings()
    settings.remember(path)
    locations.save_settings(settings)
    opened = sessions.unlock(path, passphrase())
    say("ready")
    n = 0
    while True:
        n += 1
        opened.add_child(ChildDraft(given, family, "2024-03-01"))
        opened.add_child(ChildDraft(f"{given} {n}", f"{family}-{n}", "2023-05-17"))
        if n % 3 == 0:
            opened.backup_now("manual")
        opened.auto_backup_if_due()
        say(f"ack {n}")


def passwd_loop(path: Path, first: str, second: str) -> None:
    """Change the passphrase back and forth until killed."""
    from familyfile.services import session as sessions

    current, other = first, second
    opened = sessions.unlock(path, current)
    say("ready")
    while True:
        opened.change_passphrase(current, other)
        current, other = other, current
        say(f"ack {'first' if current == first else 'second'}")


def backups(path: Path, count: int) -> None:
    """Make ``count`` verified backups in a row."""
    from familyfile.store.vault import Vault

    vault = Vault.open(path, passphrase())
    say("ready")
    for n in range(count):
        vault.backup_now("manual")
        say(f"ack {n}")
    vault.close(backup_if_changed=False)
    say("done")
    sys.stdin.read()  # stay alive until killed or told to stop


def hold(path: Path) -> None:
    """Keep the family file open until stdin closes."""
    from familyfile.services import session as sessions

    opened = sessions.unlock(path, passphrase())
    say("ready")
    sys.stdin.read()
    opened.close()
    say("closed")


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    target = Path(path)
    if mode == "pairs-wal":
        pairs_wal(target, int(rest[0]))
    elif mode == "pairs-delete":
        pairs_delete(target, int(rest[0]))
    elif mode == "hang":
        hang_in_transaction(target, rest[0], rest[1], rest[2])
    elif mode == "marker":
        marker_app(target, rest[0], rest[1])
    elif mode == "passwd":
        passwd_loop(target, rest[0], rest[1])
    elif mode == "backups":
        backups(target, int(rest[0]))
    elif mode == "hold":
        hold(target)
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])

"""Row 2: a child's name never reaches the disk, temp files, logs or output in clear."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from familyfile.services import session as sessions
from tests.conftest import FAST_KDF, MARKER_FAMILY, MARKER_GIVEN, PASSPHRASE
from tests.reliability._helpers import Child, child_env, data_key, run_cli

MARKERS = (MARKER_GIVEN, MARKER_FAMILY)


def marker_forms() -> list[bytes]:
    forms = []
    for marker in MARKERS:
        for text in (marker, marker.lower(), marker.upper()):
            forms.extend([text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")])
    return forms


def found_in_bytes(data: bytes) -> list[bytes]:
    return [form for form in marker_forms() if form in data]


def found_in_tree(*roots: Path) -> dict[str, list[bytes]]:
    """Every file under ``roots`` (and the file names themselves) holding a marker."""
    hits: dict[str, list[bytes]] = {}
    for root in roots:
        paths = [root] if root.is_file() else sorted(root.rglob("*"))
        for path in paths:
            name_hits = found_in_bytes(path.name.encode("utf-8"))
            content_hits = found_in_bytes(path.read_bytes()) if path.is_file() else []
            if name_hits or content_hits:
                hits[str(path)] = name_hits + content_hits
    return hits


def test_the_search_finds_a_marker_in_clear(tmp_path: Path) -> None:
    """The search below is able to see a marker when one is there (control)."""
    control = tmp_path / "control"
    control.mkdir()
    (control / "plain.txt").write_bytes(b"..." + MARKER_FAMILY.lower().encode() + b"...")
    (control / "wide.txt").write_bytes(MARKER_GIVEN.encode("utf-16-le"))
    assert set(found_in_tree(control)) == {str(control / "plain.txt"), str(control / "wide.txt")}


def test_marker_is_nowhere_after_kill_9(tmp_path: Path, private_home: Path,
                                        private_tmpdir: Path, rng: random.Random) -> None:
    folder = tmp_path / "family"
    path = folder / "family.familyfile"
    sessions.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    env = child_env(passphrase=PASSPHRASE, TMPDIR=str(private_tmpdir))

    with Child("marker", path, MARKER_GIVEN, MARKER_FAMILY, env=env) as child:
        child.wait_for("ready")
        child.wait_for_count("ack ", 6)
        time.sleep(rng.uniform(0.0, 0.3))
        child.kill9()
        acked = len(child.acks())
        child_output = bytes(child.stdout_bytes + child.stderr_bytes)

    # As the kill left them: database, -wal, -shm (maybe -journal), keys, lock, backups.
    left = sorted(p.name for p in folder.iterdir())
    assert "family.familyfile-wal" in left, left
    assert any(p.suffix == ".ffbackup" for p in (folder / "family.familyfile-backups").iterdir())
    assert found_in_tree(folder) == {}
    assert found_in_tree(private_tmpdir, private_home) == {}
    assert list(private_home.rglob("settings.json")), "the child used the settings like the app"
    assert found_in_bytes(child_output) == []

    # The marker really was saved (so the search above was looking for something real).
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        given = [c.given_name for c in opened.children()]
    finally:
        opened.close()
    assert given.count(MARKER_GIVEN) >= acked

    # Use the CLI on it: checks, backups, listing backups, a failed unlock.
    export = tmp_path / "export" / "moving-house.ffexport"
    export.parent.mkdir()
    outputs = [
        run_cli("check", path, passphrase=PASSPHRASE, TMPDIR=str(private_tmpdir)),
        run_cli("backup", path, passphrase=PASSPHRASE, TMPDIR=str(private_tmpdir)),
        run_cli("backups", path, "--json", TMPDIR=str(private_tmpdir)),
        run_cli("check", path, passphrase=PASSPHRASE + "?", TMPDIR=str(private_tmpdir)),
        run_cli("export-file", path, export, passphrase=PASSPHRASE, TMPDIR=str(private_tmpdir)),
    ]
    assert [r.returncode for r in outputs] == [0, 0, 0, 2, 0], [r.stderr for r in outputs]
    for result in outputs:
        assert found_in_bytes(result.raw_stdout + result.raw_stderr) == [], result.stdout
    assert found_in_tree(folder, private_tmpdir, private_home) == {}

    # The deliberate export carries the records, encrypted: no marker in clear either.
    assert export.stat().st_size > 0
    assert found_in_tree(export.parent) == {}
    restored = tmp_path / "restored" / "family.familyfile"
    sessions.import_whole_file(export, restored, PASSPHRASE)
    opened = sessions.unlock(restored, PASSPHRASE)
    try:
        assert MARKER_GIVEN in [c.given_name for c in opened.children()]
    finally:
        opened.close()


@pytest.mark.parametrize("journal_mode", ["DELETE", "WAL"])
def test_marker_is_not_in_a_journal_left_by_a_killed_transaction(
        tmp_path: Path, private_tmpdir: Path, journal_mode: str) -> None:
    path = tmp_path / "family.familyfile"
    sessions.create(path, PASSPHRASE, kdf=FAST_KDF).close()
    key = data_key(path, PASSPHRASE)
    env = child_env(TMPDIR=str(private_tmpdir), FAMILYFILE_TEST_KEY=key.hex())
    with Child("hang", path, journal_mode, MARKER_GIVEN, MARKER_FAMILY, env=env) as child:
        child.wait_for("in-transaction")
        child.kill9()
    journal = {"DELETE": "-journal", "WAL": "-wal"}[journal_mode]
    left = path.with_name(path.name + journal)
    assert left.exists() and left.stat().st_size > 0, sorted(p.name for p in tmp_path.iterdir())
    assert found_in_tree(tmp_path) == {}
    # The transaction never committed: none of its rows is visible after the crash.
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        assert opened.children() == []
        assert opened.check() == []
    finally:
        opened.close()

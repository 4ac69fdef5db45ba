"""The command line: names, exit codes, secrets from the environment, one sentence per error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from familyfile import cli
from familyfile.services import session as sessions
from tests.conftest import MARKER_GIVEN, NEW_PASSPHRASE, PASSPHRASE


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "familyfile", *args], capture_output=True,
                          text=True, env=full_env, timeout=120, stdin=subprocess.DEVNULL)


def test_init_prints_the_recovery_key_once_and_writes_the_sheet(tmp_path: Path) -> None:
    path = tmp_path / "new.familyfile"
    sheet = tmp_path / "sheet.pdf"
    done = run("init", str(path), "--recovery-sheet", str(sheet),
               env={"FAMILYFILE_PASSPHRASE": PASSPHRASE})
    assert done.returncode == 0, done.stderr
    key = done.stdout.strip().splitlines()[-1]
    assert len(key.split("-")) == 9
    assert sheet.read_bytes().startswith(b"%PDF")
    # The production KDF was used for a family file made by the CLI.
    from familyfile.store import key_header as kh

    assert kh.read_header(path).kdf == kh.PRODUCTION_KDF
    recovered, _ = sessions.recover(path, key, NEW_PASSPHRASE)
    recovered.close()


def test_init_refuses_a_weak_passphrase(tmp_path: Path) -> None:
    done = run("init", str(tmp_path / "x.familyfile"), env={"FAMILYFILE_PASSPHRASE": "password"})
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.familyfile").exists()


def test_no_passphrase_and_no_terminal_is_a_plain_error(closed_family: Path) -> None:
    done = run("check", str(closed_family))
    assert done.returncode == 1
    assert "FAMILYFILE_PASSPHRASE" in done.stderr and "Traceback" not in done.stderr


def test_check_exit_codes(closed_family: Path) -> None:
    healthy = run("check", str(closed_family), env={"FAMILYFILE_PASSPHRASE": PASSPHRASE})
    assert healthy.returncode == 0, healthy.stderr
    wrong = run("check", str(closed_family), env={"FAMILYFILE_PASSPHRASE": "wrong one"})
    assert wrong.returncode == 2
    assert wrong.stderr.strip() == "That passphrase is not right. Check Caps Lock and try again."
    held = sessions.unlock(closed_family, PASSPHRASE)
    try:
        locked = run("check", str(closed_family), env={"FAMILYFILE_PASSPHRASE": PASSPHRASE})
    finally:
        held.close()
    assert locked.returncode == 4 and "another copy of Family File" in locked.stderr
    missing = run("check", str(closed_family.with_name("none.familyfile")),
                  env={"FAMILYFILE_PASSPHRASE": PASSPHRASE})
    assert missing.returncode == 1 and "Traceback" not in missing.stderr


def test_child_add_and_list(closed_family: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    assert cli.main(["child", "add", str(closed_family), "--given", "Ada", "--family", "Lovelace",
                     "--dob", "2025-06-30", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["given_name"] == "Ada"
    assert cli.main(["child", "list", str(closed_family), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {c["given_name"] for c in listed} == {MARKER_GIVEN, "Ada"}
    assert cli.main(["child", "add", str(closed_family), "--given", "", "--family", "X",
                     "--dob", "2025-01-01"]) == 1
    assert capsys.readouterr().err.strip() == "Enter the child's first name."
    assert cli.main(["child", "add", str(closed_family), "--given", "A", "--family", "X",
                     "--dob", "31/01/2025"]) == 1
    assert "real date" in capsys.readouterr().err


def test_passwd_and_recover_through_the_environment(family_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import FAST_KDF

    secret = sessions.new_recovery_secret()
    sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret).close()
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FAMILYFILE_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert cli.main(["passwd", str(family_path)]) == 0
    assert cli.main(["check", str(family_path)]) == 2
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", NEW_PASSPHRASE)
    assert cli.main(["check", str(family_path)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("FAMILYFILE_RECOVERY_KEY", sessions.format_recovery_key(secret))
    monkeypatch.setenv("FAMILYFILE_NEW_PASSPHRASE", "otter-granite-violin-13")
    assert cli.main(["recover", str(family_path)]) == 0
    new_key = capsys.readouterr().out.strip().splitlines()[-1]
    assert new_key != sessions.format_recovery_key(secret)
    assert cli.main(["recover", str(family_path)]) == 2  # the old key no longer works


def test_backup_list_restore(closed_family: Path, monkeypatch: pytest.MonkeyPatch,
                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    assert cli.main(["backup", str(closed_family)]) == 0
    capsys.readouterr()
    assert cli.main(["backups", str(closed_family), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    manual = [b for b in listed if b["reason"] == "manual"]
    assert len(manual) == 1
    cli.main(["child", "add", str(closed_family), "--given", "Later", "--family", "X",
              "--dob", "2025-01-01"])
    assert cli.main(["restore", str(closed_family), manual[0]["name"]]) == 0
    capsys.readouterr()
    cli.main(["child", "list", str(closed_family), "--json"])
    assert [c["given_name"] for c in json.loads(capsys.readouterr().out)] == [MARKER_GIVEN]
    assert cli.main(["restore", str(closed_family), "no-such-backup"]) == 1


def test_export_and_import_whole_file(closed_family: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "moving.ffexport"
    assert cli.main(["export-file", str(closed_family), str(out)]) == 0
    assert MARKER_GIVEN.encode() not in out.read_bytes()
    target = tmp_path / "new-computer" / "family.familyfile"
    assert cli.main(["import-file", str(out), str(target)]) == 0
    capsys.readouterr()
    assert cli.main(["child", "list", str(target), "--json"]) == 0
    assert [c["given_name"] for c in json.loads(capsys.readouterr().out)] == [MARKER_GIVEN]
    # Importing over an existing family file backs it up first.
    assert cli.main(["import-file", str(out), str(target)]) == 0
    assert "before-import" in {b.reason for b in sessions.backups_of(target)}
    # Wrong passphrase and a file that is not an export are refused plainly.
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", "wrong")
    assert cli.main(["import-file", str(out), str(tmp_path / "other.familyfile")]) == 2
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    junk = tmp_path / "junk.ffexport"
    junk.write_bytes(b"PK\x03\x04 nonsense")
    assert cli.main(["import-file", str(junk), str(tmp_path / "other.familyfile")]) == 1
    assert "not a Family File export" in capsys.readouterr().err
    assert not (tmp_path / "other.familyfile").exists()


def test_passphrases_are_never_options() -> None:
    parser = cli.build_parser()
    text = parser.format_help()
    for action in parser._actions:  # every option of every command
        assert "passphrase" not in " ".join(action.option_strings)
    assert "init" in text and "check" in text


def test_new_recovery_key_when_the_sheet_is_lost(family_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from tests.conftest import FAST_KDF

    secret = sessions.new_recovery_secret()
    sessions.create(family_path, PASSPHRASE, kdf=FAST_KDF, recovery_secret=secret).close()
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", "wrong passphrase")
    assert cli.main(["new-recovery-key", str(family_path)]) == 2
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    sheet = tmp_path / "new-sheet.pdf"
    assert cli.main(["new-recovery-key", str(family_path), "--recovery-sheet", str(sheet)]) == 0
    new_key = capsys.readouterr().out.strip().splitlines()[-1]
    assert sheet.read_bytes().startswith(b"%PDF")
    assert cli.main(["check", str(family_path)]) == 0  # the passphrase is unchanged
    with pytest.raises(Exception) as old:
        sessions.recover(family_path, sessions.format_recovery_key(secret), NEW_PASSPHRASE)
    assert type(old.value).__name__ == "WrongRecoveryKeyError"
    sessions.recover(family_path, new_key, NEW_PASSPHRASE)[0].close()

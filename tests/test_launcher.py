"""`familyfile` starts the app without loading the command line; commands go to the CLI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from familyfile import launcher


def test_no_arguments_and_open_start_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import familyfile.app

    started: list[object] = []
    monkeypatch.setattr(familyfile.app, "run", lambda path=None: started.append(path) or 0)
    assert launcher.main([]) == 0
    assert launcher.main(["open", str(tmp_path / "f.familyfile")]) == 0
    assert started == [None, tmp_path / "f.familyfile"]


def test_commands_go_to_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", "anything at all")
    assert launcher.main(["check", str(tmp_path / "none.familyfile")]) == 1
    assert "no family file" in capsys.readouterr().err


def test_starting_the_app_does_not_load_the_command_line() -> None:
    code = ("import sys, familyfile.launcher; "
            "print('familyfile.cli' in sys.modules, 'familyfile.commands' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "False"]

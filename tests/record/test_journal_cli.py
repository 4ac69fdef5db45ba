"""``familyfile journal …`` and ``familyfile milestone …`` from the command line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image

from familyfile import cli
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def run(closed_family: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)

    def call(*args: str) -> tuple[int, str, str]:
        code = cli.main([args[0], args[1], str(closed_family), MARKER_GIVEN, *args[2:]])
        done = capsys.readouterr()
        return code, done.out, done.err

    return call


def test_journal_add_list_search(run, tmp_path: Path) -> None:
    photo = tmp_path / "p.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (50, 40), "red").save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    code, out, err = run("journal", "add", "--date", "2025-01-05", "--area", "cl", "--text",
                         "Said \u201cball\u201d at the café", "--first", "First word",
                         "--photo", str(photo), "--json")
    assert code == 0, err
    added = json.loads(out)
    assert added["area"] == "communication_language" and added["is_first"] and added["photos"] == 1
    assert added["written_by"] == "Written by you"
    code, _, _ = run("journal", "add", "--date", "2025-01-06", "--area", "physical", "--text", "Rolled over")
    assert code == 0
    code, out, _ = run("journal", "list", "--json")
    assert [e["date"] for e in json.loads(out)] == ["2025-01-06", "2025-01-05"]
    code, out, _ = run("journal", "list", "--area", "Physical development")
    assert "Rolled over" in out and "ball" not in out
    code, out, _ = run("journal", "search", "cafe", "--json")
    assert [e["id"] for e in json.loads(out)] == [added["id"]]
    code, out, _ = run("journal", "search", '"ball AND (')
    assert code == 0 and "First: First word." in out


def test_journal_refuses_plainly(run, tmp_path: Path) -> None:
    code, _, err = run("journal", "add", "--date", "2025-01-05", "--area", "cooking", "--text", "x")
    assert code == 1 and "Unknown area" in err and "Traceback" not in err
    code, _, err = run("journal", "add", "--date", "2999-01-05", "--area", "cl", "--text", "x")
    assert code == 1 and err.strip() == "The date you saw it cannot be in the future."
    fake = tmp_path / "fake.jpg"
    fake.write_text("hello")
    code, _, err = run("journal", "add", "--date", "2025-01-05", "--area", "cl", "--text", "x",
                       "--photo", str(fake))
    assert code == 1 and "JPEG or PNG" in err


def test_milestone_list_and_answer(run) -> None:
    code, out, err = run("milestone", "list", "--json")
    assert code == 0, err
    found = json.loads(out)
    assert found["band"]["id"] and len(found["milestones"]) > 100
    code, out, _ = run("milestone", "answer", "m2-calms", "--answer", "not-yet", "--json")
    answered = json.loads(out)
    assert answered["answer"] == "not-yet" and answered["worth_mentioning"]  # the child is over 2 months
    assert answered["note"] == "It may be worth talking to your health visitor about this."
    code, out, _ = run("milestone", "answer", "m2-calms", "--answer", "yes", "--since", "2024-05-01")
    assert code == 0 and out.startswith("Saved: Yes.") and "health visitor" not in out
    code, out, _ = run("milestone", "list", "--all")
    assert "m2-calms\tYes (since 2024-05-01)" in out and "Milestones for 0 to 3 months:" in out
    code, _, err = run("milestone", "answer", "nope", "--answer", "yes")
    assert code == 1 and err.strip() == "Choose one of the options for the milestone."

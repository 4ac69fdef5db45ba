"""``familyfile immunisation add|list|schedule`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familyfile import cli
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def path(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    return closed_family  # one child, born 2024-03-01


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert cli.main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_add_then_list_shows_the_dose_as_given(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = run_json(capsys, "immunisation", "add", str(path), MARKER_GIVEN, "--date", "2024-04-26",
                     "--vaccine", "6in1", "--product", "Infanrix hexa", "--batch", "AB123C",
                     "--site", "left_thigh", "--given-by", "Practice nurse", "--where", "Surgery")
    assert isinstance(added, dict)
    assert (added["vaccine"], added["dose"], added["on"], added["declined"]) == ("6in1", 1, "2024-04-26",
                                                                                  False)
    assert added["author"]["kind"] == "parent" and added["snomed"] == "871895005"
    run_json(capsys, "immunisation", "add", str(path), MARKER_GIVEN, "--date", "2024-04-30",
             "--vaccine", "menb", "--abroad", "France")
    run_json(capsys, "immunisation", "add", str(path), MARKER_GIVEN, "--date", "2024-04-30",
             "--vaccine", "rotavirus", "--declined")
    listed = run_json(capsys, "immunisation", "list", str(path), MARKER_GIVEN)
    assert isinstance(listed, dict)
    first = {(d["vaccine"], d["dose"]): d for d in listed["doses"]}
    assert first[("6in1", 1)]["status"] == "given" and first[("6in1", 1)]["record_id"] == added["id"]
    assert first[("menb", 1)]["status_text"] == "Given on 30 April 2024 abroad or elsewhere (France)"
    assert first[("rotavirus", 1)]["status"] == "declined"
    assert first[("hib_menc", 1)]["due"] == "2025-03-01"
    assert listed["schedule"]["edition"] == "2026-01" and listed["schedule"]["verify"]
    assert cli.main(["immunisation", "list", str(path), MARKER_GIVEN]) == 0
    text = capsys.readouterr().out
    assert "Given on 26 April 2024" in text and "complete routine immunisation schedule" in text


def test_schedule_lists_due_dates_and_editions(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shown = run_json(capsys, "immunisation", "schedule", str(path), MARKER_GIVEN)
    assert isinstance(shown, dict)
    doses = [(d["appointment"], d["vaccine"], d["dose"], d["due"]) for d in shown["doses"]]
    assert doses[0] == ("8w", "6in1", 1, "2024-04-26")
    assert ("3y4m", "mmrv", 2, "2027-07-01") in doses
    assert {d["edition"] for d in shown["doses"]} == {"2020-01", "2026-01"}
    assert cli.main(["immunisation", "schedule", str(path), MARKER_GIVEN]) == 0
    assert "2024-04-26\t8 weeks" in capsys.readouterr().out


@pytest.mark.parametrize(("extra", "words"), [
    (["--date", "2024-02-01", "--vaccine", "menb"], "cannot be before the child was born"),
    (["--date", "30/2/2024", "--vaccine", "menb"], "real date"),
    (["--date", "2024-05-01", "--vaccine", "menb", "--declined", "--batch", "X1"], "declined"),
    (["--date", "2024-05-01", "--vaccine", "other"], "name of the vaccine"),
])
def test_add_refuses_with_one_sentence(path: Path, capsys: pytest.CaptureFixture[str],
                                       extra: list[str], words: str) -> None:
    code = cli.main(["immunisation", "add", str(path), MARKER_GIVEN, *extra])
    err = capsys.readouterr().err
    assert code == 1 and words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

"""``familyfile involvement`` and ``familyfile appointment`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from familyfile import cli
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def path(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    return closed_family


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    capsys.readouterr()
    assert cli.main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_involvement_add_and_list(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    added = run_json(capsys, "involvement", "add", str(path), MARKER_GIVEN, "--agency",
                     "speech_language", "--organisation", "Riverside Clinic", "--ods", "rj1",
                     "--team", "Early years", "--professional", "Sam Patel", "--role",
                     "Speech therapist", "--contact", "01632 960123", "--start", "2025-05-01",
                     "--reason", "Few words at 2", "--lead")
    assert isinstance(added, dict)
    assert added["ods_code"] == "RJ1" and added["lead"] and added["current"]
    assert added["agency_id"].startswith("agency-") and added["author"]["kind"] == "parent"
    run_json(capsys, "involvement", "add", str(path), MARKER_GIVEN, "--agency", "social_care",
             "--organisation", "Council", "--start", "2025-01-01", "--end", "2025-06-01")
    listed = run_json(capsys, "involvement", "list", str(path), MARKER_GIVEN)
    assert isinstance(listed, list)
    assert [i["agency"] for i in listed] == ["speech_language", "social_care"]
    assert listed[1]["recorded_by_family"] and not listed[1]["current"]
    assert cli.main(["involvement", "list", str(path), MARKER_GIVEN]) == 0
    text = capsys.readouterr().out
    assert "recorded by the family" in text and "lead professional" in text


@pytest.mark.parametrize(("extra", "words"), [
    (["--start", "2025-05-01", "--end", "2025-01-01"], "end date must be on or after"),
    (["--start", "2025-05-01", "--ods", "!!"], "ODS code"),
    (["--start", "someday"], "real date"),
])
def test_involvement_add_refuses_with_one_sentence(path: Path, capsys: pytest.CaptureFixture[str],
                                                   extra: list[str], words: str) -> None:
    code = cli.main(["involvement", "add", str(path), MARKER_GIVEN, "--agency", "gp",
                     "--organisation", "Surgery", *extra])
    err = capsys.readouterr().err
    assert code == 1 and words in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_a_second_lead_is_refused(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = ["involvement", "add", str(path), MARKER_GIVEN, "--agency", "gp", "--organisation",
            "Surgery", "--start", "2025-01-01", "--lead"]
    assert cli.main(base) == 0
    assert cli.main(base) == 1
    assert "lead professional" in capsys.readouterr().err


def test_appointment_add_and_list(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    helper = run_json(capsys, "involvement", "add", str(path), MARKER_GIVEN, "--agency",
                      "health_visiting", "--organisation", "Health visiting team",
                      "--professional", "Jo Reed", "--start", "2024-03-10")
    assert isinstance(helper, dict)
    linked = run_json(capsys, "appointment", "add", str(path), MARKER_GIVEN, "--when",
                      "2099-03-29 10:00", "--place", "Clinic", "--with", helper["id"][:8],
                      "--went-with", "Mum", "--reason", "2-year review")
    assert isinstance(linked, dict)
    assert linked["with_involvement"] == helper["id"] and linked["when_local"] == "2099-03-29 10:00"
    assert linked["when_utc"] == "2099-03-29T09:00:00Z" and "Jo Reed" in linked["with_whom"]
    words = run_json(capsys, "appointment", "add", str(path), MARKER_GIVEN, "--when",
                     "2099-01-10 09:30", "--place", "GP surgery", "--with", "Dr Jones")
    assert isinstance(words, dict) and words["with_text"] == "Dr Jones"
    listed = run_json(capsys, "appointment", "list", str(path), MARKER_GIVEN)
    assert isinstance(listed, list)
    assert [a["id"] for a in listed] == [words["id"], linked["id"]]  # soonest first
    assert cli.main(["appointment", "list", str(path), MARKER_GIVEN]) == 0
    assert "Coming up" in capsys.readouterr().out


def test_appointment_add_refuses_a_bad_time(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["appointment", "add", str(path), MARKER_GIVEN, "--when", "2026-03-29 01:30",
                     "--place", "Clinic"]) == 1
    assert "clocks go forward" in capsys.readouterr().err
    assert cli.main(["appointment", "add", str(path), "Nobody", "--when", "2026-03-29 10:00",
                     "--place", "Clinic"]) == 1

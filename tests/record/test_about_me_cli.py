"""The command line of About me: about show/set, alert add, carer add, child show."""

from __future__ import annotations

import json

import pytest

from familyfile import cli
from tests.conftest import MARKER_GIVEN, PASSPHRASE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_about_alert_carer_and_child_show(closed_family, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    path = str(closed_family)
    code, out, err = run(capsys, "about", "set", path, MARKER_GIVEN, "--known-as", "Zeph",
                         "--sex", "female", "--nhs-number", "943-476-5919", "--language", "English",
                         "--language", "Polish", "--what-helps", "Quiet room")
    assert code == 0, err
    code, out, _err = run(capsys, "alert", "add", path, MARKER_GIVEN, "--type", "allergy",
                          "--what", "Peanuts", "--details", "Swelling", "--json")
    assert code == 0 and json.loads(out)["what"] == "Peanuts"
    code, out, _err = run(capsys, "carer", "add", path, "--name", "Maya", "--relationship",
                          "Mother", "--parental-responsibility", "yes")
    assert code == 0 and out.startswith("Carer added")
    code, out, _err = run(capsys, "about", "show", path, MARKER_GIVEN)
    assert code == 0
    assert "*** *** 5919" in out and "9434765919" not in out  # masked in plain text
    assert "Alert (Allergy): Peanuts — Swelling" in out and "English, Polish" in out
    code, out, _err = run(capsys, "about", "show", path, MARKER_GIVEN, "--json")
    shown = json.loads(out)
    assert shown["about_me"]["nhs_number"] == "9434765919" and shown["version"] == 1
    code, out, _err = run(capsys, "child", "show", path, MARKER_GIVEN, "--json")
    record = json.loads(out)
    assert code == 0 and record["format"] == "familyfile-child-record"
    assert set(record["entries"]) == {"about_me", "alert"} and set(record["family"]) == {"carer"}


def test_cli_refuses_a_bad_nhs_number_in_words(closed_family, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    code, _out, err = run(capsys, "about", "set", str(closed_family), MARKER_GIVEN,
                          "--nhs-number", "943 476 5918")
    assert code == 1 and "NHS number is not right" in err
    code, _out, err = run(capsys, "about", "set", str(closed_family), MARKER_GIVEN)
    assert code == 1 and "Nothing to change" in err
    code, _out, err = run(capsys, "about", "show", str(closed_family), "Nobody")
    assert code == 1 and "could not be found" in err


def test_cli_child_show_finds_an_archived_child_by_id(closed_family, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    from familyfile.services import family
    from familyfile.services import session as sessions

    opened = sessions.unlock(closed_family, PASSPHRASE)
    try:
        child_id = opened.children()[0].id
        family.archive_child(opened, child_id)
    finally:
        opened.close()
    code, out, _err = run(capsys, "child", "show", str(closed_family), child_id, "--json")
    assert code == 0 and json.loads(out)["child"]["archived_utc"]
    code, _out, err = run(capsys, "child", "show", str(closed_family), MARKER_GIVEN)
    assert code == 1 and "could not be found" in err  # by name only while shown

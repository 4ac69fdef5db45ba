"""``familyfile consent``, ``team``, ``preview``, ``share-log``, ``entry mark`` and ``check``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from familyfile import cli
from familyfile.domain.consent import Purpose
from familyfile.domain.involvement import InvolvementDraft
from familyfile.services import consent, involvement, sharing
from familyfile.services import session as sessions
from tests.conftest import MARKER_GIVEN, PASSPHRASE


@pytest.fixture
def path(closed_family: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    return closed_family


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    capsys.readouterr()
    assert cli.main([*args, "--json"]) == 0, capsys.readouterr().err
    return json.loads(capsys.readouterr().out)


def _agencies(path: Path) -> tuple[str, str, str]:
    """A health visitor, a nursery and a growth entry; returns (hv, nursery, growth id)."""
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        child = opened.children()[0].id
        hv = involvement.add(opened, child, InvolvementDraft(
            "health_visiting", "Riverside Health Visiting", "2024-03-10"))
        nursery = involvement.add(opened, child, InvolvementDraft(
            "nursery_childminder", "Little Acorns", "2025-09-01"))
        growth = opened.records.add(child_id=child, kind="growth", occurred_on="2025-02-01", data={
            "measured_on": "2025-02-01", "weight_kg": 7.9})
        return hv.agency_id, nursery.agency_id, growth.id
    finally:
        opened.close()


def test_set_show_withdraw_and_history(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hv, _, _ = _agencies(path)
    given = run_json(capsys, "consent", "set", str(path), MARKER_GIVEN, "--agency", hv,
                     "--category", "health", "--permit", "--purpose", "care", "--until",
                     "2099-01-01", "--review", "2098-01-01", "--how", "written")
    assert given["action"] == "given" and given["decision"] == "permit"
    assert given["how"] == "written" and given["until"] == "2099-01-01"
    assert given["recorded_by"] == {"kind": "parent", "name": ""} and given["explanation"]
    shown = run_json(capsys, "consent", "show", str(path), MARKER_GIVEN)
    row = next(r for r in shown["rows"] if r["recipient"]["id"] == hv)
    assert row["cells"]["health"]["status"] == "permit"
    assert row["cells"]["identity"]["status"] == "none"
    assert "safeguarding" in shown["notice"]
    withdrawn = run_json(capsys, "consent", "withdraw", str(path), MARKER_GIVEN, "--agency",
                         hv[:12], "--category", "health", "--how", "verbal")
    assert withdrawn["action"] == "withdrawn" and withdrawn["decision"] is None
    history = run_json(capsys, "consent", "history", str(path), MARKER_GIVEN)
    assert [h["action"] for h in history] == ["given", "withdrawn"]
    assert cli.main(["consent", "show", str(path), MARKER_GIVEN]) == 0
    text = capsys.readouterr().out
    assert "Riverside Health Visiting" in text and "taken back" in text


def test_refusals_are_one_sentence(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hv, _, _ = _agencies(path)
    base = ["consent", "set", str(path), MARKER_GIVEN, "--permit", "--category", "health"]
    capsys.readouterr()
    assert cli.main([*base, "--agency", "agency-unknown"]) == 1
    assert cli.main([*base, "--agency", hv, "--purpose", "other"]) == 1
    assert cli.main([*base, "--agency", hv, "--until", "someday"]) == 1
    assert cli.main(["consent", "withdraw", str(path), MARKER_GIVEN, "--agency", hv,
                     "--category", "health"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 4 and "Traceback" not in "\n".join(lines)
    assert "could not be found" in lines[0] and "why it is shared" in lines[1]
    assert "real date" in lines[2] and "take back" in lines[3]


def test_team_preview_and_share_log(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hv, nursery, growth = _agencies(path)
    team = run_json(capsys, "team", "add", str(path), "--name", "Children's centre team",
                    "--agency", hv, "--professional", "Sam Patel")
    assert team["members"] == [hv, "professional:sam patel"]
    assert run_json(capsys, "team", "list", str(path))[0]["id"] == team["id"]
    run_json(capsys, "consent", "set", str(path), MARKER_GIVEN, "--team", team["id"],
             "--category", "health", "--permit")
    found = run_json(capsys, "preview", str(path), MARKER_GIVEN, "--agency", hv, "--purpose", "care")
    assert found["in_team"] and found["included"][0]["category"] == "health"
    assert found["included"][0]["items"][0]["entry_id"] == growth
    outside = run_json(capsys, "preview", str(path), MARKER_GIVEN, "--agency", nursery,
                       "--purpose", "care")
    assert outside["included"] == []
    assert outside["held_back"][0]["reason"] in ("no-consent", "beyond-team")
    chosen = run_json(capsys, "preview", str(path), MARKER_GIVEN, "--agency", nursery,
                      "--purpose", "care", "--choose", "health")
    assert chosen["choices"] == ["health"] and chosen["included"]
    assert run_json(capsys, "share-log", str(path), MARKER_GIVEN) == []
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        child = opened.children()[0].id
        who = consent.agency(opened, child, hv)
        selection = sharing.preview(opened, child, who, Purpose("care")).selection
        sharing.record_share(opened, child, who, Purpose("care"), selection, "pdf", b"pdf bytes")
    finally:
        opened.close()
    log = run_json(capsys, "share-log", str(path), MARKER_GIVEN)
    assert log[0]["entry_ids"] == [growth] and log[0]["format"] == "pdf"
    assert len(log[0]["sha256"]) == 64 and log[0]["recipient"]["id"] == hv
    assert cli.main(["preview", str(path), MARKER_GIVEN, "--agency", hv, "--purpose", "care"]) == 0
    assert "Health and growth" in capsys.readouterr().out
    assert cli.main(["share-log", str(path), MARKER_GIVEN]) == 0
    assert "Riverside Health Visiting" in capsys.readouterr().out


def test_entry_mark(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, _, growth = _agencies(path)
    assert run_json(capsys, "entry", "mark", str(path), growth[:10], "private") == {
        "entry_id": growth, "mark": "private"}
    marks = run_json(capsys, "entry", "marks", str(path), growth)
    assert marks["mark"] == "private" and [h["mark"] for h in marks["history"]] == ["private"]
    capsys.readouterr()
    assert cli.main(["entry", "mark", str(path), "nope", "private"]) == 1


def test_check_verifies_the_activity_log(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hv, _, _ = _agencies(path)
    assert cli.main(["consent", "set", str(path), MARKER_GIVEN, "--agency", hv, "--category",
                     "health", "--permit"]) == 0
    capsys.readouterr()
    assert cli.main(["check", str(path)]) == 0
    assert "activity-log" in capsys.readouterr().out
    opened = sessions.unlock(path, PASSPHRASE)
    try:
        conn = opened._vault.conn
        conn.execute("DROP TRIGGER activity_log_no_update")
        seq = conn.execute("SELECT seq FROM activity_log WHERE kind = 'consent'").fetchone()[0]
        conn.execute("UPDATE activity_log SET detail = replace(detail, 'permit', 'deny')"
                     " WHERE seq = ?", (seq,))
    finally:
        opened.close()
    capsys.readouterr()
    assert cli.main(["check", str(path)]) == 3
    err = capsys.readouterr().err
    assert f"activity log: row {seq} was changed after it was written" in err
    assert err.startswith("The family file is damaged") and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1

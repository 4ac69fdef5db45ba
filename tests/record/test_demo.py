"""The sample family file (``familyfile demo``): made through the services, dated from the
clock's today, every section filled, and refused over anything already there."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from familyfile import cli, errors
from familyfile.clock import FixedClock
from familyfile.domain import immunisations as dose_rules
from familyfile.domain import journal as journal_rules
from familyfile.services import (
    about_me,
    appointments,
    birth,
    child_facts,
    demo,
    family,
    growth,
    immunisations,
    involvement,
    journal,
    milestones,
    reviews,
)
from familyfile.services import session as sessions
from familyfile.store import key_header as kh
from tests.conftest import FAST_KDF

PASSPHRASE = "sample-family-2026"
TODAY = datetime(2026, 3, 10, 12, tzinfo=UTC)
BABY_ONLY = {"alert", "integrated_review", "screening_check"}  # kinds the baby has none of yet


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo.DemoSummary]:
    path = tmp_path_factory.mktemp("demo") / "okafor.familyfile"
    return path, demo.create_demo(path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(TODAY))


@pytest.fixture
def opened(sample: tuple[Path, demo.DemoSummary]) -> Iterator[sessions.FamilySession]:
    session = sessions.unlock(sample[0], PASSPHRASE, clock=FixedClock(TODAY))
    yield session
    session.close()


def _ids(session: sessions.FamilySession) -> tuple[str, str]:
    found = {c.given_name: c.id for c in session.children()}
    return found["Oluwatobi"], found["Ayomide"]


# -- the file --------------------------------------------------------------------------------------
def test_the_summary_names_both_children_and_a_recovery_key(sample) -> None:
    path, summary = sample
    assert summary.path == path and summary.made_on == TODAY.date()
    assert [c.name for c in summary.children] == ["Oluwatobi Okafor", "Ayomide Okafor"]
    assert sessions.parse_recovery_key(summary.recovery_key)
    assert summary.carers[:2] == ["Grace Okafor", "Daniel Okafor"]
    assert kh.read_header(path).kdf == FAST_KDF


def test_every_section_has_content_and_the_file_checks_out(opened) -> None:
    tobi, ayo = _ids(opened)
    for child_id, skip in ((tobi, set()), (ayo, BABY_ONLY)):
        counts = demo.count_sections(opened, child_id)
        empty = [kind for kind, count in counts.items() if count == 0 and kind not in skip]
        assert empty == []
    assert opened.check() == []
    carers = {c.value.name: c.value for c in family.carers(opened)}
    assert carers["Grace Okafor"].relationship == "Mother"
    assert carers["Grace Okafor"].parental_responsibility == "yes"
    assert carers["Daniel Okafor"].relationship == "Father"


def test_everything_is_dated_on_or_before_today_except_what_is_coming(opened) -> None:
    today = TODAY.date().isoformat()
    for child in opened.children():
        for kind in demo.SECTIONS:
            for entry in opened.records.list_for(child.id, kind):
                if kind in ("appointment", "hcp_contact") and entry.data.get("status") in (
                        "upcoming", "booked"):
                    continue
                assert (entry.occurred_on or "")[:10] <= today, (kind, entry.occurred_on)


# -- Ayo: born at 33+2 weeks ------------------------------------------------------------------------
def test_the_baby_born_early(opened) -> None:
    _tobi, ayo = _ids(opened)
    child = opened.child(ayo)
    age = (TODAY.date() - child.date_of_birth).days
    assert 145 <= age <= 165  # about five months
    assert str(child_facts.gestation(opened, ayo)) == "33+2"
    assert child_facts.sex(opened, ayo) == "female"
    record, _entry = birth.current(opened, ayo)
    assert record.birth_weight_kg == 1.95
    assert (record.hearing_left, record.hearing_right) == ("clear_response", "clear_response")
    assert set(record.blood_spot.values()) == {"not_suspected"}
    assert len(record.blood_spot) == 10
    assert record.nipe_72h and set(record.nipe_72h.values()) == {"no_concerns"}
    about, _entry = about_me.get_about_me(opened, ayo)
    assert about.languages == ("English", "Yoruba")


def test_the_baby_grows_along_a_centile_with_corrected_age(opened) -> None:
    _tobi, ayo = _ids(opened)
    rows = growth.list_measurements(opened, ayo, newest_first=False)
    assert len(rows) >= 8
    assert rows[0].measurement.weight_kg == 1.95
    weights: list[float] = []
    for row in rows:
        assert row.result.ages.corrected  # plotted by corrected age
        for found in row.result.centiles.values():
            assert found.problem == "" and found.corrected_centile is not None
        weight = row.result.centiles["weight"].corrected_centile
        assert weight is not None
        weights.append(weight)
    assert all(9 <= c <= 75 for c in weights)
    assert max(weights[2:]) - min(weights[2:]) < 15  # after the first days' dip, one line
    assert sum(1 for r in rows if r.measurement.height_cm) >= 5
    assert sum(1 for r in rows if r.measurement.head_cm) >= 5


def test_the_baby_has_her_immunisations_reviews_and_an_appointment(opened) -> None:
    _tobi, ayo = _ids(opened)
    rows = immunisations.status_table(opened, ayo).rows
    fallen_due = [r for r in rows if r.planned.due <= TODAY.date()]
    assert fallen_due and all(r.state == dose_rules.GIVEN for r in fallen_due)
    for row in fallen_due:
        assert row.record is not None
        assert 0 <= (row.record.on - row.planned.due).days <= 7
        assert row.record.batch and row.record.given_by
    assert any(r.state == dose_rules.UPCOMING for r in rows)
    done = {s.definition.key for s in reviews.contact_statuses(opened, ayo) if s.state == "done"}
    assert {"new_baby", "six_to_eight_weeks"} <= done
    assert appointments.upcoming(opened, ayo)


# -- Tobi: three years old ----------------------------------------------------------------------------
def test_the_three_year_old_about_me_and_alert(opened) -> None:
    tobi, _ayo = _ids(opened)
    born = opened.child(tobi).date_of_birth
    assert 3 * 365 <= (TODAY.date() - born).days < 4 * 365
    about, _entry = about_me.get_about_me(opened, tobi)
    assert about.known_as == "Tobi" and about.languages == ("English", "Yoruba")
    assert all((about.likes, about.dislikes, about.communication, about.what_helps))
    alerts = about_me.alerts(opened, tobi, active_only=True)
    assert alerts[0].value.type == "allergy" and alerts[0].value.what == "Peanuts"


def test_the_journal_covers_two_years_every_area_firsts_and_photos(opened) -> None:
    tobi, _ayo = _ids(opened)
    entries = journal.timeline(opened, tobi, limit=500)
    assert len(entries) >= 30
    seen = [journal.observation(e) for e in entries]
    days = sorted(o.observed_on for o in seen)
    assert (days[-1] - days[0]).days >= 700
    assert {o.area for o in seen} == set(journal_rules.AREAS)
    assert sum(o.is_first for o in seen) >= 4
    assert {e.author.kind for e in entries} == {"parent", "key_worker"}  # who wrote it shows
    counts = journal.photo_counts(opened, [e.id for e in entries])
    assert sum(counts.values()) >= 4
    for entry_id in counts:
        for photo in journal.photos_of(opened, entry_id):
            picture = Image.open(io.BytesIO(journal.image(opened, photo.id)))
            assert picture.format == "JPEG" and not picture.info.get("exif")
    assert journal.search(opened, tobi, "bus")


def test_milestones_mostly_yes_with_one_gentle_prompt(opened) -> None:
    tobi, _ayo = _ids(opened)
    checklist = milestones.checklist(opened, tobi)
    answers = [s.answer_key for s in checklist.items if s.answer_key]
    assert answers.count("yes") > 0.9 * len(answers)
    assert answers.count("sometimes") >= 2
    assert answers.count("not-yet") == 1
    assert [s.milestone.id for s in checklist.to_mention()] == ["m36-understood"]


def test_the_two_year_review_and_the_services_around_him(opened) -> None:
    tobi, _ayo = _ids(opened)
    latest = reviews.latest_review(opened, tobi)
    assert latest is not None
    review, _entry = latest
    assert set(review.asq_scores) == {"communication", "gross_motor", "fine_motor",
                                      "problem_solving", "personal_social"}
    assert review.asq_outcomes["communication"] == "monitoring"
    born = opened.child(tobi).date_of_birth
    assert 730 <= (date.fromisoformat(review.on) - born).days <= 913
    past = {r.involvement.agency for r in involvement.past(opened, tobi)}
    current = {r.involvement.agency for r in involvement.current(opened, tobi)}
    assert "health_visiting" in past
    assert {"speech_language", "nursery_childminder"} <= current
    lead = involvement.lead_professional(opened, tobi)
    assert lead is not None and lead.involvement.agency == "speech_language"
    coming, gone = appointments.coming_and_past(opened, tobi)
    assert coming and gone
    assert all(r.appointment.status != "upcoming" for r in gone)


# -- the command -----------------------------------------------------------------------------------
def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_child_show_json_holds_every_section(sample, monkeypatch, capsys) -> None:
    path, summary = sample
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    tobi = summary.children[0].child_id
    code, out, err = run(capsys, "child", "show", str(path), tobi, "--json")
    assert code == 0, err
    record = json.loads(out)
    assert set(demo.SECTIONS) <= set(record["entries"])
    assert "carer" in record["family"]


def test_the_command_makes_the_file_with_the_production_kdf(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    started: list[Path] = []

    def run_app(path: Path) -> int:
        started.append(path)
        return 0

    monkeypatch.setattr("familyfile.app.run", run_app)
    path = tmp_path / "sample" / "okafor.familyfile"
    code, out, err = run(capsys, "demo", str(path))
    assert code == 0, err
    assert "Oluwatobi Okafor" in out and "Ayomide Okafor" in out
    assert "type the passphrase that was in FAMILYFILE_PASSPHRASE" in out
    assert kh.read_header(path).kdf == kh.PRODUCTION_KDF
    assert started == []  # no --open: the app is not started
    opened = sessions.unlock(path, PASSPHRASE)
    assert len(opened.children()) == 2 and opened.check() == []
    opened.close()
    # Again with --open: the file is there and is a family file, so it is just opened.
    code, out, err = run(capsys, "demo", str(path), "--open")
    assert code == 0 and started == [path]


def test_the_command_refuses_anything_already_there(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr("familyfile.app.run", lambda path=None: pytest.fail("app started"))
    taken = tmp_path / "notes.txt"
    taken.write_text("keep me")
    for extra in ([], ["--open"]):
        code, out, err = run(capsys, "demo", str(taken), *extra)
        assert code == 1 and out == ""
        assert err.strip().count("\n") == 0 and "already exists" in err
    assert taken.read_text() == "keep me"
    with pytest.raises(errors.FamilyFileExistsError):
        demo.create_demo(taken, PASSPHRASE, kdf=FAST_KDF)


def test_the_command_refuses_a_weak_passphrase(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", "short")
    path = tmp_path / "okafor.familyfile"
    code, _out, err = run(capsys, "demo", str(path))
    assert code == 1 and err.strip() and not path.exists()


def test_a_failure_half_way_leaves_nothing_behind(tmp_path, monkeypatch) -> None:
    def broken(_session: sessions.FamilySession) -> str:
        raise errors.ValidationError("anything", "bad-choice")

    monkeypatch.setattr(demo, "_ayo", broken)
    path = tmp_path / "okafor.familyfile"
    with pytest.raises(errors.ValidationError):
        demo.create_demo(path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(TODAY))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("day", [datetime(2028, 2, 29, 9, tzinfo=UTC),
                                 datetime(2025, 12, 31, 23, tzinfo=UTC)])
def test_it_is_made_on_any_day(tmp_path, day: datetime) -> None:
    """Relative dates: a leap day, the last day of a year (before the 2026 schedule)."""
    path = tmp_path / "okafor.familyfile"
    summary = demo.create_demo(path, PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(day))
    assert summary.made_on == day.date()
    opened = sessions.unlock(path, PASSPHRASE, clock=FixedClock(day + timedelta(hours=1)))
    try:
        assert opened.check() == []
        for child in summary.children:
            rows = immunisations.status_table(opened, child.child_id).rows
            assert not [r for r in rows if r.state in (dose_rules.DUE, dose_rules.OVERDUE)]
    finally:
        opened.close()

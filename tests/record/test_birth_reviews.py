"""Birth and newborn; Healthy Child Programme contacts; the integrated review; checks."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime

import pytest

from familyfile import cli, errors
from familyfile.clock import FixedClock
from familyfile.domain import birth as birth_rules
from familyfile.domain import reviews as review_rules
from familyfile.messages import validation_message
from familyfile.services import birth, child_facts, reviews
from familyfile.services.session import FamilySession
from tests.conftest import PASSPHRASE


@pytest.fixture
def baby(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2024, 9, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01


def test_birth_details_round_trip_and_feed_gestation(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    record = birth_rules.Birth(gestation_weeks=33, gestation_days=2, birth_weight_kg=1.95,
                               birth_head_cm=30.5, place="hospital", birth_type="emergency_caesarean",
                               nipe_72h={"eyes": "no_concerns", "hips": "referred"},
                               hearing_left="clear_response", hearing_right="referral",
                               blood_spot={"sickle_cell": "carrier", "pku": "not_suspected"})
    birth.save(session, child_id, record)
    assert birth.current(session, child_id)[0] == record
    gestation = child_facts.gestation(session, child_id)
    assert gestation is not None and (gestation.weeks, gestation.days) == (33, 2)


def test_birth_edits_keep_history(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    first = birth.save(session, child_id, birth_rules.Birth(gestation_weeks=39))
    birth.save(session, child_id, birth_rules.Birth(gestation_weeks=38, gestation_days=5))
    history = session.records.history(first.id)
    assert [h.data["gestation_weeks"] for h in history] == [39, 38]


def test_grams_typed_as_kilograms_is_caught_with_a_suggestion() -> None:
    problems = birth_rules.validate(birth_rules.Birth(birth_weight_kg=3400))
    assert [(p.field, p.code) for p in problems] == [("birth_weight_kg", "unit-slip")]
    assert validation_message(problems[0]) == (
        "This looks unusual for the birth weight in kilograms — did you mean 3.4 kg?")


@pytest.mark.parametrize("record", [
    birth_rules.Birth(gestation_weeks=50),
    birth_rules.Birth(birth_head_cm=1.0),
    birth_rules.Birth(place="moon"),
    birth_rules.Birth(blood_spot={"pku": "carrier"}),
    birth_rules.Birth(nipe_72h={"elbows": "no_concerns"}),
    birth_rules.Birth(hearing_left="fine"),
])
def test_impossible_birth_details_are_refused(baby: tuple[FamilySession, str],
                                              record: birth_rules.Birth) -> None:
    session, child_id = baby
    with pytest.raises(errors.ValidationError):
        birth.save(session, child_id, record)
    assert birth.current(session, child_id)[1] is None


def test_contact_states_follow_the_date(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby  # 6 months old on 2024-09-01
    states = {s.definition.key: s.state for s in reviews.contact_statuses(session, child_id)}
    assert states["new_baby"] == "overdue" and states["one_year"] == "upcoming"
    assert states["three_to_four_months"] == "not_recorded"  # optional contacts never nag
    reviews.record_contact(session, child_id, review_rules.Contact("new_baby", "done", "2024-03-12",
                                                                  who="Jo Hart", role="Health visitor"))
    reviews.record_contact(session, child_id, review_rules.Contact("six_to_eight_weeks", "missed",
                                                                  "2024-04-20"))
    states = {s.definition.key: s.state for s in reviews.contact_statuses(session, child_id)}
    assert states["new_baby"] == "done" and states["six_to_eight_weeks"] == "missed"
    session._vault.clock = FixedClock(datetime(2025, 1, 10, tzinfo=UTC))
    assert [s.definition.key for s in reviews.due_contacts(session, child_id)] == ["one_year"]


def test_integrated_review_scores_are_area_scores_only(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    session._vault.clock = FixedClock(datetime(2026, 4, 1, tzinfo=UTC))
    review = review_rules.IntegratedReview(
        on="2026-03-20", reviewer="Jo Hart", role="Health visitor",
        asq_scores={"communication": 35, "gross_motor": 55, "fine_motor": 50,
                    "problem_solving": 45, "personal_social": 50},
        asq_outcomes={"communication": "monitoring", "gross_motor": "above_cutoff"},
        eyfs_summary={"communication_language": "Uses 20 or so words."})
    reviews.record_integrated(session, child_id, review)
    latest = reviews.latest_review(session, child_id)
    assert latest is not None and latest[0] == review
    bad = dataclasses.replace(review, asq_scores={"communication": 33})
    with pytest.raises(errors.ValidationError) as caught:
        reviews.record_integrated(session, child_id, bad)
    assert caught.value.code == "asq-score"


def test_screening_check_rules(baby: tuple[FamilySession, str]) -> None:
    session, child_id = baby
    check = review_rules.ScreeningCheck("hearing", "2024-05-01", "no_concerns")
    reviews.record_check(session, child_id, check)
    assert len(reviews.checks(session, child_id)) == 1
    with pytest.raises(errors.ValidationError):
        reviews.record_check(session, child_id, dataclasses.replace(check, on="2023-01-01"))


def test_birth_and_review_commands(closed_family, monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FAMILYFILE_PASSPHRASE", PASSPHRASE)
    assert cli.main(["birth", "set", str(closed_family), "Zephyrine", "--gestation-weeks", "33",
                     "--gestation-days", "2", "--weight-kg", "1.9", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["data"]["gestation_weeks"] == 33
    assert cli.main(["birth", "set", str(closed_family), "Zephyrine", "--weight-kg", "1900"]) == 1
    assert "did you mean 1.9 kg" in capsys.readouterr().err
    assert cli.main(["review", "add", str(closed_family), "Zephyrine", "--contact", "new_baby",
                     "--date", "2024-03-12", "--who", "Jo Hart"]) == 0
    capsys.readouterr()
    assert cli.main(["review", "list", str(closed_family), "Zephyrine", "--json"]) == 0
    rows = {r["contact"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["new_baby"]["state"] == "done" and rows["new_baby"]["on"] == "2024-03-12"


def test_contact_definitions_are_ordered_by_age() -> None:
    starts = [c.from_days for c in review_rules.contact_definitions()]
    assert starts == sorted(starts)

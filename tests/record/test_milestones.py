"""Milestones: the list, corrected age, gentle prompts, answers with history."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from familyfile import errors
from familyfile.clock import FixedClock
from familyfile.domain import journal as journal_rules
from familyfile.domain import milestones as rules
from familyfile.domain.age import Gestation
from familyfile.messages import user_message
from familyfile.services import milestones
from familyfile.services.session import FamilySession

LISTED = rules.load()


def at(session: FamilySession, when: date) -> None:
    session._vault.clock = FixedClock(datetime(when.year, when.month, when.day, 12, tzinfo=UTC))


@pytest.fixture
def baby(make_family: FamilySession) -> tuple[FamilySession, str]:
    at(make_family, date(2024, 9, 1))
    return make_family, make_family.children()[0].id  # born 2024-03-01: 6 months old


def born_at(session: FamilySession, child: str, weeks: int, days: int = 0) -> None:
    session.records.add(child_id=child, kind="birth", occurred_on="2024-03-01",
                        data={"gestation_weeks": weeks, "gestation_days": days})


# -- the list ----------------------------------------------------------------------------------
def test_the_list_is_complete_and_names_its_sources() -> None:
    raw = json.loads((resources.files("familyfile") / "data" / "milestones.json").read_text("utf-8"))
    assert raw["version"] and len(raw["sources"]) >= 2
    names = " ".join(s["name"] for s in raw["sources"])
    assert "Development Matters" in names and "Learn the Signs. Act Early." in names
    assert all(s["url"].startswith("https://") and s["checked"] for s in raw["sources"])
    assert [b.id for b in LISTED.bands] == ["0-3m", "3-6m", "6-12m", "12-18m", "18-24m", "2-3y",
                                            "3-4y", "4-5y"]
    ids = [m.id for m in LISTED.milestones]
    assert len(ids) == len(set(ids)) >= 100
    for band in LISTED.bands:
        items = LISTED.in_band(band.id)
        assert set(journal_rules.PRIME_AREAS) <= {m.area for m in items}, band.id
        for item in items:
            assert band.from_months < item.typically_by_months <= band.to_months, item.id
            assert item.area in journal_rules.AREAS


def test_the_words_are_short_plain_and_our_own() -> None:
    # A few sentences as the CDC checklists word them: ours must not repeat them.
    theirs = ["Is shy, clingy, or fearful around strangers", "Uses fingers to \u201crake\u201d food",
              "Looks for objects when dropped out of sight", "Makes different sounds like",
              "Moves things from one hand to her other hand", "Calms down when spoken to or picked up"]
    texts = [m.text for m in LISTED.milestones]
    for sentence in theirs:
        assert not any(sentence.casefold() in t.casefold() for t in texts), sentence
    every_word: list[str] = []
    for text in texts:
        words = re.findall(r"[A-Za-z']+", text)
        assert len(words) <= 25 and text.endswith("."), text
        every_word += words
    # Short, everyday words (a reading age of about 9): few long ones, short on average.
    assert sum(len(w) for w in every_word) / len(every_word) < 4.5
    assert sum(len(w) >= 9 for w in every_word) / len(every_word) < 0.03


# -- age and band ------------------------------------------------------------------------------
def test_a_33_week_baby_gets_the_band_for_their_corrected_age(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    assert milestones.checklist(session, child).band.id == "6-12m"  # 6 months, no gestation known
    born_at(session, child, 33)
    found = milestones.checklist(session, child)
    assert found.age.corrected and found.age.days == 184 and found.age.corrected_days == 184 - 49
    assert found.band.id == "3-6m" and found.bands_in_order()[0].id == "3-6m"
    assert [b.id for b in found.bands_in_order()[1:3]] == ["0-3m", "6-12m"]


def test_a_37_week_baby_is_not_corrected(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    born_at(session, child, 37)
    found = milestones.checklist(session, child)
    assert not found.age.corrected and found.band.id == "6-12m"


def test_bands_at_their_edges() -> None:
    assert LISTED.band_for(-1.5).id == "0-3m" and LISTED.band_for(0).id == "0-3m"
    assert LISTED.band_for(2.99).id == "0-3m" and LISTED.band_for(3).id == "3-6m"
    assert LISTED.band_for(35.9).id == "2-3y" and LISTED.band_for(70).id == "4-5y"


@given(months=st.floats(min_value=-6, max_value=120, allow_nan=False))
def test_every_age_has_exactly_one_band(months: float) -> None:
    band = LISTED.band_for(months)
    inside = [b for b in LISTED.bands if b.contains(months)]
    assert inside == [band] or (not inside and band in (LISTED.bands[0], LISTED.bands[-1]))


@given(born=st.dates(date(2019, 1, 1), date(2026, 1, 1)), weeks=st.integers(22, 44),
       extra=st.integers(0, 6), later=st.integers(0, 2000))
def test_corrected_age_is_never_more_than_the_real_age(born: date, weeks: int, extra: int,
                                                       later: int) -> None:
    today = date.fromordinal(born.toordinal() + later)
    age = rules.child_age(born, Gestation(weeks, extra), today)
    assert age.corrected_days <= age.days
    assert age.corrected == (weeks < 37 and later < 731)


# -- the gentle prompt -------------------------------------------------------------------------
@given(answer=st.sampled_from([None, *rules.ANSWERS]), months=st.floats(0, 80, allow_nan=False),
       index=st.integers(0, len(LISTED.milestones) - 1))
def test_prompt_only_for_not_yet_past_the_usual_age(answer: str | None, months: float, index: int) -> None:
    item = LISTED.milestones[index]
    assert rules.worth_mentioning(item, answer, months) == (
        answer == rules.NOT_YET and months >= item.typically_by_months)


def test_prompt_uses_the_corrected_age(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    born_at(session, child, 33)  # 6 months old, 4.4 months corrected
    milestones.answer(session, child, "m6-laughs", "not-yet")  # most laugh by 6 months
    milestones.answer(session, child, "m4-turns-to-voice", "not-yet")  # most do this by 4 months
    milestones.answer(session, child, "m4-oooh", "sometimes")
    found = milestones.checklist(session, child)
    assert [s.milestone.id for s in found.to_mention()] == ["m4-turns-to-voice"]
    assert not found.status("m6-laughs").worth_mentioning
    assert rules.prompt_text() == "It may be worth talking to your health visitor about this."
    at(session, date(2024, 11, 1))  # now 6.4 months corrected
    assert {s.milestone.id for s in milestones.checklist(session, child).to_mention()} == {
        "m4-turns-to-voice", "m6-laughs"}


def test_no_prompt_for_unanswered_or_yes(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    assert milestones.checklist(session, child).to_mention() == []
    milestones.answer(session, child, "m2-calms", "yes")
    assert milestones.checklist(session, child).to_mention() == []


# -- answers -----------------------------------------------------------------------------------
def test_answers_round_trip_with_history(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    first = milestones.answer(session, child, "m6-rolls", "not-yet")
    milestones.answer(session, child, "m6-rolls", "sometimes", "2024-08-20")
    at(session, date(2024, 9, 10))
    last = milestones.answer(session, child, "m6-rolls", "yes")
    assert last.id == first.id and last.version == 3
    status = milestones.checklist(session, child).status("m6-rolls")
    assert status.answer_key == "yes" and status.answer is not None
    assert status.answer.first_seen == date(2024, 8, 20)  # kept from "sometimes"
    assert status.answer.list_version == LISTED.version
    assert [(h.data["answer"], h.data["first_seen"]) for h in
            milestones.history(session, child, "m6-rolls")] == [
        ("not-yet", None), ("sometimes", "2024-08-20"), ("yes", "2024-08-20")]
    assert len(session.records.list_for(child, "milestone")) == 1
    again = milestones.answer(session, child, "m6-rolls", "yes")
    assert again.version == 3  # nothing changed, no new version


def test_a_new_answer_defaults_to_today(baby: tuple[FamilySession, str]) -> None:
    session, child = baby
    milestones.answer(session, child, "m6-mirror", "yes")
    status = milestones.checklist(session, child).status("m6-mirror")
    assert status.answer is not None and status.answer.first_seen == date(2024, 9, 1)


@pytest.mark.parametrize(("milestone_id", "answer", "since", "field", "code"), [
    ("no-such", "yes", None, "milestone", "bad-choice"),
    ("m6-rolls", "maybe", None, "milestone_answer", "bad-choice"),
    ("m6-rolls", "yes", "2024-09-02", "first_seen", "date-in-future"),
    ("m6-rolls", "yes", "2024-02-01", "first_seen", "before-birth"),
    ("m6-rolls", "yes", "last week", "first_seen", "date-format"),
])
def test_bad_answers_are_refused_plainly(baby: tuple[FamilySession, str], milestone_id: str,
                                         answer: str, since: str | None, field: str, code: str) -> None:
    session, child = baby
    with pytest.raises(errors.ValidationError) as caught:
        milestones.answer(session, child, milestone_id, answer, since)
    assert (caught.value.field, caught.value.code) == (field, code)
    assert "{" not in user_message(caught.value)


def test_age_words() -> None:
    assert rules.months_text(20) == "2 weeks" and rules.months_text(200) == "6 months"
    assert rules.months_text(800) == "2 years 2 months" and rules.months_text(731) == "2 years"
    assert rules.typically_text(LISTED.milestone("m30-50-words")) == "Most children do this by 30 months old."
    assert rules.typically_text(LISTED.milestone("m36-fork")) == "Most children do this by 3 years old."

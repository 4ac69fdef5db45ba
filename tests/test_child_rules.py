from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from familyfile.domain import child as rules
from familyfile.domain.child import ChildDraft

TODAY = date(2026, 11, 22)


def test_a_good_draft_builds_a_child_with_tidied_names() -> None:
    built = rules.build(rules.ChildId("c1"), ChildDraft("  Amara  Joy ", "Okafor", "2024-03-01"), TODAY)
    assert built.given_name == "Amara Joy" and built.date_of_birth == date(2024, 3, 1)


@pytest.mark.parametrize(("draft", "field", "code"), [
    (ChildDraft("", "Okafor", "2024-03-01"), "given_name", "required"),
    (ChildDraft("A", "   ", "2024-03-01"), "family_name", "required"),
    (ChildDraft("A", "B", "01/03/2024"), "date_of_birth", "date-format"),
    (ChildDraft("A", "B", "2027-01-01"), "date_of_birth", "date-in-future"),
    (ChildDraft("A", "B", "1990-01-01"), "date_of_birth", "date-too-old"),
    (ChildDraft("A" * 101, "B", "2024-01-01"), "given_name", "too-long"),
])
def test_problems_name_their_field_and_rule(draft: ChildDraft, field: str, code: str) -> None:
    problems = rules.validate(draft, TODAY)
    assert [(p.field, p.code) for p in problems] == [(field, code)]


def test_every_problem_is_reported_at_once() -> None:
    problems = rules.validate(ChildDraft("", "", "nope"), TODAY)
    assert [p.field for p in problems] == ["given_name", "family_name", "date_of_birth"]


@pytest.mark.parametrize(("born", "text"), [
    (date(2026, 11, 20), "2 days"), (date(2026, 10, 30), "3 weeks"), (date(2026, 4, 22), "7 months"),
    (date(2024, 6, 22), "2 years 5 months"), (date(2023, 11, 22), "3 years"),
])
def test_age_text(born: date, text: str) -> None:
    assert rules.age_text(born, TODAY) == text


@given(st.dates(min_value=date(2001, 1, 1), max_value=TODAY))
def test_any_real_past_date_in_iso_form_is_accepted(born: date) -> None:
    assert rules.check_date_of_birth(born.isoformat(), TODAY) == born

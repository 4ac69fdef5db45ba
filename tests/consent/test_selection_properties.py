"""The selection rule over random records and consent histories (hypothesis)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from familyfile.domain import categories as cats
from familyfile.domain.consent import ConsentEvent, ConsentState, Purpose, Recipient, Team
from familyfile.domain.selection import Candidate, Selection, select
from tests.consent._model import BASE, PEOPLE, PURPOSES, candidates, choices_for, histories, state
from tests.consent._model import teams as team_sets

EXAMPLES = settings(max_examples=500, deadline=None)


def _cells(current: ConsentState, who: Recipient, category: str,
           today: date) -> tuple[list[str], list[str]]:
    """(own statuses, team statuses) today, straight from the cells."""
    own = current.cell(who.id, category)
    team_cells = [current.cell(t.id, category) for t in current.teams_of(who.id)]
    return ([own.status(today)] if own else [],
            [c.status(today) for c in team_cells if c is not None])


Scenario = tuple[list[Candidate], list[ConsentEvent], tuple[Team, ...], Recipient, Purpose,
                 frozenset[str], date]


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    entries = draw(candidates())
    return (entries, draw(histories()), draw(team_sets()), draw(st.sampled_from(PEOPLE)),
            draw(st.sampled_from((PURPOSES[0], *PURPOSES))), choices_for(draw, entries),
            BASE + timedelta(days=draw(st.integers(0, 400))))


def _run(scenario: Scenario) -> tuple[Selection, ConsentState, list[Candidate]]:
    entries, events, teams, who, purpose, choices, today = scenario
    current = state(events, teams)
    return select(entries, current, who, purpose, choices, today), current, entries


def _every_entry_is_either_included_or_held_back_once(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    held = [h.entry_id for h in chosen.held_back]
    assert sorted(chosen.included + tuple(held)) == sorted(e.id for e in entries)
    assert all(h.words and h.reason for h in chosen.held_back)


def _never_private_archived_or_unknown_kinds(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    by_id = {e.id: e for e in entries}
    for entry_id in chosen.included:
        found = by_id[entry_id]
        assert found.mark != cats.MARK_PRIVATE
        assert found.category != cats.PRIVATE
        assert not found.archived


def _never_denied_withdrawn_or_expired(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    who = chosen.recipient
    by_id = {e.id: e for e in entries}
    for entry_id in chosen.included:
        own, team = _cells(current, who, by_id[entry_id].category, chosen.on)
        assert "deny" not in own + team
        assert not set(own) & {"withdrawn", "expired"}
        if not own or own == ["not_started"]:
            assert "permit" in team or not set(team) & {"withdrawn", "expired"}


def _sensitive_only_with_an_explicit_choice(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    by_id = {e.id: e for e in entries}
    for entry_id in chosen.included:
        found = by_id[entry_id]
        if found.sensitive:
            sensitive_category = cats.category(found.category).sensitive
            assert entry_id in chosen.choices or (
                sensitive_category and found.category in chosen.choices)


def _unchosen_only_to_team_members_with_a_permit_for_this_purpose(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    who, purpose = chosen.recipient, chosen.purpose
    by_id = {e.id: e for e in entries}
    for entry_id in chosen.included:
        found = by_id[entry_id]
        if entry_id in chosen.choices or found.category in chosen.choices:
            continue
        assert current.teams_of(who.id), "a non-member got something nobody chose"
        cells = [current.cell(who.id, found.category)] + [
            current.cell(t.id, found.category) for t in current.teams_of(who.id)]
        assert any(c is not None and c.status(chosen.on) == "permit" and c.last.covers(purpose)
                   for c in cells)


def _team_members_get_what_the_team_agreed(chosen: Selection, current: ConsentState,
        entries: list[Candidate]) -> None:
    who, purpose = chosen.recipient, chosen.purpose
    for found in entries:
        if found.archived or found.private or found.sensitive:
            continue
        own, team = _cells(current, who, found.category, chosen.on)
        team_permits = [current.cell(t.id, found.category) for t in current.teams_of(who.id)]
        agreed = any(c is not None and c.status(chosen.on) == "permit" and c.last.covers(purpose)
                     for c in team_permits)
        if agreed and not own and "deny" not in team:
            assert found.id in chosen.included
        mine = current.cell(who.id, found.category)
        narrower = mine is not None and own == ["permit"] and not mine.last.covers(purpose)
        if narrower and found.id not in chosen.choices and found.category not in chosen.choices:
            assert found.id not in chosen.included, "the agency's own consent is more specific"


@EXAMPLES
@given(scenarios())
def test_the_rule_holds_for_any_record_and_consent_history(scenario: Scenario) -> None:
    """Nothing private, archived, denied, withdrawn or expired leaves; sensitive only when
    chosen; without a choice only team members with a permit for this purpose; team members
    get what the team agreed; every entry is accounted for once."""
    chosen, current, entries = _run(scenario)
    _every_entry_is_either_included_or_held_back_once(chosen, current, entries)
    _never_private_archived_or_unknown_kinds(chosen, current, entries)
    _never_denied_withdrawn_or_expired(chosen, current, entries)
    _sensitive_only_with_an_explicit_choice(chosen, current, entries)
    _unchosen_only_to_team_members_with_a_permit_for_this_purpose(chosen, current, entries)
    _team_members_get_what_the_team_agreed(chosen, current, entries)


@settings(max_examples=150, deadline=None)
@given(scenarios())
def test_more_choices_never_send_less_and_never_break_a_no(scenario: Scenario) -> None:
    entries, events, teams, who, purpose, choices, today = scenario
    current = state(events, teams)
    fewer = select(entries, current, who, purpose, frozenset(), today)
    more = select(entries, current, who, purpose, choices, today)
    everything = select(entries, current, who, purpose,
                        frozenset(cats.CATEGORY_KEYS) | {e.id for e in entries}, today)
    assert set(fewer.included) <= set(more.included) <= set(everything.included)
    final = {"archived", "private", "denied", "withdrawn", "expired"}
    assert {h.entry_id for h in fewer.held_back if h.reason in final} == {
        h.entry_id for h in everything.held_back if h.reason in final}

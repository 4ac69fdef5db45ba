"""The selection rule, case by case (the property tests cover random records and histories)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from familyfile.domain import categories as cats
from familyfile.domain.consent import Purpose, Recipient, Team, professional, purpose
from familyfile.domain.selection import Selection, select
from familyfile.errors import ValidationError
from tests.consent._model import AGENCY_A, AGENCY_B, BASE, TEAM_1, entry, event, state

TODAY = BASE + timedelta(days=30)
CARE = Purpose("care")
TEAM = (Team(TEAM_1.id, TEAM_1.name, (AGENCY_A.id,)),)
RECORD = [entry("growth", "health"), entry("jab", "immunisations", kind="immunisation"),
          entry("journal", "development", kind="journal"),
          entry("social", "family_circumstances", kind="involvement")]


def _reasons(chosen: Selection) -> dict[str, str]:
    return {h.entry_id: h.reason for h in chosen.held_back}


def test_team_members_routinely_get_agreed_non_sensitive_categories() -> None:
    agreed = state([event(TEAM_1, "health", "permit"), event(TEAM_1, "family_circumstances",
                                                             "permit")], TEAM)
    member = select(RECORD, agreed, AGENCY_A, CARE, (), TODAY)
    assert member.included == ("growth",) and member.why == (("growth", "team"),)
    assert _reasons(member) == {"jab": "no-consent", "journal": "no-consent", "social": "sensitive"}
    other = select(RECORD, agreed, AGENCY_B, CARE, (), TODAY)
    assert other.included == () and _reasons(other)["growth"] == "no-consent"
    assert select(RECORD, agreed, AGENCY_B, CARE, ("health",), TODAY).included == ("growth",)


def test_an_agency_permit_beyond_the_team_needs_a_choice() -> None:
    agreed = state([event(AGENCY_B, "development", "permit")], TEAM)
    held = select(RECORD, agreed, AGENCY_B, CARE, (), TODAY)
    assert _reasons(held)["journal"] == "beyond-team"
    assert select(RECORD, agreed, AGENCY_B, CARE, ("journal",), TODAY).included == ("journal",)


def test_withdrawing_then_giving_again() -> None:
    given = event(AGENCY_A, "health", "permit", seq=1)
    withdrawn = event(AGENCY_A, "health", None, action="withdrawn", seq=2)
    again = event(AGENCY_A, "health", "permit", seq=3)
    assert select(RECORD, state([given], TEAM), AGENCY_A, CARE, (), TODAY).included == ("growth",)
    after = select(RECORD, state([given, withdrawn], TEAM), AGENCY_A, CARE, ("health",), TODAY)
    assert _reasons(after)["growth"] == "withdrawn"
    back = select(RECORD, state([given, withdrawn, again], TEAM), AGENCY_A, CARE, (), TODAY)
    assert back.included == ("growth",)


def test_expired_counts_as_withdrawn_even_over_a_choice() -> None:
    ended = state([event(AGENCY_A, "health", "permit", until=TODAY - timedelta(days=1))], TEAM)
    held = select(RECORD, ended, AGENCY_A, CARE, ("health", "growth"), TODAY)
    assert _reasons(held)["growth"] == "expired" and str(TODAY - timedelta(days=1)) in \
        held.held_back[0].words
    on_the_day = state([event(AGENCY_A, "health", "permit", until=TODAY)], TEAM)
    assert select(RECORD, on_the_day, AGENCY_A, CARE, (), TODAY).included == ("growth",)


def test_a_no_wins_over_a_choice_and_a_team_no_binds_members() -> None:
    own_no = state([event(TEAM_1, "health", "permit"), event(AGENCY_A, "health", "deny")], TEAM)
    assert _reasons(select(RECORD, own_no, AGENCY_A, CARE, ("growth",), TODAY))["growth"] == "denied"
    team_no = state([event(AGENCY_A, "health", "permit"), event(TEAM_1, "health", "deny")], TEAM)
    assert _reasons(select(RECORD, team_no, AGENCY_A, CARE, ("health",), TODAY))["growth"] == "denied"


def test_consent_for_another_purpose_does_not_count() -> None:
    agreed = state([event(TEAM_1, "health", "permit", purposes=(Purpose("other", "Moving house"),))],
                   TEAM)
    assert _reasons(select(RECORD, agreed, AGENCY_A, CARE, (), TODAY))["growth"] == "other-purpose"
    moving = purpose("other", "  moving   HOUSE ")
    assert select(RECORD, agreed, AGENCY_A, moving, (), TODAY).included == ("growth",)
    court = purpose("other", "Court report")
    assert select(RECORD, agreed, AGENCY_A, court, (), TODAY).included == ()


def test_an_agencys_own_consent_is_more_specific_than_its_teams() -> None:
    teams = (*TEAM, Team("team-2", "Second team", (AGENCY_A.id,)))
    both = (Purpose("care"), Purpose("education"))
    narrower = state([event(TEAM_1, "development", "permit", purposes=both),
                      event(AGENCY_A, "development", "permit", purposes=(Purpose("education"),))],
                     teams)
    held = select(RECORD, narrower, AGENCY_A, CARE, (), TODAY)
    assert _reasons(held)["journal"] == "other-purpose"
    assert "education" in held.held_back[2].words
    two_teams = state([event(TEAM_1, "development", "permit", purposes=(Purpose("education"),)),
                       event(Recipient("team", "team-2"), "development", "permit")], teams)
    assert "journal" in select(RECORD, two_teams, AGENCY_A, CARE, (), TODAY).included


def test_sensitive_entries_need_their_own_choice_and_private_never_leaves() -> None:
    record = [entry("marked", "health", mark=cats.MARK_SENSITIVE), entry("secret", "health",
              mark=cats.MARK_PRIVATE), entry("old", "health", archived=True),
              entry("new-kind", cats.default_category("brand_new_kind", {}))]
    agreed = state([event(TEAM_1, "health", "permit")], TEAM)
    by_category = select(record, agreed, AGENCY_A, CARE, ("health",), TODAY)
    assert by_category.included == ()
    assert _reasons(by_category) == {"marked": "sensitive", "secret": "private", "old": "archived",
                                     "new-kind": "private"}
    every = select(record, agreed, AGENCY_A, CARE, ("marked", "secret", "old", "new-kind"), TODAY)
    assert every.included == ("marked",)


def test_a_consent_that_has_not_started_yet() -> None:
    later = state([event(TEAM_1, "health", "permit", start=TODAY + timedelta(days=1))], TEAM)
    assert _reasons(select(RECORD, later, AGENCY_A, CARE, (), TODAY))["growth"] == "not-started"


def test_default_categories() -> None:
    assert cats.default_category("involvement", {"agency": "social_care"}) == "family_circumstances"
    assert cats.default_category("involvement", {"agency": "gp"}) == "involvement"
    assert cats.default_category("appointment", {"with_involvement": "inv1"}, {"inv1"}) == (
        "family_circumstances")
    assert cats.default_category("appointment", {"with_involvement": "inv2"}, {"inv1"}) == "involvement"
    assert cats.default_category("something_new", {}) == "private"
    for kind, expected in [("about_me", "identity"), ("carer", "identity"), ("address", "identity"),
                           ("birth", "health"), ("screening_check", "health"),
                           ("integrated_review", "health"), ("hcp_contact", "health"),
                           ("alert", "health"), ("immunisation", "immunisations"),
                           ("milestone", "development"), ("journal", "development")]:
        assert cats.default_category(kind, {}) == expected


def test_every_category_has_words_and_the_notice_says_what_it_is_not() -> None:
    for found in cats.CATEGORIES:
        assert found.name() and found.contains().endswith(".") and found.yes_means().endswith(".")
    assert "without asking you" in cats.notice() and "not a safeguarding system" in cats.notice()


def test_purposes_and_professionals_are_checked() -> None:
    with pytest.raises(ValidationError):
        purpose("gossip")
    with pytest.raises(ValidationError):
        purpose("other", " ")
    assert professional("  Dr   Amy Shah ").id == "professional:dr amy shah"

"""Builders for consent tests: events, states and random records and histories (hypothesis)."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import strategies as st

from familyfile.domain import categories as cats
from familyfile.domain.consent import (
    AGENCY,
    PROFESSIONAL,
    TEAM,
    ConsentEvent,
    ConsentState,
    Purpose,
    Recipient,
    Team,
    fold,
)
from familyfile.domain.entry import PARENT
from familyfile.domain.selection import Candidate

BASE = date(2026, 1, 1)
AGENCY_A = Recipient(AGENCY, "agency-a", "Health visiting")
AGENCY_B = Recipient(AGENCY, "agency-b", "Nursery")
PERSON = Recipient(PROFESSIONAL, "professional:sam patel", "Sam Patel")
TEAM_1 = Recipient(TEAM, "team-1", "Children's centre team")
TEAM_2 = Recipient(TEAM, "team-2", "Team around the child")
PEOPLE = (AGENCY_A, AGENCY_B, PERSON)
EVERYONE = (*PEOPLE, TEAM_1, TEAM_2)
PURPOSES = (Purpose("care"), Purpose("education"), Purpose("referral"),
            Purpose("other", "Moving house"), Purpose("other", "Court report"))
KINDS = (*cats.DEFAULT_CATEGORY.keys(), "mystery_kind")

_seq = itertools.count(1)


def event(recipient: Recipient, category: str, decision: str | None, *,
          purposes: tuple[Purpose, ...] = (Purpose("care"),), start: date = BASE,
          until: date | None = None, at: date = BASE, action: str = "given",
          seq: int | None = None) -> ConsentEvent:
    number = next(_seq) if seq is None else seq
    return ConsentEvent(f"ev{number}", "child-1", recipient, category, action, decision,
                        purposes, start, until, None, "app", PARENT, "words shown",
                        f"{at.isoformat()}T10:00:00Z", number)


def state(events: list[ConsentEvent], teams: tuple[Team, ...] = ()) -> ConsentState:
    return ConsentState(fold(events), teams)


def entry(entry_id: str, category: str, *, mark: str = cats.MARK_DEFAULT, archived: bool = False,
          kind: str = "growth") -> Candidate:
    return Candidate(entry_id, kind, category, mark, archived)


# -- random records and histories --------------------------------------------------------------
@st.composite
def candidates(draw: st.DrawFn) -> list[Candidate]:
    count = draw(st.integers(0, 14))
    found = []
    for i in range(count):
        kind = draw(st.sampled_from(KINDS))
        usual = cats.default_category(kind, {})
        category = draw(st.sampled_from((usual, usual, usual, *cats.CATEGORY_KEYS)))
        mark = draw(st.sampled_from((*[cats.MARK_DEFAULT] * 4, *cats.MARKS)))
        found.append(Candidate(f"e{i}", kind, category, mark, draw(st.sampled_from((*[False] * 7, True)))))
    return found


@st.composite
def histories(draw: st.DrawFn) -> list[ConsentEvent]:
    """A random consent history: gives, changes, withdrawals over a year, in order."""
    steps = draw(st.integers(0, 25))
    events: list[ConsentEvent] = []
    day = BASE
    for seq in range(1, steps + 1):
        day += timedelta(days=draw(st.integers(0, 15)))
        who = draw(st.sampled_from((*EVERYONE, TEAM_1, TEAM_1)))
        category = draw(st.sampled_from(cats.CONSENT_CATEGORIES))
        decision = draw(st.sampled_from(("permit", "permit", "permit", "deny", None)))
        purposes = tuple(draw(st.lists(st.sampled_from((PURPOSES[0], *PURPOSES)), min_size=1,
                                       max_size=2, unique=True)))
        start = day + timedelta(days=draw(st.integers(-10, 20)))
        later = draw(st.one_of(st.none(), st.none(), st.integers(0, 300)))
        until = None if later is None else start + timedelta(days=later)
        action = "withdrawn" if decision is None else draw(st.sampled_from(("given", "changed")))
        events.append(event(who, category, decision, purposes=purposes, start=start,
                            until=until, at=day, action=action, seq=seq))
    return events


@st.composite
def teams(draw: st.DrawFn) -> tuple[Team, ...]:
    first = tuple(r.id for r in PEOPLE if draw(st.booleans()))
    second = tuple(r.id for r in PEOPLE if draw(st.booleans()))
    return (Team(TEAM_1.id, TEAM_1.name, first), Team(TEAM_2.id, TEAM_2.name, second))


def choices_for(draw: st.DrawFn, entries: list[Candidate]) -> frozenset[str]:
    pool = [*cats.CATEGORY_KEYS, *(e.id for e in entries)]
    return frozenset(draw(st.lists(st.sampled_from(pool), max_size=6))) if pool else frozenset()

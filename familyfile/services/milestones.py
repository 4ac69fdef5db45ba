"""Milestones for one child: the checklist with their answers, and answering.

Each answered milestone is ONE entry of kind ``milestone`` per child; changing the
answer edits that entry, so every earlier answer stays in its history.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from familyfile.domain import milestones as rules
from familyfile.domain.entry import Entry, HistoryItem
from familyfile.domain.milestones import Band, ChildAge, Milestone, MilestoneAnswer, MilestoneList
from familyfile.services import child_facts

KIND = rules.KIND


@dataclass(frozen=True)
class MilestoneStatus:
    milestone: Milestone
    answer: MilestoneAnswer | None
    entry: Entry | None
    worth_mentioning: bool

    @property
    def answer_key(self) -> str | None:
        return self.answer.answer if self.answer else None


@dataclass(frozen=True)
class Checklist:
    child_id: str
    age: ChildAge
    gestation_weeks: int | None
    band: Band
    milestones: MilestoneList
    items: tuple[MilestoneStatus, ...]

    def in_band(self, band_id: str) -> list[MilestoneStatus]:
        return [s for s in self.items if s.milestone.band == band_id]

    def bands_in_order(self) -> list[Band]:
        """The band for the child's age first, then the others from youngest to oldest."""
        return [self.band] + [b for b in self.milestones.bands if b.id != self.band.id]

    def to_mention(self) -> list[MilestoneStatus]:
        return [s for s in self.items if s.worth_mentioning]

    def status(self, milestone_id: str) -> MilestoneStatus:
        for item in self.items:
            if item.milestone.id == milestone_id:
                return item
        raise KeyError(milestone_id)


def _answers(session: Any, child_id: str) -> dict[str, tuple[Entry, MilestoneAnswer]]:
    found: dict[str, tuple[Entry, MilestoneAnswer]] = {}
    # Oldest first, so if two entries ever name one milestone the newest wins.
    for entry in session.records.list_for(child_id, KIND, newest_first=False):
        answer = MilestoneAnswer.from_data(entry.data)
        found[answer.milestone_id] = (entry, answer)
    return found


def child_age(session: Any, child_id: str) -> ChildAge:
    child = session.child(child_id)
    return rules.child_age(child.date_of_birth, child_facts.gestation(session, child_id),
                           session.today())


def checklist(session: Any, child_id: str) -> Checklist:
    listed = rules.load()
    age = child_age(session, child_id)
    gestation = child_facts.gestation(session, child_id)
    answers = _answers(session, child_id)
    items = []
    for milestone in listed.milestones:
        entry, answer = answers.get(milestone.id, (None, None))
        key = answer.answer if answer else None
        items.append(MilestoneStatus(milestone, answer, entry,
                                     rules.worth_mentioning(milestone, key, age.months)))
    return Checklist(child_id, age, gestation.weeks if gestation else None,
                     listed.band_for(age.months), listed, tuple(items))


def answer(session: Any, child_id: str, milestone_id: str, chosen: str,
           first_seen: str | None = None) -> Entry:
    """Record (or change) the answer for one milestone; earlier answers stay in the history."""
    listed = rules.load()
    existing = _answers(session, child_id).get(milestone_id)
    previous = existing[1] if existing else None
    built = rules.build_answer(listed, milestone_id, chosen, first_seen, today=session.today(),
                               born=session.child(child_id).date_of_birth, previous=previous)
    when = (built.first_seen or session.today()).isoformat()
    if existing is None:
        return session.records.add(child_id=child_id, kind=KIND, data=built.to_data(), occurred_on=when)
    entry = existing[0]
    if entry.data == built.to_data():
        return entry
    return session.records.edit(entry, data=built.to_data(), occurred_on=when)


def history(session: Any, child_id: str, milestone_id: str) -> list[HistoryItem]:
    existing = _answers(session, child_id).get(milestone_id)
    return session.records.history(existing[0].id) if existing else []

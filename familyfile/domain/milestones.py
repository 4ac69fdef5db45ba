"""Milestones: age-banded checklists answered "not yet / sometimes / yes".

The list (``familyfile/data/milestones.json``) is in Family File's own words; each
milestone has the age by which most children (about 3 in 4) do it. The age used is the
child's corrected age when they were born before 37 weeks. Where a milestone most
children reach by that age is still "not yet", a gentle prompt suggests talking to the
health visitor. Never a score, never an alarm. No Qt, no SQL.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from familyfile.domain import fields
from familyfile.domain.age import Gestation, age_days, corrected_age_days
from familyfile.errors import ValidationError
from familyfile.i18n import _

KIND = "milestone"
NOT_YET, SOMETIMES, YES = "not-yet", "sometimes", "yes"
ANSWERS: tuple[str, ...] = (NOT_YET, SOMETIMES, YES)
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class Band:
    id: str
    from_months: int
    to_months: int
    label: str

    def contains(self, months: float) -> bool:
        return self.from_months <= months < self.to_months


@dataclass(frozen=True)
class Milestone:
    id: str
    band: str
    area: str
    text: str
    typically_by_months: int


@dataclass(frozen=True)
class MilestoneList:
    version: str
    sources: tuple[dict[str, str], ...]
    bands: tuple[Band, ...]
    milestones: tuple[Milestone, ...]

    def milestone(self, milestone_id: str) -> Milestone:
        for item in self.milestones:
            if item.id == milestone_id:
                return item
        raise ValidationError("milestone", "bad-choice")

    def band(self, band_id: str) -> Band:
        for band in self.bands:
            if band.id == band_id:
                return band
        raise ValidationError("band", "bad-choice")

    def in_band(self, band_id: str) -> list[Milestone]:
        return [m for m in self.milestones if m.band == band_id]

    def band_for(self, months: float) -> Band:
        """The band holding this age; babies before their due date get the first band and
        children past the last band get the last one."""
        for band in self.bands:
            if band.contains(months):
                return band
        return self.bands[0] if months < self.bands[0].from_months else self.bands[-1]


def parse_list(raw: dict[str, Any]) -> MilestoneList:
    bands = tuple(Band(b["id"], int(b["from_months"]), int(b["to_months"]), b["label"])
                  for b in raw["bands"])
    items = tuple(Milestone(m["id"], m["band"], m["area"], m["text"], int(m["typically_by_months"]))
                  for m in raw["milestones"])
    return MilestoneList(str(raw["version"]), tuple(raw.get("sources", ())), bands, items)


@lru_cache(maxsize=1)
def load() -> MilestoneList:
    text = (resources.files("familyfile") / "data" / "milestones.json").read_text("utf-8")
    return parse_list(json.loads(text))


def band_label(band: Band) -> str:
    return _(band.label)


def milestone_text(milestone: Milestone) -> str:
    return _(milestone.text)


def answer_text(answer: str | None) -> str:
    return {NOT_YET: _("Not yet"), SOMETIMES: _("Sometimes"), YES: _("Yes")}.get(
        answer or "", _("Not answered"))


def prompt_text() -> str:
    return _("It may be worth talking to your health visitor about this.")


def typically_text(milestone: Milestone) -> str:
    months = milestone.typically_by_months
    if months >= 24 and months % 12 == 0:
        return _("Most children do this by {n} years old.").format(n=months // 12)
    return _("Most children do this by {n} months old.").format(n=months)


# -- the child's age --------------------------------------------------------------------------
@dataclass(frozen=True)
class ChildAge:
    days: int
    corrected_days: int

    @property
    def corrected(self) -> bool:
        return self.corrected_days != self.days

    @property
    def months(self) -> float:
        """The age the checklists use: corrected where that applies."""
        return self.corrected_days / DAYS_PER_MONTH


def child_age(born: date, gestation: Gestation | None, today: date) -> ChildAge:
    return ChildAge(age_days(born, today), corrected_age_days(born, gestation, today))


def months_text(days: int) -> str:
    """"5 months", "1 year 3 months", "3 weeks" (plain, for the page heading)."""
    if days < 0:
        return _("not yet born by the due date")
    months = int(days / DAYS_PER_MONTH)
    if months < 2:
        weeks = days // 7
        return _("1 week") if weeks == 1 else _("{n} weeks").format(n=weeks)
    if months < 24:
        return _("{n} months").format(n=months)
    years, rest = divmod(months, 12)
    if rest == 0:
        return _("{n} years").format(n=years)
    return _("{years} years {months} months").format(years=years, months=rest)


def worth_mentioning(milestone: Milestone, answer: str | None, age_months: float) -> bool:
    """True only for "not yet" on a milestone most children reach by this (corrected) age."""
    return answer == NOT_YET and age_months >= milestone.typically_by_months


# -- an answer ------------------------------------------------------------------------------
@dataclass(frozen=True)
class MilestoneAnswer:
    milestone_id: str
    answer: str
    first_seen: date | None
    list_version: str = ""

    def to_data(self) -> dict[str, Any]:
        return {"milestone_id": self.milestone_id, "answer": self.answer,
                "first_seen": self.first_seen.isoformat() if self.first_seen else None,
                "list_version": self.list_version}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> MilestoneAnswer:
        seen = data.get("first_seen")
        return cls(str(data.get("milestone_id", "")), str(data.get("answer", "")),
                   date.fromisoformat(seen) if seen else None, str(data.get("list_version", "")))


def parse_answer(text: str) -> str:
    key = text.strip().casefold().replace("_", "-").replace(" ", "-")
    if key not in ANSWERS:
        raise ValidationError("milestone_answer", "bad-choice")
    return key


def build_answer(milestones: MilestoneList, milestone_id: str, answer: str, first_seen: str | None,
                 *, today: date, born: date, previous: MilestoneAnswer | None = None) -> MilestoneAnswer:
    """Check an answer. "Sometimes" and "yes" have the date first seen: the one given, else
    the one already recorded, else today. "Not yet" has none."""
    milestones.milestone(milestone_id)
    chosen = parse_answer(answer)
    seen: date | None = None
    if chosen != NOT_YET:
        if first_seen:
            seen = fields.past_day("first_seen", fields.iso_date("first_seen", first_seen), today, born)
        elif previous is not None and previous.first_seen is not None:
            seen = previous.first_seen
        else:
            seen = today
    return MilestoneAnswer(milestone_id, chosen, seen, milestones.version)

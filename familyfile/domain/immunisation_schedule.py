"""The UK routine immunisation schedule as data, and the doses planned for one child.

The facts live in ``familyfile/data/immunisation_schedule.json`` (editions with the date each
came into force, appointments, doses, cohorts by date of birth, sources and what to verify), so
one edit there fixes a changed rule. This module only applies the rules written there:

- an appointment falls due at its age (weeks from birth; months and years by the calendar,
  a day that does not exist moving to the 1st of the next month, never earlier);
- the edition in force on the day it falls due applies, and a dose may be limited to cohorts
  by date of birth;
- the 16-week doses follow the pattern decided at 12 weeks: by when the 12-week doses were
  given if that is known, otherwise by when they fell due;
- a planned dose is overdue ``overdue_after_days`` (28) days after its due date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

DATA_FILE = "immunisation_schedule.json"
OTHER = "other"


@dataclass(frozen=True)
class Vaccine:
    key: str
    name: str
    protects_against: str
    route: str | None
    routine: bool
    series: str
    snomed_code: str | None
    snomed_display: str | None
    latest_age: dict[str, int] | None = None
    single_dose: bool = False  # one dose in the routine schedule: its number is not shown


@dataclass(frozen=True)
class Source:
    name: str
    url: str | None
    date_checked: str | None
    note: str


@dataclass(frozen=True)
class Edition:
    id: str
    title: str
    in_force_from: date
    appointments: dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class PlannedDose:
    """One dose the schedule plans for this child, with the day it falls due."""

    appointment: str  # key, e.g. "12w"
    appointment_label: str
    vaccine: str
    dose: int
    name: str
    due: date
    overdue_from: date
    latest: date | None  # after this day it is no longer given (rotavirus)
    edition: str
    not_needed_if_given: tuple[tuple[str, int], ...] = ()

    @property
    def key(self) -> str:
        return f"{self.appointment}:{self.vaccine}:{self.dose}"


@dataclass(frozen=True)
class Schedule:
    version: int
    title: str
    encoded_on: str
    covers_born_from: date
    overdue_after_days: int
    vaccines: dict[str, Vaccine]
    appointments: list[dict[str, Any]]
    editions: list[Edition]
    cohorts: dict[str, dict[str, Any]]
    infant_pattern: dict[str, Any]
    sources: list[Source]
    verify: list[str]
    rules: list[str]
    selective: list[dict[str, str]] = field(default_factory=list)

    # -- looking things up ----------------------------------------------------------------------
    def series(self, vaccine: str) -> str:
        found = self.vaccines.get(vaccine)
        return found.series if found else vaccine

    def edition_on(self, day: date) -> Edition | None:
        """The edition in force on ``day`` (None before the first one)."""
        current = None
        for edition in self.editions:
            if edition.in_force_from <= day:
                current = edition
        return current

    @property
    def latest_edition(self) -> Edition:
        return self.editions[-1]

    def in_cohort(self, cohort: str, born: date) -> bool:
        rule = self.cohorts[cohort]
        start, end = rule.get("born_from"), rule.get("born_before")
        return ((start is None or born >= date.fromisoformat(start))
                and (end is None or born < date.fromisoformat(end)))

    def appointment_due(self, key: str, born: date) -> date:
        for appointment in self.appointments:
            if appointment["key"] == key:
                return add_age(born, appointment["age"])
        raise KeyError(key)

    # -- the plan -------------------------------------------------------------------------------
    def doses_for(self, born: date, *, infant_pattern_date: date | None = None) -> list[PlannedDose]:
        """Every routine dose planned for a child born on ``born``, sorted by due date.

        ``infant_pattern_date``: when the 12-week doses were really given, if known; it picks
        the pattern for the 12- and 16-week doses. Children born before ``covers_born_from``
        get an empty plan (their records can still be kept).
        """
        if born < self.covers_born_from:
            return []
        decided_at = str(self.infant_pattern.get("decided_at", ""))
        planned: list[PlannedDose] = []
        for appointment in self.appointments:
            key = appointment["key"]
            due = add_age(born, appointment["age"])
            pattern_day = due
            follows = appointment.get("pattern_follows")
            if key == decided_at or follows == decided_at:
                pattern_day = infant_pattern_date or self.appointment_due(decided_at, born)
            edition = self.edition_on(pattern_day)
            if edition is None:
                continue
            for item in edition.appointments.get(key, []):
                cohorts = item.get("cohorts")
                if cohorts and not any(self.in_cohort(c, born) for c in cohorts):
                    continue
                planned.append(self._planned(appointment, item, born, due, edition.id))
        planned.sort(key=lambda p: p.due)  # stable: the data file's order within a day
        return planned

    def _planned(self, appointment: dict[str, Any], item: dict[str, Any], born: date, due: date,
                 edition: str) -> PlannedDose:
        vaccine = self.vaccines[item["vaccine"]]
        latest = (add_age(born, vaccine.latest_age) - timedelta(days=1)) if vaccine.latest_age else None
        skip = tuple((s["vaccine"], int(s["dose"])) for s in item.get("not_needed_if_given", []))
        return PlannedDose(appointment["key"], appointment["label"], vaccine.key, int(item["dose"]),
                           vaccine.name, due, due + timedelta(days=self.overdue_after_days), latest,
                           edition, skip)


def add_age(born: date, age: dict[str, int]) -> date:
    """The day a child reaches ``age`` ({"weeks"|"months"|"years": n}); never too early."""
    months = age.get("years", 0) * 12 + age.get("months", 0)
    year, month = divmod(born.month - 1 + months, 12)
    year, month = born.year + year, month + 1
    try:
        day = date(year, month, born.day)
    except ValueError:  # 29 Feb or a 31st that this month lacks: the 1st of the next month
        day = date(year + (month == 12), month % 12 + 1, 1)
    return day + timedelta(weeks=age.get("weeks", 0), days=age.get("days", 0))


def parse(raw: dict[str, Any]) -> Schedule:
    vaccines = {}
    for key, item in raw["vaccines"].items():
        snomed = item.get("snomed") or {}
        vaccines[key] = Vaccine(key, item["name"], item.get("protects_against", ""), item.get("route"),
                                bool(item.get("routine")), item.get("series", key), snomed.get("code"),
                                snomed.get("display"), item.get("latest_age"),
                                bool(item.get("single_dose")))
    editions = [Edition(e["id"], e["title"], date.fromisoformat(e["in_force_from"]), e["appointments"])
                for e in raw["editions"]]
    editions.sort(key=lambda e: e.in_force_from)
    sources = [Source(s["name"], s.get("url"), s.get("date_checked"), s.get("note", ""))
               for s in raw["sources"]]
    return Schedule(int(raw["version"]), raw["title"], raw["encoded_on"],
                    date.fromisoformat(raw["covers_born_from"]), int(raw["overdue_after_days"]),
                    vaccines, raw["appointments"], editions, raw.get("cohorts", {}),
                    raw.get("infant_pattern", {}), sources, list(raw.get("verify", [])),
                    list(raw.get("rules", [])), list(raw.get("selective", [])))


@lru_cache(maxsize=1)
def load() -> Schedule:
    """The schedule shipped with Family File (read once)."""
    text = (resources.files("familyfile") / "data" / DATA_FILE).read_text("utf-8")
    return parse(json.loads(text))


def doses_for(date_of_birth: date, *, infant_pattern_date: date | None = None) -> list[PlannedDose]:
    return load().doses_for(date_of_birth, infant_pattern_date=infant_pattern_date)

"""Health reviews and screening: Healthy Child Programme contacts, the 2–2½ year
integrated review (ASQ-3 area scores and the reviewer's outcome), the EYFS progress
check summary, and vision and hearing checks.

ASQ-3 is copyrighted: only area scores and the reviewer's outcomes are recorded,
never its questions.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any, Self

from familyfile.domain import fields
from familyfile.errors import ValidationError

CONTACT_KIND = "hcp_contact"
INTEGRATED_KIND = "integrated_review"
CHECK_KIND = "screening_check"

CONTACT_STATUSES = ("done", "booked", "missed", "declined")
ASQ_AREAS = ("communication", "gross_motor", "fine_motor", "problem_solving", "personal_social")
ASQ_OUTCOMES = ("above_cutoff", "monitoring", "below_cutoff")
PRIME_AREAS = ("communication_language", "physical", "personal_social_emotional")
CHECK_TYPES = ("vision", "hearing")
CHECK_OUTCOMES = ("no_concerns", "referred", "follow_up", "not_done")


@dataclass(frozen=True)
class ContactDefinition:
    key: str
    name: str
    explain: str
    from_days: int
    until_days: int
    mandated: bool
    before_birth: bool = False


@cache
def contact_definitions() -> tuple[ContactDefinition, ...]:
    raw = json.loads((resources.files("familyfile") / "data" / "hcp_contacts.json").read_text("utf-8"))
    return tuple(ContactDefinition(**c) for c in raw["contacts"])


def schedule_source() -> dict[str, Any]:
    raw = json.loads((resources.files("familyfile") / "data" / "hcp_contacts.json").read_text("utf-8"))
    return {"version": raw["version"], "sources": raw["sources"]}


class _Stored:
    """A record kept as the dict of its fields (keys it does not know are left out)."""

    def to_data(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Self:
        known = cls.__dataclass_fields__  # type: ignore[attr-defined]
        return cls(**{k: v for k, v in data.items() if k in known})


def _day_problems(on: str, born: date, today: date) -> list[ValidationError]:
    """What is wrong with the day a check or review happened (nothing, or one problem)."""
    return fields.every_problem([lambda: fields.past_day("on", fields.iso_date("on", on), today, born)])


@dataclass(frozen=True)
class Contact(_Stored):
    """A Healthy Child Programme contact as it happened (or was missed)."""

    contact: str
    status: str
    on: str
    who: str = ""
    role: str = ""
    where: str = ""
    notes: str = ""


def validate_contact(record: Contact, born: date, today: date) -> list[ValidationError]:
    problems: list[ValidationError] = []
    if record.contact not in {c.key for c in contact_definitions()}:
        problems.append(ValidationError("contact", "bad-choice"))
    if record.status not in CONTACT_STATUSES:
        problems.append(ValidationError("status", "bad-choice"))
    try:
        when = fields.iso_date("on", record.on)
        if record.status == "done" and when > today:
            problems.append(ValidationError("on", "date-in-future"))
        if record.contact != "antenatal" and when < born:
            problems.append(ValidationError("on", "before-birth"))
    except ValidationError as exc:
        problems.append(exc)
    return problems


@dataclass(frozen=True)
class ContactStatus:
    definition: ContactDefinition
    state: str  # done / booked / missed / declined / due / overdue / upcoming / not_recorded
    due_from: date
    due_until: date
    record: Contact | None


def contact_statuses(born: date, records: list[Contact], today: date) -> list[ContactStatus]:
    """Each contact with its state: what was recorded, else due / overdue / upcoming."""
    latest = {r.contact: r for r in sorted(records, key=lambda r: r.on)}
    result = []
    for definition in contact_definitions():
        start = born + timedelta(days=definition.from_days)
        end = born + timedelta(days=definition.until_days)
        record = latest.get(definition.key)
        if record is not None:
            state = record.status
        elif definition.before_birth:
            state = "not_recorded"
        elif today < start:
            state = "upcoming"
        elif today <= end:
            state = "due"
        else:
            state = "overdue" if definition.mandated else "not_recorded"
        result.append(ContactStatus(definition, state, start, end, record))
    return result


@dataclass(frozen=True)
class IntegratedReview(_Stored):
    """The 2–2½ year integrated review."""

    on: str
    reviewer: str = ""
    role: str = ""
    where: str = ""
    asq_scores: dict[str, int] = field(default_factory=dict)
    asq_outcomes: dict[str, str] = field(default_factory=dict)
    eyfs_summary: dict[str, str] = field(default_factory=dict)
    outcome_notes: str = ""


def validate_integrated(review: IntegratedReview, born: date, today: date) -> list[ValidationError]:
    problems = _day_problems(review.on, born, today)
    for area, score in review.asq_scores.items():
        if area not in ASQ_AREAS:
            problems.append(ValidationError("asq_scores", "bad-choice"))
        elif not isinstance(score, int) or not 0 <= score <= 60 or score % 5:
            problems.append(ValidationError(f"asq_{area}", "asq-score"))
    for area, outcome in review.asq_outcomes.items():
        if area not in ASQ_AREAS or outcome not in ASQ_OUTCOMES:
            problems.append(ValidationError(f"asq_{area}_outcome", "bad-choice"))
    for area in review.eyfs_summary:
        if area not in PRIME_AREAS:
            problems.append(ValidationError("eyfs_summary", "bad-choice"))
    return problems


@dataclass(frozen=True)
class ScreeningCheck(_Stored):
    check: str
    on: str
    outcome: str
    who: str = ""
    where: str = ""
    notes: str = ""


def validate_check(record: ScreeningCheck, born: date, today: date) -> list[ValidationError]:
    problems: list[ValidationError] = []
    if record.check not in CHECK_TYPES:
        problems.append(ValidationError("check", "bad-choice"))
    if record.outcome not in CHECK_OUTCOMES:
        problems.append(ValidationError("outcome", "bad-choice"))
    return problems + _day_problems(record.on, born, today)

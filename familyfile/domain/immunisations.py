"""Immunisations: a vaccination given (or declined), its checks, and each planned dose's status.

A record keeps the date given (or declined), the vaccine (a schedule key, or "other" with its
name), dose number, product (brand), batch, site, route, who gave it, where, and whether it was
given abroad or somewhere else (with the country); a declined one keeps the date, vaccine, dose
and place. A planned dose is given / declined / not needed, else upcoming before its due date,
due from it, overdue from ``overdue_from`` (due + 28 days, Family File's own threshold), and
too late once past the age it is given at (rotavirus).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from familyfile.domain import fields
from familyfile.domain.immunisation_schedule import OTHER, PlannedDose, Schedule, doses_for, load
from familyfile.errors import ValidationError

__all__ = ["OTHER", "PlannedDose", "doses_for", "load"]

KIND = "immunisation"
SITES = ("left_thigh", "right_thigh", "left_arm", "right_arm", "oral", "nose", "other")
ROUTES = ("intramuscular", "subcutaneous", "intradermal", "oral", "intranasal", "other")
TEXT_MAX = 100
PLACE_MAX = 200
BATCH_MAX = 20
DOSE_MAX = 9
_BATCH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ./-]*$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[ ./-](\d{1,2})[ ./-](\d{4})$")

GIVEN, DECLINED, NOT_NEEDED = "given", "declined", "not_needed"
UPCOMING, DUE, OVERDUE, TOO_LATE = "upcoming", "due", "overdue", "too_late"
STATES = (GIVEN, DECLINED, NOT_NEEDED, UPCOMING, DUE, OVERDUE, TOO_LATE)


@dataclass(frozen=True)
class DoseDraft:
    """What a person typed or chose, before it is checked (every field as text)."""

    date: str
    vaccine: str
    dose: str = ""  # "" = work it out from the schedule
    vaccine_name: str = ""  # only for "other"
    declined: bool = False
    product: str = ""
    batch: str = ""
    site: str = ""
    route: str = ""
    given_by: str = ""
    place: str = ""
    abroad: bool = False
    country: str = ""


@dataclass(frozen=True)
class DoseRecord:
    on: date  # the day it was given, or declined
    vaccine: str
    dose: int | None
    vaccine_name: str = ""
    declined: bool = False
    product: str = ""
    batch: str = ""
    site: str = ""
    route: str = ""
    given_by: str = ""
    place: str = ""
    abroad: bool = False
    country: str = ""
    snomed: str | None = None

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["on"] = self.on.isoformat()
        return data

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DoseRecord:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        dose = known.get("dose")
        return cls(**{**known, "on": date.fromisoformat(str(data["on"])),
                      "dose": int(dose) if dose not in (None, "") else None})


# -- checks ---------------------------------------------------------------------------------------
def parse_day(field: str, text: str) -> date:
    """ISO (2025-03-27) or day first, as written in the UK (27/3/2025, 27-03-2025, 27 3 2025)."""
    value = text.strip()
    if not value:
        raise ValidationError(field, "required")
    try:
        found = _DAY_FIRST.match(value)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return date(year, month, day)
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, "date-format-uk") from None


def _text(field: str, value: str, limit: int = TEXT_MAX) -> str:
    text = " ".join(value.split())
    if len(text) > limit:
        raise ValidationError(field, "too-long", max=limit)
    return text


def _choice(field: str, value: str, choices: Sequence[str]) -> str:
    if value and value not in choices:
        raise ValidationError(field, "bad-choice")
    return value


def _dose(text: str) -> int | None:
    value = text.strip()
    if not value:
        return None
    if not value.isdigit() or not 1 <= int(value) <= DOSE_MAX:
        raise ValidationError("dose_number", "out-of-range", min=1, max=DOSE_MAX)
    return int(value)


def _batch(value: str) -> str:
    text = _text("batch", value, BATCH_MAX)
    if text and not _BATCH.match(text):
        raise ValidationError("batch", "batch-format")
    return text


def _checks(draft: DoseDraft, born: date, today: date, schedule: Schedule) -> list[tuple[str, Any]]:
    """(field, check) in the order the form shows them."""

    def day() -> date:
        return fields.past_day("vaccination_date", parse_day("vaccination_date", draft.date), today, born)

    def vaccine() -> str:
        if not draft.vaccine:
            raise ValidationError("vaccine", "bad-choice")
        return _choice("vaccine", draft.vaccine, [*schedule.vaccines, OTHER])

    def name() -> str:
        if draft.vaccine != OTHER:
            return ""
        text = _text("vaccine_name", draft.vaccine_name)
        if not text:
            raise ValidationError("vaccine_name", "required")
        return text

    def country() -> str:
        text = _text("country", draft.country)
        if draft.abroad and not text:
            raise ValidationError("country", "required")
        return text if draft.abroad else ""

    def not_declined(field: str, check: Any) -> Any:
        def run() -> Any:
            if (value := check()) and draft.declined:
                raise ValidationError(field, "not-when-declined")
            return value
        return run

    return [
        ("vaccine", vaccine), ("vaccine_name", name), ("dose", lambda: _dose(draft.dose)), ("on", day),
        ("product", not_declined("product", lambda: _text("product", draft.product))),
        ("batch", not_declined("batch", lambda: _batch(draft.batch))),
        ("site", not_declined("injection_site", lambda: _choice("injection_site", draft.site, SITES))),
        ("route", not_declined("route", lambda: _choice("route", draft.route, ROUTES))),
        ("given_by", not_declined("given_by", lambda: _text("given_by", draft.given_by))),
        ("place", lambda: _text("given_where", draft.place, PLACE_MAX)),
        ("abroad", not_declined("country", lambda: draft.abroad)),
        ("country", country),
    ]


def validate(draft: DoseDraft, born: date, today: date, schedule: Schedule | None = None
             ) -> list[ValidationError]:
    """Every problem with the draft, in form order (for an error summary)."""
    return fields.every_problem(check for _key, check in _checks(draft, born, today, schedule or load()))


def build(draft: DoseDraft, born: date, today: date, schedule: Schedule | None = None) -> DoseRecord:
    """The checked record; raises the first problem (``validate`` lists them all)."""
    schedule = schedule or load()
    values: dict[str, Any] = {key: check() for key, check in _checks(draft, born, today, schedule)}
    found = schedule.vaccines.get(values["vaccine"])
    return DoseRecord(declined=draft.declined, snomed=found.snomed_code if found else None, **values)


# -- status ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class DoseStatus:
    planned: PlannedDose
    state: str
    record_key: str | None = None  # which record settled it (given / declined / not needed)
    record: DoseRecord | None = None

    @property
    def on(self) -> date:
        """The day to show: given or declined on, else the due date."""
        return self.record.on if self.record is not None and self.state != NOT_NEEDED else self.planned.due


Records = Mapping[str, DoseRecord] | Sequence[DoseRecord]


def _keyed(records: Records) -> list[tuple[str, DoseRecord]]:
    items = list(records.items()) if isinstance(records, Mapping) else [
        (str(i), r) for i, r in enumerate(records)]
    return sorted(items, key=lambda item: item[1].on)


def match(planned: Sequence[PlannedDose], records: Records, today: date,
          schedule: Schedule | None = None) -> tuple[list[DoseStatus], list[str]]:
    """Each planned dose's status, and the keys of records that match no planned dose.

    A record matches a planned dose with the same series (MMR and MMRV count together) and
    dose number; a given record wins over a declined one (the latest decline counts).
    """
    schedule = schedule or load()
    keyed = _keyed(records)
    used: set[str] = set()
    rows: list[DoseStatus] = []
    for dose in planned:
        series = schedule.series(dose.vaccine)
        fits = [(k, r) for k, r in keyed if k not in used and r.dose == dose.dose
                and schedule.series(r.vaccine) == series]
        given = [(k, r) for k, r in fits if not r.declined]
        declined = [(k, r) for k, r in fits if r.declined]
        if given:
            used.add(given[0][0])
            rows.append(DoseStatus(dose, GIVEN, *given[0]))
        elif declined:
            used.add(declined[-1][0])
            rows.append(DoseStatus(dose, DECLINED, *declined[-1]))
        else:
            rows.append(_open(dose, keyed, today))
    return rows, [k for k, _r in keyed if k not in used]


def _open(dose: PlannedDose, keyed: list[tuple[str, DoseRecord]], today: date) -> DoseStatus:
    for key, record in keyed:
        if not record.declined and (record.vaccine, record.dose) in dose.not_needed_if_given:
            return DoseStatus(dose, NOT_NEEDED, key, record)
    if dose.latest is not None and today > dose.latest:
        return DoseStatus(dose, TOO_LATE)
    if today < dose.due:
        return DoseStatus(dose, UPCOMING)
    return DoseStatus(dose, DUE if today < dose.overdue_from else OVERDUE)


def status(planned: Sequence[PlannedDose], given_records: Records, today: date,
           schedule: Schedule | None = None) -> list[DoseStatus]:
    return match(planned, given_records, today, schedule)[0]  # (the unmatched keys dropped)


def infant_pattern_date(records: Records, schedule: Schedule | None = None) -> date | None:
    """When the 12-week doses were given, if a record says so (it decides the 16-week doses)."""
    schedule = schedule or load()
    deciding = {(d["vaccine"], int(d["dose"]))
                for d in schedule.infant_pattern.get("given_doses_that_decide", [])}
    days = [r.on for _k, r in _keyed(records) if not r.declined and (r.vaccine, r.dose) in deciding]
    return min(days) if days else None


def next_dose_number(vaccine: str, on: date, planned: Sequence[PlannedDose], records: Records,
                     schedule: Schedule | None = None) -> int | None:
    """The dose number a new record most likely is, when the person did not say.

    The last planned dose of that series not yet given that fell due by ``on`` (plus two
    weeks), else the first one not yet given; else one more than the highest recorded. None for
    vaccines outside the routine schedule when nothing is recorded.
    """
    schedule = schedule or load()
    series = schedule.series(vaccine)
    rows = status(planned, records, on, schedule)
    open_doses = [r.planned for r in rows if schedule.series(r.planned.vaccine) == series
                  and r.state not in (GIVEN, NOT_NEEDED)]
    if open_doses:
        by_then = [p for p in open_doses if (p.due - on).days <= 14]
        return (by_then[-1] if by_then else open_doses[0]).dose
    recorded = [r.dose for _k, r in _keyed(records) if r.dose and schedule.series(r.vaccine) == series]
    if recorded:
        return max(recorded) + 1
    return 1 if vaccine in schedule.vaccines and schedule.vaccines[vaccine].routine else None

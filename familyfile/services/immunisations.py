"""Immunisations: record and change vaccinations, the status table, and what is due next.

Each vaccination given or declined is one entry of kind ``"immunisation"`` whose
``occurred_on`` is the day it was given or declined and whose data is
:meth:`DoseRecord.to_data`. The planned doses come from the schedule data file.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from familyfile.domain import immunisations as rules
from familyfile.domain.entry import Entry
from familyfile.domain.immunisation_schedule import PlannedDose, Schedule, Source, load
from familyfile.domain.immunisations import DoseDraft, DoseRecord, DoseStatus
from familyfile.errors import NotFoundError, ValidationError

KIND = rules.KIND


@dataclass(frozen=True)
class StatusTable:
    rows: list[DoseStatus]  # every planned dose, by due date
    extra: list[tuple[Entry, DoseRecord]]  # records matching no planned dose (selective, other…)
    entries: dict[str, Entry]  # entry id -> entry, for the rows' record_key
    covered: bool  # False: born before the schedule data starts


@dataclass(frozen=True)
class NextDue:
    """The next appointment a child needs: its state (overdue, due, upcoming) and doses."""

    state: str
    appointment: str
    appointment_label: str
    due: date
    overdue_from: date
    doses: list[DoseStatus]


@dataclass(frozen=True)
class ScheduleInfo:
    """What people are shown about where the schedule comes from."""

    title: str
    version: int
    encoded_on: str
    edition_id: str
    edition_title: str
    edition_from: date
    sources: list[Source]
    verify: list[str]
    rules: list[str]
    overdue_after_days: int


def schedule() -> Schedule:
    return load()


def schedule_info(edition_id: str | None = None) -> ScheduleInfo:
    data = load()
    edition = next((e for e in data.editions if e.id == edition_id), data.latest_edition)
    return ScheduleInfo(data.title, data.version, data.encoded_on, edition.id, edition.title,
                        edition.in_force_from, data.sources, data.verify, data.rules,
                        data.overdue_after_days)


# -- reading ----------------------------------------------------------------------------------------
def records(session: Any, child_id: str) -> list[tuple[Entry, DoseRecord]]:
    """The child's vaccination records, oldest first."""
    found = session.records.list_for(child_id, KIND, newest_first=False)
    return [(entry, DoseRecord.from_data(entry.data)) for entry in found]


def planned(session: Any, child_id: str, *, exclude: str | None = None) -> list[PlannedDose]:
    born = session.child(child_id).date_of_birth
    mine = {str(e.id): r for e, r in records(session, child_id) if e.id != exclude}
    return rules.doses_for(born, infant_pattern_date=rules.infant_pattern_date(mine))


def status_table(session: Any, child_id: str) -> StatusTable:
    born = session.child(child_id).date_of_birth
    found = records(session, child_id)
    mine = {str(e.id): r for e, r in found}
    plan = rules.doses_for(born, infant_pattern_date=rules.infant_pattern_date(mine))
    rows, unmatched = rules.match(plan, mine, session.today())
    entries = {str(e.id): e for e, _r in found}
    extra = [(entries[key], mine[key]) for key in unmatched]
    return StatusTable(rows, extra, entries, born >= load().covers_born_from)


def next_due(session: Any, child_id: str) -> NextDue | None:
    """The appointment to act on: the earliest overdue or due one, else the next upcoming."""
    rows = status_table(session, child_id).rows
    for states in ((rules.OVERDUE, rules.DUE), (rules.UPCOMING,)):
        waiting = [r for r in rows if r.state in states]
        if waiting:
            first = min(waiting, key=lambda r: r.planned.due)
            same = [r for r in waiting if r.planned.appointment == first.planned.appointment]
            state = rules.OVERDUE if any(r.state == rules.OVERDUE for r in same) else first.state
            return NextDue(state, first.planned.appointment, first.planned.appointment_label,
                           first.planned.due, first.planned.overdue_from, same)
    return None


# -- writing ----------------------------------------------------------------------------------------
def _with_dose(session: Any, child_id: str, draft: DoseDraft, exclude: str | None) -> DoseDraft:
    """Fill in the dose number when the person left it to Family File."""
    if draft.dose.strip() or draft.vaccine == rules.OTHER:
        return draft
    try:
        on = rules.parse_day("vaccination_date", draft.date)
    except ValidationError:  # the checks report the date
        return draft
    mine = {str(e.id): r for e, r in records(session, child_id) if e.id != exclude}
    plan = planned(session, child_id, exclude=exclude)
    number = rules.next_dose_number(draft.vaccine, on, plan, mine)
    return draft if number is None else replace(draft, dose=str(number))


def check(session: Any, child_id: str, draft: DoseDraft) -> list[ValidationError]:
    """Every problem with the draft, in form order."""
    born = session.child(child_id).date_of_birth
    return rules.validate(draft, born, session.today())


def add(session: Any, child_id: str, draft: DoseDraft) -> Entry:
    born = session.child(child_id).date_of_birth
    record = rules.build(_with_dose(session, child_id, draft, None), born, session.today())
    return session.records.add(child_id=child_id, kind=KIND, data=record.to_data(),
                               occurred_on=record.on.isoformat())


def edit(session: Any, entry: Entry, draft: DoseDraft) -> Entry:
    """Change a record; refuses (EditConflictError) if it changed since ``entry`` was read."""
    if entry.kind != KIND or entry.child_id is None:
        raise NotFoundError("immunisation")
    born = session.child(entry.child_id).date_of_birth
    record = rules.build(_with_dose(session, entry.child_id, draft, entry.id), born, session.today())
    return session.records.edit(entry, data=record.to_data(), occurred_on=record.on.isoformat())


def remove(session: Any, entry: Entry) -> Entry:
    """Archive a record made by mistake (its history is kept)."""
    if entry.kind != KIND:
        raise NotFoundError("immunisation")
    return session.records.archive(entry)


def get(session: Any, entry_id: str) -> tuple[Entry, DoseRecord]:
    entry = session.records.get(entry_id)
    if entry.kind != KIND:
        raise NotFoundError("immunisation")
    return entry, DoseRecord.from_data(entry.data)

"""Involvement history use cases: add, edit, end, archive; current and past; the team
around the child; the lead professional.

Rules kept here (they need the other entries): at most one *current* lead professional
per child, and a stable ``agency_id`` per agency. A new involvement with the same agency
(same type and team, and the same ODS code or organisation name) as an earlier one gets
the same ``agency_id``, so consent set per agency (the next issue) still applies; editing
never changes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from familyfile import errors
from familyfile.domain import involvement as rules
from familyfile.domain.entry import Entry, HistoryItem
from familyfile.domain.involvement import KIND, Involvement, InvolvementDraft


@dataclass(frozen=True)
class InvolvementRecord:
    """A stored involvement: the entry (id, version, author) and what it says."""

    entry: Entry
    involvement: Involvement

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def agency_id(self) -> str:
        return self.involvement.agency_id

    def is_current(self, today: date) -> bool:
        return not self.entry.archived and self.involvement.is_current(today)


@dataclass(frozen=True)
class AgencyRef:
    """One agency for the consent screens: its stable id and its involvements."""

    agency_id: str
    agency: str
    organisation: str
    team: str
    current: bool
    involvement_ids: tuple[str, ...]


def _record(entry: Entry) -> InvolvementRecord:
    return InvolvementRecord(entry, Involvement.from_data(entry.data))


def _new_agency_id() -> str:
    return "agency-" + uuid.uuid4().hex


# -- reading ----------------------------------------------------------------------------------
def list_all(session: Any, child_id: str, *, include_archived: bool = False) -> list[InvolvementRecord]:
    """Newest start first."""
    return [_record(e) for e in session.records.list_for(child_id, KIND,
                                                         include_archived=include_archived)]


def get(session: Any, entry_id: str) -> InvolvementRecord:
    entry = session.records.get(entry_id)
    if entry.kind != KIND:
        raise errors.NotFoundError("involvement")
    return _record(entry)


def find(session: Any, child_id: str, reference: str) -> InvolvementRecord:
    """By id, or an id prefix of at least 6 characters."""
    ref = reference.strip()
    found = [r for r in list_all(session, child_id)
             if r.id == ref or (len(ref) >= 6 and r.id.startswith(ref))]
    if len(found) != 1:
        raise errors.NotFoundError("involvement")
    return found[0]


def current(session: Any, child_id: str) -> list[InvolvementRecord]:
    today = session.today()
    return [r for r in list_all(session, child_id) if r.is_current(today)]


def past(session: Any, child_id: str) -> list[InvolvementRecord]:
    """Ended involvements, the most recently ended first."""
    today = session.today()
    ended = [r for r in list_all(session, child_id) if not r.is_current(today)]
    return sorted(ended, key=lambda r: (r.involvement.end_date or date.max, r.involvement.start_date),
                  reverse=True)


def team_around_child(session: Any, child_id: str) -> list[InvolvementRecord]:
    """Current involvements marked as part of the team around the child (the lead first)."""
    team = [r for r in current(session, child_id)
            if r.involvement.team_around_child or r.involvement.lead]
    return sorted(team, key=lambda r: not r.involvement.lead)


def lead_professional(session: Any, child_id: str) -> InvolvementRecord | None:
    leads = [r for r in current(session, child_id) if r.involvement.lead]
    return leads[0] if leads else None


def history(session: Any, record: InvolvementRecord) -> list[HistoryItem]:
    return list(session.records.history(record.id))


def agencies(session: Any, child_id: str) -> list[AgencyRef]:
    """Each agency once (by ``agency_id``), current ones first."""
    today = session.today()
    grouped: dict[str, list[InvolvementRecord]] = {}
    for record in list_all(session, child_id):
        grouped.setdefault(record.agency_id, []).append(record)
    refs = []
    for agency_id, records in grouped.items():
        latest = records[0].involvement
        refs.append(AgencyRef(agency_id, latest.agency, latest.organisation, latest.team,
                              any(r.is_current(today) for r in records),
                              tuple(r.id for r in records)))
    return sorted(refs, key=lambda a: (not a.current, a.organisation.casefold()))


# -- rules needing other entries ----------------------------------------------------------------
def _check_lead(session: Any, child_id: str, involvement: Involvement, except_id: str | None) -> None:
    if not involvement.lead or not involvement.is_current(session.today()):
        return
    for other in current(session, child_id):
        if other.id != except_id and other.involvement.lead:
            raise errors.ValidationError("lead", "lead-taken")


def _agency_id_for(session: Any, child_id: str, draft: InvolvementDraft) -> str:
    probe = rules.build(draft, session.today(), "")
    for record in list_all(session, child_id, include_archived=True):
        if record.agency_id and rules.same_agency(record.involvement, probe):
            return record.agency_id
    return _new_agency_id()


# -- changing ---------------------------------------------------------------------------------
def add(session: Any, child_id: str, draft: InvolvementDraft, *,
        agency_id: str | None = None) -> InvolvementRecord:
    session.child(child_id)  # refuses an unknown child
    chosen = agency_id or _agency_id_for(session, child_id, draft)
    involvement = rules.build(draft, session.today(), chosen)
    _check_lead(session, child_id, involvement, None)
    entry = session.records.add(child_id=child_id, kind=KIND, data=involvement.to_data(),
                                occurred_on=involvement.start_date.isoformat())
    return _record(entry)


def _save(session: Any, record: InvolvementRecord, involvement: Involvement) -> InvolvementRecord:
    _check_lead(session, str(record.entry.child_id), involvement, record.id)
    entry = session.records.edit(record.entry, data=involvement.to_data(),
                                 occurred_on=involvement.start_date.isoformat())
    return _record(entry)


def edit(session: Any, record: InvolvementRecord, draft: InvolvementDraft) -> InvolvementRecord:
    """Every earlier version stays in the history; the ``agency_id`` never changes."""
    return _save(session, record, rules.build(draft, session.today(), record.agency_id))


def end(session: Any, record: InvolvementRecord, on: date | None = None,
        outcome: str | None = None) -> InvolvementRecord:
    """The support has ended (today unless ``on``), with what came of it."""
    today = session.today()
    return _save(session, record, rules.ended(record.involvement, on or today, outcome, today))


def set_lead(session: Any, record: InvolvementRecord) -> InvolvementRecord:
    """Make this the lead professional; whoever was the lead before stops being it."""
    if not record.is_current(session.today()):
        raise errors.ValidationError("lead", "lead-not-current")
    child_id = str(record.entry.child_id)
    for other in current(session, child_id):
        if other.id != record.id and other.involvement.lead:
            session.records.edit(other.entry, data=replace(other.involvement, lead=False).to_data(),
                                 occurred_on=other.entry.occurred_on)
    fresh = get(session, record.id)
    if fresh.involvement.lead:
        return fresh
    return _save(session, fresh, replace(fresh.involvement, lead=True))


def archive(session: Any, record: InvolvementRecord) -> InvolvementRecord:
    """Deleting is archiving: the entry and its history stay in the file."""
    return _record(session.records.archive(record.entry))


def restore(session: Any, record: InvolvementRecord) -> InvolvementRecord:
    _check_lead(session, str(record.entry.child_id), record.involvement, record.id)
    return _record(session.records.restore(record.entry))

"""Appointments use cases: add, edit, mark as went / missed / not brought / cancelled,
archive; what is coming up (for the overview) and what is past.

"With whom" is either an involvement of the same child (its entry id) or free words.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain import appointments as rules
from familyfile.domain.appointments import KIND, Appointment, AppointmentDraft
from familyfile.domain.entry import Entry, HistoryItem
from familyfile.domain.involvement import agency_name, who_text
from familyfile.services import involvement as involvements


@dataclass(frozen=True)
class AppointmentRecord:
    entry: Entry
    appointment: Appointment

    @property
    def id(self) -> str:
        return self.entry.id

    def is_coming(self, now: datetime) -> bool:
        return self.appointment.when_utc >= now


def _record(entry: Entry) -> AppointmentRecord:
    return AppointmentRecord(entry, Appointment.from_data(entry.data))


# -- reading ----------------------------------------------------------------------------------
def list_all(session: Any, child_id: str, *, include_archived: bool = False) -> list[AppointmentRecord]:
    """Oldest first."""
    return [_record(e) for e in session.records.list_for(
        child_id, KIND, include_archived=include_archived, newest_first=False)]


def get(session: Any, entry_id: str) -> AppointmentRecord:
    entry = session.records.get(entry_id)
    if entry.kind != KIND:
        raise errors.NotFoundError("appointment")
    return _record(entry)


def coming_and_past(session: Any, child_id: str) -> tuple[list[AppointmentRecord], list[AppointmentRecord]]:
    """Coming up (soonest first, cancelled ones too) and past (most recent first)."""
    now = session.clock.now()
    everything = list_all(session, child_id)
    coming = [r for r in everything if r.is_coming(now)]
    past = [r for r in reversed(everything) if not r.is_coming(now)]
    return coming, past


def upcoming(session: Any, child_id: str, limit: int | None = None) -> list[AppointmentRecord]:
    """For the overview: the next appointments still planned, soonest first."""
    now = session.clock.now()
    found = [r for r in list_all(session, child_id)
             if r.is_coming(now) and r.appointment.status == rules.UPCOMING]
    return found if limit is None else found[:limit]


def needs_marking(session: Any, child_id: str) -> list[AppointmentRecord]:
    """Past appointments nobody has said went or were missed yet."""
    _coming, past = coming_and_past(session, child_id)
    return [r for r in past if r.appointment.status == rules.UPCOMING]


def with_whom(session: Any, appointment: Appointment) -> str:
    """The linked involvement in words ("Sam Patel, Speech therapist", or the service when
    nobody is named: "Health visitor, Northfield team"), or the words typed."""
    if appointment.with_involvement:
        try:
            found = involvements.get(session, appointment.with_involvement).involvement
        except errors.NotFoundError:
            return appointment.with_text
        return who_text(found) or f"{agency_name(found.agency)}, {found.organisation}"
    return appointment.with_text


def history(session: Any, record: AppointmentRecord) -> list[HistoryItem]:
    return list(session.records.history(record.id))


# -- changing ---------------------------------------------------------------------------------
def _checked(session: Any, child_id: str, draft: AppointmentDraft) -> Appointment:
    appointment = rules.build(draft, session.clock.now())
    if appointment.with_involvement:
        try:
            linked = involvements.get(session, appointment.with_involvement)
        except errors.NotFoundError:
            raise errors.ValidationError("with_involvement", "bad-choice") from None
        if linked.entry.child_id != child_id:
            raise errors.ValidationError("with_involvement", "bad-choice")
    return appointment


def add(session: Any, child_id: str, draft: AppointmentDraft) -> AppointmentRecord:
    session.child(child_id)  # refuses an unknown child
    appointment = _checked(session, child_id, draft)
    entry = session.records.add(child_id=child_id, kind=KIND, data=appointment.to_data(),
                                occurred_on=utc_iso(appointment.when_utc))
    return _record(entry)


def edit(session: Any, record: AppointmentRecord, draft: AppointmentDraft) -> AppointmentRecord:
    """Every earlier version stays in the history."""
    appointment = _checked(session, str(record.entry.child_id), draft)
    entry = session.records.edit(record.entry, data=appointment.to_data(),
                                 occurred_on=utc_iso(appointment.when_utc))
    return _record(entry)


def mark(session: Any, record: AppointmentRecord, status: str, *, reason: str = "",
         note: str = "", outcome: str | None = None) -> AppointmentRecord:
    """Went, missed (with the reason), not brought (with the reason) or cancelled."""
    draft = replace(record.appointment.to_draft(), status=status, status_reason=reason,
                    status_note=note,
                    outcome=record.appointment.outcome if outcome is None else outcome)
    return edit(session, record, draft)


def archive(session: Any, record: AppointmentRecord) -> AppointmentRecord:
    return _record(session.records.archive(record.entry))


def restore(session: Any, record: AppointmentRecord) -> AppointmentRecord:
    return _record(session.records.restore(record.entry))

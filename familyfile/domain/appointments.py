"""Appointments: one diary across every service (kind "appointment").

Seed 001 L630–631: "11 appointments in four days" in different places — the family keeps
one list. The time is entered and shown in local time (Europe/London unless said
otherwise) and stored in UTC, so a change between GMT and BST never moves an appointment.
Maps onto FHIR R4 Appointment (start, status, participant, reasonCode, location).

"Missed" and "not brought" carry a reason in plain, blame-free words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from familyfile.clock import parse_utc_iso, utc_iso
from familyfile.domain import fields
from familyfile.domain.involvement import LONG_MAX, clean_text
from familyfile.errors import ValidationError
from familyfile.i18n import _

KIND = "appointment"
DEFAULT_TZ = "Europe/London"
UPCOMING, ATTENDED, MISSED, NOT_BROUGHT, CANCELLED = (
    "upcoming", "attended", "missed", "not_brought", "cancelled")
STATUSES: tuple[str, ...] = (UPCOMING, ATTENDED, MISSED, NOT_BROUGHT, CANCELLED)
NEEDS_REASON: tuple[str, ...] = (MISSED, NOT_BROUGHT)
HAPPENED: tuple[str, ...] = (ATTENDED, MISSED, NOT_BROUGHT)

_LOCAL = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})\s*$")


def status_name(status: str) -> str:
    names = {
        UPCOMING: _("Coming up"), ATTENDED: _("Went"), MISSED: _("Missed"),
        NOT_BROUGHT: _("Not brought"), CANCELLED: _("Cancelled"),
    }
    return names.get(status, status)


def status_text(appointment: Appointment, now: datetime) -> str:
    """The status in words; a past appointment nobody marked yet says so."""
    if appointment.status == UPCOMING and appointment.when_utc < now:
        return _("Not marked yet")
    text = status_name(appointment.status)
    if appointment.status in NEEDS_REASON and appointment.status_reason:
        text = _("{status}: {reason}").format(
            status=text, reason=missed_reason_name(appointment.status_reason))
    return text


def status_explanation(status: str) -> str:
    words = {
        UPCOMING: _("It has not happened yet."),
        ATTENDED: _("Your child went to the appointment."),
        MISSED: _("Nobody could go to the appointment."),
        NOT_BROUGHT: _("Services say \"not brought\" when a child could not be taken to an "
                       "appointment. It is not about blame."),
        CANCELLED: _("The appointment was called off by the family or the service."),
    }
    return words.get(status, "")


@dataclass(frozen=True)
class MissedReason:
    key: str
    name: Callable[[], str]


MISSED_REASONS: tuple[MissedReason, ...] = (
    MissedReason("unwell", lambda: _("Someone was unwell")),
    MissedReason("travel", lambda: _("We could not get there")),
    MissedReason("clash", lambda: _("Another appointment at the same time")),
    MissedReason("no_letter", lambda: _("The letter or message did not reach us")),
    MissedReason("work_care", lambda: _("Work, or looking after other children")),
    MissedReason("moved", lambda: _("We had moved house")),
    MissedReason("service_changed", lambda: _("The service changed the time or place")),
    MissedReason("other", lambda: _("Something else")),
    MissedReason("not_said", lambda: _("We would rather not say")),
)
MISSED_REASON_KEYS: tuple[str, ...] = tuple(r.key for r in MISSED_REASONS)


def missed_reason_name(key: str) -> str:
    for reason in MISSED_REASONS:
        if reason.key == key:
            return reason.name()
    return key


# -- time ------------------------------------------------------------------------------------------
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError("tz", "bad-choice") from None


def parse_local(text: str, tz: str = DEFAULT_TZ) -> datetime:
    """"2026-03-29 10:00" on the wall clock in ``tz`` → an aware UTC datetime.

    A time the clocks skip (the hour lost when they go forward) is refused; a time that
    happens twice (when they go back) means the first one, still in summer time.
    """
    found = _LOCAL.match(text or "")
    if not found:
        raise ValidationError("when", "datetime-format")
    try:
        day = datetime.fromisoformat(found.group(1))
        wall = day.replace(hour=int(found.group(2)), minute=int(found.group(3)))
    except ValueError:
        raise ValidationError("when", "datetime-format") from None
    local = wall.replace(tzinfo=zone(tz), fold=0)
    moment = local.astimezone(UTC)
    if moment.astimezone(zone(tz)).replace(tzinfo=None) != wall:
        raise ValidationError("when", "time-skipped")
    return moment


def to_local(moment: datetime, tz: str = DEFAULT_TZ) -> datetime:
    return moment.astimezone(zone(tz))


def local_text(moment: datetime, tz: str = DEFAULT_TZ) -> str:
    """The form's way of writing it: "2026-03-29 10:00"."""
    return to_local(moment, tz).strftime("%Y-%m-%d %H:%M")


# -- the appointment ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class AppointmentDraft:
    """What a person typed. ``when`` is local wall-clock time, "YYYY-MM-DD HH:MM"."""

    when: str
    place: str
    with_involvement: str = ""
    with_text: str = ""
    accompanied_by: str = ""
    reason: str = ""
    outcome: str = ""
    status: str = UPCOMING
    status_reason: str = ""
    status_note: str = ""
    tz: str = DEFAULT_TZ


@dataclass(frozen=True)
class Appointment:
    when_utc: datetime
    place: str
    with_involvement: str = ""
    with_text: str = ""
    accompanied_by: str = ""
    reason: str = ""
    outcome: str = ""
    status: str = UPCOMING
    status_reason: str = ""
    status_note: str = ""
    tz: str = DEFAULT_TZ

    @property
    def local(self) -> datetime:
        return to_local(self.when_utc, self.tz)

    def to_data(self) -> dict[str, Any]:
        return {
            "when_utc": utc_iso(self.when_utc), "tz": self.tz, "place": self.place,
            "with_involvement": self.with_involvement, "with_text": self.with_text,
            "accompanied_by": self.accompanied_by, "reason": self.reason,
            "outcome": self.outcome, "status": self.status,
            "status_reason": self.status_reason, "status_note": self.status_note,
        }

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Appointment:
        def text(key: str) -> str:
            return str(data.get(key) or "")

        return cls(parse_utc_iso(str(data["when_utc"])), text("place"), text("with_involvement"),
                   text("with_text"), text("accompanied_by"), text("reason"), text("outcome"),
                   text("status") or UPCOMING, text("status_reason"), text("status_note"),
                   text("tz") or DEFAULT_TZ)

    def to_draft(self) -> AppointmentDraft:
        return AppointmentDraft(local_text(self.when_utc, self.tz), self.place,
                                self.with_involvement, self.with_text, self.accompanied_by,
                                self.reason, self.outcome, self.status, self.status_reason,
                                self.status_note, self.tz)


def _status(draft: AppointmentDraft) -> str:
    if draft.status not in STATUSES:
        raise ValidationError("status", "bad-choice")
    return draft.status


def _happened_check(draft: AppointmentDraft, now: datetime) -> None:
    """Went / missed / not brought only once the day has come."""
    if draft.status not in HAPPENED:
        return
    try:
        when = parse_local(draft.when, draft.tz)
    except ValidationError:
        return
    if to_local(when, draft.tz).date() > to_local(now, draft.tz).date():
        raise ValidationError("status", "status-in-future")


def _status_reason(draft: AppointmentDraft) -> str:
    if draft.status not in NEEDS_REASON:
        return ""
    if draft.status_reason not in MISSED_REASON_KEYS:
        raise ValidationError("status_reason", "bad-choice")
    return draft.status_reason


def validate(draft: AppointmentDraft, now: datetime) -> list[ValidationError]:
    return fields.every_problem([
        lambda: parse_local(draft.when, draft.tz),
        lambda: clean_text("place", draft.place, required=True),
        lambda: clean_text("with_text", draft.with_text),
        lambda: clean_text("accompanied_by", draft.accompanied_by),
        lambda: clean_text("reason", draft.reason, LONG_MAX, multiline=True),
        lambda: _status(draft),
        lambda: _happened_check(draft, now),
        lambda: _status_reason(draft),
        lambda: clean_text("status_note", draft.status_note, LONG_MAX, multiline=True),
        lambda: clean_text("outcome", draft.outcome, LONG_MAX, multiline=True),
    ])


def build(draft: AppointmentDraft, now: datetime) -> Appointment:
    fields.raise_first(validate(draft, now))
    return Appointment(
        when_utc=parse_local(draft.when, draft.tz),
        place=clean_text("place", draft.place, required=True),
        with_involvement=draft.with_involvement.strip(),
        with_text=clean_text("with_text", draft.with_text),
        accompanied_by=clean_text("accompanied_by", draft.accompanied_by),
        reason=clean_text("reason", draft.reason, LONG_MAX, multiline=True),
        outcome=clean_text("outcome", draft.outcome, LONG_MAX, multiline=True),
        status=_status(draft), status_reason=_status_reason(draft),
        status_note=clean_text("status_note", draft.status_note, LONG_MAX, multiline=True),
        tz=draft.tz)


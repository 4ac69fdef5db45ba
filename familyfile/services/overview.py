"""The overview of one child's record: a few bounded reads from each section, as plain data.

Every read here is bounded (a few rows, or the handful a section ever holds), so the
overview stays quick with a record of 20,000 journal entries. Words about *what* an item
is come from the sections; how due it is (``state`` and ``on``) is left to the reader, so
the window can say "Overdue since 3 Mar 2026" and a command line something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from familyfile.domain.alerts import Alert
from familyfile.domain.appointments import KIND as APPOINTMENT_KIND
from familyfile.domain.appointments import UPCOMING as PLANNED
from familyfile.domain.appointments import Appointment
from familyfile.domain.child import age_text
from familyfile.domain.entry import Entry
from familyfile.domain.growth import HEAD, HEIGHT, WEIGHT, format_value
from familyfile.domain.growth import KIND as GROWTH_KIND
from familyfile.domain.involvement import agency_name, who_text
from familyfile.domain.journal import area_name, written_by
from familyfile.i18n import _
from familyfile.services import about_me, growth, immunisations, involvement, journal, milestones, reviews
from familyfile.services import appointments as diary
from familyfile.services import immunisation_words as jab_words

OVERDUE, DUE, UPCOMING = "overdue", "due", "upcoming"
DUE_AHEAD_DAYS = 30  # appointments this close are "what is due"
JOURNAL_SHOWN = 5
APPOINTMENTS_SHOWN = 3
APPOINTMENTS_READ = 100  # the latest-dated appointments (the coming ones are among them)
GROWTH_READ = 40  # newest measurements looked through for the latest of each kind
GROWTH_SHOWN = (WEIGHT, HEIGHT, HEAD)
FIRST_LINE_MAX = 120


@dataclass(frozen=True)
class AboutSummary:
    name: str  # legal name
    called: str  # the known-as name, else the first name
    known_as: str
    born: date
    age: str  # "1 year 7 months"
    languages: tuple[str, ...]
    communication: str  # how they communicate, in the family's words


@dataclass(frozen=True)
class DueItem:
    kind: str  # the section: "immunisations", "reviews" or "appointments"
    words: str  # what it is: "The 12-week vaccinations"
    detail: str  # one more line: the doses, what the review is, the time and place
    on: date  # overdue: the day it became overdue; due: since; upcoming: the day
    state: str  # OVERDUE, DUE or UPCOMING


@dataclass(frozen=True)
class GrowthItem:
    method: str  # "weight", "height", "ofc"
    value: str  # "7.9 kg"
    centile: str  # "37", "<0.4"; "" when there is none
    problem: str  # "" or why there is no centile ("needs-sex", "no-reference")
    measured_on: date


@dataclass(frozen=True)
class JournalItem:
    entry_id: str
    on: date
    area: str  # in a parent's words: "Talking and listening"
    first_line: str
    author: str  # "Written by you"
    is_first: bool


@dataclass(frozen=True)
class AppointmentItem:
    entry_id: str
    when: datetime  # local (UK) time
    place: str
    with_whom: str
    reason: str


@dataclass(frozen=True)
class LeadItem:
    who: str  # "Sam Patel, speech therapist", or the service when nobody is named
    agency: str  # "Speech and language therapy"
    organisation: str
    team: str
    contact: str


@dataclass(frozen=True)
class OverviewSummary:
    child_id: str | None = None
    about: AboutSummary | None = None
    alerts: tuple[Alert, ...] = ()  # active critical alerts, allergies first
    due: tuple[DueItem, ...] = ()  # overdue first, then due now, then coming up
    growth: tuple[GrowthItem, ...] = ()  # weight, length or height, head
    journal: tuple[JournalItem, ...] = ()  # the newest few
    journal_total: int = 0
    appointments: tuple[AppointmentItem, ...] = ()  # the next few still planned
    milestone_prompts: int = 0  # milestones worth talking to the health visitor about
    lead: LeadItem | None = None
    involved: int = 0  # services involved now


def summary(session: Any, child_id: str | None) -> OverviewSummary:
    """Everything the overview shows about one child; an empty summary for no child."""
    if child_id is None:
        return OverviewSummary()
    today = session.today()
    coming = _coming_appointments(session, child_id)
    lead = involvement.lead_professional(session, child_id)
    return OverviewSummary(
        child_id=child_id,
        about=_about(session, child_id, today),
        alerts=tuple(i.value for i in about_me.alerts(session, child_id, active_only=True)),
        due=tuple(_due(session, child_id, today, coming)),
        growth=_growth(session, child_id),
        journal=tuple(_journal_item(session, e)
                      for e in journal.timeline(session, child_id, limit=JOURNAL_SHOWN)),
        journal_total=journal.timeline_count(session, child_id),
        appointments=tuple(_appointment_item(session, e, a) for e, a in coming[:APPOINTMENTS_SHOWN]),
        milestone_prompts=len(milestones.checklist(session, child_id).to_mention()),
        lead=None if lead is None else _lead(lead.involvement),
        involved=len(involvement.current(session, child_id)),
    )


# -- the parts ------------------------------------------------------------------------------------
def _about(session: Any, child_id: str, today: date) -> AboutSummary:
    about, _entry = about_me.get_about_me(session, child_id)
    return AboutSummary(about.legal_name, about.called, about.known_as, about.date_of_birth,
                        age_text(about.date_of_birth, today), about.languages, about.communication)


def _due(session: Any, child_id: str, today: date,
         coming: list[tuple[Entry, Appointment]]) -> list[DueItem]:
    found: list[DueItem] = []
    jabs = immunisations.next_due(session, child_id)
    if jabs is not None:
        words = jab_words.appointment_words(jabs.appointment)
        doses = [jab_words.dose_text(d.planned.vaccine, d.planned.dose) for d in jabs.doses]
        on = jabs.overdue_from if jabs.state == OVERDUE else jabs.due
        found.append(DueItem("immunisations", words[:1].upper() + words[1:], "; ".join(doses),
                             on, jabs.state))
    for contact in reviews.due_contacts(session, child_id):
        overdue = contact.state == OVERDUE
        on = contact.due_until + timedelta(days=1) if overdue else contact.due_from
        found.append(DueItem("reviews", _(contact.definition.name), _(contact.definition.explain),
                             on, OVERDUE if overdue else DUE))
    horizon = today + timedelta(days=DUE_AHEAD_DAYS)
    for entry, appointment in coming:
        if appointment.local.date() > horizon:
            break
        item = _appointment_item(session, entry, appointment)
        words = (_("Appointment with {who}").format(who=item.with_whom) if item.with_whom
                 else _("Appointment at {place}").format(place=item.place))
        detail = _("{time} at {place}").format(time=item.when.strftime("%H:%M"), place=item.place)
        found.append(DueItem("appointments", words, detail, item.when.date(), UPCOMING))
    rank = {OVERDUE: 0, DUE: 1, UPCOMING: 2}
    return sorted(found, key=lambda d: (rank.get(d.state, 3), d.on))


def _coming_appointments(session: Any, child_id: str) -> list[tuple[Entry, Appointment]]:
    """Appointments still planned from now on, soonest first (one bounded read)."""
    now = session.clock.now()
    latest = session.records.list_for(child_id, APPOINTMENT_KIND, limit=APPOINTMENTS_READ)
    found = [(e, Appointment.from_data(e.data)) for e in latest]
    coming = [(e, a) for e, a in found if a.when_utc >= now and a.status == PLANNED]
    return sorted(coming, key=lambda pair: pair[1].when_utc)


def _appointment_item(session: Any, entry: Entry, appointment: Appointment) -> AppointmentItem:
    return AppointmentItem(entry.id, appointment.local.replace(tzinfo=None), appointment.place,
                           diary.with_whom(session, appointment), appointment.reason)


def _growth(session: Any, child_id: str) -> tuple[GrowthItem, ...]:
    """The latest weight, length or height and head, each with its centile."""
    basis = growth.basis(session, child_id)
    latest: dict[str, GrowthItem] = {}
    for entry in session.records.list_for(child_id, GROWTH_KIND, limit=GROWTH_READ):
        row = growth.row(session, entry, basis)
        for method, centile in row.result.centiles.items():
            if method in GROWTH_SHOWN and method not in latest:
                latest[method] = GrowthItem(method, format_value(method, centile.value),
                                            centile.text, centile.problem,
                                            row.measurement.measured_on)
        if len(latest) == len(GROWTH_SHOWN):
            break
    return tuple(latest[m] for m in GROWTH_SHOWN if m in latest)


def _journal_item(session: Any, entry: Entry) -> JournalItem:
    seen = journal.observation(entry)
    text = seen.first_title if seen.is_first and seen.first_title else seen.text
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    if len(line) > FIRST_LINE_MAX:
        line = line[:FIRST_LINE_MAX - 1].rstrip() + "…"
    return JournalItem(entry.id, seen.observed_on, area_name(seen.area), line,
                       written_by(entry.author, session.author), seen.is_first)


def _lead(found: Any) -> LeadItem:
    agency = agency_name(found.agency)
    return LeadItem(who_text(found) or agency, agency, found.organisation, found.team, found.contact)

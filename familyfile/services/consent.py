"""Consent use cases: set, withdraw and review consent; the matrix; the history; teams.

Every change is one append-only ``consent_event`` row plus a ``consent`` row in the
hash-chained activity log, in one transaction. The explanation shown at the time is stored
verbatim (by default the category's words and the notice). See docs/consent.md.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.domain import categories as cats
from familyfile.domain import consent as rules
from familyfile.domain.consent import ConsentEvent, ConsentState, Purpose, Recipient, Team
from familyfile.domain.selection import standing
from familyfile.services import involvement
from familyfile.store import activity_log
from familyfile.store import consent as store

LOG_KIND = "consent"


@dataclass(frozen=True)
class CategoryInfo:
    key: str
    name: str
    contains: str
    yes_means: str
    sensitive: bool
    never_shared: bool


@dataclass(frozen=True)
class MatrixCell:
    category: str
    status: str  # the recipient's own cell: permit, deny, withdrawn, expired, not_started, none
    effective: str  # what applies today, the teams included (same values)
    from_team: bool  # ``effective`` comes from a team the recipient is in
    purposes: tuple[Purpose, ...]
    start_on: date | None
    until: date | None
    review_on: date | None
    review_due: bool
    last_event_id: str | None


@dataclass(frozen=True)
class MatrixRow:
    recipient: Recipient
    current: bool  # an agency helping now (teams and professionals: True)
    teams: tuple[str, ...]  # names of the teams it is in
    cells: tuple[MatrixCell, ...]  # in ``categories.CONSENT_CATEGORIES`` order


@dataclass(frozen=True)
class ConsentMatrix:
    child_id: str
    categories: tuple[str, ...]
    rows: tuple[MatrixRow, ...]  # teams, then agencies (current first), then professionals
    reviews_due: int
    notice: str


def categories() -> list[CategoryInfo]:
    return [CategoryInfo(c.key, c.name(), c.contains(), c.yes_means(), c.sensitive,
                         c.never_shared) for c in cats.CATEGORIES]


def notice() -> str:
    return cats.notice()


def explanation_for(category: str) -> str:
    """The words shown when a consent is set (stored with it, verbatim)."""
    found = cats.category(category)
    return " ".join([f"{found.name()}: {found.contains()}", found.yes_means(), cats.notice()])


# -- recipients ---------------------------------------------------------------------------------
def agency(session: Any, child_id: str, agency_id: str) -> Recipient:
    """The recipient for one of the child's agencies (by ``agency_id`` or a prefix of 8+)."""
    found = [a for a in involvement.agencies(session, child_id)
             if a.agency_id == agency_id or (len(agency_id) >= 8 and a.agency_id.startswith(agency_id))]
    if len(found) != 1:
        raise errors.NotFoundError("agency")
    return _agency_recipient(found[0])


def _agency_recipient(ref: involvement.AgencyRef) -> Recipient:
    name = " — ".join(p for p in (ref.organisation, ref.team) if p)
    return Recipient(rules.AGENCY, ref.agency_id, name)


def agency_anywhere(session: Any, agency_id: str) -> Recipient:
    """An agency of any child in the family (a team lists agencies of every child)."""
    for child in session.children():
        try:
            return agency(session, child.id, agency_id)
        except errors.NotFoundError:
            continue
    raise errors.NotFoundError("agency")


def professional(name: str) -> Recipient:
    return rules.professional(name)


def purpose(key: str, text: str = "") -> Purpose:
    """A checked purpose: care, education, referral, or other (with words)."""
    return rules.purpose(key, text)


def resolve(session: Any, child_id: str, recipient: Recipient) -> Recipient:
    """The stored form of a recipient; refuses an agency or team that does not exist."""
    if recipient.kind == rules.AGENCY:
        return agency(session, child_id, recipient.id)
    if recipient.kind == rules.TEAM:
        return store.get_team(session.conn, recipient.id).recipient()
    if recipient.kind == rules.PROFESSIONAL:
        return rules.professional(recipient.name or recipient.id.removeprefix("professional:"))
    raise errors.ValidationError("recipient", "bad-choice")


# -- reading ------------------------------------------------------------------------------------
def events(session: Any, child_id: str) -> list[ConsentEvent]:
    return store.events(session.conn, child_id)


def history(session: Any, child_id: str, *, recipient_id: str | None = None) -> list[ConsentEvent]:
    """Every change in time order, with derived ``expired`` items where an end date passed."""
    found = rules.with_expiries(events(session, child_id), session.today())
    return [e for e in found if recipient_id is None or e.recipient.id == recipient_id]


def state(session: Any, child_id: str) -> ConsentState:
    return ConsentState(rules.fold(events(session, child_id)), tuple(teams(session)))


def matrix(session: Any, child_id: str) -> ConsentMatrix:
    session.child(child_id)
    today = session.today()
    current = state(session, child_id)
    recipients: list[tuple[Recipient, bool]] = [(t.recipient(), True) for t in current.teams]
    recipients += [(_agency_recipient(a), a.current)
                   for a in involvement.agencies(session, child_id)]
    seen = {r.id for r, _ in recipients}
    for cell in current.cells.values():
        who = cell.last.recipient
        if who.id not in seen and who.kind == rules.PROFESSIONAL:
            recipients.append((who, True))
            seen.add(who.id)
    rows = tuple(_row(current, who, now, today) for who, now in recipients)
    due = sum(c.review_due for r in rows for c in r.cells)
    return ConsentMatrix(child_id, cats.CONSENT_CATEGORIES, rows, due, cats.notice())


def _row(current: ConsentState, who: Recipient, now: bool, today: date) -> MatrixRow:
    cells = []
    for key in cats.CONSENT_CATEGORIES:
        own = current.cell(who.id, key)
        found = standing(current, who, key, today) if who.kind != rules.TEAM else None
        last = own.last if own else None
        status = own.status(today) if own else rules.NO_CONSENT
        cells.append(MatrixCell(
            key, status, found.status if found else status, bool(found and found.from_team),
            last.purposes if last else (), last.start_on if last else None,
            last.until if last else None, last.review_on if last else None,
            bool(own and own.review_due(today)), last.id if last else None))
    names = tuple(t.name for t in current.teams_of(who.id))
    return MatrixRow(who, now, names, tuple(cells))


# -- changing -----------------------------------------------------------------------------------
def _record(session: Any, child_id: str, recipient: Recipient, category: str, action: str,
            decision: str | None, purposes: tuple[Purpose, ...], start_on: date,
            until: date | None, review_on: date | None, how: str, explanation: str) -> ConsentEvent:
    now = session.clock.now()
    event = ConsentEvent(uuid.uuid4().hex, child_id, recipient, category, action, decision,
                         purposes, start_on, until, review_on, rules.check_how(how),
                         session.author, explanation, utc_iso(now))
    with session.write() as conn:
        stored = store.insert_event(conn, event)
        activity_log.append(conn, at=now, kind=LOG_KIND, actor=session.actor, detail={
            "action": action, "child_id": child_id, "event_id": stored.id,
            "recipient_kind": recipient.kind, "recipient_id": recipient.id,
            "category": category, "decision": decision, "how": how})
    return stored


def _prepare(session: Any, child_id: str, recipient: Recipient, category: str) -> Recipient:
    session.child(child_id)
    cats.check_consent_category(category)
    return resolve(session, child_id, recipient)


def set_consent(session: Any, child_id: str, recipient: Recipient, category: str,
                decision: str, *, purposes: tuple[Purpose, ...] = (Purpose("care"),),
                start_on: date | None = None, until: date | None = None,
                review_on: date | None = None, how: str = "app",
                explanation: str | None = None) -> ConsentEvent:
    """Permit or deny one category for one recipient ("given", or "changed" if one is in force)."""
    who = _prepare(session, child_id, recipient, category)
    rules.check_decision(decision)
    if not purposes:
        raise errors.ValidationError("purpose", "required")
    start = start_on or session.today()
    rules.check_dates(start, until, review_on)
    previous = state(session, child_id).cell(who.id, category)
    action = rules.action_for(previous, session.today())
    return _record(session, child_id, who, category, action, decision, tuple(purposes), start,
                   until, review_on, how, explanation or explanation_for(category))


def withdraw(session: Any, child_id: str, recipient: Recipient, category: str, *,
             how: str = "app", explanation: str | None = None) -> ConsentEvent:
    """Take back a consent: from now on nothing in that category leaves for them."""
    who = _prepare(session, child_id, recipient, category)
    previous = state(session, child_id).cell(who.id, category)
    if previous is None or not rules.can_withdraw(previous, session.today()):
        raise errors.ValidationError("consent", "nothing-to-withdraw")
    last = previous.last
    return _record(session, child_id, who, category, rules.WITHDRAWN, None, last.purposes,
                   last.start_on, last.until, None, how, explanation or explanation_for(category))


def review(session: Any, child_id: str, recipient: Recipient, category: str, *,
           next_review: date | None = None, how: str = "app",
           explanation: str | None = None) -> ConsentEvent:
    """The family looked at a consent and kept it as it is (optionally with a new review date)."""
    who = _prepare(session, child_id, recipient, category)
    previous = state(session, child_id).cell(who.id, category)
    if previous is None or not rules.can_review(previous, session.today()):
        raise errors.ValidationError("consent", "nothing-to-review")
    last = previous.last
    if next_review is not None and next_review < session.today():
        raise errors.ValidationError("review_on", "date-in-past")
    return _record(session, child_id, who, category, rules.REVIEWED, last.decision,
                   last.purposes, last.start_on, last.until, next_review, how,
                   explanation or explanation_for(category))


# -- teams --------------------------------------------------------------------------------------
def teams(session: Any) -> list[Team]:
    return store.teams(session.conn)


def _log_team(session: Any, conn: Any, action: str, team: Team) -> None:
    activity_log.append(conn, at=session.clock.now(), kind=LOG_KIND, actor=session.actor,
                        detail={"action": action, "team_id": team.id, "members": list(team.members)})


def _check_team(name: str, members: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    words = " ".join(name.split())
    if not words:
        raise errors.ValidationError("team_name", "required")
    if len(words) > rules.PURPOSE_TEXT_MAX:
        raise errors.ValidationError("team_name", "too-long", max=rules.PURPOSE_TEXT_MAX)
    return words, tuple(dict.fromkeys(m.strip() for m in members if m.strip()))


def add_team(session: Any, name: str, members: tuple[str, ...] | list[str]) -> Team:
    """A team (for example the children's centre team the family registered with);
    ``members`` are recipient ids (agency ids, ``professional:<name>``)."""
    words, unique = _check_team(name, tuple(members))
    team = Team("team-" + uuid.uuid4().hex, words, unique)
    with session.write() as conn:
        stored = store.insert_team(conn, team, session.clock.now())
        _log_team(session, conn, "team-added", stored)
    return stored


def change_team(session: Any, team: Team, *, name: str | None = None,
                members: tuple[str, ...] | list[str] | None = None) -> Team:
    words, unique = _check_team(team.name if name is None else name,
                                team.members if members is None else tuple(members))
    with session.write() as conn:
        stored = store.update_team(conn, Team(team.id, words, unique, team.version),
                                   session.clock.now())
        _log_team(session, conn, "team-changed", stored)
    return stored


def archive_team(session: Any, team: Team) -> None:
    with session.write() as conn:
        store.update_team(conn, team, session.clock.now(), archived=True)
        _log_team(session, conn, "team-archived", team)

"""Consent per child × recipient × category, and its append-only history (pure rules).

A *recipient* is an agency (its stable ``agency_id`` from the involvement history), a
named professional, or a *team* (the circle the family registered with, listing member
recipients). Each change is a :class:`ConsentEvent`; the state of one cell of the matrix
is the latest event for that recipient and category (:func:`fold`). "Expired" is never
stored: it is derived when a consent's end date has passed, and counts as withdrawn.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from familyfile.domain.entry import Author
from familyfile.errors import ValidationError
from familyfile.i18n import _

PERMIT, DENY = "permit", "deny"
DECISIONS: tuple[str, ...] = (PERMIT, DENY)
PURPOSES: tuple[str, ...] = ("care", "education", "referral", "other")
HOWS: tuple[str, ...] = ("written", "verbal", "app")
GIVEN, CHANGED, WITHDRAWN, REVIEWED, EXPIRED = "given", "changed", "withdrawn", "reviewed", "expired"
STORED_ACTIONS: tuple[str, ...] = (GIVEN, CHANGED, WITHDRAWN, REVIEWED)
AGENCY, PROFESSIONAL, TEAM = "agency", "professional", "team"
RECIPIENT_KINDS: tuple[str, ...] = (AGENCY, PROFESSIONAL, TEAM)
#: What a cell says today (``Cell.status``).
NOT_STARTED, NO_CONSENT = "not_started", "none"
PURPOSE_TEXT_MAX = 200


def purpose_name(key: str) -> str:
    names = {"care": _("care (looking after your child)"), "education": _("education"),
             "referral": _("a referral to another service"), "other": _("something else")}
    return names.get(key, key)


@dataclass(frozen=True)
class Purpose:
    """Why something is shared: care, education, referral, or other (with words)."""

    key: str
    text: str = ""

    def matches(self, other: Purpose) -> bool:
        if self.key != other.key:
            return False
        return self.key != "other" or _norm(self.text) == _norm(other.text)

    def label(self) -> str:
        return self.text if self.key == "other" and self.text else purpose_name(self.key)

    def to_data(self) -> dict[str, str]:
        return {"key": self.key, "text": self.text}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Purpose:
        return cls(str(data.get("key", "")), str(data.get("text", "")))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def purpose(key: str, text: str = "") -> Purpose:
    key = key.strip().casefold()
    if key not in PURPOSES:
        raise ValidationError("purpose", "bad-choice")
    words = " ".join(text.split())
    if key == "other" and not words:
        raise ValidationError("purpose_text", "required")
    if len(words) > PURPOSE_TEXT_MAX:
        raise ValidationError("purpose_text", "too-long", max=PURPOSE_TEXT_MAX)
    return Purpose(key, words if key == "other" else "")


@dataclass(frozen=True)
class Recipient:
    """Who information goes to. ``id``: an ``agency_id``, a team id, or
    ``professional:<name>`` for a named professional."""

    kind: str
    id: str
    name: str = ""

    def to_data(self) -> dict[str, str]:
        return {"kind": self.kind, "id": self.id, "name": self.name}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Recipient:
        return cls(str(data.get("kind", "")), str(data.get("id", "")), str(data.get("name", "")))


def professional(name: str) -> Recipient:
    words = " ".join(name.split())
    if not words:
        raise ValidationError("professional", "required")
    if len(words) > PURPOSE_TEXT_MAX:
        raise ValidationError("professional", "too-long", max=PURPOSE_TEXT_MAX)
    return Recipient(PROFESSIONAL, "professional:" + words.casefold(), words)


@dataclass(frozen=True)
class Team:
    """The circle that may routinely receive the non-sensitive categories agreed for it."""

    id: str
    name: str
    members: tuple[str, ...]  # recipient ids (agency ids, professional ids)
    version: int = 1

    def has(self, recipient_id: str) -> bool:
        return recipient_id in self.members

    def recipient(self) -> Recipient:
        return Recipient(TEAM, self.id, self.name)


@dataclass(frozen=True)
class ConsentEvent:
    """One line of the consent history (stored verbatim, never changed)."""

    id: str
    child_id: str
    recipient: Recipient
    category: str
    action: str  # given, changed, withdrawn, reviewed; "expired" only when derived
    decision: str | None  # permit or deny; None once withdrawn
    purposes: tuple[Purpose, ...]
    start_on: date
    until: date | None
    review_on: date | None
    how: str
    recorded_by: Author
    explanation: str  # the words shown at the time
    at_utc: str
    seq: int = 0
    derived: bool = False

    def covers(self, wanted: Purpose) -> bool:
        return any(p.matches(wanted) for p in self.purposes)


@dataclass(frozen=True)
class Cell:
    """The current consent for one recipient and one category: its latest event."""

    last: ConsentEvent
    history: tuple[ConsentEvent, ...] = field(default=(), compare=False)

    def status(self, today: date) -> str:
        """permit, deny, withdrawn, expired or not_started."""
        event = self.last
        if event.decision is None:
            return WITHDRAWN
        if event.until is not None and today > event.until:
            return EXPIRED
        if today < event.start_on:
            return NOT_STARTED
        return event.decision

    def review_due(self, today: date) -> bool:
        return (self.last.review_on is not None and self.last.review_on <= today
                and self.status(today) in (PERMIT, DENY))


@dataclass(frozen=True)
class ConsentState:
    """Everything the selection rule needs to know about consent for one child."""

    cells: Mapping[tuple[str, str], Cell]
    teams: tuple[Team, ...] = ()

    def cell(self, recipient_id: str, category: str) -> Cell | None:
        return self.cells.get((recipient_id, category))

    def teams_of(self, recipient_id: str) -> tuple[Team, ...]:
        return tuple(t for t in self.teams if t.has(recipient_id))


def fold(events: Iterable[ConsentEvent]) -> dict[tuple[str, str], Cell]:
    """The latest event of each recipient × category (events in ``seq`` order)."""
    grouped: dict[tuple[str, str], list[ConsentEvent]] = {}
    for event in sorted(events, key=lambda e: e.seq):
        grouped.setdefault((event.recipient.id, event.category), []).append(event)
    return {key: Cell(found[-1], tuple(found)) for key, found in grouped.items()}


def with_expiries(events: Iterable[ConsentEvent], today: date) -> list[ConsentEvent]:
    """The history with an ``expired`` item wherever an end date passed before the next
    change (derived, never stored), in time order."""
    result: list[ConsentEvent] = []
    for cell in fold(events).values():
        items = cell.history
        for index, event in enumerate(items):
            result.append(event)
            if event.decision is None or event.until is None:
                continue
            ended = event.until + timedelta(days=1)
            after = items[index + 1] if index + 1 < len(items) else None
            if ended <= today and (after is None or after.at_utc[:10] >= ended.isoformat()):
                result.append(_expiry(event, ended))
    return sorted(result, key=lambda e: (e.at_utc, e.seq, e.derived))


def _expiry(event: ConsentEvent, ended: date) -> ConsentEvent:
    return ConsentEvent(event.id + ":expired", event.child_id, event.recipient, event.category,
                        EXPIRED, None, event.purposes, event.start_on, event.until,
                        event.review_on, event.how, event.recorded_by, event.explanation,
                        f"{ended.isoformat()}T00:00:00Z", event.seq, derived=True)


def check_how(how: str) -> str:
    if how not in HOWS:
        raise ValidationError("how", "bad-choice")
    return how


def check_decision(decision: str) -> str:
    if decision not in DECISIONS:
        raise ValidationError("decision", "bad-choice")
    return decision


def check_dates(start_on: date, until: date | None, review_on: date | None) -> None:
    if until is not None and until < start_on:
        raise ValidationError("until", "end-before-start")
    if review_on is not None and review_on < start_on:
        raise ValidationError("review_on", "review-before-start")


def action_for(previous: Cell | None, today: date) -> str:
    """A decision is "given" when nothing is in force, else it "changed" the one that is."""
    if previous is None or previous.status(today) in (WITHDRAWN, EXPIRED):
        return GIVEN
    return CHANGED


def can_withdraw(previous: Cell | None, today: date) -> bool:
    return previous is not None and previous.status(today) in (PERMIT, DENY, NOT_STARTED)


def can_review(previous: Cell | None, today: date) -> bool:
    return previous is not None and previous.status(today) in (PERMIT, DENY)

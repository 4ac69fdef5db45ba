"""THE selection rule: exactly which entries may leave for one recipient and purpose.

Every export path (PDF, QR cards, share file, FHIR) must call :func:`select` (through
``services.sharing``) and send nothing else. For each entry, in this order:

1. archived → held back (``archived``); private (marked, or a private/unknown kind) → held
   back (``private``). No choice overrides these.
2. A *deny* for the category — set for the recipient, or for any team it belongs to — holds
   it back (``denied``), even over an explicit choice. So does the recipient's own consent
   once *withdrawn* or *expired*; and, when the recipient has none of its own in force, a
   team's withdrawn or expired consent unless another of its teams permits.
3. Sensitive (marked sensitive, or in a sensitive category) → leaves only when chosen for this
   share: the entry itself, or a sensitive category (family circumstances) as a whole. Choosing
   "health" never sends an entry the family marked sensitive.
4. Chosen for this share (entry id or category) → leaves.
5. Otherwise it leaves routinely only if the recipient is in a team *and* the permit in force
   covers this purpose: the recipient's own permit when it has one (it is more specific, so
   it replaces the teams'), else any of its teams'. Held back
   otherwise: ``other-purpose``, ``beyond-team`` (agreed, but not in the team: choose it),
   ``not-started`` or ``no-consent``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from familyfile.domain import categories as cats
from familyfile.domain.consent import (
    DENY,
    EXPIRED,
    NOT_STARTED,
    PERMIT,
    TEAM,
    WITHDRAWN,
    Cell,
    ConsentState,
    Purpose,
    Recipient,
)
from familyfile.i18n import _

ARCHIVED, PRIVATE, DENIED, SENSITIVE = "archived", "private", "denied", "sensitive"
R_WITHDRAWN, R_EXPIRED, R_NOT_STARTED = "withdrawn", "expired", "not-started"
OTHER_PURPOSE, BEYOND_TEAM, NO_CONSENT = "other-purpose", "beyond-team", "no-consent"
#: Reasons no choice can overcome (the rest can be chosen at the moment of sharing).
FINAL_REASONS = frozenset({ARCHIVED, PRIVATE, DENIED, R_WITHDRAWN, R_EXPIRED})
TEAM_ROUTINE, CHOSEN = "team", "chosen"


@dataclass(frozen=True)
class Candidate:
    """One entry as the rule sees it."""

    id: str
    kind: str
    category: str  # its default category (categories.default_category)
    mark: str = cats.MARK_DEFAULT
    archived: bool = False

    @property
    def private(self) -> bool:
        return self.mark == cats.MARK_PRIVATE or self.category not in cats.CONSENT_CATEGORIES

    @property
    def sensitive(self) -> bool:
        return self.mark == cats.MARK_SENSITIVE or cats.category(self.category).sensitive


class HeldBack(NamedTuple):
    entry_id: str
    reason: str
    words: str


@dataclass(frozen=True)
class Selection:
    included: tuple[str, ...]  # entry ids that may leave, in the order given
    held_back: tuple[HeldBack, ...]
    recipient: Recipient
    purpose: Purpose
    choices: frozenset[str]
    on: date
    categories: tuple[str, ...]  # the categories of what leaves, in category order
    why: tuple[tuple[str, str], ...] = ()  # (entry id, "team" | "chosen") for each included


@dataclass(frozen=True)
class Standing:
    """What consent says about one category for this recipient today."""

    status: str  # permit, deny, withdrawn, expired, not_started, none
    cells: tuple[Cell, ...] = ()  # the cells it comes from (every permit, when permitted)
    from_team: bool = False  # none of them is the recipient's own

    @property
    def cell(self) -> Cell | None:
        return self.cells[0] if self.cells else None

    def covers(self, wanted: Purpose) -> bool:
        return self.status == PERMIT and any(c.last.covers(wanted) for c in self.cells)


def standing(state: ConsentState, recipient: Recipient, category: str, today: date) -> Standing:
    own = state.cell(recipient.id, category)
    team_cells = [c for t in state.teams_of(recipient.id)
                  if (c := state.cell(t.id, category)) is not None]
    every = ([own] if own else []) + team_cells

    def found(status: str, cells: list[Cell]) -> Standing:
        return Standing(status, tuple(cells), all(c is not own for c in cells))

    denies = [c for c in every if c.status(today) == DENY]
    if denies:
        return found(DENY, denies)
    if own is not None and own.status(today) in (WITHDRAWN, EXPIRED, PERMIT):
        return found(own.status(today), [own])  # the recipient's own is the most specific
    permits = [c for c in team_cells if c.status(today) == PERMIT]
    if permits:  # any of its teams' permits will do
        return found(PERMIT, permits)
    for wanted in (WITHDRAWN, EXPIRED):
        ended = [c for c in team_cells if c.status(today) == wanted]
        if ended:
            return found(wanted, ended)
    if every:
        return found(NOT_STARTED, every)
    return Standing("none")


def select(entries: Iterable[Candidate], state: ConsentState, recipient: Recipient,
           purpose: Purpose, choices: Collection[str], today: date) -> Selection:
    if recipient.kind == TEAM:
        raise ValueError("share with each member of a team, not with the team itself")
    candidates = list(entries)
    chosen = frozenset(choices)
    in_team = bool(state.teams_of(recipient.id))
    cache: dict[str, Standing] = {}
    included: list[str] = []
    why: list[tuple[str, str]] = []
    held: list[HeldBack] = []
    for entry in candidates:
        if entry.archived or entry.private:
            reason = ARCHIVED if entry.archived else PRIVATE
            held.append(HeldBack(entry.id, reason, reason_words(reason, entry.category)))
            continue
        if entry.category not in cache:
            cache[entry.category] = standing(state, recipient, entry.category, today)
        outcome = _decide(entry, cache[entry.category], purpose, chosen, in_team)
        if outcome in (TEAM_ROUTINE, CHOSEN):
            included.append(entry.id)
            why.append((entry.id, outcome))
        else:
            held.append(HeldBack(entry.id, outcome,
                                 reason_words(outcome, entry.category, cache[entry.category])))
    return Selection(tuple(included), tuple(held), recipient, purpose, chosen, today,
                     _categories(candidates, included), tuple(why))


def _decide(entry: Candidate, found: Standing, purpose: Purpose, chosen: frozenset[str],
            in_team: bool) -> str:
    blocked = {DENY: DENIED, WITHDRAWN: R_WITHDRAWN, EXPIRED: R_EXPIRED}.get(found.status)
    if blocked:
        return blocked
    category_is_sensitive = cats.category(entry.category).sensitive
    if entry.sensitive:
        picked = entry.id in chosen or (category_is_sensitive and entry.category in chosen)
        return CHOSEN if picked else SENSITIVE
    if entry.id in chosen or entry.category in chosen:
        return CHOSEN
    if found.status == PERMIT:
        if not found.covers(purpose):
            return OTHER_PURPOSE
        return TEAM_ROUTINE if in_team else BEYOND_TEAM
    return R_NOT_STARTED if found.status == NOT_STARTED else NO_CONSENT


def _categories(entries: list[Candidate], included: list[str]) -> tuple[str, ...]:
    wanted = set(included)
    found = {e.category for e in entries if e.id in wanted}
    return tuple(k for k in cats.CATEGORY_KEYS if k in found)


def reason_words(reason: str, category: str, found: Standing | None = None) -> str:
    """The plain words for why an entry is held back."""
    name = cats.category_name(category)
    event = found.cell.last if found and found.cell else None
    until = event.until.isoformat() if event and event.until else ""
    start = event.start_on.isoformat() if event else ""
    agreed = [p for c in (found.cells if found else ()) for p in c.last.purposes]
    purposes = ", ".join(dict.fromkeys(p.label() for p in agreed))
    words = {
        ARCHIVED: _("You hid (archived) this entry. Hidden entries are never shared."),
        PRIVATE: _("Private: this never leaves your computer."),
        DENIED: _("You said no to sharing {category} with them."),
        R_WITHDRAWN: _("You took back your yes for {category}. Change it on the consent page "
                       "to share it again."),
        R_EXPIRED: _("Your yes for {category} ended on {until}. Give it again on the consent "
                     "page to share it."),
        SENSITIVE: _("Sensitive: it is only sent if you choose it yourself for this share."),
        OTHER_PURPOSE: _("You agreed to share {category} for {purposes}, not for this. "
                         "Choose it to send it this time."),
        BEYOND_TEAM: _("They are not in your team, so {category} is only sent if you choose "
                       "it for this share."),
        R_NOT_STARTED: _("Your choice for {category} starts on {start}. Choose it to send it "
                         "this time."),
        NO_CONSENT: _("You have not said yes to sharing {category} with them. Choose it to "
                      "send it this time."),
    }
    return words.get(reason, reason).format(category=name, until=until, start=start,
                                            purposes=purposes)

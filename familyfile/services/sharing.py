"""Sharing: what would leave for a recipient and purpose, and the sharing log.

Every export path calls :func:`selection` (or :func:`preview`, which holds one) and sends
only ``selection.included``; then :func:`record_share` writes the share to the hash-chained
activity log (kind ``share``) with the SHA-256 of exactly the bytes produced. It checks the
selection again first, so a consent withdrawn after the preview stops the share.
See docs/consent.md for the shapes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile import errors
from familyfile.domain import categories as cats
from familyfile.domain.consent import Purpose, Recipient
from familyfile.domain.entry import Entry
from familyfile.domain.involvement import KIND as INVOLVEMENT_KIND
from familyfile.domain.involvement import SOCIAL_CARE
from familyfile.domain.selection import BEYOND_TEAM, FINAL_REASONS, Candidate, Selection, select
from familyfile.services import consent
from familyfile.services.entry_summary import kind_name, summary
from familyfile.store import activity_log
from familyfile.store import consent as store

LOG_KIND = "share"
_FORMAT = re.compile(r"^[a-z0-9][a-z0-9._-]{0,39}$")


@dataclass(frozen=True)
class PreviewItem:
    entry_id: str
    kind: str
    kind_name: str
    summary: str
    occurred_on: str | None
    sensitive: bool
    why: str  # "team" (agreed for the team) or "chosen" (chosen for this share)


@dataclass(frozen=True)
class PreviewGroup:
    category: str
    name: str
    items: tuple[PreviewItem, ...]


@dataclass(frozen=True)
class HeldBackItem:
    entry_id: str
    kind: str
    kind_name: str
    category: str
    summary: str
    reason: str  # a code from domain.selection
    words: str  # why, in plain words
    can_choose: bool  # choosing it (or its category) for this share would send it


@dataclass(frozen=True)
class Preview:
    child_id: str
    recipient: Recipient
    purpose: Purpose
    on: date
    in_team: bool
    teams: tuple[str, ...]  # names of the teams the recipient is in
    groups: tuple[PreviewGroup, ...]  # what would leave, by category (category order)
    held_back: tuple[HeldBackItem, ...]
    suggested_choices: tuple[str, ...]  # categories agreed for them but needing a choice
    selection: Selection  # hand this to the export, then to record_share
    notice: str
    entries: tuple[Entry, ...] = ()  # the included entries themselves, in ``selection.included`` order


@dataclass(frozen=True)
class ShareRecord:
    seq: int
    at_utc: str
    actor: str
    child_id: str
    recipient: Recipient
    purpose: Purpose
    categories: tuple[str, ...]
    entry_ids: tuple[str, ...]
    choices: tuple[str, ...]
    format: str
    sha256: str
    size_bytes: int


# -- the child's entries as the rule sees them ------------------------------------------------
def candidates(session: Any, child_id: str) -> list[tuple[Candidate, Entry]]:
    """Every entry of the child (and the family's carers), archived ones too, oldest first
    within each kind, as the selection rule sees it."""
    session.child(child_id)
    rows = store.child_entries(session.conn, child_id)
    social_care = {e.id for e, _ in rows
                   if e.kind == INVOLVEMENT_KIND and e.data.get("agency") == SOCIAL_CARE}
    return [(Candidate(e.id, e.kind, cats.default_category(e.kind, e.data, social_care), mark,
                       e.archived), e) for e, mark in rows]


def resolve_choices(session: Any, child_id: str, tokens: Iterable[str]) -> frozenset[str]:
    """Category keys and entry ids (or id prefixes of 6+) chosen for one share."""
    ids = [c.id for c, _ in candidates(session, child_id)]
    chosen: set[str] = set()
    for token in (t.strip() for t in tokens):
        if token in cats.CATEGORY_KEYS or token in ids:
            chosen.add(token)
            continue
        found = [i for i in ids if len(token) >= 6 and i.startswith(token)]
        if len(found) != 1:
            raise errors.ValidationError("choose", "choice-unknown")
        chosen.add(found[0])
    return frozenset(chosen)


def selection(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
              choices: Iterable[str] = ()) -> Selection:
    """THE rule applied to this child's record today (domain.selection.select)."""
    return selection_of(session, child_id, candidates(session, child_id), recipient, purpose, choices)


def selection_of(session: Any, child_id: str, pairs: Sequence[tuple[Candidate, Entry]],
                 recipient: Recipient, purpose: Purpose, choices: Iterable[str] = ()) -> Selection:
    """THE rule over ``pairs`` already read with :func:`candidates` (one read per share)."""
    who = consent.resolve(session, child_id, recipient)
    return select([c for c, _ in pairs], consent.state(session, child_id), who, purpose,
                  frozenset(choices), session.today())


def preview(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
            choices: Iterable[str] = ()) -> Preview:
    """What would leave (by category, in words), what is held back and why."""
    who = consent.resolve(session, child_id, recipient)
    pairs = candidates(session, child_id)
    state = consent.state(session, child_id)
    chosen = select([c for c, _ in pairs], state, who, purpose, frozenset(choices), session.today())
    by_id = {c.id: (c, e) for c, e in pairs}
    entries = tuple(by_id[i][1] for i in chosen.included)
    why = dict(chosen.why)
    groups = []
    for key in chosen.categories:
        items = tuple(_item(by_id[i][0], by_id[i][1], why[i]) for i in chosen.included
                      if by_id[i][0].category == key)
        groups.append(PreviewGroup(key, cats.category_name(key), items))
    held = tuple(_held(by_id[h.entry_id][0], by_id[h.entry_id][1], h.reason, h.words)
                 for h in chosen.held_back)
    suggested = tuple(k for k in cats.CONSENT_CATEGORIES
                      if any(h.category == k and h.reason == BEYOND_TEAM for h in held))
    teams = tuple(t.name for t in state.teams_of(who.id))
    return Preview(child_id, who, purpose, chosen.on, bool(teams), teams, tuple(groups), held,
                   suggested, chosen, cats.notice(), entries)


def _item(candidate: Candidate, entry: Entry, why: str) -> PreviewItem:
    return PreviewItem(entry.id, entry.kind, kind_name(entry.kind), summary(entry),
                       entry.occurred_on, candidate.sensitive, why)


def _held(candidate: Candidate, entry: Entry, reason: str, words: str) -> HeldBackItem:
    return HeldBackItem(entry.id, entry.kind, kind_name(entry.kind), candidate.category,
                        summary(entry), reason, words, reason not in FINAL_REASONS)


# -- the sharing log ----------------------------------------------------------------------------
def record_share(session: Any, child_id: str, recipient: Recipient, purpose: Purpose,
                 chosen: Selection, fmt: str, produced_bytes: bytes) -> ShareRecord:
    """Log one share: recipient, purpose, categories, entry ids, format, time, SHA-256."""
    if not _FORMAT.match(fmt):
        raise errors.ValidationError("format", "bad-choice")
    who = consent.resolve(session, child_id, recipient)
    if chosen.recipient.id != who.id or chosen.purpose != purpose:
        raise errors.ValidationError("selection", "consent-changed")
    fresh = selection(session, child_id, who, purpose, chosen.choices)
    if not set(chosen.included) <= set(fresh.included):
        raise errors.ValidationError("selection", "consent-changed")
    detail = {
        "child_id": child_id, "recipient": who.to_data(), "purpose": purpose.to_data(),
        "categories": list(chosen.categories), "entry_ids": list(chosen.included),
        "choices": sorted(chosen.choices), "format": fmt,
        "sha256": hashlib.sha256(produced_bytes).hexdigest(), "size_bytes": len(produced_bytes),
    }
    with session.write() as conn:
        logged = activity_log.append(conn, at=session.clock.now(), kind=LOG_KIND,
                                     actor=session.actor, detail=detail)
    return _record(logged)


def _record(logged: activity_log.LogEntry) -> ShareRecord:
    d = logged.detail
    return ShareRecord(logged.seq, logged.at_utc, logged.actor, str(d.get("child_id", "")),
                       Recipient.from_data(d.get("recipient") or {}),
                       Purpose.from_data(d.get("purpose") or {}),
                       tuple(d.get("categories") or ()), tuple(d.get("entry_ids") or ()),
                       tuple(d.get("choices") or ()), str(d.get("format", "")),
                       str(d.get("sha256", "")), int(d.get("size_bytes") or 0))


def share_log(session: Any, child_id: str, *, recipient_id: str | None = None) -> list[ShareRecord]:
    """Every share of this child's information, oldest first (optionally to one recipient)."""
    found = [_record(e) for e in activity_log.entries(session.conn, kinds=(LOG_KIND,))]
    return [r for r in found if r.child_id == child_id
            and (recipient_id is None or r.recipient.id == recipient_id)]

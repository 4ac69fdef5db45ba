"""The developmental journal: add, edit, archive and find observations, with photos.

An observation is an entry of kind ``journal``; its photos live in the ``photo`` table
and its words in the FTS5 index ``journal_search``. The entry, its photos and its index
row are written in ONE transaction, so search never disagrees with the record.
Photos are prepared (shrunk, metadata removed) by :mod:`journal_photos` beforehand.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from familyfile import errors
from familyfile.domain import journal as rules
from familyfile.domain.entry import Author, Entry, new_entry_id
from familyfile.domain.journal import Observation, ObservationDraft
from familyfile.services.journal_photos import PreparedPhoto
from familyfile.store import entries, photos
from familyfile.store.database import Connection
from familyfile.store.photos import PhotoRow

KIND = rules.KIND
PAGE = 50
MAX_SEARCH_TERMS = 12
RANK_AT_MOST = 2000  # more matches than this: newest first instead of ranked
WALK_CHUNK = 500
_WORD = re.compile(r"\w+")

__all__ = ["KIND", "PAGE", "JournalFilter", "PhotoRow", "add", "archive", "authors", "edit",
           "match_expression", "observation", "photos_of", "rebuild_index", "restore", "search",
           "timeline", "timeline_count"]


@dataclass(frozen=True)
class JournalFilter:
    """What the timeline shows: one area and/or one author (None: all)."""

    area: str | None = None
    author_kind: str | None = None
    author_name: str | None = None


@contextmanager
def _writing(session: Any) -> Iterator[Connection]:
    with session.write() as conn:
        yield conn


def _conn(session: Any) -> Connection:
    return session.conn


def _born(session: Any, child_id: str) -> date:
    return session.child(child_id).date_of_birth


def observation(entry: Entry) -> Observation:
    return Observation.from_data(entry.data, entry.occurred_on)


def photo_ids(entry: Entry) -> list[str]:
    return [str(p) for p in entry.data.get("photo_ids", [])]


def _store_photos(conn: Connection, entry_id: str, prepared: Sequence[PreparedPhoto],
                  session: Any, ids: Sequence[str] | None = None) -> list[str]:
    made = list(ids) if ids is not None else [uuid.uuid4().hex for _ in prepared]
    for photo_id, photo in zip(made, prepared, strict=True):
        photos.insert(conn, photo_id=photo_id, entry_id=entry_id, mime=photo.mime,
                      width_px=photo.width_px, height_px=photo.height_px, image=photo.image,
                      thumbnail=photo.thumbnail, now=session.clock.now())
    return made


def add(session: Any, child_id: str, draft: ObservationDraft,
        new_photos: Sequence[PreparedPhoto] = ()) -> Entry:
    """Check and save a new observation with its photos; returns the entry."""
    built = rules.build(draft, session.today(), _born(session, child_id))
    entry_id = new_entry_id()
    ids = [uuid.uuid4().hex for _ in new_photos]
    data = built.to_data()
    if ids:
        data["photo_ids"] = ids
    with _writing(session) as conn:
        entry = entries.insert(conn, entry_id=entry_id, child_id=child_id, kind=KIND,
                               occurred_on=built.observed_on.isoformat(), data=data,
                               author=session.author, now=session.clock.now())
        _store_photos(conn, entry_id, new_photos, session, ids)
        photos.index_entry(conn, entry_id, child_id, built.search_text())
    return entry


def edit(session: Any, entry: Entry, draft: ObservationDraft, *,
         add_photos: Sequence[PreparedPhoto] = (), remove_photo_ids: Sequence[str] = ()) -> Entry:
    """Save a changed observation as a new version (the old one stays in the history).

    Refuses with EditConflictError when the entry changed since ``entry`` was read.
    """
    if entry.kind != KIND or entry.child_id is None:
        raise errors.NotFoundError("journal entry")
    built = rules.build(draft, session.today(), _born(session, entry.child_id))
    with _writing(session) as conn:
        kept = [p for p in photo_ids(entry) if p not in set(remove_photo_ids)]
        for photo_id in remove_photo_ids:
            photos.set_archived(conn, photo_id, entry.id, archived=True, now=session.clock.now())
        kept += _store_photos(conn, entry.id, add_photos, session)
        data = built.to_data()
        if kept or photo_ids(entry):
            data["photo_ids"] = kept
        updated = entries.update(conn, entry.id, entry.version, data=data,
                                 occurred_on=built.observed_on.isoformat(), author=session.author,
                                 now=session.clock.now())
        photos.index_entry(conn, entry.id, entry.child_id, built.search_text())
    return updated


def archive(session: Any, entry: Entry) -> Entry:
    """Hide an observation (and take it out of search); :func:`restore` undoes it."""
    with _writing(session) as conn:
        done = entries.archive(conn, entry.id, entry.version, author=session.author,
                               now=session.clock.now())
        photos.unindex_entry(conn, entry.id)
    return done


def restore(session: Any, entry: Entry) -> Entry:
    with _writing(session) as conn:
        done = entries.restore(conn, entry.id, entry.version, author=session.author,
                               now=session.clock.now())
        photos.index_entry(conn, entry.id, entry.child_id, observation(done).search_text())
    return done


# -- finding ------------------------------------------------------------------------------------
def match_expression(text: str) -> str | None:
    """An FTS5 query from what a person typed: every word quoted (so quotes, ``AND``,
    ``*``, ``:`` or brackets are just text), each the start of a word, all of them required."""
    words = _WORD.findall(text)[:MAX_SEARCH_TERMS]
    words = [w.replace("_", " ").strip() for w in words]
    # A one-letter prefix would match most words: such a term must be a whole word.
    terms = [f'"{w}"*' if len(w) > 1 else f'"{w}"' for w in words if w]
    return " ".join(terms) or None


def search(session: Any, child_id: str, query: str, limit: int = PAGE, offset: int = 0,
           chosen: JournalFilter = JournalFilter()) -> list[Entry]:  # noqa: B008
    """Observations whose words match ``query``; [] for no words. Accents and case do not
    matter ("cafe" finds "Café"); each word may be the start of a longer one.

    Best match first (bm25) — unless the words are in more than RANK_AT_MOST observations,
    when ranking says little and would cost a read of every match: then newest first.
    """
    match = match_expression(query)
    if match is None:
        return []
    conn = _conn(session)
    found = photos.match_rowids(conn, match)
    if not found:
        return []
    if len(found) <= RANK_AT_MOST:
        ids = photos.search_ids(conn, child_id, match, limit=limit, offset=offset, area=chosen.area,
                                author_kind=chosen.author_kind, author_name=chosen.author_name)
    else:
        ids = _newest_matching(conn, child_id, found, chosen, limit, offset)
    return [entries.get(conn, i) for i in ids]


def _newest_matching(conn: Connection, child_id: str, found: set[int], chosen: JournalFilter,
                     limit: int, offset: int) -> list[str]:
    picked: list[str] = []
    skip, start = offset, 0
    while len(picked) < limit:
        chunk = photos.timeline_ids(conn, child_id=child_id, kind=KIND, area=chosen.area,
                                    author_kind=chosen.author_kind, author_name=chosen.author_name,
                                    limit=WALK_CHUNK, offset=start)
        for entry_id in chunk:
            if photos.search_rowid(entry_id) not in found:
                continue
            if skip:
                skip -= 1
                continue
            picked.append(entry_id)
            if len(picked) == limit:
                break
        if len(chunk) < WALK_CHUNK:
            break
        start += WALK_CHUNK
    return picked


def timeline(session: Any, child_id: str, chosen: JournalFilter = JournalFilter(), *,  # noqa: B008
             limit: int = PAGE, offset: int = 0) -> list[Entry]:
    """One page of observations, newest first."""
    conn = _conn(session)
    ids = photos.timeline_ids(conn, child_id=child_id, kind=KIND, area=chosen.area,
                              author_kind=chosen.author_kind, author_name=chosen.author_name,
                              limit=limit, offset=offset)
    return [entries.get(conn, i) for i in ids]


def timeline_count(session: Any, child_id: str, chosen: JournalFilter = JournalFilter()) -> int:  # noqa: B008
    return photos.timeline_count(_conn(session), child_id=child_id, kind=KIND, area=chosen.area,
                                 author_kind=chosen.author_kind, author_name=chosen.author_name)


def authors(session: Any, child_id: str) -> list[Author]:
    """Everyone who wrote a shown observation about this child."""
    return [Author(kind, name) for kind, name in photos.authors(_conn(session), child_id=child_id,
                                                                 kind=KIND)]


# -- photos -----------------------------------------------------------------------------------
def photos_of(session: Any, entry_id: str) -> list[PhotoRow]:
    return photos.list_for_entry(_conn(session), entry_id)


def photo_counts(session: Any, entry_ids: Sequence[str]) -> dict[str, int]:
    return photos.count_for_entries(_conn(session), entry_ids)


def first_thumbnail(session: Any, entry_id: str) -> bytes | None:
    return photos.first_thumbnail(_conn(session), entry_id)


def thumbnail(session: Any, photo_id: str) -> bytes:
    return photos.thumbnail(_conn(session), photo_id)


def image(session: Any, photo_id: str) -> bytes:
    return photos.image(_conn(session), photo_id)


def rebuild_index(session: Any) -> int:
    """Rebuild the whole search index from the entries (after an import, or a repair)."""
    count = 0
    with _writing(session) as conn:
        photos.clear_index(conn)
        for child in session.children():
            for entry in entries.list_entries(conn, child_id=child.id, kind=KIND):
                photos.index_entry(conn, entry.id, entry.child_id, observation(entry).search_text())
                count += 1
    return count

"""Journal storage beyond the generic entry table: photos (as BLOBs inside the encrypted
database), the FTS5 search index ``journal_search``, and the filtered timeline.

Callers pass the connection of an open write transaction so that an entry, its photos
and its search row change together or not at all.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from familyfile import errors
from familyfile.clock import utc_iso
from familyfile.store.database import Connection

_PHOTO_COLUMNS = "id, entry_id, mime, width_px, height_px, created_utc, archived_utc"


@dataclass(frozen=True)
class PhotoRow:
    id: str
    entry_id: str
    mime: str
    width_px: int
    height_px: int
    created_utc: str
    archived_utc: str | None = None


def _photo(row: tuple[Any, ...]) -> PhotoRow:
    return PhotoRow(row[0], row[1], row[2], int(row[3]), int(row[4]), row[5], row[6])


# -- photos -----------------------------------------------------------------------------------
def insert(conn: Connection, *, photo_id: str, entry_id: str, mime: str, width_px: int,
           height_px: int, image: bytes, thumbnail: bytes, now: datetime) -> PhotoRow:
    stamp = utc_iso(now)
    conn.execute(
        f"INSERT INTO photo ({_PHOTO_COLUMNS}, image, thumbnail) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
        (photo_id, entry_id, mime, width_px, height_px, stamp, image, thumbnail))
    return PhotoRow(photo_id, entry_id, mime, width_px, height_px, stamp)


def list_for_entry(conn: Connection, entry_id: str, *, include_archived: bool = False) -> list[PhotoRow]:
    sql = f"SELECT {_PHOTO_COLUMNS} FROM photo WHERE entry_id = ?"
    if not include_archived:
        sql += " AND archived_utc IS NULL"
    return [_photo(r) for r in conn.execute(sql + " ORDER BY created_utc, rowid", (entry_id,))]


def count_for_entries(conn: Connection, entry_ids: Iterable[str]) -> dict[str, int]:
    ids = list(entry_ids)
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    rows = conn.execute(f"SELECT entry_id, count(*) FROM photo WHERE entry_id IN ({marks})"
                        " AND archived_utc IS NULL GROUP BY entry_id", ids)
    return {r[0]: int(r[1]) for r in rows}


def first_thumbnail(conn: Connection, entry_id: str) -> bytes | None:
    row = conn.execute("SELECT thumbnail FROM photo WHERE entry_id = ? AND archived_utc IS NULL"
                       " ORDER BY created_utc, rowid LIMIT 1", (entry_id,)).fetchone()
    return bytes(row[0]) if row else None


def _blob(conn: Connection, column: str, photo_id: str) -> bytes:
    assert column in ("image", "thumbnail")
    row = conn.execute(f"SELECT {column} FROM photo WHERE id = ?", (photo_id,)).fetchone()
    if row is None:
        raise errors.NotFoundError("photo")
    return bytes(row[0])


def image(conn: Connection, photo_id: str) -> bytes:
    return _blob(conn, "image", photo_id)


def thumbnail(conn: Connection, photo_id: str) -> bytes:
    return _blob(conn, "thumbnail", photo_id)


def set_archived(conn: Connection, photo_id: str, entry_id: str, *, archived: bool,
                 now: datetime) -> None:
    """Archive (or bring back) one photo of one entry; nothing is deleted."""
    done = conn.execute("UPDATE photo SET archived_utc = ? WHERE id = ? AND entry_id = ?",
                        (utc_iso(now) if archived else None, photo_id, entry_id))
    if done.rowcount != 1:
        raise errors.NotFoundError("photo")


# -- the search index -------------------------------------------------------------------------
# ``entry_id`` is UNINDEXED in journal_search, so finding a row by it would read the whole
# index. Each entry's row instead gets a rowid derived from its id (63 bits of a hash):
# replacing one entry's words is a rowid lookup, and FTS5 keeps its rowids through backups.
def search_rowid(entry_id: str) -> int:
    digest = hashlib.blake2b(entry_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def index_entry(conn: Connection, entry_id: str, child_id: str | None, body: str) -> None:
    """Put (or replace) the searchable words of one entry."""
    rowid = search_rowid(entry_id)
    conn.execute("DELETE FROM journal_search WHERE rowid = ?", (rowid,))
    conn.execute("INSERT INTO journal_search (rowid, entry_id, child_id, body) VALUES (?, ?, ?, ?)",
                 (rowid, entry_id, child_id, body))


def unindex_entry(conn: Connection, entry_id: str) -> None:
    conn.execute("DELETE FROM journal_search WHERE rowid = ?", (search_rowid(entry_id),))


def clear_index(conn: Connection) -> None:
    conn.execute("DELETE FROM journal_search")


def match_rowids(conn: Connection, match: str) -> set[int]:
    """Every index rowid matching ``match`` (all children; cheap: no ranking, no row reads)."""
    return {int(r[0]) for r in conn.execute(
        "SELECT rowid FROM journal_search WHERE journal_search MATCH ?", (match,))}


def search_ids(conn: Connection, child_id: str, match: str, *, limit: int, offset: int = 0,
               area: str | None = None, author_kind: str | None = None,
               author_name: str | None = None) -> list[str]:
    """Entry ids whose words match the FTS5 expression ``match``, best match first (bm25).
    Archived entries are taken out of the index, so every row found is a shown entry; the
    entry table is only read when a filter needs it."""
    sql = ("SELECT journal_search.entry_id FROM journal_search{join}"
           " WHERE journal_search MATCH ? AND journal_search.child_id = ?{where}"
           " ORDER BY bm25(journal_search), journal_search.rowid LIMIT ? OFFSET ?")
    params: list[Any] = [match, child_id]
    join = where = ""
    if area or author_kind or author_name is not None:
        join = " JOIN entry ON entry.id = journal_search.entry_id"
        for column, value in (("json_extract(entry.data, '$.area')", area or None),
                              ("entry.author_kind", author_kind or None),
                              ("entry.author_name", author_name)):
            if value is not None:
                where += f" AND {column} = ?"
                params.append(value)
    rows = conn.execute(sql.format(join=join, where=where), [*params, limit, offset])
    return [r[0] for r in rows]


# -- the timeline ---------------------------------------------------------------------------
def _timeline_where(child_id: str, kind: str, area: str | None, author_kind: str | None,
                    author_name: str | None) -> tuple[str, list[Any]]:
    where = "child_id = ? AND kind = ? AND archived_utc IS NULL"
    params: list[Any] = [child_id, kind]
    if area:
        where += " AND json_extract(data, '$.area') = ?"
        params.append(area)
    if author_kind:
        where += " AND author_kind = ?"
        params.append(author_kind)
    if author_name is not None:
        where += " AND author_name = ?"
        params.append(author_name)
    return where, params


def timeline_ids(conn: Connection, *, child_id: str, kind: str, area: str | None = None,
                 author_kind: str | None = None, author_name: str | None = None,
                 limit: int = 50, offset: int = 0) -> list[str]:
    """One page of entry ids, newest first (the same order as ``entries.list_entries``)."""
    where, params = _timeline_where(child_id, kind, area, author_kind, author_name)
    rows = conn.execute(f"SELECT id FROM entry WHERE {where}"
                        " ORDER BY occurred_on DESC, created_utc DESC, id DESC LIMIT ? OFFSET ?",
                        [*params, limit, offset])
    return [r[0] for r in rows]


def timeline_count(conn: Connection, *, child_id: str, kind: str, area: str | None = None,
                   author_kind: str | None = None, author_name: str | None = None) -> int:
    where, params = _timeline_where(child_id, kind, area, author_kind, author_name)
    return int(conn.execute(f"SELECT count(*) FROM entry WHERE {where}", params).fetchone()[0])


def authors(conn: Connection, *, child_id: str, kind: str) -> list[tuple[str, str]]:
    """Every (author kind, author name) that wrote a shown entry of this kind."""
    rows = conn.execute("SELECT DISTINCT author_kind, author_name FROM entry WHERE child_id = ?"
                        " AND kind = ? AND archived_utc IS NULL ORDER BY author_kind, author_name",
                        (child_id, kind))
    return [(r[0], r[1]) for r in rows]

"""Adding, editing, archiving and reading entries of any section, with their history.

Section rules live in ``familyfile.domain.<section>``; this service stores what they
built, stamps the author (the parent, or the named key worker using the app) and
keeps every version. Nothing is overwritten without the version the editor saw.
"""

from __future__ import annotations

from typing import Any

from familyfile.domain.entry import Author, Entry, HistoryItem, new_entry_id
from familyfile.store import entries


class Records:
    def __init__(self, session: Any) -> None:
        self._session = session


    def add(self, *, child_id: str | None, kind: str, data: dict[str, Any],
            occurred_on: str | None, author: Author | None = None, action: str = "created") -> Entry:
        with self._session.write() as conn:
            return entries.insert(conn, entry_id=new_entry_id(), child_id=child_id, kind=kind,
                                  occurred_on=occurred_on, data=data,
                                  author=author or self._session.author,
                                  now=self._session.clock.now(), action=action)

    def edit(self, entry: Entry, *, data: dict[str, Any], occurred_on: str | None,
             author: Author | None = None) -> Entry:
        with self._session.write() as conn:
            return entries.update(conn, entry.id, entry.version, data=data, occurred_on=occurred_on,
                                  author=author or self._session.author,
                                  now=self._session.clock.now())

    def archive(self, entry: Entry) -> Entry:
        with self._session.write() as conn:
            return entries.archive(conn, entry.id, entry.version, author=self._session.author,
                                   now=self._session.clock.now())

    def restore(self, entry: Entry) -> Entry:
        with self._session.write() as conn:
            return entries.restore(conn, entry.id, entry.version, author=self._session.author,
                                   now=self._session.clock.now())

    def get(self, entry_id: str) -> Entry:
        return entries.get(self._session.conn, entry_id)

    def list_for(self, child_id: str | None, kind: str, *, include_archived: bool = False,
             newest_first: bool = True, limit: int | None = None, offset: int = 0) -> list[Entry]:
        return entries.list_entries(self._session.conn, child_id=child_id, kind=kind,
                                    include_archived=include_archived, newest_first=newest_first,
                                    limit=limit, offset=offset)

    def count(self, child_id: str | None, kind: str) -> int:
        return entries.count(self._session.conn, child_id=child_id, kind=kind)

    def history(self, entry_id: str) -> list[HistoryItem]:
        return entries.history(self._session.conn, entry_id)

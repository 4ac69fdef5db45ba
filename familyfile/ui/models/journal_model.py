"""The journal timeline as a list model that loads itself a page at a time.

Only the first page is read when the model is (re)filled; the view asks for more
(``canFetchMore``/``fetchMore``) as the person scrolls, so a journal of 20,000 entries
opens as fast as one of 20. Thumbnails are read and decoded only when a row is drawn,
and kept for the rows already seen.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QDate, QLocale, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QImage, QPixmap

from familyfile.domain import journal as rules
from familyfile.domain.entry import PARENT, Author, Entry
from familyfile.i18n import _, ngettext
from familyfile.ui.models.confirmed import confirmed_by

Index = QModelIndex | QPersistentModelIndex
ENTRY_ROLE = Qt.UserRole
WHEN_ROLE = Qt.UserRole + 1
AREA_ROLE = Qt.UserRole + 2
WRITTEN_BY_ROLE = Qt.UserRole + 3
FIRST_ROLE = Qt.UserRole + 4
PHOTOS_ROLE = Qt.UserRole + 5
HTML_ROLE = Qt.UserRole + 6
PAGE = 50
SNIPPET = 240


def day_text(on: date) -> str:
    return QLocale().toString(QDate(on.year, on.month, on.day), "d MMM yyyy")


@dataclass(frozen=True)
class JournalFeed:
    """Where the rows come from: ``fetch(offset, limit)`` gives one page (newest first for
    the timeline, best match first for a search); the others are optional."""

    fetch: Callable[[int, int], list[Entry]]
    thumbnail: Callable[[str], bytes | None] = lambda _entry_id: None
    photo_counts: Callable[[Sequence[str]], dict[str, int]] = lambda _ids: {}
    reader: Author = PARENT


def author_choice(author: Author, reader: Author) -> str:
    """An author as a choice in the "Written by" filter: "You", "Sam Patel, key worker"."""
    if author == reader:
        return _("You")
    if author.kind == "parent":
        return _("The family")
    if author.kind == "key_worker":
        return _("{name}, key worker").format(name=author.name)
    return _("{name}, professional").format(name=author.name)


def _empty_feed() -> JournalFeed:
    return JournalFeed(lambda _offset, _limit: [])


class JournalModel(QAbstractListModel):
    def __init__(self, feed: JournalFeed | None = None, parent: Any = None, page: int = PAGE) -> None:
        super().__init__(parent)
        self._feed = feed or _empty_feed()
        self._page = page
        self._rows: list[Entry] = []
        self._photos: dict[str, int] = {}
        self._thumbs: dict[str, QPixmap | None] = {}
        self._more = False
        self._fetching = False  # a view or tester may ask again while rows are being inserted
        self.set_feed(self._feed)

    # -- filling ----------------------------------------------------------------------------
    def set_feed(self, feed: JournalFeed) -> None:
        """Start again from the first page of ``feed``."""
        self.beginResetModel()
        self._feed = feed
        self._rows, self._photos, self._thumbs = [], {}, {}
        self._more = True
        self._load_page()
        self.endResetModel()

    def reload(self) -> None:
        self.set_feed(self._feed)

    def _load_page(self) -> list[Entry]:
        page = self._feed.fetch(len(self._rows), self._page)
        self._more = len(page) >= self._page
        self._photos.update(self._feed.photo_counts([e.id for e in page]))
        self._rows.extend(page)
        return page

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802 (Qt API)
        return not parent.isValid() and self._more and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802 (Qt API)
        if parent.isValid() or not self._more or self._fetching:
            return
        self._fetching = True
        try:
            page = self._feed.fetch(len(self._rows), self._page)
            self._more = len(page) >= self._page
            if not page:
                return
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._photos.update(self._feed.photo_counts([e.id for e in page]))
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._fetching = False

    # -- reading ----------------------------------------------------------------------------
    def entry(self, row: int) -> Entry:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def _thumb(self, entry_id: str) -> QPixmap | None:
        if entry_id not in self._thumbs:
            blob = self._feed.thumbnail(entry_id) if self._photos.get(entry_id) else None
            image = QImage.fromData(blob) if blob else QImage()
            self._thumbs[entry_id] = None if image.isNull() else QPixmap.fromImage(image)
        return self._thumbs[entry_id]

    def describe(self, entry: Entry) -> str:
        """Every line of a row as words (shown, and read by a screen reader)."""
        seen = rules.Observation.from_data(entry.data, entry.occurred_on)
        lines = [_("{date} · {area}").format(date=day_text(seen.observed_on),
                                            area=rules.area_name(seen.area))]
        if seen.is_first:
            lines.append(_("A first: {title}").format(title=seen.first_title))
        if seen.text:
            text = " ".join(seen.text.split())
            lines.append(text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "…")
        who = confirmed_by(entry) or rules.written_by(entry.author, self._feed.reader)
        if seen.observed_by and not confirmed_by(entry):  # a confirmed note's observer is its author
            who = _("{written_by} · seen by {who}").format(written_by=who, who=seen.observed_by)
        count = self._photos.get(entry.id, 0)
        if count:
            who += " · " + ngettext("{n} photo", "{n} photos", count).format(n=count)
        lines.append(who)
        return "\n".join(lines)

    def rich(self, entry: Entry) -> str:
        """The row as simple HTML: a bold heading, the first, the words, who wrote it."""
        parts = [f"<b>{html.escape(line)}</b>" if number == 0 else html.escape(line)
                 for number, line in enumerate(self.describe(entry).split("\n"))]
        seen = rules.Observation.from_data(entry.data, entry.occurred_on)
        if seen.is_first:
            parts[1] = f'<span style="color:#7a2e8c;"><b>\u2605 {parts[1]}</b></span>'
        parts[-1] = f'<span style="color:#484949;">{parts[-1]}</span>'
        return "<br>".join(parts)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        entry = self._rows[index.row()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.describe(entry)
        if role == Qt.AccessibleTextRole:
            return self.describe(entry).replace("\n", ". ")
        if role == Qt.DecorationRole:
            return self._thumb(entry.id)
        if role == ENTRY_ROLE:
            return entry
        if role == HTML_ROLE:
            return self.rich(entry)
        seen = rules.Observation.from_data(entry.data, entry.occurred_on)
        if role == WHEN_ROLE:
            return seen.observed_on.isoformat()
        if role == AREA_ROLE:
            return seen.area
        if role == WRITTEN_BY_ROLE:
            return rules.written_by(entry.author, self._feed.reader)
        if role == FIRST_ROLE:
            return seen.first_title if seen.is_first else ""
        if role == PHOTOS_ROLE:
            return self._photos.get(entry.id, 0)
        return None


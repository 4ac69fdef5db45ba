"""The journal timeline model: qtmodeltester, lazy paging, thumbnails read only when drawn."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from familyfile.clock import FixedClock
from familyfile.domain.entry import Entry
from familyfile.domain.journal import ObservationDraft
from familyfile.services import journal, journal_photos
from familyfile.services.session import FamilySession
from familyfile.ui.models.journal_model import HTML_ROLE, JournalFeed, JournalModel
from tests.ui.test_page_journal import bulk


@pytest.fixture
def family(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id


def add(session: FamilySession, child: str, text: str, when: str = "2025-05-01",
        new_photos: list | None = None) -> Entry:
    return journal.add(session, child, ObservationDraft(when, "physical", text), new_photos or [])


# -- the model ---------------------------------------------------------------------------------
def test_the_model_passes_qtmodeltester_and_loads_lazily(qtmodeltester, family) -> None:
    session, child = family
    bulk(session, child, 700)
    calls: list[tuple[int, int]] = []

    def fetch(offset: int, limit: int) -> list:
        calls.append((offset, limit))
        return journal.timeline(session, child, limit=limit, offset=offset)

    model = JournalModel(JournalFeed(fetch))
    assert model.rowCount() == 50 and calls == [(0, 50)]  # one page, not 700 rows
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 100
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 700 and not model.canFetchMore()
    empty = JournalModel()
    qtmodeltester.check(empty)
    assert empty.rowCount() == 0 and not empty.canFetchMore()


def test_thumbnails_are_read_only_when_a_row_is_drawn(qapp, family) -> None:
    session, child = family
    made = journal_photos.prepare(jpeg_bytes())
    first = add(session, child, "with photo", new_photos=[made])
    add(session, child, "no photo", when="2025-04-01")
    asked: list[str] = []

    def thumb(entry_id: str) -> bytes | None:
        asked.append(entry_id)
        return journal.first_thumbnail(session, entry_id)

    model = JournalModel(JournalFeed(lambda o, n: journal.timeline(session, child, limit=n, offset=o),
                                     thumb, lambda ids: journal.photo_counts(session, ids)))
    assert asked == []
    assert isinstance(model.data(model.index(0), Qt.DecorationRole), QPixmap)
    assert model.data(model.index(1), Qt.DecorationRole) is None
    model.data(model.index(0), Qt.DecorationRole)
    assert asked == [first.id]  # cached, and never asked for the row without photos


def jpeg_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (200, 20, 20)).save(out, format="JPEG")
    return out.getvalue()


def test_rows_say_who_wrote_them_in_words_and_html(qapp, family) -> None:
    session, child = family
    journal.add(session, child, ObservationDraft("2025-05-01", "physical", "Jumped <high>", "First jump",
                                                 True, "Nana"))
    model = JournalModel(JournalFeed(lambda o, n: journal.timeline(session, child, limit=n, offset=o)))
    index = model.index(0)
    assert index.data(Qt.DisplayRole).split("\n") == [
        "1 May 2025 · Moving and using their body", "A first: First jump", "Jumped <high>",
        "Written by you · seen by Nana"]
    assert "&lt;high&gt;" in index.data(HTML_ROLE) and "<b>1 May 2025" in index.data(HTML_ROLE)
    assert "Written by you" in index.data(Qt.AccessibleTextRole)

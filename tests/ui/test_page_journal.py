"""The journal page, driven like a person: keyboard and mouse, search, filters, photos,
archive with undo, and the lazily loading timeline model."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap

from familyfile.clock import FixedClock
from familyfile.domain import journal as rules
from familyfile.domain.entry import PARENT, Author, Entry, new_entry_id
from familyfile.domain.journal import ObservationDraft
from familyfile.services import journal
from familyfile.services.session import FamilySession
from familyfile.store import entries, photos
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.journal import JournalPage
from familyfile.ui.pages.journal_form import ObservationDialog
from familyfile.ui.tasks import TaskRunner
from tests.ui.drive import show_page

KEY_WORKER = Author("key_worker", "Sam Patel")


@pytest.fixture
def family(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2025, 6, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01


@pytest.fixture
def open_page(qtbot, family):
    session, _child_id = family
    return lambda: show_page(qtbot, JournalPage, session)


def add(session: FamilySession, child: str, text: str, area: str = "physical",
        when: str = "2025-05-01", new_photos: list | None = None) -> Entry:
    return journal.add(session, child, ObservationDraft(when, area, text), new_photos or [])


def bulk(session: FamilySession, child: str, count: int) -> None:
    with session._vault.write() as conn:
        for i in range(count):
            built = rules.build(ObservationDraft(
                date.fromordinal(date(2024, 3, 1).toordinal() + i % 400).isoformat(),
                rules.AREAS[i % 7], f"note {i}"), date(2025, 6, 1))
            entry_id = new_entry_id()
            entries.insert(conn, entry_id=entry_id, child_id=child, kind=journal.KIND,
                           occurred_on=built.observed_on.isoformat(), data=built.to_data(),
                           author=PARENT, now=session.clock.now())
            photos.index_entry(conn, entry_id, child, built.search_text())


def dialog_of(page: JournalPage) -> ObservationDialog:
    dialog = page.dialog
    assert isinstance(dialog, ObservationDialog) and dialog.isVisible()
    return dialog


def jpeg(path: Path, size: tuple[int, int] = (640, 480)) -> Path:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 200, 90)).save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def test_scrolling_the_list_loads_more(qtbot, family, open_page) -> None:
    session, child = family
    bulk(session, child, 400)
    page = open_page()
    assert page.model.rowCount() == 50 and "400 observations" in page.status.text()
    for _ in range(6):
        page.view.scrollToBottom()
        qtbot.wait(20)
    assert page.model.rowCount() > 50


# -- adding and changing -------------------------------------------------------------------------
def test_add_an_observation_with_the_keyboard(qtbot, family, open_page) -> None:
    session, child = family
    page = open_page()
    assert "Nothing here yet" in page.empty.text()
    page.add.setFocus()
    qtbot.keyClick(page.add, Qt.Key_Space)
    dialog = dialog_of(page)
    dialog.area.setFocus()
    qtbot.keyClick(dialog.area, Qt.Key_Down)  # Talking and listening → Moving and using their body
    assert dialog.area.currentData() == "physical"
    assert "Rolling, sitting, walking" in dialog.area_line.text()
    qtbot.keyClicks(dialog.text, "Took three steps to the sofa")
    dialog.first.setFocus()
    qtbot.keyClick(dialog.first, Qt.Key_Space)
    assert dialog.first_title.isEnabled()
    qtbot.keyClicks(dialog.first_title, "First steps")
    qtbot.keyClicks(dialog.observed_by, "Grandma")
    qtbot.keyClick(dialog.observed_by, Qt.Key_Return)
    assert not dialog.isVisible()
    [shown] = page.shown_texts()
    assert "A first: First steps" in shown and "Written by you · seen by Grandma" in shown
    assert "Saved" in page.bar_text.text()
    [entry] = journal.timeline(session, child)
    assert journal.observation(entry).area == "physical"


def test_problems_are_shown_next_to_the_field_and_nothing_is_lost(qtbot, family, open_page) -> None:
    page = open_page()
    page.add.click()
    dialog = dialog_of(page)
    dialog.first.setChecked(True)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.summary.messages == ["Enter what the first was, for example first word.",
                                       "Enter what you saw."]
    assert dialog.errors["observation_text"].text() == "Enter what you saw."
    qtbot.keyClicks(dialog.first_title, "First laugh")
    dialog.save_button.click()
    assert not dialog.isVisible() and "A first: First laugh" in page.shown_texts()[0]


def test_change_with_the_mouse_keeps_history(qtbot, family, open_page) -> None:
    session, child = family
    entry = add(session, child, "Rolled over")
    page = open_page()
    assert not page.edit.isEnabled()
    rect = page.view.visualRect(page.model.index(0))
    qtbot.mouseClick(page.view.viewport(), Qt.LeftButton, pos=rect.center())
    assert page.edit.isEnabled()
    qtbot.mouseClick(page.edit, Qt.LeftButton)
    dialog = dialog_of(page)
    assert dialog.text.toPlainText() == "Rolled over" and dialog.save_button.text() == "Save changes"
    dialog.text.setPlainText("Rolled over both ways")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "Rolled over both ways" in page.shown_texts()[0]
    assert [h.data["text"] for h in session.records.history(entry.id)] == [
        "Rolled over", "Rolled over both ways"]


def test_enter_on_a_row_opens_it(qtbot, family, open_page) -> None:
    session, child = family
    add(session, child, "Clapped")
    page = open_page()
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.view, Qt.Key_Return)
    assert dialog_of(page).text.toPlainText() == "Clapped"
    qtbot.keyClick(page.dialog, Qt.Key_Escape)
    assert not page.dialog.isVisible()


def test_photos_are_added_in_the_dialog_and_shown(qtbot, family, open_page, tmp_path: Path) -> None:
    session, child = family
    page = open_page()
    page.add.click()
    dialog = dialog_of(page)
    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    dialog.add_photo_files([jpeg(tmp_path / "park.jpg"), big])
    qtbot.waitUntil(lambda: dialog.photos.count() == 1, timeout=10000)
    assert "huge.jpg: That photo is too big" in dialog.errors["photo"].text()
    qtbot.keyClicks(dialog.text, "At the park")
    dialog.save_button.click()
    assert not dialog.isVisible()
    [entry] = journal.timeline(session, child)
    assert len(journal.photos_of(session, entry.id)) == 1
    assert isinstance(page.model.data(page.model.index(0), Qt.DecorationRole), QPixmap)
    assert "1 photo" in page.shown_texts()[0]
    page.view.setCurrentIndex(page.model.index(0))
    page.edit.click()
    dialog = dialog_of(page)
    assert dialog.photos.count() == 1
    dialog.photos.list.setCurrentRow(0)
    dialog.photos.remove.click()
    dialog.save_button.click()
    assert journal.photos_of(session, entry.id) == []


# -- finding -----------------------------------------------------------------------------------
def test_search_box_finds_and_survives_odd_input(qtbot, family, open_page) -> None:
    session, child = family
    add(session, child, "Ate a banana at the café")
    add(session, child, "Splashed in the bath", when="2025-04-01")
    page = open_page()
    qtbot.keyClicks(page.search, "cafe")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=3000)
    assert "banana" in page.shown_texts()[0] and "Observations with the words" in page.status.text()
    page.search.clear()
    qtbot.keyClicks(page.search, '"bath" AND (')
    qtbot.keyClick(page.search, Qt.Key_Return)
    assert page.model.rowCount() == 1 and "Splashed" in page.shown_texts()[0]
    page.search.setText("zebra")
    qtbot.keyClick(page.search, Qt.Key_Return)
    assert page.model.rowCount() == 0 and page.empty.isVisible()
    assert "Nothing found for \u201czebra\u201d" in page.empty.text()


def test_filters_by_area_and_author(qtbot, family, open_page) -> None:
    session, child = family
    add(session, child, "Kicked a ball", "physical")
    session.use_as(KEY_WORKER)
    add(session, child, "Shared the toys", "personal_social_emotional")
    session.use_as(PARENT)
    page = open_page()
    assert page.model.rowCount() == 2
    page.area.setCurrentIndex(page.area.findData("physical"))
    assert [t.split("\n")[1] for t in page.shown_texts()] == ["Kicked a ball"]
    page.area.setCurrentIndex(0)
    authors = [page.author.itemText(i) for i in range(page.author.count())]
    assert authors == ["Everyone", "Sam Patel, key worker", "You"]
    page.author.setCurrentIndex(1)
    [shown] = page.shown_texts()
    assert "Shared the toys" in shown and "Written by Sam Patel, key worker" in shown
    page.area.setCurrentIndex(page.area.findData("physical"))
    assert page.model.rowCount() == 0 and "All areas" in page.empty.text()


# -- archiving ---------------------------------------------------------------------------------
def test_archive_with_the_delete_key_and_undo(qtbot, family, open_page) -> None:
    session, child = family
    entry = add(session, child, "Waved bye")
    page = open_page()
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0))
    qtbot.keyClick(page.view, Qt.Key_Delete)
    assert page.model.rowCount() == 0 and page.bar.isVisible() and page.undo.isVisible()
    assert "archived: it is hidden, not deleted" in page.bar_text.text()
    assert page.undo.hasFocus()
    qtbot.keyClick(page.undo, Qt.Key_Space)
    assert page.model.rowCount() == 1 and not page.undo.isVisible()
    assert [h.action for h in session.records.history(entry.id)] == ["created", "archived", "restored"]


def test_no_child_explains_what_to_do(qtbot, tmp_path: Path) -> None:
    from familyfile.services import session as sessions
    from tests.conftest import FAST_KDF, PASSPHRASE

    opened = sessions.create(tmp_path / "empty.familyfile", PASSPHRASE, kdf=FAST_KDF)
    try:
        page = JournalPage(PageContext(opened, TaskRunner()))
        qtbot.addWidget(page)
        assert not page.add.isEnabled() and "Add a child first" in page.empty.text()
    finally:
        opened.close()

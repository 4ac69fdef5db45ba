"""The milestones page: the band for the (corrected) age first, big answer buttons reached by
keyboard and mouse, the date first seen, and a friendly note — never an alarm."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from familyfile.clock import FixedClock
from familyfile.services import milestones
from familyfile.services.session import FamilySession
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.milestones import MilestonesPage
from familyfile.ui.tasks import TaskRunner
from tests.ui.drive import show_page


@pytest.fixture
def family(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2024, 9, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01: 6 months old


def preterm(session: FamilySession, child: str, weeks: int = 33) -> None:
    session.records.add(child_id=child, kind="birth", occurred_on="2024-03-01",
                        data={"gestation_weeks": weeks, "gestation_days": 0})


@pytest.fixture
def open_page(qtbot, family):
    session, _child_id = family
    return lambda: show_page(qtbot, MilestonesPage, session)


def test_the_band_for_the_corrected_age_comes_first(qtbot, family, open_page) -> None:
    session, child = family
    preterm(session, child)
    page = open_page()
    assert page.band.currentData() == "3-6m" and page.band.itemText(0) == (
        "3 to 6 months (your child's age now)")
    assert "born at 33 weeks" in page.age.text().casefold() and "corrected age" in page.age.text()
    assert list(page.rows)[:2] == ["m4-oooh", "m4-talks-back"]  # talking and listening first
    page.band.setCurrentIndex(page.band.findData("6-12m"))
    assert "m9-sits" in page.rows and "m4-oooh" not in page.rows


def test_answer_buttons_by_keyboard_and_mouse(qtbot, family, open_page) -> None:
    session, child = family
    page = open_page()  # 6 months, term: band 6 to 12 months
    row = page.rows["m9-sits"]
    buttons = [row.buttons[k] for k in ("not-yet", "sometimes", "yes")]
    assert [b.text() for b in buttons] == ["Not yet", "Sometimes", "Yes"]
    assert all(b.focusPolicy() & Qt.TabFocus for b in buttons)
    assert min(b.sizeHint().height() for b in buttons) >= 2 * buttons[0].fontMetrics().height()
    buttons[0].setFocus()
    qtbot.keyClick(buttons[0], Qt.Key_Tab)
    assert QApplication.focusWidget() is buttons[1]
    qtbot.keyClick(buttons[1], Qt.Key_Space)
    assert buttons[1].isChecked() and row.seen_row.isVisible()
    assert page.first_seen_text("m9-sits") == "1 Sep 2024"
    assert QApplication.focusWidget() is buttons[1]  # the row is updated in place
    qtbot.mouseClick(buttons[2], Qt.LeftButton)
    assert buttons[2].isChecked() and not buttons[1].isChecked()
    found = milestones.checklist(session, child).status("m9-sits")
    assert found.answer_key == "yes" and found.answer.first_seen == date(2024, 9, 1)
    assert [h.data["answer"] for h in milestones.history(session, child, "m9-sits")] == [
        "sometimes", "yes"]


def test_changing_the_date_first_seen(qtbot, family, open_page) -> None:
    session, child = family
    page = open_page()
    row = page.rows["m9-sits"]
    row.buttons["yes"].click()
    row.seen.setDate(QDate(2024, 8, 15))
    row.seen.editingFinished.emit()
    found = milestones.checklist(session, child).status("m9-sits")
    assert found.answer.first_seen == date(2024, 8, 15)


def test_a_friendly_note_only_for_not_yet_past_the_usual_age(qtbot, family, open_page) -> None:
    session, child = family
    session._vault.clock = FixedClock(datetime(2024, 12, 10, 12, tzinfo=UTC))  # 9 months old
    page = open_page()
    row = page.rows["m9-sits"]
    assert row.note.isHidden()
    row.buttons["not-yet"].click()
    assert row.note.isVisible()
    text = row.note.findChild(type(page.age), "noteText").text()
    assert text == "It may be worth talking to your health visitor about this."
    assert "!" not in text and "warning" not in text.casefold()
    page.rows["m12-waves"].buttons["not-yet"].click()
    assert page.rows["m12-waves"].note.isHidden()  # most children wave by 12 months
    row.buttons["yes"].click()
    assert row.note.isHidden()


def test_earlier_not_yet_shows_a_gentle_summary(qtbot, family, open_page) -> None:
    session, child = family
    milestones.answer(session, child, "m4-holds-toy", "not-yet")
    page = open_page()
    assert page.mention.isVisible()
    words = page.mention.findChild(type(page.age), "noteText").text()
    assert "Holds on to a toy when you put it in their hand." in words
    assert "health visitor" in words


def test_the_answer_is_shown_by_more_than_colour(qtbot, family, open_page) -> None:
    page = open_page()
    row = page.rows["m9-sits"]
    row.buttons["yes"].click()
    assert not row.buttons["yes"].icon().isNull() and row.buttons["not-yet"].icon().isNull()
    assert isinstance(row.buttons["yes"], QPushButton) and row.buttons["yes"].isChecked()


def test_no_child_explains_what_to_do(qtbot, tmp_path) -> None:
    from familyfile.services import session as sessions
    from tests.conftest import FAST_KDF, PASSPHRASE

    opened = sessions.create(tmp_path / "empty.familyfile", PASSPHRASE, kdf=FAST_KDF)
    try:
        page = MilestonesPage(PageContext(opened, TaskRunner()))
        qtbot.addWidget(page)
        page.show()
        assert page.empty.isVisible() and page.rows == {}
    finally:
        opened.close()

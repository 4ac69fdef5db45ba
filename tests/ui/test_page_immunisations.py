"""The Immunisations page, driven like a person: keyboard only, mouse, a mistyped date,
declined and given abroad, changing a record; and the table model under qtmodeltester."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from familyfile.domain import immunisations as rules
from familyfile.domain.immunisations import DoseDraft
from familyfile.services import immunisation_words as words
from familyfile.services import immunisations
from familyfile.services import session as sessions
from familyfile.ui.models.immunisations_model import (
    ENTRY_ROLE,
    STATE_COLOURS,
    STATE_ROLE,
    STATUS,
    ImmunisationsModel,
)
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.immunisation_form import DoseDialog
from familyfile.ui.pages.immunisations import ImmunisationsPage
from familyfile.ui.sections import sections
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.drive import show_page, tab_until


@pytest.fixture
def clock_at() -> datetime:
    return datetime(2025, 10, 1, 9, tzinfo=UTC)


@pytest.fixture
def born() -> str:
    return "2025-06-01"


@pytest.fixture
def page(qtbot, session: sessions.FamilySession) -> ImmunisationsPage:
    return show_page(qtbot, ImmunisationsPage, session, (1000, 800))


def child_id(page: ImmunisationsPage) -> str:
    found = page.child_id()
    assert found is not None
    return found


def row_of(page: ImmunisationsPage, vaccine: str, dose: int) -> int:
    text = words.dose_text(vaccine, dose)
    return next(r for r in range(page.model.rowCount()) if page.model.row(r).vaccine == text)


def status_of(page: ImmunisationsPage, vaccine: str, dose: int) -> tuple[str, str]:
    row = page.model.row(row_of(page, vaccine, dose))
    return row.state, row.status


def open_dialog(qtbot, page: ImmunisationsPage) -> DoseDialog:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isActiveWindow())
    assert page.dialog is not None
    return page.dialog


def choose_with_mouse(qtbot, combo, data: str) -> None:
    qtbot.mouseClick(combo, Qt.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a combo ignores a too-quick release
    rect = view.visualRect(combo.model().index(combo.findData(data), 0))
    qtbot.mouseMove(view.viewport(), rect.center())
    qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: combo.currentData() == data)


def test_the_section_is_registered() -> None:
    assert "immunisations" in [s.key for s in sections()]


def test_what_is_due_next_is_said_in_words_and_colour(page: ImmunisationsPage) -> None:
    assert page.next_state.text() == "Overdue"
    assert page.next_text.text().startswith("The 8-week vaccinations were due on 27 July:")
    assert "6-in-1 (DTaP/IPV/Hib/HepB), dose 1" in page.next_text.text()
    assert STATE_COLOURS[rules.OVERDUE][1] in page.next_card.styleSheet()
    assert page.next_card.accessibleName().startswith("Overdue. ")
    row = row_of(page, "pcv", 1)
    index = page.model.index(row, STATUS)
    assert page.model.data(index) == "Due now (since 21 September)"
    assert page.model.data(index, STATE_ROLE) == rules.DUE
    assert page.model.data(index, Qt.BackgroundRole).color().name() == STATE_COLOURS[rules.DUE][1]
    assert "complete routine immunisation schedule" in page.source.text()


def test_record_a_dose_with_the_keyboard(qtbot, page: ImmunisationsPage) -> None:
    page.record.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(page.record, Qt.Key_Space)
    dialog = open_dialog(qtbot, page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    tab_until(qtbot, dialog.vaccine, limit=20)
    qtbot.keyClick(dialog.vaccine, Qt.Key_Down)
    assert dialog.vaccine.currentData() == "6in1"
    assert dialog.route.currentData() == "intramuscular"  # filled in from the schedule data
    tab_until(qtbot, dialog.date, limit=20)
    qtbot.keyClicks(dialog.date, "28/7/2025")
    tab_until(qtbot, dialog.batch, limit=20)
    qtbot.keyClicks(dialog.batch, "AB123C")
    qtbot.keyClick(dialog.batch, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert status_of(page, "6in1", 1) == (rules.GIVEN, "Given on 28 July")
    details = page.model.row(row_of(page, "6in1", 1)).details
    assert "batch AB123C" in details
    (entry, record), = immunisations.records(page.context.session, child_id(page))
    assert (record.dose, record.batch, record.route) == (1, "AB123C", "intramuscular")


def test_record_given_abroad_with_the_mouse(qtbot, page: ImmunisationsPage) -> None:
    qtbot.mouseClick(page.record, Qt.LeftButton)
    dialog = open_dialog(qtbot, page)
    assert not dialog.blocks["country"].isVisible()
    qtbot.mouseClick(dialog.abroad, Qt.LeftButton, pos=QPoint(8, dialog.abroad.height() // 2))
    assert dialog.abroad.isChecked() and dialog.blocks["country"].isVisible()
    choose_with_mouse(qtbot, dialog.vaccine, "menb")
    dialog.date.setFocus(Qt.MouseFocusReason)
    qtbot.keyClicks(dialog.date, "2025-07-30")
    qtbot.keyClicks(dialog.country, "France")
    qtbot.mouseClick(dialog.save, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert status_of(page, "menb", 1) == (rules.GIVEN, "Given on 30 July abroad or elsewhere (France)")


def test_a_mistyped_date_is_shown_next_to_the_field_and_input_is_kept(qtbot, page) -> None:
    page.record_dose()
    dialog = open_dialog(qtbot, page)
    dialog.vaccine.setCurrentIndex(dialog.vaccine.findData("menb"))
    qtbot.keyClicks(dialog.date, "31/2/2025")
    qtbot.keyClicks(dialog.product, "Bexsero")
    qtbot.mouseClick(dialog.save, Qt.LeftButton)
    message = "Enter the date of the vaccination as a real date, for example 27/3/2025."
    error = dialog.errors["vaccination_date"]
    assert error.isVisible() and error.text() == message
    assert error.parentWidget() is dialog.date.parentWidget()  # in the field's own block
    assert dialog.summary.isVisible() and dialog.summary.messages == [message]
    assert (dialog.date.text(), dialog.product.text()) == ("31/2/2025", "Bexsero")
    assert immunisations.records(page.context.session, child_id(page)) == []
    dialog.date.clear()
    qtbot.keyClicks(dialog.date, "30/7/2025")
    qtbot.mouseClick(dialog.save, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert status_of(page, "menb", 1)[0] == rules.GIVEN


def test_declined_hides_what_was_not_given(qtbot, page: ImmunisationsPage) -> None:
    dialog = page.record_dose()
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.declined.setChecked(True)
    assert not dialog.blocks["batch"].isVisible() and dialog.blocks["given_where"].isVisible()
    assert dialog.date_label.text() == "Date it was declined"
    dialog.vaccine.setCurrentIndex(dialog.vaccine.findData("rotavirus"))
    qtbot.keyClicks(dialog.date, "1/8/2025")
    qtbot.mouseClick(dialog.save, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    assert status_of(page, "rotavirus", 1) == (rules.DECLINED, "Declined on 1 August")


def test_change_a_record_from_the_table(qtbot, page: ImmunisationsPage) -> None:
    session = page.context.session
    entry = immunisations.add(session, child_id(page), DoseDraft("2025-07-28", "6in1", batch="OLD1"))
    page.refresh()
    assert page.change_chosen() is None and "First choose" in page.how_to_change.text()
    row = row_of(page, "6in1", 1)
    assert page.model.data(page.model.index(row, 0), ENTRY_ROLE) == entry.id
    page.table.setFocus(Qt.TabFocusReason)
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert page.chosen_entry_id() == entry.id
    qtbot.keyClick(page.table, Qt.Key_Return)
    dialog = open_dialog(qtbot, page)
    assert (dialog.date.text(), dialog.batch.text()) == ("28/7/2025", "OLD1")
    assert dialog.vaccine.currentData() == "6in1" and dialog.dose.currentData() == "1"
    assert dialog.save.text() == "Save changes"
    dialog.batch.clear()
    qtbot.keyClicks(dialog.batch, "NEW2")
    qtbot.mouseClick(dialog.save, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.dialog is None)
    changed, record = immunisations.get(session, entry.id)
    assert (changed.version, record.batch) == (2, "NEW2")


def test_the_next_card_moves_on_when_doses_are_given(page: ImmunisationsPage) -> None:
    session = page.context.session
    for when, key in (("2025-07-28", "6in1"), ("2025-07-28", "menb"), ("2025-07-28", "rotavirus"),
                      ("2025-08-25", "6in1"), ("2025-08-25", "menb"), ("2025-08-25", "rotavirus")):
        immunisations.add(session, child_id(page), DoseDraft(when, key))
    page.refresh()
    assert page.next_state.text() == "Due now"
    assert page.next_text.text().startswith("The 16-week vaccinations have been due since 21 September")


def test_no_child_yet(qtbot, tmp_path: Path) -> None:
    empty = sessions.create(tmp_path / "e.familyfile", PASSPHRASE, kdf=FAST_KDF)
    try:
        shown = ImmunisationsPage(PageContext(empty, TaskRunner()))
        qtbot.addWidget(shown)
        shown.show()
        assert shown.no_child.isVisible() and not shown.record.isVisible()
        assert shown.record_dose() is None and shown.model.rowCount() == 0
    finally:
        empty.close()


def test_the_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    found = session.children()[0].id
    immunisations.add(session, found, DoseDraft("2025-07-28", "6in1"))
    immunisations.add(session, found, DoseDraft("2025-06-10", "bcg"))
    model = ImmunisationsModel()
    model.set_table(immunisations.status_table(session, found), date(2025, 10, 1))
    assert model.rowCount() == len(immunisations.planned(session, found)) + 1
    assert model.row(model.rowCount() - 1).age == "Other"
    qtmodeltester.check(model)
    model.set_table(None, date(2025, 10, 1))
    qtmodeltester.check(model)

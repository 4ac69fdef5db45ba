"""The Birth and newborn page and the Reviews page, driven like a person."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from familyfile.clock import FixedClock
from familyfile.services import birth, child_facts, reviews
from familyfile.ui.dialogs.birth_dialog import BirthDialog
from familyfile.ui.dialogs.review_dialogs import ContactDialog, IntegratedReviewDialog
from familyfile.ui.main_window import MainWindow
from familyfile.ui.models.reviews_model import ContactsModel
from familyfile.ui.pages.birth import BirthPage
from familyfile.ui.pages.reviews import ReviewsPage
from tests.ui.drive import shown, type_into


@pytest.fixture
def clock_at() -> datetime:
    return datetime(2024, 9, 1, 12, tzinfo=UTC)  # 6 months old


def open_page(window: MainWindow, key: str):
    window.show_section(key)
    return window.pages[key]


def test_birth_details_by_keyboard(qtbot, window: MainWindow) -> None:
    page = open_page(window, "birth")
    assert isinstance(page, BirthPage)
    assert "Nothing recorded yet" in page.birth.empty.text() and page.birth.empty.isVisible()
    qtbot.mouseClick(page.edit_button, Qt.LeftButton)
    dialog = shown(page, BirthDialog)
    type_into(qtbot, dialog, "gestation_weeks", "33")
    type_into(qtbot, dialog, "gestation_days", "2")
    type_into(qtbot, dialog, "birth_weight_kg", "1950")  # grams typed into kilograms
    qtbot.keyClick(dialog.inputs["birth_weight_kg"], Qt.Key_Return)
    assert dialog.isVisible()
    assert "did you mean 1.95 kg" in dialog.errors["birth_weight_kg"].text()
    assert dialog.inputs["gestation_weeks"].text() == "33"  # nothing typed is lost
    type_into(qtbot, dialog, "birth_weight_kg", "1.95")
    hips = dialog.inputs["nipe_72h.hips"]
    assert isinstance(hips, QComboBox)
    hips.setCurrentIndex(hips.findData("referred"))
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    child_id = window.context.current_child().id
    record, entry = birth.current(window.context.session, child_id)
    assert record.birth_weight_kg == 1.95 and record.nipe_72h == {"hips": "referred"}
    assert child_facts.gestation(window.context.session, child_id).weeks == 33
    assert "33+2 weeks" in page.birth.text("gestation") and "early" in page.birth.text("gestation")
    assert "Hips: Referred" in page.checks.text("nipe_72h")
    # Editing again keeps the history.
    qtbot.mouseClick(page.edit_button, Qt.LeftButton)
    again = shown(page, BirthDialog)
    assert again.inputs["gestation_weeks"].text() == "33"
    type_into(qtbot, again, "birth_head_cm", "30.5")
    qtbot.mouseClick(again.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert len(window.context.session.records.history(entry.id)) == 2


def test_reviews_show_due_and_record_one(qtbot, window: MainWindow) -> None:
    page = open_page(window, "reviews")
    assert isinstance(page, ReviewsPage)
    states = {page.model.status(r).definition.key: page.model.index(r, 1).data()
              for r in range(page.model.rowCount())}
    assert states["new_baby"] == "Overdue" and states["one_year"] == "Coming up"
    assert "Overdue: New baby review" in page.due.text()
    qtbot.mouseClick(page.add_contact, Qt.LeftButton)
    dialog = shown(page, ContactDialog)
    dialog.set_value("contact", "new_baby")
    type_into(qtbot, dialog, "on", "12/03/2024")
    type_into(qtbot, dialog, "who", "Jo Hart")
    qtbot.keyClick(dialog.inputs["who"], Qt.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = [r for r in range(page.model.rowCount()) if page.model.status(r).definition.key == "new_baby"][0]
    assert page.model.index(row, 1).data() == "Done"
    assert page.model.index(row, 2).data() == "12 Mar 2024"


def test_two_year_review_score_rules(qtbot, window: MainWindow) -> None:
    window.context.session._vault.clock = FixedClock(datetime(2026, 5, 1, tzinfo=UTC))
    page = open_page(window, "reviews")
    qtbot.mouseClick(page.add_two_year, Qt.LeftButton)
    dialog = shown(page, IntegratedReviewDialog)
    type_into(qtbot, dialog, "on", "20 Apr 2026")
    dialog.set_value("score.communication", "35")
    dialog.set_value("outcome.communication", "monitoring")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    latest = reviews.latest_review(window.context.session, window.context.current_child().id)
    assert latest is not None and latest[0].asq_scores == {"communication": 35}
    assert "Communication: 35" in page.two_year_text.text()


def test_contacts_model_passes_the_model_tester(qtmodeltester, make_family) -> None:
    model = ContactsModel()
    model.set_rows(reviews.contact_statuses(make_family, make_family.children()[0].id))
    qtmodeltester.check(model)
    assert model.rowCount() == 7

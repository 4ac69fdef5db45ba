"""The involvement history page, driven like a person: keyboard, mouse, mistakes, the lead."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication

from familyfile.domain.involvement import InvolvementDraft
from familyfile.services import involvement as service
from familyfile.services import session as sessions
from familyfile.ui.models.involvement_model import InvolvementModel
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.involvement import InvolvementPage
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.drive import show_page, tab_until


@pytest.fixture
def clock_at() -> datetime:
    return datetime(2026, 3, 20, 9, tzinfo=UTC)


@pytest.fixture
def page(qtbot, session: sessions.FamilySession) -> InvolvementPage:
    return show_page(qtbot, InvolvementPage, session)


def child_id(page: InvolvementPage) -> str:
    child = page.context.current_child()
    assert child is not None
    return child.id


def tick(qtbot, box) -> None:
    """Click a tick box on its box (a wide one only reacts on its box and words)."""
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(6, box.height() // 2))


def test_add_with_the_keyboard_only(qtbot, page: InvolvementPage) -> None:
    form = page.form
    page.add_button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(page.add_button, Qt.Key_Space)
    assert form.agency.hasFocus()
    for _ in range(6):  # health visitor → … → speech and language therapy
        qtbot.keyClick(form.agency, Qt.Key_Down)
    assert form.agency.currentData() == "speech_language"
    assert "talking" in form.agency_hint.text()
    tab_until(qtbot, form.organisation)
    qtbot.keyClicks(form.organisation, "Riverside Clinic")
    tab_until(qtbot, form.team)
    qtbot.keyClicks(form.team, "Early years")
    tab_until(qtbot, form.professional)
    qtbot.keyClicks(form.professional, "Sam Patel")
    tab_until(qtbot, form.lead)
    qtbot.keyClick(form.lead, Qt.Key_Space)
    tab_until(qtbot, form.role, limit=40)
    qtbot.keyClicks(form.role, "Speech therapist")
    qtbot.keyClick(form.role, Qt.Key_Return)
    assert page.saved.isVisible() and "Saved" in page.saved.text()
    rows = page.listed()
    assert len(rows) == 1 and "Speech and language therapy" in rows[0] and "Sam Patel" in rows[0]
    assert "Lead professional" in rows[0]
    assert "Sam Patel" in page.lead_text.text()
    assert form.organisation.text() == ""  # ready for the next one


def test_add_with_the_mouse_and_a_social_care_entry_is_marked(qtbot, page: InvolvementPage) -> None:
    form = page.form
    form.agency.setCurrentIndex(form.agency.findData("social_care"))
    assert "family" in form.agency_hint.text()
    qtbot.mouseClick(form.organisation, Qt.LeftButton)
    qtbot.keyClicks(form.organisation, "Northfield Council")
    form.start.setDate(QDate(2025, 9, 1))
    tick(qtbot, form.team_around_child)
    qtbot.mouseClick(form.save, Qt.LeftButton)
    rows = page.listed()
    assert len(rows) == 1 and "Recorded by your family" in rows[0]
    assert "Northfield Council" in page.team_text.text()
    assert "Recorded by your family" in page.team_text.text()


def test_a_mistake_shows_next_to_the_field_and_keeps_what_was_typed(qtbot, page: InvolvementPage) -> None:
    form = page.form
    qtbot.keyClicks(form.team, "Early years")
    qtbot.keyClicks(form.contact, "sam@")
    form.start.setDate(QDate(2025, 5, 1))
    tick(qtbot, form.has_ended)
    assert form.end.isVisible()
    form.end.setDate(QDate(2025, 4, 1))
    qtbot.mouseClick(form.save, Qt.LeftButton)
    errors = form.fields.errors
    assert errors["organisation"].isVisible() and "organisation" in errors["organisation"].text()
    assert errors["contact"].isVisible() and "email" in errors["contact"].text()
    assert errors["end_date"].isVisible() and "end date" in errors["end_date"].text()
    assert not errors["team"].isVisible()
    assert form.summary.isVisible() and len(form.summary.messages) == 3
    assert form.team.text() == "Early years" and form.contact.text() == "sam@"
    assert form.end.date() == QDate(2025, 4, 1)
    assert page.listed() == []
    form.fields.focus("organisation")
    assert QApplication.focusWidget() is form.organisation


def test_edit_end_and_history(qtbot, page: InvolvementPage, session) -> None:
    added = service.add(session, child_id(page), InvolvementDraft(
        "speech_language", "Riverside Clinic", "2025-05-01", professional="Sam Patel"))
    page.refresh()
    page.current_view.selectRow(0)
    qtbot.mouseClick(page.change_button, Qt.LeftButton)
    assert page.form.editing is not None and page.form.organisation.text() == "Riverside Clinic"
    page.form.organisation.selectAll()
    qtbot.keyClicks(page.form.organisation, "Riverside Children's Clinic")
    qtbot.keyClick(page.form.organisation, Qt.Key_Return)
    assert "Riverside Children's Clinic" in page.listed()[0]
    assert [h.action for h in service.history(session, service.get(session, added.id))] == [
        "created", "edited"]

    page.current_view.selectRow(0)
    qtbot.mouseClick(page.end_button, Qt.LeftButton)
    assert page.form.has_ended.isChecked() and page.form.end.date() == QDate(2026, 3, 20)
    assert QApplication.focusWidget() is page.form.outcome
    qtbot.keyClicks(page.form.outcome, "Talking in sentences now")
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert page.current_model.rowCount() == 0 and page.past_model.rowCount() == 1
    assert "20 Mar 2026" in page.listed()[0]
    assert service.get(session, added.id).entry.version == 3


def test_one_lead_professional(qtbot, page: InvolvementPage, session) -> None:
    child = child_id(page)
    service.add(session, child, InvolvementDraft("early_help", "Family Hub", "2025-01-01",
                                                 professional="Jo Reed", lead=True))
    service.add(session, child, InvolvementDraft("health_visiting", "HV team", "2024-03-10",
                                                 professional="Priya Shah"))
    page.refresh()
    assert "Jo Reed" in page.lead_text.text()
    # Ticking "lead" on another one is refused next to the tick box.
    page.current_view.selectRow(1)
    qtbot.mouseClick(page.change_button, Qt.LeftButton)
    tick(qtbot, page.form.lead)
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert page.form.fields.errors["lead"].isVisible()
    assert "only be one" in page.form.fields.errors["lead"].text()
    assert page.form.organisation.text() == "HV team" and page.form.lead.isChecked()
    qtbot.mouseClick(page.form.cancel, Qt.LeftButton)
    assert page.form.editing is None
    # "Make lead professional" moves it.
    page.current_view.selectRow(1)
    qtbot.mouseClick(page.lead_button, Qt.LeftButton)
    assert "Priya Shah" in page.lead_text.text() and "Priya Shah" in page.saved.text()
    lead = service.lead_professional(session, child)
    assert lead is not None and lead.involvement.professional == "Priya Shah"


def test_no_child_yet(qtbot, tmp_path: Path) -> None:
    empty = sessions.create(tmp_path / "e.familyfile", PASSPHRASE, kdf=FAST_KDF)
    try:
        shown = InvolvementPage(PageContext(empty, TaskRunner()))
        qtbot.addWidget(shown)
        assert not shown.isEnabled() and "Add a child first" in shown.why.text()
    finally:
        empty.close()


def test_the_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    child = session.children()[0].id
    records = [service.add(session, child, InvolvementDraft(
        "speech_language", "Riverside Clinic", "2025-05-01", professional="Sam Patel", lead=True)),
        service.add(session, child, InvolvementDraft("social_care", "Council", "2024-05-01",
                                                     end_date="2025-01-01"))]
    model = InvolvementModel(records)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.text(0, 0) == "Speech and language therapy\nRiverside Clinic"
    assert model.text(0, 2).startswith("Since 1 May 2025\nLead professional")
    assert "Recorded by your family" in model.text(1, 2) and "1 May 2024 to 1 Jan 2025" in model.text(1, 2)
    assert model.data(model.index(0, 0), Qt.UserRole) is records[0]
    model.set_records([])
    qtmodeltester.check(model)

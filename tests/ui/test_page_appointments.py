"""The appointments page, driven like a person: add, change, went, missed with a reason."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import QApplication

from familyfile.domain import appointments as rules
from familyfile.domain.appointments import AppointmentDraft
from familyfile.domain.involvement import InvolvementDraft
from familyfile.services import appointments as service
from familyfile.services import involvement as involvements
from familyfile.services import session as sessions
from familyfile.ui.models.appointments_model import AppointmentRow, AppointmentsModel
from familyfile.ui.pages.appointments import AppointmentsPage
from tests.ui.drive import show_page

NOW = datetime(2026, 3, 20, 9, tzinfo=UTC)


@pytest.fixture
def clock_at() -> datetime:
    return NOW


@pytest.fixture
def page(qtbot, session: sessions.FamilySession) -> AppointmentsPage:
    return show_page(qtbot, AppointmentsPage, session)


def child_id(page: AppointmentsPage) -> str:
    child = page.context.current_child()
    assert child is not None
    return child.id


def set_when(page: AppointmentsPage, year: int, month: int, day: int, hour: int, minute: int) -> None:
    page.form.when.setDateTime(QDateTime(QDate(year, month, day), QTime(hour, minute),
                                         QTimeZone.utc()))


def test_add_with_the_keyboard_in_uk_time_across_the_clock_change(qtbot, page, session) -> None:
    helper = involvements.add(session, child_id(page), InvolvementDraft(
        "speech_language", "Riverside Clinic", "2025-05-01", professional="Sam Patel"))
    page.refresh()
    form = page.form
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    assert form.when.hasFocus() and form.editing is None
    set_when(page, 2026, 3, 29, 10, 0)  # the first morning of summer time
    for _ in range(6):  # Tab walks the day, month, year, hour and minute, then moves on
        if form.place.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert form.place.hasFocus()
    qtbot.keyClicks(form.place, "Riverside Clinic")
    qtbot.keyClick(form.place, Qt.Key_Tab)
    assert form.with_involvement.hasFocus()
    qtbot.keyClick(form.with_involvement, Qt.Key_Down)
    assert form.with_involvement.currentData() == helper.id
    assert not form.with_text.isVisible()
    form.reason.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(form.reason, "Speech therapy")
    qtbot.keyClick(form.reason, Qt.Key_Return)
    assert "Saved" in page.saved.text()
    saved = service.list_all(session, child_id(page))[0]
    assert saved.entry.data["when_utc"] == "2026-03-29T09:00:00Z"
    row = page.listed()[0]
    assert "29 Mar 2026" in row and "10:00" in row and "Sam Patel" in row and "Coming up" in row


def test_add_with_the_mouse(qtbot, page, session) -> None:
    form = page.form
    set_when(page, 2026, 4, 2, 14, 30)
    qtbot.mouseClick(form.place, Qt.LeftButton)
    qtbot.keyClicks(form.place, "Family Hub")
    qtbot.mouseClick(form.with_text, Qt.LeftButton)
    qtbot.keyClicks(form.with_text, "Jo Reed")
    qtbot.mouseClick(form.accompanied_by, Qt.LeftButton)
    qtbot.keyClicks(form.accompanied_by, "Grandad")
    qtbot.mouseClick(form.save, Qt.LeftButton)
    assert page.coming_model.rowCount() == 1
    assert "Jo Reed" in page.listed()[0] and "Going with: Grandad" in page.listed()[0]


def test_a_mistake_shows_next_to_the_field_and_keeps_what_was_typed(qtbot, page) -> None:
    form = page.form
    set_when(page, 2026, 3, 29, 1, 30)  # the hour the clocks skip
    qtbot.keyClicks(form.reason, "Hearing test")
    qtbot.mouseClick(form.save, Qt.LeftButton)
    errors = form.fields.errors
    assert errors["when"].isVisible() and "clocks go forward" in errors["when"].text()
    assert errors["place"].isVisible() and "place" in errors["place"].text()
    assert form.summary.isVisible() and len(form.summary.messages) == 2
    assert form.reason.text() == "Hearing test"
    assert form.when.dateTime().toString("yyyy-MM-dd HH:mm") == "2026-03-29 01:30"
    assert page.listed() == []


def test_mark_went_and_missed_with_a_reason(qtbot, page, session) -> None:
    child = child_id(page)
    service.add(session, child, AppointmentDraft("2026-03-18 10:00", "Clinic", reason="Review"))
    service.add(session, child, AppointmentDraft("2026-03-12 09:15", "Audiology"))
    page.refresh()
    assert page.past_model.rowCount() == 2 and "Not marked yet" in page.listed()[0]
    page.past_view.selectRow(0)
    qtbot.mouseClick(page.went_button, Qt.LeftButton)
    assert "Went" in page.listed()[0]

    page.past_view.selectRow(1)
    qtbot.mouseClick(page.missed_button, Qt.LeftButton)
    form = page.form
    assert form.status.currentData() == rules.MISSED and form.status_reason.isVisible()
    assert form.status_reason.hasFocus()
    qtbot.mouseClick(form.save, Qt.LeftButton)  # no reason chosen yet
    assert form.fields.errors["status_reason"].isVisible()
    assert form.status.currentData() == rules.MISSED  # kept
    form.status.setCurrentIndex(form.status.findData(rules.NOT_BROUGHT))
    qtbot.keyClick(form.status_reason, Qt.Key_Down)
    qtbot.keyClick(form.status_reason, Qt.Key_Down)
    assert form.status_reason.currentData() == "travel"
    qtbot.keyClicks(form.status_note, "The bus did not come")
    qtbot.keyClick(form.status_note, Qt.Key_Return)
    assert "Not brought: We could not get there" in page.listed()[1]
    assert "The bus did not come" in page.listed()[1]
    stored = service.list_all(session, child)[0]
    assert [h.action for h in service.history(session, stored)] == ["created", "edited"]


def test_a_future_appointment_cannot_be_marked_as_went(qtbot, page, session) -> None:
    service.add(session, child_id(page), AppointmentDraft("2026-04-01 10:00", "Clinic"))
    page.refresh()
    page.coming_view.selectRow(0)
    qtbot.mouseClick(page.change_button, Qt.LeftButton)
    page.form.status.setCurrentIndex(page.form.status.findData(rules.ATTENDED))
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert page.form.fields.errors["status"].isVisible()
    qtbot.mouseClick(page.form.cancel, Qt.LeftButton)
    page.coming_view.selectRow(0)
    qtbot.mouseClick(page.cancel_button, Qt.LeftButton)
    assert page.form.status.currentData() == rules.CANCELLED
    qtbot.keyClicks(page.form.status_note, "They rang to move it")
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert "Cancelled" in page.listed()[0]
    assert service.upcoming(session, child_id(page), limit=3) == []


def test_the_model_passes_qtmodeltester(qtmodeltester, session) -> None:
    child = session.children()[0].id
    records = [service.add(session, child, AppointmentDraft("2026-03-29 10:00", "Clinic")),
               service.add(session, child, AppointmentDraft(
                   "2026-03-12 09:15", "Audiology", status="missed", status_reason="unwell"))]
    model = AppointmentsModel([AppointmentRow(r, "Sam Patel") for r in records], NOW)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 3
    assert model.text(0, 0) == "Sun 29 Mar 2026\n10:00"
    assert model.text(0, 1) == "Clinic\nSam Patel"
    assert model.text(1, 2) == "Missed: Someone was unwell"
    assert model.data(model.index(1, 0), Qt.UserRole) is records[1]
    model.set_rows([], NOW)
    qtmodeltester.check(model)

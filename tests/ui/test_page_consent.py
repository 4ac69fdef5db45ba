"""The consent page, driven like a person: the matrix by mouse and keyboard, the dialog, taking
consent back, reviews due, the notice, teams, the history and the "check" panel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from familyfile.domain.child import ChildDraft
from familyfile.domain.entry import Author
from familyfile.services import consent
from familyfile.services import session as sessions
from familyfile.ui.models.consent_history_model import ConsentHistoryModel
from familyfile.ui.models.consent_model import ConsentMatrixModel
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.consent import ConsentPage
from familyfile.ui.tasks import TaskRunner
from tests.ui.consent_family import (
    TEAM_NAME,
    Family,
    click_cell,
    history_rows,
    open_session,
    tab_until,
    tick,
)
from tests.ui.consent_fixtures import consenting_family_fixture, own_session_fixture  # noqa: F401


@pytest.fixture
def page(qtbot, session: sessions.FamilySession, family: Family) -> ConsentPage:
    shown = ConsentPage(PageContext(session, TaskRunner()))
    qtbot.addWidget(shown)
    shown.resize(1200, 900)
    shown.show()
    with qtbot.waitActive(shown):
        shown.activateWindow()
    return shown


def test_the_notice_and_the_cells_in_words(page: ConsentPage, family: Family) -> None:
    assert page.notice.isVisible()
    assert page.notice_text.text() == consent.notice()
    assert "without asking you" in page.notice_text.text()
    assert page.cell_text(family.team.id, "health") == "Yes"
    assert page.cell_text(family.nursery.id, "health") == "Yes (team)"
    assert page.cell_text(family.nursery.id, "development") == "Yes until 3 Mar 2027"
    assert page.cell_text(family.social.id, "health") == "No"
    assert page.cell_text(family.social.id, "family_circumstances") == "Ask each time"
    assert page.cell_text(family.slt.id, "identity") == "Not asked yet"
    model = page.model
    assert model.text(0, model.private_column) == "Never"
    assert model.headerData(model.private_column, Qt.Horizontal) == "Private"
    tip = model.headerData(model.column_of("health"), Qt.Horizontal, Qt.ToolTipRole)
    assert "weight and height" in tip and "If you say yes" in tip
    row = model.row_of(family.nursery.id)
    assert model.text(row, 0) == "Nursery or childminder\nLittle Acorns Nursery\nIn the team"
    assert TEAM_NAME in model.data(model.index(row, 0), Qt.ToolTipRole)
    assert model.data(model.index(row, 1), Qt.DecorationRole) is not None  # an icon as well


def test_a_review_due_says_so_in_words_and_colour(qtbot, page: ConsentPage, family: Family) -> None:
    assert page.cell_text(family.hv.id, "identity") == "Yes\nReview due"
    index = page.index_of(family.hv.id, "identity")
    assert page.model.data(index, Qt.BackgroundRole) is not None
    assert "Review due" in page.model.data(index, Qt.AccessibleTextRole)
    assert page.reviews_due.isVisible() and "1 choice is due" in page.reviews_due_text.text()
    dialog = click_cell(qtbot, page, family.hv.id, "identity")
    assert dialog is not None and dialog.isVisible() and dialog.review_button.isVisible()
    qtbot.mouseClick(dialog.review_button, Qt.LeftButton)
    assert page.cell_text(family.hv.id, "identity") == "Yes"
    assert not page.reviews_due.isVisible()
    assert "still right" in page.saved.text()
    assert history_rows(page)[0].split(" | ")[3].startswith("Looked at again: still yes")


def test_give_consent_with_the_mouse(qtbot, page: ConsentPage, family: Family,
                                     session: sessions.FamilySession) -> None:
    dialog = click_cell(qtbot, page, family.slt.id, "identity")
    assert dialog is not None and dialog.isVisible()
    assert "Speech and language therapy" in dialog.accessibleName()
    assert dialog.recorded_by.text() == "Recorded by: Parent"
    assert not dialog.withdraw_button.isVisible()  # nothing to take back yet
    tick(qtbot, dialog.inputs["purpose_referral"])
    qtbot.mouseClick(dialog.inputs["until"], Qt.LeftButton)
    qtbot.keyClicks(dialog.inputs["until"], "3 Mar 2027")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert page.cell_text(family.slt.id, "identity") == "Yes until 3 Mar 2027"
    assert "can have Name, address and contacts" in page.saved.text()
    event = consent.history(session, family.child_id, recipient_id=family.slt.id)[-1]
    assert (event.action, event.decision, event.how) == ("given", "permit", "app")
    assert [p.key for p in event.purposes] == ["care", "referral"]
    shown = dialog.explanation_note.findChild(QLabel, "noteText").text()
    assert event.explanation == shown == consent.explanation_for("identity")
    assert event.recorded_by == Author("parent")
    row = history_rows(page)[0]
    assert "Said yes" in row and "Until 3 Mar 2027" in row and "In the app\nby Parent" in row


def test_change_consent_with_the_keyboard(qtbot, page: ConsentPage, family: Family,
                                          session: sessions.FamilySession) -> None:
    view = page.view
    view.setFocus(Qt.TabFocusReason)
    assert view.currentIndex() == page.model.index(0, 1)  # lands on the first answer
    target = page.index_of(family.slt.id, "involvement")
    for _ in range(target.row()):
        qtbot.keyClick(view, Qt.Key_Down)
    for _ in range(target.column() - 1):
        qtbot.keyClick(view, Qt.Key_Right)
    assert view.currentIndex() == target
    qtbot.keyClick(view, Qt.Key_Return)
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    decision = dialog.inputs["decision"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is decision)  # the first field
    qtbot.keyClick(decision, Qt.Key_Down)
    assert decision.currentData() == "deny"
    how = dialog.inputs["how"]
    tab_until(qtbot, how)
    qtbot.keyClick(how, Qt.Key_Down)
    qtbot.keyClick(how, Qt.Key_Down)
    assert how.currentData() == "verbal"
    qtbot.keyClick(how, Qt.Key_Return)
    assert not dialog.isVisible()
    assert page.cell_text(family.slt.id, "involvement") == "No"
    assert view.currentIndex() == page.index_of(family.slt.id, "involvement")
    event = consent.history(session, family.child_id, recipient_id=family.slt.id)[-1]
    assert (event.decision, event.how) == ("deny", "verbal")
    # Space opens it too; Escape closes it and changes nothing.
    qtbot.keyClick(view, Qt.Key_Space)
    assert page.dialog is not dialog and page.dialog.isVisible()
    assert page.dialog.inputs["decision"].currentData() == "deny"  # what is in force now
    qtbot.keyClick(page.dialog, Qt.Key_Escape)
    assert page.cell_text(family.slt.id, "involvement") == "No"


def test_take_consent_back(qtbot, page: ConsentPage, family: Family) -> None:
    assert page.cell_text(family.nursery.id, "development") == "Yes until 3 Mar 2027"
    dialog = click_cell(qtbot, page, family.nursery.id, "development")
    assert dialog.inputs["purpose_education"].isChecked()
    assert not dialog.inputs["purpose_care"].isChecked()
    assert dialog.inputs["until"].text() == "3 Mar 2027"
    assert dialog.withdraw_button.isVisible()
    qtbot.mouseClick(dialog.withdraw_button, Qt.LeftButton)
    assert page.cell_text(family.nursery.id, "development") == "No, taken back"
    assert "took back" in page.saved.text()
    assert history_rows(page)[0].split(" | ")[3] == "Took it back"
    # Given again: "given", not "changed".
    dialog = click_cell(qtbot, page, family.nursery.id, "development")
    assert not dialog.withdraw_button.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert page.cell_text(family.nursery.id, "development") == "Yes"
    assert history_rows(page)[0].split(" | ")[3].startswith("Said yes")


def test_mistakes_show_next_to_the_field_and_in_the_summary(qtbot, page: ConsentPage,
                                                            family: Family) -> None:
    dialog = click_cell(qtbot, page, family.slt.id, "identity")
    tick(qtbot, dialog.inputs["purpose_care"])  # none ticked now
    qtbot.keyClicks(dialog.inputs["review_on"], "31 Feb 2027")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["purpose_care"].isVisible()
    assert dialog.errors["review_on"].isVisible() and "real date" in dialog.errors["review_on"].text()
    assert dialog.summary.isVisible() and len(dialog.summary.messages) == 2
    tick(qtbot, dialog.inputs["purpose_other"])
    dialog.inputs["review_on"].clear()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.errors["purpose_text"].isVisible()
    assert "your words" in dialog.errors["purpose_text"].text()
    qtbot.keyClicks(dialog.inputs["purpose_text"], "Moving house")
    qtbot.keyClick(dialog.inputs["purpose_text"], Qt.Key_Return)
    assert not dialog.isVisible()
    assert page.cell_text(family.slt.id, "identity") == "Yes"


def test_the_private_column_cannot_be_chosen(qtbot, page: ConsentPage, family: Family) -> None:
    index = page.model.index(page.model.row_of(family.hv.id), page.model.private_column)
    qtbot.mouseClick(page.view.viewport(), Qt.LeftButton, pos=page.view.visualRect(index).center())
    assert page.dialog is None
    assert page.saved.isVisible() and "never leave" in page.saved.text()


def test_no_child_yet(qtbot, tmp_path: Path) -> None:
    empty = open_session(tmp_path / "e.familyfile")
    try:
        shown = ConsentPage(PageContext(empty, TaskRunner()))
        qtbot.addWidget(shown)
        assert not shown.isEnabled() and "Add a child first" in shown.why.text()
    finally:
        empty.close()


def test_a_child_with_no_services_yet(qtbot, session: sessions.FamilySession) -> None:
    session.add_child(ChildDraft("Ben", "Okafor", "2025-01-02"))
    shown = ConsentPage(PageContext(session, TaskRunner()))
    qtbot.addWidget(shown)
    shown.show()
    assert shown.empty.isVisible() and "Involvement history" in shown.empty.text()
    assert shown.add_service.isVisible()
    assert shown.notice.isVisible()


def test_the_models_pass_qtmodeltester(qtmodeltester, session: sessions.FamilySession,
                                       family: Family) -> None:
    matrix = ConsentMatrixModel(consent.matrix(session, family.child_id))
    qtmodeltester.check(matrix)
    assert matrix.columnCount() == 8 and matrix.rowCount() == 5
    matrix.set_matrix(None)
    qtmodeltester.check(matrix)
    history = ConsentHistoryModel(consent.history(session, family.child_id))
    qtmodeltester.check(history)
    assert history.rowCount() == 7
    assert history.text(0, 2) == "Family circumstances (sensitive)"  # newest first
    assert "What you were shown" in history.data(history.index(0, 0), Qt.ToolTipRole)


def test_changing_a_choice_due_for_review_asks_for_a_new_date(qtbot, page: ConsentPage,
                                                              family: Family) -> None:
    dialog = click_cell(qtbot, page, family.hv.id, "identity")
    assert dialog.inputs["review_on"].text() == ""  # the passed date is not offered again
    assert dialog.value("how") == "verbal"  # as it was agreed last time
    qtbot.keyClicks(dialog.inputs["review_on"], "1 Mar 2027")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert page.cell_text(family.hv.id, "identity") == "Yes"
    assert "Review on 1 Mar 2027" in history_rows(page)[0]

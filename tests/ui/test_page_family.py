"""The Family page, driven like a person: carers added and changed with the keyboard and the
mouse, parental responsibility shown, and a child archived and brought back."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from familyfile.domain.child import ChildDraft
from familyfile.services import family
from familyfile.ui.dialogs.carer_dialog import CarerDialog
from familyfile.ui.main_window import MainWindow
from familyfile.ui.models.family_models import CarersModel
from familyfile.ui.pages.family import FamilyPage
from tests.conftest import MARKER_FAMILY, MARKER_GIVEN
from tests.ui.drive import activate, button, open_section, shown


@pytest.fixture
def clock_at() -> datetime:
    return datetime(2025, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def page(window: MainWindow) -> FamilyPage:
    return open_section(window, "family", FamilyPage)


def test_an_empty_family_explains_what_goes_here(page: FamilyPage) -> None:
    assert page.empty.isVisible() and not page.table.isVisible()
    assert not page.change_button.isEnabled()


def test_add_a_carer_with_the_keyboard_only(qtbot, window: MainWindow, page: FamilyPage) -> None:
    page.add_button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(page.add_button, Qt.Key_Space)
    dialog = shown(page, CarerDialog)
    activate(qtbot, dialog)
    name = dialog.inputs["carer_name"]
    assert QApplication.focusWidget() is name
    qtbot.keyClicks(name, "Maya Quillfeather")
    qtbot.keyClick(name, Qt.Key_Tab)
    relationship = dialog.inputs["relationship"]
    assert relationship.hasFocus()
    qtbot.keyClicks(relationship, "Mum")  # own words are allowed
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    qtbot.keyClicks(dialog.inputs["carer_phone"], "07700 900123")
    qtbot.keyClick(dialog.inputs["carer_phone"], Qt.Key_Tab)
    responsibility = dialog.inputs["parental_responsibility"]
    assert responsibility.hasFocus() and responsibility.currentData() == "unsure"
    qtbot.keyClick(responsibility, Qt.Key_Up)
    qtbot.keyClick(responsibility, Qt.Key_Up)
    assert responsibility.currentData() == "yes"
    qtbot.keyClick(responsibility, Qt.Key_Tab)
    holds = dialog.inputs["co_holds_file"]
    assert holds.hasFocus()
    qtbot.keyClick(holds, Qt.Key_Space)
    qtbot.keyClick(holds, Qt.Key_Tab)
    assert QApplication.focusWidget() is dialog.save_button
    qtbot.keyClick(dialog.save_button, Qt.Key_Space)
    assert not dialog.isVisible()

    [item] = family.carers(window.session)
    assert item.value.to_data() == {"name": "Maya Quillfeather", "relationship": "Mum",
                                    "phone": "07700 900123", "parental_responsibility": "yes",
                                    "co_holds_file": True}
    assert page.model.rowCount() == 1 and page.table.isVisible()
    assert page.model.index(0, 2).data() == "Yes"
    assert page.responsibility.text() == "Parental responsibility: Maya Quillfeather."


def test_a_missing_name_is_explained_and_the_rest_is_kept(qtbot, window: MainWindow,
                                                          page: FamilyPage) -> None:
    qtbot.mouseClick(page.add_button, Qt.LeftButton)
    dialog = shown(page, CarerDialog)
    dialog.inputs["relationship"].setCurrentText("Grandparent")
    qtbot.keyClicks(dialog.inputs["carer_phone"], "not a number")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.isVisible()
    assert dialog.errors["carer_name"].text() == "Enter the person's name."
    assert dialog.errors["carer_phone"].isVisible()
    assert len(dialog.summary.messages) == 2
    assert dialog.inputs["relationship"].currentText() == "Grandparent"
    assert dialog.inputs["carer_phone"].text() == "not a number"
    assert family.carers(window.session) == []


def test_change_a_carer_with_the_mouse_keeps_history(qtbot, window: MainWindow,
                                                     page: FamilyPage) -> None:
    added = family.add_carer(window.session, {"name": "Lee", "relationship": "Step-parent"})
    page.refresh()
    assert page.responsibility.text() == (
        "Nobody is recorded as having parental responsibility yet.")
    row = page.table.visualRect(page.model.index(0, 0)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton, pos=row)
    qtbot.mouseDClick(page.table.viewport(), Qt.LeftButton, pos=row)
    dialog = shown(page, CarerDialog)
    assert dialog.inputs["carer_name"].text() == "Lee"
    assert dialog.inputs["relationship"].currentText() == "Step-parent"
    dialog.set_value("parental_responsibility", "no")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert page.model.index(0, 2).data() == "No"
    history = window.session.records.history(added.entry.id)
    assert [h.data["parental_responsibility"] for h in history] == ["unsure", "no"]


def test_change_a_carer_with_the_keyboard(qtbot, window: MainWindow, page: FamilyPage) -> None:
    family.add_carer(window.session, {"name": "Lee", "relationship": "Step-parent"})
    page.refresh()
    page.table.clearSelection()
    assert not page.change_button.isEnabled()
    page.table.setFocus(Qt.TabFocusReason)  # tabbing in chooses a row again
    assert page.change_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key_Return)  # Enter opens the chosen carer
    dialog = shown(page, CarerDialog)
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.inputs["carer_name"]
    qtbot.keyClick(dialog.inputs["carer_name"], Qt.Key_End)
    qtbot.keyClicks(dialog.inputs["carer_name"], " Quillfeather")
    qtbot.keyClick(dialog.inputs["carer_name"], Qt.Key_Return)
    assert page.model.index(0, 0).data() == "Lee Quillfeather"


def test_remove_a_carer_asks_first_and_keeps_them(qtbot, window: MainWindow,
                                                  page: FamilyPage) -> None:
    family.add_carer(window.session, {"name": "Gran", "relationship": "Grandparent"})
    page.refresh()
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    box = shown(page, QMessageBox)
    assert box.defaultButton().text() == "Cancel"
    qtbot.mouseClick(box.defaultButton(), Qt.LeftButton)
    assert page.model.rowCount() == 1
    qtbot.mouseClick(page.remove_button, Qt.LeftButton)
    box = shown(page, QMessageBox)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Remove carer"), Qt.LeftButton)
    assert page.model.rowCount() == 0
    assert len(family.carers(window.session, include_archived=True)) == 1


def test_archive_a_child_and_bring_them_back(qtbot, window: MainWindow, page: FamilyPage) -> None:
    window.session.add_child(ChildDraft("Ada", MARKER_FAMILY, "2025-01-05"))
    window.context.children_changed.emit()
    archive = button(qtbot, page, f"Archive {MARKER_GIVEN} {MARKER_FAMILY}")
    qtbot.mouseClick(archive, Qt.LeftButton)
    box = shown(page, QMessageBox)
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "Archive"), Qt.LeftButton)
    assert [c.given_name for c in window.session.children()] == ["Ada"]
    assert window.switcher.names() == [f"Ada {MARKER_FAMILY}"]
    back = button(qtbot, page, f"Bring back {MARKER_GIVEN} {MARKER_FAMILY}")
    back.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(back, Qt.Key_Space)
    assert sorted(c.given_name for c in window.session.children()) == ["Ada", MARKER_GIVEN]


def test_the_carers_model_passes_the_model_tester(qtmodeltester, make_family) -> None:
    family.add_carer(make_family, {"name": "Maya", "relationship": "Mother",
                                   "parental_responsibility": "yes", "co_holds_file": True})
    family.add_carer(make_family, {"name": "Gran", "relationship": "Grandparent"})
    model = CarersModel(family.carers(make_family))
    qtmodeltester.check(model)
    assert [model.index(r, 0).data() for r in range(2)] == ["Maya", "Gran"]
    assert model.index(0, 3).data() == "Yes" and model.index(1, 2).data() == "Not sure"
    assert model.index(0, 0).data(Qt.UserRole).value.name == "Maya"
    assert model.headerData(2, Qt.Horizontal) == "Parental responsibility"

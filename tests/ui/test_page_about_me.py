"""The About me page, driven like a person: keyboard and mouse, a mistyped NHS number,
alerts, and the address history."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from familyfile.services import about_me as about
from familyfile.ui.dialogs.about_me_form import AboutMeDialog
from familyfile.ui.dialogs.address_dialog import AddressDialog
from familyfile.ui.dialogs.alert_dialog import AlertDialog
from familyfile.ui.main_window import MainWindow
from familyfile.ui.models.family_models import AddressesModel
from familyfile.ui.pages.about_me import AboutMePage
from tests.conftest import MARKER_FAMILY, MARKER_GIVEN
from tests.ui.drive import activate, open_section, shown


@pytest.fixture
def clock_at() -> datetime:
    return datetime(2025, 6, 1, 12, tzinfo=UTC)


@pytest.fixture
def page(window: MainWindow) -> AboutMePage:
    return open_section(window, "about_me", AboutMePage)


def child_id(window: MainWindow) -> str:
    return window.session.children()[0].id


def open_editor_with_keyboard(qtbot, page: AboutMePage) -> AboutMeDialog:
    page.edit_button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(page.edit_button, Qt.Key_Space)
    dialog = shown(page, AboutMeDialog)
    activate(qtbot, dialog)
    assert QApplication.focusWidget() is dialog.inputs["given_name"]  # starts at the first field
    return dialog


def test_an_empty_page_shows_what_the_child_row_knows(page: AboutMePage) -> None:
    assert page.heading.text() == f"About {MARKER_GIVEN}"
    assert page.identity.text("legal_name") == f"{MARKER_GIVEN} {MARKER_FAMILY}"
    assert page.identity.text("born").startswith("1 Mar 2024")
    assert not page.nhs_caption.isVisible()  # no NHS number: no row
    assert page.everyday.empty.isVisible() and page.people.empty.isVisible()
    assert page.alerts.frame.objectName() == "alertsNone"  # nothing red without an alert
    assert page.addresses.empty.isVisible()


def test_edit_about_me_with_the_keyboard(qtbot, window: MainWindow, page: AboutMePage) -> None:
    dialog = open_editor_with_keyboard(qtbot, page)
    known_as = dialog.inputs["known_as"]
    assert dialog.inputs["given_name"].text() == MARKER_GIVEN  # filled from the child row
    dialog.inputs["given_name"].setFocus(Qt.TabFocusReason)
    for _ in range(2):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
    assert QApplication.focusWidget() is known_as
    qtbot.keyClicks(known_as, "Zeph")
    dialog.inputs["sex"].setFocus(Qt.TabFocusReason)
    qtbot.keyClick(dialog.inputs["sex"], Qt.Key_Down)  # "Not given" → "Female"
    dialog.inputs["languages"].setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(dialog.inputs["languages"], "English, Welsh")
    dialog.inputs["communication"].setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(dialog.inputs["communication"], "Signs for more")
    qtbot.keyClick(dialog.inputs["communication"], Qt.Key_Tab)  # Tab leaves a long text box
    assert QApplication.focusWidget() is dialog.inputs["what_helps"]
    qtbot.keyClick(known_as, Qt.Key_Return)  # Enter in a line saves
    assert not dialog.isVisible()

    record, entry = about.get_about_me(window.session, child_id(window))
    assert (record.known_as, record.sex, record.languages) == ("Zeph", "female",
                                                              ("English", "Welsh"))
    assert entry is not None and entry.version == 1
    assert page.heading.text() == "About Zeph"
    assert page.identity.text("sex") == "Female"
    assert page.everyday.text("languages") == "English, Welsh"
    assert page.everyday.text("communication") == "Signs for more"


def test_changing_the_legal_name_with_the_mouse_updates_the_child_everywhere(
        qtbot, window: MainWindow, page: AboutMePage) -> None:
    qtbot.mouseClick(page.edit_button, Qt.LeftButton)
    dialog = shown(page, AboutMeDialog)
    family = dialog.inputs["family_name"]
    qtbot.mouseClick(family, Qt.LeftButton)
    family.selectAll()
    qtbot.keyClicks(family, "Brook")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert window.session.children()[0].family_name == "Brook"
    assert window.switcher.names() == [f"{MARKER_GIVEN} Brook"]
    assert page.identity.text("legal_name") == f"{MARKER_GIVEN} Brook"


def test_a_bad_nhs_number_is_explained_next_to_the_field_and_keeps_the_input(
        qtbot, window: MainWindow, page: AboutMePage) -> None:
    dialog = open_editor_with_keyboard(qtbot, page)
    qtbot.keyClicks(dialog.inputs["known_as"], "Zeph")
    qtbot.keyClicks(dialog.nhs.edit, "943 476 5918")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)

    error = dialog.errors["nhs_number"]
    assert dialog.isVisible() and error.isVisible()
    assert "NHS number is not right" in error.text()
    assert dialog.summary.isVisible() and dialog.summary.messages == [error.text()]
    assert dialog.nhs.text() == "943 476 5918" and dialog.inputs["known_as"].text() == "Zeph"
    assert about.get_about_me(window.session, child_id(window))[1] is None  # nothing saved
    dialog.summary.link_activated.emit("nhs_number")
    assert dialog.nhs.edit.hasFocus()
    dialog.nhs.edit.selectAll()
    qtbot.keyClicks(dialog.nhs.edit, "9434765919")
    qtbot.keyClick(dialog.nhs.edit, Qt.Key_Return)
    assert not dialog.isVisible()
    assert about.get_about_me(window.session, child_id(window))[0].nhs_number == "9434765919"


def test_the_nhs_number_is_masked_until_show(qtbot, window: MainWindow, page: AboutMePage) -> None:
    about.update_about_me(window.session, child_id(window), nhs_number="9434765919")
    page.refresh()
    assert page.nhs_caption.isVisible()
    assert page.nhs_value.text() == "*** *** 5919"
    assert page.nhs_toggle.text() == "Show"
    assert page.nhs_toggle.accessibleName() == "Show the NHS number"
    qtbot.mouseClick(page.nhs_toggle, Qt.LeftButton)
    assert page.nhs_value.text() == "943 476 5919"
    assert page.nhs_toggle.accessibleName() == "Hide the NHS number"
    page.nhs_toggle.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(page.nhs_toggle, Qt.Key_Space)
    assert page.nhs_value.text() == "*** *** 5919"
    qtbot.mouseClick(page.nhs_toggle, Qt.LeftButton)
    page.context.children_changed.emit()  # any refresh hides it again
    assert page.nhs_value.text() == "*** *** 5919"


def test_add_and_change_an_alert(qtbot, window: MainWindow, page: AboutMePage) -> None:
    qtbot.mouseClick(page.alerts.add_button, Qt.LeftButton)
    dialog = shown(page, AlertDialog)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)  # nothing typed
    assert dialog.errors["alert_what"].text() == "Enter what the alert is about."
    qtbot.keyClicks(dialog.inputs["alert_what"], "Peanuts")
    qtbot.keyClicks(dialog.inputs["alert_details"], "Swelling; adrenaline pen")
    qtbot.keyClicks(dialog.inputs["alert_since"], "10/01/2025")
    qtbot.keyClick(dialog.inputs["alert_what"], Qt.Key_Return)
    assert not dialog.isVisible()
    assert page.alerts.frame.objectName() == "criticalAlerts"
    assert page.alerts.texts == ["Allergy: Peanuts — Swelling; adrenaline pen (since 10 Jan 2025)"]
    [item] = about.alerts(window.session, child_id(window))
    assert item.value.since is not None and item.value.since.isoformat() == "2025-01-10"

    button, _entry = page.alerts.edit_buttons[0]
    qtbot.mouseClick(button, Qt.LeftButton)
    dialog = shown(page, AlertDialog)
    assert dialog.inputs["alert_what"].text() == "Peanuts"
    dialog.inputs["alert_active"].setFocus(Qt.TabFocusReason)
    qtbot.keyClick(dialog.inputs["alert_active"], Qt.Key_Space)  # no longer applies
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert page.alerts.frame.objectName() == "alertsNone"  # not red any more
    assert page.alerts.texts == ["Allergy: Peanuts — Swelling; adrenaline pen (since 10 Jan 2025)"]
    assert len(window.session.records.history(item.entry.id)) == 2


def test_address_history_add_change_overlap_and_remove(qtbot, window: MainWindow,
                                                        page: AboutMePage) -> None:
    history = page.addresses
    qtbot.mouseClick(history.add_button, Qt.LeftButton)
    dialog = shown(history, AddressDialog)
    qtbot.keyClicks(dialog.inputs["address_lines"], "12 High Street")
    qtbot.keyClicks(dialog.inputs["postcode"], "ls11aa")
    qtbot.keyClicks(dialog.inputs["from_date"], "1 Mar 2024")
    qtbot.keyClicks(dialog.inputs["to_date"], "1 Dec 2024")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert history.model.rowCount() == 1 and not history.warnings.isVisible()
    assert history.model.index(0, 2).data() == "LS1 1AA"
    history.add()
    dialog = shown(history, AddressDialog)
    qtbot.keyClicks(dialog.inputs["address_lines"], "4 Mill Lane")
    qtbot.keyClicks(dialog.inputs["from_date"], "2024-11-01")
    qtbot.keyClick(dialog.inputs["from_date"], Qt.Key_Return)
    assert history.model.rowCount() == 2
    assert history.warnings.isVisible()  # 1 Nov–1 Dec overlaps: said calmly, still saved
    assert history.model.index(0, 0).data() == "Since 1 Nov 2024 (lives here now)"

    assert history.selected_row() == 0 and history.change_button.isEnabled()  # newest chosen
    history.table.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(history.table, Qt.Key_Down)
    assert history.selected_row() == 1 and history.change_button.isEnabled()
    qtbot.mouseClick(history.change_button, Qt.LeftButton)
    dialog = shown(history, AddressDialog)
    assert dialog.inputs["address_lines"].toPlainText() == "12 High Street"
    dialog.inputs["to_date"].setText("1 Nov 2024")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not history.warnings.isVisible()

    history.table.selectRow(0)
    qtbot.mouseClick(history.remove_button, Qt.LeftButton)
    box = history.findChild(QMessageBox)
    yes = next(b for b in box.buttons() if b.text() == "Remove address")
    qtbot.mouseClick(yes, Qt.LeftButton)
    assert history.model.rowCount() == 1
    kept = about.addresses(window.session, child_id(window), include_archived=True)
    assert len(kept) == 2  # archived, not deleted


def test_the_address_model_passes_the_model_tester(qtmodeltester, make_family) -> None:
    session = make_family
    cid = session.children()[0].id
    about.add_address(session, cid, {"lines": ["1 A Road"], "from_date": "2024-03-01"})
    about.add_address(session, cid, {"lines": ["2 B Road"], "town": "Leeds",
                                     "from_date": "2023-01-01", "to_date": "2024-03-01"})
    model = AddressesModel(about.addresses(session, cid))
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "2 B Road, Leeds"
    assert model.headerData(0, Qt.Horizontal) == "When"
    model.set_items([])
    qtmodeltester.check(model)

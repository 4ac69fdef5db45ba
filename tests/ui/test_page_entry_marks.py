"""Private and sensitive: the family marks entries by keyboard and mouse; the selection rule
then keeps them back."""

from __future__ import annotations

from PySide6.QtCore import Qt

from familyfile.domain.consent import purpose
from familyfile.services import consent, entry_marks, sharing
from familyfile.services.journal import ObservationDraft
from familyfile.services.journal import add as add_observation
from familyfile.ui.models.marks_model import MarksModel
from familyfile.ui.pages.entry_marks import EntryMarksPage


def journal_entry(session, child_id: str, text: str) -> str:
    return add_observation(session, child_id, ObservationDraft(
        observed_on="2025-01-10", area="communication_language", text=text)).id


def test_mark_an_entry_private_with_the_mouse_and_keyboard(qtbot, window) -> None:
    session = window.context.session
    child_id = window.context.current_child().id
    quiet = journal_entry(session, child_id, "Wet at night again since the move.")
    journal_entry(session, child_id, "Said 'more' at lunch.")
    window.show_section("entry_marks")
    page = window.pages["entry_marks"]
    assert isinstance(page, EntryMarksPage)
    assert page.model.rowCount() >= 2
    qtbot.mouseClick(page.search, Qt.LeftButton)
    qtbot.keyClicks(page.search, "wet at night")
    assert page.proxy.rowCount() == 1
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key_Down)
    page.table.selectRow(0)
    assert page.chosen().entry_id == quiet
    qtbot.mouseClick(page.buttons["private"], Qt.LeftButton)
    assert entry_marks.mark(session, quiet) == "private"
    assert "Private: never shared" in page.status.text()
    assert page.proxy.index(0, 4).data() == "Private: never shared"
    page.buttons["sensitive"].setFocus()
    qtbot.keyClick(page.buttons["sensitive"], Qt.Key_Space)
    assert entry_marks.mark(session, quiet) == "sensitive"
    assert [c.mark for c in entry_marks.history(session, quiet)] == ["private", "sensitive"]


def test_a_private_entry_never_leaves_even_when_chosen(qtbot, window) -> None:
    session = window.context.session
    child_id = window.context.current_child().id
    secret = journal_entry(session, child_id, "Something only for us.")
    entry_marks.set_mark(session, secret, "private")
    recipient = consent.professional("Jo Hart")
    shown = sharing.preview(session, child_id, recipient, purpose("care"), frozenset({secret}))
    assert secret not in shown.selection.included
    assert secret in {item.entry_id for item in shown.held_back}


def test_nothing_chosen_says_so(qtbot, window) -> None:
    window.show_section("entry_marks")
    page = window.pages["entry_marks"]
    if page.model.rowCount() == 0:  # nothing to mark: the buttons are off
        assert not page.buttons["private"].isEnabled()
        journal_entry(window.context.session, window.context.current_child().id, "A walk.")
        page.refresh()
    assert page.buttons["private"].isEnabled()
    page.table.clearSelection()
    qtbot.mouseClick(page.buttons["private"], Qt.LeftButton)
    assert "Choose an entry" in page.status.text()


def test_marks_model_passes_the_model_tester(qtmodeltester, window) -> None:
    session = window.context.session
    child_id = window.context.current_child().id
    journal_entry(session, child_id, "Built a tower of five bricks.")
    model = MarksModel(entry_marks.markable(session, child_id))
    qtmodeltester.check(model)
    assert model.rowCount() >= 1

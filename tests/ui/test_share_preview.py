"""The share preview: what would leave and what is held back, and choosing things for one
share by mouse and keyboard (private things can never be chosen)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from familyfile.domain.consent import Purpose, Recipient
from familyfile.services import consent, sharing
from familyfile.services import session as sessions
from familyfile.ui.widgets.share_preview import SharePreview
from tests.ui.consent_family import Family
from tests.ui.consent_fixtures import consenting_family_fixture, own_session_fixture  # noqa: F401

CARE = Purpose("care")


def shown(qtbot, session: sessions.FamilySession, family: Family, who: Recipient,
          purpose: Purpose = CARE) -> SharePreview:
    preview = SharePreview(session, family.child_id, who, purpose)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(preview)
    qtbot.addWidget(area)
    area.resize(900, 700)
    area.show()
    with qtbot.waitActive(area):
        area.activateWindow()
    preview.area = area  # pytest-qt keeps only a weak reference
    return preview


def test_it_lists_what_would_leave_and_what_is_held_back(qtbot, session, family: Family) -> None:
    preview = shown(qtbot, session, family, family.nursery)
    found = preview.current()
    assert found is not None and found.in_team
    shared = preview.shared_lines()
    assert "Health and growth: Measurement, weight 12.3 kg, length or height 88.5 cm, " \
           "2 March 2026" in shared
    assert sum(line.startswith("Vaccinations:") for line in shared) == 3
    assert preview.leave_heading.text() == "Will be shared: 5 things"
    held = preview.held_lines()
    assert any(line.endswith("Private: this never leaves your computer.") for line in held)
    assert any("Wet at night" in line and "Sensitive" in line for line in held)
    assert any("First three-word sentence" in line and "for education, not for this" in line
               for line in held)
    assert "They are in Sunny Hill children's centre team." in preview.summary.text()
    assert set(found.selection.included) == {i.entry_id for g in found.groups for i in g.items}


def test_ticking_a_sensitive_item_shares_it_and_private_never_can(qtbot, session,
                                                                  family: Family) -> None:
    preview = shown(qtbot, session, family, family.nursery)
    assert preview.checkbox_for(family.private_id) is None  # no choice can send it
    box = preview.checkbox_for(family.sensitive_id)
    assert box is not None and not box.isChecked()
    with qtbot.waitSignal(preview.choices_changed) as signal:
        qtbot.mouseClick(box, Qt.LeftButton)
    assert signal.args == [frozenset({family.sensitive_id})]
    assert any("Wet at night" in line and line.startswith("Development and journal:")
               for line in preview.shared_lines())
    assert not any("Wet at night" in line for line in preview.held_lines())
    assert family.sensitive_id in preview.current().selection.included
    again = preview.checkbox_for(family.sensitive_id)
    assert again is not None and again.isChecked()  # it can be unticked where it now is
    # Keyboard: Space on the tick box takes it back out, and the focus stays on it.
    again.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(again, Qt.Key_Space)
    assert preview.choices() == frozenset()
    moved = preview.checkbox_for(family.sensitive_id)
    assert moved is not None and not moved.isChecked()
    qtbot.waitUntil(moved.hasFocus)
    assert not any("Wet at night" in line for line in preview.shared_lines())
    assert family.private_id not in preview.current().selection.included
    assert preview.checkbox_for(family.private_id) is None


def test_a_sensitive_group_is_chosen_as_a_whole(qtbot, session, family: Family) -> None:
    preview = shown(qtbot, session, family, family.slt)
    group = preview.checkbox_for("family_circumstances")
    assert group is not None
    group.click()
    assert preview.choices() == frozenset({"family_circumstances"})
    assert family.social_id in preview.current().selection.included
    assert any(line.startswith("Family circumstances (sensitive): Children's social care")
               for line in preview.shared_lines())
    assert preview.checkbox_for("family_circumstances").isChecked()


def test_a_refusal_cannot_be_overridden(qtbot, session, family: Family) -> None:
    preview = shown(qtbot, session, family, family.social)
    assert preview.checkbox_for(family.growth_id) is None
    assert any("You said no to sharing Health and growth" in line for line in preview.held_lines())
    assert "They are not in one of your teams." in preview.summary.text()
    consent.withdraw(session, family.child_id, family.nursery, "development")
    preview.show_for(family.child_id, family.nursery, Purpose("education"))
    assert any("You took back your yes" in line for line in preview.held_lines())


def test_it_uses_the_service_and_reports_problems(qtbot, session, family: Family) -> None:
    preview = shown(qtbot, session, family, family.hv)
    expected = sharing.preview(session, family.child_id, family.hv, Purpose("care"))
    assert preview.current().selection.included == expected.selection.included
    preview.show_for(family.child_id, Recipient("agency", "agency-gone", "Nobody"), Purpose("care"))
    assert preview.current() is None
    assert preview.problem.isVisible() and "could not be found" in preview.problem.findChild(
        type(preview.summary)).text()


def test_a_long_group_lists_its_first_rows_and_says_how_many_more(qtbot, session, family: Family) -> None:
    """Thousands of journal entries must not freeze the screen: the first rows, then a count."""
    from PySide6.QtWidgets import QLabel

    from familyfile.ui.widgets.share_preview import ROWS_PER_GROUP

    for n in range(ROWS_PER_GROUP + 15):
        on = f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}"
        session.records.add(child_id=family.child_id, kind="growth", occurred_on=on, data={
            "measured_on": on, "weight_kg": 9 + n / 100, "height_cm": None, "head_cm": None,
            "length_or_height": "length", "measured_by": "", "measured_where": "", "notes": ""})
    preview = shown(qtbot, session, family, family.nursery)
    growth = [line for line in preview.shared_lines() if line.startswith("Health and growth: Measurement")]
    assert len(growth) >= ROWS_PER_GROUP + 15  # every one is in what leaves
    listed = [label for label in preview.findChildren(QLabel)
              if label.text().startswith("Measurement") and label.isVisible()]
    assert len(listed) == ROWS_PER_GROUP
    more = [label.text() for label in preview.findChildren(QLabel) if label.text().startswith("…and")]
    assert more == [f"…and {len(growth) - ROWS_PER_GROUP} more like these"]

"""The consent page, continued: a key worker records a choice, teams are added and changed,
the "check what would be shared" panel, and where the pages sit in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from familyfile.domain.entry import Author
from familyfile.services import consent
from familyfile.services import session as sessions
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.consent import ConsentPage
from familyfile.ui.tasks import TaskRunner
from tests.ui.consent_family import (
    TEAM_NAME,
    Family,
    click_cell,
    history_rows,
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


def test_a_key_worker_records_it(qtbot, page: ConsentPage, family: Family,
                                 session: sessions.FamilySession) -> None:
    session.use_as(Author("key_worker", "Joy Mensah"))
    dialog = click_cell(qtbot, page, family.hv.id, "immunisations")
    assert dialog.recorded_by.text() == "Recorded by: Key worker Joy Mensah"
    dialog.set_value("how", "written")
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert "Written (on paper)\nby Key worker Joy Mensah" in history_rows(page)[0]

def test_add_and_change_a_team(qtbot, page: ConsentPage, family: Family,
                               session: sessions.FamilySession) -> None:
    panel = page.teams
    assert TEAM_NAME in [t.name for t in consent.teams(session)]
    qtbot.mouseClick(panel.add_button, Qt.LeftButton)
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert dialog.errors["team_name"].isVisible()  # a name is needed
    qtbot.keyClicks(dialog.inputs["team_name"], "Team around Amara")
    tick(qtbot, dialog.inputs["member:" + family.social.id])
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible()
    assert "Team around Amara" in page.saved.text()
    row = page.model.row_of(next(t.id for t in consent.teams(session) if t.name == "Team around Amara"))
    assert page.model.text(row, 0) == "Team: Team around Amara"
    assert page.model.text(page.model.row_of(family.social.id), 0).endswith("In the team")
    # Change the first team: take the nursery out.
    qtbot.mouseClick(panel.change_buttons[family.team.id], Qt.LeftButton)
    dialog = panel.dialog
    assert dialog.inputs["team_name"].text() == TEAM_NAME
    assert dialog.inputs["member:" + family.nursery.id].isChecked()
    tick(qtbot, dialog.inputs["member:" + family.nursery.id])
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert page.cell_text(family.nursery.id, "health") == "Not asked yet"

def test_check_what_would_be_shared(qtbot, page: ConsentPage, family: Family) -> None:
    panel = page.check
    assert panel.recipient.count() == 4  # the four services, never a team itself
    panel.choose(family.nursery.id, "care")
    qtbot.mouseClick(panel.check_button, Qt.LeftButton)
    preview = panel.preview
    assert preview.isVisible()
    assert any("weight 12.3 kg" in line for line in preview.shared_lines())
    assert any("Private: this never leaves" in line for line in preview.held_lines())
    panel.purpose.setCurrentIndex(panel.purpose.findData("other"))
    qtbot.mouseClick(panel.check_button, Qt.LeftButton)
    assert panel.other_error.isVisible()
    qtbot.keyClicks(panel.other, "Moving house")
    qtbot.keyClick(panel.other, Qt.Key_Return)
    assert not panel.other_error.isVisible()
    assert "for Moving house" in preview.summary.text()

def test_the_pages_sit_after_appointments(qtbot, session: sessions.FamilySession,
                                          family: Family) -> None:
    from familyfile.ui.main_window import MainWindow
    from familyfile.ui.sections import sections

    keys = [s.key for s in sections()]
    assert keys.index("appointments") < keys.index("consent") < keys.index("sharing_log")
    assert keys.index("sharing_log") < keys.index("family")
    window = MainWindow(session, TaskRunner())
    qtbot.addWidget(window)
    window.show()
    window.show_section("consent")
    page = window.pages["consent"]
    assert isinstance(page, ConsentPage) and page.notice.isVisible()
    assert page.cell_text(family.nursery.id, "development") == "Yes until 3 Mar 2027"

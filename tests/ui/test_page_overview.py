"""The Overview page, driven like a person: the cards say what the record holds, in order;
their buttons open the sections (with the mouse and the keyboard); another child, or a
change made elsewhere, shows at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from familyfile.clock import FixedClock
from familyfile.domain.child import ChildDraft
from familyfile.domain.growth import GrowthDraft
from familyfile.services import growth
from familyfile.services import overview as overview_service
from familyfile.services import session as sessions
from familyfile.ui.main_window import MainWindow
from familyfile.ui.pages.overview import OverviewPage
from familyfile.ui.tasks import TaskRunner
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.record.test_overview_service import NOW, realistic_child


@pytest.fixture
def session(tmp_path) -> Iterator[sessions.FamilySession]:
    opened = sessions.create(tmp_path / "f.familyfile", PASSPHRASE, kdf=FAST_KDF, clock=FixedClock(NOW))
    realistic_child(opened)
    yield opened
    opened.close()


@pytest.fixture
def window(qtbot, session) -> Iterator[MainWindow]:
    tasks = TaskRunner()
    win = MainWindow(session, tasks)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    yield win
    tasks.wait_idle()
    qtbot.waitUntil(lambda: not tasks.busy)


@pytest.fixture
def page(window: MainWindow) -> OverviewPage:
    found = window.pages["overview"]
    assert isinstance(found, OverviewPage) and window.stack.currentWidget() is found
    return found


def top(widget: QWidget, page: OverviewPage) -> int:
    return widget.mapTo(page, widget.rect().topLeft()).y()


def test_the_cards_say_what_the_record_holds(page: OverviewPage) -> None:
    assert page.shown is not None and not page.loading.isVisible()
    assert page.about_title.text() == "About Amara" and page.name.text() == "Amara Okafor"
    assert page.born.text() == "5 Nov 2024" and page.age.text() == "12 months"
    assert page.about.known_as.text() == "Ami" and page.about.languages.text() == "English, Yoruba"

    alerts = page.alerts.words()
    assert page.alerts.isVisible() and page.alerts.objectName() == "criticalCard"
    assert alerts[:3] == ["Alert", "Read these first",
                          "Allergy: Peanuts — hives and swollen lips; has an adrenaline pen"]
    assert "Eczema" not in " ".join(alerts)  # no longer applies: not an alert
    assert [c for c in page.cards if c.objectName() == "criticalCard"] == [page.alerts]  # red only here

    due = page.due.words()
    for words in ("Overdue since 6 Nov 2025", "1 year review", "Due now (since 5 Nov 2025)",
                  "The 1-year vaccinations", "Coming up on 27 Nov 2025",
                  "Appointment with Practice nurse", "10:30 at Riverside Surgery",
                  "1 milestone may be worth talking about with your health visitor.",
                  "Open reviews and checks", "Open immunisations", "Open milestones"):
        assert words in due, words
    assert due.index("Overdue since 6 Nov 2025") < due.index("Due now (since 5 Nov 2025)") \
        < due.index("Coming up on 27 Nov 2025")

    grown = page.growth.words()
    assert {"Weight", "9.1 kg", "Length or height", "74.5 cm", "Head", "45.2 cm",
            "Measured on 12 Nov 2025", "Open growth"} <= set(grown)
    assert sum(w.startswith("centile ") for w in grown) == 3
    journal = page.journal.words()
    assert journal[1:3] == ["18 Nov 2025 · Talking and listening · Written by you",
                            "Points at the dog in her book and says “da”."]
    assert "First: First steps" in journal and "See all 6 journal entries" in journal
    diary = page.appointments.words()
    assert diary[1:5] == ["Thu 27 Nov", "10:30", "Practice nurse", "Riverside Surgery"]
    involved = page.involved.words()
    assert "Grace Mensah, Health visitor" in involved and "Contact: 0121 496 0123" in involved

    # The order of the cards: alerts, about, what is due, then growth beside it; the journal
    # under what is due; appointments and who is involved under growth.
    assert top(page.alerts, page) < top(page.about, page) < top(page.due, page)
    assert top(page.due, page) == top(page.growth, page) < top(page.journal, page)
    assert top(page.growth, page) < top(page.appointments, page) < top(page.involved, page)


def test_at_200_percent_the_cards_stand_in_one_column_in_reading_order(
        qtbot, session: sessions.FamilySession) -> None:
    app = QApplication.instance()
    normal = app.font()
    large = app.font()
    large.setPointSizeF(normal.pointSizeF() * 2)
    app.setFont(large)
    try:
        tasks = TaskRunner()
        win = MainWindow(session, tasks)
        qtbot.addWidget(win)
        win.resize(1366, 768)
        win.show()
        page = win.pages["overview"]
        qtbot.waitUntil(lambda: page._columns == 1)

        def in_order() -> bool:
            tops = [top(found, page) for found in (page.alerts, page.about, *page.cards[1:])]
            return tops == sorted(tops) and len(set(tops)) == len(tops)

        qtbot.waitUntil(in_order)
        for found in page.cards:  # nothing wider than the page: no words cut off at the side
            assert found.mapTo(page, found.rect().topRight()).x() <= page.width()
    finally:
        app.setFont(normal)
        tasks.wait_idle()


def test_a_cards_button_opens_its_section(qtbot, window: MainWindow, page: OverviewPage) -> None:
    qtbot.mouseClick(page.growth.link, Qt.LeftButton)
    assert window.current_section() == "growth"
    window.show_section("overview")
    [jabs] = [b for b in page.due.buttons() if b.text() == "Open immunisations"]
    assert jabs.accessibleName() == "Open immunisations: The 1-year vaccinations"
    qtbot.mouseClick(jabs, Qt.LeftButton)
    assert window.current_section() == "immunisations"
    window.show_section("overview")
    qtbot.mouseClick(page.alerts.link, Qt.LeftButton)
    assert window.current_section() == "about_me"
    window.show_section("overview")
    qtbot.mouseClick(page.involved.link, Qt.LeftButton)
    assert window.current_section() == "involvement"


def tab_to(qtbot, target: QPushButton, most: int = 40) -> list[str]:
    """Press Tab until ``target`` has the focus; the names of the buttons passed on the way."""
    passed: list[str] = []
    for _ in range(most):
        focused = QApplication.focusWidget()
        if focused is target:
            return passed
        if isinstance(focused, QPushButton):
            passed.append(focused.accessibleName())
        qtbot.keyClick(focused, Qt.Key_Tab)
    raise AssertionError(f"Tab never reached {target.text()!r}; passed {passed}")


def test_the_keyboard_reaches_the_card_buttons_in_reading_order(qtbot, window: MainWindow,
                                                                 page: OverviewPage) -> None:
    page.alerts.link.setFocus(Qt.TabFocusReason)
    passed = tab_to(qtbot, page.growth.link)
    assert passed == ["Change alerts in About me", "Open About me",
                      "Open reviews and checks: 1 year review",
                      "Open immunisations: The 1-year vaccinations", "Open milestones"]
    qtbot.keyClick(page.growth.link, Qt.Key_Return)
    assert window.current_section() == "growth"

    window.show_section("overview")
    page.growth.link.setFocus(Qt.TabFocusReason)
    assert tab_to(qtbot, page.appointments.link) == ["Open growth", "See all 6 journal entries"]
    qtbot.keyClick(page.appointments.link, Qt.Key_Space)
    assert window.current_section() == "appointments"


def test_choosing_another_child_shows_their_cards(qtbot, window: MainWindow,
                                                  page: OverviewPage) -> None:
    session = window.session
    other = session.add_child(ChildDraft("Bea", "Okafor", "2025-06-01"))
    window.context.children_changed.emit()
    window.context.select_child(other.id)
    assert page.about_title.text() == "About Bea" and page.name.text() == "Bea Okafor"
    assert not page.alerts.isVisible() and page.loading.isVisible()  # nothing of Amara stays
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.child_id == other.id)
    assert not page.loading.isVisible() and not page.alerts.isVisible()  # Bea has no alerts
    assert page.growth.words()[1:] == [
        "No measurements yet. The latest weight, length or height and head size, with their "
        "centiles, will show here.", "Add a measurement"]
    assert "Add an observation" in page.journal.words()
    qtbot.mouseClick(page.growth.step, Qt.LeftButton)  # the first step
    assert window.current_section() == "growth"

    amara = next(c for c in session.children() if c.given_name == "Amara")
    window.show_section("overview")
    window.context.select_child(amara.id)
    qtbot.waitUntil(lambda: page.shown is not None and page.shown.child_id == amara.id)
    assert page.alerts.isVisible()


def test_a_change_made_elsewhere_shows_when_the_overview_is_shown_again(
        qtbot, window: MainWindow, page: OverviewPage) -> None:
    window.show_section("growth")
    child_id = window.context.current_child().id
    growth.add(window.session, child_id, GrowthDraft("2025-11-19", "9.3", "75", "45.4"))
    window.show_section("overview")
    qtbot.waitUntil(lambda: "9.3 kg" in page.growth.words())
    assert "Measured on 19 Nov 2025" in page.growth.words()


def test_a_summary_that_cannot_be_read_is_said_calmly(qtbot, window: MainWindow, page: OverviewPage,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(session: object, child_id: str | None) -> None:
        raise OSError("disk gone")

    monkeypatch.setattr(overview_service, "summary", broken)
    window.show_section("growth")
    window.show_section("overview")
    qtbot.waitUntil(page.problem.isVisible)
    assert not page.loading.isVisible()
    assert page.problem.findChild(QWidget, "noteText").text().startswith(
        "The overview could not be shown:")

"""The growth page, driven like a person: keyboard and mouse, a unit slip, a change, the chart."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor

from familyfile.clock import FixedClock
from familyfile.domain.growth import GrowthDraft
from familyfile.services import growth
from familyfile.services.session import FamilySession
from familyfile.ui.models.growth_model import AGE, WEIGHT, GrowthModel
from familyfile.ui.pages.growth import GrowthPage
from tests.record.test_growth import facts as set_facts
from tests.ui.drive import show_page


@pytest.fixture
def family(make_family: FamilySession) -> tuple[FamilySession, str]:
    make_family._vault.clock = FixedClock(datetime(2024, 9, 1, 12, tzinfo=UTC))
    return make_family, make_family.children()[0].id  # born 2024-03-01: 6 months old


@pytest.fixture
def open_page(qtbot, family):
    session, _child_id = family
    return lambda: show_page(qtbot, GrowthPage, session, (1200, 760))


def cell(page: GrowthPage, row: int, column: int) -> str:
    return page.model.data(page.model.index(row, column))


def test_add_a_measurement_with_the_keyboard(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id)
    page = open_page()
    form = page.form
    form.measured_on.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(form.measured_on, "1/8/2024")
    qtbot.keyClick(form.measured_on, Qt.Key_Tab)
    assert form.measured_on.date() == QDate(2024, 8, 1)
    assert form.weight.hasFocus()
    qtbot.keyClicks(form.weight, "7,2")
    qtbot.keyClick(form.weight, Qt.Key_Tab)
    qtbot.keyClicks(form.height, "65.5")
    form.head.setFocus()
    qtbot.keyClicks(form.head, "41.8")
    qtbot.keyClick(form.head, Qt.Key_Return)
    assert page.model.rowCount() == 1
    assert cell(page, 0, WEIGHT).startswith("7.2 kg\ncentile ")
    assert "65.5 cm (lying)" in cell(page, 0, WEIGHT + 1)
    assert form.saved.isVisible() and "Saved: 1 Aug 2024" in form.saved.text()
    assert form.weight.text() == ""  # ready for the next one
    stored = growth.list_measurements(session, child_id)[0].measurement
    assert (stored.weight_kg, stored.height_cm, stored.head_cm) == (7.2, 65.5, 41.8)


def test_add_a_measurement_with_the_mouse(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id)
    page = open_page()
    qtbot.mouseClick(page.form.weight, Qt.LeftButton)
    qtbot.keyClicks(page.form.weight, "7.9")
    qtbot.mouseClick(page.form.standing, Qt.LeftButton)
    qtbot.mouseClick(page.form.height, Qt.LeftButton)
    qtbot.keyClicks(page.form.height, "67")
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert page.model.rowCount() == 1
    assert growth.list_measurements(session, child_id)[0].measurement.length_or_height == "height"
    assert "6 months" in cell(page, 0, AGE)


def test_grams_are_explained_next_to_the_field_and_the_input_is_kept(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id)
    page = open_page()
    qtbot.keyClicks(page.form.weight, "7900")
    qtbot.keyClicks(page.form.head, "42")
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    error = page.form.errors["weight_kg"]
    assert error.isVisible()
    assert error.text() == ("The weight looks unusual for a baby — did you mean 7.9 kg? "
                            "If so, change it to 7.9.")
    assert page.form.summary.isVisible() and page.form.summary.messages == [error.text()]
    assert page.form.weight.text() == "7900" and page.form.head.text() == "42"
    assert page.model.rowCount() == 0 and growth.list_measurements(session, child_id) == []
    page.form.weight.clear()
    qtbot.keyClicks(page.form.weight, "7.9")
    qtbot.keyClick(page.form.weight, Qt.Key_Return)
    assert page.model.rowCount() == 1 and not error.isVisible()


def test_a_very_unusual_value_can_be_confirmed(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id)
    page = open_page()
    qtbot.keyClicks(page.form.weight, "17")  # 17 lb at 6 months: very heavy in kilograms
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert "did you mean 7.71 kg?" in page.form.errors["weight_kg"].text()
    assert page.form.sure.isVisible() and page.model.rowCount() == 0
    qtbot.mouseClick(page.form.sure, Qt.LeftButton, pos=QPoint(8, page.form.sure.height() // 2))
    qtbot.mouseClick(page.form.save, Qt.LeftButton)
    assert page.model.rowCount() == 1 and not page.form.sure.isVisible()


def test_change_a_measurement_and_see_its_history(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id)
    growth.add(session, child_id, GrowthDraft("2024-08-01", "7.2", "65.5"))
    page = open_page()
    assert not page.change_button.isEnabled()
    qtbot.mouseClick(page.table.viewport(), Qt.LeftButton,
                     pos=page.table.visualRect(page.model.index(0, 0)).center())
    assert page.change_button.isEnabled() and not page.history_button.isEnabled()
    qtbot.mouseClick(page.change_button, Qt.LeftButton)
    form = page.form
    assert form.weight.text() == "7.2" and form.height.text() == "65.5"
    assert form.heading.text() == "Change the measurement from 1 Aug 2024"
    form.weight.selectAll()
    qtbot.keyClicks(form.weight, "7.25")
    qtbot.mouseClick(form.save, Qt.LeftButton)
    assert page.model.rowCount() == 1
    assert cell(page, 0, WEIGHT).startswith("7.25 kg") and "changed" in cell(page, 0, 6)
    assert form.editing is None and form.heading.text() == "Add a measurement"
    assert page.history_button.isEnabled()
    qtbot.mouseClick(page.history_button, Qt.LeftButton)
    text = page.history_view.text()
    assert "Version 1" in text and "7.2 kg" in text and "Version 2" in text and "7.25 kg" in text


def test_the_model_passes_qtmodeltester(qtmodeltester, family) -> None:
    session, child_id = family
    set_facts(session, child_id, "male", (30, 4))
    for on, kg in (("2024-03-01", "1.4"), ("2024-05-01", "2.9"), ("2024-08-20", "5.6")):
        growth.add(session, child_id, GrowthDraft(on, kg, "", "36"))
    model = GrowthModel(growth.list_measurements(session, child_id))
    qtmodeltester.check(model)
    assert "corrected:" in model.data(model.index(0, AGE))
    assert "At actual age" in model.data(model.index(0, WEIGHT), Qt.ToolTipRole)
    assert model.data(model.index(0, WEIGHT), Qt.AccessibleTextRole).startswith("Weight: 5.6 kg")


def _ink(image) -> int:
    white = QColor("white").rgb()
    return sum(image.pixel(x, y) != white for x in range(0, image.width(), 3)
               for y in range(0, image.height(), 3))


def test_the_chart_paints_lines_and_points(qtbot, family, open_page) -> None:
    session, child_id = family
    set_facts(session, child_id, "female", (33, 2))
    for on, kg in (("2024-03-01", "1.9"), ("2024-05-01", "3.5"), ("2024-08-01", "6.1")):
        growth.add(session, child_id, GrowthDraft(on, kg))
    page = open_page()
    page.tabs.setCurrentIndex(1)
    chart = page.chart
    assert chart.chart is not None and len(chart.chart.lines) == 36
    assert page.ages.isVisible()  # born early: actual and corrected age, with a toggle
    both = chart.grab().toImage()
    assert _ink(both) > 2000
    assert len(chart._hits) == 6  # a dot and a cross for each measurement
    page.ages.setCurrentIndex(1)
    chart.grab()
    assert len(chart._hits) == 3
    page.measure.setCurrentIndex(2)  # head: no measurements yet
    assert chart.chart is not None and chart.chart.method == "ofc" and not chart.chart.points
    assert _ink(chart.grab().toImage()) > 1000


def test_without_the_sex_the_page_says_centiles_need_it(qtbot, family, open_page) -> None:
    session, child_id = family
    growth.add(session, child_id, GrowthDraft("2024-08-01", "7.2"))
    page = open_page()
    assert page.sex_note.isVisible() and "About me" in page.sex_text.text()
    assert cell(page, 0, WEIGHT) == "7.2 kg\ncentile needs sex"
    page.tabs.setCurrentIndex(1)
    assert page.chart.chart is not None and page.chart.chart.needs_sex
    assert _ink(page.chart.grab().toImage()) > 500

"""Growth: the measurements with their UK-WHO centiles, a form to add or change one, and the
growth chart (weight, length or height, head, BMI) drawn the RCPCH way."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import growth as rules
from familyfile.domain.child import Child
from familyfile.domain.growth_chart import CHART_METHODS
from familyfile.i18n import _
from familyfile.services import growth
from familyfile.services.growth import GrowthRow
from familyfile.ui.models.growth_model import BMI, BY, GrowthModel, day_text, history_lines
from familyfile.ui.pages import PageContext
from familyfile.ui.pages.growth_form import GrowthForm
from familyfile.ui.widgets import growth_axes
from familyfile.ui.widgets.fields import attempt_save
from familyfile.ui.widgets.form import (
    STYLE,
    hint,
    link_button,
    note,
    scrolling_column,
    secondary_button,
    title,
)
from familyfile.ui.widgets.growth_axes import measure_names
from familyfile.ui.widgets.growth_chart import GrowthChart

PAGE_WIDTH = 1040


class GrowthPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE + "QPushButton#secondary:disabled { color: #6f777b; "
                                   "border-color: #b1b4b6; }")
        column = scrolling_column(self, PAGE_WIDTH)
        column.addWidget(title(_("Growth")))
        self.why = hint(_("Weight, length or height, and head measurements, with their centiles "
                          "on the UK-WHO growth charts."))
        column.addWidget(self.why)
        self.sex_note = note("")
        self.sex_text = self.sex_note.findChild(QLabel)
        go = link_button(_("Go to About me"), qta.icon("mdi6.card-account-details-outline"))
        go.clicked.connect(lambda: context.navigate.emit("about_me"))
        self.sex_note.layout().addWidget(go)
        column.addWidget(self.sex_note)
        self.no_child = hint(_("Add a child first (on the Children page), then their measurements."))
        column.addWidget(self.no_child)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._measurements_tab(), qta.icon("mdi6.table"), _("Measurements"))
        self.tabs.addTab(self._chart_tab(), qta.icon("mdi6.chart-bell-curve-cumulative"), _("Chart"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh_chart())
        column.addWidget(self.tabs)
        column.addStretch(1)
        self._form_child: str | None = None  # whose measurement the form is for
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        # Filled in when first shown: the centiles need rcpchgrowth, which takes a second to load.

    # -- building ---------------------------------------------------------------------------
    def _measurements_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.model = GrowthModel(parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Measurements"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setStyleSheet("QTableView::item { padding: 3px 6px; }")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(BY, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.table.activated.connect(lambda _index: self.change_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_changed())
        layout.addWidget(self.table)
        self.empty = hint(_("No measurements yet. Add the first one below: the Red Book has the "
                            "ones the health visitor wrote in."))
        layout.addWidget(self.empty)
        buttons = QHBoxLayout()
        self.change_button = secondary_button(_("Change this measurement"), qta.icon("mdi6.pencil"))
        self.change_button.clicked.connect(self.change_selected)
        self.history_button = secondary_button(_("See earlier versions"), qta.icon("mdi6.history"))
        self.history_button.clicked.connect(self.show_history)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.history_view = QLabel()
        self.history_view.setWordWrap(True)
        self.history_view.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.history_view.hide()
        layout.addWidget(self.history_view)
        layout.addSpacing(8)
        self.form = GrowthForm()
        self.form.save_requested.connect(self.save)
        self.form.cancelled.connect(self.cancel_change)
        layout.addWidget(self.form)
        return tab

    def _chart_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        choices = QHBoxLayout()
        self.measure = QComboBox()
        for method in CHART_METHODS:
            self.measure.addItem(measure_names()[method][0], method)
        self.measure.setAccessibleName(_("Which chart"))
        self.measure.currentIndexChanged.connect(lambda _i: self.refresh_chart())
        shown = QLabel(_("Chart:"))
        shown.setBuddy(self.measure)
        self.ages = QComboBox()
        for mode, words in ((growth_axes.BOTH, _("Actual and corrected age")),
                            (growth_axes.ACTUAL, _("Actual age only")),
                            (growth_axes.CORRECTED, _("Corrected age only"))):
            self.ages.addItem(words, mode)
        self.ages.setAccessibleName(_("Which ages to show"))
        self.ages.currentIndexChanged.connect(
            lambda _i: self.chart.set_mode(self.ages.currentData()))
        self.ages_label = QLabel(_("Show:"))
        self.ages_label.setBuddy(self.ages)
        for widget in (shown, self.measure, self.ages_label, self.ages):
            choices.addWidget(widget)
        choices.addStretch(1)
        layout.addLayout(choices)
        self.chart = GrowthChart()
        layout.addWidget(self.chart)
        layout.addWidget(hint(_(
            "Each dot is one measurement. The curved lines are centiles: for example, 9 in 100 "
            "children measure below the 9th centile line. Children often move a little between "
            "the lines; if you are worried, talk to your health visitor.")))
        layout.addStretch(1)
        return tab

    # -- showing ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.refresh(keep_form=True)  # the sex or gestation may have changed on another page

    def refresh(self, *_args: object, keep_form: bool = False) -> None:
        if not self.isVisible():
            return  # showEvent refreshes it
        child = self.context.current_child()
        self.no_child.setVisible(child is None)
        self.tabs.setVisible(child is not None)
        if child is None:
            self.sex_note.hide()
            self.model.set_rows([])
            return
        session = self.context.session
        about = growth.basis(session, child.id)
        self.sex_note.setVisible(about.sex is None)
        if self.sex_text is not None:
            self.sex_text.setText(_("Centiles need {name}'s sex. Add it in About me: the "
                                    "measurements are kept and the centiles appear here.").format(
                name=child.given_name))
        self._show_rows(growth.list_measurements(session, child.id))
        same_child = self._form_child == child.id
        if not (keep_form and same_child) or (self.form.editing is None and not self.form.draft_typed()):
            self.form.reset(session.today(), child.date_of_birth)
        self._form_child = child.id
        self.form.born = child.date_of_birth
        self.refresh_chart()

    def _show_rows(self, rows: list[GrowthRow]) -> None:
        self.model.set_rows(rows)
        self.table.setVisible(bool(rows))
        self.empty.setVisible(not rows)
        self.table.setColumnHidden(BMI, not any(r.result.bmi is not None for r in rows))
        self.table.resizeRowsToContents()
        shown = sum(self.table.rowHeight(r) for r in range(min(len(rows), 8)))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + shown + 4)
        self.history_view.hide()
        self._selection_changed()

    def _selection_changed(self) -> None:
        row = self.selected()
        self.change_button.setEnabled(row is not None)
        self.history_button.setEnabled(row is not None and row.edited)
        self.history_view.hide()

    def selected(self) -> GrowthRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.growth_row(chosen[0].row()) if chosen else None

    def select_entry(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id)
        if row >= 0:
            self.table.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.ClearAndSelect | QItemSelectionModel.Rows)

    def refresh_chart(self) -> None:
        child = self.context.current_child()
        if child is None or self.tabs.currentIndex() != 1:
            return
        method = self.measure.currentData()
        QApplication.setOverrideCursor(Qt.WaitCursor)  # the first chart of a kind takes a second
        try:
            data = growth.chart_data(self.context.session, child.id, method)
        finally:
            QApplication.restoreOverrideCursor()
        name, axis = measure_names()[method]
        chart_of = {"female": _("girls' chart"), "male": _("boys' chart")}.get(data.sex or "", "")
        heading = _("{name} · {measure}").format(name=child.given_name, measure=name)
        if chart_of:
            heading = _("{heading} · {chart}").format(heading=heading, chart=chart_of)
        self.chart.set_chart(data, heading, axis)
        self.ages.setVisible(data.corrected)
        self.ages_label.setVisible(data.corrected)

    # -- saving and changing ----------------------------------------------------------------
    def save(self) -> None:
        child = self.context.current_child()
        if child is None:
            return
        session = self.context.session
        draft = self.form.draft()
        confirmed = self.form.confirmed
        editing = self.form.editing

        def write() -> GrowthRow:
            if editing is not None:
                return growth.edit(session, editing.entry, draft, confirmed=confirmed)
            return growth.add(session, child.id, draft, confirmed=confirmed)

        attempt_save(self.form, write, lambda saved: self._saved(child, saved),
                     growth.check(session, child.id, draft, confirmed=confirmed))

    def _saved(self, child: Child, saved: GrowthRow) -> None:
        session = self.context.session
        self._show_rows(growth.list_measurements(session, child.id))
        self.select_entry(saved.entry.id)
        self.form.reset(session.today(), child.date_of_birth)
        self.form.saved.setText(self.saved_text(saved))
        self.form.saved.setAccessibleName(self.form.saved.text())
        self.form.saved.show()
        self.form.weight.setFocus(Qt.OtherFocusReason)

    def saved_text(self, saved: GrowthRow) -> str:
        parts = []
        for method, found in saved.result.centiles.items():
            value = rules.format_value(method, found.value)
            parts.append(_("{value} (centile {centile})").format(value=value, centile=found.text)
                         if found.text else value)
        return _("Saved: {date}, {values}.").format(date=day_text(saved.measurement.measured_on),
                                                    values=", ".join(parts))

    def change_selected(self) -> None:
        row = self.selected()
        child = self.context.current_child()
        if row is None or child is None:
            return
        self.form.load(row, child.date_of_birth)
        self.form.weight.setFocus(Qt.OtherFocusReason)

    def cancel_change(self) -> None:
        child = self.context.current_child()
        if child is not None:
            self.form.reset(self.context.session.today(), child.date_of_birth)

    def show_history(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.history_view.setText("\n".join(history_lines(
            growth.history(self.context.session, row.entry.id))))
        self.history_view.setAccessibleName(self.history_view.text())
        self.history_view.show()

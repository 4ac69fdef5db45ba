"""Immunisations: what is due next (in words and colour), every planned dose with its status,
recording and changing vaccinations, and where the schedule comes from."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import immunisations as rules
from familyfile.domain.entry import Entry
from familyfile.i18n import _
from familyfile.services import immunisation_words as words
from familyfile.services import immunisations
from familyfile.services.immunisations import NextDue
from familyfile.ui.models.immunisations_model import (
    AGE,
    ENTRY_ROLE,
    STATE_COLOURS,
    ImmunisationsModel,
)
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.immunisation_form import DoseDialog
from familyfile.ui.widgets.form import STYLE, hint, note, primary_button, scaled_font, secondary_button

ICONS = {rules.OVERDUE: "mdi6.alert-circle-outline", rules.DUE: "mdi6.clock-outline",
         rules.UPCOMING: "mdi6.calendar-month-outline", rules.GIVEN: "mdi6.check-circle-outline"}


class DoseTable(QTableView):
    """As tall as its rows (the page scrolls, not the table); Enter or Return opens a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.timeout.connect(self.fit)
        self.verticalHeader().sectionResized.connect(lambda *_a: self._refit.start(0))

    def fit(self) -> None:
        self.setFixedHeight(self.verticalHeader().length() + self.horizontalHeader().sizeHint().height()
                            + 2 * self.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.currentIndex().isValid():
            self.activated.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ImmunisationsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.dialog: DoseDialog | None = None
        self.setStyleSheet(STYLE)
        column, _title, self.why = page_column(
            self, _("Immunisations"),
            _("The vaccinations your child has had, and what is due next on the UK schedule."))

        self.next_card = QFrame()
        self.next_card.setObjectName("nextDue")
        card = QHBoxLayout(self.next_card)
        card.setContentsMargins(14, 10, 14, 12)
        self.next_icon = QLabel()
        card.addWidget(self.next_icon, 0, Qt.AlignTop)
        text = QVBoxLayout()
        self.next_state = QLabel()
        self.next_state.setFont(scaled_font(self.next_state, 1.3, bold=True))
        self.next_text = QLabel()
        self.next_text.setWordWrap(True)
        self.next_text.setFont(scaled_font(self.next_text, 1.05))
        self.next_hint = hint(_("Your GP practice usually invites you. If you are not sure what "
                                "your child needs, ask them or your health visitor."))
        for label in (self.next_state, self.next_text, self.next_hint):
            text.addWidget(label)
        card.addLayout(text, 1)
        column.addWidget(self.next_card)

        actions = QHBoxLayout()
        self.record = primary_button(_("Record a vaccination"), qta.icon("mdi6.needle", color="white"))
        self.record.clicked.connect(self.record_dose)
        self.change = secondary_button(_("Change a record"), qta.icon("mdi6.pencil"))
        self.change.clicked.connect(self.change_chosen)
        actions.addWidget(self.record)
        actions.addWidget(self.change)
        actions.addStretch(1)
        column.addLayout(actions)

        self.model = ImmunisationsModel(self)
        self.table = DoseTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName(_("Planned vaccinations and their status"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Stretch)
        header.setSectionResizeMode(AGE, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.table.activated.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        column.addWidget(self.table)
        self.how_to_change = hint("")
        column.addWidget(self.how_to_change)

        self.not_covered = note(_("The schedule in Family File starts with children born on or after "
                                  "1 January 2020. You can still record every vaccination."))
        column.addWidget(self.not_covered)
        self.no_child = note(_("Add a child first: their vaccinations are planned from their date "
                               "of birth."))
        column.addWidget(self.no_child)
        self.source = hint(words.source_text())
        column.addWidget(self.source)
        column.addStretch(1)

        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

    # -- showing --------------------------------------------------------------------------------
    def child_id(self) -> str | None:
        child = self.context.current_child()
        return child.id if child is not None else None

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        has_child = child is not None
        for widget in (self.next_card, self.record, self.change, self.table, self.how_to_change):
            widget.setVisible(has_child)
        self.no_child.setVisible(not has_child)
        if child is None:
            self.model.set_table(None, self.context.session.today())
            self.not_covered.hide()
            return
        self.why.setText(_("The vaccinations {name} has had, and what is due next on the UK "
                           "schedule.").format(name=child.given_name))
        session = self.context.session
        table = immunisations.status_table(session, child.id)
        self.model.set_table(table, session.today())
        self.table.fit()
        self.not_covered.setVisible(not table.covered)
        self._show_next(immunisations.next_due(session, child.id), bool(table.rows))
        self._chosen()
        self._say_how(_("To change a vaccination you recorded, double-click it in the table, or "
                        "choose it and press Enter."))

    def _show_next(self, upcoming: NextDue | None, planned: bool) -> None:
        today = self.context.session.today()
        if upcoming is None:
            state = rules.GIVEN
            heading = _("Up to date") if planned else _("Nothing planned")
            sentence = (_("Every planned vaccination is recorded as given, declined or not needed.")
                        if planned else _("There are no planned vaccinations to show."))
        else:
            state = upcoming.state
            heading = words.state_word(state)
            doses = [words.dose_text(r.planned.vaccine, r.planned.dose) for r in upcoming.doses]
            sentence = words.next_due_text(state, upcoming.appointment, upcoming.due, doses, today)
        text, background = STATE_COLOURS[state]
        self.next_card.setStyleSheet(
            f"QFrame#nextDue {{ background: {background}; border-left: 8px solid {text}; }}"
            f"QFrame#nextDue QLabel {{ color: {text}; background: transparent; }}")
        side = self.fontMetrics().height() * 2
        self.next_icon.setPixmap(qta.icon(ICONS.get(state, ICONS[rules.UPCOMING]),
                                          color=text).pixmap(side, side))
        self.next_state.setText(heading)
        self.next_text.setText(sentence)
        self.next_card.setAccessibleName(f"{heading}. {sentence}")
        for label in (self.next_state, self.next_text):
            label.setAccessibleName(label.text())

    # -- recording and changing -----------------------------------------------------------------
    def chosen_entry_id(self) -> str | None:
        """The record in the selected row (None when nothing or a planned dose is selected)."""
        chosen = self.table.selectionModel().selectedRows()
        return self.model.data(chosen[0], ENTRY_ROLE) if chosen else None

    def _say_how(self, text: str) -> None:
        self.how_to_change.setText(text)
        self.how_to_change.setAccessibleName(text)

    def _chosen(self, *_args: object) -> None:
        """The button stays usable (a disabled one explains nothing); it says what to do."""
        self.change.setToolTip(_("Change the record chosen in the table") if self.chosen_entry_id()
                               else _("First choose a vaccination you recorded in the table"))

    def _open_row(self, index: QModelIndex) -> None:
        entry_id = self.model.data(index, ENTRY_ROLE)
        if entry_id:
            self.open_dialog(immunisations.get(self.context.session, entry_id)[0])

    def record_dose(self) -> DoseDialog | None:
        return self.open_dialog(None)

    def change_chosen(self) -> DoseDialog | None:
        entry_id = self.chosen_entry_id()
        if not entry_id:
            self._say_how(_("First choose a vaccination you recorded in the table (one that says "
                            "Given or Declined), then press Change."))
            self.table.setFocus(Qt.OtherFocusReason)
            return None
        return self.open_dialog(immunisations.get(self.context.session, entry_id)[0])

    def open_dialog(self, entry: Entry | None) -> DoseDialog | None:
        child_id = self.child_id()
        if child_id is None:
            return None
        self.dialog = DoseDialog(self.context.session, child_id, entry, self)
        self.dialog.setAttribute(Qt.WA_DeleteOnClose)
        self.dialog.saved.connect(self._saved)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()
        return self.dialog

    def _saved(self, _entry: object) -> None:
        self.refresh()

    def _closed(self, *_args: object) -> None:
        self.dialog = None
        self.table.setFocus(Qt.OtherFocusReason)

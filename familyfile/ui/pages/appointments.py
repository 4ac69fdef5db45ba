"""Appointments: one diary across every service. Coming up first, then past; add, change,
and say whether it happened (went, missed or not brought — with the reason)."""

from __future__ import annotations

from datetime import datetime

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from familyfile.domain import appointments as rules
from familyfile.domain.appointments import AppointmentDraft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import appointments as service
from familyfile.services import involvement as involvements
from familyfile.services.appointments import AppointmentRecord
from familyfile.ui.models.appointments_model import AppointmentRow, AppointmentsModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.appointment_form import AppointmentForm
from familyfile.ui.pages.involvement import one_line
from familyfile.ui.pages.involvement_common import (
    button_row,
    make_table,
    rows_text,
)
from familyfile.ui.pages.overview import card
from familyfile.ui.pages.records_page import RecordsPage
from familyfile.ui.widgets.form import hint, primary_button, secondary_button


class AppointmentsPage(RecordsPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.service = service
        column, _title, why = page_column(self, _("Appointments"), "")
        assert isinstance(why, QLabel)
        self.why = why
        column.addWidget(self.saved)
        self.add_button = primary_button(_("Add an appointment"), qta.icon("mdi6.plus", color="white"))
        self.add_button.clicked.connect(self.start_adding)
        column.addWidget(self.add_button)

        self.coming_model = AppointmentsModel(parent=self)
        self.past_model = AppointmentsModel(parent=self)
        coming_card, coming_body, _h = card(_("Coming up"))
        self.coming_empty = hint(_("No appointments coming up. Add one below when a letter or "
                                   "message arrives."))
        coming_body.addWidget(self.coming_empty)
        self.coming_view = make_table(self.coming_model, _("Appointments coming up"), snug=(0,))
        coming_body.addWidget(self.coming_view)
        self.change_button = secondary_button(_("Change"), qta.icon("mdi6.pencil"))
        self.cancel_button = secondary_button(_("It was cancelled"), qta.icon("mdi6.calendar-remove"))
        self.coming_buttons = button_row(coming_body, self.change_button, self.cancel_button)
        column.addWidget(coming_card)

        past_card, past_body, _h = card(_("Past appointments"))
        self.past_empty = hint(_("No past appointments yet."))
        past_body.addWidget(self.past_empty)
        self.past_view = make_table(self.past_model, _("Past appointments"), snug=(0,))
        past_body.addWidget(self.past_view)
        self.change_past_button = secondary_button(_("Change"), qta.icon("mdi6.pencil"))
        self.went_button = secondary_button(_("We went"), qta.icon("mdi6.check"))
        self.missed_button = secondary_button(_("Missed or not brought"),
                                              qta.icon("mdi6.calendar-question"))
        self.past_buttons = button_row(past_body, self.change_past_button, self.went_button,
                                       self.missed_button)
        column.addWidget(past_card)

        self.form = AppointmentForm(context.session.clock.now())
        self.form.save_requested.connect(self.save)
        self.form.cancelled.connect(self.cancel)
        column.addWidget(self.form)
        column.addStretch(1)

        self.change_button.clicked.connect(lambda: self.edit_selected(self.coming_view))
        self.change_past_button.clicked.connect(lambda: self.edit_selected(self.past_view))
        self.cancel_button.clicked.connect(
            lambda: self.edit_selected(self.coming_view, status=rules.CANCELLED))
        self.missed_button.clicked.connect(
            lambda: self.edit_selected(self.past_view, status=rules.MISSED))
        self.went_button.clicked.connect(self.mark_went)
        self._follow(self.coming_view, self.past_view)

    # -- showing -----------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.setEnabled(child is not None)
        session = self.context.session
        now = session.clock.now()
        if child is None:
            self.why.setText(_("Add a child first. Then you can keep their appointments here."))
            self.coming_model.set_rows([], now)
            self.past_model.set_rows([], now)
            return
        self.why.setText(_("One list of {name}'s appointments with every service, so nothing "
                           "clashes or gets lost. Times are UK time.").format(name=child.given_name))
        people = involvements.current(session, child.id) + involvements.past(session, child.id)
        self.form.set_people([(r.id, one_line(r)) for r in people])
        coming, past = service.coming_and_past(session, child.id)

        def rows(records: list[AppointmentRecord]) -> list[AppointmentRow]:
            return [AppointmentRow(r, service.with_whom(session, r.appointment)) for r in records]

        self.coming_model.set_rows(rows(coming), now)
        self.past_model.set_rows(rows(past), now)
        self.coming_empty.setVisible(not coming)
        self.coming_buttons.setVisible(bool(coming))
        self.past_empty.setVisible(not past)
        self.past_buttons.setVisible(bool(past))

    def listed(self) -> list[str]:
        """Each row, coming up first (for tests and screen readers)."""
        return rows_text(self.coming_model, self.past_model)

    # -- actions -----------------------------------------------------------------------------
    def form_moment(self) -> datetime:
        return self.context.session.clock.now()

    def every_problem(self, draft: AppointmentDraft) -> list[ValidationError]:
        return rules.validate(draft, self.context.session.clock.now())

    def choose_first_text(self) -> str:
        return _("Choose an appointment in the list first.")

    def saved_text(self) -> str:
        return _("Saved. The appointments are up to date.")

    def after_saving(self) -> QWidget:
        return self.form.place

    def edit_selected(self, view: QTableView, *, status: str | None = None) -> None:
        record = self._selected(view)
        if record is None:
            return
        self.saved.hide()
        self.form.start_editing(record, status=status)
        self._scroll_to_form()

    def mark_went(self) -> None:
        record = self._selected(self.past_view)
        if record is not None:
            self.change_now(lambda: service.mark(self.context.session, record, rules.ATTENDED),
                            _("Saved. The appointment is marked as one you went to."))

    def start_adding(self) -> None:
        self.saved.hide()
        self.form.start_adding(self.form_moment())
        self._scroll_to_form()
        self.form.when.setFocus(Qt.OtherFocusReason)

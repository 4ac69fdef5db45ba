"""Appointments: one diary across every service. Coming up first, then past; add, change,
and say whether it happened (went, missed or not brought — with the reason)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from familyfile.domain import appointments as rules
from familyfile.errors import FamilyFileError, ValidationError
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
    scroll_to,
    selected_row,
    status_banner,
)
from familyfile.ui.pages.overview import card
from familyfile.ui.widgets.form import STYLE, hint, primary_button, secondary_button


class AppointmentsPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        column, _title, why = page_column(self, _("Appointments"), "")
        assert isinstance(why, QLabel)
        self.why = why
        self.saved = status_banner()
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
        for view in (self.coming_view, self.past_view):
            view.doubleClicked.connect(lambda _index, v=view: self.edit_selected(v))
            view.activated.connect(lambda _index, v=view: self.edit_selected(v))
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.refresh()

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
        return [" | ".join(model.text(row, col) for col in range(model.columnCount()))
                for model in (self.coming_model, self.past_model)
                for row in range(model.rowCount())]

    # -- actions -----------------------------------------------------------------------------
    def _selected(self, view: QTableView) -> AppointmentRecord | None:
        row = selected_row(view)
        model = view.model()
        if row is None and model.rowCount() == 1:
            row = 0
        if row is None:
            self._say(_("Choose an appointment in the list first."))
            return None
        assert isinstance(model, AppointmentsModel)
        return model.record(row)

    def edit_selected(self, view: QTableView, *, status: str | None = None) -> None:
        record = self._selected(view)
        if record is None:
            return
        self.saved.hide()
        self.form.start_editing(record, status=status)
        scroll_to(self, self.form)
        scroll_to(self, self.form.heading)

    def mark_went(self) -> None:
        record = self._selected(self.past_view)
        if record is None:
            return
        try:
            service.mark(self.context.session, record, rules.ATTENDED)
        except FamilyFileError as exc:
            self.form.fields.show_failure(exc)
            return
        self._done(_("Saved. The appointment is marked as one you went to."))

    def cancel(self) -> None:
        self.form.start_adding(self.context.session.clock.now())
        self.saved.hide()

    def save(self) -> None:
        child = self.context.current_child()
        if child is None:
            return
        session = self.context.session
        draft = self.form.draft()
        try:
            if self.form.editing is None:
                service.add(session, child.id, draft)
            else:
                service.edit(session, self.form.editing, draft)
        except ValidationError as exc:
            # Every problem at once; a rule needing other entries comes from the service.
            self.form.fields.show_problems(rules.validate(draft, session.clock.now()) or [exc])
            return
        except FamilyFileError as exc:  # nothing typed is cleared: they can try again
            self.form.fields.show_failure(exc)
            return
        self._done(_("Saved. The appointments are up to date."))
        self.form.place.setFocus(Qt.OtherFocusReason)

    def _done(self, message: str) -> None:
        self.form.start_adding(self.context.session.clock.now())
        self.refresh()
        self._say(message)

    def _say(self, message: str) -> None:
        self.saved.setText(message)
        self.saved.setAccessibleName(message)
        self.saved.show()
        scroll_to(self, self.saved)

    def start_adding(self) -> None:
        self.saved.hide()
        self.form.start_adding(self.context.session.clock.now())
        scroll_to(self, self.form)
        scroll_to(self, self.form.heading)
        self.form.when.setFocus(Qt.OtherFocusReason)

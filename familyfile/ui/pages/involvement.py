"""Involvement history: who helps the child now, who helped before, the team around the
child and the lead professional; add, change and end."""

from __future__ import annotations

from datetime import date

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from familyfile.domain.involvement import InvolvementDraft, agency_name, validate, who_text
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import involvement as service
from familyfile.services.involvement import InvolvementRecord
from familyfile.ui.models.involvement_model import InvolvementModel
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.involvement_common import (
    button_row,
    make_table,
    rows_text,
)
from familyfile.ui.pages.involvement_form import InvolvementForm
from familyfile.ui.pages.overview import card
from familyfile.ui.pages.records_page import RecordsPage
from familyfile.ui.widgets.form import hint, para, primary_button, secondary_button


def one_line(record: InvolvementRecord) -> str:
    """"Sam Patel, speech therapist — Speech and language therapy, Riverside Clinic"."""
    item = record.involvement
    service_text = f"{agency_name(item.agency)}, {item.organisation}"
    who = who_text(item)
    text = f"{who} — {service_text}" if who else service_text
    if item.recorded_by_family:
        text += " · " + _("Recorded by your family")
    return text


class InvolvementPage(RecordsPage):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.service = service
        column, _title, why = page_column(self, _("Involvement history"), "")
        assert isinstance(why, QLabel)
        self.why = why
        column.addWidget(self.saved)
        self.add_button = primary_button(_("Add a service"), qta.icon("mdi6.plus", color="white"))
        self.add_button.clicked.connect(self.start_adding)
        column.addWidget(self.add_button)

        self.lead_card, lead_body, _h = card(_("Lead professional"))
        lead_body.addWidget(hint(_("The one person who joins up the help and keeps everyone "
                                   "in touch.")))
        self.lead_text = para("")
        lead_body.addWidget(self.lead_text)
        column.addWidget(self.lead_card)

        self.team_card, team_body, _h = card(_("Team around the child"))
        team_body.addWidget(hint(_("The people who work together to help your child now.")))
        self.team_text = para("")
        team_body.addWidget(self.team_text)
        column.addWidget(self.team_card)

        self.current_model = InvolvementModel(parent=self)
        self.past_model = InvolvementModel(parent=self)
        now_card, now_body, _h = card(_("Helping now"))
        self.current_empty = hint("")
        now_body.addWidget(self.current_empty)
        self.current_view = make_table(self.current_model, _("Services helping now"))
        now_body.addWidget(self.current_view)
        self.change_button = secondary_button(_("Change"), qta.icon("mdi6.pencil"))
        self.end_button = secondary_button(_("This help has ended"), qta.icon("mdi6.flag-checkered"))
        self.lead_button = secondary_button(_("Make lead professional"), qta.icon("mdi6.star"))
        self.current_buttons = button_row(now_body, self.change_button, self.end_button,
                                          self.lead_button)
        column.addWidget(now_card)

        past_card, past_body, _h = card(_("Helped before"))
        self.past_empty = hint(_("Nothing here yet. When help ends, it moves here."))
        past_body.addWidget(self.past_empty)
        self.past_view = make_table(self.past_model, _("Services that helped before"))
        past_body.addWidget(self.past_view)
        self.change_past_button = secondary_button(_("Change"), qta.icon("mdi6.pencil"))
        self.past_buttons = button_row(past_body, self.change_past_button)
        column.addWidget(past_card)

        self.form = InvolvementForm(context.session.today())
        self.form.save_requested.connect(self.save)
        self.form.cancelled.connect(self.cancel)
        column.addWidget(self.form)
        column.addStretch(1)

        self.change_button.clicked.connect(lambda: self.edit_selected(self.current_view))
        self.change_past_button.clicked.connect(lambda: self.edit_selected(self.past_view))
        self.end_button.clicked.connect(self.end_selected)
        self.lead_button.clicked.connect(self.make_lead)
        self._follow(self.current_view, self.past_view)

    # -- showing -----------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.setEnabled(child is not None)
        if child is None:
            self.why.setText(_("Add a child first. Then you can write down who helps them."))
            for model in (self.current_model, self.past_model):
                model.set_records([])
            return
        name = child.given_name
        self.why.setText(_("The services and people who help {name} now or helped before. Keep "
                           "them here so you do not have to tell your story again and "
                           "again.").format(name=name))
        session, child_id = self.context.session, child.id
        current = service.current(session, child_id)
        self.current_model.set_records(current)
        self.past_model.set_records(service.past(session, child_id))
        self.current_empty.setText(_("Nobody is written down yet. Add the first service below."))
        self.current_empty.setVisible(not current)
        self.current_buttons.setVisible(bool(current))
        self.past_empty.setVisible(self.past_model.rowCount() == 0)
        self.past_buttons.setVisible(self.past_model.rowCount() > 0)
        lead = service.lead_professional(session, child_id)
        self.lead_text.setText(one_line(lead) if lead else _(
            "Nobody is marked as the lead professional. If someone has told you they are, "
            "choose them under \"Helping now\" and press \"Make lead professional\"."))
        team = service.team_around_child(session, child_id)
        self.team_text.setText("\n".join(one_line(r) for r in team) if team else _(
            "Nobody is marked yet. Tick \"Part of the team around the child\" when you add or "
            "change a service."))
        for label in (self.lead_text, self.team_text):
            label.setAccessibleName(label.text())

    def listed(self) -> list[str]:
        """Each row of both tables as text (for tests and screen readers)."""
        return rows_text(self.current_model, self.past_model)

    # -- actions -----------------------------------------------------------------------------
    def form_moment(self) -> date:
        return self.context.session.today()

    def every_problem(self, draft: InvolvementDraft) -> list[ValidationError]:
        return validate(draft, self.context.session.today())

    def choose_first_text(self) -> str:
        return _("Choose a service in the list first.")

    def saved_text(self) -> str:
        return _("Saved. The involvement history is up to date.")

    def after_saving(self) -> QWidget:
        return self.form.organisation

    def edit_selected(self, view: QTableView, *, ending: bool = False) -> None:
        record = self._selected(view)
        if record is not None:
            self.saved.hide()
            self.form.start_editing(record, self.context.session.today(), ending=ending)
            self._scroll_to_form()

    def end_selected(self) -> None:
        self.edit_selected(self.current_view, ending=True)

    def make_lead(self) -> None:
        record = self._selected(self.current_view)
        if record is not None:
            self.change_now(lambda: service.set_lead(self.context.session, record),
                            _("Saved. {who} is now the lead professional.").format(
                                who=one_line(record)))

    def start_adding(self) -> None:
        self.saved.hide()
        self.form.start_adding(self.form_moment())
        self._scroll_to_form()
        self.form.agency.setFocus(Qt.OtherFocusReason)


"""The form to add or change a service that helps the child (part of the involvement page)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QWidget,
)

from familyfile.domain.involvement import AGENCY_TYPES, SOCIAL_CARE, InvolvementDraft, agency_type
from familyfile.i18n import _
from familyfile.services.involvement import InvolvementRecord
from familyfile.ui.pages.involvement_common import iso, qdate
from familyfile.ui.widgets.date_edit import DateEdit
from familyfile.ui.widgets.fields import long_text
from familyfile.ui.widgets.form_card import FormCard


class InvolvementForm(FormCard):
    """Add (``editing`` is None) or change one involvement. ``save_requested`` asks the page
    to save; the page shows problems with ``fields.show_problems`` — nothing typed is lost."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: InvolvementRecord | None = None
        body = self.body

        self.agency = QComboBox()
        for agency in AGENCY_TYPES:
            self.agency.addItem(agency.name(), agency.key)
        self.agency_hint = self.fields.add(body, "agency", _("What kind of service is it?"),
                                           self.agency, " ")
        self.agency.currentIndexChanged.connect(self._explain_agency)
        self.organisation = QLineEdit()
        self.fields.add(body, "organisation", _("Organisation"), self.organisation,
                        _("For example, Riverside Children's Centre or St Mary's Hospital."))
        self.team = QLineEdit()
        self.fields.add(body, "team", _("Team (if you know it)"), self.team)
        self.professional = QLineEdit()
        self.fields.add(body, "professional", _("Name of the person who helps (if you know it)"),
                        self.professional)
        self.role = QLineEdit()
        self.fields.add(body, "role", _("Their job (if you know it)"), self.role,
                        _("For example, speech and language therapist."))
        self.contact = QLineEdit()
        self.fields.add(body, "contact", _("Phone number or email (if you have it)"), self.contact)
        self.ods_code = QLineEdit()
        self.ods_code.setMaximumWidth(self.fontMetrics().horizontalAdvance("M") * 12)
        self.fields.add(body, "ods_code", _("ODS code (if you know it)"), self.ods_code,
                        _("An NHS code for the organisation, like RJ1. It is on some letters. "
                          "Most people leave this empty."))
        self.start = DateEdit()
        self.fields.add(body, "start_date", _("When did it start?"), self.start,
                        _("For example, 1 May 2025. Type it, or pick it from the calendar."))
        self.has_ended = QCheckBox(_("This help has ended"))
        self.has_ended.toggled.connect(self._show_end)
        body.addWidget(self.has_ended)
        self.end = DateEdit()
        self.fields.add(body, "end_date", _("When did it end?"), self.end)
        self.reason = long_text()
        self.fields.add(body, "reason", _("Why are they helping? (if you want to say)"), self.reason)
        self.outcome = long_text()
        self.fields.add(body, "outcome", _("What has come of it? (if you want to say)"), self.outcome)
        self.lead = QCheckBox(_("This is the lead professional"))
        self.fields.add(body, "lead", _("This is the lead professional"), self.lead,
                        _("The one person who joins up the help and keeps everyone in touch. "
                          "Only one person can be the lead."))
        self.team_around_child = QCheckBox(_("Part of the team around the child"))
        self.fields.add(body, "team_around_child", _("Part of the team around the child"),
                        self.team_around_child,
                        _("The people who work together to help your child now."))

        self.add_buttons(_("Save service"), _("Cancel changes"))
        self.start_adding(today)

    # -- state -------------------------------------------------------------------------------
    def _explain_agency(self) -> None:
        key = self.agency.currentData()
        text = agency_type(key).explanation()
        if key == SOCIAL_CARE:
            text += " " + _("It is shown as \"Recorded by your family\", not as an official record.")
        self.agency_hint.setText(text)
        self.agency_hint.setAccessibleName(text)
        self.agency_hint.show()
        self.agency.setAccessibleDescription(text)

    def _show_end(self, ended: bool) -> None:
        self.fields.set_shown("end_date", ended)

    def start_adding(self, today: date) -> None:
        self.editing = None
        self.heading.setText(_("Add a service that helps"))
        self.save.setText(_("Save service"))
        self.cancel.hide()
        self.fields.clear()
        self.agency.setCurrentIndex(0)
        self._explain_agency()
        for box in (self.organisation, self.team, self.professional, self.role, self.contact,
                    self.ods_code):
            box.clear()
        self.reason.clear()
        self.outcome.clear()
        self.start.setDate(qdate(today))
        self.end.setDate(qdate(today))
        self.has_ended.setChecked(False)
        self._show_end(False)
        self.lead.setChecked(False)
        self.team_around_child.setChecked(False)

    def start_editing(self, record: InvolvementRecord, today: date, *, ending: bool = False) -> None:
        item = record.involvement
        self.editing = record
        self.heading.setText(_("Change this service") if not ending else _("This help has ended"))
        self.save.setText(_("Save changes"))
        self.cancel.show()
        self.fields.clear()
        self.agency.setCurrentIndex(max(0, self.agency.findData(item.agency)))
        self._explain_agency()
        self.organisation.setText(item.organisation)
        self.team.setText(item.team)
        self.professional.setText(item.professional)
        self.role.setText(item.role)
        self.contact.setText(item.contact)
        self.ods_code.setText(item.ods_code)
        self.reason.setPlainText(item.reason)
        self.outcome.setPlainText(item.outcome)
        self.start.setDate(qdate(item.start_date))
        ended = ending or item.end_date is not None
        self.end.setDate(qdate(item.end_date or today))
        self.has_ended.setChecked(ended)
        self._show_end(ended)
        self.lead.setChecked(item.lead)
        self.team_around_child.setChecked(item.team_around_child)
        target = self.outcome if ending else self.organisation
        target.setFocus(Qt.OtherFocusReason)

    def draft(self) -> InvolvementDraft:
        return InvolvementDraft(
            agency=str(self.agency.currentData()), organisation=self.organisation.text(),
            start_date=iso(self.start.date()), ods_code=self.ods_code.text(),
            team=self.team.text(), professional=self.professional.text(), role=self.role.text(),
            contact=self.contact.text(),
            end_date=iso(self.end.date()) if self.has_ended.isChecked() else "",
            reason=self.reason.toPlainText(), outcome=self.outcome.toPlainText(),
            lead=self.lead.isChecked(), team_around_child=self.team_around_child.isChecked())

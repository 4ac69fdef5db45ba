"""Add or change one critical alert: an allergy, a condition, a medicine or equipment."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from familyfile.domain import alerts as alert_rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog, choices, date_hint
from familyfile.ui.widgets.fields import long_text

KEYS = {"alert_type": "type", "alert_what": "what", "alert_details": "details",
        "alert_since": "since", "alert_active": "active"}


class AlertDialog(FormDialog):
    """``entry`` None: a new alert for ``child_id``; otherwise that alert is changed."""

    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        heading = _("Change an alert") if entry else _("Add a critical alert")
        super().__init__(heading, _("Something a doctor, nurse or teacher must know straight "
                                    "away, such as an allergy or a medicine."),
                         _("Save alert"), parent)
        self.session = session
        self.child_id = child_id
        self.entry = entry
        self.add_field("alert_type", _("What kind of alert"),
                       choices([(t, alert_rules.type_label(t)) for t in alert_rules.TYPES]))
        self.add_field("alert_what", _("What it is"), QLineEdit(),
                       _("For example: peanuts, asthma, an inhaler, hearing aids."))
        self.add_field("alert_details", _("Details (optional)"), long_text(),
                       _("For example: what happens (the reaction), or the dose and when it is "
                         "given."))
        self.add_field("alert_since", _("Since (optional)"), QLineEdit(), date_hint(),
                       is_date=True)
        active = QCheckBox()
        self.add_field("alert_active", _("This still applies"), active)
        active.setChecked(True)
        if entry is not None:
            self.fill(entry.data, KEYS)
        self.resize(560, 560)

    def raw(self, values: dict[str, Any]) -> dict[str, Any]:
        return {KEYS[key]: value for key, value in values.items()}

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return alert_rules.validate(self.raw(values), self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        if self.entry is None:
            return about.add_alert(self.session, self.child_id, self.raw(values)).entry
        return about.edit_alert(self.session, self.entry, self.raw(values)).entry

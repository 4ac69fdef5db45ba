"""Add or change one address in the child's address history."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from familyfile.domain import addresses as address_rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog, date_hint
from familyfile.ui.widgets.fields import long_text

KEYS = {"address_lines": "lines", "town": "town", "postcode": "postcode",
        "from_date": "from_date", "to_date": "to_date"}


class AddressDialog(FormDialog):
    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        heading = _("Change an address") if entry else _("Add an address")
        super().__init__(heading, _("Where the child lived, and when. Records often get lost "
                                    "when a family moves, so every move helps."),
                         _("Save address"), parent)
        self.session = session
        self.child_id = child_id
        self.entry = entry
        self.add_field("address_lines", _("Address"), long_text(3),
                       _("House number and street on the first line; up to 4 lines."))
        self.add_field("town", _("Town or city (optional)"), QLineEdit())
        self.add_field("postcode", _("Postcode (optional)"), QLineEdit(),
                       _("For example, SW1A 1AA."))
        self.add_field("from_date", _("Moved in"),
                       QLineEdit(), date_hint() + " " + _("A rough date is fine."), is_date=True)
        self.add_field("to_date", _("Moved out (optional)"), QLineEdit(),
                       _("Leave it empty if the child still lives here."), is_date=True)
        if entry is not None:
            self.fill(entry.data, KEYS)
        self.resize(560, 600)

    def raw(self, values: dict[str, Any]) -> dict[str, Any]:
        return {KEYS[key]: value for key, value in values.items()}

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return address_rules.validate(self.raw(values), self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        if self.entry is None:
            return about.add_address(self.session, self.child_id, self.raw(values)).entry
        return about.edit_address(self.session, self.entry, self.raw(values)).entry

"""Add or change a person who looks after the children."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget

from familyfile.domain import carers as carer_rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import family
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog, choices

KEYS = {"carer_name": "name", "relationship": "relationship", "carer_phone": "phone",
        "parental_responsibility": "parental_responsibility", "co_holds_file": "co_holds_file"}


def responsibility_choices() -> list[tuple[str, str]]:
    return [("yes", _("Yes")), ("no", _("No")), ("unsure", _("Not sure"))]


def relationship_suggestions() -> list[str]:
    """Suggestions only: any words may be typed."""
    return [_("Mother"), _("Father"), _("Parent"), _("Step-parent"), _("Grandparent"),
            _("Foster carer"), _("Special guardian"), _("Aunt or uncle"), _("Brother or sister")]


def responsibility_text(value: str) -> str:
    return dict(responsibility_choices()).get(value, value)


class CarerDialog(FormDialog):
    def __init__(self, session: FamilySession, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        heading = _("Change a carer") if entry else _("Add a carer")
        super().__init__(heading, _("A parent or anyone else who looks after the children."),
                         _("Save carer"), parent)
        self.session = session
        self.entry = entry
        self.add_field("carer_name", _("Name"), QLineEdit())
        relationship = QComboBox()
        relationship.setEditable(True)
        relationship.addItems(relationship_suggestions())
        relationship.setCurrentText("")
        self.add_field("relationship", _("Relationship to the child"), relationship,
                       _("Choose one, or type your own words."))
        self.add_field("carer_phone", _("Phone (optional)"), QLineEdit())
        self.add_field("parental_responsibility", _("Do they have parental responsibility?"),
                       choices(responsibility_choices()),
                       _("Parental responsibility means the legal right to make decisions for "
                         "the child, such as agreeing to treatment. Choose Not sure if you are "
                         "not sure."))
        self.add_field("co_holds_file", _("They also keep this family file"), QCheckBox())
        if entry is not None:
            self.fill(entry.data, KEYS)
        else:
            self.set_value("parental_responsibility", "unsure")
        self.resize(560, 560)

    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if key == "relationship" and isinstance(widget, QComboBox):
            return widget.currentText()
        return super().value(key)

    def set_value(self, key: str, value: Any) -> None:
        widget = self.inputs[key]
        if key == "relationship" and isinstance(widget, QComboBox):
            widget.setCurrentText(str(value or ""))
            return
        super().set_value(key, value)

    def raw(self, values: dict[str, Any]) -> dict[str, Any]:
        return {KEYS[key]: value for key, value in values.items()}

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return carer_rules.validate(self.raw(values))

    def save(self, values: dict[str, Any]) -> Entry:
        if self.entry is None:
            return family.add_carer(self.session, self.raw(values)).entry
        return family.edit_carer(self.session, self.entry, self.raw(values)).entry

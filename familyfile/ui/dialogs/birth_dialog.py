"""Edit birth and newborn details: gestation, measurements, screening results."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from familyfile.domain import birth as rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import birth
from familyfile.services.session import FamilySession
from familyfile.ui import labels
from familyfile.ui.dialogs.entry_form import FormDialog, choices
from familyfile.ui.widgets.fields import long_text

_NUMBERS = ("gestation_weeks", "gestation_days", "birth_weight_kg", "birth_head_cm")


def _number(text: str, field: str, whole: bool) -> int | float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        return int(text) if whole else float(text)
    except ValueError:
        raise ValidationError(field, "not-a-number") from None


class BirthDialog(FormDialog):
    def __init__(self, session: FamilySession, child_id: str, parent: QWidget | None = None) -> None:
        super().__init__(_("Birth and newborn checks"),
                         _("How your baby was born and the checks done in the first weeks. "
                           "Leave out anything you don't know."), _("Save birth details"), parent)
        self.session = session
        self.child_id = child_id
        self.add_heading(_("Birth"))
        self.add_field("gestation_weeks", _("Weeks of pregnancy at birth"), QLineEdit(),
                       _("For example 39. A baby born before 37 weeks is 'early' (premature)."))
        self.add_field("gestation_days", _("And how many extra days (0 to 6)"), QLineEdit())
        self.add_field("birth_weight_kg", _("Birth weight in kilograms"), QLineEdit(),
                       _("For example 3.4. If you know it in grams, 3400 grams is 3.4 kg."))
        self.add_field("birth_head_cm", _("Head measurement at birth in centimetres"), QLineEdit(),
                       _("For example 34.5"))
        self.add_field("place", _("Where your baby was born"), choices(list(labels.place().items())))
        self.add_field("place_name", _("Name of the place (optional)"), QLineEdit())
        self.add_field("birth_type", _("Type of birth"), choices(list(labels.birth_type().items())))
        self.add_heading(_("Newborn physical check (within 3 days)"))
        for check, words in labels.nipe_check().items():
            self.add_field(f"nipe_72h.{check}", words, choices(list(labels.nipe_outcome().items())))
        self.add_heading(_("Physical check at 6 to 8 weeks"))
        for check, words in labels.nipe_check().items():
            self.add_field(f"nipe_6_8_weeks.{check}", words,
                           choices(list(labels.nipe_outcome().items())))
        self.add_heading(_("Newborn hearing screen"))
        self.add_field("hearing_left", _("Left ear"), choices(list(labels.hearing_outcome().items())))
        self.add_field("hearing_right", _("Right ear"), choices(list(labels.hearing_outcome().items())))
        self.add_heading(_("Blood spot (heel prick) test"))
        for condition, words in labels.blood_spot_condition().items():
            self.add_field(f"blood_spot.{condition}", words,
                           choices(list(labels.blood_spot_result().items())))
        self.add_field("notes", _("Notes (optional)"), long_text())
        record, self.entry = birth.current(session, child_id)
        self._fill(record)

    def _fill(self, record: rules.Birth) -> None:
        data = record.to_data()
        for key in self.inputs:
            if "." in key:
                group, item = key.split(".")
                self.set_value(key, data.get(group, {}).get(item, ""))
            elif key in data and data[key] is not None:
                self.set_value(key, data[key])

    def record(self, values: dict[str, Any]) -> rules.Birth:
        plain: dict[str, Any] = {}
        groups: dict[str, dict[str, str]] = {"nipe_72h": {}, "nipe_6_8_weeks": {}, "blood_spot": {}}
        for key, value in values.items():
            if "." in key:
                group, item = key.split(".")
                if value:
                    groups[group][item] = value
            elif key in _NUMBERS:
                plain[key] = _number(str(value), key, whole=key.startswith("gestation"))
            else:
                plain[key] = value
        return rules.Birth(**plain, **groups)

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        try:
            return rules.validate(self.record(values))
        except ValidationError as exc:
            return [exc]

    def save(self, values: dict[str, Any]) -> Entry:
        return birth.save(self.session, self.child_id, self.record(values))

"""Edit About me: every field of the front page in one form, in the order a parent thinks
of them. Saving also changes the child's name and date of birth everywhere."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from familyfile.domain import about_me as about_rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import about_me as about
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog, choices, date_hint
from familyfile.ui.widgets.fields import long_text
from familyfile.ui.widgets.secret_edit import SecretEdit


def sex_choices() -> list[tuple[str, str]]:
    return [("", _("Not given")), ("female", _("Female")), ("male", _("Male"))]


class AboutMeDialog(FormDialog):
    def __init__(self, session: FamilySession, child_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(_("Edit About me"),
                         _("Only the names and date of birth are needed. Fill in the rest when "
                           "you can; you can change it at any time."),
                         _("Save About me"), parent)
        self.session = session
        self.child_id = child_id
        record, self.entry = about.get_about_me(session, child_id)
        self._build()
        self.fill(record.to_data())
        self.resize(640, 700)

    def _line(self, key: str, label: str, why: str | None = None, *,
              is_date: bool = False) -> QLineEdit:
        box = QLineEdit()
        self.add_field(key, label, box, why, is_date=is_date)
        return box

    def _build(self) -> None:
        self.add_heading(_("Name and birth"))
        self._line("given_name", _("First name (legal)"))
        self._line("family_name", _("Last name (legal)"))
        self._line("known_as", _("Known as (optional)"),
                   _("The name the child is called, if it is different."))
        self._line("previous_names", _("Previous names (optional)"),
                   _("Separate names with commas. They help services find older records."))
        self._line("date_of_birth", _("Date of birth"), date_hint(), is_date=True)
        self.add_field("sex", _("Sex (optional)"), choices(sex_choices()),
                       _("Used only to choose the right growth chart: charts for girls and boys "
                         "are different."))
        self.add_heading(_("Numbers that identify the child (all optional)"))
        nhs = SecretEdit(_("NHS number"))
        self.add_field("nhs_number", _("NHS number"), nhs,
                       _("10 numbers, for example 943 476 5919. It is on letters from the doctor "
                         "and in the Red Book. Leave it empty if you do not know it."))
        self.nhs = nhs
        self._line("upn", _("Unique Pupil Number"),
                   _("Given by a school in England: 13 letters and numbers."))
        self._line("local_authority_id", _("Council ID for the child"),
                   _("Only if the council gave the child a number."))
        self.add_heading(_("Getting to know the child"))
        self._line("languages", _("Languages spoken at home"),
                   _("Separate languages with commas, for example English, Polish."))
        self.add_field("communication", _("How they communicate"), long_text(),
                       _("For example: words, signs, pointing, pictures."))
        self.add_field("what_helps", _("What helps"), long_text(),
                       _("For example: a warning before changes, a favourite toy."))
        self.add_field("likes", _("Likes"), long_text(2))
        self.add_field("dislikes", _("Dislikes"), long_text(2))
        self.add_heading(_("People who help the child"))
        self._line("gp_practice", _("GP practice"))
        self._line("gp_phone", _("GP practice phone"))
        self._line("health_visitor_name", _("Health visitor's name"))
        self._line("health_visitor_phone", _("Health visitor's phone"))
        self._line("key_worker_name", _("Key worker's name"),
                   _("A key worker is the one person who helps join up the child's support."))
        self._line("key_worker_organisation", _("Key worker's organisation"))
        self._line("key_worker_phone", _("Key worker's phone"))
        self._line("nursery_school_name", _("Nursery or school"))
        self._line("nursery_school_phone", _("Nursery or school phone"))

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return about_rules.validate(values, self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        return about.save_about_me(self.session, self.child_id, values, seen=self.entry)

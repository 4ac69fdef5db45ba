""""Record something for this child…": the practitioner chooses what they confirm — a growth
measurement, a vaccination given, a review outcome or a short note — types it, and signs it.

The checks are the service's (``services.practitioner.check_entry``): the same growth, vaccine
and journal rules the family's own forms use, so a slip such as grams for kilograms gets the same
plain message next to the field.
"""

from __future__ import annotations

from typing import Any

import qtawesome as qta
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from familyfile.clock import SYSTEM_CLOCK, Clock
from familyfile.domain import journal as journal_rules
from familyfile.domain.immunisations import DOSE_MAX
from familyfile.errors import ValidationError
from familyfile.export import entry_cards
from familyfile.i18n import _
from familyfile.services import immunisation_words as jab_words
from familyfile.services import immunisations
from familyfile.services import practitioner as practice
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.dialogs.entry_form import FormDialog, choices, date_hint, date_text
from familyfile.ui.widgets.fields import long_text

#: Each kind's inputs (after the date, which every kind has).
KIND_FIELDS = {entry_cards.GROWTH: ("weight_kg", "height_cm", "head_cm"),
               entry_cards.IMMUNISATION: ("vaccine", "dose"),
               entry_cards.REVIEW: ("outcome",),
               entry_cards.NOTE: ("text", "area")}
#: A rule's field → the input that shows it.
_INPUT_FOR = {"measured_on": "on", "vaccination_date": "on", "dose_number": "dose",
              "measurement": "weight_kg", "observation_text": "text"}


def kind_words() -> list[tuple[str, str]]:
    return [(entry_cards.GROWTH, _("A growth measurement")),
            (entry_cards.IMMUNISATION, _("A vaccination given")),
            (entry_cards.REVIEW, _("A review outcome")), (entry_cards.NOTE, _("A short note"))]


def _vaccines() -> list[tuple[str, str]]:
    found = immunisations.schedule().vaccines
    routine = [(k, jab_words.vaccine_name(k)) for k, v in found.items() if v.routine]
    other = [(k, jab_words.vaccine_name(k)) for k, v in found.items() if not v.routine]
    return [("", _("Choose a vaccine")), *routine, *other]


def what_text(draft: practice.EntryDraft) -> str:
    """A line for the signed card's screen ("A growth measurement, 20 Feb 2026"); no values."""
    words = dict(kind_words()).get(draft.kind, draft.kind)
    return _("{what}, {day}").format(what=words, day=date_text(draft.on))


class RecordEntryDialog(FormDialog):
    """``saved`` carries (the signed card's JWS, the draft it was made from)."""

    def __init__(self, practitioner: practice.Practitioner, handover: practice.VerifiedHandover,
                 parent: QWidget | None = None, *, clock: Clock = SYSTEM_CLOCK) -> None:
        super().__init__(_("Record something for this child"),
                         _("The family's app adds it to the child's record as confirmed by {who}. "
                           "Only the child's NHS number or first name and date of birth go on the card "
                           "with it.").format(who=practitioner.identity.display),
                         _("Sign"), parent)
        self.practitioner = practitioner
        self.handover = handover
        self.clock = clock
        self.kind = choices(kind_words())
        self.add_field("kind", _("What do you want to record?"), self.kind)
        self.add_field("on", _("Date"), QLineEdit(date_text(clock.now().date().isoformat())), date_hint(),
                       is_date=True)
        self.add_field("weight_kg", _("Weight in kilograms"), QLineEdit(), _("For example 7.9. Leave empty "
                                                                             "if not weighed."))
        self.add_field("height_cm", _("Length or height in centimetres"), QLineEdit(),
                       _("Lying down under 2 years, standing from 2. Leave empty if not measured."))
        self.add_field("head_cm", _("Head in centimetres"), QLineEdit(), _("Leave empty if not measured."))
        self.add_field("vaccine", _("Vaccine"), choices(_vaccines()), _("From the UK routine schedule."))
        self.add_field("dose", _("Dose"), choices([("", _("Choose the dose"))] +
                                                   [(str(n), str(n)) for n in range(1, DOSE_MAX + 1)]))
        outcome = long_text(3)
        self.add_field("outcome", _("Outcome of the review"), outcome,
                       _("At most {n} characters, for example: No concerns; review again at 3.").format(
                           n=entry_cards.OUTCOME_MAX))
        self.add_field("text", _("Note"), long_text(3),
                       _("At most {n} characters.").format(n=entry_cards.NOTE_MAX))
        area = QComboBox()
        area.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        area.setMinimumContentsLength(16)
        area.addItem(_("Choose an area"), "")
        for key in journal_rules.AREAS:
            area.addItem(_("{plain} ({eyfs})").format(plain=journal_rules.area_name(key),
                                                      eyfs=journal_rules.area_official_name(key)), key)
        self.add_field("area", _("Area of learning"), area,
                       _("The family's journal files the note under this area."))
        self.body.addStretch(1)
        self.save_button.setIcon(qta.icon("mdi6.draw-pen", color="white"))
        scale_icons(self.save_button)
        self.kind.currentIndexChanged.connect(self._kind_chosen)
        self._kind_chosen()

    def _kind_chosen(self, *_args: object) -> None:
        chosen = self.kind.currentData()
        self.clear_problems()
        for kind, keys in KIND_FIELDS.items():
            for key in keys:
                self.fields.set_shown(key, kind == chosen)

    def draft(self, values: dict[str, Any]) -> practice.EntryDraft:
        kind = values["kind"]
        shown = {key: str(values[key] or "") for key in KIND_FIELDS[kind]}
        return practice.EntryDraft(kind, values["on"], **shown)

    def input_for(self, field: str) -> str:
        return _INPUT_FOR.get(field, field)

    def show_problems(self, problems: Any) -> None:
        # "text" has no words of its own in the messages table; a journal's "what you saw" fits a note
        worded = [ValidationError("observation_text", p.code, **p.params) if p.field == "text" else p
                  for p in problems]
        super().show_problems(worded)

    def show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, practice.Refused):
            self.clear_problems()
            self.summary.show_errors([("", exc.sentence)])
        else:
            super().show_failure(exc)

    def save(self, values: dict[str, Any]) -> object:
        draft = self.draft(values)
        jws = practice.issue_entry(self.practitioner, self.handover, draft, clock=self.clock)
        return jws, draft

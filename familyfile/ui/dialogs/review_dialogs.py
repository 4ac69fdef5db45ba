"""Record a health visitor review, the 2–2½ year review, or a vision or hearing check."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from familyfile.domain import reviews as rules
from familyfile.domain.entry import Entry
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import reviews
from familyfile.services.session import FamilySession
from familyfile.ui import labels
from familyfile.ui.dialogs.entry_form import FormDialog, choices, date_hint
from familyfile.ui.widgets.fields import long_text


class _ChildDialog(FormDialog):
    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None, heading: str,
                 why: str, save_text: str, parent: QWidget | None) -> None:
        super().__init__(heading, why, save_text, parent)
        self.session = session
        self.child_id = child_id
        self.entry = entry

    def born(self) -> Any:
        return self.session.child(self.child_id).date_of_birth


class ContactDialog(_ChildDialog):
    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 contact: str = "", parent: QWidget | None = None) -> None:
        super().__init__(session, child_id, entry, _("Record a health visitor review"),
                         _("Write down each review so the next professional can see it happened."),
                         _("Save review"), parent)
        self.add_field("contact", _("Which review"), choices(
            [(c.key, c.name) for c in rules.contact_definitions()]))
        self.add_field("status", _("What happened"), choices(
            [(s, labels.contact_state()[s]) for s in rules.CONTACT_STATUSES]))
        self.add_field("on", _("Date"), QLineEdit(), date_hint(), is_date=True)
        self.add_field("who", _("Who did it (optional)"), QLineEdit(), _("For example: Jo Hart"))
        self.add_field("role", _("Their job (optional)"), QLineEdit(), _("For example: Health visitor"))
        self.add_field("where", _("Where (optional)"), QLineEdit(), _("For example: at home, or the clinic"))
        self.add_field("notes", _("Notes (optional)"), long_text())
        if entry is not None:
            self.fill(entry.data)
        elif contact:
            self.set_value("contact", contact)

    def record(self, values: dict[str, Any]) -> rules.Contact:
        return rules.Contact(**values)

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return rules.validate_contact(self.record(values), self.born(), self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        return reviews.record_contact(self.session, self.child_id, self.record(values), self.entry)


class IntegratedReviewDialog(_ChildDialog):
    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, child_id, entry, _("The 2 to 2½ year review"),
                         _("The area scores and what the reviewer said. The ASQ-3 questions "
                           "themselves are not kept here."), _("Save the review"), parent)
        self.add_field("on", _("Date of the review"), QLineEdit(), date_hint(), is_date=True)
        self.add_field("reviewer", _("Who did the review (optional)"), QLineEdit())
        self.add_field("role", _("Their job (optional)"), QLineEdit())
        self.add_field("where", _("Where (optional)"), QLineEdit())
        scores = [("", _("Not recorded"))] + [(str(n), str(n)) for n in range(0, 65, 5)]
        for area, words in labels.asq_area().items():
            self.add_heading(words)
            self.add_field(f"score.{area}", _("ASQ-3 score (0 to 60)"), choices(scores))
            self.add_field(f"outcome.{area}", _("What the reviewer said"),
                           choices(list(labels.asq_outcome().items())))
        self.add_heading(_("Progress check from the nursery or childminder"))
        for area, words in labels.prime_area().items():
            self.add_field(f"eyfs.{area}", words, long_text(2))
        self.add_field("outcome_notes", _("What happens next (optional)"), long_text())
        if entry is not None:
            self._fill(entry.data)

    def _fill(self, data: dict[str, Any]) -> None:
        self.fill(data)
        for area, score in data.get("asq_scores", {}).items():
            self.set_value(f"score.{area}", str(score))
        for area, outcome in data.get("asq_outcomes", {}).items():
            self.set_value(f"outcome.{area}", outcome)
        for area, text in data.get("eyfs_summary", {}).items():
            self.set_value(f"eyfs.{area}", text)

    def record(self, values: dict[str, Any]) -> rules.IntegratedReview:
        parts: dict[str, dict[str, Any]] = {"score": {}, "outcome": {}, "eyfs": {}}
        plain = {}
        for key, value in values.items():
            if "." in key:
                group, area = key.split(".")
                if value:
                    parts[group][area] = int(value) if group == "score" else value.strip()
            else:
                plain[key] = value
        return rules.IntegratedReview(**plain, asq_scores=parts["score"],
                                      asq_outcomes=parts["outcome"], eyfs_summary=parts["eyfs"])

    def input_for(self, field: str) -> str:
        if field.startswith("asq_") and field.endswith("_outcome"):
            return f"outcome.{field[4:-8]}"
        return f"score.{field[4:]}" if field.startswith("asq_") else field

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return rules.validate_integrated(self.record(values), self.born(), self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        return reviews.record_integrated(self.session, self.child_id, self.record(values), self.entry)


class CheckDialog(_ChildDialog):
    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(session, child_id, entry, _("Record a vision or hearing check"),
                         _("Checks of eyes and ears after the newborn screen."),
                         _("Save check"), parent)
        self.add_field("check", _("Which check"), choices(list(labels.check_type().items())))
        self.add_field("on", _("Date"), QLineEdit(), date_hint(), is_date=True)
        self.add_field("outcome", _("Result"), choices(list(labels.check_outcome().items())))
        self.add_field("who", _("Who did it (optional)"), QLineEdit())
        self.add_field("where", _("Where (optional)"), QLineEdit())
        self.add_field("notes", _("Notes (optional)"), long_text())
        if entry is not None:
            self.fill(entry.data)

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return rules.validate_check(rules.ScreeningCheck(**values), self.born(), self.session.today())

    def save(self, values: dict[str, Any]) -> Entry:
        return reviews.record_check(self.session, self.child_id, rules.ScreeningCheck(**values),
                                    self.entry)

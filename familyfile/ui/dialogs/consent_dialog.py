"""Give, change, take back or confirm one consent: one agency (or team) and one kind of
information. The plain words shown here are stored with the choice, word for word."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from familyfile.domain import categories as cats
from familyfile.domain import consent as rules
from familyfile.domain.consent import ConsentEvent, Purpose
from familyfile.errors import FamilyFileError, ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import consent
from familyfile.services.consent import MatrixCell, MatrixRow
from familyfile.services.session import FamilySession
from familyfile.ui.dialogs.entry_form import FormDialog, choices, date_hint
from familyfile.ui.models.consent_words import cell_words, how_words
from familyfile.ui.models.involvement_model import author_text
from familyfile.ui.widgets.form import hint, note, para, scaled_font, secondary_button

PURPOSE_KEYS = {"care": "purpose_care", "education": "purpose_education",
                "referral": "purpose_referral", "other": "purpose_other"}


def _purpose_words() -> dict[str, str]:
    """Short, so the tick boxes fit at 200% text (a tick box's words do not wrap)."""
    return {"care": _("Care (looking after your child)"), "education": _("Education (nursery "
            "or school)"), "referral": _("Referral to another service"),
            "other": _("Something else")}


class ConsentDialog(FormDialog):
    """``saved`` carries the ConsentEvent written (given, changed, withdrawn or reviewed)."""

    def __init__(self, session: FamilySession, child_id: str, row: MatrixRow, cell: MatrixCell,
                 who: str = "", parent: QWidget | None = None) -> None:
        """``who``: the words for the recipient ("Health visitor, Sunny Hill …")."""
        self.session, self.child_id, self.row, self.cell = session, child_id, row, cell
        self.category = cats.category(cell.category)
        who = who or row.recipient.name
        super().__init__(self.category.name(), _("Who: {who}").format(who=who),
                         _("Save this choice"), parent)
        self.setAccessibleName(_("{what}: {who}").format(what=self.category.name(), who=who))
        self.last = self._last_event()
        self.now_label = para(_("What it says now: {answer}").format(
            answer=cell_words(cell, row).text.replace("\n", " \u00b7 ")))
        self.now_label.setFont(scaled_font(self.now_label, 1.0, bold=True))
        self.body.addWidget(self.now_label)
        self.add_heading(_("What this means"))
        self.explanation = consent.explanation_for(cell.category)  # shown, then stored as is
        self.explanation_note = note(self.explanation)
        self.body.addWidget(self.explanation_note)
        self._fields()
        self._actions()
        self._fill()

    # -- building ------------------------------------------------------------------------------
    def _fields(self) -> None:
        self.add_field("decision", _("Can they have this from you?"), choices([
            (rules.PERMIT, _("Yes, they can have it")), (rules.DENY, _("No, they cannot have it"))]),
            self.category.yes_means())
        self.add_heading(_("What it is for"))
        self.body.addWidget(hint(_("Tick all that fit. This matters when you say yes.")))
        words = _purpose_words()
        for key, field in PURPOSE_KEYS.items():
            self.add_field(field, words[key], QCheckBox())
        self.add_field("purpose_text", _("Something else: say what"), QLineEdit(),
                       _("Only if you ticked \"Something else\". For example: moving house."))
        self.add_field("until", _("Until (optional)"), QLineEdit(),
                       _("Leave it empty if it has no end. ") + date_hint(), is_date=True)
        self.add_field("review_on", _("Look at it again on (optional)"), QLineEdit(),
                       _("On this day the page says \"Review due\". ") + date_hint(), is_date=True)
        self.add_field("how", _("How was this agreed?"), choices(
            [(h, how_words(h)) for h in ("app", "written", "verbal")]))
        self.recorded_by = para(_("Recorded by: {who}").format(who=author_text(self.session.author)))
        self.body.addWidget(self.recorded_by)

    def _actions(self) -> None:
        status = self.cell.status
        self.review_button = secondary_button(_("It is still right"))
        self.review_button.clicked.connect(self.mark_reviewed)
        self.withdraw_button = secondary_button(_("Take back this choice"))
        self.withdraw_button.clicked.connect(self.withdraw)
        can_review = status in (rules.PERMIT, rules.DENY)
        can_withdraw = status in (rules.PERMIT, rules.DENY, rules.NOT_STARTED)
        if can_review:
            self.add_heading(_("Still right?"))
            self.body.addWidget(hint(_("If nothing needs to change, say so. The review date "
                                       "above becomes the next one (or none if it has passed).")))
            self.body.addWidget(self.review_button)
        if can_withdraw:
            self.add_heading(_("Take it back"))
            self.body.addWidget(hint(_("From now on, nothing of this kind goes to them from you. "
                                       "What they already have stays with them.")))
            self.body.addWidget(self.withdraw_button)
        self.review_button.setVisible(can_review)
        self.withdraw_button.setVisible(can_withdraw)

    def _last_event(self) -> ConsentEvent | None:
        if self.cell.last_event_id is None:
            return None
        found = [e for e in consent.events(self.session, self.child_id)
                 if e.id == self.cell.last_event_id]
        return found[0] if found else None

    def _fill(self) -> None:
        last = self.last
        live = last is not None and last.decision is not None
        self.set_value("decision", last.decision if live and last else rules.PERMIT)
        purposes = last.purposes if live and last else (Purpose("care"),)
        for p in purposes:
            self.set_value(PURPOSE_KEYS.get(p.key, "purpose_other"), True)
            if p.key == "other":
                self.set_value("purpose_text", p.text)
        if live and last:  # dates that have passed are not offered again: choose new ones
            today = self.session.today()
            for key, day in (("until", last.until), ("review_on", last.review_on)):
                self.set_value(key, day.isoformat() if day and day >= today else "")
            self.set_value("how", last.how)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        last_input = list(self.inputs.values())[-1]
        chain = [last_input] + [b for b in (self.review_button, self.withdraw_button)
                                if not b.isHidden()] + [self.save_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    # -- reading -------------------------------------------------------------------------------
    def _date(self, key: str) -> date | None:
        text = str(self.value(key) or "").strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise ValidationError(key, "date-format") from None

    def purposes(self) -> tuple[Purpose, ...]:
        found = []
        for key, field in PURPOSE_KEYS.items():
            if self.value(field):
                found.append(rules.purpose(key, self.value("purpose_text") if key == "other" else ""))
        return tuple(found)

    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        problems = []
        for step in (lambda: self._date("until"), lambda: self._date("review_on"), self.purposes):
            try:
                step()
            except ValidationError as exc:
                problems.append(exc)
        if values["decision"] == rules.PERMIT and not any(values[f] for f in PURPOSE_KEYS.values()):
            problems.append(ValidationError("purpose", "required"))
        return problems

    def input_for(self, field: str) -> str:
        return PURPOSE_KEYS["care"] if field == "purpose" else field

    # -- saving --------------------------------------------------------------------------------
    def save(self, values: dict[str, Any]) -> ConsentEvent:
        purposes = self.purposes() or (Purpose("care"),)
        return consent.set_consent(
            self.session, self.child_id, self.row.recipient, self.cell.category,
            values["decision"], purposes=purposes, until=self._date("until"),
            review_on=self._date("review_on"), how=values["how"], explanation=self.explanation)

    def withdraw(self) -> None:
        self._act(lambda: consent.withdraw(self.session, self.child_id, self.row.recipient,
                                           self.cell.category, how=self.value("how"),
                                           explanation=self.explanation))

    def mark_reviewed(self) -> None:
        def work() -> ConsentEvent:
            upcoming = self._date("review_on")
            if upcoming is not None and upcoming <= self.session.today():
                upcoming = None
            return consent.review(self.session, self.child_id, self.row.recipient,
                                  self.cell.category, next_review=upcoming,
                                  how=self.value("how"), explanation=self.explanation)
        self._act(work)

    def _act(self, work: Any) -> None:
        """Run a take-back or a review like Save: problems shown in the dialog, else close."""
        try:
            result = work()
        except ValidationError as exc:
            self.show_problems([exc])
            return
        except FamilyFileError as exc:  # shown to the person; nothing typed is lost
            self.clear_problems()
            self.summary.show_errors([("", user_message(exc))])
            return
        self.clear_problems()
        self.saved.emit(result)
        self.accept()

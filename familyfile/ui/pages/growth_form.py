"""The form to add or change one growth measurement (part of the growth page).

GOV.UK order for each field: label, hint, error, input. Problems show next to their field
and in a summary at the top; nothing typed is cleared when saving fails.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import growth as rules
from familyfile.domain.growth import GrowthDraft
from familyfile.domain.growth_centiles import is_soft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services.growth import GrowthRow
from familyfile.ui.models.growth_model import day_text
from familyfile.ui.widgets.date_edit import DateEdit
from familyfile.ui.widgets.form import (
    hint,
)
from familyfile.ui.widgets.form_card import FormCard


class GrowthForm(FormCard):
    """Add (``editing`` is None) or change a measurement; ``save_requested`` asks the page to
    save, and the page calls ``show_problems`` when something is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editing: GrowthRow | None = None
        self.born: date | None = None
        self._chosen_by_hand = False
        body = self.body
        self.heading.setText(_("Add a measurement"))
        body.insertWidget(1, hint(_("Fill in what was measured; leave the others empty. The Red "
                                    "Book or the health visitor's scales show these numbers.")))
        self.inputs, self.errors = self.fields.inputs, self.fields.errors

        self.measured_on = DateEdit()
        self.measured_on.dateChanged.connect(self._follow_age)
        self.fields.add(body, "measured_on", _("Date measured"), self.measured_on,
                        _("For example, 27 Mar 2024."))
        self.weight = self._number(body, "weight_kg", _("Weight"), "kg",
                                   _("In kilograms, for example 7.9 or 3.45."))
        self.height = self._number(body, "height_cm", _("Length or height"), "cm",
                                   _("In centimetres, for example 68.5. Babies under 2 are measured "
                                     "lying down (length); from 2, standing up (height)."))
        how = QHBoxLayout()
        self.lying = QRadioButton(_("Lying down (length)"))
        self.standing = QRadioButton(_("Standing up (height)"))
        self.how = QButtonGroup(self)
        for button in (self.lying, self.standing):
            self.how.addButton(button)
            how.addWidget(button)
            button.clicked.connect(self._chosen)
        how.addStretch(1)
        body.addLayout(how)
        self.head = self._number(body, "head_cm", _("Head circumference"), "cm",
                                 _("Around the widest part of the head, in centimetres, for "
                                   "example 42.5."))
        self.measured_by = QLineEdit()
        self.fields.add(body, "measured_by", _("Who measured (optional)"), self.measured_by,
                        _("For example, health visitor, GP, or you."))
        self.measured_where = QLineEdit()
        self.fields.add(body, "measured_where", _("Where (optional)"), self.measured_where)
        self.notes = QLineEdit()
        self.fields.add(body, "notes", _("Notes (optional)"), self.notes)
        self.sure = QCheckBox(_("I have checked: the numbers are right"))
        self.sure.setAccessibleName(self.sure.text())
        self.sure.hide()
        body.addWidget(self.sure)
        self.add_buttons(_("Save measurement"), _("Cancel"))
        self.cancel.hide()
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.hide()
        body.addWidget(self.saved)

    # -- building ---------------------------------------------------------------------------
    def _number(self, body: QVBoxLayout, key: str, label: str, unit: str, why: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000.000") + 24)
        edit.setInputMethodHints(Qt.ImhFormattedNumbersOnly)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(edit)
        line.addWidget(QLabel(unit))
        line.addStretch(1)
        self.fields.add(body, key, _("{label} ({unit})").format(label=label, unit=unit), edit, why,
                        row=row)
        return edit

    # -- the child and the date -------------------------------------------------------------
    def reset(self, today: date, born: date | None) -> None:
        """An empty form for a new measurement, dated today."""
        self.editing = None
        self.born = born
        self.heading.setText(_("Add a measurement"))
        self.save.setText(_("Save measurement"))
        self.save.setAccessibleName(self.save.text())
        self.cancel.hide()
        self.measured_on.set_latest(QDate(today.year, today.month, today.day))
        self.measured_on.setMinimumDate(QDate(1990, 1, 1))
        for edit in (self.weight, self.height, self.head, self.measured_by, self.measured_where,
                     self.notes):
            edit.clear()
        self._chosen_by_hand = False
        self.measured_on.setDate(QDate(today.year, today.month, today.day))
        self._follow_age()
        self.clear_problems()

    def load(self, row: GrowthRow, born: date) -> None:
        """Fill the form with a stored measurement, to change it."""
        self.editing = row
        self.born = born
        draft = row.measurement.to_draft()
        self.heading.setText(_("Change the measurement from {date}").format(
            date=day_text(row.measurement.measured_on)))
        self.save.setText(_("Save changes"))
        self.save.setAccessibleName(self.save.text())
        self.cancel.show()
        on = row.measurement.measured_on
        self.measured_on.setDate(QDate(on.year, on.month, on.day))
        self.weight.setText(draft.weight_kg)
        self.height.setText(draft.height_cm)
        self.head.setText(draft.head_cm)
        self.measured_by.setText(draft.measured_by)
        self.measured_where.setText(draft.measured_where)
        self.notes.setText(draft.notes)
        (self.lying if draft.length_or_height == rules.LENGTH else self.standing).setChecked(True)
        self._chosen_by_hand = True
        self.clear_problems()
        self.saved.hide()

    def _chosen(self) -> None:
        self._chosen_by_hand = True

    def _follow_age(self) -> None:
        """Lying under 2 years, standing from 2, unless the person chose."""
        if self._chosen_by_hand or self.born is None:
            return
        on = self.measured_on.date().toPython()
        lying = rules.default_length_or_height(self.born, on) == rules.LENGTH  # type: ignore[arg-type]
        (self.lying if lying else self.standing).setChecked(True)

    # -- reading and problems ---------------------------------------------------------------
    def draft(self) -> GrowthDraft:
        how = rules.LENGTH if self.lying.isChecked() else rules.STANDING if \
            self.standing.isChecked() else ""
        return GrowthDraft(self.measured_on.date().toString("yyyy-MM-dd"), self.weight.text(),
                           self.height.text(), self.head.text(), how, self.measured_by.text(),
                           self.measured_where.text(), self.notes.text())

    def draft_typed(self) -> bool:
        """Something was typed that a refresh must not throw away."""
        return any(edit.text().strip() for edit in (self.weight, self.height, self.head,
                                                     self.measured_by, self.measured_where,
                                                     self.notes))

    @property
    def confirmed(self) -> bool:
        return not self.sure.isHidden() and self.sure.isChecked()

    def show_problems(self, problems: list[ValidationError]) -> None:
        """Next to the fields and in the summary; "I have checked" is offered when every
        problem is only an unusual number that the person may confirm."""
        self.fields.show_problems(problems)
        soft = bool(problems) and all(is_soft(p) for p in problems)
        self.sure.setVisible(soft)
        if not soft:
            self.sure.setChecked(False)

    def show_failure(self, exc: BaseException) -> None:
        self.clear_problems()
        self.fields.show_failure(exc)

    def clear_problems(self, keep_sure: bool = False) -> None:
        self.fields.clear()
        if not keep_sure:
            self.sure.setChecked(False)
            self.sure.hide()

    def focus_field(self, key: str) -> None:
        self.fields.focus(key)

"""Birth and newborn: how the baby was born and the newborn checks, at a glance."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QWidget

from familyfile.domain import birth as rules
from familyfile.i18n import _
from familyfile.services import birth
from familyfile.ui import labels
from familyfile.ui.dialogs.birth_dialog import BirthDialog
from familyfile.ui.dialogs.entry_form import open_dialog
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.about_me import FactsCard
from familyfile.ui.widgets.form import STYLE, primary_button


def _results(results: dict[str, str], names: dict[str, str], outcomes: dict[str, str]) -> str:
    values = set(results.values())
    if len(results) == len(names) and len(values) == 1:
        return _("All {count}: {outcome}").format(count=len(names), outcome=outcomes[values.pop()])
    return "; ".join(f"{names[k]}: {outcomes.get(v, v)}" for k, v in results.items())


def facts(record: rules.Birth) -> dict[str, str]:
    gestation = record.gestation
    early = ""
    if gestation is not None and gestation.preterm:
        early = " " + _("(early: ages are corrected until 2 years)")
    return {
        "gestation": f"{gestation} {_('weeks')}{early}" if gestation else "",
        "weight": f"{record.birth_weight_kg:g} kg" if record.birth_weight_kg else "",
        "head": f"{record.birth_head_cm:g} cm" if record.birth_head_cm else "",
        "place": " — ".join(p for p in (labels.place().get(record.place, "")
                                        if record.place != "unknown" else "", record.place_name) if p),
        "type": labels.birth_type()[record.birth_type] if record.birth_type != "unknown" else "",
        "nipe_72h": _results(record.nipe_72h, labels.nipe_check(), labels.nipe_outcome()),
        "nipe_6_8": _results(record.nipe_6_8_weeks, labels.nipe_check(), labels.nipe_outcome()),
        "hearing": "; ".join(f"{side}: {labels.hearing_outcome()[value]}" for side, value in
                             ((_("Left"), record.hearing_left), (_("Right"), record.hearing_right))
                             if value),
        "blood_spot": _results(record.blood_spot, labels.blood_spot_condition(),
                               labels.blood_spot_result()),
        "notes": record.notes,
    }


class BirthPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setStyleSheet(STYLE)
        column, _heading, self.why = page_column(
            self, _("Birth and newborn"), _("How your baby was born, and the checks in the first weeks."))
        self.edit_button = primary_button(_("Edit birth details"), qta.icon("mdi6.pencil", color="white"))
        self.edit_button.clicked.connect(self.edit)
        column.addWidget(self.edit_button)
        self.birth = FactsCard(_("Birth"), [
            ("gestation", _("Born at")), ("weight", _("Birth weight")), ("head", _("Head at birth")),
            ("place", _("Where")), ("type", _("Type of birth")), ("notes", _("Notes"))],
            _("Nothing recorded yet. Use 'Edit birth details' to add what you know."))
        self.checks = FactsCard(_("Newborn checks"), [
            ("nipe_72h", _("Physical check (first 3 days)")), ("nipe_6_8", _("Physical check at 6–8 weeks")),
            ("hearing", _("Hearing screen")), ("blood_spot", _("Blood spot test"))],
            _("No newborn check results recorded yet."))
        column.addWidget(self.birth)
        column.addWidget(self.checks)
        column.addStretch(1)
        context.child_selected.connect(self.refresh)
        context.children_changed.connect(self.refresh)
        self.dialog: BirthDialog | None = None
        self.refresh()

    def refresh(self, *_args: object) -> None:
        child = self.context.current_child()
        self.edit_button.setEnabled(child is not None)
        if child is None:
            self.birth.show_values({})
            self.checks.show_values({})
            return
        record, _entry = birth.current(self.context.session, child.id)
        texts = facts(record)
        self.birth.show_values(texts)
        self.checks.show_values(texts)

    def edit(self) -> None:
        child = self.context.current_child()
        if child is None:
            return
        self.dialog = BirthDialog(self.context.session, child.id, self)
        open_dialog(self.dialog, lambda _saved: self.refresh())

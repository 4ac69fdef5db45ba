"""The "Record a vaccination" dialog: given, given abroad or elsewhere, or declined.

GOV.UK order for each field (label, hint, error, input); every problem is shown next to its
field and in a summary at the top, and nothing typed is cleared when saving fails.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain.entry import Entry
from familyfile.domain.immunisations import DOSE_MAX, OTHER, DoseDraft, DoseRecord
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services import immunisation_words as words
from familyfile.services import immunisations
from familyfile.services.session import FamilySession
from familyfile.ui.widgets.fields import FieldSet, attempt_save
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    primary_button,
    secondary_button,
)

DETAIL_FIELDS = ("product", "batch", "injection_site", "route", "given_by")


def _combo(name: str, items: list[tuple[str, str]]) -> QComboBox:
    box = QComboBox()
    box.setAccessibleName(name)
    for text, data in items:
        box.addItem(text, data)
    return box


class DoseDialog(QDialog):
    """Record a new vaccination, or change ``entry`` (the record as it was read)."""

    saved = Signal(object)  # the Entry written

    def __init__(self, session: FamilySession, child_id: str, entry: Entry | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.child_id, self.entry = session, child_id, entry
        editing = entry is not None
        self.setWindowTitle(_("Change a vaccination record") if editing else _("Record a vaccination"))
        self.setStyleSheet(STYLE)
        self.summary = ErrorSummary()
        self.fields = FieldSet(self.summary)
        self.inputs, self.errors = self.fields.inputs, self.fields.errors
        self.blocks: dict[str, QWidget] = {}

        holder = QWidget()
        body = QVBoxLayout(holder)
        body.setContentsMargins(20, 16, 20, 16)
        body.addWidget(self.summary)
        self.given = QRadioButton(_("It was given"))
        self.abroad = QRadioButton(_("It was given abroad or somewhere else"))
        self.declined = QRadioButton(_("We said no (declined)"))
        self.what = QButtonGroup(self)
        choice = QWidget()
        column = QVBoxLayout(choice)
        column.setContentsMargins(0, 0, 0, 0)
        for button in (self.given, self.abroad, self.declined):
            button.setAccessibleName(button.text())
            self.what.addButton(button)
            column.addWidget(button)
        self.given.setChecked(True)
        self._field(body, "what", _("What happened?"), choice)

        data = immunisations.schedule()
        routine = [(words.vaccine_name(k), k) for k, v in data.vaccines.items() if v.routine]
        other = [(words.vaccine_name(k), k) for k, v in data.vaccines.items() if not v.routine]
        self.vaccine = _combo(_("Vaccine"), [(_("Choose a vaccine"), ""), *routine, *other,
                                             (_("Another vaccine (type its name)"), OTHER)])
        self.vaccine.insertSeparator(len(routine) + 1)
        self._field(body, "vaccine", _("Vaccine"), self.vaccine,
                    _("It is written in the Red Book or on the record you were given."))
        self.vaccine_name = QLineEdit()
        self._field(body, "vaccine_name", _("Name of the vaccine"), self.vaccine_name)
        self.dose = _combo(_("Dose"), [(_("Work it out for me"), "")] + [
            (_("Dose {n}").format(n=n), str(n)) for n in range(1, DOSE_MAX + 1)])
        self._field(body, "dose_number", _("Dose"), self.dose,
                    _("Leave it to Family File if you are not sure."))
        self.date = QLineEdit()
        self.date_label = self._field(body, "vaccination_date", _("Date it was given"), self.date,
                                      _("For example 27/3/2025."))
        self.product = QLineEdit()
        self._field(body, "product", _("Product name (optional)"), self.product,
                    _("The brand, for example Infanrix hexa. It is often on a sticker."))
        self.batch = QLineEdit()
        self._field(body, "batch", _("Batch number (optional)"), self.batch)
        self.site = _combo(_("Where on the body (optional)"),
                           [(_("Not written down"), ""), *((t, k) for k, t in words.site_labels().items())])
        self._field(body, "injection_site", _("Where on the body (optional)"), self.site)
        self.route = _combo(_("How it was given (optional)"),
                            [(_("Not written down"), ""), *((t, k) for k, t in words.route_labels().items())])
        self._field(body, "route", _("How it was given (optional)"), self.route)
        self.given_by = QLineEdit()
        self._field(body, "given_by", _("Who gave it (optional)"), self.given_by,
                    _("For example: practice nurse, or their name."))
        self.place = QLineEdit()
        self._field(body, "given_where", _("Where (optional)"), self.place,
                    _("For example the GP practice, a clinic or a hospital."))
        self.country = QLineEdit()
        self._field(body, "country", _("Country"), self.country)
        body.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.save = primary_button(_("Save changes") if editing else _("Save vaccination"),
                                   qta.icon("mdi6.content-save", color="white"))
        self.save.setDefault(True)
        self.save.clicked.connect(self.save_dose)
        self.cancel = secondary_button(_("Cancel"))
        self.cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(20, 8, 20, 12)
        buttons.addWidget(self.save)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        outer.addLayout(buttons)
        metrics, room = self.fontMetrics(), self.screen().availableGeometry()
        self.resize(min(metrics.horizontalAdvance("x") * 90, int(room.width() * 0.9)),
                    min(metrics.height() * 40, int(room.height() * 0.9)))  # the form scrolls

        self.what.buttonToggled.connect(self._arrange)
        self.vaccine.currentIndexChanged.connect(self._vaccine_chosen)
        if entry is not None:
            self._fill(immunisations.get(session, entry.id)[1])
        self._arrange()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self.activateWindow()
        checked = self.what.checkedButton()
        if checked is not None:
            checked.setFocus(Qt.ActiveWindowFocusReason)

    def _field(self, body: QVBoxLayout, key: str, label: str, widget: QWidget,
               why: str | None = None) -> QLabel:
        """Label, optional hint, error line, then the input, in a block that can be hidden."""
        block = QWidget()
        lines = QVBoxLayout(block)
        lines.setContentsMargins(0, 0, 0, 6)
        self.fields.add(lines, key, label, widget, why)
        body.addWidget(block)
        self.blocks[key] = block
        return self.fields.labels[key]

    # -- showing only what applies ------------------------------------------------------------
    def _arrange(self, *_args: object) -> None:
        declined = self.declined.isChecked()
        for key in DETAIL_FIELDS:
            self.blocks[key].setVisible(not declined)
        self.blocks["country"].setVisible(self.abroad.isChecked())
        self.blocks["vaccine_name"].setVisible(self.vaccine.currentData() == OTHER)
        self.date_label.setText(_("Date it was declined") if declined else _("Date it was given"))

    def _vaccine_chosen(self, *_args: object) -> None:
        key = self.vaccine.currentData()
        found = immunisations.schedule().vaccines.get(key or "")
        if found is not None and found.route and not self.route.currentData():
            self.route.setCurrentIndex(self.route.findData(found.route))
        self._arrange()

    def _fill(self, record: DoseRecord) -> None:
        (self.declined if record.declined else self.abroad if record.abroad else self.given).setChecked(True)
        self.vaccine.setCurrentIndex(max(0, self.vaccine.findData(record.vaccine)))
        self.vaccine_name.setText(record.vaccine_name)
        self.dose.setCurrentIndex(max(0, self.dose.findData(str(record.dose or ""))))
        self.date.setText(f"{record.on.day}/{record.on.month}/{record.on.year}")
        self.product.setText(record.product)
        self.batch.setText(record.batch)
        self.site.setCurrentIndex(max(0, self.site.findData(record.site)))
        self.route.setCurrentIndex(max(0, self.route.findData(record.route)))
        self.given_by.setText(record.given_by)
        self.place.setText(record.place)
        self.country.setText(record.country)

    # -- saving -------------------------------------------------------------------------------
    def draft(self) -> DoseDraft:
        declined, abroad = self.declined.isChecked(), self.abroad.isChecked()

        def kept(text: str) -> str:
            return "" if declined else text

        return DoseDraft(
            date=self.date.text(), vaccine=self.vaccine.currentData() or "",
            dose=self.dose.currentData() or "", vaccine_name=self.vaccine_name.text(),
            declined=declined, product=kept(self.product.text()), batch=kept(self.batch.text()),
            site=kept(self.site.currentData() or ""), route=kept(self.route.currentData() or ""),
            given_by=kept(self.given_by.text()), place=self.place.text(), abroad=abroad,
            country=self.country.text() if abroad else "")

    def save_dose(self) -> None:
        draft = self.draft()

        def write() -> Entry:
            if self.entry is None:
                return immunisations.add(self.session, self.child_id, draft)
            return immunisations.edit(self.session, self.entry, draft)

        attempt_save(self.fields, write, self._saved,
                     immunisations.check(self.session, self.child_id, draft))

    def _saved(self, written: Entry) -> None:
        self.clear_problems()
        self.saved.emit(written)
        self.accept()

    def show_problems(self, problems: list[ValidationError]) -> None:
        self.fields.show_problems(problems)

    def clear_problems(self) -> None:
        self.fields.clear()

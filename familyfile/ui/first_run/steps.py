"""The four first-run pages: where, passphrase, recovery sheet, first child."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QWidget

from familyfile.domain.child import OLDEST_YEARS, ChildDraft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.services.first_run import FirstRun
from familyfile.ui.first_run.pages import WizardPage
from familyfile.ui.widgets.date_edit import DateEdit, parse_date_text
from familyfile.ui.widgets.form import chars_wide, link_button, secondary_button
from familyfile.ui.widgets.passphrase_field import PassphraseField
from familyfile.ui.widgets.recovery_sheet_panel import RecoverySheetPanel

SUFFIX = ".familyfile"


class WelcomePage(WizardPage):
    open_existing = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Welcome to Family File"),
            _("Family File keeps your child's health record, like the paper Red Book, locked "
              "safely on this computer. Setting it up takes about five minutes."), parent)
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.change = secondary_button(_("Change…"), qta.icon("mdi6.folder-open-outline"))
        self.change.setAccessibleName(_("Change where to keep the family file"))
        self.change.clicked.connect(self.choose_path)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.path_edit, 1)
        line.addWidget(self.change)
        self.add_field("path", _("Where to keep your family file"), row,
                       _("This place is fine for most people. Choose another if you keep "
                         "important files somewhere else."))
        self.path_edit.setAccessibleName(_("Where to keep your family file"))
        self.inputs["path"] = self.path_edit
        self.body.addSpacing(12)
        self.note(_("Already set up Family File, on this computer or another?"))
        self.existing = link_button(_("I already have a family file"), qta.icon("mdi6.file-lock-outline"))
        self.existing.clicked.connect(self.open_existing.emit)
        self.body.addWidget(self.existing)
        self.check_card = link_button(_("Check a card someone gave me…"), qta.icon("mdi6.qrcode-scan"))
        self.check_card.setAccessibleDescription(
            _("For practitioners: check a family's card without setting up a family file"))
        self.check_card.clicked.connect(self.open_verifier)
        self.body.addWidget(self.check_card)

    def open_verifier(self) -> QWidget:
        """The card verifier in its own window (practitioners need no family file)."""
        from familyfile.ui.verifier_window import open_verifier

        return open_verifier()

    def enter(self, first_run: FirstRun) -> None:
        if not self.path_edit.text():
            self.set_path_text(str(first_run.path))

    def choose_path(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, _("Where to keep your family file"), self.path_edit.text(),
            _("Family File (*{suffix})").format(suffix=SUFFIX))
        if chosen:
            self.set_path_text(chosen)

    def set_path_text(self, text: str) -> None:
        path = Path(text)
        if path.suffix != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
        self.path_edit.setText(str(path))
        self.path_edit.setCursorPosition(0)
        self.path_edit.setToolTip(str(path))

    def apply(self, first_run: FirstRun) -> list[ValidationError]:
        return first_run.set_path(Path(self.path_edit.text()))


class PassphrasePage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Choose a passphrase"),
            _("Your passphrase locks the family file. Nobody, not even us, can open it without "
              "this passphrase or your recovery sheet."), parent)
        self.field = PassphraseField()
        self.body.addWidget(self.field)
        self.inputs = {"passphrase": self.field.first.edit, "confirm": self.field.second.edit}
        self.field.first.returnPressed.connect(self.submitted.emit)
        self.field.second.returnPressed.connect(self.submitted.emit)

    def show_problems(self, problems: list[ValidationError]) -> list[tuple[str, str]]:
        items = super().show_problems(problems)
        self.field.show_errors(problems)
        return items

    def clear_problems(self) -> None:
        self.field.clear_errors()

    def apply(self, first_run: FirstRun) -> list[ValidationError]:
        return first_run.set_passphrase(self.field.passphrase(), self.field.confirmation())


class RecoveryPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Keep your recovery sheet"),
            _("If you forget your passphrase, this sheet is the only way back in. Save it and "
              "print it, or write the groups down. Keep it with your passports, not on this "
              "computer."), parent)
        self.panel: RecoverySheetPanel | None = None
        self._panel_at = self.body.count()
        self.confirm_edit = QLineEdit()
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        font.setPointSizeF(self.confirm_edit.font().pointSizeF() * 1.3)
        self.confirm_edit.setFont(font)
        self.confirm_edit.setMaxLength(12)
        self.confirm_edit.setMaximumWidth(chars_wide(self.confirm_edit, 20))
        self.group = 0

    def enter(self, first_run: FirstRun) -> None:
        if self.panel is not None:
            return
        self.group = first_run.confirm_group
        self.panel = RecoverySheetPanel(first_run.recovery_key_text, first_run.created)
        self.body.insertWidget(self._panel_at, self.panel)
        self.body.addSpacing(8)
        self.add_field("recovery_confirm",
                       _("Type group {n} from your sheet").format(n=self.group),
                       self.confirm_edit,
                       _("This checks that you kept the sheet. Spaces and small letters are fine."))

    def first_input(self) -> QWidget | None:
        return self.panel.save_button if self.panel else None

    def apply(self, first_run: FirstRun) -> list[ValidationError]:
        return first_run.confirm_sheet(self.confirm_edit.text())


class ChildPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Add your first child"),
            _("Their name and date of birth start their record. You can add brothers and "
              "sisters later."), parent)
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.born = DateEdit()
        today = QDate.currentDate()
        # Only the calendar stops at today: a typed future date is refused with a message
        # next to the field, rather than silently changed into another date.
        self.born.setMinimumDate(QDate(1900, 1, 1))
        self.born.set_latest(today, earliest=QDate(today.year() - OLDEST_YEARS, 1, 1))
        self.born.setDate(today)
        self.born.setMaximumWidth(chars_wide(self.born, 36))
        self.add_field("given_name", _("First name"), self.given)
        self.add_field("family_name", _("Last name"), self.family)
        self.add_field("date_of_birth", _("Date of birth"), self.born,
                       _("For example, 27 Mar 2024 or 27/03/2024. Type it, or pick it from the "
                         "calendar."))

    def draft(self) -> ChildDraft:
        typed = parse_date_text(self.born.text())
        born = typed.toString("yyyy-MM-dd") if typed is not None else self.born.text().strip()
        return ChildDraft(self.given.text(), self.family.text(), born)

    def apply(self, first_run: FirstRun) -> list[ValidationError]:
        return first_run.set_child(self.draft())

"""Children: who is in the family file, and a form to add a child."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from familyfile.domain import child as child_rules
from familyfile.domain.child import OLDEST_YEARS, Child, ChildDraft
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.ui.dialogs import scale_icons
from familyfile.ui.pages import PageContext, page_column
from familyfile.ui.pages.overview import card, date_text
from familyfile.ui.widgets.child_switcher import avatar, initials
from familyfile.ui.widgets.date_edit import DateEdit
from familyfile.ui.widgets.fields import FieldSet, attempt_save
from familyfile.ui.widgets.form import (
    ErrorSummary,
    hint,
    primary_button,
    scaled_font,
)


class ChildrenPage(QWidget):
    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        column, _title, _why = page_column(
            self, _("Children"),
            _("The children whose record is in this family file. Add a brother or sister here."))
        self.summary = ErrorSummary()
        self.fields = FieldSet(self.summary, enter=self.save_child)
        self.inputs, self.errors = self.fields.inputs, self.fields.errors
        column.addWidget(self.summary)

        self.list_card, self.list_body, _heading = card(_("In this family file"))
        self.rows = QVBoxLayout()
        self.list_body.addLayout(self.rows)
        column.addWidget(self.list_card)
        column.addSpacing(8)

        form, body, _form_heading = card(_("Add a child"))
        self.given = QLineEdit()
        self.family = QLineEdit()
        self.born = DateEdit()
        self.fields.add(body, "given_name", _("First name"), self.given)
        self.fields.add(body, "family_name", _("Last name"), self.family)
        self.fields.add(body, "date_of_birth", _("Date of birth"), self.born,
                        _("For example, 27 3 2024 or 27 Mar 2024. Type it, or pick it from the calendar."))
        self.save = primary_button(_("Save child"), qta.icon("mdi6.content-save", color="white"))
        self.save.clicked.connect(self.save_child)
        scale_icons(self.save)
        body.addWidget(self.save)
        self.saved = QLabel()
        self.saved.setWordWrap(True)
        self.saved.hide()
        body.addWidget(self.saved)
        column.addWidget(form)
        column.addStretch(1)
        self._reset_date()
        context.children_changed.connect(self.refresh)
        self.refresh()

    def _reset_date(self) -> None:
        today = self.context.session.today()
        self.born.setMinimumDate(QDate(today.year - OLDEST_YEARS, 1, 1))
        self.born.set_latest(QDate(today.year, today.month, today.day))
        self.born.setDate(QDate(today.year, today.month, today.day))

    # -- the list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        while self.rows.count():
            row = self.rows.takeAt(0).widget()
            if row is not None:
                row.deleteLater()
        found = self.context.children()
        if not found:
            self.rows.addWidget(hint(_("No children yet. Add your first child below.")))
        today = self.context.session.today()
        side = int(self.fontMetrics().height() * 2)
        for child in found:
            row = QFrame()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 4, 0, 4)
            picture = QLabel()
            picture.setPixmap(avatar(initials(child), side))
            text = QLabel(_("{name} · born {date} · {age}").format(
                name=child.display_name, date=date_text(child),
                age=child_rules.age_text(child.date_of_birth, today)))
            text.setWordWrap(True)
            text.setFont(scaled_font(text, 1.05))
            text.setAccessibleName(text.text())
            line.addWidget(picture)
            line.addWidget(text, 1)
            self.rows.addWidget(row)

    def listed(self) -> list[str]:
        """The text of each row (for tests and screen readers)."""
        texts = []
        for index in range(self.rows.count()):
            row = self.rows.itemAt(index).widget()
            labels = [w.text() for w in row.findChildren(QLabel) if w.text()] if row else []
            if isinstance(row, QLabel):
                labels = [row.text()]
            texts.extend(labels)
        return texts

    # -- saving -----------------------------------------------------------------------------
    def draft(self) -> ChildDraft:
        return ChildDraft(self.given.text(), self.family.text(),
                          self.born.date().toString("yyyy-MM-dd"))

    def save_child(self) -> None:
        self.saved.hide()
        draft = self.draft()
        attempt_save(self.fields, lambda: self.context.session.add_child(draft), self._added,
                     child_rules.validate(draft, self.context.session.today()))

    def _added(self, added: Child) -> None:
        self.clear_problems()
        self.given.clear()
        self.family.clear()
        self._reset_date()
        self.saved.setText(_("Saved. {name} is now in your family file.").format(
            name=added.display_name))
        self.saved.setAccessibleName(self.saved.text())
        self.saved.show()
        self.context.child_added(added)
        self.given.setFocus(Qt.OtherFocusReason)

    def show_problems(self, problems: list[ValidationError]) -> None:
        self.fields.show_problems(problems)

    def clear_problems(self) -> None:
        self.fields.clear()

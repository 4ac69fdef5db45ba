"""The base of a first-run page: a title, why it is asked, fields with their own errors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from familyfile.errors import ValidationError
from familyfile.services.first_run import FirstRun
from familyfile.ui.widgets.fields import FieldSet
from familyfile.ui.widgets.form import FieldError, hint, title


class WizardPage(QWidget):
    """One thing per page. ``apply`` hands what was typed to FirstRun and returns problems."""

    submitted = Signal()

    def __init__(self, heading: str, why: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body)
        outer.addStretch(1)  # extra height goes below the page, never between its lines
        self.body.addWidget(title(heading))
        self.body.addWidget(hint(why))
        self.body.addSpacing(8)
        # The wizard around the pages shows the summary: Enter in a box moves on.
        self.fields = FieldSet(None, enter=self.submitted.emit, spacing=6)
        self.inputs: dict[str, QWidget] = self.fields.inputs
        self.errors: dict[str, FieldError] = self.fields.errors

    def add_field(self, key: str, label: str, widget: QWidget, why: str | None = None) -> None:
        """Label, optional hint, error line, then the input (GOV.UK order)."""
        self.fields.add(self.body, key, label, widget, why)

    def show_problems(self, problems: list[ValidationError]) -> list[tuple[str, str]]:
        """Show each problem next to its field; returns (field, sentence) for the summary."""
        return self.fields.mark(problems)

    def clear_problems(self) -> None:
        self.fields.clear()

    def focus_target(self, key: str) -> QWidget | None:
        return self.inputs.get(key)

    def first_input(self) -> QWidget | None:
        return next(iter(self.inputs.values()), None)

    def enter(self, first_run: FirstRun) -> None:
        """Called each time the page is shown."""

    def apply(self, first_run: FirstRun) -> list[ValidationError]:
        raise NotImplementedError

    def note(self, text: str) -> QLabel:
        label = hint(text)
        self.body.addWidget(label)
        return label

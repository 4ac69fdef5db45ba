"""The base of a first-run page: a title, why it is asked, fields with their own errors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from familyfile.errors import ValidationError
from familyfile.messages import user_message
from familyfile.services.first_run import FirstRun
from familyfile.ui.widgets.form import FieldError, field_label, hint, title


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
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

    def add_field(self, key: str, label: str, widget: QWidget, why: str | None = None) -> None:
        """Label, optional hint, error line, then the input (GOV.UK order)."""
        self.body.addWidget(field_label(label, widget))
        if why:
            self.body.addWidget(hint(why))
        error = FieldError(self)
        self.body.addWidget(error)
        self.body.addWidget(widget)
        self.body.addSpacing(6)
        widget.setAccessibleName(label)
        self.inputs[key] = widget
        self.errors[key] = error
        if isinstance(widget, QLineEdit):
            widget.returnPressed.connect(self.submitted.emit)

    def show_problems(self, problems: list[ValidationError]) -> list[tuple[str, str]]:
        """Show each problem next to its field; returns (field, sentence) for the summary."""
        self.clear_problems()
        items = []
        for problem in problems:
            text = user_message(problem)
            key = problem.field or ""
            if key in self.errors:
                self.errors[key].show_message(text)
            items.append((key, text))
        return items

    def clear_problems(self) -> None:
        for error in self.errors.values():
            error.clear_message()

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

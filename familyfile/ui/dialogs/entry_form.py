"""A form in a dialog, GOV.UK style: each field has a label, an optional hint, its error line
and the input; a "There is a problem" summary at the top; what was typed is kept when saving
fails. The About me, alert, address and carer dialogs are built on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.ui.widgets.date_edit import parse_date_text
from familyfile.ui.widgets.fields import FieldSet, attempt_save
from familyfile.ui.widgets.form import (
    STYLE,
    ErrorSummary,
    FieldError,
    hint,
    primary_button,
    scaled_font,
    secondary_button,
    title,
)
from familyfile.ui.widgets.secret_edit import SecretEdit


def date_hint() -> str:
    return _("For example, 27 Mar 2024 or 27/03/2024.")


def date_value(text: str) -> str:
    """A typed date as ISO ("27/03/2024" → "2024-03-27"); other text is passed on unchanged,
    so the rules can say what is wrong with it."""
    found = parse_date_text(text) if text.strip() else None
    return found.toString("yyyy-MM-dd") if found is not None else text.strip()


def date_text(iso: str) -> str:
    """"2024-03-27" → "27 Mar 2024" for a date box."""
    from PySide6.QtCore import QDate, QLocale

    found = QDate.fromString(iso, "yyyy-MM-dd") if iso else QDate()
    return QLocale().toString(found, "d MMM yyyy") if found.isValid() else iso


def choices(pairs: list[tuple[str, str]]) -> QComboBox:
    """A drop-down of (stored value, words shown)."""
    box = QComboBox()
    for value, words in pairs:
        box.addItem(words, value)
    return box


class FormDialog(QDialog):
    """Subclasses add fields with ``add_field`` and implement ``save(values)``."""

    saved = Signal(object)  # what ``save`` returned

    def __init__(self, heading: str, why: str, save_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(heading)
        self.setStyleSheet(STYLE)
        self.dates: set[str] = set()
        self.summary = ErrorSummary()
        self.fields = FieldSet(self.summary, enter=self.submit)
        self.inputs: dict[str, QWidget] = self.fields.inputs
        self.errors: dict[str, FieldError] = self.fields.errors
        self.scroller = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        holder = QWidget()
        self.body = QVBoxLayout(holder)
        self.body.setContentsMargins(24, 16, 24, 16)
        self.body.setSpacing(6)
        self.body.addWidget(title(heading))
        self.body.addWidget(hint(why))
        self.body.addWidget(self.summary)
        scroll.setWidget(holder)
        self.save_button = primary_button(save_text)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button = secondary_button(_("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(24, 8, 24, 16)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.resize(620, 640)

    # -- building ---------------------------------------------------------------------------
    def add_heading(self, text: str) -> None:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setFont(scaled_font(label, 1.2, bold=True))
        self.body.addSpacing(10)
        self.body.addWidget(label)

    def add_field(self, key: str, label: str, widget: QWidget, why: str | None = None,
                  *, is_date: bool = False) -> QWidget:
        """Label, hint, error line, then the input (GOV.UK order)."""
        focus = widget.edit if isinstance(widget, SecretEdit) else None
        self.fields.add(self.body, key, label, widget, why, focus=focus)
        if is_date:
            self.dates.add(key)
        return widget

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Tab goes through the fields in order, then Save, then Cancel; start at the first."""
        chain: list[QWidget] = []
        for widget in self.inputs.values():
            chain += [widget.edit, widget.toggle] if isinstance(widget, SecretEdit) else [widget]
        chain += [self.save_button, self.cancel_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        super().showEvent(event)
        if chain and not self.summary.isVisible():
            chain[0].setFocus(Qt.OtherFocusReason)

    # -- values -----------------------------------------------------------------------------
    def value(self, key: str) -> Any:
        widget = self.inputs[key]
        if isinstance(widget, SecretEdit):
            return widget.text()
        if isinstance(widget, QLineEdit):
            return date_value(widget.text()) if key in self.dates else widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        raise TypeError(key)

    def set_value(self, key: str, value: Any) -> None:
        widget = self.inputs[key]
        if isinstance(widget, SecretEdit):
            widget.edit.setText(str(value or ""))
        elif isinstance(widget, QLineEdit):
            if isinstance(value, list | tuple):
                value = ", ".join(str(v) for v in value)
            widget.setText(date_text(str(value or "")) if key in self.dates else str(value or ""))
        elif isinstance(widget, QPlainTextEdit):
            if isinstance(value, list | tuple):
                value = "\n".join(str(v) for v in value)
            widget.setPlainText(str(value or ""))
        elif isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))

    def values(self) -> dict[str, Any]:
        return {key: self.value(key) for key in self.inputs}

    def fill(self, data: dict[str, Any], keys: dict[str, str] | None = None) -> None:
        """Put stored data in the inputs (``keys`` maps an input key to a data key)."""
        for key in self.inputs:
            data_key = (keys or {}).get(key, key)
            if data_key in data:
                self.set_value(key, data[data_key])

    # -- saving -----------------------------------------------------------------------------
    def validate(self, values: dict[str, Any]) -> list[ValidationError]:
        return []

    def save(self, values: dict[str, Any]) -> object:
        raise NotImplementedError

    def submit(self) -> None:
        values = self.values()
        attempt_save(self, lambda: self.save(values), self._saved, self.validate(values))

    def _saved(self, result: object) -> None:
        self.clear_problems()
        self.saved.emit(result)
        self.accept()

    def show_problems(self, problems: Sequence[ValidationError]) -> None:
        self.fields.show_problems(problems, self.input_for)

    def show_failure(self, exc: BaseException) -> None:
        self.fields.show_failure(exc)

    def input_for(self, field: str) -> str:
        """The input showing a rule's field (override when the names differ)."""
        return field

    def clear_problems(self) -> None:
        self.fields.clear()

    def focus_field(self, key: str) -> None:
        self.fields.focus(key)


D = TypeVar("D", bound=FormDialog)


def open_dialog(dialog: D, on_saved: Callable[[object], None]) -> D:
    """Open window-modal (the event loop keeps running); deleted when closed."""
    dialog.setAttribute(Qt.WA_DeleteOnClose)
    dialog.saved.connect(on_saved)
    dialog.open()
    return dialog

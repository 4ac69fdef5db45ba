"""The fields of a GOV.UK-style form, shared by every form in the app: each field is a label,
an optional hint, its error line and the input; problems are shown next to their fields and
in a "There is a problem" summary whose links move to the field; nothing typed is cleared
when saving fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from familyfile.errors import FamilyFileError, ValidationError
from familyfile.messages import user_message
from familyfile.ui.widgets.form import ErrorSummary, FieldError, field_label, hint

T = TypeVar("T")


def long_text(lines: int = 3) -> QPlainTextEdit:
    """A box for a few lines; Tab moves on, as in every other field (nobody is trapped)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


def _scroller(widget: QWidget) -> QScrollArea | None:
    """The scroll area ``widget`` is shown in, if any."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


class FieldSet:
    """The inputs of one form, each with its label, hint and error line, and the form's error
    summary (None where the window around the form shows the summary itself)."""

    def __init__(self, summary: ErrorSummary | None, *, enter: Callable[[], object] | None = None,
                 spacing: int = 4) -> None:
        self.summary = summary
        self.enter = enter  # what Enter in a one-line box does (saves the form)
        self.spacing = spacing
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QLabel] = {}
        self.hints: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}
        if summary is not None:
            summary.link_activated.connect(self.focus)

    def add(self, body: QBoxLayout, key: str, label: str, widget: QWidget, why: str | None = None,
            *, row: QWidget | None = None, focus: QWidget | None = None) -> QLabel:
        """Label, optional hint, error line, then the input (GOV.UK order); returns the hint.

        ``row`` is what is laid out when the input shares a line (a unit after a number);
        ``focus`` is the part that takes the keyboard when it is not ``widget`` itself."""
        focus = focus or widget
        shown = row or widget
        note = hint(why or "")
        note.setVisible(bool(why))
        error = FieldError()
        if isinstance(widget, QCheckBox):  # a tick box carries its own words, its hint under them
            widget.setText(label)
            body.addWidget(error)
            body.addWidget(shown)
            body.addWidget(note)
        else:
            self.labels[key] = field_label(label, focus)
            body.addWidget(self.labels[key])
            body.addWidget(note)
            body.addWidget(error)
            body.addWidget(shown)
        body.addSpacing(self.spacing)
        focus.setAccessibleName(label)
        if why:
            focus.setAccessibleDescription(why)
        if self.enter is not None and isinstance(focus, QLineEdit):
            focus.returnPressed.connect(self.enter)
        self.inputs[key], self.errors[key], self.hints[key], self.rows[key] = widget, error, note, shown
        return note

    def set_shown(self, key: str, shown: bool) -> None:
        """Show or hide one field with its label and hint (a hidden field has no error)."""
        self.rows[key].setVisible(shown)
        if key in self.labels:
            self.labels[key].setVisible(shown)
        note = self.hints[key]
        note.setVisible(shown and bool(note.text().strip()))
        if not shown:
            self.errors[key].clear_message()

    # -- problems ---------------------------------------------------------------------------
    def mark(self, problems: Sequence[ValidationError],
             key_for: Callable[[str], str] = str) -> list[tuple[str, str]]:
        """Clear the old errors and show each problem next to its field (``key_for`` names the
        input showing a rule's field); returns (input key, sentence) for the summary."""
        self.clear()
        items = []
        for problem in problems:
            text = user_message(problem)
            key = key_for(problem.field or "")
            if key in self.errors:
                self.errors[key].show_message(text)
            items.append((key, text))
        return items

    def show_problems(self, problems: Sequence[ValidationError],
                      key_for: Callable[[str], str] = str) -> None:
        """Each problem next to its field and in the summary, which is brought into view."""
        items = self.mark(problems, key_for)
        if self.summary is not None:
            self.summary.show_errors(items)
            area = _scroller(self.summary)
            if area is not None:
                area.ensureWidgetVisible(self.summary)

    def show_failure(self, exc: BaseException) -> None:
        """Not saved for a reason that is not about one field (disk full, edited elsewhere)."""
        self.clear()
        if self.summary is not None:
            self.summary.show_errors([("", user_message(exc))])

    def clear(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        if self.summary is not None:
            self.summary.clear_errors()

    def focus(self, key: str) -> None:
        """Move to a field (a link in the summary), with its error line in view."""
        target = self.inputs.get(key)
        if target is None:
            return
        area = _scroller(target)
        if area is not None:
            area.ensureWidgetVisible(self.errors[key], 0, 80)
            area.ensureWidgetVisible(target)
        target.setFocus(Qt.OtherFocusReason)


class ShowsProblems(Protocol):
    """What ``attempt_save`` needs of a form (a FieldSet, or a form that adds to it)."""

    def show_problems(self, problems: Sequence[ValidationError]) -> None: ...

    def show_failure(self, exc: BaseException) -> None: ...


def attempt_save(form: ShowsProblems, write: Callable[[], T], done: Callable[[T], object],
                 problems: Sequence[ValidationError] = (),
                 every_problem: Callable[[ValidationError], Sequence[ValidationError]] | None = None,
                 ) -> None:
    """Save with ``write`` and hand what it returned to ``done``, unless there are
    ``problems``. A rule the save itself refuses is shown next to its field (with
    ``every_problem`` naming all that are wrong, not only the first); any other failure (a
    full disk) in the summary. Nothing typed is cleared: the person can try again."""
    if problems:
        form.show_problems(problems)
        return
    try:
        result = write()
    except ValidationError as exc:
        form.show_problems((every_problem(exc) if every_problem else None) or [exc])
        return
    except FamilyFileError as exc:
        form.show_failure(exc)
        return
    done(result)

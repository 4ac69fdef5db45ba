"""A new passphrase: the passphrase, a strength meter (colour AND words), and a confirmation."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services import passphrase as rules
from familyfile.ui.widgets.form import FieldError, field_label, hint
from familyfile.ui.widgets.secret_edit import SecretEdit

_COLOURS = ["#b0281a", "#b0281a", "#8f4700", "#00703c", "#00703c"]


class StrengthMeter(QWidget):
    """How hard the passphrase is to guess: a bar and the same thing in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 5)
        self.bar.setTextVisible(False)
        self.bar.setMaximumHeight(12)
        self.bar.setAccessibleName(_("Passphrase strength"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.advice = QLabel(self)
        self.advice.setObjectName("hint")
        self.advice.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.label)
        layout.addWidget(self.advice)
        self.update_for("")

    def update_for(self, passphrase: str) -> None:
        strength = rules.assess(passphrase)
        shown = strength.score + 1 if passphrase else 0
        self.bar.setValue(shown)
        colour = _COLOURS[strength.score] if passphrase else "#484949"
        self.bar.setStyleSheet(
            "QProgressBar { border: 1px solid #6f777b; border-radius: 3px; background: #f3f2f1; }"
            f"QProgressBar::chunk {{ background: {colour}; }}")
        words = _("Strength: {label}").format(label=strength.label)
        self.label.setText(f'<b style="color: {colour};">{words}</b>')
        self.advice.setText(strength.advice)
        self.label.setAccessibleName(words)
        self.bar.setAccessibleDescription(words)
        self.strength = strength


class PassphraseField(QWidget):
    """The passphrase and its confirmation, each with its own error line."""

    def __init__(self, parent: QWidget | None = None, *, label: str | None = None) -> None:
        super().__init__(parent)
        self.first = SecretEdit(_("New passphrase"), self)
        self.first_error = FieldError(self)
        self.meter = StrengthMeter(self)
        self.second = SecretEdit(_("Type the passphrase again"), self)
        self.second_error = FieldError(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(field_label(label or _("Passphrase"), self.first.edit))
        layout.addWidget(hint(_("At least {min} characters. Three or four unusual words are easy "
                                "to remember and hard to guess.").format(min=rules.MIN_LENGTH)))
        layout.addWidget(self.first_error)
        layout.addWidget(self.first)
        layout.addWidget(self.meter)
        layout.addSpacing(8)
        layout.addWidget(field_label(_("Type the passphrase again"), self.second.edit))
        layout.addWidget(self.second_error)
        layout.addWidget(self.second)
        self.first.edit.textChanged.connect(self.meter.update_for)
        self.first.edit.textChanged.connect(lambda _text: self.meter.advice.show())
        self.setTabOrder(self.first.edit, self.first.toggle)
        self.setTabOrder(self.first.toggle, self.second.edit)
        self.setTabOrder(self.second.edit, self.second.toggle)

    def passphrase(self) -> str:
        return self.first.text()

    def confirmation(self) -> str:
        return self.second.text()

    def problems(self) -> list[ValidationError]:
        return rules.check_new(self.passphrase(), self.confirmation())

    def widget_for(self, field: str) -> QWidget | None:
        return {"passphrase": self.first.edit, "confirm": self.second.edit}.get(field)

    def show_errors(self, problems: list[ValidationError]) -> None:
        self.clear_errors()
        for problem in problems:
            target = self.second_error if problem.field == "confirm" else self.first_error
            target.show_message(user_message(problem))
        # The same advice twice is noise: the error already says it.
        self.meter.advice.setVisible(self.meter.advice.text() != self.first_error.text())

    def clear_errors(self) -> None:
        self.first_error.clear_message()
        self.second_error.clear_message()
        self.meter.advice.show()

    def clear(self) -> None:
        self.first.clear()
        self.second.clear()
        self.clear_errors()

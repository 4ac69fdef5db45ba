"""Choosing who gets something and why: shared by the consent page's check panel (two
drop-down lists) and the share wizard (a list of big choices, one per row).

The picking logic lives here once: which recipients can be chosen (every service and person
in the consent matrix, never a team itself), how they are named, the reasons, and reading the
"something else" words into a checked :class:`~familyfile.domain.consent.Purpose`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain import consent as rules
from familyfile.domain.consent import Purpose, Recipient
from familyfile.errors import ValidationError
from familyfile.i18n import _
from familyfile.messages import user_message
from familyfile.services.consent import ConsentMatrix
from familyfile.ui.widgets.form import FieldError, field_label, icon_size, scaled_font

PURPOSE_ICONS = {"care": "mdi6.heart-outline", "education": "mdi6.school-outline",
                 "referral": "mdi6.arrow-right-bold-box-outline", "other": "mdi6.pencil-outline"}
RECIPIENT_ICONS = {rules.AGENCY: "mdi6.domain", rules.PROFESSIONAL: "mdi6.account-outline"}


def purpose_choices() -> list[tuple[str, str]]:
    return [("care", _("To look after your child (care)")),
            ("education", _("For nursery or school (education)")),
            ("referral", _("To send your child to another service (referral)")),
            ("other", _("Something else"))]


def recipient_choices(matrix: ConsentMatrix, kinds: dict[str, str] | None = None
                      ) -> list[tuple[str, Recipient]]:
    """Every service and person in the matrix (a team itself is never sent anything), named
    with the kind of service first; ``kinds``: recipient id → the kind of service."""
    kinds = kinds or {}
    found = []
    for row in matrix.rows:
        if row.recipient.kind != rules.TEAM:
            kind = kinds.get(row.recipient.id)
            found.append((f"{kind}: {row.recipient.name}" if kind else row.recipient.name,
                          row.recipient))
    return found


def read_purpose(key: object, text: str, error: FieldError, box: QLineEdit) -> Purpose | None:
    """The checked purpose, or None after showing why next to ``box`` (and focusing it)."""
    try:
        found = rules.purpose(str(key or ""), text)
    except ValidationError as exc:
        error.show_message(user_message(exc))
        box.setFocus(Qt.OtherFocusReason)
        return None
    error.clear_message()
    return found


class ChoiceList(QWidget):
    """One big choice per row: a round button, an icon and words that wrap (clicking the
    words chooses the row). Arrow keys move between the rows, as with any radio buttons."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.buttonToggled.connect(self._toggled)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._rows: list[tuple[QRadioButton, object, QWidget]] = []

    def set_choices(self, rows: Sequence[tuple[str, object, str]]) -> None:
        """``rows``: (words, data, icon name). The first row is chosen."""
        self.clear()
        for words, data, icon in rows:
            self.add(words, data, icon)
        if self._rows:
            self._rows[0][0].setChecked(True)

    def add(self, words: str, data: object, icon: str) -> QRadioButton:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(4, 2, 4, 2)
        button = QRadioButton()
        button.setAccessibleName(words)
        mark = QLabel()
        side = icon_size(self)
        mark.setPixmap(qta.icon(icon, color="#0b0c0c").pixmap(side.width() * 3 // 2,
                                                              side.height() * 3 // 2))
        label = _ChoiceWords(words, button)
        label.setFont(scaled_font(label, 1.15))
        row.addWidget(button, 0, Qt.AlignVCenter)
        row.addWidget(mark, 0, Qt.AlignVCenter)
        row.addWidget(label, 1)
        self.group.addButton(button)
        self._layout.addWidget(holder)
        self._rows.append((button, data, holder))
        return button

    def clear(self) -> None:
        for button, _data, holder in self._rows:
            self.group.removeButton(button)
            holder.hide()
            holder.setParent(None)
            holder.deleteLater()
        self._rows = []

    def count(self) -> int:
        return len(self._rows)

    def buttons(self) -> list[QRadioButton]:
        return [b for b, _d, _h in self._rows]

    def data(self) -> object | None:
        return next((d for b, d, _h in self._rows if b.isChecked()), None)

    def button_for(self, wanted: Callable[[object], bool]) -> QRadioButton | None:
        return next((b for b, d, _h in self._rows if wanted(d)), None)

    def select(self, wanted: Callable[[object], bool]) -> bool:
        found = self.button_for(wanted)
        if found is not None:
            found.setChecked(True)
        return found is not None

    def set_enabled_where(self, wanted: Callable[[object], bool], on: bool) -> None:
        for button, data, holder in self._rows:
            if wanted(data):
                holder.setEnabled(on)
                button.setEnabled(on)

    def focus_chosen(self) -> None:
        chosen = self.group.checkedButton() or (self._rows[0][0] if self._rows else None)
        if chosen is not None:
            chosen.setFocus(Qt.OtherFocusReason)

    def _toggled(self, _button: QAbstractButton, on: bool) -> None:
        if on:
            self.changed.emit()


class _ChoiceWords(QLabel):
    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__(text)
        self.button = button
        self.setWordWrap(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setBuddy(button)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() == Qt.LeftButton and self.button.isEnabled():
            self.button.setChecked(True)
            self.button.setFocus(Qt.MouseFocusReason)


class RecipientPicker(QWidget):
    """Who would get it and what it is for, as two drop-down lists, with the words for
    "something else". ``submitted`` when Return is pressed in those words."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.recipient = QComboBox()
        self.purpose = QComboBox()
        for value, words in purpose_choices():
            self.purpose.addItem(words, value)
        for box in (self.recipient, self.purpose):  # long names must not widen the page
            box.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(20)
        self.other = QLineEdit()
        self.other_error = FieldError()
        for label, widget in ((_("Who would get it"), self.recipient),
                              (_("What it is for"), self.purpose)):
            layout.addWidget(field_label(label, widget))
            widget.setAccessibleName(label)
            layout.addWidget(widget)
        self.other_label = field_label(_("Something else: say what"), self.other)
        self.other.setAccessibleName(self.other_label.text())
        layout.addWidget(self.other_label)
        layout.addWidget(self.other_error)
        layout.addWidget(self.other)
        self.purpose.currentIndexChanged.connect(self._purpose_changed)
        self.other.returnPressed.connect(self.submitted.emit)
        self._purpose_changed()

    def _purpose_changed(self, *_args: object) -> None:
        other = self.purpose.currentData() == "other"
        self.other_label.setVisible(other)
        self.other.setVisible(other)
        if not other:
            self.other_error.clear_message()

    def set_recipients(self, rows: Sequence[tuple[str, Recipient]]) -> None:
        """The choices (see :func:`recipient_choices`); the one chosen before stays chosen."""
        chosen = self.recipient.currentData()
        self.recipient.clear()
        for words, who in rows:
            self.recipient.addItem(words, who)
        index = next((i for i in range(self.recipient.count())
                      if chosen and self.recipient.itemData(i).id == chosen.id), 0)
        self.recipient.setCurrentIndex(index)

    def choose(self, recipient_id: str, purpose: str = "care", text: str = "") -> None:
        for i in range(self.recipient.count()):
            if self.recipient.itemData(i).id == recipient_id:
                self.recipient.setCurrentIndex(i)
        self.purpose.setCurrentIndex(self.purpose.findData(purpose))
        self.other.setText(text)

    def chosen_recipient(self) -> Recipient | None:
        who = self.recipient.currentData()
        return who if isinstance(who, Recipient) else None

    def chosen_purpose(self) -> Purpose | None:
        """The checked purpose, or None after showing what to fix next to the words."""
        return read_purpose(self.purpose.currentData(), self.other.text(), self.other_error,
                            self.other)

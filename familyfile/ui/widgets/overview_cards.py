"""The cards of the overview: a heading with the section's icon, a few rows, and a way to
the section. An empty card says what goes there and offers the first step.

Red is used only by the critical alerts card, always with an icon and the word "Alert".
How due something is, is said in words ("Overdue since 3 Mar 2026"); colour only adds to it.
"""

from __future__ import annotations

from datetime import date

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from familyfile.i18n import _
from familyfile.services.overview import DUE, OVERDUE, DueItem
from familyfile.ui.widgets.alerts_panel import CRITICAL
from familyfile.ui.widgets.form import HINT, TEXT, link_button, scaled_font, secondary_button

#: (words, background) for each state: the immunisations page's colours (never red).
STATE_COLOURS = {OVERDUE: ("#6e3619", "#fcd6c3"), DUE: ("#0c2d4a", "#bbd4ea"),
                 "upcoming": ("#383f43", "#e5e6e7")}
STATE_ICONS = {OVERDUE: "mdi6.alert-circle-outline", DUE: "mdi6.clock-outline",
               "upcoming": "mdi6.calendar-month-outline"}
STYLE = f"""
QFrame#overviewCard {{ background: white; border: 1px solid #b1b4b6; border-radius: 6px; }}
QFrame#overviewCard QLabel, QFrame#criticalCard QLabel, QFrame#aboutStrip QLabel {{
    background: transparent; border: none; color: {TEXT}; }}
QFrame#criticalCard {{ background: #fdf2f0; border: 2px solid {CRITICAL};
    border-left: 8px solid {CRITICAL}; border-radius: 4px; }}
QFrame#criticalCard QLabel#alertWord {{ color: {CRITICAL}; font-weight: bold; }}
QFrame#aboutStrip {{ background: #f3f2f1; border: none; border-radius: 6px; }}
QLabel#overviewHint {{ color: {HINT}; }}
QFrame#cardRule {{ background: #e5e6e7; border: none; max-height: 1px; min-height: 1px; }}
QFrame#promptRow {{ background: #eef4fa; border: none; border-left: 5px solid #1d70b8; }}
"""


def _months() -> list[str]:
    return [_("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"),
            _("Sep"), _("Oct"), _("Nov"), _("Dec")]


def _weekdays() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def day_text(day: date) -> str:
    """"3 Mar 2026"."""
    return f"{day.day} {_months()[day.month - 1]} {day.year}"


def weekday_text(day: date) -> str:
    """"Thu 27 Nov"."""
    return f"{_weekdays()[day.weekday()]} {day.day} {_months()[day.month - 1]}"


def state_words(item: DueItem) -> str:
    """How due it is, in words: colour is never the only sign."""
    if item.state == OVERDUE:
        return _("Overdue since {date}").format(date=day_text(item.on))
    if item.state == DUE:
        return _("Due now (since {date})").format(date=day_text(item.on))
    return _("Coming up on {date}").format(date=day_text(item.on))


def label(text: str, *, factor: float = 1.0, bold: bool = False, hint: bool = False) -> QLabel:
    """A wrapping label that a screen reader reads as it is shown."""
    found = QLabel(text)
    found.setWordWrap(True)
    found.setAccessibleName(text)
    found.setTextInteractionFlags(Qt.TextSelectableByMouse)
    if factor != 1.0 or bold:
        found.setFont(scaled_font(found, factor, bold=bold))
    if hint:
        found.setObjectName("overviewHint")
    return found


def icon_label(name: str, widget: QWidget, color: str = TEXT, factor: float = 1.3) -> QLabel:
    side = int(widget.fontMetrics().height() * factor)
    found = QLabel()
    found.setPixmap(qta.icon(name, color=color).pixmap(side, side))
    found.setFixedSize(side, side)
    return found


def rule() -> QFrame:
    line = QFrame()
    line.setObjectName("cardRule")
    return line


def _keyboard(button: QPushButton) -> QPushButton:
    """Enter and Return press it too (Space always does), as in a dialog."""
    button.setAutoDefault(True)
    button.setFocusPolicy(Qt.StrongFocus)
    return button


def link_to(text: str, spoken: str = "") -> QPushButton:
    """A link-styled button with an arrow after its words."""
    button = _keyboard(link_button(text, qta.icon("mdi6.arrow-right", color="#1d70b8")))
    button.setLayoutDirection(Qt.RightToLeft)
    button.setAccessibleName(spoken or text)
    return button


class Card(QFrame):
    """A heading, rows, and a link to the section (or, when empty, the first step)."""

    open_section = Signal(str)

    def __init__(self, heading: str, icon: str, section: str, link_text: str = "",
                 step_text: str = "", step_section: str = "", *, critical: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setObjectName("criticalCard" if critical else "overviewCard")
        self.setAccessibleName(heading)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(8)
        top.addWidget(icon_label(icon, self, CRITICAL if critical else "#505a5f"), 0, Qt.AlignVCenter)
        if critical:
            word = label(_("Alert"), factor=1.25, bold=True)
            word.setObjectName("alertWord")
            word.setWordWrap(False)
            top.addWidget(word, 0, Qt.AlignVCenter)
        self.heading = label(heading, factor=1.25, bold=True)
        top.addWidget(self.heading, 1, Qt.AlignVCenter)
        self.link = self.make_link(link_text, section)
        self.link.setVisible(False)
        top.addWidget(self.link, 0, Qt.AlignVCenter)
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setSpacing(8)
        outer.addLayout(self.body)
        self.empty_text = label("", hint=True)
        outer.addWidget(self.empty_text)
        self.step = _keyboard(secondary_button(step_text, qta.icon("mdi6.plus")))
        self.step.clicked.connect(lambda: self.open_section.emit(step_section or section))
        outer.addWidget(self.step, 0, Qt.AlignLeft)
        outer.addStretch(1)
        self._row_buttons: list[QPushButton] = []
        self.rows: list[QWidget] = []

    def make_link(self, text: str, section: str, spoken: str = "") -> QPushButton:
        button = link_to(text, spoken)
        button.clicked.connect(lambda: self.open_section.emit(section))
        return button

    def row_link(self, text: str, section: str, spoken: str = "") -> QPushButton:
        """A link inside a row (kept in the keyboard order with the card's own buttons)."""
        button = self.make_link(text, section, spoken)
        self._row_buttons.append(button)
        return button

    def set_rows(self, rows: list[QWidget], empty: str = "") -> None:
        """Replace the rows; none: say ``empty`` and offer the first step."""
        for old in self.rows:
            old.hide()
            old.deleteLater()
        self._row_buttons = [b for b in self._row_buttons if any(r.isAncestorOf(b) for r in rows)]
        self.rows = list(rows)
        for index, row in enumerate(rows):
            if index:
                separator = rule()
                self.body.addWidget(separator)
                self.rows.append(separator)
            self.body.addWidget(row)
        self.empty_text.setText(empty)
        self.empty_text.setAccessibleName(empty)
        self.empty_text.setVisible(not rows)
        self.step.setVisible(not rows and bool(self.step.text()))
        self.link.setVisible(bool(rows) and bool(self.link.text()))

    def buttons(self) -> list[QPushButton]:
        """Its buttons in the order they are read."""
        return [self.link, *self._row_buttons, self.step]

    def words(self) -> list[str]:
        """What it says, in order (for tests and for checking the wording)."""
        shown = [w for w in self.findChildren(QLabel) if w.text() and not w.isHidden()
                 and all(not p.isHidden() for p in _parents(w, self))]
        return [w.text() for w in shown] + [b.text() for b in self.buttons() if not b.isHidden()]


def _parents(widget: QWidget, top: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def pill(item: DueItem) -> QFrame:
    """The state in words, with an icon, on a calm background."""
    words, background = STATE_COLOURS.get(item.state, STATE_COLOURS["upcoming"])
    frame = QFrame()
    frame.setStyleSheet(f"QFrame {{ background: {background}; border-radius: 4px; }}"
                        f"QLabel {{ color: {words}; background: transparent; }}")
    row = QHBoxLayout(frame)
    row.setContentsMargins(8, 3, 10, 3)
    row.setSpacing(6)
    row.addWidget(icon_label(STATE_ICONS.get(item.state, STATE_ICONS["upcoming"]), frame, words, 1.0))
    text = QLabel(state_words(item))
    text.setFont(scaled_font(text, 1.0, bold=True))
    text.setAccessibleName(state_words(item))
    row.addWidget(text)
    return frame


class AboutStrip(QFrame):
    """Who the child is: names, age, date of birth, languages, how they communicate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutStrip")
        strip = QVBoxLayout(self)
        strip.setContentsMargins(16, 12, 16, 12)
        head = QHBoxLayout()
        self.title = label("", factor=1.2, bold=True)
        head.addWidget(self.title, 1)
        self.link = link_to(_("Open About me"))
        head.addWidget(self.link, 0, Qt.AlignVCenter)
        strip.addLayout(head)
        self.facts_row = QHBoxLayout()
        self.facts_row.setSpacing(24)
        self.forms = [QFormLayout(), QFormLayout()]
        for form in self.forms:
            form.setRowWrapPolicy(QFormLayout.WrapLongRows)
            form.setVerticalSpacing(4)
            form.setHorizontalSpacing(16)
            self.facts_row.addLayout(form, 1)
        strip.addLayout(self.facts_row)
        self.name, self.known_as, self.age, self.born = (self._fact(0, t) for t in (
            _("Name"), _("Known as"), _("Age"), _("Date of birth")))
        self.languages, self.communication = self._fact(1, _("Languages")), self._fact(1, "")
        self._wide = True

    def _fact(self, side: int, caption: str) -> QLabel:
        value = label("")
        shown = label(caption, hint=True)
        shown.setBuddy(value)
        self.forms[side].addRow(shown, value)
        return value

    def set_fact(self, value: QLabel, text: str, caption: str | None = None) -> None:
        """Show a fact (hidden when there is nothing to say); ``caption`` rewords its label."""
        value.setText(text)
        value.setAccessibleName(text)
        form = self.forms[0] if self.forms[0].indexOf(value) >= 0 else self.forms[1]
        shown = form.labelForField(value)
        if caption is not None and isinstance(shown, QLabel):
            shown.setText(caption)
            shown.setAccessibleName(caption)
        form.setRowVisible(value, bool(text))

    def set_wide(self, wide: bool) -> None:
        """Two lists side by side when there is room, else one (so the values line up)."""
        if wide == self._wide:
            return
        self._wide = wide
        self.facts_row.setStretch(1, 1 if wide else 0)
        self.facts_row.setSpacing(24 if wide else 0)
        source, target = (self.forms[0], self.forms[1]) if wide else (self.forms[1], self.forms[0])
        for value in (self.languages, self.communication):
            row, _role = source.getWidgetPosition(value)
            if row < 0:
                continue
            taken = source.takeRow(row)
            caption = taken.labelItem.widget() if taken.labelItem is not None else None
            target.addRow(caption, value)
            target.setRowVisible(value, bool(value.text()))

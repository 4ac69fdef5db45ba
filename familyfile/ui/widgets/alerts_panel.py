"""Critical alerts at the top of About me: red only here, always with an icon and the word
"Alert", so colour is never the only sign. Alerts that no longer apply are listed calmly."""

from __future__ import annotations

import html

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from familyfile.domain import alerts as alert_rules
from familyfile.domain.alerts import Alert
from familyfile.domain.entry import Entry
from familyfile.i18n import _
from familyfile.services.about_me import Item
from familyfile.ui.dialogs.entry_form import date_text
from familyfile.ui.widgets.form import hint, link_button, scaled_font, secondary_button

CRITICAL = "#b0281a"  # white background text contrast 6.5:1 (WCAG AA)
STYLE = f"""
QFrame#criticalAlerts {{ background: #fdf2f0; border: 2px solid {CRITICAL};
    border-left: 8px solid {CRITICAL}; border-radius: 4px; }}
QLabel#alertWord {{ color: {CRITICAL}; font-weight: bold; }}
QFrame#alertsNone {{ background: white; border: 1px solid #b1b4b6; border-radius: 6px; }}
"""


def alert_sentence(alert: Alert) -> str:
    text = _("{type}: {what}").format(type=alert_rules.type_label(alert.type), what=alert.what)
    if alert.details:
        text += " — " + alert.details
    if alert.since:
        text += " " + _("(since {date})").format(date=date_text(alert.since.isoformat()))
    return text


def alert_html(alert: Alert, *, bold: bool) -> str:
    """The same words as ``alert_sentence``, with the kind and what it is in bold."""
    head = _("{type}: {what}").format(type=alert_rules.type_label(alert.type), what=alert.what)
    rest = alert_sentence(alert)[len(head):]
    if not bold:
        return html.escape(head + rest)
    return f"<b>{html.escape(head)}</b>{html.escape(rest)}"


class AlertsPanel(QWidget):
    add_requested = Signal()
    edit_requested = Signal(object)  # the Entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("criticalAlerts")
        self.rows = QVBoxLayout(self.frame)
        self.rows.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.frame)
        self.add_button = secondary_button(_("Add a critical alert"), qta.icon("mdi6.plus"))
        self.add_button.clicked.connect(self.add_requested.emit)
        self.texts: list[str] = []
        self.edit_buttons: list[tuple[QWidget, Entry]] = []

    def _clear(self) -> None:
        while self.rows.count():
            taken = self.rows.takeAt(0)
            widget = taken.widget() if taken is not None else None
            inner = taken.layout() if taken is not None else None
            if widget is self.add_button:
                continue  # kept, and added again at the end
            if widget is not None:
                widget.deleteLater()
            elif inner is not None:
                _delete_layout(inner)

    def show_alerts(self, items: list[Item[Alert]]) -> None:
        self._clear()
        self.texts = []
        self.edit_buttons = []
        active = [i for i in items if i.value.active]
        past = [i for i in items if not i.value.active]
        self.frame.setObjectName("criticalAlerts" if active else "alertsNone")
        self.frame.setStyleSheet(STYLE)
        heading = QHBoxLayout()
        side = int(self.fontMetrics().height() * 1.6)
        if active:
            icon = QLabel()
            icon.setPixmap(qta.icon("mdi6.alert-octagon", color=CRITICAL).pixmap(side, side))
            icon.setAccessibleName(_("Alert"))
            heading.addWidget(icon)
            word = QLabel(_("Alert"))
            word.setObjectName("alertWord")
            word.setFont(scaled_font(word, 1.3, bold=True))
            heading.addWidget(word)
        label = QLabel(_("Read these first") if active else _("No critical alerts recorded"))
        label.setFont(scaled_font(label, 1.3, bold=True))
        heading.addWidget(label, 1)
        self.rows.addLayout(heading)
        if not active:
            self.rows.addWidget(hint(_("Add allergies, conditions, medicines or equipment that a "
                                       "doctor, nurse or teacher must know about straight away.")))
        for item in active:
            self._row(item, _("Alert: {text}"), bold=True)
        if past:
            self.rows.addWidget(hint(_("No longer applies:")))
            for item in past:
                self._row(item, _("No longer applies: {text}"), bold=False)
        self.rows.addWidget(self.add_button, 0, Qt.AlignLeft)

    def _row(self, item: Item[Alert], spoken: str, *, bold: bool) -> None:
        line = QHBoxLayout()
        words = alert_sentence(item.value)
        text = QLabel(alert_html(item.value, bold=bold))
        text.setTextFormat(Qt.RichText)
        text.setWordWrap(True)
        text.setFont(scaled_font(text, 1.1 if bold else 1.0))
        text.setAccessibleName(spoken.format(text=words))
        text.setTextInteractionFlags(Qt.TextSelectableByMouse)
        edit = link_button(_("Change"))
        edit.setAccessibleName(_("Change alert: {what}").format(what=item.value.what))
        edit.clicked.connect(lambda _checked=False, e=item.entry: self.edit_requested.emit(e))
        line.addWidget(text, 1)
        line.addWidget(edit, 0, Qt.AlignTop)
        self.rows.addLayout(line)
        self.texts.append(words)
        self.edit_buttons.append((edit, item.entry))


def _delete_layout(layout: QLayout) -> None:
    while layout.count():
        taken = layout.takeAt(0)
        widget = taken.widget() if taken is not None else None
        inner = taken.layout() if taken is not None else None
        if widget is not None:
            widget.deleteLater()
        elif inner is not None:
            _delete_layout(inner)
    layout.deleteLater()

"""Building blocks for GOV.UK-style pages: a title, a hint, field errors, an error summary.

Sizes come from the application font (never fixed pixels), so text scales to 200%.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from familyfile.i18n import _

TEXT = "#0b0c0c"
HINT = "#484949"
ERROR = "#b0281a"
LINK = "#1d70b8"
PRIMARY = "#00703c"

STYLE = f"""
QPushButton#primary {{
    background: {PRIMARY}; color: white; border: 3px solid {PRIMARY}; border-radius: 3px;
    padding: 0.35em 1.1em; font-weight: bold;
}}
QPushButton#primary:hover {{ background: #005a30; border-color: #005a30; }}
QPushButton#primary:focus {{ outline: none; border-color: #ffdd00; }}
QPushButton#primary:disabled {{ background: #6f8f7f; }}
QPushButton#secondary {{
    background: #f3f2f1; color: {TEXT}; border: 2px solid #6f777b; border-radius: 3px;
    padding: 0.35em 1em;
}}
QPushButton#secondary:hover {{ background: #dbdad9; }}
QPushButton#secondary:focus {{ outline: none; border-color: #ffdd00; background: #fff7bf; }}
QPushButton#link {{
    color: {LINK}; border: none; background: transparent; text-align: left;
    text-decoration: underline; padding: 0.2em 0;
}}
QPushButton#link:focus {{ background: #ffdd00; color: {TEXT}; }}
QLineEdit, QDateEdit {{ padding: 0.2em; }}
QLabel#hint {{ color: {HINT}; }}
QLabel#fieldError {{ color: {ERROR}; font-weight: bold; }}
QFrame#errorSummary {{ border: 3px solid {ERROR}; background: white; }}
QFrame#note {{ border-left: 6px solid {LINK}; background: #eef4fa; }}
QFrame#card {{ background: white; border: 1px solid #b1b4b6; border-radius: 6px; }}
"""


def scaled_font(widget: QWidget, factor: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(font.pointSizeF(), 6.0) * factor)
    font.setBold(bold)
    return font


def title(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("title")
    label.setWordWrap(True)
    label.setFont(scaled_font(label, 1.6, bold=True))
    label.setAccessibleName(text)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def para(text: str) -> QLabel:
    """An ordinary paragraph that wraps."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def field_label(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFont(scaled_font(label, 1.05, bold=True))
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def icon_size(widget: QWidget) -> QSize:
    """Icons as tall as a line of text, so they grow with larger text."""
    side = max(16, round(widget.fontMetrics().height() * 0.95))
    return QSize(side, side)


def chars_wide(widget: QWidget, count: int) -> int:
    """The width of ``count`` ordinary characters in the widget's font (grows with the text)."""
    return widget.fontMetrics().averageCharWidth() * count


def _button(text: str, name: str, icon: object) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    if icon is not None:
        button.setIcon(icon)  # type: ignore[arg-type]
    button.setIconSize(icon_size(button))
    button.setAccessibleName(text)
    # Never narrower than its words: a long label makes the page scroll, not clip.
    button.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
    return button


def primary_button(text: str, icon: object = None) -> QPushButton:
    button = _button(text, "primary", icon)
    button.setCursor(Qt.PointingHandCursor)
    return button


def secondary_button(text: str, icon: object = None) -> QPushButton:
    return _button(text, "secondary", icon)


def link_button(text: str, icon: object = None) -> QPushButton:
    button = secondary_button(text, icon)
    button.setObjectName("link")
    button.setFlat(True)
    button.setCursor(Qt.PointingHandCursor)
    return button


def note(text: str) -> QFrame:
    """A calm, blue-edged note (information, never an alarm)."""
    frame = QFrame()
    frame.setObjectName("note")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(12, 8, 12, 8)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setObjectName("noteText")
    layout.addWidget(label)
    return frame


class FieldError(QLabel):
    """The sentence that says what is wrong with one field; hidden when all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(_("Error: {message}").format(message=text))
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class ErrorSummary(QFrame):
    """GOV.UK's "There is a problem" box: every error, each a link to its field."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorSummary")
        self.setFocusPolicy(Qt.StrongFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        heading = QLabel(_("There is a problem"))
        heading.setFont(scaled_font(heading, 1.2, bold=True))
        self._body = QLabel()
        self._body.setWordWrap(True)
        self._body.setTextFormat(Qt.RichText)
        self._body.setTextInteractionFlags(Qt.TextBrowserInteraction)
        self._body.linkActivated.connect(self.link_activated.emit)
        layout.addWidget(heading)
        layout.addWidget(self._body)
        self.messages: list[str] = []
        self.hide()

    def show_errors(self, items: Sequence[tuple[str, str]]) -> None:
        """``items``: (field key, sentence). Shows the box and moves focus to it."""
        import html

        self.messages = [text for _key, text in items]
        if not items:
            self.clear_errors()
            return
        lines = [f'<p style="margin: 0 0 6px 0;"><a href="{html.escape(key)}" '
                 f'style="color: {ERROR}; font-weight: bold;">{html.escape(text)}</a></p>'
                 for key, text in items]
        self._body.setText("".join(lines))
        self.setAccessibleName(_("There is a problem: {problems}").format(
            problems=" ".join(self.messages)))
        self.show()
        self.setFocus(Qt.OtherFocusReason)

    def clear_errors(self) -> None:
        self.messages = []
        self._body.clear()
        self.hide()


def scrolling_column(screen: QWidget, max_width: int = 640) -> QVBoxLayout:
    """A centred column that scrolls rather than clips when text is large."""
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(screen)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    outer.addWidget(scroll)
    holder = QWidget()
    scroll.setWidget(holder)
    row = QHBoxLayout(holder)
    row.setContentsMargins(24, 24, 24, 24)
    column = QWidget()
    # ``max_width`` is for ordinary text (about 7 px a character); larger text gets more room.
    column.setMaximumWidth(max(max_width, screen.fontMetrics().averageCharWidth() * max_width // 7))
    column.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
    row.addStretch(1)
    row.addWidget(column, 100)
    row.addStretch(1)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(10)
    return layout


def _month_abbreviations() -> list[str]:
    return [_("Jan"), _("Feb"), _("Mar"), _("Apr"), _("May"), _("Jun"), _("Jul"), _("Aug"),
            _("Sep"), _("Oct"), _("Nov"), _("Dec")]


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone()


def local_date_text(moment: datetime) -> str:
    """"27 Mar 2024", in this computer's time zone."""
    here = _local(moment)
    return f"{here.day} {_month_abbreviations()[here.month - 1]} {here.year}"


def local_datetime_text(moment: datetime) -> str:
    """"27 Mar 2024 at 14:05", in this computer's time zone."""
    here = _local(moment)
    return _("{date} at {time}").format(date=local_date_text(moment), time=here.strftime("%H:%M"))

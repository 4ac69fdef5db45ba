"""What the involvement and appointments pages share: labelled fields with their errors,
tables that grow to fit their rows, and date conversions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from familyfile.errors import ValidationError
from familyfile.messages import user_message
from familyfile.ui.widgets.form import ErrorSummary, FieldError, field_label, hint


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def iso(value: QDate) -> str:
    return value.toString("yyyy-MM-dd")


def long_text(lines: int = 3) -> QPlainTextEdit:
    """A box for a few lines; Tab moves on (keyboard users are not trapped)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 16)
    return box


class FormCard(QFrame):
    """A card holding a form. Its height follows its wrapped text: at large text sizes a
    scroll area can otherwise leave a long form a little short, and its boxes overlap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")

    def fit_height(self) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        need = layout.totalHeightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.LayoutRequest:
            self.fit_height()
        return handled


class FieldSet:
    """The inputs of one form, each with its error line, and the form's error summary."""

    def __init__(self, summary: ErrorSummary) -> None:
        self.summary = summary
        self.inputs: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}
        self.labels: dict[str, QWidget] = {}
        self.hints: dict[str, QLabel] = {}
        summary.link_activated.connect(self.focus)

    def add(self, body: QVBoxLayout, key: str, label: str, widget: QWidget,
            why: str | None = None) -> QLabel:
        """Label, optional hint, error line, then the input (GOV.UK order); returns the hint."""
        if not isinstance(widget, QCheckBox):  # a tick box carries its own words
            self.labels[key] = field_label(label, widget)
            body.addWidget(self.labels[key])
        note = hint(why or "")
        note.setVisible(bool(why))
        error = FieldError()
        if isinstance(widget, QCheckBox):  # the hint goes under the tick box's words
            body.addWidget(error)
            body.addWidget(widget)
            body.addWidget(note)
        else:
            body.addWidget(note)
            body.addWidget(error)
            body.addWidget(widget)
        body.addSpacing(4)
        widget.setAccessibleName(label)
        if why:
            widget.setAccessibleDescription(why)
        self.inputs[key] = widget
        self.errors[key] = error
        self.hints[key] = note
        return note

    def set_shown(self, key: str, shown: bool) -> None:
        """Show or hide one field with its label and hint (a hidden field has no error)."""
        self.inputs[key].setVisible(shown)
        if key in self.labels:
            self.labels[key].setVisible(shown)
        note = self.hints[key]
        note.setVisible(shown and bool(note.text().strip()))
        if not shown:
            self.errors[key].clear_message()

    def show_problems(self, problems: list[ValidationError]) -> None:
        self.clear()
        items = []
        for problem in problems:
            text = user_message(problem)
            key = problem.field or ""
            if key in self.errors:
                self.errors[key].show_message(text)
            items.append((key, text))
        self.summary.show_errors(items)
        page = self.summary.parentWidget()
        while page is not None and not isinstance(page, QScrollArea):
            page = page.parentWidget()
        if isinstance(page, QScrollArea):
            page.ensureWidgetVisible(self.summary)

    def show_failure(self, exc: BaseException) -> None:
        """Not saved for a reason that is not about one field (disk full, edited elsewhere)."""
        self.clear()
        self.summary.show_errors([("", user_message(exc))])

    def clear(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.summary.clear_errors()

    def focus(self, key: str) -> None:
        target = self.inputs.get(key)
        if target is not None:
            target.setFocus(Qt.OtherFocusReason)

    def on_enter(self, callback: object) -> None:
        """Enter in any one-line box saves the form."""
        for widget in self.inputs.values():
            if isinstance(widget, QLineEdit):
                widget.returnPressed.connect(callback)


def status_banner() -> QLabel:
    """A calm line at the top of a page: "Saved …" or what to do next. Hidden until used."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet("QLabel { border-left: 6px solid #00703c; background: #e6f2ec;"
                        " color: #0b0c0c; padding: 8px; }")
    label.hide()
    return label


def scroll_to(page: QWidget, target: QWidget) -> None:
    """Bring ``target`` into view in the page's scroll area."""
    area = page.findChild(QScrollArea)
    if area is not None:
        area.ensureWidgetVisible(target)


def button_row(body: QVBoxLayout, *buttons: QWidget, room: int = 700) -> QWidget:
    """Buttons side by side, or one under another when large text would not fit them."""
    holder = QWidget()
    wide = sum(b.sizeHint().width() + 8 for b in buttons) > room
    row = QBoxLayout(QBoxLayout.TopToBottom if wide else QBoxLayout.LeftToRight, holder)
    row.setContentsMargins(0, 4, 0, 0)
    for button in buttons:
        row.addWidget(button, 0, Qt.AlignLeft)
    row.addStretch(1)
    body.addWidget(holder)
    return holder


CELL_PADDING = 4


class WrappingDelegate(QStyledItemDelegate):
    """Measures wrapped text at the width the cell padding leaves (the style sheet adds the
    padding to the size but measures the text at the full column width, which cuts off the
    last lines at large text sizes)."""

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802 (Qt API)
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -2 * CELL_PADDING, 0)
        return super().sizeHint(narrower, index)


def make_table(model: QAbstractItemModel, name: str, *, snug: tuple[int, ...] = ()) -> QTableView:
    """A read-only table that selects whole rows and grows to show every row. Columns in
    ``snug`` are as wide as their text; the others share the rest."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setWordWrap(True)
    view.setTextElideMode(Qt.ElideNone)
    view.setItemDelegate(WrappingDelegate(view))
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
    for column in snug:
        view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
    view.setSizeAdjustPolicy(QAbstractScrollArea.AdjustToContents)
    view.setStyleSheet("QTableView { background: white; alternate-background-color: #f3f2f1; }"
                       f"QTableView::item {{ padding: {CELL_PADDING}px; }}"
                       "QHeaderView::section { background: #f3f2f1; padding: 4px;"
                       " border: none; border-bottom: 1px solid #b1b4b6; font-weight: bold; }"
                       "QTableView::item:selected { background: #1d70b8; color: white; }")
    model.modelReset.connect(lambda: fit_table(view))
    # Wrapped text needs the final column widths: fit again whenever they change.
    # Deferred, so every column has its final width before the rows are measured.
    view.horizontalHeader().sectionResized.connect(
        lambda *_args: QTimer.singleShot(0, view, lambda: fit_table(view)))
    return view


def fit_table(view: QTableView) -> None:
    view.resizeRowsToContents()
    height = view.horizontalHeader().height() + 2 * view.frameWidth()
    for row in range(view.model().rowCount()):
        height += view.rowHeight(row)
    view.setFixedHeight(height)
    view.setVisible(view.model().rowCount() > 0)


def selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    if rows:
        return rows[0].row()
    current = view.currentIndex()
    return current.row() if current.isValid() else None

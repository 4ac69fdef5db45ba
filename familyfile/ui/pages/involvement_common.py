"""What the involvement and appointments pages share: tables that grow to fit their rows,
and date conversions. (Their forms are ``familyfile.ui.widgets.form_card``.)"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def iso(value: QDate) -> str:
    return value.toString("yyyy-MM-dd")


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


def chosen_record(view: QTableView) -> Any:
    """The record of the chosen row, or of the only row there is; None when none is chosen."""
    model = view.model()
    row = selected_row(view)
    if row is None and model.rowCount() == 1:
        row = 0
    return None if row is None else model.index(row, 0).data(Qt.UserRole)


def rows_text(*models: QAbstractItemModel) -> list[str]:
    """Each row of the tables as one line of text (for tests and screen readers)."""
    return [" | ".join(model.index(row, column).data() for column in range(model.columnCount()))
            for model in models for row in range(model.rowCount())]

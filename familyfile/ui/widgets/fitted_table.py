"""A read-only table that is as tall as its rows (up to a limit), so a short list sits in its
card without an inner scroll bar — also at 200% text, when it may need to scroll sideways."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

MAX_ROWS_SHOWN = 8


class FittedTable(QTableView):
    def __init__(self, model: QAbstractItemModel, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setWordWrap(True)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        model.modelReset.connect(self.fit)

    def fit(self) -> None:
        self.verticalHeader().setMinimumSectionSize(int(self.fontMetrics().lineSpacing() * 1.9))
        self.resizeRowsToContents()
        rows = self.model().rowCount()
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(min(rows, MAX_ROWS_SHOWN)))
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        """Tabbing in chooses a row, so Change and Remove work at once from the keyboard."""
        super().focusInEvent(event)
        if self.model().rowCount() and not self.selectionModel().hasSelection():
            self.selectRow(max(self.currentIndex().row(), 0))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

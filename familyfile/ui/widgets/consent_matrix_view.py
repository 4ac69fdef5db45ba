"""The consent matrix on screen: one cell at a time is chosen, by the mouse (a click) or the
keyboard (the arrow keys, then Enter or Space). The table is as tall as its rows, so the page
scrolls, not the table; at large text sizes it scrolls sideways."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QHeaderView, QTableView, QWidget

from familyfile.i18n import _
from familyfile.ui.models.consent_model import FIRST_CATEGORY, ConsentMatrixModel
from familyfile.ui.pages.involvement_common import WrappingDelegate
from familyfile.ui.widgets.form import chars_wide, icon_size

STYLE = """
QTableView { background: white; gridline-color: #b1b4b6; color: #0b0c0c; }
QTableView::item { padding: 4px; }  /* as WrappingDelegate measures */
QTableView::item:selected { background: #1d70b8; color: white; }
QTableView:focus { border: 3px solid #ffdd00; }
QHeaderView::section { background: #f3f2f1; padding: 6px; border: none;
    border-right: 1px solid #b1b4b6; border-bottom: 2px solid #0b0c0c; font-weight: bold; }
"""


class ConsentMatrixView(QTableView):
    """Emits ``chosen(index)`` when a person picks a cell."""

    chosen = Signal(QModelIndex)

    def __init__(self, model: ConsentMatrixModel, accessible_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move in it
        self.setWordWrap(True)
        self.setTextElideMode(Qt.ElideNone)
        self.setItemDelegate(WrappingDelegate(self))
        self.setIconSize(icon_size(self))
        self.setStyleSheet(STYLE)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignBottom)
        header.setStretchLastSection(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.setSizeAdjustPolicy(QAbstractScrollArea.AdjustIgnored)
        self.setCornerButtonEnabled(False)
        self.clicked.connect(self._clicked)
        model.modelReset.connect(self.fit)
        header.sectionResized.connect(lambda *_a: QTimer.singleShot(0, self, self.fit_rows))

    def matrix_model(self) -> ConsentMatrixModel:
        model = self.model()
        assert isinstance(model, ConsentMatrixModel)
        return model

    def fit(self) -> None:
        self.fit_columns()
        self.fit_rows()

    def fit_columns(self) -> None:
        """Who is a little wider; the answers share the rest, but never get narrower than
        their words (then the table scrolls sideways, at large text sizes)."""
        header = self.horizontalHeader()
        count = self.model().columnCount()
        if count == 0:
            return
        header.setSectionResizeMode(QHeaderView.Fixed)
        room = self.width() - 2 * self.frameWidth()
        metrics = self.fontMetrics()
        never = max(metrics.horizontalAdvance(w) for w in (_("Never"), _("Private"))) + \
            self.iconSize().width() + 36
        answers = max(count - 2, 1)
        least = max(chars_wide(self, 16), self._widest_heading())
        who = min(chars_wide(self, 32), max(chars_wide(self, 20), room - never - answers * least))
        answer = max(least, (room - who - never) // answers)
        widths = [who] + [answer] * (count - 2) + [never]
        widths[-2] += max(room - sum(widths), 0)  # no gap at the right
        for column, width in enumerate(widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)

    def _widest_heading(self) -> int:
        """The widest line of a column heading (headings are bold, and wrap between words)."""
        bold = QFont(self.horizontalHeader().font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        model = self.model()
        lines = [line for column in range(FIRST_CATEGORY, model.columnCount())
                 for line in str(model.headerData(column, Qt.Horizontal) or "").split("\n")]
        return max((metrics.horizontalAdvance(line) for line in lines), default=0) + 16

    def fit_rows(self) -> None:
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        if self.horizontalHeader().length() > self.viewport().width():
            height += self.horizontalScrollBar().sizeHint().height()
        if self.height() != height:
            self.setFixedHeight(height)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() >= FIRST_CATEGORY:
            self.chosen.emit(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key_Return, Qt.Key_Enter, Qt.Key_Space):
            index = self.currentIndex()
            if index.isValid() and index.column() >= FIRST_CATEGORY:
                self.chosen.emit(index)
                event.accept()
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        """Tabbing in lands on the first answer, so the arrows and Enter work at once."""
        super().focusInEvent(event)
        current = self.currentIndex()
        if event.reason() != Qt.MouseFocusReason and self.model().rowCount() and (
                not current.isValid() or current.column() < FIRST_CATEGORY):
            self.setCurrentIndex(self.model().index(max(current.row(), 0), FIRST_CATEGORY))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.fit()

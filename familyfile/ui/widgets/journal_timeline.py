"""The journal timeline's list view: a row per observation drawn with its thumbnail, a bold
heading, the first, the words and who wrote it; Enter opens a row and Delete archives it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QIcon, QKeyEvent, QPainter, QPixmap, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from familyfile.ui.models.journal_model import HTML_ROLE

Index = QModelIndex | QPersistentModelIndex
LIST_STYLE = """
QListView#timeline { background: white; border: 1px solid #b1b4b6; }
QListView#timeline:focus { border: 3px solid #ffdd00; }
QListView#timeline::item { border-bottom: 1px solid #d8d8d8; color: #0b0c0c; }
QListView#timeline::item:selected { background: #eef4fa; border-left: 5px solid #1d70b8; }
"""

class TimelineDelegate(QStyledItemDelegate):
    """Draws a row: the thumbnail (if any) on the left, the row's HTML beside it, wrapped to
    the view's width; rows grow with the text size."""

    PAD = 10

    def __init__(self, view: QWidget, side: int) -> None:
        super().__init__(view)
        self._view = view
        self.side = side

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(0)
        doc.setHtml(index.data(HTML_ROLE) or "")
        doc.setTextWidth(max(width, 80))
        return doc

    def _text_width(self, width: int, has_picture: bool) -> int:
        return width - 2 * self.PAD - ((self.side + self.PAD) if has_picture else 0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt API)
        width = self._view.viewport().width() if hasattr(self._view, "viewport") else option.rect.width()
        picture = index.data(Qt.DecorationRole) is not None
        doc = self._document(option, index, self._text_width(width, picture))
        height = max(int(doc.size().height()), self.side if picture else 0) + 2 * self.PAD
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        styled = QStyleOptionViewItem(option)
        self.initStyleOption(styled, index)
        styled.text = ""
        styled.icon = QIcon()
        styled.features &= ~QStyleOptionViewItem.HasDecoration
        style = styled.widget.style() if styled.widget else None
        if style is not None:
            style.drawControl(QStyle.CE_ItemViewItem, styled, painter, styled.widget)
        rect = option.rect
        left = rect.left() + self.PAD
        picture = index.data(Qt.DecorationRole)
        painter.save()
        if isinstance(picture, QPixmap):
            scaled = picture.scaled(self.side, self.side, Qt.KeepAspectRatio, Qt.SmoothTransformation)
            painter.drawPixmap(left + (self.side - scaled.width()) // 2, rect.top() + self.PAD, scaled)
            left += self.side + self.PAD
        doc = self._document(option, index, self._text_width(rect.width(), isinstance(picture, QPixmap)))
        painter.translate(left, rect.top() + self.PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = QRect(0, 0, rect.width(), rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()


class TimelineView(QListView):
    """The list of observations. Enter or Return opens the chosen one; Delete archives it."""

    archive_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.setResizeMode(QListView.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        side = self.fontMetrics().height() * 5
        self.setIconSize(QSize(side, side))
        self.setItemDelegate(TimelineDelegate(self, side))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if self.currentIndex().isValid():
            if event.key() in (Qt.Key_Return, Qt.Key_Enter):
                self.activated.emit(self.currentIndex())
                return
            if event.key() == Qt.Key_Delete:
                self.archive_requested.emit()
                return
        super().keyPressEvent(event)

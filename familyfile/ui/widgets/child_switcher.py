"""The child switcher: each child with an initials avatar, name and age; choosing one shows them."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from familyfile.domain.child import Child, age_text
from familyfile.i18n import _
from familyfile.ui.pages import PageContext
from familyfile.ui.widgets.form import hint, scaled_font

AVATAR_COLOUR = "#a4262c"  # the Red Book's red; white text on it passes WCAG AA
MAX_ROWS = 4


def initials(child: Child) -> str:
    parts = [child.given_name, child.family_name]
    return "".join(p[:1] for p in parts if p).upper() or "?"


def avatar(text: str, size: int, ratio: float = 2.0) -> QPixmap:
    """A red circle with white initials, drawn at ``ratio`` for sharp high-DPI screens."""
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    painter.setPen(Qt.NoPen)
    painter.setBrush(QColor(AVATAR_COLOUR))
    painter.drawEllipse(QRectF(0, 0, size, size))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(8, int(size * 0.4)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignCenter, text)
    painter.end()
    return pixmap


class ChildSwitcher(QWidget):
    """Lists the children; selecting one calls ``context.select_child``."""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        heading = QLabel(_("Child"))
        heading.setFont(scaled_font(heading, 1.0, bold=True))
        self.empty = hint(_("No child yet. Add one on the Children page."))
        self.list = QListWidget(self)
        self.list.setObjectName("sideList")
        self.list.setAccessibleName(_("Choose a child"))
        self.list.setSelectionMode(QAbstractItemView.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)
        self.list.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        self.list.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        heading.setBuddy(self.list)
        context.children_changed.connect(self.reload)
        context.child_selected.connect(self._show_selected)
        self.reload()

    def reload(self) -> None:
        side = int(self.fontMetrics().height() * 2.6)
        self.list.setIconSize(QSize(side, side))
        today = self.context.session.today()
        current = self.context.current_child()
        self.list.blockSignals(True)
        self.list.clear()
        for child in self.context.children():
            age = age_text(child.date_of_birth, today)
            picture = avatar(initials(child), side)
            icon = QIcon(picture)
            icon.addPixmap(picture, QIcon.Selected)  # keep the red when highlighted
            item = QListWidgetItem(icon, f"{child.display_name}\n{age}")
            item.setData(Qt.UserRole, child.id)
            item.setData(Qt.AccessibleTextRole, _("{name}, {age}").format(name=child.display_name, age=age))
            self.list.addItem(item)
            if current is not None and child.id == current.id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.empty.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self._fit_height()
        if current is not None:
            self.context.select_child(current.id)

    def names(self) -> list[str]:
        return [self.list.item(row).text().split("\n")[0] for row in range(self.list.count())]

    def _fit_height(self) -> None:
        """Tall enough for every child up to MAX_ROWS (then it scrolls), at any text size."""
        self.list.ensurePolished()
        rows = min(self.list.count(), MAX_ROWS)
        height = sum(self.list.sizeHintForRow(r) + 2 * self.list.spacing() for r in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 4)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        self._fit_height()  # the style sheet's padding is known only now

    def _chosen(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.context.select_child(str(item.data(Qt.UserRole)))

    def _show_selected(self, child_id: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.UserRole) == child_id and self.list.currentItem() is not item:
                self.list.setCurrentItem(item)

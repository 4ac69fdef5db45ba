"""The pages of the main window, and what they share: the open family file and the chosen child.

A page is a QWidget built from a :class:`PageContext`. Pages never talk to each other or to
the main window; they listen to the context's signals and call its methods.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from familyfile.domain.child import Child
from familyfile.services.session import FamilySession
from familyfile.ui.tasks import TaskRunner
from familyfile.ui.widgets.form import hint, title

PAGE_WIDTH = 760


class PageContext(QObject):
    """The open family file, the task runner, and which child is being looked at."""

    children_changed = Signal()  # a child was added (or the file was restored)
    child_selected = Signal(str)  # the child being looked at changed
    backups_changed = Signal()  # a backup was made or restored
    navigate = Signal(str)  # a page asks to show another section (by key)

    def __init__(self, session: FamilySession, tasks: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = tasks
        self._child_id: str | None = None

    def children(self) -> list[Child]:
        return self.session.children()

    def current_child(self) -> Child | None:
        found = self.children()
        for child in found:
            if child.id == self._child_id:
                return child
        return found[0] if found else None

    def select_child(self, child_id: str) -> None:
        if child_id != self._child_id:
            self._child_id = child_id
            self.child_selected.emit(child_id)

    def child_added(self, child: Child) -> None:
        self.children_changed.emit()
        self.select_child(child.id)

    def file_replaced(self) -> None:
        """After a restore: everything shown may have changed."""
        self.children_changed.emit()
        self.backups_changed.emit()


def page_column(page: QWidget, heading: str, why: str) -> tuple[QVBoxLayout, QWidget, QWidget]:
    """A scrolling page with its title and one sentence of what it is for.

    Returns the column layout and the title and sentence labels (so a page can reword them).
    """
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea(page)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    outer.addWidget(scroll)
    holder = QWidget()
    holder.setObjectName("pageHolder")
    scroll.setWidget(holder)
    row = QHBoxLayout(holder)
    row.setContentsMargins(32, 16, 24, 24)
    inner = QWidget()
    inner.setMaximumWidth(PAGE_WIDTH)
    row.addWidget(inner, 1)
    row.addStretch(0)
    column = QVBoxLayout(inner)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(10)
    heading_label = title(heading)
    why_label = hint(why)
    column.addWidget(heading_label)
    column.addWidget(why_label)
    column.addSpacing(8)
    return column, heading_label, why_label

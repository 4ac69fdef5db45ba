"""The base of the app's read-only tables: a list of rows, one table row each, with column
headers in words and the rows numbered down the side."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
TOP_LEFT = int(Qt.AlignLeft | Qt.AlignTop)


class RowsModel(QAbstractTableModel, Generic[R]):
    """Subclasses name the columns (``headers``) and say what a cell shows (``cell``)."""

    numbered = True  # the vertical header counts the rows

    def __init__(self, rows: Iterable[R] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = list(rows)

    def reset_rows(self, rows: Iterable[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def headers(self) -> Sequence[str]:
        """The column headers, in the person's language (read each time: it may change)."""
        raise NotImplementedError

    def cell(self, row: int, column: int, role: int) -> Any:
        """What ``data`` gives for a cell that exists."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.columnCount():
            return None
        return self.cell(index.row(), index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < self.columnCount():
            return self.headers()[section]
        if orientation == Qt.Vertical and self.numbered and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


class LinesModel(RowsModel[R]):
    """Cells of a few lines each, top-left aligned; a screen reader hears a cell as one line
    and ``Qt.UserRole`` gives the row's record."""

    def text(self, row: int, column: int) -> str:
        raise NotImplementedError

    def record_of(self, row: int) -> Any:
        return self._rows[row]

    def cell(self, row: int, column: int, role: int) -> Any:
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return self.text(row, column)
        if role == Qt.AccessibleTextRole:
            return self.text(row, column).replace("\n", ", ")
        if role == Qt.TextAlignmentRole:
            return TOP_LEFT
        if role == Qt.UserRole:
            return self.record_of(row)
        return None

"""The consent matrix as a table: one row per team or agency, one column per kind of
information (and a fixed "Never" column for private things). Each cell says in words what
applies today; the icon and colour only repeat the words."""

from __future__ import annotations

import textwrap
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from familyfile.domain import categories as cats
from familyfile.domain import consent as rules
from familyfile.i18n import _, ngettext
from familyfile.services.consent import ConsentMatrix, MatrixCell, MatrixRow
from familyfile.ui.models.consent_words import REVIEW_BACKGROUND, CellWords, cell_words, never_words

WHO = 0
FIRST_CATEGORY = 1
Index = QModelIndex | QPersistentModelIndex
HEADER_LINE = 14  # characters per line of a column heading (headings wrap)


def wrapped(text: str, width: int = HEADER_LINE) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


class ConsentMatrixModel(QAbstractTableModel):
    """Rows: ``ConsentMatrix.rows`` in order. Columns: who, each consent category, private."""

    def __init__(self, matrix: ConsentMatrix | None = None, kinds: dict[str, str] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: tuple[MatrixRow, ...] = ()
        self._kinds: dict[str, str] = {}
        self._categories: tuple[str, ...] = cats.CONSENT_CATEGORIES
        self.set_matrix(matrix, kinds)

    def set_matrix(self, matrix: ConsentMatrix | None, kinds: dict[str, str] | None = None) -> None:
        """``kinds``: recipient id → the kind of service ("Health visitor"), shown first."""
        self.beginResetModel()
        self._rows = matrix.rows if matrix else ()
        self._kinds = dict(kinds or {})
        self.endResetModel()

    # -- what is where ---------------------------------------------------------------------------
    @property
    def private_column(self) -> int:
        return FIRST_CATEGORY + len(self._categories)

    def category_at(self, column: int) -> str | None:
        """The category key of a column (``private`` for the last), else None."""
        if FIRST_CATEGORY <= column < self.private_column:
            return self._categories[column - FIRST_CATEGORY]
        return cats.PRIVATE if column == self.private_column else None

    def column_of(self, category: str) -> int:
        return FIRST_CATEGORY + self._categories.index(category)

    def row_of(self, recipient_id: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.recipient.id == recipient_id)

    def matrix_row(self, row: int) -> MatrixRow:
        return self._rows[row]

    def cell(self, row: int, column: int) -> MatrixCell | None:
        key = self.category_at(column)
        if key is None or key == cats.PRIVATE:
            return None
        return self._rows[row].cells[column - FIRST_CATEGORY]

    def words(self, row: int, column: int) -> CellWords | None:
        if column == self.private_column:
            return never_words()
        found = self.cell(row, column)
        return cell_words(found, self._rows[row]) if found else None

    def who_text(self, row: int) -> str:
        found = self._rows[row]
        who = found.recipient
        if who.kind == rules.TEAM:
            return _("Team: {name}").format(name=who.name)
        lines = [self._kinds.get(who.id, ""), who.name]
        if found.teams:
            lines.append(ngettext("In the team", "In {n} teams", len(found.teams)).format(
                n=len(found.teams)))
        if not found.current:
            lines.append(_("Not helping now"))
        return "\n".join(p for p in lines if p)

    def who_words(self, row: int) -> str:
        """One line: "Health visitor, Sunny Hill Community Health — Health visiting"."""
        who = self._rows[row].recipient
        if who.kind == rules.TEAM:
            return who.name
        return ", ".join(p for p in (self._kinds.get(who.id, ""), who.name) if p)

    def text(self, row: int, column: int) -> str:
        if column == WHO:
            return self.who_text(row)
        found = self.words(row, column)
        return found.text if found else ""

    # -- Qt --------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else self.private_column + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.NoItemFlags
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._rows) or not 0 <= column <= self.private_column:
            return None
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == Qt.UserRole:
            return self.cell(row, column) if column != WHO else self._rows[row]
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignLeft | Qt.AlignVCenter)
        if column == WHO:
            return self._who_data(row, role)
        found = self.words(row, column)
        if found is None:
            return None
        if role == Qt.ToolTipRole:
            return found.tooltip
        if role == Qt.AccessibleTextRole:
            header = cats.category_name(self.category_at(column) or "")
            return _("{who}, {what}: {answer}. {more}").format(
                who=self._rows[row].recipient.name, what=header,
                answer=found.text.replace("\n", ", "), more=found.tooltip)
        if role == Qt.DecorationRole:
            return qta.icon(found.icon, color=found.colour)
        if role == Qt.BackgroundRole and found.review_due:
            return QBrush(QColor(REVIEW_BACKGROUND))
        if role == Qt.FontRole and found.review_due:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def _who_data(self, row: int, role: int) -> Any:
        kind = self._rows[row].recipient.kind
        if role in (Qt.ToolTipRole, Qt.AccessibleTextRole):
            teams = self._rows[row].teams
            words = self.who_words(row)
            if teams:
                words += ". " + _("In: {teams}").format(teams=", ".join(teams))
            return words + ("" if self._rows[row].current else ". " + _("Not helping now"))
        if role == Qt.DecorationRole:
            name = {rules.TEAM: "mdi6.account-group", rules.PROFESSIONAL: "mdi6.account"}
            return qta.icon(name.get(kind, "mdi6.domain"), color="#0b0c0c")
        if role == Qt.FontRole and kind == rules.TEAM:
            bold = QFont()
            bold.setBold(True)
            return bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if orientation == Qt.Vertical:
            return str(section + 1) if role == Qt.DisplayRole and 0 <= section < len(self._rows) else None
        if not 0 <= section <= self.private_column:
            return None
        if section == WHO:
            return _("Who") if role in (Qt.DisplayRole, Qt.AccessibleTextRole) else None
        found = cats.category(self.category_at(section) or cats.PRIVATE)
        if role == Qt.DisplayRole:
            return wrapped(found.name())
        if role == Qt.AccessibleTextRole:
            return found.name()
        if role == Qt.ToolTipRole:
            return f"{found.name()}: {found.contains()} {found.yes_means()}"
        return None

"""Tables of the address history and of the carers (read-only; edits go through dialogs)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from familyfile.domain.addresses import Address
from familyfile.domain.carers import Carer
from familyfile.i18n import _
from familyfile.services.about_me import Item
from familyfile.ui.dialogs.carer_dialog import responsibility_text
from familyfile.ui.dialogs.entry_form import date_text

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
Column = tuple[Callable[[], str], Callable[[Any], str]]


class ItemsModel(QAbstractTableModel, Generic[T]):
    """One row per Item; columns are (header, text of a value)."""

    columns: Sequence[Column] = ()

    def __init__(self, items: list[Item[T]] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[Item[T]] = []
        self.set_items(items or [])

    def set_items(self, items: list[Item[T]]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Item[T]:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt API)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        value = self._items[index.row()].value
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
            return self.columns[index.column()][1](value)
        if role == Qt.UserRole:
            return self._items[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.DisplayRole) -> Any:
        if role != Qt.DisplayRole:
            return None
        if orientation == Qt.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section][0]()
        if orientation == Qt.Vertical and 0 <= section < len(self._items):
            return str(section + 1)
        return None


def _lived(address: Address) -> str:
    start = date_text(address.from_date.isoformat())
    if address.to_date is None:
        return _("Since {start} (lives here now)").format(start=start)
    return _("{start} to {end}").format(start=start, end=date_text(address.to_date.isoformat()))


class AddressesModel(ItemsModel[Address]):
    columns = (
        (lambda: _("When"), _lived),
        (lambda: _("Address"), lambda a: ", ".join((*a.lines, a.town) if a.town else a.lines)),
        (lambda: _("Postcode"), lambda a: a.postcode),
    )


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


class CarersModel(ItemsModel[Carer]):
    columns = (
        (lambda: _("Name"), lambda c: c.name),
        (lambda: _("Relationship"), lambda c: c.relationship),
        (lambda: _("Parental responsibility"), lambda c: responsibility_text(
            c.parental_responsibility)),
        (lambda: _("Keeps the family file"), lambda c: _yes_no(c.co_holds_file)),
        (lambda: _("Phone"), lambda c: c.phone),
    )


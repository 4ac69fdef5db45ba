"""Tables of the address history and of the carers (read-only; edits go through dialogs)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt

from familyfile.domain.addresses import Address
from familyfile.domain.carers import Carer
from familyfile.i18n import _
from familyfile.services.about_me import Item
from familyfile.ui.dialogs.carer_dialog import responsibility_text
from familyfile.ui.dialogs.entry_form import date_text
from familyfile.ui.models.table import RowsModel

T = TypeVar("T")
Column = tuple[Callable[[], str], Callable[[Any], str]]


class ItemsModel(RowsModel[Item[T]]):
    """One row per Item; columns are (header, text of a value)."""

    columns: Sequence[Column] = ()

    def __init__(self, items: list[Item[T]] | None = None, parent: Any = None) -> None:
        super().__init__(items or [], parent)

    def set_items(self, items: list[Item[T]]) -> None:
        self.reset_rows(items)

    def item(self, row: int) -> Item[T]:
        return self._rows[row]

    def headers(self) -> list[str]:
        return [header() for header, _text in self.columns]

    def cell(self, row: int, column: int, role: int) -> Any:
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole, Qt.ToolTipRole):
            return self.columns[column][1](self._rows[row].value)
        if role == Qt.UserRole:
            return self._rows[row]
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


"""The Healthy Child Programme contacts with their state (read-only table)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from familyfile.domain.reviews import ContactStatus
from familyfile.i18n import _
from familyfile.ui import labels
from familyfile.ui.dialogs.entry_form import date_text
from familyfile.ui.models.table import RowsModel


class ContactsModel(RowsModel[ContactStatus]):
    numbered = False

    def __init__(self, parent: Any = None) -> None:
        super().__init__((), parent)

    def set_rows(self, rows: list[ContactStatus]) -> None:
        self.reset_rows(rows)

    def status(self, row: int) -> ContactStatus:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (_("Review"), _("State"), _("When"))

    def cell(self, row: int, column: int, role: int) -> Any:
        found = self._rows[row]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            if column == 0:
                return found.definition.name
            if column == 1:
                return labels.contact_state()[found.state]
            if found.record is not None:
                return date_text(found.record.on)
            if found.definition.before_birth:
                return ""
            return _("{start} to {end}").format(start=date_text(found.due_from.isoformat()),
                                                end=date_text(found.due_until.isoformat()))
        if role == Qt.ToolTipRole and column == 0:
            return found.definition.explain
        return None

"""The child's entries with who may see each (read-only; marks change through the page)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from familyfile.i18n import _
from familyfile.services.entry_marks import MarkRow
from familyfile.ui.dialogs.entry_form import date_text
from familyfile.ui.models.table import RowsModel


def mark_words(mark: str) -> str:
    return {"default": _("Follows your choices"),
            "sensitive": _("Sensitive: only when you choose it"),
            "private": _("Private: never shared")}[mark]


class MarksModel(RowsModel[MarkRow]):
    numbered = False

    def headers(self) -> Sequence[str]:
        return (_("Date"), _("What"), _("Entry"), _("Kind of information"), _("Who can see it"))

    def row(self, number: int) -> MarkRow:
        return self._rows[number]

    def cell(self, row: int, column: int, role: int) -> Any:
        item = self._rows[row]
        if role in (Qt.DisplayRole, Qt.AccessibleTextRole):
            return (date_text(item.occurred_on[:10]) if item.occurred_on else "", item.kind_name,
                    item.summary, item.category_name, mark_words(item.mark))[column]
        if role == Qt.ToolTipRole and column == 2:
            return item.summary
        return None

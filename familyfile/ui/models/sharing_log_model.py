"""The sharing log as a table a parent can read, newest first: when; to whom and why; what
(kinds of information and how many things) and how (the kind of file, and who shared).
Three columns, so every word fits also at 200% text."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt

from familyfile.domain import categories as cats
from familyfile.i18n import _, ngettext
from familyfile.services.sharing import ShareRecord
from familyfile.ui.models.table import LinesModel
from familyfile.ui.widgets.form import local_datetime_text

WHEN, WHO, WHAT = range(3)


def format_words(fmt: str) -> str:
    return {"pdf": _("A PDF file (to print or email)"), "print": _("Printed on paper"),
            "qr": _("QR code cards"), "json": _("A Family File share file"),
            "share-file": _("A Family File share file"),
            "fhir": _("A file for NHS computer systems (FHIR)")}.get(fmt, fmt.upper())


def actor_words(actor: str) -> str:
    if actor.startswith("key_worker:"):
        return _("Key worker {name}").format(name=actor.removeprefix("key_worker:"))
    return _("Parent") if actor in ("parent", "") else actor


class SharingLogModel(LinesModel[ShareRecord]):
    def __init__(self, records: list[ShareRecord] | None = None, parent: Any = None) -> None:
        super().__init__(parent=parent)
        self._kinds: dict[str, str] = {}
        self.set_records(records or [])

    def set_records(self, records: list[ShareRecord], kinds: dict[str, str] | None = None) -> None:
        """``records`` oldest first (as ``services.sharing.share_log`` gives them);
        ``kinds``: recipient id → the kind of service ("Health visitor")."""
        self._kinds = dict(kinds or {})
        self.reset_rows(reversed(records))

    def headers(self) -> tuple[str, ...]:
        return (_("When"), _("To whom, and why"), _("What, and how"))

    def record(self, row: int) -> ShareRecord:
        return self._rows[row]

    def who_text(self, found: ShareRecord) -> str:
        return "\n".join(p for p in (self._kinds.get(found.recipient.id, ""), found.recipient.name)
                         if p)

    def why_text(self, found: ShareRecord) -> str:
        words = found.purpose.label()
        return words[:1].upper() + words[1:]

    def what_text(self, found: ShareRecord) -> str:
        count = len(found.entry_ids)
        return ngettext("{n} thing in all", "{n} things in all", count).format(n=count)

    def how_text(self, found: ShareRecord) -> str:
        return _("{how}, by {who}").format(how=format_words(found.format), who=actor_words(found.actor))

    def text(self, row: int, column: int) -> str:
        found = self._rows[row]
        if column == WHEN:
            return local_datetime_text(datetime.fromisoformat(found.at_utc.replace("Z", "+00:00")))
        if column == WHO:
            return "\n".join([self.who_text(found), _("Why: {why}").format(why=self.why_text(found))])
        kinds = [cats.category_name(c) for c in found.categories]
        return "\n".join([*kinds, self.what_text(found),
                          _("How: {how}").format(how=self.how_text(found))])

    def cell(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ToolTipRole:
            return _("Check code of what was shared (SHA-256): {code}").format(code=self._rows[row].sha256)
        return super().cell(row, column, role)

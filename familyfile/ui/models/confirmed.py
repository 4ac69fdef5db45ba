"""The small "Confirmed by <name, role, organisation>" mark on an entry a professional's signed
entry card added (``services.entry_import``: author kind "professional", ``confirmed_by`` in its
data), shown by the growth table, the vaccinations and the journal."""

from __future__ import annotations

from familyfile.domain.entry import Entry
from familyfile.i18n import _


def confirmed_by(entry: Entry | None) -> str:
    """"Confirmed by Jo Reed, Health Visitor, Riverside Health Visiting", or "" for other entries."""
    if entry is None or entry.author.kind != "professional" or not isinstance(
            entry.data.get("confirmed_by"), dict):
        return ""
    return _("Confirmed by {who}").format(who=entry.author.name)

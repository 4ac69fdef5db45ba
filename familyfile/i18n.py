"""The translation layer. Every string a person reads goes through ``_``.

Catalogues are gettext ``.mo`` files under ``familyfile/data/locale``; with none
installed the English source text is shown. Qt widgets use the same function, so
the CLI, error messages and the UI share one catalogue.
"""

from __future__ import annotations

import gettext
from importlib import resources

_DOMAIN = "familyfile"


def _load(languages: list[str] | None = None) -> gettext.NullTranslations:
    localedir = resources.files("familyfile") / "data" / "locale"
    return gettext.translation(_DOMAIN, localedir=str(localedir), languages=languages, fallback=True)


_translations = _load()


def set_language(language: str | None) -> None:
    """Switch the catalogue (``None`` picks from the environment)."""
    global _translations
    _translations = _load([language] if language else None)


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)

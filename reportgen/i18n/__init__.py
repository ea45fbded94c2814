"""Translation: the one place a user-visible label is looked up.

Labels are written in English in the code and marked with ``_()`` (or
``ngettext`` where a count decides the form), the standard gettext way, so
``pybabel extract`` collects them into ``reportgen/locale/reportgen.pot``.
Catalogs live in ``reportgen/locale/<lang>/LC_MESSAGES/reportgen.mo``; folders
named in ``REPORTGEN_LOCALE_PATH`` (like ``PATH``) are searched first, so a
user adds a language by compiling a catalog there. A label a catalog lacks
reads in English.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "reportgen"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LOCALE_PATH_VARIABLE = "REPORTGEN_LOCALE_PATH"


def locale_dirs() -> list[Path]:
    """Where catalogs are looked for, first match wins: the user's folders, then the bundled ones."""
    extra = [Path(part) for part in os.environ.get(LOCALE_PATH_VARIABLE, "").split(os.pathsep) if part]
    return [*extra, LOCALE_DIR]


def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``; English (the msgids themselves) for what it lacks."""
    return _translations(language, tuple(locale_dirs()))


@lru_cache(maxsize=None)
def _translations(language: str, directories: tuple[Path, ...]) -> gettext.NullTranslations:
    chain: gettext.NullTranslations | None = None
    for directory in directories:
        found = gettext.translation(DOMAIN, localedir=directory, languages=[language], fallback=True)
        if type(found) is gettext.NullTranslations:
            continue
        if chain is None:
            chain = found
        else:
            chain.add_fallback(found)
    return chain or gettext.NullTranslations()


def has_catalog(language: str) -> bool:
    """Is there a catalog for ``language`` (bundled or on ``REPORTGEN_LOCALE_PATH``)?"""
    return language == "en" or type(translations(language)) is not gettext.NullTranslations

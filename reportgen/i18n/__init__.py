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
import re
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


_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:_[A-Za-z0-9]{2,8})*")


def catalog_languages() -> tuple[str, ...]:
    """Every language a catalog exists for, by its folder's name (bundled or on ``REPORTGEN_LOCALE_PATH``).

    Languages reach file names and catalog paths, so this is the whole set a
    language may come from: a folder named like a language tag, holding
    ``LC_MESSAGES/reportgen.mo``.
    """
    found = {"en"}
    for directory in locale_dirs():
        try:
            children = list(directory.iterdir())
        except OSError:
            continue
        found.update(child.name for child in children if _LANGUAGE_TAG.fullmatch(child.name)
                     and (child / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file())
    return tuple(sorted(found))


def has_catalog(language: str) -> bool:
    """Is there a catalog for exactly ``language`` (bundled or on ``REPORTGEN_LOCALE_PATH``)?"""
    return language in catalog_languages()

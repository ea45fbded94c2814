"""Translation: the one place a user-visible label is looked up.

Labels are written in English in the code and marked with ``_()`` (or
``ngettext`` where a count decides the form), the standard gettext way, so
``pybabel extract`` can collect them into catalogs under ``reportgen/locale``.
A language without a catalog reads the English labels.
"""

from __future__ import annotations

import gettext
from functools import lru_cache
from pathlib import Path

DOMAIN = "reportgen"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@lru_cache(maxsize=None)
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of ``language``; English (the msgids themselves) when there is none."""
    return gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[language], fallback=True)

"""A figure's unit in the reader's language, through CLDR's unit names (Babel).

The parser keeps a figure's kind of unit ("mass") and its words as written
("over 100 pounds"); this module finds the unit word in those words, maps it
to a CLDR unit id (``units.toml``) and lets Babel write "100 libras".
"""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from babel import units

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

_PERIODS = {"day": "duration-day", "year": "duration-year"}


@lru_cache(maxsize=1)
def _words() -> list[tuple[str, str]]:
    """(word, CLDR id), longest words first."""
    table = tomllib.loads((Path(__file__).with_name("units.toml")).read_text(encoding="utf-8"))
    pairs = [(word.lower(), unit) for unit, words in table.items() for word in words]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def cldr_unit(text: str, kind: str) -> str | None:
    """The CLDR unit id of the unit word in ``text`` ("812,000 barrels per day" → volume-barrel).

    A duration's unit is a time word; any other kind's never is (in a rate,
    "a day" is the period, not the unit).
    """
    lowered = text.lower()
    for word, unit in _words():
        if unit.startswith("duration-") != (kind == "duration"):
            continue
        if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", lowered):
            return unit
    return None


def format_measure(value: Decimal, unit: str, per: str | None, language: str) -> str:
    """"100 libras", "812.000 barriles por día": the number in full, as CLDR unit patterns expect."""
    if per in _PERIODS:
        return units.format_compound_unit(value, unit, denominator_unit=_PERIODS[per], length="long",
                                          locale=language)
    return units.format_unit(value, unit, length="long", locale=language)

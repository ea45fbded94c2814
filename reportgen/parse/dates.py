"""Dates written the way articles write them, in any lexicon language, to ISO."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .. import lexicon
from .alternation import alternation

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.+\-Z]*)?\b")
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_WORD = re.compile(r"[^\W\d_]+\.?|\d+(?:st|nd|rd|th|º|°)?|[:|,/\-–—·]+")


@lru_cache(maxsize=None)
def _month_numbers(language: str) -> dict[str, int]:
    names: dict[str, int] = {}
    for number, spellings in enumerate(lexicon.load(language, "dates").get("months", []), start=1):
        for spelling in spellings:
            names[spelling] = number
    return names


@lru_cache(maxsize=None)
def _written_date(language: str) -> re.Pattern[str]:
    months = alternation(sorted(_month_numbers(language), key=lambda name: len(re.escape(name)), reverse=True))
    return re.compile(
        rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th|º)?\s+(?:de\s+)?(?P<m1>{months})\.?,?\s+(?:de\s+|del\s+)?(?P<y1>\d{{4}})"
        rf"|(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))\b",
        re.IGNORECASE,
    )


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, language: str) -> tuple[str, re.Match[str]] | None:
    """The first full date (day, month, year) in ``text`` as ISO, with its match."""
    iso = _ISO.search(text)
    if iso:
        found = _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        if found:
            return found, iso
    written = _written_date(language).search(text)
    if written:
        month_name = (written.group("m1") or written.group("m2")).lower().rstrip(".")
        day = int(written.group("d1") or written.group("d2"))
        year = int(written.group("y1") or written.group("y2"))
        found = _valid(year, _month_numbers(language)[month_name], day)
        if found:
            return found, written
    numeric = _NUMERIC.search(text)
    if numeric:
        first, second, year = (int(group) for group in numeric.groups())
        order = lexicon.load(language, "dates").get("numeric_order", "dmy")
        month, day = (first, second) if order == "mdy" else (second, first)
        found = _valid(year, month, day)
        if found:
            return found, numeric
    return None


def date_line(text: str, language: str) -> str | None:
    """The ISO date when ``text`` is a date line ("Sunday, December 7, 2025"), else None.

    A date line holds a date and nothing but weekday names, times and words
    such as "Published" or "Updated".
    """
    if len(text) > 80:
        return None
    found = find_date(text, language)
    if not found:
        return None
    iso, match = found
    rest = (text[:match.start()] + " " + text[match.end():]).lower()
    allowed = set(lexicon.words(language, "dates", "weekdays")) | set(lexicon.words(language, "dates", "date_line_words"))
    for token in _WORD.findall(rest):
        token = token.rstrip(".")
        if token and token[0].isalpha() and token not in allowed:
            return None
    return iso

"""Latin letters of one case as regex classes, and patterns over them that compile cheaply.

The classes hold every Latin letter with its diacritics (Šimečka, Łukasz, Ørsted, Gül, Nguyễn),
read from Unicode. Latin Extended-A and Additional alternate upper and lower case letter by letter,
so no ranges compress them: each class is ~300 characters, and the person-name patterns repeat it
~24 times. Compiling the five patterns built on the name pattern took ~33 ms at every start.

Text with no letter past Latin-1 (nearly every English and Spanish article: á, ñ, ü are Latin-1)
cannot tell an exact class from its Latin-1 part, so a :class:`LatinPattern` runs a copy compiled
with the Latin-1 parts (~0.7 ms each) and compiles the exact pattern only the first time a text
holds a letter from the extended blocks: the same matches, without the cost up front.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

# Basic Latin, Latin-1, Latin Extended-A/B and Latin Extended Additional.
_LATIN_BLOCKS = ((0x41, 0x5B), (0x61, 0x7B), (0xC0, 0x250), (0x1E00, 0x1F00))
_LATIN1_END = 0x100
# Every character of the blocks past Latin-1: the only ones on which the exact classes and their
# Latin-1 parts can disagree.
_BEYOND_LATIN1 = re.compile("[" + "".join(f"{chr(max(start, _LATIN1_END))}-{chr(stop - 1)}"
                                          for start, stop in _LATIN_BLOCKS if stop > _LATIN1_END) + "]")
_CHECKED_TEXTS = 4096


def _latin_letters(case: Callable[[str], bool], below: int | None = None) -> str:
    """The Latin letters of one case (those under ``below`` only, when given), as the inside of a regex
    character class: runs of consecutive letters as ranges ("A-ZÀ-ÖØ-Þ…")."""
    codes = [code for start, stop in _LATIN_BLOCKS for code in range(start, min(stop, below or stop)) if case(chr(code))]
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return "".join(chr(first) if first == last else f"{chr(first)}-{chr(last)}" for first, last in runs)


UPPER = _latin_letters(str.isupper)
LOWER = _latin_letters(str.islower)
_LATIN1_UPPER = _latin_letters(str.isupper, _LATIN1_END)
_LATIN1_LOWER = _latin_letters(str.islower, _LATIN1_END)


@lru_cache(maxsize=_CHECKED_TEXTS)
def _beyond_latin1(text: str) -> bool:
    """Does ``text`` hold a Latin letter past Latin-1? Remembered: the parser reads a paragraph or a
    sentence with several patterns, and scanning it again for each would cost a fifth of a match."""
    return _BEYOND_LATIN1.search(text) is not None


class LatinPattern:
    """A regex whose letter classes are written ``[{UPPER}]``/``[{LOWER}]``, matching exactly as
    ``re.compile(pattern, flags)`` would, compiled in full only for a text that needs it."""

    __slots__ = ("pattern", "flags", "_latin1", "_exact")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        if flags & re.IGNORECASE or "(?i" in pattern:
            # Case-insensitive classes fold Latin-1 letters onto extended ones ("ÿ" matches "Ÿ"),
            # so there the Latin-1 parts would not stand in for the exact classes.
            raise ValueError("a LatinPattern is case-sensitive")
        self.pattern = pattern
        self.flags = flags
        self._latin1 = re.compile(pattern.replace(UPPER, _LATIN1_UPPER).replace(LOWER, _LATIN1_LOWER), flags)
        self._exact: re.Pattern[str] | None = None

    def compiled_for(self, text: str) -> re.Pattern[str]:
        """The compiled pattern that matches ``text`` exactly as the full pattern does."""
        if text.isascii() or not _beyond_latin1(text):
            return self._latin1
        if self._exact is None:
            self._exact = re.compile(self.pattern, self.flags)
        return self._exact

    def match(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled_for(text).match(text, *bounds)

    def fullmatch(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled_for(text).fullmatch(text, *bounds)

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.compiled_for(text).search(text, *bounds)

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.compiled_for(text).finditer(text, *bounds)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        return self.compiled_for(text).split(text, maxsplit)

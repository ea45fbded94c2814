"""A word list as a regex alternation that the engine rejects quickly.

``a|b|c`` is tried branch by branch at every position a pattern may start, and the lexicon's lists
run to dozens of words: most of a date or number-word scan was spent failing branches. Words that
start with the same letter share one branch (``j(?:anuary|une|uly)``), so a position is turned away
after one test per distinct first letter. Matches are exactly those of the plain alternation: words
keep their order within a branch, and words in different branches cannot match at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache


@lru_cache(maxsize=4096)
def _same_letter(first: str, second: str) -> bool:
    """Could ``first`` and ``second`` match the same character when a pattern ignores case? Remembered:
    a process's word lists ask about the same few letters some 2,000 times."""
    return re.fullmatch(re.escape(first), second, re.IGNORECASE) is not None


def alternation(words: Iterable[str], escape: Callable[[str], str] = re.escape) -> str:
    """``words`` as ``w1|w2|…`` (tried in the order given), grouped by first letter; ``escape``
    writes a piece of a word as a pattern, character by character (``re.escape`` unless given)."""
    ordered = list(words)
    if not ordered or any(not word for word in ordered):
        return "|".join(map(escape, ordered))
    branches: dict[str, list[str]] = {}
    for word in ordered:
        branches.setdefault(word[0].lower(), []).append(word)
    keys = list(branches)
    if any(_same_letter(first, second) for index, first in enumerate(keys) for second in keys[index + 1:]):
        return "|".join(map(escape, ordered))  # two branches could match one letter: keep the order as given
    return "|".join(_branch(group, escape) for group in branches.values())


def _branch(group: list[str], escape: Callable[[str], str]) -> str:
    """Words that share their first letter (up to case) as one branch."""
    if len(group) == 1:
        return escape(group[0])
    if len({word[0] for word in group}) == 1:
        return escape(group[0][0]) + "(?:" + "|".join(escape(word[1:]) for word in group) + ")"
    return "(?:" + "|".join(map(escape, group)) + ")"

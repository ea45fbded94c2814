"""A lexicon word list grouped by first letter matches exactly as the plain alternation does."""

import re

import pytest

from reportgen.parse.alternation import alternation

_WORDS = ["september", "sept", "sep", "march", "mar", "may", "this year", "S.A.", "s", "ſx", "Kelvin", "k", "über"]
_TEXTS = ["in sept. 2023", "MARCH and May", "this year, S.A. said", "s ſx K k Kelvin", "über Über", "sep september"]


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
@pytest.mark.parametrize("words", [_WORDS, _WORDS[:7], ["a", "ab", "b", "A"], ["mil", "millones", "millón", "m"]])
def test_same_matches_as_the_plain_alternation(words: list[str], flags: int) -> None:
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")", flags)
    grouped = re.compile(r"\b(?:" + alternation(words) + r")", flags)
    for text in _TEXTS + [" ".join(words), " ".join(words).upper()]:
        assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_words_sharing_a_first_letter_share_one_branch() -> None:
    assert alternation(["june", "july", "may"]) == "j(?:une|uly)|may"


def test_letters_that_match_each_other_ignoring_case_keep_the_order_given() -> None:
    assert alternation(["sx", "ſx", "s"]) == "sx|ſx|s"

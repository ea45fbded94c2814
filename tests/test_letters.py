"""The name patterns run a Latin-1 copy on Latin-1 text and the full pattern elsewhere: the same matches either way."""

from __future__ import annotations

import re

import pytest

from reportgen.parse import dialogue, figures, people, structure
from reportgen.parse.letters import LatinPattern

_PATTERNS = [people._NAME_RE, dialogue._ANSWER, structure._NAME_AND_ROLE, structure._FULL_NAME,
             structure._BRACKETED, structure._INLINE_LABEL, structure._CAPS_WORD, figures._CAPITALIZED_PHRASE]
_TEXTS = [
    "Ana María Ruiz, senior fellow at the Andes Forum: “Prices will rise.”",
    "Radovan Šimečka, a Slovak MP (Progressive Slovakia) said Łukasz Nowak and Nguyễn Văn An agreed.",
    "ÿves ŸVES Ÿves Élodie ÉLODIE Ðorđe Þór ßtraße Ǆemal ǅemal Ǳ ǲ ſam.",  # case pairs across the Latin-1 edge; title case
    "The panel: Dr. Jürgen Müller (Berlin) and Seán O'Neill-Ó Briain. Q: Why now?",
    "Ørsted Gül Kaplan (Turkey), ŁUKASZ NOWAK: yes. Đặng Thị Ngọc Thịnh spoke.",
]


@pytest.mark.parametrize("pattern", _PATTERNS, ids=lambda pattern: pattern.pattern[:30])
@pytest.mark.parametrize("text", _TEXTS)
def test_a_latin_pattern_matches_as_the_full_pattern_does(pattern: LatinPattern, text: str) -> None:
    full = re.compile(pattern.pattern, pattern.flags)
    found = [(match.span(), match.groups()) for match in pattern.finditer(text)]
    assert found == [(match.span(), match.groups()) for match in full.finditer(text)]
    for start in range(len(text)):
        expected = full.match(text, start)
        got = pattern.match(text, start)
        assert (got and (got.span(), got.groups())) == (expected and (expected.span(), expected.groups()))


def test_names_with_letters_past_latin1_are_found() -> None:
    names = [name for name, _, _ in people.person_names("Radovan Šimečka met Łukasz Nowak and Ana Ruiz.")]
    assert names == ["Radovan Šimečka", "Łukasz Nowak", "Ana Ruiz"]


def test_a_case_insensitive_latin_pattern_is_refused() -> None:
    """Case folding joins "ÿ" to "Ÿ": a Latin-1 copy would no longer match as the full pattern."""
    with pytest.raises(ValueError):
        LatinPattern("[A-Z]x", re.IGNORECASE)

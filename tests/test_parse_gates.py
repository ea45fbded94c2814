"""The parser's one-scan gates agree with the word-by-word reading they stand in front of.

Each gate rejects a text cheaply before a slower reading; a gate that rejected a text the
slow reading would have used would silently lose a furniture line, an office or a turn.
"""

from __future__ import annotations

from collections import Counter

import pytest

from reportgen.parse.attribution import _lower, _role_noun_inside, _unnamed_offices, Registry
from reportgen.parse.boilerplate import _contained_phrase, _lists, furniture_rule
from reportgen.parse.language import _WORD, _stopwords, detect_language
from reportgen.parse.structure import split_turns
from reportgen.ingest import Block
from reportgen import lexicon


def _shapes(phrase: str) -> list[str]:
    """A phrase as a page might carry it: alone, inside words, capitalised, after punctuation."""
    return [phrase, f"see {phrase} here", f"x{phrase}y", f"«{phrase.upper()}»", f"(… {phrase.title()}.)"]


@pytest.mark.parametrize("phrase", _lists()["contains"])
def test_furniture_phrase_gate_finds_every_phrase_where_a_substring_test_does(phrase: str) -> None:
    for line in _shapes(phrase):
        lowered = line.lower()
        assert bool(_contained_phrase().search(lowered)) == any(p in lowered for p in _lists()["contains"])


@pytest.mark.parametrize("line", ["The river rose two metres overnight", "Lunch menu: rice, beans, coffee",
                                  "", "   ", "ÁÉÍ ÓÚ ñ"])
def test_furniture_phrase_gate_rejects_what_no_phrase_is_in(line: str) -> None:
    lowered = line.lower()
    assert bool(_contained_phrase().search(lowered)) == any(p in lowered for p in _lists()["contains"])


def test_a_short_line_with_a_furniture_phrase_is_still_dropped() -> None:
    phrase = _lists()["contains"][0]
    assert furniture_rule(Block(f"Weekend {phrase.upper()} extra")) is not None


@pytest.mark.parametrize("noun", sorted(_lower("role_nouns")))
def test_role_noun_gate_passes_every_sentence_the_word_reading_could_use(noun: str) -> None:
    for word in (noun, noun.capitalize(), noun.upper(), f"{noun},", f"{noun.title()}.", f";{noun}:"):
        sentence = f"Last week the {word} of Lakeview Mills spoke about tolls"
        bare_words = {token.strip(",.;:").lower() for token in sentence.split()}
        assert bare_words & _lower("role_nouns")
        assert _role_noun_inside().search(sentence.lower())


def test_role_noun_gate_rejects_a_sentence_without_an_office() -> None:
    sentence = "Rain fell on the valley for three days and the roads closed."
    assert not _role_noun_inside().search(sentence.lower())
    assert _unnamed_offices(sentence, Registry()) == []


def test_an_office_named_with_its_body_is_still_read() -> None:
    registry = Registry()
    registry.collect(["Orchard Bank's chief economist expects slower lending this winter."])
    found = _unnamed_offices("Orchard Bank's chief economist expects slower lending this winter.", registry)
    assert ("economist", "Orchard Bank") in [(office.role, office.organization) for office in found]


def _plain_language(texts: list[str], default: str = "en") -> str:
    """The language count as written before: every word lowered where it stands."""
    counts = Counter(word.lower() for text in texts for word in _WORD.findall(text))
    scores = {language: sum(counts[word] for word in _stopwords(language)) for language in lexicon.LANGUAGES}
    best = max(scores, key=lambda language: (scores[language], language == default))
    return best if scores[best] else default


@pytest.mark.parametrize("texts", [
    ["The Mayor and THE council met; the vote was close."],
    ["El alcalde y LOS concejales votaron.", "Y la ciudad esperó."],
    ["THE THE the El el LA la"],
    ["12 345 ---", ""],
    [],
])
def test_language_counts_each_spelling_once_with_the_same_result(texts: list[str]) -> None:
    assert detect_language(texts) == _plain_language(texts)


def test_paragraphs_without_a_colon_or_dash_are_never_cut_into_turns() -> None:
    paragraph = "Prices climbed again. Traders waited. Buyers stayed home."
    assert split_turns([paragraph]) == [paragraph]


def test_inline_labels_and_dash_turns_are_still_cut() -> None:
    labelled = "We closed early. HOST: Why so early? GUEST: The storm came in."
    assert split_turns([labelled]) == ["We closed early.", "HOST: Why so early?", "GUEST: The storm came in."]
    dashed = "He called by phone. —¿Cuándo abren? —Esperamos abrir el lunes."
    assert split_turns([dashed]) == ["He called by phone.", "—¿Cuándo abren?", "—Esperamos abrir el lunes."]


@pytest.mark.parametrize("language, sentence", [
    ("en", "Sales fell 4% in March 2024, since January 3, 2023 and this year; by x12 June 2022 the 2021 figure stood."),
    ("en", "From the first of May, 2020 until last year, output (2019) rose; Q3 2024 and mid-2023 too."),
    ("es", "Las ventas cayeron desde el 3 de marzo de 2022 hasta el año pasado, y en enero de 2024 subieron."),
    ("es", "En 2023, el 1º de julio, y este año: 15 de agosto de 2021."),
])
def test_point_pattern_gate_finds_the_same_times_as_the_plain_pattern(language: str, sentence: str) -> None:
    from reportgen.parse.figures import _lexicon_pattern, _point, _point_pattern

    plain = _lexicon_pattern(language, rf"(?:\b(?P<open>@open_periods@)\s+)?{_point(language, 'p', False)}")
    gated = [(match.span(), match.groupdict()) for match in _point_pattern(language).finditer(sentence)]
    assert gated == [(match.span(), match.groupdict()) for match in plain.finditer(sentence)]
    assert gated  # each sentence names a time

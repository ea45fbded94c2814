"""Cheap gates in the figure reader must find what the full scans find.

``figures`` skips a time pattern, or the spelled-out number scan, when a scan of the sentence's
lowered text shows it cannot match; these tests compare each gated reading with the plain one
(every scan run, case-insensitive patterns on the text as written) on sentences of our own.
"""

from __future__ import annotations

import re
import sys

import pytest

from reportgen.parse import figures
from reportgen.parse import measure

SENTENCES = {
    "en": [
        "Sales rose 12% between July and September 2023, the trade office said.",
        "Output climbed from 2019 to 2021 by nearly half a million barrels a day.",
        "Since 2021 the port has handled more than $4.5 billion in cargo.",
        "In the second quarter of 2024 prices fell 3.1 percent, and in Q3 2024 they rose 2 pct.",
        "The fund lent five billion dollars last year, up from 3 billion a year ago.",
        "About one percent of the 1,200 farms closed in the 2022-23 season.",
        "Between 12 and 18 percent of voters were undecided on March 3, 2024.",
        "Revenue reached $12 million, compared with $9 million in the first half of the year.",
        "Imports hit 45,000 tonnes, a 20% jump over the same week in 2019.",
        "The council hired 40 nurses and 12 doctors.",
        "It cost 3 million to rebuild the bridge.",
        "İstanbul shipped 2,400 tonnes in 2023; the ſhipping office counted 17 ıtems.",
        "FIVE HUNDRED THOUSAND residents voted in JUNE 2022, and Q4 2023 saw 7% more.",
    ],
    "es": [
        "Las exportaciones crecieron un 8 % entre enero y marzo de 2024, según el ministerio.",
        "Desde 2020 el país recibió más de 3.000 millones de dólares en inversión.",
        "En el primer trimestre de este año la deuda subió 1,5 puntos porcentuales.",
        "El gobierno destinó un millón de pesos en el segundo semestre de 2023.",
        "Entre seis mil y 9 mil millones de dólares llegaron de 2019 a 2021.",
        "La inflación fue del 4,1 % el año pasado y del 3 % en lo que va del año.",
        "Unos 1.817 migrantes cruzaron la frontera el 3 de mayo de 2022.",
        "La ciudad contrató 25 médicos.",
        "Cerca del cincuenta por ciento de los hogares no tiene agua.",
        "İzmir exportó 300 toneladas en 2021 y el ſector creció 5 %.",
    ],
}
CASES = [(language, sentence) for language, sentences in SENTENCES.items() for sentence in sentences]


def _plain_times(sentence: str, language: str) -> list[figures._Time]:
    """Every time pattern run over the sentence, in the order they win over each other."""
    taken: list[figures._Time] = []
    for pattern, read in ((figures._range_pattern(language), figures._read_range),
                          (figures._part_pattern(language), figures._read_part),
                          (figures._YEAR_SPAN, figures._read_year_span),
                          (figures._point_pattern(language), figures._read_point)):
        found = []
        for match in pattern.finditer(sentence):
            readable, period = read(match, language)
            if readable:
                found.append(figures._Time(match.start(), match.end(), period,
                                           figures._cue(sentence, match.start(), language)))
        taken = figures._merged(taken, found)
    return taken


@pytest.mark.parametrize(("language", "sentence"), CASES)
def test_gated_times_are_the_full_scans_times(language: str, sentence: str) -> None:
    assert figures._times(sentence, language).times == _plain_times(sentence, language)


def test_the_gates_skip_scans_where_no_time_can_be() -> None:
    """The gate is no gate if it lets every sentence through: a sentence without a year, month or
    year-named-in-words skips all four scans, one without a part of a year skips that one."""
    assert figures._time_readers("The council hired 40 nurses and 12 doctors.", "en") == []
    assert len(figures._time_readers("Sales rose 12% in 2023.", "en")) == 3
    assert len(figures._time_readers("Sales rose 12% in Q2 2023.", "en")) == 4
    assert len(figures._time_readers("Las ventas subieron 12 % en el primer trimestre de 2023.", "es")) == 4


@pytest.mark.parametrize(("language", "sentence"), CASES)
def test_gated_readings_are_the_case_insensitive_ones(language: str, sentence: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures a sentence holds (spelled out or in digits) are the same with the lowered-text gates
    as with the case-insensitive scans they stand in for."""
    gated = figures._readings(sentence, language)
    assert gated  # every sentence above holds a figure
    monkeypatch.setattr(figures, "_folded", lambda text: None)
    assert gated == figures._readings(sentence, language)


def test_lowering_folds_as_the_regex_engine_does() -> None:
    """What makes a gate on lowered text safe: outside ``_UNFAITHFUL_FOLDS``, every character lowers
    to one character, keeps whether it is a word character (so ``\\b`` stays where it was), and a
    character the engine matches with a lexicon letter case-insensitively lowers to that letter."""
    alphabet = {char for language in ("en", "es")
                for key in ("months", "relative_years", "year_parts", "scales", "percent")
                for word in figures._gate_words(language, key) for char in word.lower()}
    letters = re.compile("[" + "".join(map(re.escape, sorted(alphabet))) + "]", re.IGNORECASE)
    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or char in figures._UNFAITHFUL_FOLDS:
            continue
        lowered = char.lower()
        assert len(lowered) == 1, hex(code)
        assert (word.match(char) is None) == (word.match(lowered) is None), hex(code)
        if letters.fullmatch(char):
            assert lowered in alphabet, hex(code)


def test_unfaithful_folds_fall_back_to_the_full_scans() -> None:
    """"ſ" matches "s" case-insensitively but lowers to itself: its sentence is scanned in full."""
    assert figures._folded("The ſhare rose") is None
    assert figures._readings("Output rose five perſent", "en") == figures._readings("Output rose five persent", "en")


@pytest.mark.parametrize("text", ["Turnout reached 61% in the runoff vote.", "La participación en los comicios fue del 48 %.",
                                  "Exports rose 4% to 2,000 tonnes."])
def test_the_vote_gate_gives_the_first_vote_word(text: str) -> None:
    """The one-scan gate before the vote words gives the same measure as trying each phrase."""
    for language in ("en", "es"):
        words = measure._words(language)
        lowered = text.lower()
        plain = next((noun for phrase, noun in words.vote_measures.items()
                      if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", lowered)), None)
        statistic = figures.find_statistics(text, language)[:1]
        if statistic:
            assert measure._vote_measure(statistic, words) == plain

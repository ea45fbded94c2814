"""What each figure measures and of whom, read from its sentence (parse/measure.py)."""

from __future__ import annotations

import re

import pytest

from reportgen.model import Period
from reportgen.parse.figures import find_statistics
from reportgen.parse.measure import MAX_WORDS, measured
from reportgen.parse.people import is_place


def _figures(sentence: str, language: str) -> dict[str, tuple[str | None, str | None]]:
    """Each figure's text → (measure, subject)."""
    return {s.text: (s.measure, s.subject) for s in measured(find_statistics(sentence, language), language)}


def _measure_of(sentence: str, language: str, figure: str) -> str | None:
    found = _figures(sentence, language)
    matches = [measure for text, (measure, _) in found.items() if figure in text]
    assert matches, f"{figure!r} not read as a figure: {found}"
    return matches[0]


@pytest.mark.parametrize("sentence, figure, measure", [
    ("More than 2,400 people in Haiti were reported killed, according to the United Nations.", "2,400", "people killed"),
    ("Remittances rose 12% last year, the central bank said.", "12%", "remittances"),
    ("Mexico's exports reached a record $53.6 billion in March.", "53.6", "exports"),
    ("Oil output in Guyana averaged 645,000 barrels per day, a 57% jump from a year earlier.", "645,000", "oil output"),
    ("Oil output in Guyana averaged 645,000 barrels per day, a 57% jump from a year earlier.", "57%", "oil output"),
    ("The homicide rate fell to 45 per 100,000 people.", "45", "homicide rate"),
    ("The company's losses totaled $3 billion.", "3 billion", "losses"),
    ("The chamber fears a 14% cut in exports to the United States.", "14%", "exports"),
    ("Police recorded 880 homicides, up from 407 a decade earlier.", "880", "homicides"),
    ("Italy exports €2bn worth of wine to the US.", "2bn", "wine"),
    ("Nigeria's external reserves now stand at $46.7 billion.", "46.7", "external reserves"),
])
def test_english_measures(sentence, figure, measure):
    assert _measure_of(sentence, "en", figure) == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Las exportaciones crecieron 3% en el primer trimestre.", "3%", "exportaciones"),
    ("Más de 248.000 migrantes cruzaron la selva del Darién este año.", "248.000", "migrantes"),
    ("Hubo una reducción del 19 % en los homicidios intencionales.", "19 %", "homicidios intencionales"),
    ("Las remesas sumaron 2.390 millones de dólares en octubre.", "2.390", "remesas"),
    ("El año pasado hubo 4.307 casos de muertes violentas.", "4.307", "casos de muertes violentas"),
    ("Según el Banco Mundial, Argentina crecerá un 2,3% en 2024.", "2,3%", "crecimiento"),
])
def test_spanish_measures(sentence, figure, measure):
    assert _measure_of(sentence, "es", figure) == measure


def test_subject_is_the_place_written_with_the_measure():
    assert _figures("Mexico's exports reached a record $53.6 billion in March.", "en")["$53.6 billion"][1] == "Mexico"
    found = _figures("More than 2,400 people in Haiti were reported killed.", "en")
    assert [subject for _, subject in found.values()] == ["Haiti"]
    assert _figures("Según el Banco Mundial, Argentina crecerá un 2,3% en 2024.", "es")["2,3%"][1] == "Argentina"


def test_a_currency_sign_is_not_a_subject():
    found = _figures("The loan amounts to US$ 20 billion.", "en")
    assert all(subject != "US" for _, subject in found.values())


def test_a_place_a_verb_or_a_name_is_never_a_measure():
    for sentence, language in (
        ("In Colombia, 45,000 cross the border daily.", "en"),
        ("Widodo won with 56.7 percent of the count, pollsters said.", "en"),
        ("Prabowo Subianto was more than 10 percentage points behind.", "en"),
        ("Entre tanto, 11.243 millones correspondieron a las ventas.", "es"),
    ):
        for measure, _ in _figures(sentence, language).values():
            assert measure is None or not is_place(measure)
            assert measure not in ("cross", "Widodo", "Prabowo Subianto", "correspondieron")


def test_a_year_read_as_a_count_has_no_measure():
    found = measured(find_statistics("Las cifras de 2018 significaron un buen año para 1.500 empresas.", "es"), "es")
    assert all(s.measure is None for s in found if s.text.strip() == "2018")


def test_period_is_structured_and_never_the_figure_itself():
    found = measured(find_statistics("Remittances rose 12% between 2022 and 2023.", "en"), "en")
    assert found[0].period == Period("2022", "2023")
    found = measured(find_statistics("Aunque Lima concentra 1817 denuncias, el resto crece.", "es"), "es")
    assert all(s.period is None for s in found)


def test_seed_measures_are_short_noun_phrases(qa_brief, news_brief):
    for brief in (qa_brief, news_brief):
        for statistic in brief.statistics:
            if statistic.measure:
                assert len(statistic.measure.split()) <= MAX_WORDS
                assert not is_place(statistic.measure)
                assert not re.search(r"\b(?:1[89]|20)\d{2}\b", statistic.measure)

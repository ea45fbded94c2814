"""Figures in English and Spanish: exact values, units and what is not a figure."""

from __future__ import annotations

import pytest

from reportgen.parse.figures import find_statistics


def _one(text: str, language: str):
    found = find_statistics(text, language)
    assert len(found) == 1, [(s.text, s.value, s.unit) for s in found]
    return found[0]


@pytest.mark.parametrize("text, language, value, unit, extra", [
    ("Exports reached a record $53.6 billion in March.", "en", "53600000000", "currency", {"currency": "USD"}),
    ("The bank lent £1.2bn to the project.", "en", "1200000000", "currency", {"currency": "GBP"}),
    ("Output rose to 45m tons last year.", "en", "45000000", "mass", {}),
    ("It pumps approximately 241,000 barrels per day.", "en", "241000", "rate", {"per": "day", "qualifier": "about"}),
    ("The rate hit 17 per 100,000 inhabitants.", "en", "17", "rate", {"per": "100000"}),
    ("Trade is less than one percent of output.", "en", "1", "percent", {"qualifier": "less_than"}),
    ("Exxon estimates eight billion barrels of reserves.", "en", "8000000000", "volume", {}),
    ("La economía va a crecer 3,3% este año.", "es", "3.3", "percent", {}),
    ("El año pasado hubo 4.307 casos de muertes violentas.", "es", "4307", "count", {}),
    ("Las ventas superarán los 51.000 millones de dólares.", "es", "51000000000", "currency",
     {"currency": "USD", "qualifier": "more_than"}),
    ("Han cruzado 248,901 migrantes la selva.", "es", "248901", "count", {}),
    ("La producción actual es de 440 mil barriles por día.", "es", "440000", "rate", {"per": "day"}),
    ("La tasa llegó a 45 por cada 100.000 habitantes.", "es", "45", "rate", {"per": "100000"}),
    ("Se puede crecer a entre 3,5% y 4,5% en 2018.", "es", "3.5", "percent", {}),
    ("El sector perdió entre US$15.000 y US$20.000 millones.", "es", "15000000000", "currency", {"currency": "USD"}),
    ("Las denuncias crecieron un 14 % según la policía.", "es", "14", "percent", {"change": "increase"}),
    ("Inflation, which had fallen below 50% last year, is back.", "en", "50", "percent", {"change": None}),
    ("Unemployment rose to about 7.5% in May.", "en", "7.5", "percent", {"change": None, "qualifier": "about"}),
    ("Exports fell 9% from April.", "en", "9", "percent", {"change": "decrease"}),
    ("La inflación bajó al 3,2 % en junio.", "es", "3.2", "percent", {"change": None}),
])
def test_figure_formats(text, language, value, unit, extra):
    figure = _one(text, language)
    assert (figure.value, figure.unit) == (value, unit)
    for field, expected in extra.items():
        assert getattr(figure, field) == expected, field


@pytest.mark.parametrize("text, language", [
    ("In 2023, the violence spread to the coast.", "en"),
    ("The four-day visit will take place from September 2-4.", "en"),
    ("It is the 4th largest producer in Latin America.", "en"),
    ("Over the next 12 months the plan will be reviewed.", "en"),
    ("El 7 de diciembre de 2025 se firmó el acuerdo.", "es"),
    ("Siete regiones registran aumentos.", "es"),
])
def test_not_figures(text, language):
    assert find_statistics(text, language) == []


def test_pathological_input_finishes():
    digits = ("1,234," * 150_000) + " percent"
    assert isinstance(find_statistics(digits, "en"), list)

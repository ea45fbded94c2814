"""Number conventions (issue 17): every way English and Spanish texts write a figure.

Each sentence is our own wording of one convention, so a rule is checked on text
the dev set never showed it.
"""

from __future__ import annotations

import pytest

from reportgen.parse.figures import find_statistics


def _readings(text: str, language: str, **context: str) -> list[tuple[str, str]]:
    return [(figure.value, figure.unit) for figure in find_statistics(text, language, **context)]


def _one(text: str, language: str, **context: str):
    found = find_statistics(text, language, **context)
    assert len(found) == 1, [(s.text, s.value, s.unit) for s in found]
    return found[0]


@pytest.mark.parametrize("text, value, unit, extra", [
    # Mexican and Central American composites: "mil" joins the groups of one number
    ("La inversión sumó 41 mil 207 millones de dólares en el semestre.", "41207000000", "currency", {"currency": "USD"}),
    ("El banco reportó US$3 mil 845.6 millones en depósitos.", "3845600000", "currency", {"currency": "USD"}),
    ("Se firmaron mil 345 convenios con municipios.", "1345", "count", {}),
    ("La entidad captó 4.3 mil mdd durante marzo.", "4300000000", "currency", {"currency": "USD"}),
    ("La cosecha pasará de 3 millones 250 mil toneladas este ciclo.", "3250000", "mass", {}),
    ("Llegaron un millón 250 mil turistas al puerto.", "1250000", "count", {}),
    ("La finca produjo tres mil 400 sacos de café.", "3400", "count", {}),
    # Spanish "billón" is a million millions
    ("El recaudo fue de Q87 mil 120 millones el año pasado.", "87120000000", "currency", {"currency": "GTQ"}),
    ("El préstamo asciende a US$ 7.500 millones.", "7500000000", "currency", {"currency": "USD"}),
    # ranges: one statistic, the lower bound with the scale of the upper one
    ("Se necesitarán entre seis mil y 9 mil millones de dólares para la red.", "6000000000", "currency",
     {"currency": "USD"}),
    ("La pobreza afecta a entre el 18% y 22% de los hogares.", "18", "percent", {}),
    # rates per day, month, week, hour and population
    ("La refinería procesa 2 millones de barriles diarios.", "2000000", "rate", {"per": "day"}),
    ("En la frontera 25 personas mueren al día por el frío.", "25", "rate", {"per": "day"}),
    ("La tasa llegó a 31,2 por cada 100.000 habitantes.", "31.2", "rate", {"per": "100000"}),
    ("Se registran 48 robos por hora en la capital.", "48", "rate", {"per": "hour"}),
    # qualifiers
    ("La inflación está sobre el 4% desde abril.", "4", "percent", {"qualifier": "more_than"}),
    ("El déficit quedará en el entorno del 3 por ciento del PIB.", "3", "percent", {"qualifier": "about"}),
    ("Buscan tasas superiores al 6% anual.", "6", "percent", {"qualifier": "more_than"}),
    # currency words that are also people
    ("Fueron deportados 54 bolivianos sin papeles.", "54", "count", {"currency": None}),
    ("El contrato vale 12 millones de bolivianos.", "12000000", "currency", {"currency": "BOB"}),
    ("Ottawa pagará 300 millones de dólares canadienses.", "300000000", "currency", {"currency": "CAD"}),
])
def test_spanish_conventions(text, value, unit, extra):
    figure = _one(text, "es")
    assert (figure.value, figure.unit) == (value, unit)
    for field, expected in extra.items():
        assert getattr(figure, field) == expected, field


@pytest.mark.parametrize("text, value, unit, extra", [
    # thousands separated by a space or a thin space
    ("Police recorded 7 412 burglaries in the quarter.", "7412", "count", {}),
    ("The clinic treated 12\u202f805 patients.", "12805", "count", {}),
    ("Deaths reached 23 per 100 000 residents.", "23", "rate", {"per": "100000"}),
    ("That is 1 310 burglaries per month.", "1310", "rate", {"per": "month"}),
    # leading-dot decimals and vulgar fractions
    ("The bank trimmed its rate by .25 percent on Tuesday.", "0.25", "percent", {}),
    ("Core prices gained .4% in June.", "0.4", "percent", {}),
    ("Growth should reach 4½ % next year.", "4.5", "percent", {}),
    ("Growth should reach 3Ω% next year.", "3.5", "percent", {}),  # "½" in Latin-1 read as Mac Roman
    # ranges with a hyphen or an en dash
    ("The field adds 20,000-35,000 b/d of crude.", "20000", "rate", {"per": "day"}),
    ("Turnout was 61–64 percent in the capital.", "61", "percent", {}),
    ("Prices rose between 3 and 4 percent.", "3", "percent", {}),
    # rates
    ("The pipeline carries 1.2 million bpd to the coast.", "1200000", "rate", {"per": "day"}),
    ("The plant treats 3 billion standard cubic feet per day.", "3000000000", "rate", {"per": "day"}),
    ("Output per day is 2m barrels.", "2000000", "rate", {"per": "day"}),
    ("Rescuers reach 210 every day.", "210", "rate", {"per": "day"}),
    ("Officers stop 740 people per week at the crossing.", "740", "rate", {"per": "week"}),
    ("About 3,000 migrants walk across the bridge daily.", "3000", "rate", {"per": "day", "qualifier": "about"}),
    # money written in other dollars, rupees and cents
    ("The grant gives families NZ$120 a week.", "120", "currency", {"currency": "NZD"}),
    ("Ottawa set aside C$4.5 billion for housing.", "4500000000", "currency", {"currency": "CAD"}),
    ("The state plans a 12 trillion Indian rupee budget.", "12000000000000", "currency", {"currency": "INR"}),
    ("Brent crude rose 42 cents to settle higher.", "0.42", "currency", {"currency": "USD"}),
    # qualifiers
    ("Just over 1,200 families were moved.", "1200", "count", {"qualifier": "more_than"}),
    ("Nearly 830 wells were shut.", "830", "count", {"qualifier": "about"}),
    # index points are not percentage points
    ("The Nikkei rose 310 points on Friday.", "310", "other", {}),
    ("The central bank cut rates by 0.5 percentage points.", "0.5", "percentage_points", {}),
])
def test_english_conventions(text, value, unit, extra):
    figure = _one(text, "en")
    assert (figure.value, figure.unit) == (value, unit)
    for field, expected in extra.items():
        assert getattr(figure, field) == expected, field


def test_pounds_beside_euros():
    assert _readings("The deal is worth €2.4bn (£2.05bn) over ten years.", "en") == [
        ("2400000000", "currency"), ("2050000000", "currency")]


def test_comma_is_decimal_where_the_text_says_so():
    """A scaled "2,315 billones" is 2.315 when the text's other numbers write decimals with a comma."""
    assert _readings("La deuda llegó a 2,315 billones de euros, el 98,2 % del PIB.", "es") == [
        ("2315000000000", "currency"), ("98.2", "percent")]
    assert _readings("Bombea 2,718 millones de barriles diarios, 150.000 más que en marzo.", "es") == [
        ("2718000", "rate"), ("150000", "count")]
    assert _readings("La mina costará 7,000 millones de dólares.", "es") == [("7000000000", "currency")]


def test_dollar_sign_follows_the_country():
    """A bare "$" in a Colombian or Mexican text is pesos; with no country named it stays unknown."""
    assert _one("En Colombia el hueco fiscal es de $15 billones.", "es").currency == "COP"
    assert _one("El hueco fiscal es de $15 billones.", "es", context="El Gobierno de México revisó sus cuentas.").currency == "MXN"
    unknown = _one("El hueco fiscal es de $15 billones.", "es")
    assert unknown.currency is None and unknown.text.startswith("$")
    assert _one("Wellington will pay $90 million to New Zealand farmers.", "en").currency == "NZD"
    assert _one("The plan costs $3 billion.", "en").currency == "USD"


@pytest.mark.parametrize("text, language", [
    # years
    ("Como en el 2015, el país volvió a crecer.", "es"),
    ("El 2027 será un año difícil para la región.", "es"),
    ("The border reopened in 2019.", "en"),
    ("The plant closed in 2,017 after the strike.", "en"),
    ("Desde el 2.021 no se publican datos.", "es"),
    # ages
    ("Marta Ruiz, 63, said the market had changed.", "en"),
    # the total in "3 of 10"
    ("Only 4 of 12 ministers attended.", "en"),
    # exchange-rate levels
    ("The peso traded at 19.2 pesos per dollar.", "en"),
    ("Venta: 4.118 y Compra: 4.102 en las casas de cambio.", "es"),
    ("El dólar se movió entre 17 y 20 por dólar en el año.", "es"),
    # stock-index names and timestamps
    ("The Nasdaq 100 and the FTSE 250 opened flat.", "en"),
    ("Updated 14:35 GMT with reaction.", "en"),
    # ordinals
    ("It was the 31st meeting of the council.", "en"),
])
def test_not_figures(text, language):
    assert find_statistics(text, language) == []


def test_index_points_after_a_level_are_other():
    found = _readings("The Hang Seng fell 420 points to 17,950.", "en")
    assert found == [("420", "other"), ("17950", "other")]


def test_points_of_a_rate_are_percentage_points_only_when_said():
    found = _readings("La tasa bajó entre 6 y 9 puntos porcentuales.", "es")
    assert found == [("6", "percentage_points")]


def test_from_to_pairs_share_the_unit_and_bare_pairs_are_ranges():
    assert _readings("Unemployment rose from 6 to 8 percent.", "en") == [("6", "percent"), ("8", "percent")]
    assert _readings("Rents climbed 10 to 15 percent.", "en") == [("10", "percent")]
    assert _readings("La pobreza pasó de 21 a 26 por ciento.", "es") == [("21", "percent"), ("26", "percent")]


def test_a_bare_fraction_of_one_is_an_index_and_a_bare_price_is_not_a_figure():
    assert _readings("El coeficiente de Gini bajó a 0,47 el año pasado.", "es") == [("0.47", "other")]
    assert _readings("The official rate stays at 7.35 despite the shortage.", "en") == []


def test_a_bare_dollar_sign_takes_the_country_the_headline_names() -> None:
    """The country may be named only in the headline: its paragraphs' "$" is still its currency."""
    from reportgen.api import parse_bytes

    text = ("Colombia cierra el año con un déficit mayor al previsto\n\n"
            "El Gobierno central registró un faltante de $18 billones, según el Ministerio de Hacienda.\n")
    brief = parse_bytes(text.encode("utf-8"), "deficit.txt")
    [deficit] = [statistic for statistic in brief.statistics if statistic.unit == "currency"]
    assert (deficit.value, deficit.currency) == ("18000000000000", "COP")

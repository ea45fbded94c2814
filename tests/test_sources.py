"""A statistic's source and period, read the way a reader reads them.

Every sentence here is our own made-up wording of one rule, in English and in
Spanish, so each rule is checked on text the development articles never showed it.
"""

from __future__ import annotations

import pytest

from reportgen.i18n.formatting import format_period
from reportgen.model import Period
from reportgen.parse.figures import find_statistics
from reportgen.parse.measure import measured


def _figure(text: str, language: str, figure: str, context: str = ""):
    """The statistic written ``figure`` in ``text`` (read as the parser reads a paragraph)."""
    found = measured(find_statistics(text, language, context), language)
    matching = [statistic for statistic in found if figure in statistic.text]
    assert matching, [statistic.text for statistic in found]
    return matching[0]


def _source(text: str, language: str, figure: str, context: str = "") -> str | None:
    return _figure(text, language, figure, context).source


def _period(text: str, language: str, figure: str) -> tuple[str, str] | None:
    period = _figure(text, language, figure).period
    return (period.start, period.end) if period else None


# --- sources --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, figure, source", [
    # a body's name keeps every word, "de la" / "for the" inside it included
    ("Según el Banco de la Costa Austral, las remesas crecieron 6 %.", "es", "6 %", "Banco de la Costa Austral"),
    ("According to the Center for the Study of Coastal Trade, exports fell 4%.", "en",
     "4%", "Center for the Study of Coastal Trade"),
    ("The Institute of Andean Mining Engineers said output reached 2.4 million tonnes.", "en",
     "2.4 million", "Institute of Andean Mining Engineers"),
    ("Según la Comisión Regional para el Desarrollo y el Empleo, el paro bajó 2 %.", "es", "2 %",
     "Comisión Regional para el Desarrollo y el Empleo"),
    # an abbreviation keeps its final dot
    ("Later, the U.S. estimated that 1,200 engineers were needed.", "en", "1,200", "U.S."),
    ("Las compras subieron 9 %, según la O.N.U.", "es", "9 %", "O.N.U."),
])
def test_a_name_is_read_whole(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figure", [
    # a function word that opens the sentence is no name
    ("A reported 12,000 farmers lost their crops.", "en", "12,000"),
    ("“The data could ease toward 70 percent.", "en", "70 percent"),
    ("Un estimado de 3.400 pescadores perdió sus botes.", "es", "3.400"),
    # a capitalised common noun that only opens the sentence is no name
    ("Burglaries recorded a 3.1% rise, with 4 120 homes broken into.", "en", "3.1%"),
    ("Robos registró un alza de 4,2 % en el trimestre.", "es", "4,2 %"),
])
def test_a_sentence_opening_word_is_no_source(text, language, figure):
    assert _source(text, language, figure) is None


@pytest.mark.parametrize("text, language, figure, context, source", [
    ("IFAD reported 8,300 new loans.", "en", "8,300", "", "IFAD"),  # an acronym
    ("Paraguay reported 5,600 new cases.", "en", "5,600", "", "Paraguay"),  # a place
    ("Parliament counted 2,100 petitions.", "en", "2,100", "", "Parliament"),  # a known kind of body
    # a name the article writes capitalised inside a sentence elsewhere
    ("Valdivieso estimated a 2.5% rise in rents.", "en", "2.5%",
     "The housing economist Tomás Valdivieso spoke on Monday.", "Valdivieso"),
    ("Quintana indicó que hubo 640 despidos.", "es", "640",
     "El analista Rubén Quintana habló con la prensa.", "Quintana"),
])
def test_a_sentence_opening_name_is_kept_when_known(text, language, figure, context, source):
    assert _source(text, language, figure, context) == source


def test_a_title_case_headline_makes_no_word_a_name():
    headline = "Burglaries And Thefts Climb Across The Region"
    assert _source("Burglaries recorded a 3.1% rise.", "en", "3.1%", headline) is None


@pytest.mark.parametrize("text, language, figure, source", [
    # adverbs and auxiliaries between a source and its verb are not part of it
    ("The central bank also said reserves reached $31 billion.", "en", "$31 billion", "central bank"),
    ("Harbor Analytics has estimated that 45% of berths are idle.", "en", "45%", "Harbor Analytics"),
    ("El banco central también informó que la inflación fue de 3,9 %.", "es", "3,9 %", "banco central"),
])
def test_adverbs_are_not_part_of_a_source(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figure", [
    # a generic noun without a name says nobody in particular
    ("The federal government has reported 3,500 schools reopened.", "en", "3,500"),
    ("The report further showed 640 new clinics.", "en", "640"),
    ("Officials said 75 bridges were damaged.", "en", "75"),
    ("According to the ministry, 920 permits were issued.", "en", "920"),
    ("According to the fisheries survey report, 14% of boats were idle.", "en", "14%"),
    ("Según el Gobierno, las lluvias dañaron 830 viviendas.", "es", "830"),
    ("Según el Poder Ejecutivo, la pobreza bajó 3 %.", "es", "3 %"),
    ("Según el vocero que presentó el balance, hubo 210 quejas.", "es", "210"),
    ("De acuerdo con lo dicho por la entidad, se vendieron 5.600 licencias.", "es", "5.600"),
])
def test_a_weak_source_is_no_source(text, language, figure):
    assert _source(text, language, figure) is None


@pytest.mark.parametrize("text, language, figure, source", [
    # described in lower case, a source is kept when it names an institution and which one
    ("According to the central bank, reserves rose 8%.", "en", "8%", "central bank"),
    ("According to central bank figures, lending grew 5.5%.", "en", "5.5%", "central bank"),
    ("The statistics office estimates that 7% of homes lack water.", "en", "7%", "statistics office"),
    ("Según el banco central, las reservas subieron 8 %.", "es", "8 %", "banco central"),
    ("Según cifras del ministerio de agricultura, la cosecha cayó 11 %.", "es", "11 %", "ministerio de agricultura"),
    # a place's institution keeps the place; "the country's" does not name one
    ("Chile’s statistics agency said wages rose 6.1%.", "en", "6.1%", "Chile’s statistics agency"),
    ("Exports grew 2.2%, the country’s customs office said.", "en", "2.2%", "customs office"),
    ("The E.U. fisheries agency says 30% of stocks are overfished.", "en", "30%", "E.U. fisheries agency"),
])
def test_a_described_institution_is_a_source(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figure, source", [
    # the author of a document, after the words that describe the document
    ("Según el último sondeo de Veritas Datos, el alcalde tiene 38 %.", "es", "38 %", "Veritas Datos"),
    ("According to the latest survey by Northfield Polling, 41% back the plan.", "en", "41%", "Northfield Polling"),
    ("Según datos oficiales del Instituto Nacional de Pesca, la captura cayó 13 %.", "es", "13 %",
     "Instituto Nacional de Pesca"),
    ("According to a report by the national audit office, 17% of funds were lost.", "en", "17%",
     "national audit office"),
    # a date or a place between the document and its author is stepped over
    ("Según un sondeo publicado a fines de mayo por Opina Sur, el 44 % desaprueba.", "es", "44 %", "Opina Sur"),
    ("According to a study of Bolivia by the Lowland Institute, 22% of forest burned.", "en", "22%",
     "Lowland Institute"),
    # a reporting verb between "según" and the source
    ("Según informó el Instituto de Estadística, el paro fue de 7,4 %.", "es", "7,4 %", "Instituto de Estadística"),
    # a name after its common noun
    ("Según la consultora Rumbo Andino, la inversión subió 9 %.", "es", "9 %", "Rumbo Andino"),
])
def test_a_document_gives_its_author(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figure, source", [
    # the source after its verb, alone up to the end of its clause
    ("Car sales fell 4% in May, said the transport ministry.", "en", "4%", "transport ministry"),
    ("Las ventas de autos cayeron 4 % en mayo, informó la Oficina de Estadística del Transporte (OET).", "es",
     "4 %", "Oficina de Estadística del Transporte (OET)"),
    # a verb followed by more than its source names none
    ("The audit found Peru’s ports moved 6% more cargo.", "en", "6%", None),
    ("Las ventas cayeron 4 %, informó ayer el gobierno.", "es", "4 %", None),
])
def test_a_source_after_its_verb(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figure, source", [
    # a document between a name and its verb
    ("A Harbor Research survey found 37% of shippers delayed orders.", "en", "37%", "Harbor Research"),
    ("Los datos del Instituto de Vivienda muestran que los alquileres subieron 8 %.", "es", "8 %",
     "Instituto de Vivienda"),
    # a verb in the present
    ("La Junta Cafetera proyecta una cosecha de 12 millones de sacos.", "es", "12 millones", "Junta Cafetera"),
    ("The Port Authority expects 4.5 million passengers.", "en", "4.5 million", "Port Authority"),
])
def test_more_ways_a_source_is_named(text, language, figure, source):
    assert _source(text, language, figure) == source


@pytest.mark.parametrize("text, language, figures", [
    # a source named after "while"/"mientras que" is that of the figures after it only
    ("According to the Andes Bank, output will grow 2.4%, while the Coastal Fund forecasts 1.9%.", "en",
     {"2.4%": "Andes Bank", "1.9%": "Coastal Fund"}),
    ("Según el Banco del Sur, el PIB crecerá 2,4 %, mientras que la Caja Costera pronostica 1,9 %.", "es",
     {"2,4 %": "Banco del Sur", "1,9 %": "Caja Costera"}),
])
def test_each_statement_keeps_its_source(text, language, figures):
    for figure, source in figures.items():
        assert _source(text, language, figure) == source, figure


@pytest.mark.parametrize("text, language, figure, source", [
    # a name "shows" what it has; data show what they say
    ("Uruguay also showed a $1.3 billion surplus.", "en", "$1.3 billion", None),
    ("Uruguay reported a $1.3 billion surplus.", "en", "$1.3 billion", "Uruguay"),
    ("Customs Office data show imports fell 8%.", "en", "8%", "Customs Office"),
    ("Uruguay mostró un superávit de 1.300 millones de dólares.", "es", "1.300 millones", None),
])
def test_only_data_show_a_figure(text, language, figure, source):
    assert _source(text, language, figure) == source


def test_data_of_a_year_is_no_source():
    assert _source("Las cifras de 2019 dejaron contento a Tarija, con un alza de 3,1 %.", "es", "3,1 %") is None


# --- periods --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, language, figure", [
    # the year a figure is compared with is not when it holds
    ("Shipments rose 14% compared with 2021.", "en", "14%"),
    ("Sales were 9% higher than in 2019.", "en", "9%"),
    ("Imports grew 6.2% on the same quarter of 2020.", "en", "6.2%"),
    ("Las ventas fueron 9 % mayores que en 2022.", "es", "9 %"),
    ("El déficit subió 1,1 puntos frente al 2022.", "es", "1,1 puntos"),
    ("Las denuncias crecieron 8 % en relación con el mismo mes de 2021.", "es", "8 %"),
    ("Fares were 7% higher than 2018.", "en", "7%"),
    ("Las tarifas subieron 7 % contra 2018.", "es", "7 %"),
    ("Rents rose 5.5%, versus the 2019 level.", "en", "5.5%"),
])
def test_a_comparison_year_is_not_the_period(text, language, figure):
    assert _period(text, language, figure) is None


@pytest.mark.parametrize("text, language, figure, period", [
    # "more than" before a figure is a qualifier, not a comparison
    ("More than 500 boats sank in 2018.", "en", "500", ("2018", "2018")),
    ("Más de 700 escuelas cerraron en 2017.", "es", "700", ("2017", "2017")),
    # the year of the figure, when another year is compared with it
    ("Exports grew 3.4% in 2023, compared with 2022.", "en", "3.4%", ("2023", "2023")),
    ("En 2021 el desempleo fue de 9 %, menos que en 2020.", "es", "9 %", ("2021", "2021")),
    # "more than doubled" is no comparison
    ("Solar capacity more than doubled in 2020 to 9 gigawatts.", "en", "9 gigawatts", ("2020", "2020")),
    # a figure named after the cue holds in the compared time
    ("Inflation was 3.2% in 2024 versus 2.6% in 2023.", "en", "2.6%", ("2023", "2023")),
    ("La inflación fue de 3,2 % en 2024 frente al 2,6 % de 2023.", "es", "2,6 %", ("2023", "2023")),
])
def test_the_year_a_figure_holds_in(text, language, figure, period):
    assert _period(text, language, figure) == period


@pytest.mark.parametrize("text, language, figure, period", [
    # spans of months, years and days
    ("Some 3 400 cases were opened between July and September 2023.", "en", "3 400", ("2023-07", "2023-09")),
    ("Entre febrero y abril de 2023 se vendieron 5.100 autos.", "es", "5.100", ("2023-02", "2023-04")),
    ("Tourism grew 12% from 2017 to 2019.", "en", "12%", ("2017", "2019")),
    ("El turismo creció 12 % de 2016 a 2018.", "es", "12 %", ("2016", "2018")),
    ("Debt reached 71% of output in 2021-22.", "en", "71%", ("2021", "2022")),
    ("La pesca cayó 15 % desde el 3 de marzo hasta el 30 de junio de 2022.", "es", "15 %",
     ("2022-03-03", "2022-06-30")),
    ("Between December and February 2023, 880 flights were cancelled.", "en", "880", ("2022-12", "2023-02")),
    ("Las lluvias dañaron 300 puentes en 2015 y 2016.", "es", "300", ("2015", "2016")),
    # a part of a year
    ("Profits rose 8% in the second quarter of 2022.", "en", "8%", ("2022-04", "2022-06")),
    ("Revenue was $2.1 billion in Q3 2021.", "en", "$2.1 billion", ("2021-07", "2021-09")),
    ("Las exportaciones subieron 5 % en el segundo semestre de 2020.", "es", "5 %", ("2020-07", "2020-12")),
    # a month or a day with its year
    ("Inflation was 4.1% in March 2022.", "en", "4.1%", ("2022-03", "2022-03")),
    ("El 3 de agosto de 2021 llegaron 620 personas.", "es", "620", ("2021-08-03", "2021-08-03")),
])
def test_spans_and_dates(text, language, figure, period):
    assert _period(text, language, figure) == period


@pytest.mark.parametrize("text, language, figure", [
    # the text does not give the year: no period, never a guess
    ("Some 2,300 homes were built this year.", "en", "2,300"),
    ("Este año ya hubo 410 incendios.", "es", "410"),
    ("Between January and March, 900 permits were issued.", "en", "900"),
    ("Entre marzo y julio de este año salieron 7.300 toneladas.", "es", "7.300"),
    # a span open at one end
    ("Since 2019, 64,000 people have left.", "en", "64,000"),
    ("Hasta el tercer trimestre de 2021, la inversión sumó 8 mil millones de dólares.", "es", "8 mil millones"),
    ("Prices rose 6.3% in the 12 months to May 2023.", "en", "6.3%"),
    # a decade is no year
    ("Fares rose 6% in the 2010s.", "en", "6%"),
    # "may" in lower case is a verb, not a month
    ("Costs may 2025 rise? Analysts see 3% growth.", "en", "3%"),
])
def test_no_period_without_a_year(text, language, figure):
    assert _period(text, language, figure) is None


@pytest.mark.parametrize("text, language, figures", [
    # each figure holds in the time named next to it
    ("The economy grew 3% in 2022, after 2% in 2021.", "en", {"3%": ("2022", "2022"), "2%": ("2021", "2021")}),
    ("La planta produjo 31 toneladas en 2014, 27 en 2015 y 24 en 2016.", "es",
     {"31 toneladas": ("2014", "2014"), "27": ("2015", "2015"), "24": ("2016", "2016")}),
    # a level reached between a change and its year shares the year; a level it rose from has its own
    ("Exports rose 12% to $5.3 billion in 2021.", "en", {"12%": ("2021", "2021"), "$5.3 billion": ("2021", "2021")}),
    ("The jobless rate rose to 7% from 5% in 2019.", "en", {"7%": None, "5%": ("2019", "2019")}),
    ("La tasa de paro subió a 7 % desde 5 % en 2019.", "es", {"7 %": None, "5 %": ("2019", "2019")}),
    # a year after a figure but in another clause is not its time
    ("Planners expect 4 million visitors, and by 2030 the port will double.", "en", {"4 million": None}),
    ("La región tenía 12 hospitales, pero en 2019 abrió dos más.", "es", {"12": None}),
])
def test_each_figure_takes_its_own_time(text, language, figures):
    for figure, period in figures.items():
        assert _period(text, language, figure) == period, figure


@pytest.mark.parametrize("language, period, written", [
    ("en", Period("2024-04", "2024-06"), "April\u2009–\u2009June 2024"),
    ("es", Period("2024-04", "2024-06"), "abril–junio de 2024"),
    ("en", Period("2022-03-01", "2022-06-30"), "Mar 1\u2009–\u2009Jun 30, 2022"),
    ("es", Period("2022-03-01", "2022-06-30"), "1 de marzo\u2009–\u200930 de junio de 2022"),
    ("en", Period("2021-08-03", "2021-08-03"), "August 3, 2021"),
])
def test_month_and_date_periods_are_written_per_language(language, period, written):
    assert format_period(period, language) == written

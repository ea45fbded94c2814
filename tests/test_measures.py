"""What each figure measures and of whom, read from its sentence (parse/measure.py)."""

from __future__ import annotations

import re

import pytest

from reportgen.api import parse_bytes
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
    ("More than 1,350 people in Ecuador were reported injured, according to the Red Cross.", "1,350", "people injured"),
    ("Remittances rose 12% last year, the central bank said.", "12%", "remittances"),
    ("Chile's exports hit a record $9.8 billion in July.", "9.8", "exports"),
    ("Crude output in Bolivia averaged 318,000 barrels daily, a 23% jump on the year.", "318,000", "crude output"),
    ("Crude output in Bolivia averaged 318,000 barrels daily, a 23% jump on the year.", "23%", "crude output"),
    ("The homicide rate fell to 45 per 100,000 people.", "45", "homicide rate"),
    ("The company's losses totaled $3 billion.", "3 billion", "losses"),
    ("The guild expects a 9% cut in shipments to Canada.", "9%", "shipments"),
    ("Police recorded 880 homicides, up from 407 a decade earlier.", "880", "homicides"),
    ("Portugal sells €600m worth of cork to Japan.", "600m", "cork"),
    ("Of the $4 billion invested in the port since 2019, half came from abroad.", "4 billion", "investment"),
    ("The city signed a contract worth $5 billion with two builders.", "5 billion", "contract"),
    ("The output of copper doubled and that of silver rose to 90 tons.", "90", "output of silver"),
    ("The firm wants to lift its crude output, currently at 300,000 barrels a day.", "300,000", "crude output"),
    ("Some 30% of displaced families stayed in camps.", "30%", "displaced families"),
    ("Rents in the capital climbed for the sixth straight month in a row to $1,850.", "1,850", "rents"),
    ("Exports to the United States, Canada and Mexico rose 12 percent in the first half.", "12", "exports"),
    ("It costs $300 a month, and 60% of families cannot pay it.", "60%", "families"),
    ("When the war began, traders were paid about $120 a barrel.", "120", "price"),
    ("About 1,200 people were hurt in May, which is some 40 people a day.", "40", "people hurt"),
    ("That means 30,000 more nurses are working than the board knew.", "30,000", "nurses"),
    ("Wheat exports from Ukraine fell in May and stood at 2.4 million tons.", "2.4 million", "wheat exports"),
    ("Kenya's foreign reserves today stand at $7.9 billion.", "7.9", "foreign reserves"),
    ("The number of nurses from Elbonia, Freedonia and Ruritania working in the United States grew by 40 percent.",
     "40 percent", "number of nurses"),
])
def test_english_measures(sentence, figure, measure):
    assert _measure_of(sentence, "en", figure) == measure


@pytest.mark.parametrize("sentence, figure, measure", [
    ("Las exportaciones crecieron 3% en el primer trimestre.", "3%", "exportaciones"),
    ("Más de 36.000 peregrinos visitaron el santuario de Luján este mes.", "36.000", "peregrinos"),
    ("Hubo una reducción del 8 % en los accidentes viales.", "8 %", "accidentes viales"),
    ("Las remesas sumaron 2.390 millones de dólares en octubre.", "2.390", "remesas"),
    ("El mes pasado hubo 612 casos de dengue grave.", "612", "casos de dengue grave"),
    ("Según la CEPAL, Uruguay crecerá un 3,1% en 2026.", "3,1%", "crecimiento"),
    ("Los turistas de Elbonia, Freedonia y Ruritania aumentaron un 12% este verano.", "12%", "turistas"),
    ("De Europa llegan los suecos (unos 2.300) y de Oceanía los fiyianos (más de 400).", "más de 400", "fiyianos"),
    ("Se midió un Ahorro Bruto Nacional (ABN) de 84 mil millones de pesos.", "84 mil", "ABN"),
    ("La planta quedó parada con 800 millones de dólares invertidos.", "800", "inversión"),
    ("La producción de cobre crecerá poco y la de plata subirá de 12 toneladas a 30.", "12", "producción de plata"),
    ("Habrá más compras a Perú que podrían llegar a 5.000 toneladas.", "5.000", "compras"),
    ("Otro grupo son los temporeros, que van y vienen cada semana, que son unos 8.000.", "8.000", "temporeros"),
    ("La firma quiere subir su producción de crudo, actualmente de 300 mil barriles por día.", "300 mil", "crudo"),
    ("El caso es grave porque solo el 12 % de afectados denuncia el robo.", "12 %", "afectados"),
    ("Se espera crecer un 3% este año, según el banco.", "3%", "crecimiento"),
    ("El banco prevé una contracción en el tercer trimestre levemente por encima del 2 por ciento.",
     "2 por ciento", "contracción"),
    ("En 2009 una sequía hundió las cosechas de trigo por debajo de los 2 millones de toneladas.", "2 millones",
     "cosechas de trigo"),
    ("La empresa vendió 1,2 millones de autos el año pasado.", "1,2 millones", "autos"),
    ("Se espera que el desempleo baje del 6% para diciembre.", "6%", "desempleo"),
    ("La deuda externa, que hoy supera los 90.000 millones de dólares, creció un 4%.", "90.000", "deuda externa"),
    ("El crudo cotizó a 80 dólares el barril en marzo.", "80", "precio"),
    ("Hablamos de 5.000 millones de pesos de un mayor gasto en salud.", "5.000", "gasto"),
    ("Las bodegas vendieron vino a Asia por un valor de 2.100 millones de dólares.", "2.100", "vino"),
    ("En Perú vive cerca del 30% del total de los chilenos emigrados.", "30%", "chilenos"),
    ("En diez años la deuda ha pasado de 200.000 millones a 900.000 millones de euros.", "900.000", "deuda"),
    ("La pesca de atún en Chile mantuvo el pasado marzo su caída y se situó en 2,4 millones de toneladas.",
     "2,4", "pesca de atún"),
    ("La pesca de atún en Chile mantuvo en marzo su caída y se situó en 2,4 millones de toneladas.", "2,4",
     "pesca de atún"),
    ("Dijo que el costo de la obra por más de 300 millones de dólares está cubierto.", "300", "obra"),
    ("De los 9.800 millones de dólares exportados hasta junio, 6.100 millones correspondieron al cobre.", "6.100",
     "exportaciones"),
])
def test_spanish_measures(sentence, figure, measure):
    assert _measure_of(sentence, "es", figure) == measure


def test_subject_is_the_place_written_with_the_measure():
    assert _figures("Chile's exports hit a record $9.8 billion in July.", "en")["$9.8 billion"][1] == "Chile"
    found = _figures("More than 1,350 people in Ecuador were reported injured.", "en")
    assert [subject for _, subject in found.values()] == ["Ecuador"]
    assert _figures("Según la CEPAL, Uruguay crecerá un 3,1% en 2026.", "es")["3,1%"][1] == "Uruguay"


def test_one_place_of_a_list_is_not_the_subject():
    found = _figures("Los turistas de Elbonia, Freedonia y Ruritania aumentaron un 12% este verano.", "es")
    assert found["12%"][1] is None


def test_a_currency_sign_is_not_a_subject():
    found = _figures("The credit line amounts to US$ 6 billion.", "en")
    assert all(subject != "US" for _, subject in found.values())


def test_a_place_a_verb_or_a_name_is_never_a_measure():
    for sentence, language in (
        ("In Colombia, 45,000 cross the border daily.", "en"),
        ("Okafor won with 53.2 percent of the count, pollsters said.", "en"),
        ("Tomás Ferreira was more than 6 percentage points behind.", "en"),
        ("Mientras tanto, 7.580 millones correspondieron a los servicios.", "es"),
    ):
        for measure, _ in _figures(sentence, language).values():
            assert measure is None or not is_place(measure)
            assert measure not in ("cross", "Okafor", "Tomás Ferreira", "correspondieron")


@pytest.mark.parametrize("text", [
    "Early tallies showed Vidal taking most ballots while her rival, former senator Lucas Ferreira, "
    "was more than 8 percentage points behind her.",
    "Los primeros recuentos daban ventaja a Vidal y su rival, el exsenador Lucas Ferreira, "
    "quedaba a más de 8 puntos porcentuales.",
])
def test_a_person_named_after_a_title_is_never_a_measure(text: str) -> None:
    """A gap between two candidates: the card must not read "8 points · Former senator Lucas Ferreira"."""
    brief = parse_bytes(f"Early count puts the governor ahead\n\n{text}\n".encode("utf-8"), "count.txt")
    assert [statistic.measure for statistic in brief.statistics] == [None]


def test_a_value_link_needs_a_noun_before_it():
    assert _measure_of("Tickets sold for $80 at the gate.", "en", "80") is None
    for sentence in ("El gasto podría quedar por encima de los 900 millones de dólares, dijo.",
                     "La firma tiene obras a ejecutar por 8 mil millones de pesos."):
        assert all(measure in (None, "gasto") for measure, _ in _figures(sentence, "es").values())


def test_an_earlier_figure_takes_a_later_measure_only_side_by_side():
    assert _measure_of("Un 31% y un 54% de los socios votaron.", "es", "31%") == "socios"
    assert _measure_of("Ten per cent came from Asia and a further 6 per cent were farmers.", "en", "Ten") is None


@pytest.mark.parametrize("sentence, language, figure, measure", [
    ("Some 9,000 Elbonians crossed in June. Of those, about 7,000 went back, up to 800 stay in Freedonia.",
     "en", "800", "Elbonians"),
    ("Some 9,000 Elbonians crossed in June. Of those, about 7,000 went back.", "en", "7,000", "Elbonians"),
    ("Llegaron 3.000 turistas en mayo. De estos, unos 900 eran niños.", "es", "900", "niños"),
    ("Llegaron 3.000 turistas en mayo. De estos, unos 900 regresaron.", "es", "900", "turistas"),
    ("Police arrested 45 suspects. Of them, 30 were released on bail.", "en", "30", "suspects released"),
    ("Este año hubo 900 detenciones, de las cuales el 60% ocurrió en el puerto.", "es", "60%", "detenciones"),
    ("Llegaron 3.000 turistas, de los cuales el 30% son niños.", "es", "30%", "niños"),
    ("Otro grupo son los temporeros, que van y vienen cada semana, que son unos 8.000. De estos, unos 6.000 se quedan.",
     "es", "6.000", "temporeros"),
])
def test_a_partitive_counts_a_part_of_the_figure_before(sentence, language, figure, measure):
    paragraph = measured([s for part in sentence.split(". ") for s in find_statistics(part, language)], language)
    assert next(s.measure for s in paragraph if figure in s.text) == measure


@pytest.mark.parametrize("sentence, language, figure, measure", [
    ("Exit polls showed Okafor with 41.2 percent and Lindqvist at 38.5 percent of the votes counted.",
     "en", "38.5", "votes"),
    ("Exit polls showed Okafor with 41.2 percent, with most ballots counted.", "en", "41.2", "votes"),
    ("Voters go to the polls on Sunday; turnout was 61% last time and the ruling party polled at 38%.",
     "en", "38%", "votes"),
    ("La candidata Ana Ruiz lidera la intención de voto con el 14%, y Pedro Soto le sigue con un 11%.",
     "es", "11%", "intención de voto"),
    ("El robo es el principal problema del barrio, según una encuesta de Datum, con un 22 %.", "es", "22", None),
])
def test_a_share_held_by_a_name_in_an_election_paragraph(sentence, language, figure, measure):
    assert _measure_of(sentence, language, figure) == measure


def test_a_pronoun_subject_takes_the_paragraph_measure_of_its_kind():
    sentences = "Chile's farm exports were $9 billion. It was $5 billion in 2015."
    paragraph = measured(find_statistics(sentences, "en"), "en")
    assert [s.measure for s in paragraph] == ["farm exports", "farm exports"]


def test_this_is_an_increase_measures_the_last_figure_before():
    sentences = ["Rangers caught 7,000 poachers in May.", "This is a rise of about 7.7 percent."]
    paragraph = measured([s for sentence in sentences for s in find_statistics(sentence, "en")], "en")
    assert [s.measure for s in paragraph] == ["poachers", "poachers"]
    sentences = ["Rangers caught 7,000 poachers in May.", "It was about 7.7 percent in April."]
    paragraph = measured([s for sentence in sentences for s in find_statistics(sentence, "en")], "en")
    assert paragraph[1].measure is None  # a level of another kind is not the count's


def test_a_colon_and_a_frame_subject():
    paragraph = measured(find_statistics(
        "El primer pago del crédito con el Banco Mundial (BM) llegó a tiempo: US$ 3.000 millones, que empujaron "
        "los depósitos hasta US$ 9.000 millones. Un día antes, el dato era distinto: US$ 6.000 millones.",
        "es"), "es")
    assert [s.measure for s in paragraph] == ["primer pago del crédito", "depósitos", "depósitos"]
    paragraph = measured(find_statistics("Exports hit $9 billion in May. A week earlier, the figure was $8 billion.",
                                         "en"), "en")
    assert [s.measure for s in paragraph] == ["exports", "exports"]


def test_a_noun_owned_inside_a_longer_subject_is_not_the_measure():
    assert _measure_of("Today the share of farming in Chile's GDP stands near 7%.", "en", "7%") is None


def test_a_count_governs_a_plural_noun_not_a_verb():
    assert _measure_of("Of the guests, 800 stay in hotels.", "en", "800") is None
    assert _measure_of("About 800 police stay in the town.", "en", "800") == "police"


def test_a_year_read_as_a_count_has_no_measure():
    found = measured(find_statistics("Los datos de 2019 marcaron un mal año para 2.700 comercios.", "es"), "es")
    assert all(s.measure is None for s in found if s.text.strip() == "2019")


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

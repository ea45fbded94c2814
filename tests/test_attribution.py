"""Attributed speech in news and round-ups, and the shapes of names (English and Spanish).

One made-up sentence or short article per rule: who speaks, under which name,
with which organization, and who does not count as an expert. The wording is
our own; nothing here is copied from a real article.
"""

from __future__ import annotations

import pytest

from reportgen.api import parse_bytes
from reportgen.parse.attribution import Registry, find_attributions
from reportgen.parse.people import describe, looks_like_person, person_names

Expected = list[tuple[str, str | None]]

NEWS: dict[str, tuple[str, Expected]] = {
    # -- verb forms: auxiliaries, participles, imperfect and progressive forms -------------
    "en-auxiliaries": ("""
Freight rates climb again this year

Dana Ruiz has said that port fees will rise by 8 percent next year.

Owen Marsh had told investors the same thing in March, and Lena Brandt will argue before the committee that the fee is too high.
""", [("Dana Ruiz", None), ("Owen Marsh", None), ("Lena Brandt", None)]),
    "es-auxiliares-e-imperfecto": ("""
Suben las tarifas portuarias

Tomás Vega ha señalado que las tarifas subirán un 8 % el año próximo.

Según fuentes del puerto, Lucía Pardo habría dicho lo mismo a los exportadores, mientras Rafael Ibarra aseguraba que el alza era inevitable.
""", [("Tomás Vega", None), ("Lucía Pardo", None), ("Rafael Ibarra", None)]),
    "en-gerund-after-the-main-clause": ("""
The budget row deepens

Finance Minister Clara Hoyos rejected the opposition's figures on Tuesday, insisting the deficit would fall to 3 percent.

"We will not borrow to pay salaries," she warned.
""", [("Clara Hoyos", None)]),
    "es-gerundio": ("""
Se profundiza la disputa por el presupuesto

La ministra de Hacienda, Clara Hoyos, rechazó el martes las cifras de la oposición, insistiendo en que el déficit bajará al 3 %.
""", [("Clara Hoyos", None)]),

    # -- who the speaker is -------------------------------------------------------------------
    "en-speaker-inside-a-group": ("""
Analysts split over the rate path

Several analysts including Dana Ruiz said the central bank would wait until June.
""", [("Dana Ruiz", None)]),
    "es-hablante-dentro-de-un-grupo": ("""
Los analistas discrepan

Varios analistas, como Tomás Vega, dijeron que el banco central esperará hasta junio.
""", [("Tomás Vega", None)]),
    "en-according-to": ("""
Exports slow for a third month

Exports fell 4 percent in May, according to Owen Marsh, chief economist at Pacific Freight Analytics.
""", [("Owen Marsh", "Pacific Freight Analytics")]),
    "es-segun-y-de-acuerdo-con": ("""
Se enfrían las exportaciones

Las exportaciones cayeron un 4 % en mayo, según Lucía Pardo, directora de Estudios Andinos.

De acuerdo con Tomás Vega, economista jefe de Banco Sur, la caída seguirá hasta agosto.
""", [("Lucía Pardo", "Estudios Andinos"), ("Tomás Vega", "Banco Sur")]),
    "en-surname-later": ("""
The harbor strike ends after a week

Dana Ruiz, senior fellow at the Harbor Institute, welcomed the deal.

"The strike cost more than anyone admits," Ruiz said.
""", [("Dana Ruiz", "Harbor Institute")]),
    "en-surname-only-speaker": ("""
Will there be a downturn?

"Nobody can time a recession," Hadley said on Friday.

"The data are mixed," Okoro added. "Jobs are strong, spending is not."

Meanwhile, Reuters said in March that orders had slowed, and Tuesday brought more of the same.
""", [("Hadley", None), ("Okoro", None)]),
    "en-titled-surname-speaker": ("""
Washington weighs new tariffs

"We will not back down," said Secretary Raimondo. President Biden has long said tariffs protect jobs.
""", [("Raimondo", None)]),
    "es-apellido-solo": ("""
¿Habrá recesión?

"Nadie puede anticipar una recesión", dijo Salcedo el viernes.
""", [("Salcedo", None)]),
    "en-organization-at-a-later-mention": ("""
Canal fees go up in January

Marta Lindo said the canal authority had no choice but to raise fees.

Lindo, who heads the Panama Maritime Authority, said the new locks must be paid for.
""", [("Marta Lindo", "Panama Maritime Authority")]),
    "es-organizacion-en-una-mencion-posterior": ("""
Petrolera invertirá en el exterior

El presidente de la compañía, Andrés Fuentes, informó que la empresa duplicará su inversión.

El presidente de Minera Austral aseguró que la producción crecerá.
""", [("Andrés Fuentes", "Minera Austral")]),
    "en-organization-in-the-intro": ("""
Banks brace for cuts in the spring

The chief economist of Harbor Bank expects two cuts next year.

Rates will fall twice, said Dana Ruiz, the chief economist. "Inflation is beaten," Ruiz said.
""", [("Dana Ruiz", "Harbor Bank")]),
    "es-organizacion-en-la-entradilla": ("""
Los bancos esperan recortes de tasas

El economista jefe de Banco Sur prevé dos recortes el año próximo.

"La inflación está vencida", dijo Tomás Vega, el economista jefe.
""", [("Tomás Vega", "Banco Sur")]),
    "en-they-is-not-one-person": ("""
Sanctions on the agenda tonight

Judith Kerr hosts the programme with Omar Haddad.

We look at the new sanctions and what they say about the relationship with Moscow.
""", []),
    "en-lowercase-offices": ("""
Rates stay on hold for now

"We are patient," said the bank's governor Ana Soto.

"So are we," said authority chief Marta Lindo.

"Nobody is patient in an election year," said Chilean Finance Minister Diego Araya.
""", [("Ana Soto", None), ("Marta Lindo", None), ("Diego Araya", None)]),
    "en-description-opening-with-a-capital": ("""
Coffee prices stay high

Tomás Vega, Andean region economist at Harbor Bank, said prices would stay high.
""", [("Tomás Vega", "Harbor Bank")]),
    "en-name-of-organization-said": ("""
Farm exports face new tariffs

Italy sells €2bn of cheese abroad, Giulia Ferro of the farmers' group Agrivalle told the BBC.

Dana Ruiz of Harbor Bank said the estimate was low.
""", [("Giulia Ferro", "Agrivalle"), ("Dana Ruiz", "Harbor Bank")]),
    "es-para-x": ("""
Las encuestas anticipan un empate

Para el director de la encuestadora Datum Sur, Luis Ortega, la paridad se explica por candidatos débiles.
""", [("Luis Ortega", "Datum Sur")]),
    "en-verb-after-a-descriptive-clause": ("""
Border crossings rise again

Randall Pike, a 30-year veteran of the Coast Guard Service and former station chief, warns that the numbers will rise.
""", [("Randall Pike", "Coast Guard Service")]),
    "es-salto-de-linea-dentro-de-la-frase": (
        "Aumentan las expulsiones en el norte\n\n\"Aquí hay traficantes\", asegura el\nintendente de la región, Marco Ureta, tras la expulsión de 40 personas.\n",
        [("Marco Ureta", None)]),
    "es-descripcion-definida": ("""
Los homicidios van a la baja

El ministro de Seguridad, Arturo Quispe, aseguró que los homicidios bajaron un 12 %.

"Vamos en buena ruta", destacó el ministro.
""", [("Arturo Quispe", None)]),

    # -- organization or role ------------------------------------------------------------------
    "es-organizacion-y-no-lugar-de-la-clausula": ("""
Más control en la frontera

Así lo ve el director de Migración Andina, Juan Pérez, quien visitó Tumbes y Piura la semana pasada. Pérez afirmó que el control aumentará.
""", [("Juan Pérez", "Migración Andina")]),
    "es-organizacion-con-sigla": ("""
Las remesas siguen creciendo

Rosa Quispe, presidenta de la Asociación Bancaria del Altiplano (ABA), dijo que las remesas crecieron un 9 %.
""", [("Rosa Quispe", "Asociación Bancaria del Altiplano")]),
    "en-possessive-body": ("""
Loan talks drag on

In an interview, the IMF's representative in Lagos, Teresa Sanz, said talks would take weeks.
""", [("Teresa Sanz", "IMF")]),
    "en-acronym-before-the-office": ("""
Inflation has peaked, says governor

CBN Governor, Mr Ruth Bello, said inflation had peaked.
""", [("Ruth Bello", "CBN")]),
    "es-su-director": ("""
Dudas sobre las cifras de violencia

El Observatorio Andino de Seguridad (OAS) prepara un informe. Su director, Renato Salas, señala que los homicidios bajaron.
""", [("Renato Salas", "Observatorio Andino de Seguridad")]),

    "en-employer-before-a-lowercase-office": ("""
Markets brace for the vote

"It is a mess," said Harbor Sachs analyst Ana Lopes.

Bank of Guatemala president Álvaro Ruiz Ricci said remittances were rising.
""", [("Ana Lopes", "Harbor Sachs"), ("Álvaro Ruiz Ricci", "Bank of Guatemala")]),
    "en-age-between-name-and-description": ("""
Exporters see a recovery

On Monday, Ana Ruiz, 45, a fruit exporter from Mendoza, said sales had doubled.
""", [("Ana Ruiz", None)]),
    "es-analista-de-la-consultora": ("""
El consumo sigue débil

El analista de la consultora Ecovalle, Pablo Martín, estimó que el consumo seguirá débil.
""", [("Pablo Martín", "Ecovalle")]),
    "es-un-cargo-no-es-el-economista-de-antes": ("""
El consumo sigue débil

El economista jefe de Banco Estado, Andrés Pérez, advirtió que los precios seguirán altos.

Según la consultora Gemvalle, el IPC cerraría el año en 3,8 %. La ministra de Hacienda dijo que el gasto no se recortará.
""", [("Andrés Pérez", "Banco Estado")]),

    # -- not experts -----------------------------------------------------------------------------
    "en-object-of-a-verb": ("""
A new chief for the port

The board named Mario Vela head of the port authority on Monday, the ministry said.
""", []),
    "es-instituciones": ("""
Las tasas seguirán altas

El Banco Central dijo que mantendrá la tasa. El Banco Andino señaló que espera un recorte en junio.
""", []),
    "en-host-asks": ("""
Do the sanctions bite?

"Will the sanctions bite?" asked host Judith Kerr.
""", []),
    "es-oyente-entre-verbo-y-hablante": ("""
Confirman el alza de las tarifas

"Subirán en enero", confirmó ayer a este medio Juan Pérez, gerente de Aguas del Sur.

El ministro dijo a Ana Gómez que no habrá cambios.
""", [("Juan Pérez", "Aguas del Sur")]),
    "es-medio-antes-del-hablante": ("""
El cobre sigue al alza

"El cobre es clave", comentó a BBC Mundo Jorge Peña, director del Centro de Estudios Mineros.
""", [("Jorge Peña", "Centro de Estudios Mineros")]),
    "es-clausula-tras-el-nombre-no-lo-describe": ("""
El cobre podría bajar

Tal como lo indicó la economista Lucía Vera, el precio podría bajar en invierno.
""", [("Lucía Vera", None)]),
    "en-relative-clause-with-the-verb": ("""
Rates stay high for now

The decision surprised Ana Ruiz, who on Monday had said that a cut was likely.
""", [("Ana Ruiz", None)]),
    "es-clausula-relativa-con-el-verbo": ("""
La recuperación será fuerte

La pregunta era si coincide con la ministra de Economía Nadia Calvo que el pasado jueves aseguraba que la recuperación será fuerte.
""", [("Nadia Calvo", None)]),
    "en-occupation-before-a-name": ("""
Polls tighten before the runoff

Candidate Ana Ruiz leads with 34%, followed by Owen Marsh with 31%, according to a survey published on Sunday.

Ruiz, a former mayor of the capital, has promised to cut taxes. Pollster Carlos Mena said the race was "too close to call".
""", [("Carlos Mena", None)]),
    "es-sujeto-con-rango-antes-de-la-coma": ("""
Tres detenidos por el asalto a un banco

Los detenidos fueron identificados como Luis Quispe, Mario Huamán y José Torres.

El jefe policial de la región, coronel Raúl Soto, explicó que la banda operaba desde hace dos años.
""", [("Raúl Soto", None)]),
    "en-initials-of-a-body": ("""
A resolution on the mission

Last week the U.K. said it would table a U.N. General Assembly motion on the strait.
""", []),
    "en-reporter-credit": ("""
Central bank governor Ruth Adebayo spoke on inflation at a session with journalists. Jane Holloway reports
""", []),
    "en-pronoun-is-not-a-speaker-of-its-own": ("""
Europe prepares its answer to tariffs

Trade Commissioner Maros Keller will meet his counterparts on Friday.

"We will act calmly," he said.
""", [("Maros Keller", None)]),
}


@pytest.mark.parametrize("case", sorted(NEWS))
def test_speakers_and_organizations(case: str) -> None:
    text, expected = NEWS[case]
    brief = parse_bytes(text.strip().encode("utf-8"), f"{case}.txt")
    assert [expert.name for expert in brief.experts] == [name for name, _ in expected]
    for expert, (_, organization) in zip(brief.experts, expected):
        if organization is not None:
            assert expert.organization and organization in expert.organization, expert
            assert expert.organization.startswith(organization), expert


@pytest.mark.parametrize("text, role", [
    ("Ante la pregunta de Marta sobre si concuerda con la ministra de Hacienda Elena Robles, "
     "el gobernador respondió que no opina. Robles dijo el lunes que \"la deuda bajará este año\".",
     "ministra de Hacienda"),
    ("Asked by Tom whether he agrees with Finance Minister Ivo Lenz, the governor declined. "
     "Lenz said on Monday that \"tariffs will fall this year\".", "Finance Minister"),
])
def test_a_description_before_a_name_stops_at_the_clause_it_sits_in(text: str, role: str) -> None:
    """"the question of Marta on whether she agrees with the minister X": Marta is no organization."""
    expert = next(e for e in parse_bytes(text.encode("utf-8"), "clause.txt").experts if e.name in ("Elena Robles", "Ivo Lenz"))
    assert (expert.role, expert.organization) == (role, None)


@pytest.mark.parametrize("question", [
    "Minister Paul Okafor has said the loan is too small. Will the fund add more?",
    "Q: Minister Paul Okafor has said the loan is too small.",
    "El ministro Paul Okafor ha dicho que el préstamo es pequeño. ¿Pondrá más el fondo?",
])
def test_a_newsmaker_inside_a_framing_question_does_not_speak(question: str) -> None:
    paragraphs = [question, "We are still designing the programme with the government."]
    registry = Registry()
    registry.collect(paragraphs)
    assert find_attributions(paragraphs, "es" if "¿" in question else "en", registry) == []


@pytest.mark.parametrize(("text", "name"), [
    ("Radovan Šimečka spoke", "Radovan Šimečka"),
    ("Tomáš Dvořák spoke", "Tomáš Dvořák"),
    ("Łukasz Nowak spoke", "Łukasz Nowak"),
    ("Ørsted Gül spoke", "Ørsted Gül"),
    ("Fiona McAllister-Ross spoke", "Fiona McAllister-Ross"),
    ("Seán O'Neill spoke", "Seán O'Neill"),
    ("Ian MacLeod spoke", "Ian MacLeod"),
    ("John F. Kennedy spoke", "John F. Kennedy"),
    ("Greta van der Linden spoke", "Greta van der Linden"),
    ("Luis de Arriaga habló", "Luis de Arriaga"),
    ("Ana Paris spoke", "Ana Paris"),
    ("Tom Price spoke", "Tom Price"),
    ("Joan Rivers spoke", "Joan Rivers"),
    ("Ana Ciudad habló", "Ana Ciudad"),
    ("Consultant Tessa Brannigan said", "Tessa Brannigan"),
    ("the Honorable Walter Brandt said", "Walter Brandt"),
    ("Dr. Ana Ruiz said", "Ana Ruiz"),
])
def test_name_shapes(text: str, name: str) -> None:
    assert [found for found, _, _ in person_names(text)] == [name]


@pytest.mark.parametrize(("phrase", "common"), [
    ("Associate Scholar", ()),
    ("Energy Security", ("energy", "security")),
    ("Czech Republic", ()),
    ("National Economic Panel Polls", ()),
    ("Recuperación Atascada", ("recuperación", "atascada")),
    ("Next Up", ()),
    ("Petróleos de Venezuela", ()),
])
def test_title_case_phrases_are_not_people(phrase: str, common: tuple[str, ...]) -> None:
    assert not looks_like_person(phrase, frozenset(common))


def test_a_title_stuck_on_becomes_the_role() -> None:
    brief = parse_bytes(b"Economists grade the budget\n\nConsultant Tessa Brannigan said the increase was too small.", "role.txt")
    [expert] = brief.experts
    assert expert.name == "Tessa Brannigan" and expert.role and expert.role.lower() == "consultant"


@pytest.mark.parametrize(("description", "role", "organization"), [
    ("senior fellow at the Harbor Institute", "senior fellow", "Harbor Institute"),
    ("Director of Research for Latin America at Cafeco", "Director of Research for Latin America", "Cafeco"),
    ("research fellow with Lakeside University and former adviser at the Treasury Department",
     "research fellow", "Lakeside University"),
    ("member of the Monitor board and president of the Lima Chamber of Commerce",
     "member of the Monitor board and president", "Lima Chamber of Commerce"),
    ("former president of Costa Rica", "former president of Costa Rica", None),
    ("ministro del Interior", "ministro del Interior", None),
    ("El ministro hondureño de Seguridad", "ministro hondureño de Seguridad", None),
    ("subgerente del Banco Regional Andino y antiguo ministro de Hacienda", "subgerente", "Banco Regional Andino"),
    ("jefe de estudios de grupo bursátil Rentas", "jefe de estudios", "Rentas"),
    ("director de Datum en Perú", "director", "Datum"),
])
def test_describe_splits_role_and_organization(description: str, role: str, organization: str | None) -> None:
    described = describe(description)
    assert (described.role, described.organization) == (role, organization)

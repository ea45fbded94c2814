"""Q&A layouts and attributed speech, one made-up article per layout (English and Spanish).

Each case gives the kind and the experts (name, organization) a reader would
write down before running the parser; the articles are our own wording.
"""

from __future__ import annotations

import pytest

from reportgen.api import parse_bytes

CASES: dict[str, tuple[str, str, list[tuple[str, str | None]]]] = {
    "en-name-line-then-title-line": ("""
Dana Ruiz
Senior fellow at the Harbor Institute
Port fees are rising because the canal authority has to pay for new locks. Shippers will pass most of the cost on to importers within a year.
Smaller carriers will feel it first, since they cannot spread the fee over many sailings.
Owen Marsh
Chief economist at Pacific Freight Analytics
I expect the fee to hold through next season. Traffic has recovered and the authority has little reason to cut it.
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "en-header-with-full-stop": ("""
Will the new port fees slow trade?

Dana Ruiz, senior fellow at the Harbor Institute.
Fees rarely change where goods go. Importers complain, then pay, and the routes stay as they were.

Owen Marsh, chief economist at Pacific Freight Analytics.
The fees matter at the margin. A carrier deciding between two ports will now pick the cheaper one.
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "es-caps-header-with-colon": ("""
¿Qué esperan los bancos para el próximo año?

TOMÁS VEGA, economista jefe de Banco Sur:
Esperamos que la economía crezca algo menos que este año, porque el crédito sigue caro y la inversión no despega.

LUCÍA PARDO, directora de Estudios Andinos:
El consumo aguantará mientras el empleo se mantenga. El riesgo está en las exportaciones, que dependen del precio del cobre.
""", "qa", [("Tomás Vega", "Banco Sur"), ("Lucía Pardo", "Estudios Andinos")]),

    "en-bio-paragraph-then-quoted-answer": ("""
What will the election mean for trade policy?

We asked our analysts for their read.

Dana Ruiz, senior fellow at the Harbor Institute. She worked on trade talks for a decade before joining the institute.

“The new majority will slow any tariff plan. Expect hearings, not votes.

“Businesses should plan for more of the same until the spring.”

Owen Marsh, chief economist at Pacific Freight Analytics. He writes a weekly note on shipping costs.
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "es-name-and-role-in-brackets": ("""
Perspectivas para la región

Argentina

Mariana Solís (economista de Fundación Pampa)

Creemos que la inflación bajará lentamente. El año próximo la economía puede crecer si la cosecha acompaña y el crédito vuelve.

Chile

Andrés Fuentes (director de análisis de Grupo Austral)

La economía chilena tiene espacio para crecer. Nuestro escenario base supone un cobre estable y tasas algo más bajas.
""", "qa", [("Mariana Solís", "Fundación Pampa"), ("Andrés Fuentes", "Grupo Austral")]),

    "en-labelled-transcript-with-host": ("""
Judith Kerr: Welcome back. Tonight we look at the new sanctions. With me is Omar Haddad, who led the embassy in Cairo.
Omar Haddad: Thanks for having me.
Judith Kerr: Will the sanctions change anything?
Omar Haddad: In the short run very little. The people named hold few assets abroad, so the measure is mostly a signal.
Judith Kerr: And in the long run?
Haddad: It depends on whether allies follow. Alone, the United States cannot make these measures bite.
""", "qa", [("Omar Haddad", None)]),

    "en-label-lines-on-their-own": ("""
• Judith Kerr:
Tonight we talk to Omar Haddad about the new sanctions.
• Omar Haddad:
Thank you for having me on the programme tonight.
• Judith Kerr:
What effect will they have?
• Omar Haddad:
Very little at first. The people named hold few assets abroad, so the measure is mostly a signal to others.
""", "qa", [("Omar Haddad", None)]),

    "es-p-r-transcript": ("""
Entrevista a Carla Montes, gerenta general de Minera Andina.

P: ¿Cómo ve el precio del cobre?
R: Lo vemos firme. La demanda de China se recupera y la oferta está limitada por la falta de nuevos proyectos.
P: ¿Y la inversión?
R: Vamos a invertir más el próximo año, sobre todo en la ampliación de la planta del norte.
""", "qa", [("Carla Montes", "Minera Andina")]),

    "es-initials-labels-on-one-line": (
        "NOTICIAS SUR.: ¿Cuántos migrantes llegaron este año? Rafael Ibarra.: Llegaron muchos más que el año pasado, "
        "y la mayoría piensa quedarse en el país. NOTICIAS SUR.: ¿Qué hará el Gobierno? R.I.: Vamos a abrir dos "
        "oficinas nuevas en la frontera para atenderlos mejor y más rápido.\n",
        "qa", [("Rafael Ibarra", None)]),

    "en-q-a-labels": ("""
Interview: Grace Otieno, finance minister of Kenya

Q: Will the budget cut the deficit?
A: Yes. We plan to bring it down over three years by collecting more of the taxes already owed.
Q: What about fuel subsidies?
A: They will end for large users first. Households will keep their support until the new cash transfers start.
""", "qa", [("Grace Otieno", None)]),

    "en-moderator-two-guests-timestamps": ("""
[00:00:05] PAUL REYES, MODERATOR: Good afternoon. Our guests are Amara Diallo of the Sahel Trade Forum and Jonas Berg of Nordic Grid.
[00:01:10] AMARA DIALLO: Thank you. Trade across the region has doubled, but roads and borders still slow most of it down.
[00:02:40] JONAS BERG: On power, the picture is better. New lines will link three national grids by the end of next year.
[00:03:55] PAUL REYES, MODERATOR: What should donors fund first?
[00:04:20] AMARA DIALLO: Border posts. A truck waits four days at some crossings, and that wait costs more than the fuel.
""", "qa", [("Amara Diallo", None), ("Jonas Berg", None)]),

    "en-radio-two-way-with-staff-labels": ("""
KIM: Our correspondent Lee Walsh is in Vienna.
Lee, what are the oil producers planning?
LEE WALSH, BYLINE: They are weighing a large cut. I spoke with Sara Linde, an analyst at Fjord Energy, who expects prices to rise.
SARA LINDE: The cut is bigger than anyone expected, and it is meant to get the market's attention before the summer.
""", "qa", [("Sara Linde", None)]),

    "en-interviewer-and-name-label-lines": ("""
Markets now expect a cut in March. Were they too cautious before?
Interviewer
Helen Park
I said in the minutes that more cuts were possible. Going into March, even odds seem about right to me.
Why did the statement lose the word patient?
Interviewer
Helen Park
We have made progress. Rates are now closer to the level that keeps inflation at the target.
""", "qa", [("Helen Park", None)]),

    "en-unlabelled-interview": ("""
Central bank governor Ruth Adebayo, in a session with reporters after the rate decision, spoke on inflation and the currency.

Inflation was above 30 percent a year ago. Why do households still not feel the relief?

You are right that the numbers are better. Prices are rising more slowly, and stability comes before growth.

Reserves have reached their highest level in years. What explains the rise?

Exports have recovered and investors are coming back now that the exchange rate is stable.
""", "qa", [("Ruth Adebayo", None)]),

    "es-unlabelled-interview-with-quoted-answers": ("""
Conversamos con el economista Rodrigo Salinas sobre la inflación y las tasas.

¿Le sorprendió el último dato de precios?

«Sí, fue más alto de lo que esperábamos. Los alimentos siguen subiendo y eso pesa en las familias».

¿Qué debe hacer el Banco Central?

«Mantener la tasa hasta tener más evidencia de que la inflación bajó. No hay que apurarse».
""", "qa", [("Rodrigo Salinas", None)]),

    "es-dash-interview": ("""
El ministro de Energía, Julián Herrera, habló con este diario sobre los cortes de luz.

—¿Cuándo terminarán los cortes?
—Esperamos que en dos meses la nueva central esté funcionando y los cortes se reduzcan.
—¿Cuánto costará la central?
—Es una inversión grande, pero se paga con el ahorro de combustible en pocos años.
—¿Habrá subas de tarifas?
—No está previsto para este año.
""", "qa", [("Julián Herrera", None)]),

    "en-panel-roster-in-reported-speech": ("""
The second panel featured Dr. Nadia Okafor, senior fellow at the Lagos Policy Centre, Pieter Van Dyk, head of research at Cape Energy Partners, and Aisha Rahman, economist at the Gulf Monetary Institute. Lena Brandt moderated the panel.

Dr. Okafor argued that the grid needs private money. Van Dyk said gas will remain a bridge fuel for a decade. Rahman noted that the region's reserves are large but poorly spread.
""", "qa", [("Nadia Okafor", "Lagos Policy Centre"), ("Pieter Van Dyk", "Cape Energy Partners"),
          ("Aisha Rahman", "Gulf Monetary Institute")]),

    "es-roundtable-roster-with-semicolons": ("""
En la mesa redonda de este diario participaron el presidente de la Cámara Minera del Sur, Ernesto Valdivia; al gerente de estudios del Banco Andino, Rosa Quispe, y al director del Instituto de Economía Regional, Mario Chávez.

Los tres coincidieron en que la inversión minera será clave para crecer el próximo año.
""", "qa", [("Ernesto Valdivia", "Cámara Minera del Sur"), ("Rosa Quispe", "Banco Andino"),
          ("Mario Chávez", "Instituto de Economía Regional")]),

    "en-round-up-with-question-headings": ("""
Will there be a recession this year?

Forecasters at two large banks spoke to us about the outlook.

What are they expecting?

"We see unemployment rising to about 5 percent by December," Dana Ruiz of Harbor Bank said.

"The labour market will soften the blow," Owen Marsh of Pacific Trust said.

How do they build a forecast?

Ruiz said the models use inflation, sentiment and jobs data. Marsh said judgement still matters.
""", "qa", [("Dana Ruiz", "Harbor Bank"), ("Owen Marsh", "Pacific Trust")]),

    "en-signature-after-each-answer": ("""
What should the central bank do next?

The bank should hold rates until wage growth slows. Cutting now would undo a year of progress on prices.
— Dana Ruiz, senior fellow at the Harbor Institute

A small cut is justified. Inflation is close to target and credit to small firms has dried up.
— Owen Marsh, chief economist at Pacific Freight Analytics
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "en-two-names-over-two-answers": ("""
Is the trade deal good for farmers?

Dana Ruiz and Owen Marsh: two views on the deal

Dana Ruiz, senior fellow at the Harbor Institute.
Farmers gain access to a market of fifty million people, and quotas grow every year.

Owen Marsh, chief economist at Pacific Freight Analytics.
The gains go to large exporters. Small farms will face cheaper imports without the credit to compete.
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "en-bulleted-roster-before-answers": ("""
How will the new tariffs hit the region? We asked three experts.

• Dana Ruiz (@druiz): Senior fellow at the Harbor Institute
• Owen Marsh (@omarsh): Chief economist at Pacific Freight Analytics

Dana Ruiz: Exporters of cars and steel will lose most, and they are concentrated in two provinces.

Owen Marsh: The hit is smaller than it looks. Many firms already moved production to avoid the last round.
""", "qa", [("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),

    "es-inline-roster-before-answers": ("""
¿Qué efecto tendrá la reforma tributaria? Consultamos a Lucía Pardo, directora de Estudios Andinos; Tomás Vega, economista jefe de Banco Sur, y Ana Ibáñez, investigadora de la Fundación Río.

Pardo: La reforma recauda poco y complica mucho. Las pymes tendrán que llevar dos contabilidades distintas.

Vega: Es un paso en la dirección correcta, aunque llega tarde y con tasas demasiado altas para la inversión.

Ibáñez: Lo importante es el gasto. Sin control del gasto, ninguna reforma alcanza.
""", "qa", [("Lucía Pardo", "Estudios Andinos"), ("Tomás Vega", "Banco Sur"), ("Ana Ibáñez", "Fundación Río")]),

    "en-bold-questions-run-into-answers": ("""
Ana Ruiz, the mayor of Puerto Claro, spoke to us about the new port.

**When will the port open?** Next spring, if the cranes arrive on time. We have already hired most of the staff.

**Who pays for it?** The city pays a third and a private operator the rest, in exchange for a thirty-year concession.
""", "qa", [("Ana Ruiz", None)]),

    "es-dash-interview-on-one-line": (
        "El ministro de Energía, Julián Herrera, habló con este diario sobre los cortes de luz. —¿Cuándo terminarán "
        "los cortes? —Esperamos que en dos meses la nueva central esté funcionando. —¿Cuánto costará? —Es una "
        "inversión grande, pero se paga con el ahorro de combustible. —¿Habrá subas de tarifas? —No este año.\n",
        "qa", [("Julián Herrera", None)]),

    "es-round-up-in-reported-speech": ("""
Economistas consultados por este diario anticipan un año difícil.

Para Lucía Pardo, directora de Estudios Andinos, el consumo se frenará en el segundo semestre.

Tomás Vega, economista jefe de Banco Sur, señaló que la inversión seguirá débil mientras las tasas no bajen.

Pardo agregó que el empleo informal seguirá creciendo.
""", "qa", [("Lucía Pardo", "Estudios Andinos"), ("Tomás Vega", "Banco Sur")]),

    "en-news-quoting-three-people-stays-news": ("""
Port fees to rise next year

The canal authority will raise fees by 8 percent in January, officials said on Monday.

"We have no choice if we want to finish the new locks," said authority chief Marta Lindo.

Dana Ruiz, senior fellow at the Harbor Institute, said importers would pass the cost on to consumers.

"Smaller carriers will feel it first," said Owen Marsh, chief economist at Pacific Freight Analytics.
""", "news", [("Marta Lindo", None), ("Dana Ruiz", "Harbor Institute"), ("Owen Marsh", "Pacific Freight Analytics")]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_layout_kind_and_experts(case: str) -> None:
    text, kind, experts = CASES[case]
    brief = parse_bytes(text.strip().encode("utf-8"), f"{case}.txt")
    assert brief.kind == kind
    assert [expert.name for expert in brief.experts] == [name for name, _ in experts]
    for expert, (_, organization) in zip(brief.experts, experts):
        if organization is not None:
            assert expert.organization and organization in expert.organization, expert


def test_a_rejected_finder_leaves_nothing_behind() -> None:
    """One "Name, role at Org" line in a news piece is no Q&A; its narration is nobody's commentary."""
    text = """
Coffee exports fall for a third year

Dana Ruiz, senior fellow at the Harbor Institute

Exports of green coffee fell 12 percent last year as rust spread through the highland farms.

The government has promised credit to replant, but farmers say the money arrives late.

"Replanting takes four years, and families cannot wait that long," Ruiz said.
"""
    brief = parse_bytes(text.strip().encode("utf-8"), "coffee.txt")
    assert brief.kind == "news"
    [ruiz] = brief.experts
    assert ruiz.name == "Dana Ruiz"
    assert all("rust" not in paragraph and "credit" not in paragraph for paragraph in ruiz.commentary)
    assert any("Replanting" in paragraph for paragraph in ruiz.commentary)
    fall = next(statistic for statistic in brief.statistics if statistic.value == "12")
    assert fall.cited_by is None


def test_the_brief_keeps_each_blocks_role_and_span() -> None:
    """Every source block has one role, and its span is the block as written: review shows them."""
    text = """Can the port reform work?

By Laura Kim

Port workers have struck twice this year over the reform plan.

Judith Kerr: What does the reform change?

Omar Haddad: It gives private operators the new terminals, while the state keeps the old quays and the workers on them.

Judith Kerr: Will the strikes stop?

Omar Haddad: Not until the pension question is settled; that is what the workers care about most."""
    brief = parse_bytes(text.encode("utf-8"), "port.txt")
    source = brief.source.text
    roles = [(block.role, source[block.span[0]:block.span[1]]) for block in brief.structure]
    assert roles == [
        ("headline", "Can the port reform work?"),
        ("byline", "By Laura Kim"),
        ("standfirst", "Port workers have struck twice this year over the reform plan."),
        ("question", "Judith Kerr: What does the reform change?"),
        ("answer", "Omar Haddad: It gives private operators the new terminals, while the state keeps the old quays "
                   "and the workers on them."),
        ("question", "Judith Kerr: Will the strikes stop?"),
        ("answer", "Omar Haddad: Not until the pension question is settled; that is what the workers care about most."),
    ]

"""Experts' cards that read right (issue 17): summaries carry a claim, roles are titles,
takeaways follow the article, fallback titles end at a clause, the review index ranks by quality."""

from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner

from reportgen.api import parse_bytes
from reportgen.cli import main
from reportgen.model import Statistic
from reportgen.parse.people import describe, office_phrase
from reportgen.review.index import Entry, index_page, worst_first
from reportgen.summarize import is_substantive, summarize_expert

PORT_FEES = """Port fees will rise by a third next year

Harbor authorities raised berth fees by 30 percent on Monday, the first increase in a decade.

"Thank you," said Dana Ruiz, a senior fellow at the Harbor Institute, when asked to comment.

Importers will pass most of the cost to shoppers within a year, said Owen Marsh, chief economist at Pacific Freight Analytics, who added that smaller ports could win traffic.

Carriers expect volumes to hold steady at about 2 million containers, the authority said.
"""

TARIFAS = """Las tarifas portuarias subirán un tercio

Las autoridades portuarias subieron las tarifas de atraque un 30 % el lunes, el primer aumento en una década.

"Muchas gracias por la invitación", dijo Carla Ortiz, presidenta de la Asociación Andina de Exportadores.

Los importadores trasladarán la mayor parte del costo a los consumidores en un año, señaló Luis Vera, economista jefe del Banco Andino, quien agregó que los puertos pequeños podrían ganar tráfico.

Las navieras esperan que el volumen se mantenga en unos 2 millones de contenedores, informó la autoridad.
"""


def _parse(text: str):
    return parse_bytes(text.encode("utf-8"), "article.txt")


# -- summaries -------------------------------------------------------------------

@pytest.mark.parametrize(("commentary", "language"), [
    (["Thanks so much for having me on the show."], "en"),
    (["Good morning and welcome, everyone.", "Thank you."], "en"),
    (["Would the fees really change anything?"], "en"),
    (["Muchas gracias por la invitación, es un placer estar aquí."], "es"),
    (["Buenos días y bienvenidos.", "¿Qué esperan los bancos?"], "es"),
])
def test_an_expert_who_only_thanks_greets_or_asks_has_no_summary(commentary, language):
    assert summarize_expert(commentary, language) is None


@pytest.mark.parametrize(("commentary", "language", "summary"), [
    (["Good afternoon, everyone. Port fees rarely change where cargo goes, because carriers price the detour."],
     "en", "Port fees rarely change where cargo goes, because carriers price the detour."),
    (["Who would pay for that? Importers will pass the fees to consumers within a year, and quickly."],
     "en", "Importers will pass the fees to consumers within a year, and quickly."),
    (["Gracias por invitarme. Los importadores pagarán la mayor parte del aumento durante el primer año."],
     "es", "Los importadores pagarán la mayor parte del aumento durante el primer año."),
])
def test_the_summary_is_the_claim_not_the_courtesy_around_it(commentary, language, summary):
    assert summarize_expert(commentary, language) == summary


@pytest.mark.parametrize("commentary, language, summary", [
    (["los puertos del sur seguirán cerrados hasta marzo por la huelga."], "es",
     "…los puertos del sur seguirán cerrados hasta marzo por la huelga."),
    (["“a slow recovery that will take most of next year,” in her words."], "en",
     "…“a slow recovery that will take most of next year,” in her words."),
    (["Ports in the south will stay shut until March because of the strike."], "en",
     "Ports in the south will stay shut until March because of the strike."),
])
def test_a_quotation_taken_up_mid_sentence_opens_with_an_ellipsis(commentary, language, summary):
    assert summarize_expert(commentary, language) == summary


def test_thanks_followed_by_a_claim_is_substantive_and_a_quoted_thank_you_is_not():
    assert is_substantive("Thank you, and I think the new fees will push cargo to smaller ports.", "en")
    assert not is_substantive('"Thank you," said Dana Ruiz, a senior fellow at the Harbor Institute.', "en")
    assert not is_substantive("“Muchas gracias por la invitación”, dijo Carla Ortiz, presidenta de la asociación.", "es")
    assert not is_substantive("a good start.", "en")  # too short to carry a claim


@pytest.mark.parametrize("text", [PORT_FEES, TARIFAS])
def test_a_quoted_thank_you_gives_no_summary_and_no_takeaway(text):
    brief = _parse(text)
    thanked, claimed = brief.experts
    assert thanked.summary is None
    assert claimed.summary and claimed.summary in brief.takeaways
    assert all(is_substantive(point, brief.language) for point in brief.takeaways)


def test_the_review_page_says_when_an_expert_has_no_summary(tmp_path):
    article = tmp_path / "fees.txt"
    article.write_text(PORT_FEES, encoding="utf-8")
    result = CliRunner().invoke(main, ["review", str(article), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = next(path for path in (tmp_path / "out").glob("*.html") if path.name != "index.html")
    assert "No summary: nothing substantive was said" in page.read_text(encoding="utf-8")


# -- takeaways -------------------------------------------------------------------

@pytest.mark.parametrize("text", [PORT_FEES, TARIFAS])
def test_takeaways_keep_the_articles_order(text):
    brief = _parse(text)
    positions = [text.index(point[:40]) for point in brief.takeaways]
    assert len(positions) >= 3 and positions == sorted(positions)


# -- roles -----------------------------------------------------------------------

@pytest.mark.parametrize(("appositive", "role", "organization"), [
    ("quien agregó que la cifra real es mayor", None, None),
    ("indica que sí se nota un descenso del 12 %", None, None),
    ("economista jefa del Banco Andino, que prevé una baja de tasas", "economista jefa", "Banco Andino"),
    ("senior fellow at the Harbor Institute, who said the plan would fail", "senior fellow", "Harbor Institute"),
    ("who has advised three governments on trade", None, None),
    ("director of claims at Harbor Mutual", "director of claims", "Harbor Mutual"),  # a noun after "of"
    ("jefa de alertas tempranas del Instituto Andino", "jefa de alertas tempranas", "Instituto Andino"),
])
def test_a_role_is_a_title_or_office_never_a_clause(appositive, role, organization):
    described = describe(appositive)
    assert (described.role, described.organization) == (role, organization)


def test_a_role_longer_than_a_title_is_left_empty():
    assert office_phrase("adviser to the board on matters of trade policy and the regional markets of the south") is None
    assert office_phrase("former minister of trade and industry") == "former minister of trade and industry"


@pytest.mark.parametrize(("text", "name", "role", "organization"), [
    (PORT_FEES, "Owen Marsh", "chief economist", "Pacific Freight Analytics"),
    (TARIFAS, "Luis Vera", "economista jefe", "Banco Andino"),
])
def test_a_clause_after_the_organization_stays_out_of_the_role(text, name, role, organization):
    expert = next(expert for expert in _parse(text).experts if expert.name == name)
    assert (expert.role, expert.organization) == (role, organization)


# -- fallback titles -------------------------------------------------------------

@pytest.mark.parametrize(("text", "title"), [
    ("The ministry said on Monday that exports rose 12 percent in March, according to the central bank, as demand "
     "from China recovered after a weak winter season.\n\nOfficials expect the trend to continue, said Ana Ruiz, "
     "an economist at the Andean Institute.\n",
     "The ministry said on Monday that exports rose 12 percent in March"),
    ("Las exportaciones de café crecieron un 12 % en marzo; el ministerio atribuyó el alza a la demanda de China "
     "y a una cosecha mejor de lo esperado.\n\nLos funcionarios esperan que la tendencia continúe, dijo Ana Ruiz, "
     "economista del Instituto Andino.\n",
     "Las exportaciones de café crecieron un 12 % en marzo"),
])
def test_a_fallback_title_ends_at_a_clause_boundary_and_is_marked(text, title):
    brief = _parse(text)
    assert brief.title == title
    assert any("no headline found" in warning and "fallback" in warning for warning in brief.warnings)


def test_a_fallback_title_without_a_clause_boundary_ends_at_a_whole_word():
    sentence = ("El ministerio informó el lunes que las exportaciones crecieron un 12 por ciento en el primer "
                "trimestre del año pasado gracias a la demanda de China.")
    brief = _parse(sentence + "\n\nLos funcionarios esperan que siga, dijo Ana Ruiz, economista del Instituto Andino.\n")
    assert brief.title.endswith("…")
    words = brief.title.rstrip("…").split()
    assert len(words) <= 14 and words == sentence.split()[:len(words)]
    assert words[-1] not in {"el", "del", "de", "la", "en", "que", "a"}


# -- the review index ------------------------------------------------------------

def _entry(title: str, **counts: int) -> Entry:
    return Entry(title, "en", "news", f"{title}.html", f"{title}.txt", experts=2, statistics=3, dropped=0,
                 warnings=tuple("warning" for _ in range(counts.pop("warnings", 0))), **counts)


def test_the_index_ranks_by_what_is_left_to_check_not_by_warnings_alone():
    clean, warned, unexplained = _entry("clean"), _entry("warned", warnings=1), _entry("unexplained", unmeasured=2)
    bare = _entry("bare", without_role=1, without_summary=1, warnings=1)
    assert [entry.title for entry in worst_first([clean, warned, unexplained, bare])] == [
        "bare", "unexplained", "warned", "clean"]


def test_entries_count_figures_without_a_measure_and_bare_expert_cards():
    brief = _parse(PORT_FEES)
    figure = Statistic(text="30 percent", value="30", unit="percent", sentence="Fees rose 30 percent.")
    brief = replace(brief, statistics=(figure, replace(figure, measure="berth fees")),
                    experts=(replace(brief.experts[0], role=None), *brief.experts[1:]))
    entry = Entry.of(brief, "fees.html", "fees.txt")
    assert (entry.unmeasured, entry.without_role, entry.without_summary) == (1, 1, 1)
    page = index_page([entry], [], "es")
    assert "1 cifra sin lo que mide" in page and "1 experto sin cargo" in page and "1 experto sin resumen" in page

"""The two seed articles parse to exactly the values the project was founded on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportgen.model import Period


def _figure(brief, value: str, unit: str):
    matches = [s for s in brief.statistics if Decimal(s.value) == Decimal(value) and s.unit == unit]
    assert matches, f"no {unit} statistic of value {value} among {[(s.value, s.unit) for s in brief.statistics]}"
    return matches[0]


# --- 000: the Latin America Advisor Q&A -------------------------------------------------

def test_qa_seed_metadata(qa_brief):
    assert qa_brief.kind == "qa"
    assert qa_brief.language == "en"
    assert qa_brief.title == "Are Tense Relations Harming Anti-Drug Cooperation?"
    assert qa_brief.publication == "Latin America Advisor"
    assert qa_brief.published is None
    assert qa_brief.id == "are-tense-relations-harming-anti-drug-cooperation"


def test_qa_seed_question_is_the_paragraph_of_questions(qa_brief):
    assert qa_brief.question.startswith("What does the fraught relationship between the countries mean")
    assert qa_brief.question.endswith("What are the prospects for an improvement in relations between the two countries?")
    assert not any("What does the fraught relationship" in paragraph for paragraph in qa_brief.body)


EXPECTED_EXPERTS = [
    ("Amanda Mattingly", "former U.S. diplomat and founder", "ACM Global Intelligence"),
    ("Vanda Felbab-Brown", "senior fellow for foreign policy", "Brookings Institution"),
    ("Peter Hakim", "member of the Advisor board and president emeritus", "Inter-American Dialogue"),
    ("Diego Marroquín Bitar", "inaugural Bersin-Foster North America Scholar", "Wilson Center"),
]


def test_qa_seed_experts_in_order_with_role_and_organization(qa_brief):
    assert [(e.name, e.role, e.organization) for e in qa_brief.experts] == EXPECTED_EXPERTS


def test_qa_seed_commentary_is_the_whole_answer_without_quote_marks(qa_brief):
    mattingly = qa_brief.experts[0]
    assert len(mattingly.commentary) == 1
    answer = mattingly.commentary[0]
    assert answer.startswith("The diplomatic rupture between Ecuador and Mexico")
    assert answer.endswith("will provide a moment to reset this important relationship.")
    assert "“" not in answer[:1] and "”" not in answer[-1:]
    assert qa_brief.experts[3].commentary[0].endswith("the loss of deeper ties with Mexico.")


def test_qa_seed_expert_text_is_not_body(qa_brief):
    assert len(qa_brief.body) == 2
    assert qa_brief.body[0].startswith("Tense bilateral relations between Ecuador and Mexico")
    assert qa_brief.body[1].startswith("In recent years, Mexico’s two largest drug trafficking organizations")
    assert not any("Latin America Advisor" == p or "A Daily Publication" in p for p in qa_brief.body)


def test_qa_seed_boilerplate_dropped(qa_brief):
    dropped = " | ".join(line.text for line in qa_brief.dropped)
    assert "Latin America Advisor logo.The Latin America Advisor features" in dropped
    rules = {line.text: line.rule for line in qa_brief.dropped}
    assert rules["Related Links"] and rules["Suggested Content"]


def test_qa_seed_homicide_rate(qa_brief):
    rate = _figure(qa_brief, "45", "rate")
    assert rate.per == "100000"
    assert rate.measure == "homicide rate"
    assert rate.subject == "Ecuador"
    assert rate.period == Period("2023", "2023")
    assert rate.source == "Human Rights Watch"
    assert rate.cited_by == "Amanda Mattingly"


def test_qa_seed_iep_figures(qa_brief):
    increase = _figure(qa_brief, "170", "percent")
    assert increase.change == "increase"
    assert increase.source == "Institute for Economics and Peace"
    losses = _figure(qa_brief, "12000000000", "currency")
    assert (losses.currency, losses.qualifier, losses.source) == ("USD", "more_than", "Institute for Economics and Peace")
    share = _figure(qa_brief, "6", "percent")
    assert share.qualifier == "about"
    assert {increase.cited_by, losses.cited_by, share.cited_by} == {"Diego Marroquín Bitar"}


def test_qa_seed_border_detentions(qa_brief):
    detentions = _figure(qa_brief, "470", "percent")
    assert detentions.change == "increase"
    assert detentions.period == Period("2022", "2023")
    assert detentions.source == "U.S. Customs and Border Protection"


def test_qa_seed_less_than_one_percent(qa_brief):
    trade = _figure(qa_brief, "1", "percent")
    assert trade.qualifier == "less_than"
    assert trade.cited_by == "Peter Hakim"


def test_qa_seed_years_are_periods_not_statistics(qa_brief):
    assert not [s for s in qa_brief.statistics if s.value in ("2022", "2023")]


# --- 002: the news piece ----------------------------------------------------------------

def test_news_seed_metadata(news_brief):
    assert news_brief.kind == "news"
    assert news_brief.language == "en"
    assert news_brief.title == ("Strengthening Alliances and Dismantling Cartels: "
                                "US-Mexico-Ecuador Relations Under Scrutiny")
    assert news_brief.published == "2025-12-07"
    assert news_brief.question is None


def test_news_seed_experts_are_the_people_quoted(news_brief):
    assert [(e.name, e.role, e.organization) for e in news_brief.experts] == [
        ("Maria Rodriguez", "senior analyst", "Center for Strategic and International Studies"),
        ("Juan Hernandez", "deputy director", "Council on Foreign Relations' Latin America Initiative"),
    ]
    assert "Marco Rubio" not in {e.name for e in news_brief.experts}


def test_news_seed_quotes_are_commentary(news_brief):
    hernandez = news_brief.experts[1]
    assert hernandez.commentary[0].startswith("Any change in the status quo")
    assert hernandez.commentary[1].startswith("The US must weigh its priorities carefully")


def test_news_seed_fentanyl_seizures(news_brief):
    fentanyl = _figure(news_brief, "100", "mass")
    assert fentanyl.qualifier == "more_than"
    assert fentanyl.source == "US Drug Enforcement Administration (DEA)"


@pytest.mark.parametrize("line", [
    "Top 5 This Week", "Related Posts", "LEAVE A REPLY", "Please enter your comment!",
    "Please enter your name here", "Popular Articles",
])
def test_news_seed_boilerplate_dropped(news_brief, line):
    dropped = {dropped.text: dropped for dropped in news_brief.dropped}
    assert dropped[line].rule
    start, end = dropped[line].span
    assert news_brief.source.text[start:end] == line
    assert not any(line in paragraph for paragraph in news_brief.body)


def test_summaries_are_complete_sentences_from_the_experts_own_words(qa_brief, news_brief):
    for expert in qa_brief.experts + news_brief.experts:
        assert expert.summary, expert.name
        assert expert.summary[0].isupper() and expert.summary.endswith((".", "!")), expert.summary
        assert expert.summary.split(". ")[0].rstrip(".") in " ".join(expert.commentary)
        assert not expert.summary.startswith(("Second,", "That’s because", "That's because", "But "))


def test_takeaways_are_three_to_five_sentences_of_the_article(qa_brief, news_brief):
    for brief in (qa_brief, news_brief):
        assert 3 <= len(brief.takeaways) <= 5
        text = " ".join(brief.body + tuple(c for e in brief.experts for c in e.commentary))
        for takeaway in brief.takeaways:
            assert takeaway in text


def test_parsing_is_deterministic():
    import reportgen
    from conftest import QA_SEED

    assert reportgen.parse_file(QA_SEED) == reportgen.parse_file(QA_SEED)


def test_a_photo_caption_glued_to_the_lead_is_dropped_not_read_as_text(qa_brief):
    assert qa_brief.body[0].endswith("experts say below.")
    assert {"Drugs seized in Ecuador are pictured.": "photo-caption"}.items() <= \
        {line.text: line.rule for line in qa_brief.dropped}.items()
    assert all("pictured" not in takeaway for takeaway in qa_brief.takeaways)

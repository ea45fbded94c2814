"""Key-figure cards say what they measure: a pack built from a made-up brief, read back from
the PDF (pypdf) and the Word file (python-docx), in English and Spanish."""

from __future__ import annotations

import json

import pytest

from reportgen import build
from reportgen.compose.figures import card_worthy, most_telling
from reportgen.model import Brief, Period, SourceInfo, Statistic

from conftest import pdf_text

SENTENCES = (
    "Remittances to Guatemala rose 12% between 2022 and 2023, according to the Banco de Guatemala.",
    "The robbery rate dropped to 9 per 100,000 residents in 2023.",
    "Exports reached $14.2 billion.",
    "It was nearly 7% a decade ago.",
    "Turnout in the 2018 election was high.",
)
STATISTICS = (
    Statistic(text="12%", value="12", unit="percent", change="increase", measure="remittances", subject="Guatemala",
              period=Period("2022", "2023"), source="Banco de Guatemala", sentence=SENTENCES[0]),
    Statistic(text="9 per 100,000 residents", value="9", unit="rate", per="100000", measure="robbery rate",
              period=Period("2023", "2023"), sentence=SENTENCES[1]),
    Statistic(text="$14.2 billion", value="14200000000", unit="currency", currency="USD", measure="exports",
              sentence=SENTENCES[2]),
    Statistic(text="nearly 7%", value="7", unit="percent", qualifier="about", sentence=SENTENCES[3]),
    Statistic(text="2018", value="2018", unit="count", measure="election", sentence=SENTENCES[4]),
)


def _brief() -> Brief:
    return Brief(
        id="remittances-hold-up", language="en", kind="news", title="Remittances hold up",
        source=SourceInfo(path="made-up.txt", format="txt", encoding="utf-8", sha256="0" * 64),
        body=SENTENCES, statistics=STATISTICS,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The made-up brief's pack as PDF and Word, in English and Spanish: {(format, language): path}."""
    folder = tmp_path_factory.mktemp("cards")
    brief = folder / "brief.json"
    brief.write_text(json.dumps(_brief().to_dict()), encoding="utf-8")
    result = build([brief], formats=["pdf", "docx"], langs=["en", "es"], out=folder / "out", date="2025-12-08")
    assert not result.errors, result.errors
    paths = {}
    for output in result.outputs:  # briefing-pack.<language>.<format>
        name = output.path.name.split(".")
        paths[(name[-1], name[-2])] = output.path
    assert len(paths) == 4, [str(o.path) for o in result.outputs]
    return paths


def _between(text: str, start: str, end: str) -> str:
    assert start in text, f"{start!r} not in the pack"
    tail = text[text.index(start) + len(start):]
    return tail[:tail.index(end)] if end in tail else tail


def test_only_figures_with_a_measure_and_not_years_are_cards():
    chosen = most_telling(STATISTICS)
    assert [STATISTICS[index].text for index in chosen] == ["12%", "9 per 100,000 residents", "$14.2 billion"]
    assert not card_worthy(STATISTICS[3]) and not card_worthy(STATISTICS[4])


@pytest.mark.parametrize("language, heading, following, period", [
    ("en", "Key figures", "Statistics", "2022–2023"),
    ("es", "Cifras clave", "Estadísticas", "de 2022 a 2023"),
])
def test_pdf_cards_show_measure_subject_and_period(built, language, heading, following, period):
    text = pdf_text(built[("pdf", language)])
    cards = _between(text, heading, following)
    assert f"Remittances · Guatemala · {period}" in cards
    assert "Robbery rate · 2023" in cards and "Exports" in cards
    assert "7" not in cards.replace("17", "")  # the figure without a measure
    assert "2018" not in cards and "Election" not in cards  # a year is never a card
    if language == "es":
        assert "2022 to 2023" not in text and "2022–2023" not in text


@pytest.mark.parametrize("language, cited_by, period_title", [("en", "Cited by", "Period"), ("es", "Citada por", "Periodo")])
def test_pdf_table_leaves_out_empty_columns(built, language, cited_by, period_title):
    text = pdf_text(built[("pdf", language)])
    assert cited_by not in text  # no figure is cited by anyone
    assert period_title in text
    assert "2,018" not in text and "2.018" not in text  # a year the parser took for a count reads as a year


@pytest.mark.parametrize("language, period, cited_by", [("en", "2022–2023", "Cited by"), ("es", "de 2022 a 2023", "Citada por")])
def test_docx_cards_and_table(built, language, period, cited_by):
    from docx import Document

    document = Document(built[("docx", language)])
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    cards = next(table for table in tables if any("Remittances" in cell for row in table for cell in row))
    card_text = " ".join(cell for row in cards for cell in row)
    assert f"Remittances · Guatemala · {period}" in card_text
    assert "2018" not in card_text and "7" not in card_text.replace("17", "")
    statistics = next(table for table in tables if table is not cards and any(
        "Remittances" in cell for row in table for cell in row))
    assert cited_by not in statistics[0] and len(statistics[0]) == 4
    assert any(period in cell for row in statistics for cell in row)

"""The pack of all 60 development articles, read back as its reader gets it.

Built once in PDF and Word, English and Spanish, from ``../shared/dev-articles``
(beside the project in CI; the test is skipped where it is not). What a reader
would notice is checked in the documents themselves: every key-figure card says
what it measures, no year is a key figure, no expert summary is a courtesy or a
question, no role is a clause, and the Spanish pack writes its periods in
Spanish. Nothing from those articles is copied here: they are read at test time.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from conftest import ROOT, pdf_text
from reportgen import build, lexicon, parse_file
from reportgen.wordpack import statistics_titles
from reportgen.i18n import translations
from reportgen.parse.people import is_place
from reportgen.summarize import is_substantive

DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles" / "articles"
pytestmark = pytest.mark.skipif(not DEV_ARTICLES.is_dir(), reason="../shared/dev-articles is not beside the project")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_YEAR_FIGURE = re.compile(r"[+\-−]?(?:1[89]|20)[,.\u00a0 ]?\d{2}")
_ENGLISH_PERIOD = re.compile(r"\b(?:1[89]|20)\d{2} to (?:1[89]|20)\d{2}\b")
_SPANISH_PERIOD = re.compile(r"\bde (?:1[89]|20)\d{2} a (?:1[89]|20)\d{2}\b")


@pytest.fixture(scope="module")
def packs(tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("dev-pack")
    result = build([DEV_ARTICLES], formats=["pdf", "docx"], langs=["en", "es"], out=out,
                   title="Development articles", date="2026-12-07", jobs=2)
    assert not result.errors
    return {(output.format, output.language): output.path for output in result.outputs}


@pytest.fixture(scope="module")
def measures() -> tuple[set[str], set[str]]:
    """Every measure the parser gave a figure, as a card capitalizes it, and every expert's name."""
    briefs = [parse_file(path) for path in sorted(DEV_ARTICLES.iterdir())]
    return ({_capitalized(statistic.measure) for brief in briefs for statistic in brief.statistics if statistic.measure},
            {expert.name for brief in briefs for expert in brief.experts})


def _capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def _styled(path: Path, style: str) -> list[str]:
    """The text of every paragraph in ``style``, table cells included, in document order."""
    document = docx.Document(str(path))
    paragraphs = (Paragraph(element, document) for element in document.element.body.iter(f"{_W}p"))
    return [paragraph.text for paragraph in paragraphs if paragraph.style.name == style]


def _cards(path: Path) -> list[tuple[str, str]]:
    """(figure, label) of every key-figure card in a Word pack."""
    document = docx.Document(str(path))
    cards, figure = [], None
    for element in document.element.body.iter(f"{_W}p"):
        paragraph = Paragraph(element, document)
        if paragraph.style.name == "Key Figure":  # the figure, without its note's number (a mark, not text)
            figure = "".join(t.text for run in element.iter(f"{_W}r") for t in run.iter(f"{_W}t")
                             if run.find(f"{_W}rPr/{_W}rStyle[@{_W}val='FootnoteReference']") is None)
        elif paragraph.style.name == "Key Figure Label" and figure is not None:
            cards.append((figure, paragraph.text))
            figure = None
    return cards


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_card_says_what_it_measures_and_no_year_is_a_key_figure(packs, measures, language):
    cards = _cards(packs["docx", language])
    known_measures, people = measures
    assert len(cards) > 100
    for figure, label in cards:
        measure = label.split(" · ")[0]
        assert measure in known_measures and not is_place(measure), (figure, label)
        assert not any(name in measure for name in people), (figure, label)
        assert not _YEAR_FIGURE.fullmatch(figure), (figure, label)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pdf_cards_carry_the_same_measures(packs, language):
    text = " ".join(pdf_text(packs["pdf", language]).split())
    for figure, label in _cards(packs["docx", language]):
        assert " ".join(label.split()) in text, (figure, label)


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_summary_is_a_courtesy_or_a_question(packs, language):
    summaries = _styled(packs["docx", language], "Expert Summary")
    assert len(summaries) > 40
    for summary in summaries:
        # a summary in the article's language: Spanish and English articles sit in both packs
        assert is_substantive(summary, "en") and is_substantive(summary, "es"), summary
        assert not summary.rstrip("”\"»’' ").endswith("?"), summary


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_role_is_a_clause(packs, language):
    clause_words = {word for lang in ("en", "es") for key in ("clause_words", "reporting_verbs")
                    for word in lexicon.words(lang, "speech", key) if " " not in word}
    roles = _styled(packs["docx", language], "Expert Role")
    assert len(roles) > 40
    for role_line in roles:
        role = role_line.split(", ")[0]  # "role, organization"
        assert len(role.split()) <= 12, role_line
        assert not clause_words & {word.strip(",.;:").lower() for word in role.split()}, role_line


def test_the_spanish_pack_words_its_periods_in_spanish(packs):
    for document in (pdf_text(packs["pdf", "es"]), "\n".join(_styled(packs["docx", "es"], "Key Figure Label"))):
        assert not _ENGLISH_PERIOD.search(document)
    english = pdf_text(packs["pdf", "en"])
    assert _SPANISH_PERIOD.search(pdf_text(packs["pdf", "es"])) and not _SPANISH_PERIOD.search(english)


def _broken_title_words(pdf: Path, language: str) -> list[str]:
    """Statistics-table title words a PDF prints split over two lines ("Period" / "o")."""
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    words = [word for title in statistics_titles(translations(language).gettext) for word in title.split()]
    return [word for word in words for cut in range(1, len(word)) if f"\n{word[:cut]}\n{word[cut:]}\n" in text]


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_table_header_word_breaks_in_a_narrow_column(packs, language):
    """A short "2025"/"Exxon" column sized by its cells broke its title: "Period-o", "Fuent-e"."""
    assert _broken_title_words(packs["pdf", language], language) == []


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_no_table_header_word_breaks_in_the_word_pack(packs, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(packs["docx", "es"])],
                   check=True, capture_output=True, timeout=300)
    assert _broken_title_words(tmp_path / packs["docx", "es"].with_suffix(".pdf").name, "es") == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_page_of_the_sixty_article_pack_holds_notes_alone_or_is_under_a_third_full(packs, language):
    """Notes continue their chapter's last page, and only a chapter's last page may be nearly empty."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm

    from pdf_reading import runs, underfull_pages
    from reportgen.themes import load_theme

    path = packs[("pdf", language)]
    top_margin, _, bottom_margin, _ = load_theme("default").margins_mm
    top, bottom = A4[1] - top_margin * mm, bottom_margin * mm
    assert underfull_pages(path, top, bottom) == []
    heading = "Notes and sources" if language == "en" else "Notas y fuentes"
    first_on_page: dict[int, str] = {}
    for run in sorted((run for run in runs(path) if bottom - 2 <= run.y <= top + 2), key=lambda run: (run.page, -run.y)):
        first_on_page.setdefault(run.page, " ".join(run.text.split()))
    assert heading not in first_on_page.values()

"""The PDF pack as a reader gets it: read back with pypdf, not trusted from the code."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import pdf_text
from reportgen import parse_file, seed_paths
from reportgen import build
from reportgen.i18n.formatting import format_figure


@pytest.fixture(scope="module")
def text(seed_pack: Path) -> str:
    return pdf_text(seed_pack)


def test_the_default_build_writes_the_pack_where_the_readme_says(seed_pack):
    assert seed_pack.name == "briefing-pack.en.pdf"
    assert seed_pack.read_bytes().startswith(b"%PDF-")


def test_every_expert_and_every_figure_of_the_seeds_is_in_the_pdf(text):
    for path in seed_paths():
        brief = parse_file(path)
        for expert in brief.experts:
            assert expert.name in text
        for statistic in brief.statistics:
            assert format_figure(statistic, "en") in text, statistic


def test_the_question_and_the_pack_labels_are_printed(text):
    question = parse_file(seed_paths()[0]).question
    assert " ".join(question.split()) in text
    for label in ("Contents", "At a glance", "Key figures", "Expert summaries", "Statistics",
                  "Full commentary", "The article", "Sources and method", "THE QUESTION", "Monday, December 8, 2025"):
        assert label in text, label


def test_outline_mirrors_the_headings(seed_pack):
    outline = PdfReader(seed_pack).outline
    top = [entry.title for entry in outline if not isinstance(entry, list)]
    assert top == [
        "Contents", "At a glance", "Are Tense Relations Harming Anti-Drug Cooperation?",
        "Strengthening Alliances and Dismantling Cartels: US-Mexico-Ecuador Relations Under Scrutiny",
        "Sources and method",
    ]
    nested = [entry.title for group in outline if isinstance(group, list) for entry in group
              if not isinstance(entry, list)]
    assert "Key figures" in nested and "Expert summaries" in nested


def test_contents_lists_real_page_numbers_and_links_to_them(seed_pack):
    reader = PdfReader(seed_pack)
    contents = " ".join(reader.pages[1].extract_text().split())
    sources_page = next(number for number, page in enumerate(reader.pages, 1)
                        if "Sources and method" in page.extract_text() and number > 2)
    assert contents.rstrip().endswith(str(sources_page))
    links = [annotation.get_object() for annotation in reader.pages[1].get("/Annots", [])]
    assert len([link for link in links if link["/Subtype"] == "/Link"]) >= 5


def test_the_pack_with_contents_is_laid_out_once(monkeypatch, tmp_path):
    """The contents' page numbers are forms defined after layout: no multiBuild, one pass over the story."""
    from reportlab.platypus import BaseDocTemplate

    from reportgen.render.pdf.page import PackTemplate

    passes = []
    begin = PackTemplate.handle_documentBegin
    monkeypatch.setattr(PackTemplate, "handle_documentBegin", lambda self: passes.append(1) or begin(self))
    monkeypatch.setattr(BaseDocTemplate, "multiBuild", lambda *args, **kwargs: pytest.fail("multiBuild called"))
    result = build(out=tmp_path, jobs=1)
    assert not result.errors
    assert "Contents" in pdf_text(result.outputs[0].path)
    assert passes == [1]


def _outline_pages(reader: PdfReader, entries: list, level: int = 0) -> list[tuple[int, str, int]]:
    """(level, title, page) of every outline entry, in order."""
    flat = []
    for entry in entries:
        if isinstance(entry, list):
            flat += _outline_pages(reader, entry, level + 1)
        else:
            flat.append((level, entry.title, reader.get_destination_page_number(entry) + 1))
    return flat


def test_every_contents_line_shows_and_links_to_the_page_its_heading_is_on(seed_pack):
    """Chapters and their sections (a two-article pack lists both): the number printed, the page the
    number links to and the page the outline (the heading's bookmark) goes to are one page."""
    import re

    reader = PdfReader(seed_pack)
    listed = [(title, page) for level, title, page in _outline_pages(reader, reader.outline)
              if level <= 1 and title != "Contents"]
    contents_pages = [page for page in reader.pages[1:6] if ". . ." in " ".join(page.extract_text().split())]
    text = " ".join(" ".join(page.extract_text().split()) for page in contents_pages)
    printed = [int(number) for number in re.findall(r"(?:\. )+\.? ?(\d+)", text)]
    assert printed == [page for _, page in listed]
    for title, page in listed:
        assert title in " ".join(reader.pages[page - 1].extract_text().split()), title
    links = [annotation.get_object() for page in contents_pages for annotation in page.get("/Annots", [])]
    right = max(float(link["/Rect"][2]) for link in links)
    number_links = [link for link in links if float(link["/Rect"][2]) > right - 1]  # those reaching the margin
    assert [reader.get_page_number(link["/Dest"][0].get_object()) + 1 for link in number_links] == printed


def test_every_page_but_the_cover_says_page_x_of_y(seed_pack):
    reader = PdfReader(seed_pack)
    total = len(reader.pages)
    assert "Page 1 of" not in reader.pages[0].extract_text()
    for number, page in enumerate(reader.pages[1:], 2):
        assert f"Page {number} of {total}" in " ".join(page.extract_text().split())


def _fonts(path: Path) -> dict[str, bool]:
    """Base font name → embedded, for every font any page uses."""
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_fonts_are_embedded_subsets_of_the_theme_fonts(seed_pack):
    fonts = _fonts(seed_pack)
    assert all(fonts.values()), fonts
    names = {name.split("+")[-1] for name in fonts}
    assert {"DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif-Bold"} <= names
    assert all("+" in name for name in fonts)  # subset tags


def test_metadata_names_the_pack_brand_and_tool(seed_pack):
    reader = PdfReader(seed_pack)
    info = reader.metadata
    assert info.title == "Briefing pack"
    assert info.author == "reportgen"
    assert info.creator.startswith("reportgen ")
    assert "2 articles" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"


def test_rebuilding_gives_identical_bytes(seed_pack, tmp_path):
    again = build(out=tmp_path, date="2025-12-08").outputs[0].path
    assert again.read_bytes() == seed_pack.read_bytes()


@pytest.mark.parametrize("theme, font, width", [("ink", "Caladea-Regular", 612), ("harbour", "Carlito", 595)])
def test_each_builtin_theme_builds_with_its_own_fonts_and_page(theme, font, width, tmp_path):
    path = build(seed_paths()[:1], style=theme, out=tmp_path).outputs[0].path
    assert font in {name.split("+")[-1] for name in _fonts(path)}
    assert round(float(PdfReader(path).pages[0].mediabox.width)) == width


def test_article_text_is_never_read_as_markup(tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text(
        "Tags <b>& ampersands</b> &nbsp; <font name=x> survive 😀\n\n"
        "Łukasz Kowalski, a senior analyst at the Xóchitl Institute, said the rate rose 12 percent in 2024.\n",
        encoding="utf-8",
    )
    result = build([article], out=tmp_path / "out")
    assert not result.errors
    text = pdf_text(result.outputs[0].path)
    assert "<b>& ampersands</b> &nbsp; <font name=x>" in text
    assert "Łukasz" in text and "Xóchitl" in text
    assert "😀" not in text  # no font has it: left out, never drawn as a box


def test_split_writes_one_pdf_per_article(tmp_path):
    result = build(out=tmp_path, split=True, pack=False)
    names = sorted(output.path.name for output in result.outputs)
    assert names == sorted(f"{parse_file(path).id}.en.pdf" for path in seed_paths())
    single = pdf_text(result.outputs[0].path)
    assert "Contents" not in single and "At a glance" not in single


@pytest.fixture(scope="module")
def article_pack(tmp_path_factory) -> Path:
    """A 14-article pack of the test articles: long enough for page breaks of every kind."""
    articles = Path(__file__).parent / "articles"
    inputs = sorted(p for p in articles.iterdir() if not p.name.endswith(".expected.json"))
    result = build(inputs, out=tmp_path_factory.mktemp("articles"))
    assert not result.errors
    return result.outputs[0].path


def test_every_contents_line_has_the_page_its_chapter_starts_on(article_pack):
    import re

    reader = PdfReader(article_pack)
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    chapters = [(entry.title, reader.get_destination_page_number(entry) + 1)
                for entry in reader.outline if not isinstance(entry, list) and entry.title != "Contents"]
    assert len(chapters) == 14 + 2
    for title, number in chapters:
        assert " ".join(title.split()[:4]) in pages[number - 1], title
    contents = " ".join(text for text in pages[1:6] if ". . ." in text)
    printed = [int(number) for number in re.findall(r"(?:\. )+\.? ?(\d+)", contents)]
    assert printed == [number for _, number in chapters]


def test_no_page_ends_with_a_heading(article_pack):
    headings = {"Key points", "Key figures", "Expert summaries", "Who is quoted", "Statistics",
                "Full commentary", "The article"}
    for number, page in enumerate(PdfReader(article_pack).pages, 1):
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        furniture = ("Prepared with", "Page ", "reportgen", "Briefing pack")  # header and footer lines
        body = [line for line in lines if not line.startswith(furniture)]
        assert body and body[-1] not in headings, (number, body[-3:])


def test_a_long_statistics_table_repeats_its_header_on_every_page(tmp_path):
    import json

    from reportgen.model import Statistic

    brief = parse_file(seed_paths()[0])
    rows = tuple(Statistic(f"{n} percent", str(n), "percent", measure=f"share of measure number {n}",
                           source="A statistics office", sentence="") for n in range(1, 121))
    data = brief.to_dict() | {"statistics": [row.to_dict() for row in rows]}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    pdf = build([path], out=tmp_path / "out", split=True, pack=False).outputs[0].path
    table_pages = [page.extract_text() for page in PdfReader(pdf).pages
                   if page.extract_text().count("Share of measure number") >= 5]
    assert len(table_pages) >= 3
    assert all("What it measures" in text for text in table_pages)


def test_each_thread_draws_its_own_parsed_logo():
    """renderPDF marks a drawing's nodes while drawing it: two threads sharing one drawing broke each
    other's packs now and then ("'Group' object has no attribute '_parent'")."""
    import threading

    from reportgen.render.pdf.page import _svg_drawing
    from reportgen.themes import load_theme

    logo = load_theme("default").logo_svg
    both_running = threading.Barrier(2)
    drawings: list = []

    def draw() -> None:
        both_running.wait(timeout=30)
        first = _svg_drawing(logo)
        assert _svg_drawing(logo) is first  # parsed once per thread
        drawings.append(first)

    threads = [threading.Thread(target=draw) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(drawings) == 2 and drawings[0] is not drawings[1]

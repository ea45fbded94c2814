"""The PDF's pages as a designer checks them, read back from the file: tables sized to their
content, notes that continue a chapter, a running head and a page number where a reader looks,
key figures that read as one row, and the contents' page numbers given to Word."""

from __future__ import annotations

from dataclasses import replace

from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from pdf_reading import runs, underfull_pages
from reportgen import build, parse_file, seed_paths
from reportgen.compose import Brand, compose_pack
from reportgen.compose import blocks as b
from reportgen.model import Pack
from reportgen.render.pdf import contents_pages
from reportgen.render.pdf.columns import ColumnText, Font, column_widths, file_lines
from reportgen.render.pdf.page import PAGE_SIZES
from reportgen.themes import load_theme

THEMES = ("default", "harbour", "ink")


@pytest.fixture(scope="module")
def seed_packs(tmp_path_factory) -> dict[str, Path]:
    """The seed pack in each built-in theme."""
    packs = {}
    for theme in THEMES:
        result = build(out=tmp_path_factory.mktemp(theme), style=theme, date="2025-12-08", jobs=1)
        assert not result.errors
        packs[theme] = result.outputs[0].path
    return packs


def _frame(theme_name: str) -> tuple[float, float]:
    theme = load_theme(theme_name)
    top, _, bottom, _ = theme.margins_mm
    return PAGE_SIZES[theme.page_size][1] - top * mm, bottom * mm


def _document(theme_name: str = "default") -> b.Document:
    theme = load_theme(theme_name)
    briefs = tuple(parse_file(path) for path in seed_paths())
    return compose_pack(Pack(briefs, "Briefing pack", None, "2025-12-08", theme.name), "en",
                        Brand(theme.brand, theme.texts_for("en")))


def _blocks(blocks, kind):
    for block in blocks:
        if isinstance(block, kind):
            yield block
        if isinstance(block, b.Section):
            yield from _blocks(block.children, kind)


def _joined(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("theme", THEMES)
def test_a_short_figure_in_a_statistics_table_is_printed_on_one_line(seed_packs, theme):
    """"45%", "$12 billion", "45 per 100,000 people" never wrap; only a figure with words around its
    number ("more than 100 pounds") may, and never between the number and its unit."""
    lines = {_joined(run.text) for run in runs(seed_packs[theme])}
    figures = [row[0] for table in _blocks(_document(theme).blocks, b.Table) if table.columns[0].numeric
               for row in table.rows]
    short = [figure for figure in figures if len(figure.split()) <= 2 or figure == "45 per 100,000 people"]
    assert short
    for figure in short:
        assert any(figure in line for line in lines), figure


def test_column_widths_follow_what_the_columns_hold():
    font = Font("Helvetica", 9)
    columns = [ColumnText("Figure", ["about 45,000,000 metric tons", "45%"], font, font, "figure"),
               ColumnText("Period", ["—", "—"], font, font),
               ColumnText("Source", ["Institute for Economics and Peace, annual global report"], font, font)]
    figure, period, source = column_widths(columns, 400, 6)
    assert period < figure < source
    assert figure >= font.width("45,000,000 metric") + 12  # a figure breaks between its words at most
    assert sum((figure, period, source)) == pytest.approx(400)


def test_a_file_name_breaks_only_after_a_separator():
    font = Font("Helvetica", 9)
    lines = file_lines("archive/2025/latin-america/ecuador_security_briefing_final.txt", font, 80)
    assert len(lines) > 1
    assert all(line[-1] in "/_-." for line in lines[:-1])
    assert "".join(lines) == "archive/2025/latin-america/ecuador_security_briefing_final.txt"


@pytest.mark.parametrize("theme", THEMES)
def test_no_page_of_the_seed_pack_holds_notes_alone(seed_packs, theme):
    """The notes continue their chapter's last page: no page starts with their heading, and no page
    holds only notes continued from the one before (nothing on it at the body's size)."""
    path = seed_packs[theme]
    body = load_theme(theme).sizes["body"]
    pages = _by_page(runs(path), *_frame(theme))
    for number, page_runs in pages.items():
        assert _joined(page_runs[0].text) != "Notes and sources", f"page {number} starts with the notes"
        before = pages.get(number - 1, [])
        if any(_joined(run.text) == "Notes and sources" for run in before):
            assert any(run.size >= body - 0.1 for run in page_runs), f"page {number} holds only notes"


def _by_page(found, top, bottom):
    pages: dict[int, list] = {}
    for run in found:
        if bottom - 2 <= run.y <= top + 2:
            pages.setdefault(run.page, []).append(run)
    return {page: sorted(items, key=lambda run: -run.y) for page, items in sorted(pages.items()) if page > 1}


@pytest.mark.parametrize("theme", THEMES)
def test_no_page_is_under_a_third_full_but_a_chapters_last(seed_packs, theme):
    assert underfull_pages(seed_packs[theme], *_frame(theme)) == []


@pytest.mark.parametrize("theme", THEMES)
def test_the_running_head_names_the_chapter_and_the_page_number_is_at_the_right(seed_packs, theme):
    path = seed_packs[theme]
    top, _ = _frame(theme)
    width = PAGE_SIZES[load_theme(theme).page_size][0]
    right_margin = load_theme(theme).margins_mm[1] * mm
    reader = PdfReader(path)
    chapter = next(item for item in reader.outline if not isinstance(item, list) and "Tense" in item.title)
    page = reader.get_destination_page_number(chapter) + 2  # the chapter's second page
    found = runs(path)
    head = " ".join(_joined(run.text) for run in found if run.page == page and run.y > top)
    assert "Are Tense Relations" in head
    contents_head = " ".join(_joined(run.text) for run in found if run.page == 2 and run.y > top)
    assert "Tense" not in contents_head and "Briefing pack" in contents_head
    assert _page_number_end(reader, page, theme) == pytest.approx(width - right_margin, abs=1)


def _page_number_end(reader: PdfReader, page: int, theme: str) -> float:
    """Where "Page X of Y" ends: the text of its form ends at the form's origin, placed by the `cm`
    before it is drawn (pypdf reads a form's text in the form's own space)."""
    import re

    content = reader.pages[page - 1].get_contents().get_data().decode("latin-1")
    placed = re.search(r"1 0 0 1 ([\d.]+) [\d.]+ cm\s*/FormXob\.rg-page-\d+ Do", content)
    assert placed, "the page number is not drawn"
    number = next(run for run in runs_of_page(reader, page) if run.text.startswith("Page "))
    assert number.text.startswith(f"Page {page} of "), number.text
    width = float(placed.group(1)) + number.x  # the run starts this far left of the origin
    return width + _text_width(number.text.strip(), number.size, theme)


def runs_of_page(reader: PdfReader, page: int) -> list:
    found = []
    reader.pages[page - 1].extract_text(visitor_text=lambda text, cm, tm, font, size: found.append(
        type("R", (), {"text": text, "x": cm[4] + tm[4], "size": size})) if text.strip() else None)
    return found


def _text_width(text: str, size: float, theme: str) -> float:
    from reportgen.render.pdf.fonts import register_family

    family = register_family(load_theme(theme).body_font)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, family.regular, size)


@pytest.mark.parametrize("theme", THEMES)
def test_the_key_figures_of_a_row_share_one_size_and_one_baseline(seed_packs, theme):
    found = [run for run in runs(seed_packs[theme])]
    for block in _blocks(_document(theme).blocks, b.KeyFigures):
        per_row = 2 if len(block.items) in (1, 2, 4) else 3
        for start in range(0, len(block.items), per_row):
            row = block.items[start:start + per_row]
            placed = [next(run for run in found if _joined(run.text).startswith(_joined(item.figure).split()[0])
                           and run.size > 10) for item in row]
            assert len({round(run.size, 1) for run in placed}) == 1, [item.figure for item in row]
            assert len({(run.page, round(run.y, 1)) for run in placed}) == 1, [item.figure for item in row]


def test_contents_pages_are_the_numbers_the_pdf_prints(seed_packs, monkeypatch):
    import re

    from reportgen.render.pdf import document as pdf_document

    theme = load_theme("default")
    document = _document()
    pdf_document.render_pdf(document, theme)
    laid_out = []
    monkeypatch.setattr(pdf_document, "_lay_out", lambda *args: laid_out.append(args))
    pages = contents_pages(document, theme)  # remembered from the render: no second layout
    assert not laid_out
    reader = PdfReader(seed_packs["default"])
    printed = [int(number) for number in re.findall(r"(?:\. )+\.? ?(\d+)", _joined(reader.pages[1].extract_text()))]
    assert [pages[anchor] for anchor in _listed(document.blocks)] == printed


def test_without_a_pdf_render_the_contents_pages_come_from_a_layout_that_writes_nothing():
    """A Word-only build lays the PDF out for its contents' numbers but never writes (compresses, subsets) it."""
    from reportgen.render.pdf import document as pdf_document

    theme = load_theme("default")
    fresh = replace(_document(), meta=replace(_document().meta, title="Not rendered before"))
    written, pages = pdf_document._lay_out(fresh, theme)
    unwritten, same_pages = pdf_document._lay_out(fresh, theme, write=False)
    assert written.startswith(b"%PDF") and unwritten == b""
    assert same_pages == pages and len(pages) > 10


def _listed(blocks, depth: int = 0) -> list[str]:
    """The anchors the contents lists, in order: chapters and the headings right under them."""
    found = []
    for block in blocks:
        if isinstance(block, b.Section) and block.in_contents and depth < 2:
            found += [block.anchor, *_listed(block.children, depth + 1)]
        elif isinstance(block, b.Notes) and depth < 2:
            found.append(block.anchor)
    return found

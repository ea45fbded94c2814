"""The Word pack's page furniture and pagination, read back: cards kept with their heading, a running head
with the chapter's title, page numbers at the right, sizes from the theme."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from conftest import NEWS_SEED, QA_SEED
from reportgen import parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render.docx.document import render_docx
from reportgen.themes import load_theme
from reportgen.wordpack import (
    CHAPTER_HEADING, EXPERT_NAME, EXPERT_ROLE, EXPERT_SUMMARY, FIGURE_SOURCE, FOOTNOTE_TEXT, HEADER_TEXT, KEY_FIGURE,
    KEY_FIGURE_LABEL, KEY_FIGURE_QUALIFIER, TABLE_FIGURE, TABLE_HEADING, TABLE_TEXT,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def word(theme):
    pack = Pack((parse_file(QA_SEED), parse_file(NEWS_SEED)), "Pack title", date="2025-12-08")
    document = compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))
    return docx.Document(BytesIO(render_docx(document, theme)))


def _keeps_with_next(word, paragraph) -> bool:
    """Whether the paragraph keeps with the next: set on it, or on its style (or a style it is based on)."""
    if paragraph._p.find(f"{W}pPr/{W}keepNext") is not None:
        return True
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return style.paragraph_format.keep_with_next
        style = style.base_style
    return False


def _tables_holding(word, style_name: str):
    return [table for table in word.tables
            if any(p.style.name == style_name for row in table.rows for cell in row.cells for p in cell.paragraphs)]


def test_a_row_of_key_figure_cards_keeps_with_its_heading_and_the_next_row(word):
    for name in ("Heading 1", "Heading 2", "Heading 3", KEY_FIGURE, KEY_FIGURE_QUALIFIER, KEY_FIGURE_LABEL,
                 FIGURE_SOURCE):
        assert word.styles[name].paragraph_format.keep_with_next, name
    tables = _tables_holding(word, KEY_FIGURE)
    assert tables
    for table in tables:
        for row in table.rows:
            assert row._tr.find(f"{W}trPr/{W}cantSplit") is not None
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    if paragraph.text:
                        assert _keeps_with_next(word, paragraph), paragraph.text


def test_the_first_expert_card_keeps_with_its_heading_and_the_others_may_break(word):
    tables = _tables_holding(word, EXPERT_NAME)
    assert tables
    for table in tables:
        cards = [row for row in table.rows if any(p.style.name == EXPERT_NAME for p in row.cells[0].paragraphs)]
        first, *others = cards
        assert all(_keeps_with_next(word, p) for p in first.cells[0].paragraphs if p.text)
        for card in others:  # a long run of cards may break between cards
            summary = [p for p in card.cells[0].paragraphs if p.style.name in (EXPERT_SUMMARY, EXPERT_ROLE)]
            assert not _keeps_with_next(word, summary[-1])


def test_the_running_head_shows_the_chapter_title_and_the_page_number_is_at_the_right(word):
    section = word.sections[0]
    header = section.header.paragraphs[0]._p
    instructions = [text.text.strip() for text in header.iter(f"{W}instrText")]
    assert instructions == [f'STYLEREF "{CHAPTER_HEADING}"']
    header_text = "".join(t.text for t in header.iter(f"{W}t"))
    assert header_text.endswith("Pack title")  # the field's result until Word lays the pages out
    footer = section.footer.paragraphs[0]._p
    children = [child for run in footer.iter(f"{W}r") for child in run if child.tag != f"{W}rPr"]
    first_field = next(i for i, child in enumerate(children) if child.tag == f"{W}fldChar")
    assert any(child.tag == f"{W}tab" for child in children[:first_field])  # page number after the tab
    stops = section.footer.paragraphs[0].style.paragraph_format.tab_stops
    assert [stop.alignment for stop in stops] == [docx.enum.text.WD_TAB_ALIGNMENT.RIGHT]


@pytest.mark.parametrize("small, body", [(8.5, 10.5), (9.0, 11.0)])
def test_body_table_and_note_sizes_come_from_the_theme(theme, small, body):
    """Nothing in the Word pack sets a table cell, note or running line smaller than the theme's "small"."""
    from dataclasses import replace

    sized = replace(theme, sizes={**theme.sizes, "small": small, "body": body})
    pack = Pack((parse_file(QA_SEED),), "Pack", date="2025-12-08")
    document = compose_pack(pack, "en", Brand(sized.brand, sized.texts_for("en")))
    word = docx.Document(BytesIO(render_docx(document, sized)))
    assert word.styles["Normal"].font.size.pt == body
    for name in (TABLE_TEXT, TABLE_FIGURE, TABLE_HEADING, FOOTNOTE_TEXT, HEADER_TEXT):
        assert word.styles[name].font.size.pt == small, name
    key_figure = word.styles[KEY_FIGURE].style_id
    sized = [size for size in word.element.body.iter(qn("w:sz"))
             if size.getparent().getparent().getparent().find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val"))
             != key_figure]
    assert not sized  # no run but a shrunk key figure carries a size of its own: every size is its style's


def test_the_key_figures_of_a_row_share_one_size_at_which_the_longest_fits_its_card(word, theme):
    from reportgen.render.widths import estimated_width

    key_figure = word.styles[KEY_FIGURE].style_id
    rows = [row for table in word.tables for row in table.rows
            if any(p.style.style_id == key_figure for cell in row.cells for p in cell.paragraphs)]
    assert rows
    shrunk = 0
    for row in rows:
        sizes, widths = set(), []
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                if paragraph.style.style_id == key_figure:
                    run = paragraph.runs[0]
                    size = run.font.size.pt if run.font.size else theme.sizes["figure"]
                    sizes.add(size)
                    widths.append((estimated_width(run.text, size, bold=True), cell.width.pt))
        assert len(sizes) == 1, sizes  # never one card silently smaller than its neighbours
        shrunk += sizes != {theme.sizes["figure"]}
        assert all(needed < room for needed, room in widths)
    assert shrunk  # "45 per 100,000 people" is shrunk, with its row, rather than wrapped over three lines


def _grid(table) -> list[int]:
    return [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.iter(qn("w:gridCol"))]


def test_statistics_columns_are_sized_to_their_text_and_figures_stay_on_one_line(word, theme):
    from reportgen.render.widths import estimated_width

    tables = [t for t in word.tables if t.rows[0].cells[0].text == "Figure"]
    assert tables
    small = theme.sizes["small"]
    for table in tables:
        widths = _grid(table)
        text_width = sum(widths)
        assert abs(widths[0] / text_width - 0.16) > 0.02  # not the fixed share of old
        for row in table.rows[1:]:
            figure = row.cells[0].paragraphs[0]
            assert figure.style.name == TABLE_FIGURE and figure.style.paragraph_format.alignment == 2  # right
            value = "".join(r.text for r in figure.runs)  # the figure without its note's number
            # A short figure ("45%", "$12 billion") fits on one line, inside the cell margins; a longer
            # one ("45 per 100,000 people") may wrap between its words, never inside one.
            unbroken = value if len(value.split()) <= 2 else max(value.split(), key=len)
            assert estimated_width(unbroken, small, bold=True) * 20 < widths[0] - 200, value
        for index, title in enumerate(cell.text for cell in table.rows[0].cells):
            longest = max(estimated_width(word_, small, bold=True) * 20 for word_ in title.split())
            assert longest < widths[index] - 200, title  # no title breaks mid-word


def test_file_names_in_sources_break_only_after_separators(word):
    [table] = [t for t in word.tables if t.rows[0].cells[0].text == "Article" and len(t.columns) == 4
               and t.rows[0].cells[1].text == "File"]
    for row in table.rows[1:]:
        name = row.cells[1].text
        assert "\u200b" in name
        for piece in name.split("\u200b")[:-1]:
            assert piece[-1] in "/_-.", piece
        assert "\u200b" not in row.cells[0].text  # a title breaks between its words as usual


def test_fitted_widths_keep_minimums_and_give_short_columns_their_line():
    from reportgen.render.widths import fitted

    widths = fitted([100, 50, 50, 60], [2000, 80, 90, 400], 1000)
    assert abs(sum(widths) - 1000) < 1e-6
    assert widths[1:3] == [80, 90]  # short columns on one line
    assert all(width >= low for width, low in zip(widths, [100, 50, 50, 60]))
    assert widths[0] > widths[3]  # the long column takes most of the rest
    assert fitted([10, 10], [20, 30], 100) == [40.0, 60.0]  # all on one line: the rest shared by line
    assert fitted([300, 300], [400, 400], 500) == [250.0, 250.0]  # overfull: all shrink alike


def test_a_lone_key_figure_card_is_half_the_width_not_the_whole_page(theme):
    from dataclasses import replace

    brief = parse_file(NEWS_SEED)
    lone = replace(brief, statistics=brief.statistics[:1])
    document = compose_pack(Pack((lone,), "Pack", date="2025-12-08"), "en", Brand(theme.brand, theme.texts_for("en")))
    word = docx.Document(BytesIO(render_docx(document, theme)))
    key_figure = word.styles[KEY_FIGURE].style_id
    [table] = [t for t in word.tables if any(p.style.style_id == key_figure for c in t.rows[0].cells for p in c.paragraphs)]
    grid = _grid(table)
    card = next(c for c in table.rows[0].cells if any(p.style.style_id == key_figure for p in c.paragraphs))
    assert card.width.twips < sum(grid) * 0.6

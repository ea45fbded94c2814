"""Cards, the question, key figures and notes in the PDF: drawn directly, read back with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from reportgen import parse_file, seed_paths
from reportgen.compose import Brand, blocks as b, compose_pack
from reportgen.model import Pack
from reportgen.render import renderer_for
from reportgen.themes import load_theme


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def document(theme) -> b.Document:
    pack = Pack(tuple(parse_file(path) for path in seed_paths()), "Briefing pack", date="2025-12-08")
    return compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))


def _all(blocks: tuple, kind: type) -> list:
    """Every block of ``kind`` at any depth, in order."""
    found = []
    for block in blocks:
        if isinstance(block, kind):
            found.append(block)
        if isinstance(block, b.Section):
            found += _all(block.children, kind)
    return found


def _pages(document: b.Document, theme) -> list[str]:
    reader = PdfReader(BytesIO(renderer_for("pdf").render(document, theme)))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


def _with_blocks(document: b.Document, change) -> b.Document:
    """``document`` with ``change(block)`` applied to every block at any depth."""
    def walk(blocks: tuple) -> tuple:
        changed = []
        for block in blocks:
            if isinstance(block, b.Section):
                block = replace(block, children=walk(block.children))
            changed.append(change(block))
        return tuple(changed)

    return replace(document, blocks=walk(document.blocks))


def test_cards_figures_the_question_and_notes_show_their_text(document, theme):
    text = " ".join(_pages(document, theme))
    for card in _all(document.blocks, b.ExpertCard):
        assert card.name in text
        assert " ".join(card.summary.split()) in text, card.name
    for figures in _all(document.blocks, b.KeyFigures):
        for figure in figures.items:
            assert figure.label in text and figure.source in text, figure.label
    for question in _all(document.blocks, b.Question):
        assert " ".join(question.text.split()) in text
    notes = [note for block in _all(document.blocks, b.Notes) for note in block.items]
    assert notes
    for note in notes:
        assert " ".join(note.sentence.split()) in text
        assert " · ".join(part for part in (note.source, note.cited_by) if part) in text


def test_a_short_card_is_never_cut_across_pages(document, theme):
    """Each card's name and the end of its summary are on one page, wherever the card falls."""
    pages = _pages(document, theme)
    for card in _all(document.blocks, b.ExpertCard):
        ending = " ".join(card.summary.split()[-6:])
        holding = [number for number, page in enumerate(pages) if card.name in page and ending in page]
        assert holding, card.name


def test_a_card_taller_than_a_page_goes_on_over_the_next_pages(document, theme):
    long_summary = " ".join(f"Point {index} of a summary far longer than any page can hold." for index in range(400))
    first = _all(document.blocks, b.ExpertCard)[0]
    tall = _with_blocks(document, lambda block: replace(block, summary=long_summary) if block == first else block)
    pages = _pages(tall, theme)
    holding = [number for number, page in enumerate(pages) if "of a summary far longer" in page]
    assert len(holding) >= 3 and holding == list(range(holding[0], holding[-1] + 1))
    # every point once, in order: nothing drawn off a page (a page's running head and footer may
    # come between "Point" at its foot and the number that starts the next page)
    read = re.sub(r"Briefing pack [^.]*?Prepared with reportgen Page \d+ of \d+ ", "", " ".join(pages) + " ")
    shown = [int(number) for number in re.findall(r"Point (\d+)", read)]
    assert shown == list(range(400))


def test_cards_figures_the_question_and_notes_are_not_tables(document, theme):
    """Only the statistics-like tables are reportlab Tables; a one-cell Table per card re-measures itself
    on every wrap."""
    from reportlab.platypus import Table

    from reportgen.render.pdf.flowables import Story
    from reportgen.render.pdf.fonts import Typeset, register_family
    from reportgen.render.pdf.styles import palette, paragraph_styles

    body, heading = register_family(theme.body_font), register_family(theme.heading_font)
    story = Story(paragraph_styles(theme, body, heading), palette(theme), Typeset(body), Typeset(heading),
                  480, 700).flowables(document.blocks)
    tables = [flowable for flowable in story if isinstance(flowable, Table)]
    assert len(tables) == len(_all(document.blocks, b.Table))

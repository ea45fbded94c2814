"""A Word pack's contents numbers its entries as the PDF does, though nothing of the PDF is drawn.

``contents_pages`` with no PDF render of the same document behind it lays the
PDF out without drawing (no furniture, no cover, no flowable drawn), whole or
in two parts that two processes count at once. Every
heading's page must be the page it starts on in the PDF a reader opens: read
here from that PDF's own named destinations (each heading's bookmark), for the
seed pack and the 60 development articles, in English and Spanish and in every
built-in theme.
"""

from __future__ import annotations

from io import BytesIO

import pytest
from pypdf import PdfReader

from conftest import ROOT
from pdf_reading import outline_pages
from reportgen import parse_file, seed_paths
from reportgen.compose import Brand, compose_pack
from reportgen.compose.blocks import Document, Notes, Section
from reportgen.model import Pack
from reportgen.render.pdf import document as pdf_document
from reportgen.render.pdf import contents_pages, contents_pages_in_parts, joined_contents_pages
from reportgen.themes import load_theme

DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles" / "articles"
THEMES = ("default", "harbour", "ink")
LANGUAGES = ("en", "es")


@pytest.fixture(scope="module")
def seed_briefs() -> tuple:
    return tuple(parse_file(path) for path in seed_paths())


@pytest.fixture(scope="module")
def dev_briefs() -> tuple:
    if not DEV_ARTICLES.is_dir():
        pytest.skip("../shared/dev-articles is not beside the project")
    return tuple(parse_file(path) for path in sorted(DEV_ARTICLES.iterdir()))


@pytest.fixture(autouse=True)
def no_recent_layouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing laid out before: ``contents_pages`` must paginate on its own, not reuse a render's pages."""
    monkeypatch.setattr(pdf_document, "_recent", [])


def _headings(document: Document) -> list[tuple[str, str]]:
    """(anchor, title) of every section and notes heading in reading order: what the contents may list."""
    found: list[tuple[str, str]] = []

    def walk(blocks: tuple) -> None:
        for block in blocks:
            if isinstance(block, (Section, Notes)):
                found.append((block.anchor, block.title))
            if isinstance(block, Section):
                walk(block.children)

    walk(document.blocks)
    return found


def _rendered_pages(document: Document, theme, headings: list[tuple[str, str]]) -> dict[str, int]:
    """Each heading's anchor → the page its outline entry opens in the rendered PDF."""
    # in reading order, with entries no heading here has (a commentator)
    entries = iter(outline_pages(PdfReader(BytesIO(pdf_document.render_pdf(document, theme)))))
    return {anchor: next(page for entry, page in entries if entry == title) for anchor, title in headings}


def _assert_same_pages(briefs: tuple, theme_name: str, language: str) -> None:
    theme = load_theme(theme_name)
    document = compose_pack(Pack(briefs, "Pagination", date="2026-01-15"), language,
                            Brand(theme.brand, theme.texts_for(language)))
    paginated = contents_pages(document, theme)  # first: no render of this document before it
    headings = _headings(document)
    assert set(paginated) == {anchor for anchor, _ in headings}
    rendered = _rendered_pages(document, theme, headings)
    assert paginated == rendered
    # in two parts, as two processes count them at once: the back from a body page, the front's contents listing all
    front, back = (contents_pages_in_parts(document, theme, part) for part in (False, True))
    assert back.starts and joined_contents_pages(front, back) == rendered


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme_name", THEMES)
def test_seed_pack_paginates_undrawn_as_its_pdf(seed_briefs: tuple, theme_name: str, language: str) -> None:
    _assert_same_pages(seed_briefs, theme_name, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("theme_name", THEMES)
def test_dev_pack_paginates_undrawn_as_its_pdf(dev_briefs: tuple, theme_name: str, language: str) -> None:
    _assert_same_pages(dev_briefs, theme_name, language)


def test_paginating_draws_nothing(seed_briefs: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    """No text, box, rule, logo or page furniture is drawn for page numbers alone: that is its whole saving."""
    from reportlab.pdfgen.canvas import Canvas

    def drawn(*args, **kwargs) -> None:
        raise AssertionError("something was drawn while only paginating")

    for operation in ("drawText", "drawString", "drawRightString", "rect", "roundRect", "line", "doForm",
                      "drawImage", "bookmarkPage", "addOutlineEntry"):
        monkeypatch.setattr(Canvas, operation, drawn)
    theme = load_theme("harbour")  # a cover with a logo
    document = compose_pack(Pack(seed_briefs, "Pagination", date="2026-01-15"), "en",
                            Brand(theme.brand, theme.texts_for("en")))
    assert set(contents_pages(document, theme)) == {anchor for anchor, _ in _headings(document)}

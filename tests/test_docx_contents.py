"""The Word contents: a TOC field whose cached result lists every entry, linked to its heading, with the page
numbers a caller gives (the PDF's), so Word need not ask to update fields on opening."""

from __future__ import annotations

from io import BytesIO

import docx
import pytest

from conftest import NEWS_SEED, QA_SEED
from pdf_reading import outline_pages
from reportgen import parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render import renderer_for
from reportgen.themes import load_theme

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def document():
    theme = load_theme("default")
    pack = Pack((parse_file(QA_SEED), parse_file(NEWS_SEED)), "Pack", date="2025-12-08")
    return theme, compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))


def _word(document, pages=None):
    theme, composed = document
    return docx.Document(BytesIO(renderer_for("docx").render(composed, theme, pages)))


def _entries(word) -> list:
    """The contents' paragraphs: from the one holding the TOC field's start to the one holding its end."""
    paragraphs = list(word.element.body.iter(f"{W}p"))
    first = next(i for i, p in enumerate(paragraphs) if any("TOC" in t.text for t in p.iter(f"{W}instrText")))
    depth = 0  # fields open: the TOC, and a PAGEREF inside an entry
    for index, paragraph in enumerate(paragraphs[first:], first):
        for mark in paragraph.iter(f"{W}fldChar"):
            depth += {"begin": 1, "end": -1}.get(mark.get(f"{W}fldCharType"), 0)
        if depth == 0:
            return paragraphs[first:index + 1]
    raise AssertionError("the contents field never ends")


def _heading_bookmarks(word) -> dict[str, str]:
    """Bookmark name → the text of the heading it holds."""
    found = {}
    for start in word.element.body.iter(f"{W}bookmarkStart"):
        paragraph = start.getparent()
        if paragraph.find(f"{W}pPr/{W}pStyle").get(f"{W}val").startswith("Heading"):
            found[start.get(f"{W}name")] = "".join(t.text for t in paragraph.iter(f"{W}t"))
    return found


def test_given_page_numbers_appear_in_the_cached_contents_and_no_update_is_forced(document):
    _theme, composed = document
    sections = [s for s in composed.sections() if s.in_contents and s.level <= 2]
    pages = {section.anchor: 3 + index for index, section in enumerate(sections)}
    word = _word(document, pages)
    entries = _entries(word)
    assert len(entries) == len(sections)
    headings = _heading_bookmarks(word)
    for paragraph, section in zip(entries, sections):
        link = paragraph.find(f"{W}hyperlink")
        assert headings[link.get(f"{W}anchor")] == section.title  # the entry links to its own heading
        texts = [t.text for t in link.iter(f"{W}t")]
        assert texts == [section.title, str(pages[section.anchor])]
        assert link.find(f"{W}r/{W}tab") is not None
        assert any(t.text.strip().startswith("PAGEREF _Toc") for t in link.iter(f"{W}instrText"))
    assert word.settings.element.find(f"{W}updateFields") is None
    begin = entries[0].find(f".//{W}fldChar")
    assert begin.get(f"{W}dirty") is None
    leader = word.styles["toc 1"].paragraph_format.tab_stops[0]
    assert leader.leader == docx.enum.text.WD_TAB_LEADER.DOTS


def test_by_default_the_word_contents_carries_the_pdfs_page_numbers(tmp_path):
    """Built as a user builds both: every Word entry's cached page is the page its heading starts on in the
    PDF (read from the PDF's outline), and Word is not asked to update fields on opening."""
    from pypdf import PdfReader

    from reportgen import build

    result = build([QA_SEED, NEWS_SEED], formats=["docx", "pdf"], out=tmp_path, date="2025-12-08", jobs=1)
    paths = {output.format: output.path for output in result.outputs}
    outline = outline_pages(PdfReader(paths["pdf"]))  # in reading order: "Key figures" is in every chapter
    word = docx.Document(str(paths["docx"]))
    entries = [[t.text for t in paragraph.find(f"{W}hyperlink").iter(f"{W}t")] for paragraph in _entries(word)]
    assert len(entries) > 10
    remaining = iter(outline)
    for title, page in entries:
        outline_page = next(number for name, number in remaining if name == title)  # its next outline item
        assert int(page) == outline_page, title
    assert word.settings.element.find(f"{W}updateFields") is None

"""The Word body written as markup in bulk from one parsed template: same XML as python-docx, nothing shared
between documents that should not be, and a big pack still Word-shaped (header rows repeat, every style real)."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn

from conftest import NEWS_SEED, QA_SEED
from reportgen import parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render.docx import fragments
from reportgen.render.docx.document import _styled_template, render_docx
from reportgen.themes import load_theme
from reportgen.wordpack import TABLE_HEADING, TABLE_STYLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def briefs():
    return parse_file(QA_SEED), parse_file(NEWS_SEED)


def _document(theme, briefs, title: str = "Pack"):
    pack = Pack(tuple(briefs), title, date="2025-12-08")
    return compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))


@pytest.mark.parametrize("text", ["plain", "A & B <c> d", " leading", "trailing\u00a0", "tab\there",
                                  "two\nlines", "cr\r\nlf", "\tstarts", "ends\n", "ctrl\x07char", "€ · ñ"])
def test_a_run_written_as_markup_is_the_run_python_docx_writes(text):
    reference = docx.Document().add_paragraph().add_run(fragments.xml_safe(text))._r
    ours = docx.oxml.parse_xml(f'<w:p xmlns:w="{fragments.W_NS}">{fragments.run(text)}</w:p>')[0]
    assert [(child.tag, child.text, dict(child.attrib)) for child in ours] == \
           [(child.tag, child.text, dict(child.attrib)) for child in reference]


def test_the_template_is_read_and_styled_once_for_many_documents(theme, briefs, monkeypatch):
    opened = []
    real = docx.Document
    monkeypatch.setattr(docx, "Document", lambda *args, **kwargs: opened.append(args) or real(*args, **kwargs))
    _styled_template.cache_clear()
    document = _document(theme, briefs)
    render_docx(document, theme)
    first = len(opened)
    for _ in range(5):
        render_docx(document, theme)
    assert len(opened) == first  # copies of the parsed template, not a package read per document


def test_documents_copied_from_one_template_share_nothing_they_write(theme, briefs):
    _styled_template.cache_clear()
    big = docx.Document(BytesIO(render_docx(_document(theme, briefs, "First pack"), theme)))
    small = docx.Document(BytesIO(render_docx(_document(theme, briefs[:1], "Second pack"), theme)))
    big_notes = big.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.FOOTNOTES).element
    small_notes = small.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.FOOTNOTES).element
    assert len(small_notes) < len(big_notes)
    assert small.core_properties.title == "Second pack"
    assert not any("First pack" in paragraph.text for paragraph in small.paragraphs)
    assert len(small.element.body.findall(qn("w:sectPr"))) == 1
    fresh = docx.Document(BytesIO(render_docx(_document(theme, briefs, "First pack"), theme)))
    assert fresh.element.xml == big.element.xml  # the template itself was not written into


def test_a_big_pack_keeps_every_header_row_every_style_and_every_note(theme, briefs):
    many = tuple(replace(brief, title=f"{brief.title} ({number})") for number in range(12) for brief in briefs)
    word = docx.Document(BytesIO(render_docx(_document(theme, many), theme)))
    style_ids = {style.style_id for style in word.styles}
    body = word.element.body
    assert {p.get(qn("w:val")) for p in body.iter(qn("w:pStyle"))} <= style_ids
    statistics = [table for table in word.tables if table.style is not None and table.style.name == TABLE_STYLE]
    assert len(statistics) >= len(many)
    for table in statistics:
        rows = table._tbl.tr_lst
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        assert all(cell.paragraphs[0].style.name == TABLE_HEADING for cell in table.rows[0].cells)
    marks = [mark.get(qn("w:id")) for mark in body.iter(qn("w:footnoteReference"))]
    notes = word.part.part_related_by(docx.opc.constants.RELATIONSHIP_TYPE.FOOTNOTES).element
    written = [note.get(qn("w:id")) for note in notes.findall(qn("w:footnote")) if note.get(qn("w:type")) is None]
    assert marks and marks == written == [str(number) for number in range(1, len(marks) + 1)]

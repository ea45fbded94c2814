"""The styled Word templates a process keeps: an edited reference .docx is read again, and they are few."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt

from conftest import QA_SEED
from reportgen import build
from reportgen.compose.blocks import Document, Meta
from reportgen.render.docx.document import _styled_template, render_docx
from reportgen.themes import load_theme


def _reference(path, heading_size: int) -> None:
    template = docx.Document()
    template.styles["Heading 1"].font.size = Pt(heading_size)
    template.save(str(path))


def _heading_size(built) -> Pt:
    return docx.Document(str(built)).styles["Heading 1"].font.size


def test_a_reference_docx_edited_between_two_builds_in_one_process_gives_its_new_styles(tmp_path):
    reference = tmp_path / "house.docx"
    _reference(reference, 30)
    first = build([QA_SEED], formats=["docx"], out=tmp_path / "out", reference_docx=reference, jobs=1)
    assert _heading_size(first.outputs[0].path) == Pt(30)
    _reference(reference, 18)  # the user restyles the template and builds again, in the same session
    second = build([QA_SEED], formats=["docx"], out=tmp_path / "out", reference_docx=reference, jobs=1)
    assert _heading_size(second.outputs[0].path) == Pt(18)


def test_the_templates_kept_are_bounded_and_an_unchanged_theme_is_styled_once():
    theme = load_theme("default")
    document = Document(Meta(title="Pack", subject="", author="Brand", keywords=(), language="en", footer="",
                             page_label="Page {page} of {pages}"))
    bound = _styled_template.cache_info().maxsize
    _styled_template.cache_clear()
    render_docx(document, theme)
    render_docx(document, theme)
    assert _styled_template.cache_info().hits == 1
    for number in range(bound + 2):
        render_docx(document, replace(theme, brand=f"Brand {number}"))
    assert _styled_template.cache_info().currsize == bound


@pytest.mark.parametrize("first, then", [("en", "es"), ("es", "en")])
def test_a_template_made_from_another_languages_gives_the_bytes_of_one_made_afresh(first, then):
    """A theme's second language starts from its first's styled template, changing only languages."""
    from reportgen import parse_file
    from reportgen.model import Pack
    from reportgen.pipeline.run import _render
    from reportgen.render.docx import document

    theme, brief = load_theme("harbour"), parse_file(QA_SEED)
    pack = Pack((brief,), brief.title, None, "2025-12-08", theme.name)
    document._styled_template.cache_clear()
    document._styled_in_another_language.clear()
    afresh = _render(pack, "docx", then, theme)
    document._styled_template.cache_clear()
    document._styled_in_another_language.clear()
    _render(pack, "docx", first, theme)
    assert len(document._styled_in_another_language) == 1  # the first language's, to start from
    derived = _render(pack, "docx", then, theme)
    assert derived == afresh
    languages = {element.get(qn("w:val")) for element in docx.Document(BytesIO(derived)).styles.element.iter(qn("w:lang"))}
    assert languages == {"es-ES" if then == "es" else "en-US"}

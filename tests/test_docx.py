"""The Word pack read back with python-docx (and opened by LibreOffice when it is installed)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from conftest import NEWS_SEED, QA_SEED, pdf_text
from reportgen import parse_file, seed_paths
from reportgen import build
from reportgen.i18n.formatting import format_figure

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def pack_path(tmp_path_factory) -> Path:
    result = build(formats=["docx"], out=tmp_path_factory.mktemp("docx"), date="2025-12-08")
    assert not result.errors
    return result.outputs[0].path


@pytest.fixture(scope="module")
def pack(pack_path):
    return docx.Document(str(pack_path))


def _paragraphs(document):
    """Every paragraph, in the body and inside table cells, in order."""
    for block in document.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs
        else:
            yield block


def _styled(document, style: str) -> list[str]:
    """The text of each paragraph in ``style``, without the note marks (footnote references and NOTEREF
    fields, all in the footnote reference style)."""
    def text(paragraph) -> str:
        return "".join(t.text for run in paragraph._p.iter(f"{W}r") for t in run.iter(f"{W}t")
                       if run.find(f"{W}rPr/{W}rStyle[@{W}val='FootnoteReference']") is None)

    return [text(p) for p in _paragraphs(document) if p.style.name == style]


def test_the_default_docx_build_writes_the_pack_beside_the_pdf(pack_path):
    assert pack_path.name == "briefing-pack.en.docx"


def test_paragraphs_carry_the_named_styles(pack):
    qa, news = parse_file(QA_SEED), parse_file(NEWS_SEED)
    assert _styled(pack, "Title") == ["Briefing pack"]
    assert _styled(pack, "Subtitle") == ["2 articles · 6 experts · 7 figures"]
    assert _styled(pack, "Heading 1") == ["At a glance", qa.title, news.title, "Sources and method"]
    assert "Key figures" in _styled(pack, "Heading 2")
    assert _styled(pack, "Intense Quote") == [qa.question]
    assert _styled(pack, "Expert Name") == [e.name for e in qa.experts + news.experts]
    assert _styled(pack, "Expert Role")[0] == "former U.S. diplomat and founder, ACM Global Intelligence"
    assert "+170%" in _styled(pack, "Key Figure")
    assert _styled(pack, "List Bullet")  # the news article's key points
    assert _styled(pack, "Heading 3")[0] == "Amanda Mattingly"


def test_every_expert_and_statistic_is_in_the_document(pack):
    text = "\n".join(p.text for p in _paragraphs(pack))
    for path in seed_paths():
        brief = parse_file(path)
        for expert in brief.experts:
            assert expert.name in text
        for statistic in brief.statistics:
            assert format_figure(statistic, "en") in text


def test_contents_is_a_toc_field_with_its_entries_written_in(pack):
    body = pack.element.body
    instructions = [node.text for node in body.iter(f"{W}instrText")]
    assert any(text.strip().startswith('TOC \\o "1-2"') for text in instructions)
    assert _styled(pack, "toc 1")[1].startswith("Are Tense Relations Harming Anti-Drug Cooperation?")
    assert any(entry.startswith("Key figures") for entry in _styled(pack, "toc 2"))
    assert pack.settings.element.find(f"{W}updateFields") is None  # the entries carry the PDF's page numbers


def test_header_and_footer_carry_brand_title_and_page_fields_but_not_on_the_cover(pack):
    section = pack.sections[0]
    assert section.different_first_page_header_footer
    assert section.header.paragraphs[0].text == "reportgen\tBriefing pack"
    footer = section.footer.paragraphs[0]
    fields = [node.text.strip() for node in footer._p.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    assert footer.text.startswith("Prepared with reportgen\tPage ")
    assert not "".join(p.text for p in section.first_page_header.paragraphs)


def test_statistics_table_repeats_its_header_and_never_splits_a_row(pack):
    table = next(t for t in pack.tables if t.rows[0].cells[0].text == "Figure")
    assert table.style.name == "Briefing Table"
    first = table.rows[0]._tr.trPr
    assert first.find(f"{W}tblHeader") is not None
    assert all(row._tr.trPr.find(f"{W}cantSplit") is not None for row in table.rows)
    widths = [cell.width for cell in table.rows[0].cells]
    assert widths[1] > widths[2]  # "What it measures" is wider than "Period"


def test_theme_fonts_colours_and_language_are_on_the_styles(pack):
    normal = pack.styles["Normal"]
    fonts = normal.element.rPr.find(f"{W}rFonts")
    assert {fonts.get(f"{W}{slot}") for slot in ("ascii", "hAnsi", "eastAsia", "cs")} == {"DejaVu Sans"}
    assert pack.styles["Heading 1"].font.name == "DejaVu Serif"
    assert str(pack.styles["Heading 1"].font.color.rgb) == "1F3A5F"
    lang = normal.element.rPr.find(f"{W}lang")
    assert lang.get(f"{W}val") == "en-US"


def test_core_properties(pack):
    properties = pack.core_properties
    assert properties.title == "Briefing pack"
    assert properties.author == "reportgen"
    assert properties.language == "en-US"
    assert "Latin America Advisor" in properties.keywords
    assert properties.created.date().isoformat() == "2025-12-08"


def test_the_cover_shows_the_theme_logo(pack):
    assert len(pack.inline_shapes) == 1


def test_rebuilding_gives_identical_bytes(pack_path, tmp_path):
    again = build(formats=["docx"], out=tmp_path, date="2025-12-08").outputs[0].path
    assert again.read_bytes() == pack_path.read_bytes()


def test_a_reference_docx_supplies_styles_page_setup_and_header(tmp_path):
    template = docx.Document()
    heading = template.styles["Heading 1"]
    heading.font.name = "Courier New"
    heading.font.size = Pt(30)
    template.sections[0].header.paragraphs[0].text = "House header"
    template.add_paragraph("Template body text that must not survive")
    path = tmp_path / "house.docx"
    template.save(str(path))
    built = build([QA_SEED], formats=["docx"], out=tmp_path / "out", reference_docx=path).outputs[0].path
    document = docx.Document(str(built))
    assert document.styles["Heading 1"].font.size == Pt(30)
    assert document.styles["Heading 1"].font.name == "Courier New"
    assert document.sections[0].header.paragraphs[0].text == "House header"
    assert "Expert Name" in [style.name for style in document.styles]  # ours, added where missing
    assert "Template body text" not in "\n".join(p.text for p in document.paragraphs)


def test_control_characters_in_a_brief_are_removed_not_fatal(tmp_path):
    data = parse_file(QA_SEED).to_dict()
    data["title"] = "Tense\x0b relations\x01 ahead"
    brief = tmp_path / "brief.json"
    brief.write_text(json.dumps(data), encoding="utf-8")
    built = build([brief], formats=["docx"], out=tmp_path / "out", split=True, pack=False).outputs[0].path
    assert "Tense relations ahead" in [p.text for p in docx.Document(str(built)).paragraphs]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_opens_the_pack_and_prints_every_expert(pack_path, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(pack_path)],
                   check=True, capture_output=True, timeout=180)
    text = pdf_text(tmp_path / "briefing-pack.en.pdf")
    for path in seed_paths():
        for expert in parse_file(path).experts:
            assert expert.name in text
    assert "Page 2 of" in text

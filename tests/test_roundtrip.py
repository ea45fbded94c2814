"""The Word pack comes back: an editor's changes in Word reach the rebuilt PDF and the briefs.

Each test edits a built pack the way an editor would (through python-docx,
as Word saves it), rebuilds the PDF from the edited file and finds the edit
in the PDF's text.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import NEWS_SEED, QA_SEED, pdf_text
from reportgen import build, parse_file, read_briefs
from reportgen.cli import main
from reportgen.ingest.docx import W

DATE = "2025-12-08"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The seed pack as Word files (English and Spanish), built once."""
    out = tmp_path_factory.mktemp("word")
    result = build([QA_SEED, NEWS_SEED], formats=["docx"], langs=["en", "es"], out=out, date=DATE)
    return {o.language: o.path for o in result.outputs}


@pytest.fixture
def edited(built, tmp_path):
    """A copy of the English pack to edit, and a way to rebuild the PDF from it."""
    path = tmp_path / "edited" / "briefing-pack.en.docx"
    path.parent.mkdir()
    path.write_bytes(built["en"].read_bytes())

    def rebuild(document) -> str:
        document.save(path)
        result = build([path], formats=["pdf"], out=tmp_path / "out", date=DATE, force=True)
        assert not result.errors, result.errors
        return pdf_text(result.outputs[0].path)

    return path, rebuild


def _read(path):
    return read_briefs(path.read_bytes(), str(path)).briefs


def _set_text(paragraph, text: str) -> None:
    """Replace a paragraph's words, keeping its style (what typing over it in Word does)."""
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)
    paragraph.runs[0].text = text


def _cards(document):
    return next(t for t in document.tables if any(p.style.name == "Expert Name" for c in t._cells for p in c.paragraphs))


def _statistics(document):
    return next(t for t in document.tables if any(p.style.name == "Table Heading" for c in t.rows[0].cells
                                                  for p in c.paragraphs)
                and t.rows[0].cells[0].text == "Figure" and len(t.columns) == 5)


def test_a_pack_with_no_edits_reads_back_as_the_same_briefs(built):
    originals = [parse_file(QA_SEED), parse_file(NEWS_SEED)]
    for language, path in built.items():
        reading = read_briefs(path.read_bytes(), str(path))
        assert list(reading.briefs) == originals
        assert reading.language == language and reading.theme == "default"
        assert reading.title is None  # the default title, given again in the language of a rebuild


def test_a_rewritten_summary_is_the_one_in_the_pdf(edited):
    path, rebuild = edited
    document = docx.Document(path)
    summary = next(p for p in document.paragraphs + [p for c in _cards(document)._cells for p in c.paragraphs]
                   if p.style.name == "Expert Summary")
    _set_text(summary, "Editors rewrote this summary: the rupture is serious but reversible.")
    text = rebuild(document)
    assert "Editors rewrote this summary: the rupture is serious but reversible." in text
    assert _read(path)[0].experts[0].summary == "Editors rewrote this summary: the rupture is serious but reversible."


def test_a_deleted_expert_is_gone_and_reordered_experts_keep_their_new_order(edited):
    path, rebuild = edited
    document = docx.Document(path)
    table = _cards(document)._tbl
    rows = table.findall(f"{W}tr")  # card, gap, card, gap, card, gap, card
    names = [parse_file(QA_SEED).experts[i].name for i in range(4)]
    table.remove(rows[0])  # Amanda Mattingly's card and the gap row after it
    table.remove(rows[1])
    table.remove(rows[6])  # Diego Marroquín Bitar's card moves to the top
    table.insert(table.index(rows[2]), rows[6])
    text = rebuild(document)
    experts = [expert.name for expert in _read(path)[0].experts]
    assert experts == [names[3], names[1], names[2]]
    chapter = text[text.index("THE QUESTION"):]  # past the cover and the contents
    summaries = chapter[chapter.index("Expert summaries"):chapter.index("Statistics")]
    assert "Amanda Mattingly" not in summaries
    assert summaries.index(names[3]) < summaries.index(names[1]) < summaries.index(names[2])
    assert any("deleted in Word: Amanda Mattingly" in w for w in _read(path)[0].warnings)


def test_a_fixed_figure_is_read_again_and_printed(edited):
    path, rebuild = edited
    document = docx.Document(path)
    row = _statistics(document).rows[1]
    figure = row.cells[0].paragraphs[0]
    assert figure.text.startswith("45 per 100,000")
    figure.runs[0].text = "47 per 100,000 people"
    text = rebuild(document)
    statistic = _read(path)[0].statistics[0]
    assert (statistic.value, statistic.unit, statistic.per) == ("47", "rate", "100000")
    assert statistic.text_span is None  # no longer the article's own figure
    chapter = text[text.index("THE QUESTION"):]
    for shown in (chapter[chapter.index("Key figures"):chapter.index("Expert summaries")],
                  chapter[chapter.index("Statistics"):chapter.index("Full commentary")]):
        assert "47 per 100,000 people" in shown and "45 per 100,000" not in shown
    # The article said 45: its sentence, quoted in the notes, stays as written.
    assert "rose to 45 per 100,000 people" in chapter[chapter.index("Notes and sources"):]


def test_a_deleted_statistics_row_removes_the_figure(edited):
    path, rebuild = edited
    document = docx.Document(path)
    table = _statistics(document)
    removed = table.rows[2]
    assert "less than 1%" in removed.cells[0].text
    table._tbl.remove(removed._tr)
    text = rebuild(document)
    first = _read(path)[0]
    assert [s.value for s in first.statistics if s.unit == "percent" and s.value == "1"] == []
    assert "less than 1%" not in text


def test_tracked_changes_are_read_as_accepted_with_a_warning(edited):
    path, rebuild = edited
    document = docx.Document(path)
    title = next(p for p in document.paragraphs if p.style.name == "Heading 1"
                 and p.text.startswith("Are Tense Relations"))
    deleted = copy.deepcopy(title.runs[0]._r)
    for t in deleted.iter(f"{W}t"):
        t.tag = f"{W}delText"
    wrapper = docx.oxml.parse_xml(f'<w:del xmlns:w="{W[1:-1]}" w:id="901" w:author="Editor" '
                                  'w:date="2025-12-09T10:00:00Z"/>')
    wrapper.append(deleted)
    inserted = docx.oxml.parse_xml(f'<w:ins xmlns:w="{W[1:-1]}" w:id="902" w:author="Editor" '
                                   'w:date="2025-12-09T10:00:00Z"><w:r><w:t>Is Mexico–Ecuador Tension '
                                   'Hurting Drug Cooperation?</w:t></w:r></w:ins>')
    title._p.remove(title.runs[0]._r)
    title._p.append(wrapper)
    title._p.append(inserted)
    text = rebuild(document)
    brief = _read(path)[0]
    assert brief.title == "Is Mexico–Ecuador Tension Hurting Drug Cooperation?"
    assert "Is Mexico–Ecuador Tension Hurting Drug Cooperation?" in text
    assert "Are Tense Relations" not in text
    assert any("tracked changes not yet accepted" in warning for warning in brief.warnings)


def test_comments_are_ignored_with_a_warning(edited):
    path, rebuild = edited
    document = docx.Document(path)
    paragraph = next(p for p in document.paragraphs if p.style.name == "Intense Quote")
    paragraph._p.append(docx.oxml.parse_xml(f'<w:r xmlns:w="{W[1:-1]}"><w:commentReference w:id="0"/></w:r>'))
    rebuild(document)
    assert any("comment" in warning for warning in _read(path)[0].warnings)


def test_parse_prints_the_briefs_of_an_edited_pack(edited):
    path, _ = edited
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 0, result.output
    briefs = json.loads(result.stdout)
    assert [brief["title"] for brief in briefs] == [parse_file(QA_SEED).title, parse_file(NEWS_SEED).title]


def test_a_spanish_pack_reads_back_too(built):
    briefs = read_briefs(built["es"].read_bytes(), str(built["es"])).briefs
    assert briefs[0].experts == parse_file(QA_SEED).experts


def test_an_ordinary_word_article_is_read_by_the_parser(tmp_path):
    """A user's own Word article: headings and paragraphs through the normal parser."""
    lines = [line for line in NEWS_SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = parse_file(NEWS_SEED)
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line, "Heading 1" if line == expected.title else None)
    path = tmp_path / "article.docx"
    document.save(path)
    brief = parse_file(path)
    assert brief.title == expected.title
    assert [e.name for e in brief.experts] == [e.name for e in expected.experts]
    assert brief.source.format == "docx"


def test_a_broken_word_file_is_one_line(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "broken.docx: is not a Word document" in result.output
    assert "Traceback" not in result.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_a_pack_saved_again_by_libreoffice_reads_back_the_same(built, tmp_path):
    """An editor on LibreOffice: opened and saved as .docx, the pack is still recognized and whole."""
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "saved"), str(built["en"])],
                   check=True, capture_output=True, timeout=180, env={**os.environ, "HOME": str(tmp_path)})
    saved = tmp_path / "saved" / built["en"].name
    assert list(_read(saved)) == [parse_file(QA_SEED), parse_file(NEWS_SEED)]


def _repacked(source, tmp_path, replace_parts: dict[str, bytes]) -> Path:
    """A copy of a Word file with some parts' bytes replaced (or added)."""
    import zipfile

    path = tmp_path / "changed.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename not in replace_parts:
                new.writestr(item, old.read(item))
        for name, data in replace_parts.items():
            new.writestr(name, data)
    return path


@pytest.mark.parametrize("parts, message", [
    ({"word/bomb.bin": b"\0" * (60 * 1024 * 1024)}, "unpacks to more than 50 MB"),
    ({"customXml/item2.xml": b'<pack xmlns="urn:reportgen:pack">{"not": "a pack"}</pack>'},
     "holds a damaged copy of its pack"),
])
def test_a_hostile_word_file_is_one_line(built, tmp_path, parts, message):
    path = _repacked(built["en"], tmp_path, parts)
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out" / "briefing-pack.en.pdf").exists()


def test_entities_in_a_word_files_properties_are_not_expanded(built, tmp_path):
    laughs = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa">'
              + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
              + ']><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties">'
              '<property name="x">&i;</property></Properties>')
    path = _repacked(built["en"], tmp_path, {"docProps/custom.xml": laughs.encode()})
    briefs = read_briefs(path.read_bytes(), str(path)).briefs  # recognized by its styles, read whole
    assert [brief.title for brief in briefs] == [parse_file(QA_SEED).title, parse_file(NEWS_SEED).title]


def test_a_rebuilt_pack_keeps_its_theme_and_language_unless_told_otherwise(tmp_path):
    word = build([QA_SEED], formats=["docx"], langs=["es"], style="ink", out=tmp_path / "word", date=DATE,
                 title="Seguridad andina").outputs[0].path
    rebuilt = build([word], formats=["pdf"], out=tmp_path / "pdf", date=DATE).outputs[0].path
    assert rebuilt.name == "seguridad-andina.es.pdf"
    text = pdf_text(rebuilt)
    assert "Seguridad andina" in text and "Cifras clave" in text
    fonts = {font for page in PdfReader(rebuilt).pages
             for font in (page["/Resources"].get("/Font") or {}).values()
             for font in [font.get_object()["/BaseFont"]]}
    assert any("Caladea" in font for font in fonts), fonts  # ink's typeface
    told = build([word], formats=["pdf"], langs=["en"], style="default", out=tmp_path / "told", date=DATE)
    assert told.outputs[0].path.name == "seguridad-andina.en.pdf"
    assert "Key figures" in pdf_text(told.outputs[0].path)

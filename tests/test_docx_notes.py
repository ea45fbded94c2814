"""Every figure in the Word pack carries a real Word footnote: its sentence, source and who cited it.

One footnote per source sentence: the first mark of a note is the footnote's
reference (in a bookmark), later ones are NOTEREF fields to it, and every mark
shows the number the PDF prints beside the same figure.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import re

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from lxml import etree

from conftest import NEWS_SEED, QA_SEED, ROOT, pdf_text
from reportgen import build, parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.compose.blocks import Document, KeyFigures, Section, Table
from reportgen.model import Pack
from reportgen.render.docx.document import render_docx
from reportgen.themes import load_theme
from reportgen.i18n import translations
from reportgen.i18n.formatting import format_figure

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
FOOTNOTES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
ARTICLES = ROOT / "tests" / "articles"
SHOWN_ROWS = 150  # statistics a table lists (compose.pack.MAX_TABLE_ROWS)


def _w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Package:
    """The parts of a built .docx that footnotes touch, parsed."""

    names: set[str]
    content_types: etree._Element
    document_rels: etree._Element
    document: etree._Element
    footnotes: etree._Element
    settings: etree._Element
    styles: etree._Element

    @classmethod
    def read(cls, path: Path) -> Package:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())

            def part(name: str) -> etree._Element:
                return etree.fromstring(archive.read(name)) if name in names else etree.Element("missing")

            return cls(names, part("[Content_Types].xml"), part("word/_rels/document.xml.rels"),
                       part("word/document.xml"), part("word/footnotes.xml"), part("word/settings.xml"),
                       part("word/styles.xml"))

    def footnote_texts(self) -> dict[str, str]:
        """Footnote id → its text as a reader sees it (tab as a space, line break as a new line)."""
        return {footnote.get(_w("id")): _text(footnote) for footnote in self.footnotes.findall("w:footnote", NS)}

    def references(self, element: etree._Element | None = None) -> list[str]:
        """The ids of the footnote marks in ``element`` (default: the whole body), in reading order."""
        root = self.document if element is None else element
        return [ref.get(_w("id")) for ref in root.iter(_w("footnoteReference"))]

    def paragraphs_in_style(self, style_id: str) -> list[etree._Element]:
        return self.document.xpath(f'//w:p[w:pPr/w:pStyle/@w:val="{style_id}"]', namespaces=NS)

    def marks(self, element: etree._Element | None = None) -> list[tuple[str, str, str]]:
        """Every note mark in ``element`` (default: the body) in reading order, as (kind, footnote id,
        the number shown): kind "footnote" for a footnote's own reference, "noteref" for a NOTEREF field,
        its footnote found through the bookmark it names."""
        bookmarked = {}
        for start in self.document.iter(_w("bookmarkStart")):
            reference = start.getnext().find("w:footnoteReference", NS)
            if reference is not None:
                bookmarked[start.get(_w("name"))] = reference.get(_w("id"))
        root = self.document if element is None else element
        found = []
        for node in root.iter(_w("footnoteReference"), _w("instrText")):
            if node.tag == _w("footnoteReference"):
                assert node.get(_w("customMarkFollows")) == "1"
                found.append(("footnote", node.get(_w("id")), _text(node.getparent())))
            elif "NOTEREF" in node.text:
                name = re.match(r"\s*NOTEREF (\S+) \\f \\h\s*$", node.text).group(1)
                found.append(("noteref", bookmarked[name], _field_result(node.getparent())))
        return found


def _text(element: etree._Element) -> str:
    breaks = {_w("tab"): " ", _w("br"): "\n"}
    return "".join(breaks.get(node.tag, node.text or "") for node in element.iter(_w("t"), _w("tab"), _w("br")))


def _field_result(instruction_run: etree._Element) -> str:
    """The current result of the field whose instruction is in ``instruction_run``: the text between
    its separate and end marks."""
    text, inside = [], False
    for run in instruction_run.itersiblings(_w("r")):
        kind = run.find("w:fldChar", NS)
        if kind is not None:
            if kind.get(_w("fldCharType")) == "end":
                return "".join(text)
            inside = kind.get(_w("fldCharType")) == "separate"
        elif inside:
            text.append(_text(run))
    raise AssertionError("a field without its end")


def _statistics_rows(package: Package, language: str = "en") -> list[etree._Element]:
    """The data rows of every statistics table (its first column headed "Figure"), in reading order."""
    heading = translations(language).gettext("Figure")
    rows = []
    for table in package.document.iter(_w("tbl")):
        header, *data = table.findall("w:tr", NS)
        if _text(header.find("w:tc", NS)) == heading:
            rows.extend(data)
    return rows


def _credits(statistic, language: str) -> list[str]:
    """The source and cited-by lines a note of ``statistic`` must show, in ``language``'s catalog."""
    _ = translations(language).gettext
    lines = []
    if statistic.source:
        lines.append(_("Source: {source}").format(source=statistic.source))
    if statistic.cited_by:
        lines.append(_("Cited by {name}").format(name=statistic.cited_by))
    return lines


@pytest.fixture(scope="module")
def pack_path(tmp_path_factory) -> Path:
    result = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path_factory.mktemp("notes"), date="2025-12-08")
    assert not result.errors
    return result.outputs[0].path


@pytest.fixture(scope="module")
def package(pack_path) -> Package:
    return Package.read(pack_path)


def test_the_footnotes_part_is_wired_in_as_word_expects(package):
    overrides = {o.get("PartName"): o.get("ContentType") for o in package.content_types}
    assert overrides.get("/word/footnotes.xml") == FOOTNOTES_TYPE
    targets = [rel.get("Target") for rel in package.document_rels if rel.get("Type") == FOOTNOTES_REL]
    assert targets == ["footnotes.xml"]
    footnotes = package.footnotes.findall("w:footnote", NS)
    ids = [footnote.get(_w("id")) for footnote in footnotes]
    assert len(ids) == len(set(ids))
    assert [(f.get(_w("id")), f.get(_w("type"))) for f in footnotes[:2]] == [
        ("-1", "separator"), ("0", "continuationSeparator")]
    listed = package.settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS)
    assert listed == ["-1", "0"]
    references = package.references()
    assert references, "no footnote marks in the body"
    assert len(references) == len(set(references)), "two marks point at one footnote"
    assert set(references) <= set(ids)


def test_settings_keep_their_schema_order(package):
    """footnotePr sits after updateFields (when a document asks for it) and before compat, or Word offers
    to repair the file."""
    order = [etree.QName(child).localname for child in package.settings]
    assert order.index("footnotePr") < order.index("compat")
    if "updateFields" in order:
        assert order.index("updateFields") < order.index("footnotePr")


def test_each_footnote_starts_with_words_number_and_uses_the_footnote_styles(package):
    for footnote in package.footnotes.findall("w:footnote", NS)[2:]:
        paragraph = footnote.find("w:p", NS)
        assert paragraph.find("w:pPr/w:pStyle", NS).get(_w("val")) == "FootnoteText"
        number, text = paragraph.findall("w:r", NS)
        assert number.find("w:footnoteRef", NS) is not None
        assert number.find("w:rPr/w:rStyle", NS).get(_w("val")) == "FootnoteReference"
        assert text[0].tag == _w("tab")  # the sentence starts at the hanging indent, under its continuation lines
    for ref in package.document.iter(_w("footnoteReference")):
        assert ref.getparent().find("w:rPr/w:rStyle", NS).get(_w("val")) == "FootnoteReference"


def test_footnote_text_is_smaller_than_body_text_and_the_mark_is_superscript(package):
    def style(style_id: str) -> etree._Element:
        return package.styles.xpath(f'w:style[@w:styleId="{style_id}"]', namespaces=NS)[0]

    def size(style_id: str) -> int:
        return int(style(style_id).find("w:rPr/w:sz", NS).get(_w("val")))

    text = style("FootnoteText")
    assert text.get(_w("type")) == "paragraph"
    assert text.find("w:basedOn", NS).get(_w("val")) == "Normal"
    assert size("FootnoteText") < size("Normal")
    indent = text.find("w:pPr/w:ind", NS)
    assert int(indent.get(_w("hanging"))) == int(indent.get(_w("left"))) > 0
    reference = style("FootnoteReference")
    assert reference.get(_w("type")) == "character"
    assert reference.find("w:rPr/w:vertAlign", NS).get(_w("val")) == "superscript"


def test_every_statistics_row_marks_a_footnote_with_its_sentence_source_and_citer(package, qa_brief, news_brief):
    notes = package.footnote_texts()
    rows = _statistics_rows(package)
    shown = [*qa_brief.statistics[:SHOWN_ROWS], *news_brief.statistics[:SHOWN_ROWS]]
    assert len(rows) == len(shown)
    for row, statistic in zip(rows, shown):
        first_cell, *other_cells = row.findall("w:tc", NS)
        [(_kind, reference, number)] = package.marks(first_cell)
        assert _text(first_cell) == format_figure(statistic, "en") + number
        assert not any(package.marks(cell) for cell in other_cells)
        note = notes[reference]
        assert statistic.sentence in note
        for line in _credits(statistic, "en"):
            assert line in note
        if statistic.source and statistic.cited_by:
            assert " · ".join(_credits(statistic, "en")) in note


def test_key_figure_cards_mark_the_footnote_of_their_sentence(package, qa_brief, news_brief):
    notes = package.footnote_texts()
    sentences = {s.sentence for s in (*qa_brief.statistics, *news_brief.statistics)}
    figures = package.paragraphs_in_style("KeyFigure")
    assert figures
    for figure in figures:
        [(_kind, reference, _number)] = package.marks(figure)
        assert any(sentence in notes[reference] for sentence in sentences)


def test_one_footnote_per_sentence_and_later_marks_are_noterefs_to_it(package, qa_brief, news_brief):
    """A sentence shown on a card at a glance, on its article's card and in table rows: one footnote."""
    marks = package.marks()
    notes = {key: text for key, text in package.footnote_texts().items() if int(key) > 0}  # not the separators
    footnotes = [reference for kind, reference, _ in marks if kind == "footnote"]
    assert len(footnotes) == len(set(footnotes)) == len(notes)
    sentences = {s.sentence for s in (*qa_brief.statistics, *news_brief.statistics)}
    assert len(set(notes.values())) == len(notes)  # no two footnotes say the same
    assert {next(s for s in sentences if s in text) for text in notes.values()} == {
        s.sentence for s in (*qa_brief.statistics[:SHOWN_ROWS], *news_brief.statistics[:SHOWN_ROWS])}
    seen: dict[str, str] = {}
    for kind, reference, number in marks:
        assert kind == ("noteref" if reference in seen else "footnote"), "the first mark of a note is its footnote"
        assert seen.setdefault(reference, number) == number, "a NOTEREF shows its footnote's number"
    assert any(kind == "noteref" for kind, _, _ in marks)
    for run in package.document.xpath("//w:r[w:instrText[contains(., 'NOTEREF')]]", namespaces=NS):
        assert run.find("w:rPr/w:rStyle", NS).get(_w("val")) == "FootnoteReference"
    for reference in footnotes:  # the bookmark a NOTEREF names, hidden from the bookmark list as Word's own
        [start] = package.document.xpath(f'//w:bookmarkStart[following-sibling::w:r[1]/w:footnoteReference'
                                         f'/@w:id="{reference}"]', namespaces=NS)
        assert start.get(_w("name")).startswith("_Ref")


def test_the_notes_list_is_not_repeated_in_the_body(package):
    heading = translations("en").gettext("Notes and sources")
    assert heading not in {_text(paragraph) for paragraph in package.document.iter(_w("p"))}


def test_the_spanish_pack_labels_its_notes_in_spanish(tmp_path, qa_brief):
    result = build([QA_SEED], formats=["docx"], langs=["es"], out=tmp_path, date="2025-12-08")
    package = Package.read(result.outputs[0].path)
    source_label = translations("es").gettext("Source: {source}")
    assert source_label != "Source: {source}"  # the catalog translates it, so English would show
    notes = package.footnote_texts()
    rows = _statistics_rows(package, "es")
    assert len(rows) == len(qa_brief.statistics[:SHOWN_ROWS])
    for row, statistic in zip(rows, qa_brief.statistics):
        [(_kind, reference, _number)] = package.marks(row)
        for line in _credits(statistic, "es"):
            assert line in notes[reference]
    assert not any("Source: " in text for text in notes.values())


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed (.ci/run installs it)")
def test_libreoffice_shows_the_footnotes(tmp_path, qa_brief):
    built = build([QA_SEED], formats=["docx"], out=tmp_path, date="2025-12-08").outputs[0].path
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(built)],
                   check=True, capture_output=True, timeout=120)
    text = pdf_text(built.with_suffix(".pdf"))
    credited = [s for s in qa_brief.statistics if s.source and s.cited_by]
    # The credits line is printed only in a footnote; a note the page break did not split shows it under its sentence.
    for statistic in credited:
        assert " · ".join(_credits(statistic, "en")) in text
    assert any(f"{s.sentence} {' · '.join(_credits(s, 'en'))}" in text for s in credited)


def _template_with_footnotes(path: Path) -> None:
    """A house template as LibreOffice saves one: separators 0 and 1, a footnote of its own, its own
    spelling and ids of the footnote styles."""
    template = docx.Document()
    text = template.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    text.style_id = "Footnote"
    mark = template.styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    mark.style_id = "FootnoteAnchor"
    mark.font.superscript = True
    xml = (f'<w:footnotes xmlns:w="{W}">'
           '<w:footnote w:id="0" w:type="separator"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:id="1" w:type="continuationSeparator"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
           '</w:footnote><w:footnote w:id="7"><w:p><w:r><w:t>House footnote</w:t></w:r></w:p></w:footnote>'
           '</w:footnotes>')
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(xml), template.part.package)
    template.part.relate_to(part, RT.FOOTNOTES)
    template.save(str(path))


def test_a_reference_docx_with_footnotes_keeps_them_and_takes_ours_after(tmp_path, qa_brief):
    template = tmp_path / "house.docx"
    _template_with_footnotes(template)
    built = build([QA_SEED], formats=["docx"], out=tmp_path / "out", reference_docx=template).outputs[0].path
    package = Package.read(built)
    targets = [rel for rel in package.document_rels if rel.get("Type") == FOOTNOTES_REL]
    assert len(targets) == 1
    notes = package.footnote_texts()
    ids = [footnote.get(_w("id")) for footnote in package.footnotes.findall("w:footnote", NS)]
    assert len(ids) == len(set(ids))
    assert notes["7"] == "House footnote"
    references = package.references()
    assert len(references) == len(set(references)) and set(references) <= set(ids)
    assert min(int(ref) for ref in references) > 7
    assert package.settings.xpath("w:footnotePr/w:footnote/@w:id", namespaces=NS) == ["0", "1"]
    style_ids = package.styles.xpath("w:style/@w:styleId", namespaces=NS)
    assert len(style_ids) == len(set(style_ids))
    assert "FootnoteText" not in style_ids  # the template's "Footnote Text" is used, not a second one
    for reference in references:
        paragraph = package.footnotes.xpath(f'w:footnote[@w:id="{reference}"]/w:p', namespaces=NS)[0]
        assert paragraph.find("w:pPr/w:pStyle", NS).get(_w("val")) == "Footnote"
        assert paragraph.find(".//w:tab", NS) is None  # no hanging indent in the house style to tab to
    for statistic in qa_brief.statistics[:SHOWN_ROWS]:
        assert any(statistic.sentence in notes[reference] for reference in references)


def test_the_same_inputs_give_the_same_bytes(pack_path, package, tmp_path):
    assert "word/footnotes.xml" in package.names
    again = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path, date="2025-12-08").outputs[0].path
    assert again.read_bytes() == pack_path.read_bytes()


def _marks_as_composed(document: Document) -> list[str]:
    """The note numbers beside the figures, in reading order, as compose gives them to every format (the PDF
    prints ``Note.mark`` at each card and table row)."""
    marks: list[str] = []

    def walk(blocks) -> None:
        for block in blocks:
            if isinstance(block, Section):
                walk(block.children)
            elif isinstance(block, KeyFigures):
                marks.extend(item.note.note.mark for item in block.items if item.note)
            elif isinstance(block, Table):
                marks.extend(ref.note.mark for ref in block.notes if ref)

    walk(document.blocks)
    return marks


def _twenty_articles() -> list[Path]:
    articles = sorted(p for p in ARTICLES.iterdir() if not p.name.endswith(".json"))
    chosen = [QA_SEED, NEWS_SEED, *articles]
    return (chosen * 2)[:20]


@pytest.mark.parametrize("inputs", [[QA_SEED, NEWS_SEED], _twenty_articles()], ids=["seed", "twenty-articles"])
def test_word_shows_the_pdf_note_numbers_at_every_mark(inputs, tmp_path):
    theme = load_theme("default")
    pack = Pack(tuple(parse_file(path) for path in inputs), "Pack", date="2025-12-08")
    document = compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))
    path = tmp_path / "pack.docx"
    path.write_bytes(render_docx(document, theme))
    package = Package.read(path)
    marks = package.marks()
    expected = _marks_as_composed(document)
    assert len(expected) > len(set(expected))  # some sentences are marked more than once
    assert [number for _, _, number in marks] == expected
    assert len({reference for _, reference, _ in marks}) == len(set(expected))  # one footnote per note
    footnote_numbers = {reference: number for kind, reference, number in marks if kind == "footnote"}
    for footnote in package.footnotes.findall("w:footnote", NS)[2:]:  # the number each note itself shows
        assert footnote.find("w:p/w:r/w:footnoteRef", NS) is not None
        assert footnote.get(_w("id")) in footnote_numbers

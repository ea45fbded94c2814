"""Every figure in a pack carries a note with its source sentence, in PDF, HTML and Markdown.

The notes are read back as a reader meets them: the PDF's link annotations
(where a mark's link lands, and what text is there), the HTML's anchors, the
Markdown's GFM footnotes. Word footnotes are tested in test_docx_notes.py.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from conftest import NEWS_SEED, QA_SEED
from pypdf import PdfReader

from reportgen import build, parse_file
from reportgen.compose import blocks as b
from reportgen.compose.pack import Brand, compose_pack
from reportgen.model import Pack
from reportgen.themes import ThemeTexts


def _squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def briefs():
    return [parse_file(QA_SEED), parse_file(NEWS_SEED)]


@pytest.fixture(scope="module")
def packs(tmp_path_factory):
    out = tmp_path_factory.mktemp("notes")
    result = build([QA_SEED, NEWS_SEED], formats=["pdf", "html", "md"], langs=["en", "es"], out=out,
                   date="2025-12-08")
    assert not result.errors
    return {(o.format, o.language): o.path for o in result.outputs}


def _notes(language: str = "en") -> list[b.Note]:
    pack = Pack(briefs=(parse_file(QA_SEED), parse_file(NEWS_SEED)), title="Pack", date="2025-12-08")
    document = compose_pack(pack, language, Brand("reportgen", ThemeTexts()))
    found: list[b.Note] = []

    def walk(blocks: tuple[b.Block, ...]) -> None:
        for block in blocks:
            if isinstance(block, b.Notes):
                found.extend(block.items)
            elif isinstance(block, b.Section):
                walk(block.children)

    walk(document.blocks)
    return found


def test_every_statistic_has_a_note_with_its_sentence_source_and_speaker(briefs):
    notes = {note.sentence: note for note in _notes()}
    for brief in briefs:
        for statistic in brief.statistics:
            note = notes[statistic.sentence]
            if statistic.source:
                assert statistic.source in note.source
            if statistic.cited_by:
                assert statistic.cited_by in note.cited_by
    # Figures from one sentence share its note; numbers run through the pack.
    assert [note.mark for note in notes.values()] == [str(n) for n in range(1, len(notes) + 1)]


def test_the_notes_labels_follow_the_pack_language():
    note = next(note for note in _notes("es") if note.source and note.cited_by)
    assert note.source.startswith("Fuente:")
    assert not note.cited_by.startswith("Cited")


# -- PDF ----------------------------------------------------------------


def _links(reader: PdfReader) -> list[tuple[int, int, float]]:
    """Every internal link as (page it is on, page it lands on, height it lands at)."""
    pages = {page.indirect_reference.idnum: number for number, page in enumerate(reader.pages)}
    links = []
    for number, page in enumerate(reader.pages):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            destination = annotation.get("/Dest")
            if annotation.get("/Subtype") == "/Link" and destination and destination[1] == "/XYZ":
                links.append((number, pages[destination[0].idnum], float(destination[3])))
    return links


def _text_below(page, top: float, depth: float = 40) -> str:
    """The text a link lands on: what is printed just under its destination's top."""
    pieces: list[str] = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if top - depth <= y <= top + 2 and text.strip():
            pieces.append(text)

    page.extract_text(visitor_text=visit)
    return _squeeze(" ".join(pieces))


def test_pdf_marks_land_on_their_notes_and_notes_link_back(packs, briefs):
    reader = PdfReader(packs[("pdf", "en")])
    texts = [_squeeze(page.extract_text()) for page in reader.pages]
    notes_pages = {n for n, text in enumerate(texts) if "Notes and sources" in text and n > 2}
    links = _links(reader)
    to_notes = [(source, target, y) for source, target, y in links if target in notes_pages and source not in notes_pages]
    back = [(source, target, y) for source, target, y in links if source in notes_pages and target not in notes_pages]
    notes = _notes()
    assert len({(target, round(y)) for _, target, y in to_notes}) == len(notes)
    assert len(back) == len(notes)
    sentences = [_squeeze(note.sentence) for note in notes]
    for _, target, y in to_notes:
        landed = _text_below(reader.pages[target], y)
        assert any(landed[:40] in f"{n} {sentence}" or sentence[:30] in landed
                   for n, sentence in enumerate(sentences, 1)), landed
    for _, target, y in back:  # the way back lands on a statistics table row (its header repeats overleaf)
        assert any(label in texts[target] for label in ("Statistics", "Key figures", "What it measures"))


def test_pdf_notes_print_every_sentence_as_written(packs, briefs):
    text = _squeeze(" ".join(page.extract_text() for page in PdfReader(packs[("pdf", "en")]).pages))
    for brief in briefs:
        for statistic in brief.statistics:
            assert _squeeze(statistic.sentence) in text
            if statistic.cited_by:
                assert f"Cited by {statistic.cited_by}" in text


def test_pdf_notes_in_spanish(packs):
    text = _squeeze(" ".join(page.extract_text() for page in PdfReader(packs[("pdf", "es")]).pages))
    assert "Notas y fuentes" in text and "Notes and sources" not in text


# -- HTML ---------------------------------------------------------------


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.notes: dict[str, str] = {}
        self._note: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and values.get("href", "").startswith("#"):
            self.hrefs.append(values["href"][1:])
        if tag == "li" and values.get("id", "").startswith("note-"):
            self._note = values["id"]
            self.notes[self._note] = ""

    def handle_endtag(self, tag):
        if tag == "li":
            self._note = None

    def handle_data(self, data):
        if self._note:
            self.notes[self._note] += data


def test_html_notes_are_anchored_both_ways(packs, briefs):
    page = _Anchors()
    page.feed(packs[("html", "en")].read_text(encoding="utf-8"))
    assert all(href in page.ids for href in page.hrefs), "a link points nowhere"
    marks = [href for href in page.hrefs if re.fullmatch(r"note-\d+", href)]
    backs = [href for href in page.hrefs if re.fullmatch(r"note-\d+-ref", href)]
    assert set(marks) == set(page.notes) and len(backs) == len(page.notes)
    notes_text = " ".join(_squeeze(text) for text in page.notes.values())
    for brief in briefs:
        for statistic in brief.statistics:
            assert _squeeze(statistic.sentence) in notes_text


# -- Markdown -----------------------------------------------------------


def test_markdown_notes_are_gfm_footnotes(packs, briefs):
    text = packs[("md", "en")].read_text(encoding="utf-8")
    references = set(re.findall(r"\[\^(note-\d+)\](?!:)", text))
    definitions = dict(re.findall(r"^\[\^(note-\d+)\]: (.+)$", text, re.MULTILINE))
    assert references == set(definitions)
    rows = [line for line in text.splitlines() if line.startswith("| ") and "[^note-" in line]
    statistics = [statistic for brief in briefs for statistic in brief.statistics]
    assert len(rows) == len(statistics)
    for row, statistic in zip(rows, statistics):  # each table row's note is its own sentence
        label = re.search(r"\[\^(note-\d+)\]", row).group(1)
        assert _squeeze(definitions[label]).replace("\\", "").startswith(_squeeze(statistic.sentence)[:60])

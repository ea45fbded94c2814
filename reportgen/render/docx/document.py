"""Document × Theme → DOCX bytes: the blocks written as styled Word paragraphs and tables.

Every paragraph names a style (see ``styles.py``); tables take the theme's
colours through a table style or cell shading; the contents is a real TOC
field with its entries already written in, which Word refreshes on opening;
each figure's note is a real footnote at its mark (``footnotes.py``).
The zip is rewritten with fixed timestamps so the same inputs give the same
bytes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import struct
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO

import docx
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm, Twips

from ... import __version__
from ...compose import blocks as b
from ...themes import Theme
from ...wordpack import (
    COVER_BRAND, COVER_META, EXPERT_NAME, EXPERT_ROLE, EXPERT_SUMMARY, FIGURE_SOURCE, FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT, HEADER_TEXT, KEY_FIGURE, KEY_FIGURE_LABEL, KEY_FIGURE_QUALIFIER, LEAD, NOTE,
    QUESTION_LABEL, SOURCE_LINE, TABLE_FIGURE, TABLE_HEADING, TABLE_STYLE, TABLE_TEXT,
)
from ..visitor import BlockVisitor
from ..widths import at_least
from . import oxml
from .marker import mark_pack
from .reference import without_outside_links
from .footnotes import Footnotes
from .styles import LANGUAGE_TAGS, apply_styles, default_template

PAGE_SIZES_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
PARAGRAPH_STYLES = {"body": "Normal", "lead": LEAD, "source": SOURCE_LINE, "note": NOTE}
_DOS_EPOCH = struct.pack("<HH", 0, (0 << 9) | (1 << 5) | 1)  # time 00:00:00, date 1980-01-01
_TWIPS_PER_MM = 1440 / 25.4
_PROPERTY_CHARS = 255  # the OPC limit on a core property, which python-docx enforces
_RUNNING_CHARS = 120  # header and footer lines: a long title or footer must not fill every page
_CELL_MARGIN_TWIPS = 100
_BOLD_EM = 0.62  # a bold sans letter's average width, in ems (a generous estimate: a title never breaks)
_TEMPLATES_KEPT = 16  # styled templates kept: themes × languages × reference versions in use at once


def render_docx(document: b.Document, theme: Theme) -> bytes:
    """The Word file of ``document``; with ``theme.reference_docx`` its styles and page setup rule."""
    styled, style_ids, width = _styled_template(_TemplateKey.of(theme, document.meta.language))
    word = docx.Document(BytesIO(styled))
    section = word.sections[0]
    _Writer(word, theme, width, document, style_ids).blocks(document.blocks)
    section.different_first_page_header_footer = True
    if theme.reference_docx is None or not _has_header_footer(section):
        _header_footer(word, section, document.meta, style_ids)
    _core_properties(word, document.meta)
    if document.pack is not None:
        mark_pack(word, document.pack, document.meta.language)
    oxml.update_fields_on_open(word.settings.element)
    buffer = BytesIO()
    word.save(buffer)
    return _fixed_zip(buffer.getvalue())


@dataclass(frozen=True)
class _TemplateKey:
    """Everything the styled, empty template depends on, as a cache key.

    A theme counts by its repr (it holds dicts, which do not hash); a reference
    document by the digest of its bytes, so one edited between two builds in
    one process is read afresh. The theme and those bytes travel with the key
    for a miss, outside the comparison.
    """

    theme_repr: str
    language: str
    reference_digest: str | None
    theme: Theme = field(compare=False, repr=False)
    reference: bytes | None = field(compare=False, repr=False)

    @classmethod
    def of(cls, theme: Theme, language: str) -> _TemplateKey:
        reference = None if theme.reference_docx is None else theme.reference_docx.read_bytes()
        digest = None if reference is None else hashlib.sha256(reference).hexdigest()
        return cls(repr(theme), language, digest, theme, reference)


@lru_cache(maxsize=_TEMPLATES_KEPT)
def _styled_template(key: _TemplateKey) -> tuple[bytes, dict[str, str], int]:
    """The template with the theme's styles and page applied, made once per theme, language and reference.

    Styling walks python-docx's style list, which is slow; a batch of a
    thousand documents does it once, and a long-lived process keeps the last
    few. Returns the bytes, style name → id, and the text width in twips.
    """
    theme, reference = key.theme, key.reference
    word = docx.Document(BytesIO(default_template() if reference is None else without_outside_links(reference).data))
    if reference is not None:
        _clear_body(word)
    style_ids = apply_styles(word, theme, key.language, from_template=reference is not None)
    section = word.sections[0]
    if reference is None:
        _page_setup(section, theme)
    width = int((section.page_width - section.left_margin - section.right_margin) / 635)
    word.styles[HEADER_TEXT].paragraph_format.tab_stops.add_tab_stop(Twips(width), WD_TAB_ALIGNMENT.RIGHT)
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue(), style_ids, width


class _Writer(BlockVisitor[None]):
    """Appends each block to the Word document, in reading order."""

    def __init__(self, word, theme: Theme, text_width_twips: int, document: b.Document,
                 style_ids: dict[str, str]) -> None:
        self.word, self.theme, self.width, self.document = word, theme, text_width_twips, document
        self.style_ids = style_ids
        self.footnotes = Footnotes(word, style_ids[FOOTNOTE_TEXT], style_ids[FOOTNOTE_REFERENCE])
        self.cards: list[b.ExpertCard] = []  # a run of expert cards not written yet

    def blocks(self, blocks: tuple[b.Block, ...]) -> None:
        """Each block in turn; a run of expert cards is written as one table where the run ends."""
        for block in blocks:
            if not isinstance(block, b.ExpertCard):
                self.write_held_cards()
            self.visit(block)
        self.write_held_cards()

    def paragraph(self, text: str, style: str, container=None):
        """A new paragraph of ``text`` in ``style``, at the end of the body or of ``container`` (a cell)."""
        paragraph = (container or self.word).add_paragraph(oxml.xml_safe(text) if text else "")
        return self.styled(paragraph, style)

    def styled(self, paragraph, style: str):
        paragraph._p.style = self.style_ids[style]
        return paragraph

    def visit_cover(self, block: b.Cover) -> None:
        if self.theme.logo_png is not None:
            self.paragraph("", COVER_META).add_run().add_picture(str(self.theme.logo_png), height=Mm(16))
        self.paragraph(block.brand, COVER_BRAND)
        if block.brand_line:
            self.paragraph(block.brand_line, COVER_META)
        for _ in range(5):
            self.paragraph("", COVER_META)
        self.paragraph(block.title, "Title")
        if block.subtitle:
            self.paragraph(block.subtitle, "Subtitle")
        self.paragraph(" · ".join(part for part in (block.date, block.language_name) if part), COVER_META)
        if block.article_titles:
            for _ in range(3):
                self.paragraph("", COVER_META)
            self.paragraph(block.contents_label, QUESTION_LABEL)
            for title in block.article_titles:
                self.paragraph(title, COVER_META)

    def visit_contents(self, block: b.Contents) -> None:
        """A TOC field whose current result already lists the headings, for viewers that never update it."""
        self.paragraph(block.title, "TOC Heading")
        entries = [s for s in self.document.sections() if s.in_contents and s.level <= block.depth]
        paragraphs = [self.paragraph(entry.title, f"toc {entry.level}") for entry in entries] \
            or [self.paragraph("", "toc 1")]
        begin = paragraphs[0]
        first_run = begin.runs[0]._r if begin.runs else None
        oxml.begin_field(begin, f'TOC \\o "1-{block.depth}" \\h \\z \\u')
        if first_run is not None:  # the field's instruction comes before the first entry's text
            begin._p.append(first_run)
        oxml.end_field(paragraphs[-1])

    def visit_section(self, block: b.Section) -> None:
        self.paragraph(block.title, f"Heading {min(block.level, 3)}")
        self.blocks(block.children)

    def visit_paragraph(self, block: b.Paragraph) -> None:
        self.paragraph(block.text, PARAGRAPH_STYLES.get(block.style, "Normal"))

    def visit_bullet_list(self, block: b.BulletList) -> None:
        for item in block.items:
            self.paragraph(item, "List Bullet")

    def visit_question(self, block: b.Question) -> None:
        self.paragraph(block.label, QUESTION_LABEL)
        self.paragraph(block.text, "Intense Quote")

    def visit_key_figures(self, block: b.KeyFigures) -> None:
        count = len(block.items)
        per_row = 2 if count == 4 else count
        gap = int(4 * _TWIPS_PER_MM)
        card = (self.width - gap * (per_row - 1)) // per_row
        rows = (count + per_row - 1) // per_row
        table = self.word.add_table(rows=2 * rows - 1, cols=2 * per_row - 1)
        oxml.table_without_borders(table)
        oxml.cell_margins(table, 100, 140, 120, 140)
        oxml.fixed_widths(table, [card if column % 2 == 0 else gap for column in range(2 * per_row - 1)])
        accent, shade = self.theme.colors["accent"][1:], self.theme.colors["shade"][1:]
        for index, item in enumerate(block.items):
            cell = table.cell(2 * (index // per_row), 2 * (index % per_row))
            oxml.shade(cell, shade)
            oxml.cell_borders(cell, top=(accent, 16))
            first = cell.paragraphs[0]
            if item.qualifier:
                self.styled(first, KEY_FIGURE_QUALIFIER).add_run(oxml.xml_safe(item.qualifier))
                first = self.paragraph("", KEY_FIGURE, cell)
            else:
                self.styled(first, KEY_FIGURE)
            first.add_run(oxml.xml_safe(item.figure))
            if item.note:
                self.footnotes.mark(first, item.note.note)
            self.paragraph(item.label, KEY_FIGURE_LABEL, cell)
            if item.source:
                self.paragraph(item.source, FIGURE_SOURCE, cell)
        _gap_rows(table, gap)
        self.paragraph("", NOTE)

    def visit_expert_card(self, block: b.ExpertCard) -> None:
        """Held until its run ends: Word merges adjacent tables, so a run of cards is one table."""
        self.cards.append(block)

    def write_held_cards(self) -> None:
        """The held cards as one table, a shaded row per card with a gap row between."""
        if not self.cards:
            return
        cards, self.cards = self.cards, []
        table = self.word.add_table(rows=2 * len(cards) - 1, cols=1)
        oxml.table_without_borders(table)
        oxml.cell_margins(table, 110, 200, 130, 220)
        oxml.fixed_widths(table, [self.width])
        primary, shade = self.theme.colors["primary"][1:], self.theme.colors["shade"][1:]
        for index, card in enumerate(cards):
            cell = table.cell(2 * index, 0)
            oxml.shade(cell, shade)
            oxml.cell_borders(cell, left=(primary, 24))
            self.styled(cell.paragraphs[0], EXPERT_NAME).add_run(oxml.xml_safe(card.name))
            if card.role_line:
                self.paragraph(card.role_line, EXPERT_ROLE, cell)
            if card.summary:
                self.paragraph(card.summary, EXPERT_SUMMARY, cell)
        _gap_rows(table, int(2.5 * _TWIPS_PER_MM))
        self.paragraph("", NOTE)

    def visit_table(self, block: b.Table) -> None:
        columns = block.columns
        total = sum(column.weight for column in columns)
        widths = at_least([self.width * column.weight / total for column in columns],
                          [self._title_width(column.title) for column in columns])
        table = self.word.add_table(rows=1 + len(block.rows), cols=len(columns))
        table._tbl.tblStyle_val = self.style_ids[TABLE_STYLE]
        oxml.table_look(table, first_row=True, banded_rows=True)
        oxml.cell_margins(table, 60, _CELL_MARGIN_TWIPS, 60, _CELL_MARGIN_TWIPS)
        oxml.fixed_widths(table, [int(width) for width in widths])
        for cells, values, style in ((table.rows[0].cells, [c.title for c in columns], TABLE_HEADING),
                                     *((row.cells, values, None) for row, values in zip(table.rows[1:], block.rows))):
            for cell, value, column in zip(cells, values, columns):
                paragraph = self.styled(cell.paragraphs[0], style or (TABLE_FIGURE if column.numeric else TABLE_TEXT))
                paragraph.add_run(oxml.xml_safe(value))
        for row, note in zip(table.rows[1:], block.notes):
            if note:
                self.footnotes.mark(row.cells[0].paragraphs[0], note.note)
        oxml.repeat_as_header(table.rows[0])
        for row in table.rows:
            oxml.keep_row_whole(row)
        self.paragraph("", NOTE)

    def _title_width(self, title: str) -> float:
        """Twips a column needs so no word of its title breaks: Word measures the text only when
        it lays it out, so this is an estimate from the title's size and a bold letter's width."""
        size = self.theme.sizes["small"]
        widest = max((len(word) for word in title.split()), default=0)
        return widest * size * _BOLD_EM * 20 + 2 * _CELL_MARGIN_TWIPS

    def visit_commentary(self, block: b.Commentary) -> None:
        self.paragraph(block.name, "Heading 3")
        if block.role_line:
            self.paragraph(block.role_line, EXPERT_ROLE)
        for text in block.paragraphs:
            self.paragraph(text, "Normal")

    def visit_notes(self, block: b.Notes) -> None:
        """Nothing: in Word each note is a footnote at its mark, so the list would say it twice."""

    def visit_page_break(self, block: b.PageBreak) -> None:
        self.word.add_page_break()


def _gap_rows(table, height_twips: int) -> None:
    """Odd rows are gutters between cards: exactly ``height_twips`` tall; no row splits across pages."""
    for index, row in enumerate(table.rows):
        oxml.keep_row_whole(row)
        if index % 2:
            row.height = Twips(height_twips)
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY


def _clear_body(word) -> None:
    """Drop a reference template's own content; keep its section properties (page setup)."""
    body = word.element.body
    for child in list(body):
        if not child.tag.endswith("}sectPr"):
            body.remove(child)


def _has_header_footer(section) -> bool:
    return any(p.text.strip() for p in (*section.header.paragraphs, *section.footer.paragraphs))


def _page_setup(section, theme: Theme) -> None:
    width, height = PAGE_SIZES_MM[theme.page_size]
    top, right, bottom, left = theme.margins_mm
    section.page_width, section.page_height = Mm(width), Mm(height)
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance = section.footer_distance = Mm(min(top, bottom) / 2)


def _header_footer(word, section, meta: b.Meta, style_ids: dict[str, str]) -> None:
    """Brand and pack title above, footer text and "Page X of Y" (fields) below; none on the cover."""
    header = section.header.paragraphs[0]
    header._p.style = style_ids[HEADER_TEXT]
    header.add_run(_clipped(meta.author, _RUNNING_CHARS))
    header.add_run("\t" + _clipped(meta.title, _RUNNING_CHARS))
    footer = section.footer.paragraphs[0]
    footer._p.style = style_ids[HEADER_TEXT]
    footer.add_run(_clipped(meta.footer, _RUNNING_CHARS) + "\t")
    label = meta.page_label
    for piece in _split_label(label):
        if piece == "{page}":
            oxml.add_field(footer, "PAGE", "1")
        elif piece == "{pages}":
            oxml.add_field(footer, "NUMPAGES", "1")
        elif piece:
            footer.add_run(piece)


def _split_label(label: str) -> list[str]:
    """"Page {page} of {pages}" → ["Page ", "{page}", " of ", "{pages}"]."""
    return [piece for piece in re.split(r"(\{page\}|\{pages\})", label) if piece]


def _clipped(text: str, limit: int) -> str:
    """``text`` XML-safe and at most ``limit`` characters, cut at a word with an ellipsis when longer."""
    text = oxml.xml_safe(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > limit // 2 else cut).rstrip() + "…"


def _core_properties(word, meta: b.Meta) -> None:
    """Title, subject, author and keywords as Word's File ▸ Info shows them (at most 255 characters each)."""
    properties = word.core_properties
    properties.title = _clipped(meta.title, _PROPERTY_CHARS)
    properties.subject = _clipped(meta.subject, _PROPERTY_CHARS)
    properties.author = _clipped(meta.author, _PROPERTY_CHARS)
    properties.last_modified_by = _clipped(meta.author, _PROPERTY_CHARS)
    properties.keywords = _clipped(", ".join(meta.keywords), _PROPERTY_CHARS)
    properties.language = LANGUAGE_TAGS.get(meta.language, meta.language)
    properties.comments = f"reportgen {__version__}"
    properties.revision = 1
    stamp = _stamp(meta.date)
    properties.created = properties.modified = stamp
    properties.last_printed = stamp


def _stamp(pack_date: str | None) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set, else midnight UTC of the pack's date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).replace(tzinfo=None)
    day = dt.date.fromisoformat(pack_date) if pack_date else dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day)


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry's timestamp set to 1980-01-01: identical inputs, identical bytes.

    The dates sit at fixed offsets of each local header and central-directory
    entry, so they are overwritten in place rather than by recompressing.
    """
    package = bytearray(data)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        entries = archive.infolist()
        central = archive.start_dir
    for entry in entries:
        package[entry.header_offset + 10:entry.header_offset + 14] = _DOS_EPOCH
    for _ in entries:
        if package[central:central + 4] != b"PK\x01\x02":
            raise ValueError("unexpected zip layout")
        package[central + 12:central + 16] = _DOS_EPOCH
        name, extra, comment = struct.unpack("<HHH", package[central + 28:central + 34])
        central += 46 + name + extra + comment
    return bytes(package)

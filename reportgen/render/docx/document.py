"""Document × Theme → DOCX bytes: the blocks written as styled Word paragraphs and tables.

Every paragraph names a style (see ``styles.py``); tables take the theme's
colours through a table style or cell shading; the contents is a real TOC
field with its entries already written in, which Word refreshes on opening;
each figure's note is a real footnote at its mark (``footnotes.py``).
The zip is written by ``package.py`` (fixed timestamps, so the same inputs give
the same bytes; parts every document shares deflated once per process).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import threading
from copy import deepcopy
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from typing import Mapping

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.part import Part
from docx.parts.numbering import NumberingPart
from docx.parts.styles import StylesPart
from docx.shared import Mm, Twips

from ... import __version__
from ...compose import blocks as b
from ...logos import word_logo
from ...themes import Theme
from ...wordpack import (
    CHAPTER_HEADING, COVER_BRAND, COVER_META, EXPERT_NAME, EXPERT_ROLE, EXPERT_SUMMARY, FIGURE_SOURCE, FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT, HEADER_TEXT, KEY_FIGURE, KEY_FIGURE_LABEL, KEY_FIGURE_QUALIFIER, LEAD, NOTE,
    QUESTION_LABEL, SOURCE_LINE, TABLE_FIGURE, TABLE_HEADING, TABLE_STYLE, TABLE_TEXT,
)
from ..visitor import BlockVisitor
from ..widths import estimated_width, fitted, widest_word
from . import fragments, oxml
from .marker import mark_pack
from .reference import without_outside_links
from .footnotes import Footnotes, after_number
from .package import package_bytes
from .styles import LANGUAGE_TAGS, apply_styles, default_template, set_languages

PAGE_SIZES_MM = {"A4": (210, 297), "Letter": (215.9, 279.4)}
PARAGRAPH_STYLES = {"body": "Normal", "lead": LEAD, "source": SOURCE_LINE, "note": NOTE}
_TWIPS_PER_MM = 1440 / 25.4
_PROPERTY_CHARS = 255  # the OPC limit on a core property, which python-docx enforces
_RUNNING_CHARS = 120  # header and footer lines: a long title or footer must not fill every page
_CELL_MARGIN_TWIPS = 100
_CARD_SIDE_MARGIN = 140  # twips left and right inside a key-figure card
_MARK_SCALE = 0.7  # a note's number, superscript, against the text's size
_WHOLE_FIGURE_SHARE = 0.3  # a figure longer than this share of the width may wrap between its words
_PATH_SEPARATORS = re.compile(r"([/\\_.\-])")
_TEMPLATES_KEPT = 16  # styled templates kept: themes × languages × reference versions in use at once


def render_docx(document: b.Document, theme: Theme, contents_pages: Mapping[str, int | str] | None = None) -> bytes:
    """The Word file of ``document``; with ``theme.reference_docx`` its styles and page setup rule.

    ``contents_pages`` maps a section's anchor to the page it starts on (the PDF's layout of the same
    pack): the contents' cached result then shows those numbers and Word is not asked to update fields
    on opening. Without it the entries have no numbers and Word updates the contents when the file opens.
    """
    template = _styled_template(_TemplateKey.of(theme, document.meta.language))
    word = template.copy()
    section = word.sections[0]
    _Writer(word, theme, template, document, contents_pages).write(document.blocks)
    section.different_first_page_header_footer = True
    if theme.reference_docx is None or not _has_header_footer(section):
        _header_footer(word, section, document.meta, template.style_ids)
    _core_properties(word, document.meta)
    if document.pack is not None:
        mark_pack(word, document.pack, document.meta.language)
    if contents_pages is None:  # else the cached results are right; a reference template's own setting stays
        oxml.update_fields_on_open(word.settings.element)
    return package_bytes(word.part.package)


def prepare(theme: Theme, language: str) -> None:
    """Parse and style the template a document in ``theme`` and ``language`` starts from (kept per process)."""
    _styled_template(_TemplateKey.of(theme, language))


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


@dataclass(frozen=True)
class _StyledTemplate:
    """A styled, empty Word document kept parsed, and what the writer needs to know of it.

    ``style_ids`` maps style name → id (resolved once, not per paragraph);
    ``width`` is the text width in twips; ``after_number`` what follows a
    footnote's number.
    """

    word: WordDocument
    style_ids: dict[str, str]
    width: int
    after_number: str
    shared: tuple[Part, ...]

    def copy(self) -> WordDocument:
        """A document of its own to write into: the parsed package deep-copied, not read and styled again;
        the parts no document changes (``shared``) are not copied but shared."""
        return deepcopy(self.word, {id(part): part for part in self.shared})


@lru_cache(maxsize=_TEMPLATES_KEPT)
def _styled_template(key: _TemplateKey) -> _StyledTemplate:
    """The template with the theme's styles and page applied, made once per theme, language and reference.

    Styling walks python-docx's style list, which is slow; a batch of a
    thousand documents does it once, and a long-lived process keeps the last
    few. A language after the first of a theme and reference starts from the
    first's styled template and changes only its languages (``set_languages``):
    the same bytes as styling afresh. The styled document is saved and read back
    once, so that every copy is what a fresh read of those bytes would give.
    """
    with _styled_lock:
        sibling = _styled_in_another_language.get((key.theme_repr, key.reference_digest))
    if sibling is not None:
        word = docx.Document(BytesIO(sibling.saved))
        set_languages(word, key.language)
        style_ids, width = sibling.style_ids, sibling.width
    else:
        word, style_ids, width = _styled(key)
    buffer = BytesIO()
    word.save(buffer)
    saved = buffer.getvalue()
    word = docx.Document(BytesIO(saved))
    separator = after_number(word, style_ids[FOOTNOTE_TEXT])
    with _styled_lock:
        _styled_in_another_language[(key.theme_repr, key.reference_digest)] = _Styled(saved, style_ids, width)
        while len(_styled_in_another_language) > _TEMPLATES_KEPT:
            del _styled_in_another_language[next(iter(_styled_in_another_language))]
    return _StyledTemplate(word, style_ids, width, separator, _share_unchanging_parts(word))


@dataclass(frozen=True)
class _Styled:
    """A styled template as saved, for the theme's other languages."""

    saved: bytes
    style_ids: dict[str, str]
    width: int


_styled_in_another_language: dict[tuple[str, str | None], _Styled] = {}  # by theme and reference, last made
_styled_lock = threading.Lock()  # renders may run in threads (a threaded executor)


def _styled(key: _TemplateKey) -> tuple[WordDocument, dict[str, str], int]:
    """The template styled for ``key`` from scratch: the document, its style ids and its text width (twips)."""
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
    for level in (1, 2):  # a contents entry's page number, at the right after a dotted leader
        word.styles[f"toc {level}"].paragraph_format.tab_stops.add_tab_stop(
            Twips(width), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    return word, style_ids, width


def _share_unchanging_parts(word: WordDocument) -> tuple[Part, ...]:
    """The parts a pack never changes, the styles and numbering turned into their bytes.

    Word's styles (with ``stylesWithEffects``) are most of an empty package;
    copying their XML for each document and serializing it again on saving
    cost more than a short document's body. As parts holding their saved
    bytes they are shared by every copy. Only ``word.styles`` stops working,
    which a copy never needs: the style ids are resolved already.
    """
    shared = []
    for source in (word.part.package, *word.part.package.iter_parts()):
        for rel in source.rels.values():
            part = None if rel.is_external else rel.target_part
            if isinstance(part, (StylesPart, NumberingPart)) and not part.rels:
                rel._target = Part(part.partname, part.content_type, part.blob, part.package)
                source.rels._target_parts_by_rId[rel.rId] = rel._target
    for part in word.part.package.iter_parts():
        if type(part) is Part:  # the styles and numbering just made, and parts python-docx keeps as bytes
            shared.append(part)
    return tuple(shared)


class _Writer(BlockVisitor[None]):
    """Appends each block to the Word document, in reading order, as markup parsed in bulk (``fragments``)."""

    def __init__(self, word: WordDocument, theme: Theme, template: _StyledTemplate, document: b.Document,
                 contents_pages: Mapping[str, int | str] | None) -> None:
        self.word, self.theme, self.width, self.document = word, theme, template.width, document
        self.style_ids = template.style_ids
        self.body = fragments.Fragments(word.element.body, before_last=True)
        self.bookmarks = fragments.Bookmarks()
        self.footnotes = Footnotes(word, self.style_ids[FOOTNOTE_TEXT], self.style_ids[FOOTNOTE_REFERENCE],
                                   template.after_number, self.bookmarks)
        self.cards: list[b.ExpertCard] = []  # a run of expert cards not written yet
        self.contents_pages = contents_pages
        self.heading_bookmarks: dict[str, str] = {}  # a section's anchor → its heading's bookmark (contents links)

    def write(self, blocks: tuple[b.Block, ...]) -> None:
        """Every block into the body, and their notes into the footnotes part."""
        self.blocks(blocks)
        self.body.flush()
        self.footnotes.write()

    def blocks(self, blocks: tuple[b.Block, ...]) -> None:
        """Each block in turn; a run of expert cards is written as one table where the run ends."""
        for block in blocks:
            if not isinstance(block, b.ExpertCard):
                self.write_held_cards()
            self.visit(block)
        self.write_held_cards()

    def paragraph(self, text: str, style: str) -> str:
        """A paragraph of ``text`` in ``style`` (a name), as markup."""
        return fragments.text_paragraph(self.style_ids[style], text)

    def add(self, text: str, style: str) -> None:
        """A paragraph of ``text`` in ``style`` at the end of the body."""
        self.body.add(fragments.text_paragraph(self.style_ids[style], text))

    def visit_cover(self, block: b.Cover) -> None:
        picture = word_logo(self.theme, 16)
        if picture is not None:
            self.body.flush()  # python-docx places the picture, and its part, at the end of the body
            logo = self.word.add_paragraph()
            logo._p.style = self.style_ids[COVER_META]
            logo.add_run().add_picture(picture, height=Mm(16))
        self.add(block.brand, COVER_BRAND)
        if block.brand_line:
            self.add(block.brand_line, COVER_META)
        for _ in range(5):
            self.add("", COVER_META)
        self.add(block.title, "Title")
        if block.subtitle:
            self.add(block.subtitle, "Subtitle")
        self.add(" · ".join(part for part in (block.date, block.language_name) if part), COVER_META)
        if block.article_titles:
            for _ in range(3):
                self.add("", COVER_META)
            self.add(block.contents_label, QUESTION_LABEL)
            for title in block.article_titles:
                self.add(title, COVER_META)

    def visit_contents(self, block: b.Contents) -> None:
        """A TOC field whose current result already lists the headings, each a link to its heading's
        bookmark, for viewers that never update it; with the pages known (``contents_pages``) each entry
        ends with its page number after a dotted tab, and the field is not marked for Word to redo."""
        self.add(block.title, "TOC Heading")
        sections = [s for s in self.document.sections() if s.in_contents and s.level <= block.depth]
        pages = self.contents_pages
        start = fragments.field_start(f'TOC \\o "1-{block.depth}" \\h \\z \\u', dirty=pages is None)
        if not sections:
            self.body.add(fragments.paragraph(self.style_ids["toc 1"], start + fragments.FIELD_END))
            return
        entries = [(section, f"_Toc{index + 1:08d}") for index, section in enumerate(sections)]
        self.heading_bookmarks.update((section.anchor, bookmark) for section, bookmark in entries)
        self.body.add_later(lambda: self.contents_entries(entries, start, pages))  # pages may still be counted

    def contents_entries(self, entries: list[tuple[b.Section, str]], start: str,
                         pages: Mapping[str, int | str] | None) -> str:
        """The contents' paragraphs: each entry a link to its heading's bookmark, with its page if known."""
        paragraphs = []
        last = len(entries) - 1
        for index, (section, bookmark) in enumerate(entries):
            runs = fragments.run(section.title)
            if pages is not None and section.anchor in pages:
                number = str(pages[section.anchor])
                runs += "<w:r><w:tab/></w:r>" + fragments.field(f"PAGEREF {bookmark} \\h", number)
            runs = f'<w:hyperlink w:anchor="{bookmark}" w:history="1">{runs}</w:hyperlink>'
            if index == 0:
                runs = start + runs  # the field's instruction comes before the first entry's text
            if index == last:
                runs += fragments.FIELD_END
            paragraphs.append(fragments.paragraph(self.style_ids[f"toc {section.level}"], runs))
        return "".join(paragraphs)

    def visit_section(self, block: b.Section) -> None:
        """The heading, inside the bookmark its contents entry links to, then what belongs under it."""
        style_id = self.style_ids[f"Heading {min(block.level, 3)}"]
        bookmark = self.heading_bookmarks.get(block.anchor)
        runs = fragments.run(block.title) if block.title else ""
        self.body.add(fragments.paragraph(style_id, self.bookmarks.around(bookmark, runs) if bookmark else runs))
        self.blocks(block.children)

    def visit_paragraph(self, block: b.Paragraph) -> None:
        self.add(block.text, PARAGRAPH_STYLES.get(block.style, "Normal"))

    def visit_bullet_list(self, block: b.BulletList) -> None:
        for item in block.items:
            self.add(item, "List Bullet")

    def visit_question(self, block: b.Question) -> None:
        self.add(block.label, QUESTION_LABEL)
        self.add(block.text, "Intense Quote")

    def visit_key_figures(self, block: b.KeyFigures) -> None:
        """Cards in a borderless table: a shaded cell per figure, narrow gap columns and gap rows between."""
        count = len(block.items)
        per_row = 2 if count in (1, 4) else count  # a lone card is half the width, as in the PDF
        gap = int(4 * _TWIPS_PER_MM)
        card = (self.width - gap * (per_row - 1)) // per_row
        widths = [card if column % 2 == 0 else gap for column in range(2 * per_row - 1)]
        accent, shade = self.theme.colors["accent"][1:], self.theme.colors["shade"][1:]
        ids = self.style_ids
        cards = []
        sizes = self.row_figure_sizes(block.items, per_row, card)
        for index, item in enumerate(block.items):
            content = ""
            if item.qualifier:
                content = fragments.paragraph(ids[KEY_FIGURE_QUALIFIER], fragments.run(item.qualifier))
            size = sizes[index // per_row]
            figure = fragments.sized_run(item.figure, size) if size else fragments.run(item.figure)
            if item.note:
                figure += self.footnotes.mark(item.note.note)
            content += fragments.paragraph(ids[KEY_FIGURE], figure)
            content += self.paragraph(item.label, KEY_FIGURE_LABEL)
            if item.source:
                content += self.paragraph(item.source, FIGURE_SOURCE)
            cards.append(fragments.cell(card, content, border=("top", accent, 16), fill=shade))
        rows = []
        for start in range(0, count, per_row):
            if start:
                rows.append(fragments.row((fragments.cell(width) for width in widths), exact_height=gap))
            line = cards[start:start + per_row]
            line += [fragments.cell(card)] * (per_row - len(line))
            cells = [line[column // 2] if column % 2 == 0 else fragments.cell(gap) for column in range(len(widths))]
            rows.append(fragments.row(cells))
        properties = fragments.table_properties(widths, borderless=True, margins=(
            100, _CARD_SIDE_MARGIN, 120, _CARD_SIDE_MARGIN))
        self.body.add(f"<w:tbl>{properties}{''.join(rows)}</w:tbl>")
        self.add("", NOTE)

    def row_figure_sizes(self, items: tuple[b.KeyFigure, ...], per_row: int, card: int) -> list[float | None]:
        """Per row of cards, the size its figures share: None (the style's) when the longest fits on one
        line of a card, else the size at which it does, down to 60 % (below that it wraps between words):
        never one card silently smaller than its neighbours."""
        full = self.theme.sizes["figure"]
        room = (card - 2 * _CARD_SIDE_MARGIN) / 20 - full * 0.6  # points, less the note mark
        sizes: list[float | None] = []
        for start in range(0, len(items), per_row):
            longest = max(estimated_width(item.figure, full, bold=True) for item in items[start:start + per_row])
            sizes.append(None if longest <= room else max(full * room / longest, full * 0.6))
        return sizes

    def visit_expert_card(self, block: b.ExpertCard) -> None:
        """Held until its run ends: Word merges adjacent tables, so a run of cards is one table."""
        self.cards.append(block)

    def write_held_cards(self) -> None:
        """The held cards as one table, a shaded row per card with a gap row between."""
        if not self.cards:
            return
        cards, self.cards = self.cards, []
        primary, shade = self.theme.colors["primary"][1:], self.theme.colors["shade"][1:]
        gap = fragments.row([fragments.cell(self.width)], exact_height=int(2.5 * _TWIPS_PER_MM))
        rows = []
        ids = self.style_ids
        for index, card in enumerate(cards):
            first = index == 0  # kept with the section heading: never alone at the top of a page
            content = fragments.paragraph(ids[EXPERT_NAME], fragments.run(card.name), keep_with_next=first)
            if card.role_line:
                content += fragments.text_paragraph(ids[EXPERT_ROLE], card.role_line, keep_with_next=first)
            if card.summary:
                content += fragments.text_paragraph(ids[EXPERT_SUMMARY], card.summary, keep_with_next=first)
            rows.append(fragments.row([fragments.cell(self.width, content, border=("left", primary, 24),
                                                      fill=shade)]))
        properties = fragments.table_properties([self.width], borderless=True, margins=(110, 200, 130, 220))
        self.body.add(f"<w:tbl>{properties}{gap.join(rows)}</w:tbl>")
        self.add("", NOTE)

    def visit_table(self, block: b.Table) -> None:
        """A table in the pack's table style: a header row repeated on every page, rows that never split,
        columns as wide as their text asks (``column_widths``), figures at the right."""
        columns = block.columns
        rows_text = [_breakable(block, values) for values in block.rows]
        notes = list(block.notes) + [None] * (len(block.rows) - len(block.notes))
        widths = self.column_widths(columns, rows_text, any(notes))
        ids = self.style_ids
        heading = ids[TABLE_HEADING]
        value_styles = [ids[TABLE_FIGURE] if column.numeric else ids[TABLE_TEXT] for column in columns]
        rows = [fragments.row((fragments.cell(width, fragments.paragraph(heading, fragments.run(column.title)))
                               for width, column in zip(widths, columns)), header=True)]
        for values, note in zip(rows_text, notes):
            cells = []
            for index, (width, value, style_id) in enumerate(zip(widths, values, value_styles)):
                runs = fragments.run(value)
                if index == 0 and note:
                    runs += self.footnotes.mark(note.note)
                cells.append(fragments.cell(width, fragments.paragraph(style_id, runs)))
            cells.extend(fragments.cell(width) for width in widths[len(cells):])
            rows.append(fragments.row(cells))
        properties = fragments.table_properties(widths, style_id=ids[TABLE_STYLE], margins=(60, _CELL_MARGIN_TWIPS,
                                                60, _CELL_MARGIN_TWIPS), header_look=True)
        self.body.add(f"<w:tbl>{properties}{''.join(rows)}</w:tbl>")
        self.add("", NOTE)

    def column_widths(self, columns: tuple[b.Column, ...], rows: list[tuple[str, ...]], marked: bool) -> list[int]:
        """Twips per column from the text measured at the table's size (``widths.fitted``): at least the
        longest word of the title and cells, a figure (numeric column) whole unless it is very long, and
        beyond that room where a column's lines are long. Word measures only when it lays the text out, so
        widths are estimated generously from the letters (``widths.estimated_width``)."""
        size = self.theme.sizes["small"]
        padding = 2 * _CELL_MARGIN_TWIPS

        def measure(text: str, bold: bool = False) -> float:
            return estimated_width(text, size, bold) * 20

        mark = measure("00") * _MARK_SCALE if marked else 0.0  # a note's number beside the first cell's figure
        minimums, naturals = [], []
        for index, column in enumerate(columns):
            cells = [row[index] for row in rows if index < len(row)]
            extra = mark if index == 0 else 0.0
            title = widest_word(column.title, lambda word: measure(word, True))
            bold = column.numeric  # figures are set in bold (the Table Figure style)
            words = [widest_word(cell, lambda word: measure(word, bold)) + extra for cell in cells]
            lines = [measure(cell, bold) + extra for cell in cells]
            low = max([title, *words])
            if column.numeric:  # a figure stays whole on its line unless it is very long
                low = max(low, min(max(lines, default=0.0), self.width * _WHOLE_FIGURE_SHARE))
            line = max([measure(column.title, True), *lines])
            minimums.append(low + padding)
            naturals.append(line + padding)
        widths = [int(width) for width in fitted(minimums, naturals, self.width)]
        widths[-1] += self.width - sum(widths)  # whole twips that still fill the text width
        return widths

    def visit_commentary(self, block: b.Commentary) -> None:
        self.add(block.name, "Heading 3")
        if block.role_line:
            self.add(block.role_line, EXPERT_ROLE)
        for text in block.paragraphs:
            self.add(text, "Normal")

    def visit_notes(self, block: b.Notes) -> None:
        """Nothing: in Word each note is a footnote at its mark, so the list would say it twice."""

    def visit_page_break(self, block: b.PageBreak) -> None:
        self.body.add(fragments.PAGE_BREAK)


def _breakable(table: b.Table, values: tuple[str, ...]) -> tuple[str, ...]:
    """A row's cells; in a sources table, a one-word cell (a file's name or path) with a zero-width space
    after each separator, so that Word breaks a long name there, never mid-word."""
    if table.role != "sources":
        return values
    return tuple(value if " " in value else _PATH_SEPARATORS.sub("\\1\u200b", value) for value in values)


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
    """Brand and the current chapter's title above (a STYLEREF field to the chapter heading style, which
    Word fills in per page; the pack's title until it does), footer text and "Page X of Y" (fields) at the
    right below; none on the cover."""
    header = section.header.paragraphs[0]
    header._p.style = style_ids[HEADER_TEXT]
    header.add_run(_clipped(meta.author, _RUNNING_CHARS) + "\t")
    oxml.add_field(header, f'STYLEREF "{CHAPTER_HEADING}"', _clipped(meta.title, _RUNNING_CHARS))
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

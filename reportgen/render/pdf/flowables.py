"""Blocks → reportlab flowables: one small visit method per block type.

Cards, the question, key figures and notes are boxes drawn directly
(``boxes.BoxGrid``), never cut across pages unless taller than one; headings
keep with what follows; tables repeat their header row and never split a row.
"""

from __future__ import annotations

from typing import Any, Callable

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable, KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph, Spacer, Table,
    TableStyle,
)

from ...compose import blocks as b
from ..visitor import BlockVisitor
from .boxes import Bar, Box, BoxGrid, BoxStyle
from .columns import ColumnText, Font, bind_units, column_widths, file_lines
from .fonts import Typeset
from .text import Text
from .page import CONTENTS_KEY
from .styles import Palette


_UNBOUNDED = 1e9
_SHORT_CELL = 200  # characters: fewer fill well under a page even in a narrow column
_CELL_PADDING = 2.2 * mm
_LEAST_ROWS = 2  # body rows a table keeps on each side of a page break
_CARRIED_LINES = 2  # lines of a chapter's last paragraph that go with its notes onto a new page
_SMALLEST_FIGURE = 11  # points: a key figure shrinks to this before it wraps


class Heading(Text):
    """A paragraph that reports itself, once placed, to the outline and the contents (``PackTemplate``).

    A heading taller than a page is split as any paragraph is (reportlab makes
    the pieces with ``Paragraph``'s own keywords); only its first piece reports.
    """

    def __init__(self, text: str | None, style: Any, outline: tuple[int, str, str] | None = None,
                 **pieces: Any) -> None:
        super().__init__(text, style, **pieces)
        self.outline = outline

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        parts = super().split(availWidth, availHeight)
        if parts:
            parts[0].outline = self.outline
        return parts


class Contents(Flowable):
    """The pack's contents in one layout pass: the lines are known before layout, only their numbers are not.

    A line is its heading's text linked to the heading, then dot leaders and the page number,
    right-aligned, as reportlab's TableOfContents draws them. Those two are a form XObject: drawn
    (referenced) where the line ends, and defined by ``place`` once the pages are numbered, as the
    footer's page count is, after the whole layout: each line has been drawn, and its room for the
    number measured, by then.
    """

    _CALLBACK = "rg-contents"
    _DOT = " . "

    def __init__(self, level_styles: list[ParagraphStyle], table_style: TableStyle, width: float) -> None:
        super().__init__()
        self.level_styles, self.table_style, self.frame_width = level_styles, table_style, width
        self._lines: list[tuple[int, str, str]] = []  # level, markup, destination key
        self._line_of: dict[str, int] = {}  # destination key → line
        self._room: dict[int, float] = {}  # line → width from the end of its text to the right edge
        self._table: Table | None = None

    def add(self, level: int, markup: str, key: str) -> None:
        self._line_of[key] = len(self._lines)
        self._lines.append((level, markup, key))

    def lists(self, key: str) -> bool:
        return key in self._line_of

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        self.canv.setNamedCB(self._CALLBACK, self._line_end)
        if self._table is None:
            rows: list[list[Flowable]] = []
            for index, (level, markup, key) in enumerate(self._lines):
                style = self.level_styles[level]
                if style.spaceBefore:
                    rows.append([Spacer(1, style.spaceBefore)])
                rows.append([Paragraph(f'<a href="#{key}">{markup}</a>'
                                       f'<onDraw name="{self._CALLBACK}" label="{index}"/>', style)])
            self._table = Table(rows, colWidths=(self.frame_width,), style=self.table_style)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        return self._table.splitOn(self.canv, availWidth, availHeight)

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self._table.drawOn(canvas, x, y, _sW)

    def _line_end(self, canvas: Any, kind: str, label: str) -> None:
        """Where a line's text ends: reference its number's form there and link the rest of the line."""
        index = int(label)
        level, _, key = self._lines[index]
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]  # noqa: SLF001 - reportlab's
        self._room[index] = self.frame_width - x
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(self._form(index))
        canvas.restoreState()
        canvas.linkRect("", key, (x, y, self.frame_width, y + self.level_styles[level].leading), relative=1)

    def place(self, canvas: Any, key: str, page: int) -> None:
        """Define the form of ``key``'s line: dots and ``page`` filling the room its line left."""
        index = self._line_of[key]
        style = self.level_styles[self._lines[index][0]]
        room, number = self._room[index], str(page)
        size = style.fontSize
        while stringWidth(number, style.fontName, size) > room and size >= 1.0:  # as TableOfContents shrinks
            size *= 0.9
        number_width = stringWidth(number, style.fontName, size)
        dot_width = stringWidth(self._DOT, style.fontName, size)
        dots = int((room - number_width) / dot_width)
        canvas.beginForm(self._form(index), lowerx=0, lowery=-style.leading, upperx=room, uppery=style.leading)
        text = canvas.beginText(room - dots * dot_width - number_width, 0)
        text.setFont(style.fontName, size)
        text.setFillColor(style.textColor)
        text.textLine(dots * self._DOT + number)
        canvas.drawText(text)
        canvas.endForm()

    @staticmethod
    def _form(index: int) -> str:
        return f"rg-contents-{index}"


class Story(BlockVisitor[list[Flowable]]):
    """Builds the flowables of a Document for one theme's styles and palette; ``visit`` gives a block's
    flowables at its section depth."""

    def __init__(self, styles: dict[str, Any], palette: Palette, typeset: Typeset, heading_typeset: Typeset,
                 width: float, frame_height: float) -> None:
        self.styles, self.palette, self.width, self.frame_height = styles, palette, width, frame_height
        self.typeset, self.heading_typeset = typeset, heading_typeset
        self.contents: Contents | None = None  # the pack's contents, once its block is seen
        self.contents_depth = 0  # section levels the contents lists
        self._figure_styles: dict[float, ParagraphStyle] = {}  # a key figure's style by its font size

    def flowables(self, blocks: tuple[b.Block, ...], depth: int = 0) -> list[Flowable]:
        story: list[Flowable] = []
        for block in blocks:
            story += self.visit(block, depth)
        return story

    def text(self, text: str, style: str, slot: str = "regular") -> Text:
        return Text(self.typeset.markup(text, slot), self.styles[style])

    def note_mark(self, ref: b.NoteRef | None, size: float | None = None) -> str:
        """A superscript link to the note; the mark the note links back to is a destination too."""
        if ref is None:
            return ""
        target = f'<a name="{ref.anchor}"/>' if ref.anchor else ""
        sized = f' size="{size:.1f}"' if size else ""
        return f'{target}<super{sized}>{self._link(ref.note.anchor, ref.note.mark)}</super>'

    def _link(self, anchor: str, markup: str) -> str:
        """An internal link in the primary colour: legible as small text in every theme (an accent may be sand)."""
        return f'<a href="#{anchor}" color="#{self.palette.primary.hexval()[2:]}">{markup}</a>'

    # -- blocks ---------------------------------------------------------

    def visit_cover(self, block: b.Cover, depth: int) -> list[Flowable]:
        from reportlab.platypus.doctemplate import NextPageTemplate

        return [Spacer(1, 1), NextPageTemplate("body")]  # the cover is painted by the page template

    def visit_page_break(self, block: b.PageBreak, depth: int) -> list[Flowable]:
        return [PageBreak()]

    def visit_contents(self, block: b.Contents, depth: int) -> list[Flowable]:
        layout = TableStyle([*self._table_font(), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
        self.contents = Contents([self.styles["toc_1"], self.styles["toc_2"]], layout, self.width)
        self.contents_depth = block.depth
        title = Heading(self.heading_typeset.markup(block.title, "bold"), self.styles["toc_title"],
                        (0, block.title, CONTENTS_KEY))
        return [title, self.contents]

    def list_in_contents(self, blocks: tuple[b.Block, ...], depth: int = 0) -> None:
        """Add the contents' lines of ``blocks`` without making their flowables, as their visits would
        (``visit_section``, ``visit_notes``): for a story laid out in parts, whose contents lists them all."""
        for block in blocks:
            if isinstance(block, b.Section):
                self._listed(depth, block.title, block.anchor, block.in_contents)
                self.list_in_contents(block.children, depth + 1)
            elif isinstance(block, b.Notes):
                self._listed(depth, block.title, block.anchor)

    def _listed(self, depth: int, title: str, anchor: str, in_contents: bool = True) -> None:
        """A line for this heading in the contents, if there is one above it that lists its depth."""
        if self.contents is not None and in_contents and depth < self.contents_depth:
            self.contents.add(depth, self.typeset.markup(title), anchor)

    def visit_section(self, block: b.Section, depth: int) -> list[Flowable]:
        level = min(block.level, 3)
        style = self.styles[f"h{level}"]
        self._listed(depth, block.title, block.anchor, block.in_contents)
        heading = Heading(self.heading_typeset.markup(block.title, "bold"), style, (depth, block.title, block.anchor))
        story: list[Flowable] = [heading]
        if level == 1:
            story.append(_Rule(self.width, 1.2, self.palette.accent, 46 * mm))
        story += self.flowables(block.children, depth + 1)
        if level == 1:
            _carry_into_notes(story)
        return story

    def visit_paragraph(self, block: b.Paragraph, depth: int) -> list[Flowable]:
        if block.style == "note":
            return [_spaced(self.text(block.text, "note", "italic"), before=3 * mm)]
        slot = "bold" if block.style == "source" else "regular"
        return [self.text(block.text, block.style if block.style in self.styles else "body", slot)]

    def visit_bullet_list(self, block: b.BulletList, depth: int) -> list[Flowable]:
        items = [ListItem(self.text(item, "body"), leftIndent=12, value="•") for item in block.items]
        return [ListFlowable(items, bulletType="bullet", start="•", leftIndent=12,
                             bulletColor=self.palette.accent, bulletFontName=self.styles["body"].fontName)]

    def visit_question(self, block: b.Question, depth: int) -> list[Flowable]:
        cell = [self.text(block.label.upper(), "question_label", "bold"), self.text(block.text, "question", "italic")]
        return [self._card(cell, self.palette.accent, before=2 * mm, after=2 * mm)]

    def visit_key_figures(self, block: b.KeyFigures, depth: int) -> list[Flowable]:
        """Cards in rows (two rows of two for four), a gutter between cards and between rows.

        A row reads as one: its figures share one size (the largest at which each fits its card on
        one line, else the smallest allowed, wrapping between words), and their baselines line up,
        a card without a qualifier ("ABOUT") keeping its room. A lone card is half the width, not
        a banner across the page."""
        count = len(block.items)
        per_row = 2 if count in (1, 2, 4) else min(count, 3)
        gap = 4 * mm
        card_width = (self.width - gap * (per_row - 1)) / per_row
        look = BoxStyle((4 * mm, 4 * mm, 3.2 * mm, 3.6 * mm), self.palette.shade, Bar("top", 2, self.palette.accent))
        rows = []
        for start in range(0, count, per_row):
            items = block.items[start:start + per_row]
            style = self._figure_style(min(self._figure_size(item, card_width - 8 * mm) for item in items))
            qualified = any(item.qualifier for item in items)
            rows.append([Box(card_width, tuple(self._figure_cell(item, style, qualified)), look) for item in items])
        return [BoxGrid(rows, gap, self.frame_height, space_before=1 * mm, space_after=2 * mm)]

    def _figure_size(self, item: b.KeyFigure, width: float) -> float:
        """The largest size, down to 11 points, at which the figure and its note mark fit ``width`` on one line."""
        style = self.styles["figure"]
        mark = item.note.note.mark if item.note else ""

        def wide(size: float) -> float:
            return stringWidth(item.figure, style.fontName, size) + stringWidth(mark, style.fontName, _mark_size(size)) + 1

        size = style.fontSize
        while size > _SMALLEST_FIGURE and wide(size) > width:
            size -= 0.5
        return size

    def _figure_style(self, size: float) -> ParagraphStyle:
        """One style per size, not per card: most figures keep the full size."""
        figure_style = self._figure_styles.get(size)
        if figure_style is None:
            figure_style = self._figure_styles[size] = ParagraphStyle("figure-fit", parent=self.styles["figure"],
                                                                      fontSize=size, leading=size * 1.15)
        return figure_style

    def _figure_cell(self, item: b.KeyFigure, style: ParagraphStyle, qualified: bool) -> list[Flowable]:
        """Qualifier (or its room, when another card of the row has one), figure, label, source."""
        cell: list[Flowable] = []
        if item.qualifier:
            cell.append(self.text(item.qualifier.upper(), "figure_qualifier", "bold"))
        elif qualified:
            cell.append(Text("\u00a0", self.styles["figure_qualifier"]))  # an empty line as tall as a qualifier
        mark = self.note_mark(item.note, _mark_size(style.fontSize))
        cell += [Text(self.heading_typeset.markup(item.figure, "bold") + mark, style),
                 self.text(item.label, "figure_label", "bold")]
        if item.source:
            cell.append(self.text(item.source, "figure_source"))
        return cell

    def visit_expert_card(self, block: b.ExpertCard, depth: int) -> list[Flowable]:
        cell: list[Flowable] = [Text(self.heading_typeset.markup(block.name, "bold"), self.styles["card_name"])]
        if block.role_line:
            cell.append(self.text(block.role_line, "card_role", "italic"))
        if block.summary:
            cell.append(self.text(block.summary, "card_text"))
        return [self._card(cell, self.palette.primary, after=2.5 * mm)]

    def _card(self, cell: list[Flowable], bar: Any, before: float = 0, after: float = 0) -> BoxGrid:
        """A shaded box with a bar on its left: never split across pages, unless it is taller than a page."""
        look = BoxStyle((4.5 * mm, 4.5 * mm, 3 * mm, 3.4 * mm), self.palette.shade, Bar("left", 2.5, bar))
        return BoxGrid([[Box(self.width, tuple(cell), look)]], 0, self.frame_height, before, after)

    def _whole_rows(self, make: Callable[[int], Table], longest: int, repeated: int = 0) -> Table:
        """``make(0)``: a table whose rows never split; ``make(1)`` if a row is taller than a page (with
        the ``repeated`` header rows above it), which could never be placed whole (a 20,000-character
        title, a source a page long). Tables whose ``longest`` cell text is short are not measured."""
        table = make(0)
        if longest < _SHORT_CELL:
            return table
        table.wrap(self.width, _UNBOUNDED)
        heights = table._rowHeights  # noqa: SLF001 - reportlab keeps the measured rows here
        if sum(heights[:repeated]) + max(heights[repeated:], default=0) <= self.frame_height:
            return table
        return make(1)

    def _table_font(self) -> list[tuple]:
        """Tables start every cell with a font; name ours, or reportlab adds unembedded Helvetica."""
        return [("FONTNAME", (0, 0), (-1, -1), self.styles["body"].fontName)]

    def _column_kinds(self, block: b.Table) -> list[str]:
        """How each column's cells may break: figures stay whole when short, a sources table's file
        names (no spaces, a separator in each) break only at separators, the rest between words."""
        def files(index: int) -> bool:
            cells = [row[index] for row in block.rows]
            return bool(cells) and all(cell and not any(c.isspace() for c in cell) and any(c in "/\\_.-" for c in cell)
                                       for cell in cells)

        return ["figure" if column.numeric else "file" if block.role == "sources" and files(index) else "text"
                for index, column in enumerate(block.columns)]

    def _column_widths(self, block: b.Table, kinds: list[str]) -> list[float]:
        """Widths measured from the strings each column holds (``columns.column_widths``)."""
        columns = []
        for index, (column, kind) in enumerate(zip(block.columns, kinds)):
            head = self.styles["table_head_number" if column.numeric else "table_head"]
            body = self.styles["table_number" if column.numeric else "table_cell"]
            extra = 0.0
            if index == 0 and block.notes:  # the note mark after the first cell, set as a superscript
                marks = [ref.note.mark for ref in block.notes if ref is not None]
                extra = max((stringWidth(mark, body.fontName, body.fontSize * 0.7) for mark in marks), default=0.0) + 1
            columns.append(ColumnText(column.title, [row[index] for row in block.rows],
                                      Font(head.fontName, head.fontSize), Font(body.fontName, body.fontSize),
                                      kind, extra))
        return column_widths(columns, self.width, _CELL_PADDING)

    def visit_table(self, block: b.Table, depth: int) -> list[Flowable]:
        kinds = self._column_kinds(block)
        widths = self._column_widths(block, kinds)
        header = [self.text(column.title, "table_head_number" if column.numeric else "table_head", "bold")
                  for column in block.columns]
        notes = block.notes or (None,) * len(block.rows)
        body = [[self._table_cell(cell, column, width, self.note_mark(note) if index == 0 else None, kind)
                 for index, (cell, column, width, kind) in enumerate(zip(row, block.columns, widths, kinds))]
                for row, note in zip(block.rows, notes)]
        table = self._whole_rows(lambda split: RowTable([header, *body], colWidths=widths, repeatRows=1, hAlign="LEFT",
                                                      splitInRow=split),
                                 max((len(cell) for row in block.rows for cell in row), default=0), repeated=1)
        commands: list[tuple] = [
            *self._table_font(), ("BACKGROUND", (0, 0), (-1, 0), self.palette.primary), ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, -1), (-1, -1), 0.8, self.palette.primary),
            ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.9 * mm),
        ]
        if len(body) > 1:
            commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [self.palette.paper, self.palette.stripe]))
        cell = self.styles["table_cell"]  # how a cell that is a plain string is drawn: as its paragraph would be
        commands += [("FONTSIZE", (0, 1), (-1, -1), cell.fontSize), ("LEADING", (0, 1), (-1, -1), cell.leading),
                     ("TEXTCOLOR", (0, 1), (-1, -1), cell.textColor)]
        for index, column in enumerate(block.columns):
            if column.numeric:
                commands += [("FONTNAME", (index, 1), (index, -1), self.styles["table_number"].fontName),
                             ("ALIGN", (index, 1), (index, -1), "RIGHT")]
        table.setStyle(TableStyle(commands))
        return [_spaced(table, before=1 * mm, after=3 * mm)]

    def _table_cell(self, text: str, column: b.Column, width: float, mark: str | None,
                    kind: str = "text") -> Flowable | str:
        """A body cell: a paragraph, or the text itself when it is plain and fits on one line.

        A table draws a string cell with one drawString, where a paragraph is
        laid out and drawn word by word; at the same font, colour, alignment
        and first baseline (the top padding, then the font size) they look the
        same. The first column stays a paragraph (it carries the note mark),
        so a row is as tall as a line of the paragraph style: a string's own
        height (1.2 × the font size) is less."""
        style = self.styles["table_number" if column.numeric else "table_cell"]
        slot = "bold" if column.numeric else "regular"
        if kind == "file":  # broken where the measure allowed: after a separator, never mid-word
            lines = file_lines(text, Font(style.fontName, style.fontSize), width - 2 * _CELL_PADDING - 1)
            if len(lines) > 1:
                return Text("<br/>".join(self.typeset.markup(line, slot) for line in lines) + (mark or ""), style)
        markup = self.typeset.markup(bind_units(text) if kind == "figure" else text, slot)
        if mark is None and "<" not in markup and "&" not in markup:
            words = " ".join(markup.split(" ")).strip()  # not split(): it would drop the no-break spaces
            if words and stringWidth(words, style.fontName, style.fontSize) <= width - 2 * _CELL_PADDING:
                return words
        return Text(markup + (mark or ""), style)

    def visit_commentary(self, block: b.Commentary, depth: int) -> list[Flowable]:
        heading = Heading(self.heading_typeset.markup(block.name, "bold"), self.styles["h3"],
                          (depth, block.name, f"{id(block)}"))
        story: list[Flowable] = [heading]
        if block.role_line:
            story.append(self.text(block.role_line, "role", "italic"))
        return story + [self.text(paragraph, "body") for paragraph in block.paragraphs]


    def visit_notes(self, block: b.Notes, depth: int) -> list[Flowable]:
        """The article's notes: number (back to its figure), the sentence as written, source and speaker.

        One row per note, the numbers hanging in their own column; a note is never split across pages."""
        self._listed(depth, block.title, block.anchor)
        heading = Heading(self.heading_typeset.markup(block.title, "bold"), self.styles["h2"],
                          (depth, block.title, block.anchor))
        number_width = 9 * mm
        number_look = BoxStyle((0, 2 * mm, 0, 2.2 * mm))
        text_look = BoxStyle((0, 6, 0, 2.2 * mm))  # 6 points on the right, as the notes had as table cells
        rows: list[list[Box]] = []
        for note in block.items:
            number = f'<a name="{note.anchor}"/>' + self._link(note.back_anchor, f"<b>{note.mark}</b>")
            text: list[Flowable] = [self.text(note.sentence, "note_text")]
            credit = " · ".join(part for part in (note.source, note.cited_by) if part)
            if credit:
                text.append(self.text(credit, "note_credit", "italic"))
            rows.append([Box(number_width, (Text(number, self.styles["note_number"]),), number_look),
                         Box(self.width - number_width, tuple(text), text_look)])
        return [heading, *([_Notes(rows, 0, self.frame_height)] if rows else [])]


def _mark_size(figure_size: float) -> float:
    """The size of a key figure's note mark."""
    return max(7.0, figure_size * 0.45)


class _Notes(BoxGrid):
    """An article's notes: a grid of rows, one per note, under their heading."""


def _carry_into_notes(story: list[Flowable]) -> None:
    """Keep the chapter's last paragraph with its notes' heading, so that its last lines go along
    when the notes start a page: a page of notes alone reads as a stray (``KeepWithNext.split``)."""
    at = next((index for index, flowable in enumerate(story) if isinstance(flowable, _Notes)), 0)
    before = story[at - 2] if at >= 2 else None
    if isinstance(before, Text) and not isinstance(before, Heading):
        before.keepWithNext = 1
        before.carried_lines = _CARRIED_LINES


class KeepWithNext(KeepTogether):
    """What keeps a heading with what follows it: with its start, not with all of it.

    reportlab's ``KeepTogether`` moves the whole group to the next page when it
    does not fit, so a heading over a long table left most of a page blank. Here
    the group's last flowable is split where the page ends, the headings staying
    with its first piece (two lines, two rows, a card: what each keeps whole);
    only when no piece fits does the group move on. A paragraph that
    ``carried_lines`` first (a chapter's last, before its notes) gives that many
    of its last lines to the next page rather than all of itself."""

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        *heads, last = self._content
        if self._H <= aH or not heads or _taller_than_a_page(last):
            return super().split(aW, aH)  # a box taller than a page starts on a page of its own
        used = sum(head.wrapOn(self.canv, aW, aH)[1] + head.getSpaceBefore() + head.getSpaceAfter()
                   for head in heads) + last.getSpaceBefore()
        pieces = last.splitOn(self.canv, aW, aH - used) if aH - used > 0 else []
        carrier = next((index for index, head in enumerate(heads) if getattr(head, "carried_lines", 0)), None)
        if len(pieces) >= 2 and not (carrier is not None and self._stray(pieces[-1], aW)):
            return [*heads, *pieces]
        if carrier is not None:
            first = heads[carrier]
            above = sum(head.wrapOn(self.canv, aW, aH)[1] + head.getSpaceBefore() + head.getSpaceAfter()
                        for head in heads[:carrier])
            room = min(aH - above, first.wrapOn(self.canv, aW, aH)[1] - first.carried_lines * first.style.leading)
            lines = first.splitOn(self.canv, aW, room) if room > 0 else []
            if len(lines) == 2:
                return [*heads[:carrier], lines[0], KeepWithNext([lines[1], *heads[carrier + 1:], last])]
        if len(pieces) >= 2:
            return [*heads, *pieces]
        return super().split(aW, aH)

    def _stray(self, rest: Flowable, width: float) -> bool:
        """Whether ``rest`` (the notes left for the next page) would fill less than a third of it."""
        frame_height = getattr(rest, "frame_height", None)
        return frame_height is not None and rest.wrapOn(self.canv, width, frame_height)[1] < frame_height / 3


def _taller_than_a_page(flowable: Flowable) -> bool:
    return isinstance(flowable, BoxGrid) and flowable.first_row_height() > flowable.frame_height


class RowTable(Table):
    """A table that splits between rows with at least two body rows on each side (a row alone
    under its repeated header, or left at a page foot, reads as a stray)."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        pieces = super().split(availWidth, availHeight)
        if len(pieces) != 2 or self.splitInRow:  # a row taller than a page is cut wherever the page ends
            return pieces
        body = len(self._cellvalues) - self.repeatRows
        first = len(pieces[0]._cellvalues) - self.repeatRows  # noqa: SLF001 - reportlab's rows
        if first < _LEAST_ROWS:
            return []
        if body - first >= _LEAST_ROWS or body < 2 * _LEAST_ROWS:
            return pieces
        kept = self.repeatRows + body - _LEAST_ROWS
        return super().split(availWidth, sum(self._rowHeights[:kept]) + 0.01)


def _spaced(flowable: Flowable, before: float = 0, after: float = 0) -> Flowable:
    """Space as the flowable's own, not Spacers: a heading's keep-with-next then holds the block itself."""
    flowable.spaceBefore, flowable.spaceAfter = before, after
    return flowable


class _Rule(Flowable):
    """A short coloured rule under a chapter title."""

    def __init__(self, frame_width: float, thickness: float, color: Any, length: float) -> None:
        super().__init__()
        self.thickness, self.color, self.length = thickness, color, min(length, frame_width)
        self.spaceAfter = 4 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.length, self.thickness

    def draw(self) -> None:
        self.canv.setFillColor(self.color)
        self.canv.rect(0, 0, self.length, self.thickness, stroke=0, fill=1)

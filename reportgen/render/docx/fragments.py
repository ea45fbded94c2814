"""The body's WordprocessingML written as text, block by block, and parsed into the document in bulk.

python-docx builds a paragraph through several proxy objects and a schema-order
search per child element, which made it the pack's main cost. Here a block is
a string of the same markup (every text escaped, every child in schema
order), and ``Fragments.flush`` parses all pending blocks with one lxml call
and moves them before the body's section properties. The markup is what
python-docx would write, so a Word pack keeps its bytes.
"""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from lxml import etree

from .oxml import xml_safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OPEN = f'<w:body xmlns:w="{W_NS}">'
_CLOSE = "</w:body>"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def run_content(text: str) -> str:
    """The children of a run holding ``text``: ``w:t`` pieces, a ``w:tab`` per tab, a ``w:br`` per line end."""
    if "\t" not in text and "\n" not in text and "\r" not in text:
        return _t(text)
    pieces: list[str] = []
    piece: list[str] = []
    for char in text:
        if char == "\t" or char in "\r\n":
            if piece:
                pieces.append(_t("".join(piece)))
                piece.clear()
            pieces.append("<w:tab/>" if char == "\t" else "<w:br/>")
        else:
            piece.append(char)
    if piece:
        pieces.append(_t("".join(piece)))
    return "".join(pieces)


def _t(text: str) -> str:
    escaped = text.translate(_ESCAPES)
    if len(text.strip()) < len(text):  # as python-docx: only text with outer spaces keeps them explicitly
        return f'<w:t xml:space="preserve">{escaped}</w:t>'
    return f"<w:t>{escaped}</w:t>"


def run(text: str) -> str:
    """A run of ``text`` (made XML-safe); an empty run for empty text."""
    return f"<w:r>{run_content(xml_safe(text))}</w:r>" if text else "<w:r/>"


def sized_run(text: str, points: float) -> str:
    """A run of ``text`` at ``points`` rather than its paragraph style's size (a row of key figures
    shrunk together so that the longest fits its card)."""
    half_points = round(points * 2)
    return (f'<w:r><w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
            f"{run_content(xml_safe(text))}</w:r>")


def styled_run(style_id: str, content: str) -> str:
    """A run in character style ``style_id`` holding ``content`` (markup)."""
    return f'<w:r><w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>{content}</w:r>'


def paragraph(style_id: str, runs: str = "", *, keep_with_next: bool = False) -> str:
    """A paragraph in ``style_id`` holding ``runs`` (markup); ``keep_with_next`` where its place, not its
    style, asks for it (the first of a run of cards, kept with its heading)."""
    keep = "<w:keepNext/>" if keep_with_next else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/>{keep}</w:pPr>{runs}</w:p>'


def text_paragraph(style_id: str, text: str, *, keep_with_next: bool = False) -> str:
    """A paragraph of ``text`` in ``style_id``: one run, none when the text is empty."""
    return paragraph(style_id, run(text) if text else "", keep_with_next=keep_with_next)


def field_start(instruction: str, dirty: bool) -> str:
    """The runs opening a field whose current result follows; ``dirty`` asks Word to recompute it on opening."""
    flag = ' w:dirty="true"' if dirty else ""
    return (f'<w:r><w:fldChar w:fldCharType="begin"{flag}/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction.translate(_ESCAPES)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def field(instruction: str, result: str) -> str:
    """A whole field with ``result`` (plain text) as its current result."""
    return field_start(instruction, dirty=False) + run(result) + FIELD_END


def styled_field(style_id: str, instruction: str, result: str) -> str:
    """A field whose runs, and its current ``result`` (plain text), are all in character style ``style_id``:
    Word keeps the result's look when it updates the field."""
    properties = f'<w:rPr><w:rStyle w:val="{style_id}"/></w:rPr>'
    return (f'<w:r>{properties}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{properties}<w:instrText xml:space="preserve"> {instruction.translate(_ESCAPES)} </w:instrText>'
            f'</w:r><w:r>{properties}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{properties}{run_content(xml_safe(result))}</w:r>'
            f'<w:r>{properties}<w:fldChar w:fldCharType="end"/></w:r>')


class Bookmarks:
    """Bookmark ids, unique in the document however many parts of the body ask for one."""

    def __init__(self) -> None:
        self.next_id = 0

    def around(self, name: str, content: str) -> str:
        """``content`` (runs) inside the bookmark ``name``."""
        bookmark_id = self.next_id
        self.next_id += 1
        return (f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{name}"/>{content}'
                f'<w:bookmarkEnd w:id="{bookmark_id}"/>')


# -- tables -----------------------------------------------------------------

def table_properties(widths: Sequence[int], *, style_id: str | None = None, borderless: bool = False,
                     margins: tuple[int, int, int, int], header_look: bool = False) -> str:
    """``w:tblPr`` and ``w:tblGrid`` of a fixed-layout table: ``margins`` top, right, bottom, left in twips;
    ``header_look`` turns the table style's header row and zebra rows on."""
    top, right, bottom, left = margins
    parts = ["<w:tblPr>"]
    if style_id is not None:
        parts.append(f'<w:tblStyle w:val="{style_id}"/>')
    parts.append(f'<w:tblW w:type="dxa" w:w="{sum(widths)}"/>')
    if borderless:
        parts.append('<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>'
                     '<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>')
    parts.append(f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="{top}" w:type="dxa"/>'
                 f'<w:left w:w="{left}" w:type="dxa"/><w:bottom w:w="{bottom}" w:type="dxa"/>'
                 f'<w:right w:w="{right}" w:type="dxa"/></w:tblCellMar>')
    if header_look:
        parts.append('<w:tblLook w:firstColumn="0" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
                     'w:noVBand="1" w:val="0420"/>')
    else:
        parts.append('<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
                     'w:noVBand="1" w:val="04A0"/>')
    parts.append("</w:tblPr><w:tblGrid>")
    parts.extend(f'<w:gridCol w:w="{width}"/>' for width in widths)
    parts.append("</w:tblGrid>")
    return "".join(parts)


def row(cells: Iterable[str], *, header: bool = False, exact_height: int | None = None) -> str:
    """A row that never splits across pages; a ``header`` row repeats on each page; ``exact_height`` in twips."""
    properties = '<w:tblHeader w:val="true"/><w:cantSplit w:val="true"/>' if header else '<w:cantSplit w:val="true"/>'
    if exact_height is not None:
        properties += f'<w:trHeight w:val="{exact_height}" w:hRule="exact"/>'
    return f"<w:tr><w:trPr>{properties}</w:trPr>{''.join(cells)}</w:tr>"


def cell(width: int, content: str = "<w:p/>", *, border: tuple[str, str, int] | None = None,
         fill: str | None = None) -> str:
    """A cell ``width`` twips wide holding ``content`` (paragraphs); ``border`` is (side, RRGGBB, eighths
    of a point) and ``fill`` its background (RRGGBB)."""
    properties = f'<w:tcW w:type="dxa" w:w="{width}"/>'
    if border is not None:
        side, color, size = border
        properties += f'<w:tcBorders><w:{side} w:val="single" w:sz="{size}" w:color="{color}"/></w:tcBorders>'
    if fill is not None:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{content}</w:tc>"


class Fragments:
    """Markup waiting to be parsed into one parent element, before its last child or at its end."""

    def __init__(self, parent, before_last: bool) -> None:
        self.parent, self.before_last = parent, before_last
        self.pending: list[str | Callable[[], str]] = []

    def add(self, markup: str) -> None:
        self.pending.append(markup)

    def add_later(self, markup: Callable[[], str]) -> None:
        """Markup made only when flushed, in its place: for content that waits on work still running."""
        self.pending.append(markup)

    def flush(self) -> None:
        """Parse what is pending in one go and move it into the parent."""
        if not self.pending:
            return
        markup = "".join(part if isinstance(part, str) else part() for part in self.pending)
        children = list(etree.fromstring(_OPEN + markup + _CLOSE, _PARSER))
        self.pending.clear()
        at = len(self.parent) - 1 if self.before_last else len(self.parent)
        self.parent[at:at] = children

"""Word documents: the text as it reads once every tracked change is accepted.

A .docx is read element by element rather than through python-docx's
``paragraph.text``, which skips insertions and cannot drop deletions. What
this module yields — paragraphs with their style names, tables as rows of
cells of paragraphs — serves both an ordinary Word article (its headings
and paragraphs become blocks for the parser) and a reportgen pack coming
back from an editor (``reportgen.ingest.wordpack``).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, Union

from ..errors import InputError
from .source import Block, PageMeta

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a long Word article or a template is a few MB unpacked
# A Word file has a few dozen parts (more with pictures); python-docx walks them comparing each
# with every one seen, so ten thousand tiny parts would cost minutes before any text is read.
MAX_PARTS = 2_000
MAX_RELATIONSHIPS = 20_000  # likewise each relationship is checked against the parts seen (a link each)
MAX_TABLE_DEPTH = 32  # tables in cells in tables: Word's own limit is far beyond any article
# Parts python-docx or this module read through the package's relationships, one of each kind:
# one that points outside the file (TargetMode="External") is dropped, so it reads as absent and
# is never fetched; a second of the same kind is dropped too (python-docx refuses to choose).
_SINGLE_PARTS = {"styles", "footnotes", "endnotes", "comments", "numbering", "settings", "fontTable", "theme",
                 "webSettings", "stylesWithEffects", "metadata/core-properties", "extended-properties",
                 "custom-properties"}
_READ_PARTS = _SINGLE_PARTS | {"header", "footer"}
_HINT = "give a .docx saved by Word or LibreOffice"
# Not text once changes are accepted (deletions), or not text at all (field codes, note marks, properties).
_NOT_TEXT = {W + tag for tag in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr", "footnoteReference",
                                 "endnoteReference", "commentReference", "fldChar")}
_REVISIONS = {W + tag for tag in ("ins", "del", "moveFrom", "moveTo")}
# A cross-reference to a note (Word's NOTEREF field, a Word pack's later marks of one note): its
# result is the note's number, a mark like the footnote reference itself, not text.
_NOTE_REFERENCE = re.compile(r"\s*NOTEREF\s+(\S+)", re.IGNORECASE)
_ON = {"1", "true", "on"}


@dataclass(frozen=True)
class WordParagraph:
    style: str
    text: str
    footnotes: tuple[str, ...] = ()  # ids of the footnotes marked in it


@dataclass(frozen=True)
class WordTable:
    rows: tuple[tuple[tuple[WordParagraph, ...], ...], ...]  # rows of cells of paragraphs

    def styles(self) -> set[str]:
        return {paragraph.style for row in self.rows for cell in row for paragraph in cell}


Item = Union[WordParagraph, WordTable]  # noqa: UP007 - a runtime alias


@dataclass
class WordDocument:
    """A .docx read for its text: body items in order, footnotes by id, what an editor left behind."""

    word: Any  # the python-docx Document, for parts and properties
    items: list[Item] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    unaccepted_changes: bool = False
    comments: int = 0


def open_word_package(data: bytes, path: str, hint: str = _HINT) -> Any:
    """``data`` opened with python-docx, or one InputError saying why it cannot be (checked before
    python-docx unpacks anything: a zip bomb is refused by its declared sizes)."""
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
            if "word/document.xml" not in names or "[Content_Types].xml" not in names:
                raise InputError(path, f"is a zip but not a Word document (no word/document.xml); {hint}")
            if unpacked > MAX_UNPACKED_BYTES:
                raise InputError(path, f"unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB; {hint}")
            if len(names) > MAX_PARTS:
                raise InputError(path, f"holds {len(names):,} parts (a Word document has a few dozen); {hint}")
            # every relationship names its Target (an upper bound: TargetMode counts too)
            relationships = sum(package.read(name).count(b"Target") for name in names if name.endswith(".rels"))
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError):  # damaged or exotic compression
        raise InputError(path, f"is not a Word document (not a zip package); {hint}") from None
    if relationships > MAX_RELATIONSHIPS:
        raise InputError(path, f"holds {relationships:,} relationships between its parts (a Word document "
                               f"has a few dozen); {hint}")
    import docx

    try:
        word = docx.Document(BytesIO(data))
        _drop_unreadable_relationships(word.part.package)
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged package
        raise InputError(path, f"cannot be opened as a Word document ({type(error).__name__}: {error}); "
                               f"{hint}") from None
    return word


def _drop_unreadable_relationships(package: Any) -> None:
    """Forget relationships that put a part the reader uses outside the file (styles or footnotes
    "at" a URL or file path), or name a second one of a kind: the part then reads as missing (or
    as the first), as in a file saved without it. Hyperlinks and linked pictures stay; nothing
    here or in python-docx follows them."""
    for source in [package, *package.iter_parts()]:
        seen: set[str] = set()
        for key, relationship in list(source.rels.items()):
            kind = relationship.reltype.rsplit("/relationships/", 1)[-1]
            if (relationship.is_external and kind in _READ_PARTS) or (kind in _SINGLE_PARTS and kind in seen):
                del source.rels[key]
            elif kind in _SINGLE_PARTS:
                seen.add(kind)


def open_docx(data: bytes, path: str) -> WordDocument:
    """The document in ``data``, or one InputError saying why it cannot be read."""
    word = open_word_package(data, path)
    styles = {style.style_id: style.name for style in word.styles}
    document = WordDocument(word)
    body = word.element.body
    try:
        document.items = list(_items(body, styles, _noted_bookmarks(body)))
    except _TooDeep:
        raise InputError(path, f"has tables nested more than {MAX_TABLE_DEPTH} deep; "
                               "save it with its tables flattened, or as .txt") from None
    document.unaccepted_changes = any(element.tag in _REVISIONS for element in body.iter())
    document.comments = sum(1 for element in body.iter() if element.tag == W + "commentReference")
    document.footnotes = _footnotes(word, _custom_marks(body))
    return document


def parse_part(blob: bytes) -> Any:
    """A package part's XML, parsed as python-docx parses its own: no entities expanded, nothing fetched."""
    from lxml import etree

    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))


def accepted_text(element: Any) -> str:
    """The text of a paragraph (or any part of one) with every tracked change accepted; note marks
    (a footnote's custom mark, a NOTEREF field's number) are not text."""
    pieces: list[str] = []
    fields: list[list[str]] = []  # the fields open here, innermost last: [instruction, "code" | "result"]

    def in_note_mark() -> bool:
        return any(part == "result" and _NOTE_REFERENCE.match(code) for code, part in fields)

    def walk(node: Any) -> None:
        custom_mark = False  # a footnote reference in this run whose mark is the text after it
        for child in node:
            tag = child.tag
            if tag == W + "fldChar":
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    fields.append(["", "code"])
                elif kind == "separate" and fields:
                    fields[-1][1] = "result"
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if tag == W + "instrText" and fields:
                fields[-1][0] += child.text or ""
            if tag == W + "footnoteReference" and child.get(W + "customMarkFollows", "").lower() in _ON:
                custom_mark = True
            if tag in _NOT_TEXT or (custom_mark and tag == W + "t") or (tag != W + "r" and in_note_mark()):
                continue
            if tag == W + "t":
                pieces.append(child.text or "")
            elif tag == W + "tab":
                pieces.append("\t")
            elif tag in (W + "br", W + "cr"):
                pieces.append("\n")
            else:
                walk(child)

    walk(element)
    return "".join(pieces)


class _TooDeep(Exception):
    """Tables nested past MAX_TABLE_DEPTH."""


def _noted_bookmarks(body: Any) -> dict[str, str]:
    """Bookmark name → the id of the footnote whose reference it holds: what a NOTEREF points to."""
    noted = {}
    for start in body.iter(W + "bookmarkStart"):
        following = start.getnext()
        reference = following.find(W + "footnoteReference") if following is not None else None
        if reference is not None:
            noted[start.get(W + "name")] = reference.get(W + "id")
    return noted


def _items(container: Any, styles: dict[str, str], noted: dict[str, str], depth: int = 0) -> Iterator[Item]:
    for child in container:
        if child.tag == W + "p":
            if not _paragraph_deleted(child):
                yield _paragraph(child, styles, noted)
        elif child.tag == W + "tbl":
            yield _table(child, styles, noted, depth + 1)
        elif child.tag == W + "sdt":  # a content control (Word's own TOC): its content is body text
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _items(content, styles, noted, depth)


def _table(element: Any, styles: dict[str, str], noted: dict[str, str], depth: int) -> WordTable:
    """A table's own rows of cells; a table inside a cell is read once, in place, as that cell's text."""
    if depth > MAX_TABLE_DEPTH:
        raise _TooDeep
    rows = []
    for row in _own(element, W + "tr"):
        if row.find(f"{W}trPr/{W}del") is not None:
            continue  # a row deleted with changes tracked
        rows.append(tuple(_cell(cell, styles, noted, depth) for cell in _own(row, W + "tc")))
    return WordTable(tuple(rows))


def _cell(element: Any, styles: dict[str, str], noted: dict[str, str], depth: int) -> tuple[WordParagraph, ...]:
    paragraphs: list[WordParagraph] = []
    for item in _items(element, styles, noted, depth):
        if isinstance(item, WordParagraph):
            paragraphs.append(item)
        else:
            paragraphs.extend(paragraph for row in item.rows for cell in row for paragraph in cell)
    return tuple(paragraphs)


def _own(element: Any, tag: str) -> Iterator[Any]:
    """The ``tag`` elements of this table or row (also inside content controls), not of a table nested
    in it: reading a nested table's rows again at every level grew threefold per level."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag != W + "tbl":
            yield from _own(child, tag)


def _paragraph(element: Any, styles: dict[str, str], noted: dict[str, str]) -> WordParagraph:
    """A paragraph's style name, text and the footnotes it marks: by reference, or by a NOTEREF to one."""
    style = element.find(f"{W}pPr/{W}pStyle")
    name = styles.get(style.get(W + "val"), "Normal") if style is not None else "Normal"
    notes = []
    for mark in element.iter(W + "footnoteReference", W + "instrText"):
        if mark.tag == W + "footnoteReference":
            notes.append(mark.get(W + "id"))
        elif (target := _NOTE_REFERENCE.match(mark.text or "")) and target.group(1) in noted:
            notes.append(noted[target.group(1)])
    return WordParagraph(name, accepted_text(element).strip(), tuple(notes))


def _paragraph_deleted(element: Any) -> bool:
    """A paragraph deleted whole with changes tracked: its mark is deleted and no text is left."""
    return element.find(f"{W}pPr/{W}rPr/{W}del") is not None and not accepted_text(element).strip()


def _custom_marks(body: Any) -> dict[str, str]:
    """Footnote id → its custom mark (the text after a ``customMarkFollows`` reference, in its run)."""
    marks = {}
    for reference in body.iter(W + "footnoteReference"):
        if reference.get(W + "customMarkFollows", "").lower() in _ON:
            marks[reference.get(W + "id")] = "".join(t.text or "" for t in reference.itersiblings(W + "t"))
    return marks


def _footnotes(word: Any, custom_marks: dict[str, str]) -> dict[str, str]:
    """Footnote id → its text, without the custom mark a note with one repeats as its first text (as
    Word and LibreOffice save it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = word.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    root = part.element if hasattr(part, "element") else parse_part(part.blob)
    notes = {}
    for note in root.iter(W + "footnote"):
        if note.get(W + "type") is None:
            text, mark = accepted_text(note).strip(), custom_marks.get(note.get(W + "id"))
            notes[note.get(W + "id")] = text[len(mark):].lstrip() if mark and text.startswith(mark) else text
    return notes


_ROLES = {"Title": "h", "Subtitle": "h", "Quote": "quote", "Intense Quote": "quote"}


def blocks_from_docx(document: WordDocument) -> tuple[tuple[Block, ...], PageMeta]:
    """An ordinary Word article (as ``open_docx`` read it) as blocks: headings stay headings, list items
    and quotes keep their role."""
    blocks: list[Block] = []
    for item in document.items:
        paragraphs = [item] if isinstance(item, WordParagraph) else \
            [paragraph for row in item.rows for cell in row for paragraph in cell]
        for paragraph in paragraphs:
            text = " ".join(paragraph.text.split())
            if text:
                role = _ROLES.get(paragraph.style) or ("h" if paragraph.style.startswith("Heading") else
                                                       "li" if paragraph.style.startswith("List") else "p")
                blocks.append(Block(text, role))
    properties = document.word.core_properties
    return tuple(blocks), PageMeta(title=properties.title or None, author=properties.author or None)

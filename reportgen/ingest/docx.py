"""Word documents: the text as it reads once every tracked change is accepted.

A .docx is read element by element rather than through python-docx's
``paragraph.text``, which skips insertions and cannot drop deletions. What
this module yields — paragraphs with their style names, tables as rows of
cells of paragraphs — serves both an ordinary Word article (its headings
and paragraphs become blocks for the parser) and a reportgen pack coming
back from an editor (``reportgen.roundtrip``).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any, Union

from ..errors import InputError
from .source import Block, PageMeta

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a long Word article or a template is a few MB unpacked
_HINT = "give a .docx saved by Word or LibreOffice"
# Not text once changes are accepted (deletions), or not text at all (field codes, note marks, properties).
_NOT_TEXT = {W + tag for tag in ("del", "moveFrom", "delText", "instrText", "pPr", "rPr", "footnoteReference",
                                 "endnoteReference", "commentReference", "fldChar")}
_REVISIONS = {W + tag for tag in ("ins", "del", "moveFrom", "moveTo")}


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
    except zipfile.BadZipFile:
        raise InputError(path, f"is not a Word document (not a zip package); {hint}") from None
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError(path, f"is a zip but not a Word document (no word/document.xml); {hint}")
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(path, f"unpacks to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB; {hint}")
    import docx

    try:
        return docx.Document(BytesIO(data))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged package
        raise InputError(path, f"cannot be opened as a Word document ({type(error).__name__}: {error}); "
                               f"{hint}") from None


def open_docx(data: bytes, path: str) -> WordDocument:
    """The document in ``data``, or one InputError saying why it cannot be read."""
    word = open_word_package(data, path)
    styles = {style.style_id: style.name for style in word.styles}
    document = WordDocument(word)
    body = word.element.body
    document.items = list(_items(body, styles))
    document.unaccepted_changes = any(element.tag in _REVISIONS for element in body.iter())
    document.comments = sum(1 for element in body.iter() if element.tag == W + "commentReference")
    document.footnotes = _footnotes(word)
    return document


def parse_part(blob: bytes) -> Any:
    """A package part's XML, parsed as python-docx parses its own: no entities expanded, nothing fetched."""
    from lxml import etree

    return etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))


def accepted_text(element: Any) -> str:
    """The text of a paragraph (or any part of one) with every tracked change accepted."""
    pieces: list[str] = []

    def walk(node: Any) -> None:
        for child in node:
            tag = child.tag
            if tag in _NOT_TEXT:
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


def _items(container: Any, styles: dict[str, str]) -> Iterator[Item]:
    for child in container:
        if child.tag == W + "p":
            if not _paragraph_deleted(child):
                yield _paragraph(child, styles)
        elif child.tag == W + "tbl":
            rows = []
            for row in child.iter(W + "tr"):
                if row.find(f"{W}trPr/{W}del") is not None:
                    continue  # a row deleted with changes tracked
                rows.append(tuple(tuple(item for item in _items(cell, styles) if isinstance(item, WordParagraph))
                                  for cell in row.iter(W + "tc")))
            yield WordTable(tuple(rows))
        elif child.tag == W + "sdt":  # a content control (Word's own TOC): its content is body text
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _items(content, styles)


def _paragraph(element: Any, styles: dict[str, str]) -> WordParagraph:
    style = element.find(f"{W}pPr/{W}pStyle")
    name = styles.get(style.get(W + "val"), "Normal") if style is not None else "Normal"
    notes = tuple(mark.get(W + "id") for mark in element.iter(W + "footnoteReference"))
    return WordParagraph(name, accepted_text(element).strip(), notes)


def _paragraph_deleted(element: Any) -> bool:
    """A paragraph deleted whole with changes tracked: its mark is deleted and no text is left."""
    return element.find(f"{W}pPr/{W}rPr/{W}del") is not None and not accepted_text(element).strip()


def _footnotes(word: Any) -> dict[str, str]:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    try:
        part = word.part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        return {}
    root = part.element if hasattr(part, "element") else parse_part(part.blob)
    return {note.get(W + "id"): accepted_text(note).strip() for note in root.iter(W + "footnote")
            if note.get(W + "type") is None}


_ROLES = {"Title": "h", "Subtitle": "h", "Quote": "quote", "Intense Quote": "quote"}


def blocks_from_docx(data: bytes, path: str) -> tuple[tuple[Block, ...], PageMeta]:
    """An ordinary Word article as blocks: headings stay headings, list items and quotes keep their role."""
    document = open_docx(data, path)
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

"""What an input holds, told and read once: briefs already made, or an article's text for the parser.

An input is identified once — by its file name, else by its first bytes;
a Word file also by the marker properties of a reportgen pack given back —
and read once: python-docx opens a Word file a single time, whether it
turns out to be a pack or an article. Each text format has its reader
module; this module only picks it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, TypeAlias

from ..errors import InputError
from ..model import Brief, ModelError, PackReading, clean_text, read_json
from ..wordpack import LANGUAGE_PROPERTY, THEME_PROPERTY
from .encoding import decode
from .source import Block, PageMeta, Source

if TYPE_CHECKING:
    from .docx import WordDocument

SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".docx": "docx",
}

# What a file holds: briefs already made (a brief's JSON; a Word pack's articles, with the title, theme
# and language it was built with), or an article's text for the parser.
Reading: TypeAlias = "PackReading | Source"


@dataclass(frozen=True)
class InputKind:
    """What an input is, told without reading it: enough to plan a build and to pick its reader."""

    format: str  # json, docx, html, md or txt
    pack_properties: dict[str, str] = field(default_factory=dict)  # a reportgen Word pack's marker properties

    @property
    def built_with(self) -> tuple[str | None, str | None]:
        """The theme and the language a Word pack's properties say it was built with (as written there)."""
        return self.pack_properties.get(THEME_PROPERTY), self.pack_properties.get(LANGUAGE_PROPERTY)


def format_of(path: str, data: bytes) -> str:
    """The input format, from the file name or, failing that, from the first bytes."""
    known = SUFFIXES.get(PurePath(path).suffix.lower())
    if known:
        return known
    if data.startswith(b"PK\x03\x04") and b"word/document.xml" in data:
        return "docx"  # a Word file saved without its suffix
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"{"):
        return "json"
    return "txt"


def identify(data: bytes, path: str) -> InputKind:
    """``data``'s format and, for a Word file, its pack properties (a small part of the zip, read without
    python-docx): a build plans with them before anything is parsed."""
    fmt = format_of(path, data)
    if fmt != "docx":
        return InputKind(fmt)
    from .wordpack import pack_properties

    return InputKind(fmt, pack_properties(data))


def read(data: bytes, path: str, kind: InputKind | None = None) -> Reading:
    """What ``data`` (the bytes of ``path``) holds; ``kind`` when it was identified already (a build does
    it before planning). A damaged file is one InputError."""
    kind = kind or identify(data, path)
    if kind.format == "json":
        return PackReading((_brief_from_json(data, path),))
    if kind.format == "docx":
        from .docx import open_docx
        from .wordpack import read_pack

        document = open_docx(data, path)
        pack = read_pack(data, path, document, kind.pack_properties)
        return pack if pack is not None else _word_source(document, data, path)
    return read_source(data, path, kind.format)


def read_source(data: bytes, path: str, fmt: str) -> Source:
    """Decode ``data`` (the bytes of ``path``) and split it into blocks by format. Whatever the reader,
    no control character but tab and newline reaches a block or the page's metadata."""
    if fmt == "docx":
        from .docx import open_docx

        return _word_source(open_docx(data, path), data, path)
    text, encoding, warnings = decode(data, path, sniff_declaration=fmt == "html")
    return _source(data, path, fmt, *_text_blocks(text, path, fmt), encoding, warnings)


def _word_source(document: WordDocument, data: bytes, path: str) -> Source:
    from .docx import blocks_from_docx

    return _source(data, path, "docx", *blocks_from_docx(document), "docx", [])


def _text_blocks(text: str, path: str, fmt: str) -> tuple[tuple[Block, ...], PageMeta]:
    """The reader for ``fmt``: blocks, and what the page says of itself."""
    if fmt == "html":
        from .html import read_html

        return read_html(text, path)
    if fmt == "md":
        from .md import blocks_from_markdown

        return blocks_from_markdown(text), PageMeta()
    from .txt import blocks_from_text

    return blocks_from_text(text), PageMeta()


def _source(data: bytes, path: str, fmt: str, blocks: tuple[Block, ...], meta: PageMeta, encoding: str,
            warnings: list[str]) -> Source:
    blocks = tuple(Block(text, block.role) for block in blocks if (text := clean_text(block.text)).strip())
    if not blocks:
        raise InputError(path, "no text found; give an article in .txt, .md, .html, .docx or .json")
    return Source(
        path=path,
        format=fmt,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        meta=PageMeta(**{key: value if value is None else clean_text(value) for key, value in vars(meta).items()}),
        warnings=tuple(warnings),
    )


def _brief_from_json(data: bytes, path: str) -> Brief:
    try:
        return Brief.from_dict(read_json(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"is not valid JSON ({error}); give a brief written by `reportgen parse`") from None
    except ModelError as error:
        raise InputError(path, f"is not a reportgen brief ({error}); give a brief written by `reportgen parse`") from None

"""Ingest: any supported file's bytes to a :class:`Source` of text blocks.

One reader module per format; this module only picks the reader.
"""

from __future__ import annotations

import hashlib
from pathlib import PurePath

from ..errors import InputError
from ..model import clean_text
from .encoding import decode
from .source import Block, PageMeta, Source

__all__ = ["Block", "PageMeta", "Source", "format_of", "read_source", "SUFFIXES"]

SUFFIXES: dict[str, str] = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json",
    ".docx": "docx",
}


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


def read_source(data: bytes, path: str, fmt: str) -> Source:
    """Decode ``data`` (the bytes of ``path``) and split it into blocks by format. Whatever the reader,
    no control character but tab and newline reaches a block or the page's metadata."""
    blocks, meta, encoding, warnings = _blocks(data, path, fmt)
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


def _blocks(data: bytes, path: str, fmt: str) -> tuple[tuple[Block, ...], PageMeta, str, list[str]]:
    """The reader for ``fmt``: blocks, what the page says of itself, the text encoding found and what
    was guessed about it."""
    if fmt == "docx":
        from .docx import blocks_from_docx

        return (*blocks_from_docx(data, path), "docx", [])
    text, encoding, warnings = decode(data, path, sniff_declaration=fmt == "html")
    if fmt == "html":
        from .html import read_html

        return (*read_html(text, path), encoding, warnings)
    if fmt == "md":
        from .md import blocks_from_markdown

        return blocks_from_markdown(text), PageMeta(), encoding, warnings
    from .txt import blocks_from_text

    return blocks_from_text(text), PageMeta(), encoding, warnings

"""The Python API behind the CLI: read any supported file into a Brief."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .files import read_bounded
from .model import Brief, ModelError, PackReading, read_json

MAX_INPUT_BYTES = 20 * 1024 * 1024  # the default --max-input-size: articles are KBs, web pages a few MB
MAX_TEXT_CHARS = 2_000_000  # text after extraction; parsing costs about 6 s per million characters


def read_briefs(data: bytes, path: str) -> PackReading:
    """Every brief in a file: one for an article or a brief, each article's for a Word pack back from
    its editors (with the options it was built with)."""
    from .ingest import format_of

    if format_of(path, data) == "docx":
        from .ingest.wordpack import read_pack

        pack = read_pack(data, path)
        if pack is not None:
            return pack
    return PackReading((parse_bytes(data, path),))


def parse_bytes(data: bytes, path: str) -> Brief:
    """The brief of an article given as bytes; ``path`` names it in messages and output."""
    from .ingest import format_of, read_source

    fmt = format_of(path, data)
    if fmt == "json":
        return _brief_from_json(data, path)
    if fmt == "docx":
        from .ingest.wordpack import read_pack

        pack = read_pack(data, path)
        if pack is not None:
            if len(pack.briefs) > 1:
                raise InputError(path, f"is a reportgen pack of {len(pack.briefs)} articles; read it with "
                                       "reportgen.read_briefs (or `reportgen parse`, which prints them all)")
            return pack.briefs[0]
    from .parse import parse_source
    from .summarize import summarize_brief

    source = read_source(data, path, fmt)
    characters = sum(len(block.text) for block in source.blocks)
    if characters > MAX_TEXT_CHARS:
        raise InputError(path, f"holds {characters:,} characters of text; reportgen reads articles of up to "
                               f"{MAX_TEXT_CHARS:,} (a long article has 50,000) — split the file")
    brief = summarize_brief(parse_source(source))
    return replace(brief, warnings=source.warnings + brief.warnings) if source.warnings else brief


def parse_file(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> Brief:
    """The brief of one article file (.txt, .md, .html, or a brief .json written by ``parse``)."""
    return parse_bytes(read_input(path, max_bytes), str(path))


def read_input(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an article file, or one InputError that says what is wrong with it (a pipe or a
    device is refused unopened for reading, a file over the limit unread)."""
    return read_bounded(path, max_bytes, "file", too_large=too_large(max_bytes))


def too_large(max_bytes: int) -> str:
    """The one message for an input past the size limit."""
    return (f"is larger than {max_bytes / (1024 * 1024):.3g} MB, the input size limit; an article is far smaller — "
            "check the file, or raise --max-input-size if it really is one article")


def _brief_from_json(data: bytes, path: str) -> Brief:
    try:
        return Brief.from_dict(read_json(data.decode("utf-8-sig")))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"is not valid JSON ({error}); give a brief written by `reportgen parse`") from None
    except ModelError as error:
        raise InputError(path, f"is not a reportgen brief ({error}); give a brief written by `reportgen parse`") from None

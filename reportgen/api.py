"""The Python API behind the CLI: any supported file as briefs, its articles parsed and summarized."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .errors import InputError
from .ingest import MAX_INPUT_BYTES, Reading, Source, read, read_input
from .model import Brief, PackReading

MAX_TEXT_CHARS = 2_000_000  # text after extraction; parsing costs about 6 s per million characters


def read_briefs(data: bytes, path: str) -> PackReading:
    """Every brief in a file: one for an article or a brief, each article's for a Word pack back from
    its editors (with the options it was built with)."""
    return briefs_of(read(data, path))


def briefs_of(reading: Reading) -> PackReading:
    """The briefs of what was read: those a file holds as they are, an article's parsed and summarized."""
    return PackReading((_parsed(reading),)) if isinstance(reading, Source) else reading


def brief_of(reading: Reading, path: str) -> Brief:
    """The one brief of what was read from ``path``; a Word pack of several articles is an InputError."""
    if isinstance(reading, Source):
        return _parsed(reading)
    if len(reading.briefs) > 1:
        raise InputError(path, f"is a reportgen pack of {len(reading.briefs)} articles; read it with "
                               "reportgen.read_briefs (or `reportgen parse`, which prints them all)")
    return reading.briefs[0]


def parse_bytes(data: bytes, path: str) -> Brief:
    """The brief of an article given as bytes; ``path`` names it in messages and output."""
    return brief_of(read(data, path), path)


def parse_file(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> Brief:
    """The brief of one article file (.txt, .md, .html, .docx, or a brief .json written by ``parse``)."""
    return parse_bytes(read_input(path, max_bytes), str(path))


def _parsed(source: Source) -> Brief:
    """An article's brief: parsed, summarized, with what reading it had to guess among its warnings."""
    from .parse import parse_source
    from .summarize import summarize_brief

    characters = sum(len(block.text) for block in source.blocks)
    if characters > MAX_TEXT_CHARS:
        raise InputError(source.path, f"holds {characters:,} characters of text; reportgen reads articles of up "
                                      f"to {MAX_TEXT_CHARS:,} (a long article has 50,000) — split the file")
    brief = summarize_brief(parse_source(source))
    return replace(brief, warnings=source.warnings + brief.warnings) if source.warnings else brief

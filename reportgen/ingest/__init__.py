"""Ingest: the input edge. An input's bytes (a file, or standard input for ``-``), and what they hold.

``read`` (``reading.py``) is the one door every command and the Python API
go through: briefs a file already holds, or a :class:`Source` of text blocks
for the parser, one reader module per format.
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import InputError
from ..files import read_bounded
from ..slug import printable
from .reading import SUFFIXES, InputKind, Reading, format_of, identify, read, read_source
from .source import Block, PageMeta, Source

__all__ = [
    "Block", "InputKind", "MAX_INPUT_BYTES", "PageMeta", "Reading", "STDIN", "SUFFIXES", "Source", "format_of",
    "identify", "input_name", "read", "read_input", "read_source",
]

MAX_INPUT_BYTES = 20 * 1024 * 1024  # the default --max-input-size: articles are KBs, web pages a few MB
STDIN = "-"  # an input named so is standard input


def input_name(path: str | Path) -> str:
    """An input as messages and briefs name it: ``<stdin>``, or the path with any bytes that are not
    UTF-8 shown as escapes."""
    return "<stdin>" if str(path) == STDIN else printable(str(path))


def read_input(path: str | Path, max_bytes: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file, or of standard input for ``-``, or one InputError that says what is
    wrong (a pipe or a device is refused unopened for reading, a file over the limit unread)."""
    if str(path) == STDIN:
        return _read_stdin(max_bytes)
    return read_bounded(path, max_bytes, "file", too_large=_too_large(max_bytes))


def _read_stdin(max_bytes: int) -> bytes:
    """Standard input, up to the size limit (read one byte past it to know), in pieces; a closed or
    unreadable standard input is one InputError."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("<stdin>", "is closed; pipe an article in (cat article.txt | reportgen … -) or name a file")
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= max_bytes and (chunk := stream.read(min(1024 * 1024, max_bytes + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    except (OSError, ValueError) as error:
        raise InputError("<stdin>", f"cannot be read ({getattr(error, 'strerror', None) or error}); pipe an "
                                    "article in or name a file") from None
    if size > max_bytes:
        raise InputError("<stdin>", _too_large(max_bytes))
    return b"".join(chunks)


def _too_large(max_bytes: int) -> str:
    """The one message for an input past the size limit."""
    return (f"is larger than {max_bytes / (1024 * 1024):.3g} MB, the input size limit; an article is far smaller — "
            "check the file, or raise --max-input-size if it really is one article")

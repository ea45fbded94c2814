"""Markdown to blocks: structure kept (headings, items, quotes), markup dropped.

Only what articles use is read; anything else passes through as text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .source import Block

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")  # closing #s are stripped after: a lazy match is cubic
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_CODE = re.compile(r"`([^`]*)`")
# Where each inline construct may start; what it must end with is found by _Next.
_IMAGE_OPEN = re.compile(r"!\[")
_LINK_OPEN = re.compile(r"\[")
_AUTOLINK_OPEN = re.compile(r"<https?://")
_TAG_OPEN = re.compile(r"</?[A-Za-z]")
_DELIMITER_CHAR = re.compile(r"[*_~]")
_DELIMITERS = ("**", "__", "*", "_", "~~")  # the order a regex alternation would try them
# Emphasis nested deeper than this is left as written: each level costs a pass over the paragraph.
MAX_EMPHASIS_DEPTH = 16


class _Next:
    """Where ``char`` next occurs, for one left-to-right scan.

    Asked from ever later positions, it searches each stretch of text once, so
    a paragraph of a thousand unclosed ``[`` costs one pass, not a thousand.
    """

    def __init__(self, text: str, char: str) -> None:
        self._text, self._char = text, char
        self._asked, self._found = 0, -2  # -2: not searched yet

    def at_or_after(self, start: int) -> int:
        if self._found == -2 or start < self._asked or (self._found != -1 and self._found < start):
            self._asked, self._found = start, self._text.find(self._char, start)
        return self._found


def _replace_delimited(text: str, opener: re.Pattern[str], closer: str, min_inside: int,
                       keep: Callable[[str, int, int], str]) -> str:
    """Each ``opener … closer`` span (at least ``min_inside`` characters between) replaced by
    ``keep(text, start, end)``, leftmost first, as ``re.sub`` would; linear in the text."""
    closing = _Next(text, closer)
    pieces: list[str] = []
    done = 0
    for match in opener.finditer(text):
        if match.start() < done:
            continue
        end = closing.at_or_after(match.end())
        if end < 0:
            break  # no closer to the right: nothing further can match
        if end - match.end() < min_inside:
            continue
        pieces.append(text[done:match.start()])
        pieces.append(keep(text, match.start(), end + 1))
        done = end + 1
    return "".join(pieces) + text[done:] if pieces else text


def _replace_bracketed(text: str, opener: re.Pattern[str], min_label: int, kept: bool) -> str:
    """``[label](target)`` (after ``opener``) replaced by its label, or dropped; linear in the text."""
    label_end, target_end = _Next(text, "]"), _Next(text, ")")
    pieces: list[str] = []
    done = 0
    for match in opener.finditer(text):
        if match.start() < done:
            continue
        close = label_end.at_or_after(match.end())
        if close < 0:
            break
        if close - match.end() < min_label or not text.startswith("(", close + 1):
            continue
        end = target_end.at_or_after(close + 2)
        if end < 0:
            break
        pieces.append(text[done:match.start()])
        pieces.append(text[match.end():close] if kept else "")
        done = end + 1
    return "".join(pieces) + text[done:] if pieces else text


def _emphasis_pass(text: str) -> str:
    """One level of ``**strong**``, ``_em_``, ``~~struck~~`` markers removed, the words kept.

    A marker opens before a non-space and closes after one; the first closer of
    the same marker ends the span (the same spans ``(\\*\\*|__|\\*|_|~~)(?=\\S)(.+?)(?<=\\S)\\1``
    finds), looked up by bisection rather than rescanned from every opener.
    """
    closers = {marker: [match.start() for match in re.finditer(f"(?={re.escape(marker)})", text)
                        if match.start() > 0 and not text[match.start() - 1].isspace()]
               for marker in _DELIMITERS}
    pieces: list[str] = []
    done = 0
    for match in _DELIMITER_CHAR.finditer(text):
        start = match.start()
        if start < done:
            continue
        for marker in _DELIMITERS:
            inner = start + len(marker)
            if not text.startswith(marker, start) or inner >= len(text) or text[inner].isspace():
                continue
            found = bisect_left(closers[marker], inner + 1)
            if found < len(closers[marker]):
                close = closers[marker][found]
                pieces.append(text[done:start])
                pieces.append(text[inner:close])
                done = close + len(marker)
                break
    return "".join(pieces) + text[done:] if pieces else text


def _inline(text: str) -> str:
    """Inline markup removed, the words kept."""
    text = _replace_bracketed(text, _IMAGE_OPEN, 0, kept=False)
    text = _replace_bracketed(text, _LINK_OPEN, 1, kept=True)
    text = _replace_delimited(text, _AUTOLINK_OPEN, ">", 1, lambda whole, start, end: whole[start + 1:end - 1])
    text = _CODE.sub(r"\1", text)
    text = _replace_delimited(text, _TAG_OPEN, ">", 0, lambda whole, start, end: "")
    for _ in range(MAX_EMPHASIS_DEPTH):
        previous, text = text, _emphasis_pass(text)
        if text == previous:
            break
    return " ".join(text.split())


def blocks_from_markdown(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of a Markdown article, in order."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    role = "p"

    def flush() -> None:
        nonlocal role
        joined = _inline(" ".join(paragraph))
        if joined:
            blocks.append(Block(joined, role))
        paragraph.clear()
        role = "p"

    in_fence = False
    for line in _FRONT_MATTER.sub("", text).split("\n"):
        if _FENCE.match(line.strip()):
            flush()
            in_fence = not in_fence
            continue
        if in_fence or not line.strip() or _RULE.match(line):
            flush()
            continue
        if paragraph and role == "p" and _SETEXT_UNDERLINE.match(line):
            role = "h"
            flush()
            continue
        heading, item, quote = _HEADING.match(line), _ITEM.match(line), _QUOTE.match(line)
        if heading:
            flush()
            role, paragraph[:] = "h", [heading.group(2).rstrip().rstrip("#").rstrip()]
            flush()
        elif item:
            flush()
            role, paragraph[:] = "li", [item.group(1)]
        elif quote:
            if role != "quote":
                flush()
                role = "quote"
            paragraph.append(quote.group(1))
        else:
            paragraph.append(line)
    flush()
    return tuple(blocks)

"""Markdown to blocks: structure kept (headings, items, quotes), markup dropped.

Only what articles use is read; anything else passes through as text.
"""

from __future__ import annotations

import re

from .source import Block

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_UNDERLINE = re.compile(r"^(=+|-+)\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$")
_QUOTE = re.compile(r"^\s*>\s?(.*)$")
_RULE = re.compile(r"^\s*([-*_])(\s*\1){2,}\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_CODE = re.compile(r"`([^`]*)`")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")


def _inline(text: str) -> str:
    """Inline markup removed, the words kept."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _EMPHASIS.sub(r"\2", text)
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
            role, paragraph[:] = "h", [heading.group(2)]
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

"""Plain text to blocks.

Text dumped from web pages puts one paragraph on each line; text written in
an editor wraps paragraphs at a fixed width. Each group of lines between blank
lines is read one way or the other depending on how its lines end.
"""

from __future__ import annotations

import re

from .source import Block

_BLANK_LINES = re.compile(r"\n\s*\n")
_WRAP_WIDTH = 90
_LIST_ITEM = re.compile(r"^(?:[•·▪◦●*\-–]|\d{1,2}[.)])\s")
_SENTENCE_END = tuple(".!?:;\"'”’»)")


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of similar width, mostly not ending a sentence, are one wrapped paragraph."""
    if len(lines) < 2 or max(len(line) for line in lines) > _WRAP_WIDTH:
        return False
    if sum(1 for line in lines if _LIST_ITEM.match(line)) >= 2:
        return False  # "• Ana Ruiz: …" lines are a list, each item its own block
    open_ended = sum(1 for line in lines[:-1] if not line.rstrip().endswith(_SENTENCE_END))
    return open_ended >= (len(lines) - 1) / 2 and min(len(line) for line in lines[:-1]) > 40


def blocks_from_text(text: str) -> tuple[Block, ...]:
    """Paragraph blocks of a plain-text article, in order."""
    blocks: list[Block] = []
    for group in _BLANK_LINES.split(text):
        lines = [" ".join(line.split()) for line in group.split("\n") if line.strip()]
        if not lines:
            continue
        if _is_hard_wrapped(lines):
            blocks.append(Block(" ".join(lines)))
        else:
            blocks.extend(Block(line) for line in lines)
    return tuple(blocks)

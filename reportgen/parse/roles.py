"""The role of every source block, as the brief records it for ``reportgen review``.

Each block of the source text gets one role — headline, masthead, dateline,
byline, caption, furniture, speaker, question, answer, quotation, standfirst or
narration — and its span in the normalized text, so a reviewer sees how the
parser read the page, the lines it dropped and the headline included.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ingest import Block
from ..model import BlockRole, DroppedLine
from .trace import SEPARATOR

# Dropped-line rules grouped by what the line was; any other rule is plain furniture.
_RULE_ROLES = (
    ("byline", "byline"), ("author", "byline"), ("credit", "caption"), ("caption", "caption"),
    ("photo", "caption"), ("date", "dateline"), ("publication", "masthead"), ("masthead", "masthead"),
    ("breadcrumb", "masthead"),
)
_STANDFIRST_WORDS = 45
_LOOKAHEAD = 4


def _within(paragraph: str, block_text: str) -> bool:
    piece = " ".join(paragraph.split())
    return bool(piece) and piece in block_text


def _dropped_role(rule: str | None) -> str:
    return next((role for marker, role in _RULE_ROLES if marker in (rule or "")), "furniture")


def block_roles(blocks: Sequence[Block], dropped: Sequence[DroppedLine], title: str | None,
                paragraphs: Sequence[tuple[str, str]]) -> tuple[BlockRole, ...]:
    """One role per source block, in order, with the block's span.

    ``paragraphs`` are the (text, role) pairs of the paragraphs the parser kept,
    in reading order, each perhaps cut out of a longer block; a block takes the
    role of the first paragraph it holds. One walk over both lists: linear.
    """
    dropped_rules = {" ".join(line.text.split()): line.rule for line in dropped}
    roles: list[BlockRole] = []
    offset = position = 0
    after_headline = False
    for block in blocks:
        text = " ".join(block.text.split())
        span = (offset, offset + len(block.text))
        offset += len(block.text) + len(SEPARATOR)
        held = []
        for ahead in range(position, min(position + _LOOKAHEAD, len(paragraphs))):
            if _within(paragraphs[ahead][0], text):
                position = ahead  # paragraphs the parser rewrote beyond recognition are skipped
                break
        while position < len(paragraphs) and _within(paragraphs[position][0], text):
            held.append(paragraphs[position][1])
            position += 1
        if held:
            role = held[0]
        elif title and text and title in text:
            role = "headline"
        elif text in dropped_rules:
            role = _dropped_role(dropped_rules[text])
        else:
            role = "furniture"
        if role == "narration" and after_headline and len(text.split()) <= _STANDFIRST_WORDS:
            role = "standfirst"
        after_headline = role == "headline" or (after_headline and role in ("byline", "dateline", "caption"))
        roles.append(BlockRole(role, span))
    return tuple(roles)

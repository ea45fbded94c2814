"""Page furniture: which blocks are not article text.

The rules are general shapes of web pages (share bars, related lists, photo
credits, comment forms) spelled out as word lists in ``lexicon/*/boilerplate.toml``;
lists of every language apply, since pages mix languages in their furniture.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import lexicon
from ..ingest import Block
from ..model import DroppedLine
from .sentences import split_sentences

_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_GLUED_CREDIT = re.compile(r"[a-záéíóúñ.)][.!?]?[A-ZÁÉÍÓÚÑ]{4,}$")
_BYLINE_NAME = re.compile(r"^(?:[A-ZÁÉÍÓÚÑ][\w’'.\-]*\s*(?:,|and|y|&)?\s*){1,6}$")
BREADCRUMB_SEPARATOR = re.compile(r"\s+[›»>|/·]\s+|\s*[›»]\s*")
_TAIL_LINE_WORDS = 25
_RELATED_HEADLINE_WORDS = 16
_CONTAINS_MAX_WORDS = 60
_CAPTION_MAX_WORDS = 20


def _normalized(text: str) -> str:
    return " ".join(_EDGE_PUNCTUATION.sub("", text.lower()).split())


@lru_cache(maxsize=None)
def _lists() -> dict[str, tuple[str, ...]]:
    keys = ("lines", "starts", "contains", "ends", "tail_markers", "byline_prefixes", "caption_phrases")
    return {key: tuple(word.lower() for word in lexicon.all_words("boilerplate", key)) for key in keys}


def byline_name(text: str) -> str | None:
    """The author of a credit line ("By Jane Doe" / "Por María López"), else None."""
    lowered = text.lower()
    for prefix in sorted(_lists()["byline_prefixes"], key=len, reverse=True):
        if lowered.startswith(prefix + " ") and len(text.split()) <= 10:
            rest = text[len(prefix) + 1:].strip().split("|")[0].split("·")[0].strip()
            return rest if _BYLINE_NAME.match(rest) else None
    return None


def is_byline(text: str) -> bool:
    """A credit line, not article text."""
    return byline_name(text) is not None


def is_breadcrumb(text: str) -> bool:
    """"Home › Economy › Bolivia" / "Diario Austral | Economía | Entrevista": site navigation."""
    parts = [part.strip() for part in BREADCRUMB_SEPARATOR.split(text)]
    return 2 <= len(parts) <= 6 and all(0 < len(part.split()) <= 4 for part in parts) \
        and not text.rstrip().endswith((".", "?", "!"))


def _is_doubled(text: str) -> bool:
    """A caption printed twice on one line ("A. // Photo: X. A. // Photo: X.")."""
    words = text.split()
    half = len(words) // 2
    return 6 <= len(words) <= 2 * _CAPTION_MAX_WORDS and len(words) % 2 == 0 and words[:half] == words[half:]


def furniture_rule(block: Block) -> str | None:
    """The rule by which one block, on its own, reads as page furniture; None for article text."""
    text = block.text.strip()
    lowered = text.lower()
    normalized = _normalized(text)
    lists = _lists()
    if not normalized or normalized in lists["lines"]:
        return "furniture-line"
    if lowered.startswith(lists["starts"]) or normalized.startswith(lists["starts"]):
        return "furniture-start"
    if len(text.split()) <= _CONTAINS_MAX_WORDS and any(word in lowered for word in lists["contains"]):
        return "furniture-phrase"
    if not text.endswith(".") and lowered.endswith(lists["ends"]):
        return "furniture-end"
    if _GLUED_CREDIT.search(text):
        return "photo-credit"
    if _is_doubled(text):
        return "doubled-caption"
    if is_byline(text):
        return "byline"
    if block.role != "h" and len(text.split()) == 1 and text[-1].isalnum() and not any(c.isdigit() for c in text):
        return "lone-word"
    return None


def trailing_caption(text: str) -> str | None:
    """The photo caption a page glued onto the end of a paragraph ("… are pictured."), if any."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    lowered = last.lower()
    if len(last.split()) <= _CAPTION_MAX_WORDS and any(phrase in lowered for phrase in _lists()["caption_phrases"]):
        return last
    return None


def split_furniture(blocks: tuple[Block, ...]) -> tuple[list[Block], list[DroppedLine]]:
    """The blocks that may be article text, and the furniture lines dropped."""
    kept: list[Block] = []
    dropped: list[DroppedLine] = []
    in_tail = seen_prose = False
    normalized = [" ".join(block.text.split()) for block in blocks]
    # A "Related posts" list only ends the article after its last paragraph of prose.
    last_prose = max((i for i, block in enumerate(blocks) if len(block.text.split()) >= _TAIL_LINE_WORDS), default=-1)
    for index, block in enumerate(blocks):
        following = normalized[index + 1] if index + 1 < len(blocks) else ""
        echo = bool(following) and following != normalized[index] and following.startswith(normalized[index])
        short = len(block.text.split()) < _RELATED_HEADLINE_WORDS and not block.text.rstrip().endswith(".")
        rule = furniture_rule(block) or ("repeated-line" if echo else None) or (
            "related-list" if in_tail and (index > last_prose or (short and seen_prose)) else None)
        if rule:
            dropped.append(DroppedLine(block.text, rule))
            # After "Related posts", the list of headlines that follows is furniture too.
            in_tail = in_tail or _normalized(block.text) in _lists()["tail_markers"]
        else:
            caption = trailing_caption(block.text)
            if caption:
                dropped.append(DroppedLine(caption, "photo-caption"))
                block = replace(block, text=block.text[: block.text.rindex(caption)].rstrip())
            kept.append(block)
            in_tail = False
            seen_prose = seen_prose or len(block.text.split()) >= _TAIL_LINE_WORDS
    return kept, dropped

"""Sentence splitting that survives abbreviations, decimals and quotations.

Every later step (attribution, statistics, summaries) reasons sentence by
sentence, so one splitter serves them all.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon

_CLOSERS = "\"'”’»)]"
# A sentence ends at . ! ? (or …), optionally followed by closing quotes/brackets,
# then white space and something that can open a sentence.
_BOUNDARY = re.compile(
    r"(?<=[.!?…])[" + re.escape(_CLOSERS) + r"]*\s+(?=[\"'“‘«(\[¿¡]?[A-ZÁÉÍÓÚÑÜ0-9])"
)
_INITIALS = re.compile(r"(?:\b[A-Z]\.){1,3}$")
# Longer than any abbreviation or initials: only this much of a chunk's end decides how it ends,
# so a paragraph of ten thousand "A. " costs ten thousand short looks, not one long one each.
_TAIL_CHARS = 64
# Paragraphs whose sentences are remembered: furniture, attribution, structure, figures and
# summaries each split the same paragraphs again (~75 splits of ~25 paragraphs per article).
_REMEMBERED_PARAGRAPHS = 4096


@lru_cache(maxsize=None)
def _abbreviations() -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words("sentences", "abbreviations"))


def ends_with_abbreviation(chunk: str, abbreviations: frozenset[str] | None = None) -> bool:
    """Does ``chunk`` end with an abbreviation or initials rather than a full stop?"""
    abbreviations = _abbreviations() if abbreviations is None else abbreviations
    stripped = chunk.rstrip(_CLOSERS + " ")
    if not stripped.endswith("."):
        return False
    last_word = re.split(r"[\s(“\"]", stripped[-_TAIL_CHARS:])[-1]
    if last_word[:-1].lower() in abbreviations:
        return True
    # "U.S." or "J." — initials, unless the sentence really ends on an acronym
    return bool(_INITIALS.search(last_word)) and len(last_word) <= 4


def split_sentences(text: str) -> list[str]:
    """The sentences of one paragraph, in order, white space trimmed."""
    return list(_sentences(text))


@lru_cache(maxsize=_REMEMBERED_PARAGRAPHS)
def _sentences(text: str) -> tuple[str, ...]:
    abbreviations = _abbreviations()
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[max(start, match.start() - _TAIL_CHARS):match.start()]
        if ends_with_abbreviation(candidate + text[match.start():match.end()].strip(), abbreviations):
            continue
        end = match.end()
        piece = text[start:end].strip()
        if piece:
            pieces.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return tuple(pieces)

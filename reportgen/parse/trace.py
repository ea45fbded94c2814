"""Where each part of a brief came from: spans in the normalized source text.

The normalized text is the source's blocks joined by a blank line — what the
parser read, before any judgement about what is article text. Each extracted
piece is looked up in it near where the parser found it, so that
``text[start:end]`` is exactly the piece as written. Commentary stitched from a
quote split by "she said" maps to several pieces; a passage the parser rewrote
beyond recognition maps to none (never to a guess).
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from ..ingest import Block
from ..model import DroppedLine, Expert, Span, Statistic

SEPARATOR = "\n\n"
# Past this many characters a brief keeps only the digest of its source text: offsets
# stay valid against the text re-derived from the source file, and a pack of huge
# articles does not carry each one twice.
MAX_KEPT_TEXT = 500_000
# Commentary is looked for this far around where its speaker is named before the
# whole text is searched, so tracing stays linear in the article's length.
_NEARBY = 20_000
_MIN_PIECE_WORDS = 2


def normalized_text(blocks: tuple[Block, ...]) -> str:
    """The text every span of a brief points into."""
    return SEPARATOR.join(block.text for block in blocks)


def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Tracer:
    """Finds the pieces of a brief in its source text, near where they were read."""

    def __init__(self, text: str) -> None:
        self.text = text
        folded = text.lower()
        # Case-blind lookups need the same offsets: only when lowering keeps every length.
        self._folded = folded if len(folded) == len(text) else text
        self._next_line: dict[str, int] = {}
        # The sentence last traced, with where its figures were found so far: the figures of one
        # sentence are traced together, each from the one before, so a sentence of thousands of
        # figures is searched once rather than once per figure.
        self._sentence: tuple[str, int, Span] | None = None  # (sentence, near, span)
        self._figure_start = 0
        self._sources: dict[tuple[Span, str], Span | None] = {}

    def find(self, needle: str, start: int = 0, end: int | None = None) -> Span | None:
        """The first exact occurrence of ``needle`` in ``text[start:end]``."""
        if not needle:
            return None
        at = self.text.find(needle, start, end)
        return (at, at + len(needle)) if at >= 0 else None

    def _find_folded(self, needle: str, start: int, end: int | None) -> int:
        return self._folded.find(needle.lower() if self._folded is not self.text else needle, start, end)

    def find_any_case(self, needle: str) -> Span | None:
        """The first occurrence whatever its case ("CÁRDENAS:" in a transcript)."""
        at = self._find_folded(needle, 0, None) if needle else -1
        return (at, at + len(needle)) if at >= 0 else None

    def pieces(self, passage: str, near: int = 0) -> tuple[Span, ...]:
        """The runs of source that make up ``passage``, in order; () when it is not there.

        Exact first; else the longest run of words found (case-blind, since a
        stitched quote may capitalize its first word), then the rest likewise.
        """
        window = (max(0, near - _NEARBY), near + 4 * _NEARBY)
        whole = self.find(passage, *window) or self.find(passage)
        if whole:
            return (whole,)
        # A quote ending "…diesel," she said is kept as "…diesel.": match without the closing stop.
        words = passage.rstrip(".,;:!?…").split()
        spans: list[Span] = []
        cursor = window[0]
        while words:
            found = self._longest_prefix(words, cursor, window[1])
            if found is None:
                return ()  # a passage the parser rewrote: no span rather than a wrong one
            count, span = found
            spans.append(span)
            words = words[count:]
            cursor = span[1]
        return tuple(spans)

    def _longest_prefix(self, words: list[str], start: int, end: int) -> tuple[int, Span] | None:
        """The most leading words of ``words`` found together, with where."""
        def locate(count: int) -> int:
            return self._find_folded(" ".join(words[:count]), start, end)

        least = min(len(words), _MIN_PIECE_WORDS)
        if locate(least) < 0:
            return None
        low, high = least, len(words)
        while low < high:  # a prefix found means every shorter prefix is found too
            middle = (low + high + 1) // 2
            if locate(middle) >= 0:
                low = middle
            else:
                high = middle - 1
        at = locate(low)
        return low, (at, at + len(" ".join(words[:low])))

    def dropped_line(self, line: DroppedLine) -> DroppedLine:
        """A dropped line's span: a whole block if one reads so ("Accept all" is a line of its own,
        not the words in a cookie notice), else the text within a block (a caption at a
        paragraph's end); the same line dropped twice maps to its next occurrence."""
        start = self._next_line.get(line.text, 0)
        span = self._whole_block(line.text, start) or self.find(line.text, start)
        if span:
            self._next_line[line.text] = span[1]
        return replace(line, span=span)

    def _whole_block(self, needle: str, start: int) -> Span | None:
        at = self.text.find(needle, start) if needle else -1
        while at >= 0:
            end = at + len(needle)
            ends_block = end == len(self.text) or self.text.startswith(SEPARATOR, end)
            if ends_block and (at == 0 or self.text.endswith(SEPARATOR, 0, at)):
                return at, end
            at = self.text.find(needle, at + 1)
        return None

    def statistic(self, statistic: Statistic, near: int) -> Statistic:
        """The figure, its source and its sentence, looked for from ``near`` onwards (a figure
        after the one before it in the same sentence)."""
        sentence = self._sentence_span(statistic.sentence, near)
        if sentence is None:
            return statistic
        start, end = sentence
        text = self.find(statistic.text, max(start, self._figure_start), end) or self.find(statistic.text, start, end)
        if text:
            self._figure_start = text[0]
        source = None
        if statistic.source:
            key = (sentence, statistic.source)
            if key not in self._sources:
                self._sources[key] = self.find(statistic.source, start, end)
            source = self._sources[key]
        return replace(statistic, text_span=text, source_span=source, sentence_span=sentence)

    def _sentence_span(self, sentence: str, near: int) -> Span | None:
        if self._sentence and self._sentence[0] == sentence and self._sentence[2][0] >= near >= self._sentence[1]:
            return self._sentence[2]  # no earlier occurrence from ``near`` than the one found before
        span = self.find(sentence, near) or self.find(sentence)
        if span and (self._sentence is None or self._sentence[2] != span):
            self._figure_start = span[0]
        self._sentence = (sentence, near, span) if span else None
        return span

    def expert(self, expert: Expert) -> Expert:
        name = self.find(expert.name) or self.find_any_case(expert.name)
        near = name[0] if name else 0
        return replace(expert, name_span=name,
                       commentary_spans=tuple(self.pieces(paragraph, near) for paragraph in expert.commentary))


def trace_statistics(tracer: Tracer, statistics: list[Statistic]) -> list[Statistic]:
    """Statistics come in reading order, so each is looked for after the one before."""
    traced: list[Statistic] = []
    cursor = 0
    for statistic in statistics:
        statistic = tracer.statistic(statistic, cursor)
        if statistic.sentence_span:
            cursor = statistic.sentence_span[0]
        traced.append(statistic)
    return traced

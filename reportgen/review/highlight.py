"""Spans over a text → properly nested HTML, so overlapping highlights stay valid markup.

A brief's spans overlap freely: a figure sits inside its sentence, inside a
quotation; a source name may start before the figure's sentence ends. HTML
elements must nest, so where two spans cross, the inner one is closed and
reopened around the boundary: every character keeps every highlight it is
in, and each highlight is one or more fragments that share its ``ref``
(only the first carries the ``id`` a link points to).

A span is also cut at every paragraph it crosses, so a brief's spans can ask
for far more markup than its text (a hundred spans over a thousand
paragraphs: a hundred thousand fragments). The markup has a budget that
grows with the text; where it runs out, highlighting stops and the rest of
the text is plain (``Drawn.stopped_at`` says where), so a page stays a size a
browser opens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..parse.trace import SEPARATOR as PARAGRAPH_SEPARATOR
from ..render.escape import html_text

MARKUP_FLOOR = 1_000_000  # characters of highlight markup any page may have
MARKUP_PER_CHARACTER = 16  # and this much more per character of source text
TITLE_CHARS = 200  # a fragment's tooltip: enough to name its element, however long a name or source is


def markup_budget(text_length: int) -> int:
    """How many characters of highlight markup a page of a text this long may carry."""
    return MARKUP_FLOOR + MARKUP_PER_CHARACTER * text_length


@dataclass(frozen=True)
class Highlight:
    """One span to mark: ``text[start:end]``, drawn as ``<tag class="hl hl-{kind}">``."""

    start: int
    end: int
    kind: str
    title: str
    ref: str  # the id of its first fragment; every fragment names it in data-for
    rank: int = 0  # among spans with the same start and end, lower ranks are outer
    tag: str = "mark"
    after: str = ""  # HTML placed where the span ends (a dropped line's rule label)


@dataclass(frozen=True)
class _Piece:
    """A highlight clipped to one paragraph, in the paragraph's own offsets."""

    start: int
    end: int
    highlight: Highlight
    ends_here: bool  # the highlight's real end is in this paragraph


@dataclass(frozen=True)
class Drawn:
    """Each paragraph's inner HTML, and where highlighting stopped for the budget (None: it did not)."""

    paragraphs: list[str]
    stopped_at: int | None = None  # the paragraph, from 1, in which the highlights stop


class _Budget:
    """Characters of markup still allowed, shared by the paragraphs of one page."""

    def __init__(self, left: int) -> None:
        self.left = left


def paragraphs_html(text: str, highlights: Sequence[Highlight], budget: int | None = None) -> Drawn:
    """The inner HTML of each paragraph of ``text`` (split on blank lines), highlights nested.

    A span across paragraphs is cut at each paragraph boundary; empty spans
    are ignored. Past ``budget`` characters of markup (``markup_budget`` of
    the text by default) the text is escaped without highlights.
    """
    left = _Budget(markup_budget(len(text)) if budget is None else budget)
    ordered = sorted((h for h in highlights if h.start < h.end), key=lambda h: (h.start, -h.end, h.rank))
    seen: set[str] = set()
    out: list[str] = []
    stopped_at: int | None = None
    active: list[Highlight] = []  # spans that reach into the current paragraph
    following = iter(ordered)
    upcoming = next(following, None)
    start = 0
    for number, paragraph in enumerate(text.split(PARAGRAPH_SEPARATOR), 1):
        end = start + len(paragraph)
        if stopped_at is None:
            while upcoming is not None and upcoming.start < end:
                active.append(upcoming)
                upcoming = next(following, None)
            active = [h for h in active if h.end > start]
            if left.left <= 0 and active:
                stopped_at = number
        if stopped_at is not None or not active:
            out.append(html_text(paragraph))
        else:
            pieces = [_Piece(max(h.start, start) - start, min(h.end, end) - start, h,
                             h.end <= end + len(PARAGRAPH_SEPARATOR))
                      for h in active if h.start < end]
            html, whole = _nest(paragraph, [piece for piece in pieces if piece.start < piece.end], seen, left)
            out.append(html)
            stopped_at = None if whole else number
        start = end + len(PARAGRAPH_SEPARATOR)
    return Drawn(out, stopped_at)


def _nest(text: str, pieces: Sequence[_Piece], seen: set[str], budget: _Budget) -> tuple[str, bool]:
    """``text`` escaped, with each piece wrapped in its element; crossing pieces are split.

    At each boundary, elements that end there are closed — and any opened
    inside them that go on are closed first and reopened after — then the
    elements that start there are opened, longest outermost. ``seen`` holds
    the refs whose first fragment (the one with the id) is already written.
    When the budget runs out, the open elements are closed and the rest of
    the paragraph is plain text; the flag says whether it was drawn whole.
    """
    starting: dict[int, list[_Piece]] = {}
    for piece in pieces:
        starting.setdefault(piece.start, []).append(piece)
    points = sorted({0, len(text), *(p.start for p in pieces), *(p.end for p in pieces)})
    out: list[str] = []
    stack: list[_Piece] = []
    position = 0

    def markup(html: str) -> None:
        out.append(html)
        budget.left -= len(html)

    for point in points:
        out.append(html_text(text[position:point]))
        position = point
        if budget.left <= 0 and point < len(text):
            out += [f"</{piece.highlight.tag}>" for piece in reversed(stack)]
            out.append(html_text(text[point:]))
            return "".join(out), False
        reopen: list[_Piece] = []
        while any(open_piece.end == point for open_piece in stack):
            top = stack.pop()
            markup(f"</{top.highlight.tag}>")
            if top.end != point:
                reopen.append(top)
            elif top.ends_here:
                markup(top.highlight.after)
        for piece in sorted(reopen + starting.get(point, []), key=lambda p: (-p.end, p.highlight.rank)):
            markup(_open(piece.highlight, seen))
            stack.append(piece)
    return "".join(out), True


def _open(highlight: Highlight, seen: set[str]) -> str:
    ref = html_text(highlight.ref)
    first = highlight.ref not in seen
    seen.add(highlight.ref)
    start = f' id="{ref}"' if first else ""
    classes = f"hl hl-{html_text(highlight.kind)}" + (" hl-start" if first else "")
    title = highlight.title if len(highlight.title) <= TITLE_CHARS else highlight.title[:TITLE_CHARS - 1] + "…"
    return f'<{highlight.tag} class="{classes}"{start} data-for="{ref}" title="{html_text(title)}">'

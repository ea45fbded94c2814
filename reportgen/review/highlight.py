"""Spans over a text → properly nested HTML, so overlapping highlights stay valid markup.

A brief's spans overlap freely: a figure sits inside its sentence, inside a
quotation; a source name may start before the figure's sentence ends. HTML
elements must nest, so where two spans cross, the inner one is closed and
reopened around the boundary: every character keeps every highlight it is
in, and each highlight is one or more fragments that share its ``ref``
(only the first carries the ``id`` a link points to).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..parse.trace import SEPARATOR as PARAGRAPH_SEPARATOR


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


def paragraphs_html(text: str, highlights: Sequence[Highlight]) -> list[str]:
    """The inner HTML of each paragraph of ``text`` (split on blank lines), highlights nested.

    A span across paragraphs is cut at each paragraph boundary; empty spans
    are ignored.
    """
    ordered = sorted((h for h in highlights if h.start < h.end), key=lambda h: (h.start, -h.end, h.rank))
    seen: set[str] = set()
    out: list[str] = []
    active: list[Highlight] = []  # spans that reach into the current paragraph
    following = iter(ordered)
    upcoming = next(following, None)
    start = 0
    for paragraph in text.split(PARAGRAPH_SEPARATOR):
        end = start + len(paragraph)
        while upcoming is not None and upcoming.start < end:
            active.append(upcoming)
            upcoming = next(following, None)
        active = [h for h in active if h.end > start]
        pieces = [_Piece(max(h.start, start) - start, min(h.end, end) - start, h,
                         h.end <= end + len(PARAGRAPH_SEPARATOR))
                  for h in active if h.start < end]
        out.append(_nest(paragraph, [piece for piece in pieces if piece.start < piece.end], seen))
        start = end + len(PARAGRAPH_SEPARATOR)
    return out


def _nest(text: str, pieces: Sequence[_Piece], seen: set[str]) -> str:
    """``text`` escaped, with each piece wrapped in its element; crossing pieces are split.

    At each boundary, elements that end there are closed — and any opened
    inside them that go on are closed first and reopened after — then the
    elements that start there are opened, longest outermost. ``seen`` holds
    the refs whose first fragment (the one with the id) is already written.
    """
    starting: dict[int, list[_Piece]] = {}
    for piece in pieces:
        starting.setdefault(piece.start, []).append(piece)
    points = sorted({0, len(text), *(p.start for p in pieces), *(p.end for p in pieces)})
    out: list[str] = []
    stack: list[_Piece] = []
    position = 0
    for point in points:
        out.append(escape(text[position:point], quote=False))
        position = point
        reopen: list[_Piece] = []
        while any(open_piece.end == point for open_piece in stack):
            top = stack.pop()
            out.append(f"</{top.highlight.tag}>")
            if top.end != point:
                reopen.append(top)
            elif top.ends_here:
                out.append(top.highlight.after)
        for piece in sorted(reopen + starting.get(point, []), key=lambda p: (-p.end, p.highlight.rank)):
            out.append(_open(piece.highlight, seen))
            stack.append(piece)
    return "".join(out)


def _open(highlight: Highlight, seen: set[str]) -> str:
    ref = escape(highlight.ref, quote=True)
    first = highlight.ref not in seen
    seen.add(highlight.ref)
    start = f' id="{ref}"' if first else ""
    classes = f"hl hl-{highlight.kind}" + (" hl-start" if first else "")
    return (f'<{highlight.tag} class="{classes}"{start} data-for="{ref}" '
            f'title="{escape(highlight.title, quote=True)}">')

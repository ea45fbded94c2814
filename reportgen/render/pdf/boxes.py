"""Shaded boxes side by side (expert cards, the question, key figures, notes), drawn directly.

A one-row ``Table`` would draw the same thing, but it measures its cells again
on every wrap (a card is wrapped several times: kept with its heading, fitted
in a frame, split), re-reads its style commands and keeps per-cell state. A
box's widths are known when the story is built, so its paragraphs are laid
out once, and the background, the bar and the paragraphs are drawn on the
canvas. As a table cell would: paddings inside, paragraphs from the top, the
first one's space before and the last one's space after left out.

A grid splits between its rows only, as a table whose rows never split: a
row taller than a whole frame, which could never fit, is the exception; then
every box of it is cut where the page ends and goes on, padded and shaded,
on the next.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Literal, Sequence

from reportlab.platypus import Flowable


@dataclass(frozen=True)
class Bar:
    """A rule along one edge of a box, centred on the edge, round-capped (as a table's lines are)."""

    edge: Literal["left", "top"]
    width: float
    color: Any


@dataclass(frozen=True)
class BoxStyle:
    padding: tuple[float, float, float, float]  # left, right, top, bottom
    background: Any = None
    bar: Bar | None = None


@dataclass(frozen=True)
class Box:
    """One box of a row: its outer width, its flowables from the top, its look."""

    width: float
    content: tuple[Flowable, ...]
    style: BoxStyle

    @property
    def inner_width(self) -> float:
        left, right, _, _ = self.style.padding
        return self.width - left - right


class BoxGrid(Flowable):
    """Rows of boxes, ``gap`` apart across and down, each row as tall as its tallest box.

    Laid out once (the widths never change), drawn directly. Split between rows
    only, as a table whose rows never split: a row taller than a whole frame
    is the one exception, cut where the page ends."""

    def __init__(self, rows: Sequence[Sequence[Box]], gap: float, frame_height: float,
                 space_before: float = 0, space_after: float = 0) -> None:
        super().__init__()
        self.rows = tuple(tuple(row) for row in rows)
        self.gap, self.frame_height = gap, frame_height
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self.width = max(sum(box.width for box in row) + gap * (len(row) - 1) for row in self.rows)
        self._laid_out: list[tuple[float, list[list[float]]]] | None = None  # per row: height, flowable heights

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        self._lay_out()
        return self.width, self.height

    def _lay_out(self) -> list[tuple[float, list[list[float]]]]:
        if self._laid_out is None:
            self._laid_out = []
            for row in self.rows:
                heights = [[item.wrapOn(self.canv, box.inner_width, self.frame_height)[1] for item in box.content]
                           for box in row]
                self._laid_out.append((max(_stacked(box, box_heights) for box, box_heights in zip(row, heights)),
                                       heights))
            self.height = sum(height for height, _ in self._laid_out) + self.gap * (len(self.rows) - 1)
        return self._laid_out

    def first_row_height(self) -> float:
        return self._lay_out()[0][0]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        used, whole = -self.gap, 0
        for height, _ in self._lay_out():
            if used + self.gap + height > availHeight:
                break
            used, whole = used + self.gap + height, whole + 1
        if whole:
            return [self._piece(self.rows[:whole], before=self.spaceBefore),
                    self._piece(self.rows[whole:], after=self.spaceAfter)]
        if self._laid_out[0][0] <= self.frame_height:
            return []  # the first row fits on the next page: kept whole
        cut = [_cut(self.canv, box, availHeight) for box in self.rows[0]]
        self._laid_out = None  # a cut lays paragraphs out at other heights: measure again before drawing
        if not any(first for first, _ in cut):
            return []
        here = tuple(replace(box, content=first) for box, (first, _) in zip(self.rows[0], cut))
        rest = tuple(replace(box, content=later) for box, (_, later) in zip(self.rows[0], cut))
        return [self._piece([here], before=self.spaceBefore), self._piece([rest, *self.rows[1:]], after=self.spaceAfter)]

    def _piece(self, rows: Sequence[Sequence[Box]], before: float = 0, after: float = 0) -> BoxGrid:
        return BoxGrid(rows, self.gap, self.frame_height, before, after)

    def draw(self) -> None:
        top = self.height
        for row, (row_height, heights) in zip(self.rows, self._lay_out()):
            x = 0.0
            for box, box_heights in zip(row, heights):
                _draw_box(self.canv, box, box_heights, x, top - row_height, row_height)
                x += box.width + self.gap
            top -= row_height + self.gap


def _draw_box(canvas: Any, box: Box, heights: list[float], x: float, y: float, height: float) -> None:
    """Background, then the flowables from the top, then the bar over them (a table's order)."""
    style = box.style
    left, _, top, _ = style.padding
    if style.background is not None:
        canvas.setFillColor(style.background)
        canvas.rect(x, y, box.width, height, stroke=0, fill=1)
    cursor = y + height - top
    for index, (item, item_height) in enumerate(zip(box.content, heights)):
        if index:
            cursor -= item.getSpaceBefore()
        cursor -= item_height
        item.drawOn(canvas, x + left, cursor)
        cursor -= item.getSpaceAfter()
    if style.bar is not None:
        _draw_bar(canvas, style.bar, x, y, box.width, height)


def _stacked(box: Box, heights: list[float]) -> float:
    """The box's height: paddings and its flowables, without the first's space before and the last's after."""
    _, _, top, bottom = box.style.padding
    inner = sum(height + item.getSpaceBefore() + item.getSpaceAfter() for item, height in zip(box.content, heights))
    if box.content:
        inner -= box.content[0].getSpaceBefore() + box.content[-1].getSpaceAfter()
    return top + inner + bottom


def _cut(canvas: Any, box: Box, height: float) -> tuple[tuple[Flowable, ...], tuple[Flowable, ...]]:
    """The box's flowables that fit in ``height`` (with its paddings), and the rest; a paragraph is cut by lines."""
    _, _, top, bottom = box.style.padding
    room = height - top - bottom
    used, first = 0.0, []
    for index, item in enumerate(box.content):
        before = item.getSpaceBefore() if first else 0.0
        item_height = item.wrapOn(canvas, box.inner_width, room)[1]
        if used + before + item_height <= room:
            first.append(item)
            used += before + item_height + item.getSpaceAfter()
            continue
        pieces = item.splitOn(canvas, box.inner_width, room - used - before) if room - used - before > 0 else []
        if pieces:
            return (*first, pieces[0]), (*pieces[1:], *box.content[index + 1:])
        return tuple(first), box.content[index:]
    return tuple(first), ()


def _draw_bar(canvas: Any, bar: Bar, x: float, y: float, width: float, height: float) -> None:
    canvas.saveState()
    canvas.setStrokeColor(bar.color)
    canvas.setLineWidth(bar.width)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    if bar.edge == "left":
        canvas.line(x, y, x, y + height)
    else:
        canvas.line(x, y + height, x + width, y + height)
    canvas.restoreState()

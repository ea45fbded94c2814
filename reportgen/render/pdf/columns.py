"""Table column widths from the strings the columns hold, measured in the cell fonts.

A column's share of the width by a weight fixed in advance wrapped "about /
45,000,000 / metric tons" over three lines while its neighbours held "—". Here
each column gets two measures, as a browser's automatic table layout does:

- ``least``: the widest piece no line may break — the longest word; a whole
  short figure ("45%", "$12 billion", at most two words); a file name's longest
  run between separators;
- ``most``: the widest cell on one line, capped at a typical line, so one long
  sentence does not claim the table.

If every column gets its ``most``, the room left goes to the text columns; if
not, each column gets its ``least`` and the rest is shared in proportion to what
each would still like. File names break only after ``/ _ - .`` (``file_lines``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from reportlab.pdfbase.pdfmetrics import stringWidth

KEPT_WHOLE_WORDS = 2  # a figure of at most this many words ("$12 billion") never wraps
TYPICAL_LINE_EMS = 18  # a cell wider than this many ems on one line is a sentence: it may wrap
_NUMBER_AND_WORD = re.compile(r"(\S*\d\S*) (?=\S)")  # "100 pounds", "$12 billion": a number and what it counts
_SEPARATED = re.compile(r"[^/_\-.\\]*[/_\-.\\]*")


@dataclass(frozen=True)
class Font:
    name: str
    size: float

    def width(self, text: str) -> float:
        return stringWidth(text, self.name, self.size)


@dataclass(frozen=True)
class ColumnText:
    """What one column holds and how it is set: its title, its cells (plain text), its fonts and
    whether its cells break like words (text), stay whole when short (figures) or break only at
    separators (file names). ``extra`` is the width drawn beside a cell's text (a note mark)."""

    title: str
    cells: Sequence[str]
    head: Font
    body: Font
    kind: str = "text"  # text | figure | file
    extra: float = 0.0


def bind_units(figure: str) -> str:
    """``figure`` with a no-break space after each number: "more than 100 pounds" may wrap after
    "than", never between "100" and "pounds"."""
    return _NUMBER_AND_WORD.sub("\\1\u00a0", " ".join(figure.split()))


def file_pieces(text: str) -> list[str]:
    """``reportgen/seeds/000_abc.txt`` → ``reportgen/``, ``seeds/``, ``000_``, ``abc.``, ``txt``:
    where a file name may break, each piece keeping the separator it ends with."""
    return [piece for piece in _SEPARATED.findall(text) if piece]


def file_lines(text: str, font: Font, width: float) -> list[str]:
    """``text`` broken into lines of at most ``width`` points, only after a separator (a piece
    wider than the line stands alone on its line)."""
    lines: list[str] = []
    line = ""
    for piece in file_pieces(text):
        if line and font.width(line + piece) > width:
            lines.append(line)
            line = piece
        else:
            line += piece
    return [*lines, line] if line or not lines else lines


def _unbreakable(cell: str, column: ColumnText) -> float:
    """The widest part of ``cell`` no line break may cut."""
    if column.kind == "file":
        return max((column.body.width(piece) for piece in file_pieces(cell)), default=0.0)
    if column.kind == "figure":
        words = bind_units(cell).split(" ")
        if len(words) <= KEPT_WHOLE_WORDS:
            return column.body.width(" ".join(words))
    else:
        words = cell.split()
    return max((column.body.width(word) for word in words), default=0.0)


def measure(column: ColumnText, padding: float) -> tuple[float, float]:
    """``(least, most)`` of one column, paddings (both sides) and the extra included."""
    title_words = column.title.split()
    least = max((column.head.width(word) for word in title_words), default=0.0)
    most = column.head.width(" ".join(title_words))
    cap = TYPICAL_LINE_EMS * column.body.size
    for cell in column.cells:
        least = max(least, _unbreakable(cell, column) + column.extra)
        most = max(most, min(column.body.width(" ".join(cell.split())), cap) + column.extra)
    room = 2 * padding + 1  # a point to spare: a measured width is not rounded away by the layout
    return least + room, max(least, most) + room


def column_widths(columns: Sequence[ColumnText], width: float, padding: float) -> list[float]:
    """Widths summing to ``width``: every column at least its ``least`` where they fit together."""
    measured = [measure(column, padding) for column in columns]
    least = [low for low, _ in measured]
    most = [high for _, high in measured]
    if sum(most) <= width:
        growing = [high if column.kind != "figure" else 0.0 for column, high in zip(columns, most)]
        total = sum(growing) or sum(most)
        weights = growing if sum(growing) else most
        return [high + (width - sum(most)) * weight / total for high, weight in zip(most, weights)]
    if sum(least) <= width:
        wanted = sum(most) - sum(least)
        return [low + (high - low) * (width - sum(least)) / wanted for low, high in zip(least, most)]
    return [low * width / sum(least) for low in least]  # too many words for the page: words must break

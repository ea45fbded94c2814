"""Column widths both renderers share: shares of the width by content, never narrower than a
column's title needs. compose gives each column a weight from what it holds; a short column
("2025", "Exxon") sized by its cells alone broke its title mid-word ("Period-o").

``fitted`` sizes columns from their measured text instead (the longest word, a figure kept whole,
a line of each column), so "45%" never wraps and a column of dashes stays narrow; the writer
measures with what it has (the PDF with its fonts, Word with ``estimated_width``)."""

from __future__ import annotations

from typing import Callable


def at_least(widths: list[float], minimums: list[float]) -> list[float]:
    """``widths`` with each column raised to its minimum, the room taken from the columns that
    have more than theirs, in proportion to what they have to spare (unchanged when none has)."""
    need = sum(max(0.0, low - width) for width, low in zip(widths, minimums))
    spare = sum(max(0.0, width - low) for width, low in zip(widths, minimums))
    if need == 0 or spare < need:
        return widths
    return [low if width <= low else width - (width - low) * need / spare for width, low in zip(widths, minimums)]


def fitted(minimums: list[float], naturals: list[float], total: float) -> list[float]:
    """Widths summing to ``total`` from each column's content: every column gets at least its
    ``minimums`` (its longest word, or a figure that must not wrap); a column whose ``naturals`` (its
    longest line) fits in a fair share of what is left gets it, so dates, kinds and short figures
    stay on one line; the long columns share the rest, in proportion to how much more than their
    minimum they want. When all fit on one line, the room left over is shared in proportion to the
    lines; when even the minimums overflow, all shrink alike."""
    count = len(minimums)
    naturals = [max(natural, low) for natural, low in zip(naturals, minimums)]
    least, most = sum(minimums), sum(naturals)
    if least >= total:
        return [low * total / least for low in minimums] if least else [total / count] * count
    if most <= total:
        return [natural + (total - most) * natural / most for natural in naturals]
    widths = list(minimums)
    open_columns = sorted(range(count), key=lambda index: naturals[index])
    room = total
    while open_columns:  # the shortest lines first, each while it fits in an even share of the room
        index = open_columns[0]
        others = sum(minimums[other] for other in open_columns[1:])
        if naturals[index] > room / len(open_columns) or room - naturals[index] < others:
            break
        widths[index] = naturals[index]
        room -= naturals[index]
        open_columns.pop(0)
    low = sum(minimums[index] for index in open_columns)
    want = sum(naturals[index] - minimums[index] for index in open_columns)
    for index in open_columns:
        widths[index] = minimums[index] + (naturals[index] - minimums[index]) * (room - low) / want
    return widths


# Advance widths in ems of a sans serif's letters (DejaVu Sans, the widest bundled face, rounded up):
# an estimate for a writer that cannot measure with the font itself (Word lays the text out when it opens).
_NARROW = frozenset(" .,:;'!|ijlftrI()[]-/")
_WIDE = frozenset("mwMW%@&—")


def estimated_width(text: str, size: float, bold: bool = False) -> float:
    """Points ``text`` needs in one line at ``size`` points, estimated generously from letter classes."""
    ems = 0.0
    for char in text:
        if char == "\u200b":  # a break opportunity, not a letter
            continue
        if char in _NARROW:
            ems += 0.4
        elif char in _WIDE:
            ems += 1.0
        elif char.isupper():
            ems += 0.76
        else:
            ems += 0.67
    return ems * size * (1.12 if bold else 1.0)


def widest_word(text: str, measure: Callable[[str], float]) -> float:
    """The width of the longest piece of ``text`` between spaces (or zero-width breaks): how narrow its
    column can be without breaking a word."""
    return max((measure(word) for word in text.replace("\u200b", " ").split()), default=0.0)

"""Column widths both renderers share: shares of the width by content, never narrower than a
column's title needs. compose gives each column a weight from what it holds; a short column
("2025", "Exxon") sized by its cells alone broke its title mid-word ("Period-o")."""

from __future__ import annotations


def at_least(widths: list[float], minimums: list[float]) -> list[float]:
    """``widths`` with each column raised to its minimum, the room taken from the columns that
    have more than theirs, in proportion to what they have to spare (unchanged when none has)."""
    need = sum(max(0.0, low - width) for width, low in zip(widths, minimums))
    spare = sum(max(0.0, width - low) for width, low in zip(widths, minimums))
    if need == 0 or spare < need:
        return widths
    return [low if width <= low else width - (width - low) * need / spare for width, low in zip(widths, minimums)]

"""Which statistics tell the most: the ones a key-figure card should show.

A figure earns its place by being checkable and meaningful on its own: a
named source, a stated measure, a subject and a period, and a unit that
compares (a share, a rate, an amount of money, a change). Ties keep the
article's own order, so the choice is stable.
"""

from __future__ import annotations

from ..model import Statistic

_COMPARABLE_UNITS = frozenset({"percent", "percentage_points", "rate", "currency"})


def telling_score(statistic: Statistic) -> int:
    """How much a reader learns from this figure alone (higher tells more)."""
    score = 0
    score += 3 if statistic.source else 0
    score += 3 if statistic.measure else 0
    score += 1 if statistic.subject else 0
    score += 1 if statistic.period else 0
    score += 2 if statistic.unit in _COMPARABLE_UNITS else 0
    score += 1 if statistic.change else 0
    return score


def most_telling(statistics: tuple[Statistic, ...] | list[Statistic], limit: int = 4) -> list[Statistic]:
    """Up to ``limit`` figures, the most telling first; one per (value, unit, measure)."""
    seen: set[tuple[str, str, str | None]] = set()
    ranked = sorted(enumerate(statistics), key=lambda item: (-telling_score(item[1]), item[0]))
    chosen = []
    for _, statistic in ranked:
        key = (statistic.value, statistic.unit, statistic.measure)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(statistic)
        if len(chosen) == limit:
            break
    return chosen

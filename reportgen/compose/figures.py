"""Which statistics tell the most: the ones a key-figure card should show.

Only a figure that says what it measures may be a card, and a year never is
one ("2018" read as a count). Among those, a figure earns its place by being
checkable and meaningful on its own: a named source, a subject and a period,
and a unit that compares (a share, a rate, an amount of money, a change).
Ties keep the article's own order, so the choice is stable.
"""

from __future__ import annotations

import re

from ..model import Statistic

_YEAR = re.compile(r"(?:1[89]|20)\d{2}")

_COMPARABLE_UNITS = frozenset({"percent", "percentage_points", "rate", "currency"})


def card_worthy(statistic: Statistic) -> bool:
    """A figure a reader can take alone: it has a measure and is not a year."""
    year = statistic.unit == "count" and not statistic.qualifier and bool(_YEAR.fullmatch(statistic.text.strip()))
    return bool(statistic.measure) and not year


def telling_score(statistic: Statistic) -> int:
    """How much a reader learns from this figure alone (higher tells more)."""
    score = 0
    score += 3 if statistic.source else 0
    score += 1 if statistic.subject else 0
    score += 1 if statistic.period else 0
    score += 2 if statistic.unit in _COMPARABLE_UNITS else 0
    score += 1 if statistic.change else 0
    return score


def most_telling(statistics: tuple[Statistic, ...] | list[Statistic], limit: int = 4) -> list[int]:
    """The positions in ``statistics`` of up to ``limit`` card-worthy figures, the most telling first;
    one per (value, unit, measure). Positions, not figures, so that a caller knows which of two equal
    figures was chosen."""
    seen: set[tuple[str, str, str | None]] = set()
    ranked = sorted((index for index, s in enumerate(statistics) if card_worthy(s)),
                    key=lambda index: (-telling_score(statistics[index]), index))
    chosen = []
    for index in ranked:
        statistic = statistics[index]
        key = (statistic.value, statistic.unit, statistic.measure)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(index)
        if len(chosen) == limit:
            break
    return chosen

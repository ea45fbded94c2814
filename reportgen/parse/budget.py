"""A time budget for parsing one input: the backstop behind linear-time rules.

Every rule of the parser is meant to cost time in proportion to the text, so
a 200 KB article parses in seconds whatever it holds. A rule that one day
misses that on some shape of text must still not hold a batch for minutes:
the parse checks this budget between its stages and in its long loops, and
an article over it is refused in one line, like any input the tool cannot use.

The budget counts the parsing thread's own CPU time, not the clock: a batch on
a busy machine (or many jobs on few cores) waits longer, but does no more work.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# Generous: a long article parses in well under a CPU second, a 2,000,000-character one in about ten.
PARSE_SECONDS = 60.0

_deadline: ContextVar[float | None] = ContextVar("reportgen_parse_deadline", default=None)


class OverBudget(Exception):
    """The parse of one input ran past its time budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Give the parse inside the block ``seconds`` to finish (per thread: each parses its own input)."""
    token = _deadline.set(time.thread_time() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def check() -> None:
    """Raise OverBudget once the budget of the parse in progress is spent; outside one, nothing."""
    deadline = _deadline.get()
    if deadline is not None and time.thread_time() > deadline:
        raise OverBudget

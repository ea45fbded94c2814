"""Timing helpers the benchmark scripts share: best of several rounds, and a whole process's wall time."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Callable


def best_ms(action: Callable[[], object], rounds: int, clock: Callable[[], float] = time.perf_counter,
            warm_up: bool = False) -> float:
    """The least disturbed of ``rounds`` runs of ``action``, in milliseconds of ``clock``
    (``time.process_time`` for CPU time on a shared machine); ``warm_up`` runs it once untimed first."""
    if warm_up:
        action()
    best = float("inf")
    for _ in range(rounds):
        start = clock()
        action()
        best = min(best, (clock() - start) * 1000)
    return best


def seconds(command: list[str], cwd: Path) -> float:
    """Wall time of ``command`` run to completion in ``cwd`` (its output captured; a failure raises)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start

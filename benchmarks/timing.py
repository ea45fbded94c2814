"""Timing helpers the benchmark scripts share: best of several rounds, a whole process's wall time, and
the moments of one build in a fresh interpreter."""

from __future__ import annotations

import json
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


# One build in a fresh interpreter, its moments in ms from the script's start, through public hooks only:
# reportgen imported, the parse worker forked, the first and the last parsed brief taken up, the document
# written, and the CPU the workers used.
_BUILD_MARKS = r"""
import json, os, resource, sys, time
start = time.perf_counter()
marks = {}
def mark(name):
    marks.setdefault(name, (time.perf_counter() - start) * 1000)
from reportgen import build
mark("imported")
os.register_at_fork(before=lambda: mark("worker forked"))
def progress(phase, done, total):
    if phase == "parsing" and done == 1:
        mark("first brief taken")
    if phase == "parsing" and done == total:
        mark("last brief taken")
build([sys.argv[1]], formats=[sys.argv[2]], out=sys.argv[3], force=True, progress=progress, date="2026-01-15")
mark("written")
used = resource.getrusage(resource.RUSAGE_CHILDREN)
marks["worker CPU"] = (used.ru_utime + used.ru_stime) * 1000
print(json.dumps(marks))
"""


def build_marks(python: str, inputs: Path, fmt: str, out: Path) -> dict[str, float]:
    """The moments of one ``fmt`` build of ``inputs`` into ``out`` by ``python`` in a fresh interpreter."""
    done = subprocess.run([python, "-c", _BUILD_MARKS, str(inputs), fmt, str(out)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])

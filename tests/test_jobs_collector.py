"""Our own workers pace their garbage collector; a library call leaves the caller's collector as it was."""

from __future__ import annotations

import gc
import os

import pytest

from reportgen.jobs import Runner


def _collector(item: int) -> tuple[int, int]:
    """What a job sees of its worker's collector: (pid, young threshold)."""
    return os.getpid(), gc.get_threshold()[0]


def _failed(item: object, error: BaseException) -> None:
    raise error


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="a pool needs two cores")
def test_workers_pace_their_collector_and_the_callers_is_untouched():
    before = gc.get_threshold()
    with Runner(jobs=2, executor=None, progress=None) as runner:
        seen = list(runner.map("probe", _collector, list(range(12)), _failed))
    assert gc.get_threshold() == before  # this process is the caller's: its collector is untouched
    assert os.getpid() not in {pid for pid, _ in seen}  # the jobs ran on workers
    assert {threshold for _, threshold in seen} == {5_000}

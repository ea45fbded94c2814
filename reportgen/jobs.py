"""Running a build's jobs: inline, on worker processes, or on a caller's Executor — and stopping cleanly.

Workers only compute; the parent writes every file and records it. So
whatever stops a build — Ctrl-C, SIGTERM, SIGHUP — the manifest lists exactly
the documents on disk: the parent holds the signal back while it writes and
records one document, then stops taking results; documents still being
computed are finished by their workers (stopping a worker mid-reply would hang
the pool) and thrown away. Workers leave those signals to the parent and die
with it (``PR_SET_PDEATHSIG`` on Linux, a watch on the parent elsewhere), so a
build killed outright leaves no process behind holding the caller's pipes.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from itertools import islice
from typing import TYPE_CHECKING, Any, Callable, ContextManager, Iterator

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

Progress = Callable[[str, int, int], None]  # (phase, done, total)

JOBS_AHEAD_PER_WORKER = 3  # submitted and not yet taken: every worker stays busy while the parent writes
JOBS_AHEAD_ON_CALLERS = 64  # a caller's executor (a cluster), whose size is not known
WORTH_A_POOL = 4  # fewer jobs than this run inline: starting workers would cost more than it saves
_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))
_PR_SET_PDEATHSIG = 1
_core_to_spare: ContextVar[bool] = ContextVar("reportgen_core_to_spare", default=False)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C, SIGTERM or SIGHUP stopped a build; ``result`` is what it finished (all in the manifest)."""

    def __init__(self, signum: int | str) -> None:
        super().__init__(signum)
        self.signum = signum if isinstance(signum, int) else _signal_number(signum)
        self.result: object = None


def _signal_number(message: str) -> int:
    """The signal of an ``Interrupted`` that reportlab re-raised with its own message (it builds a new
    exception of the same class from "…handle_pageBegin args=() 2"): the number it ends with."""
    words = str(message).split()
    return int(words[-1]) if words and words[-1].isdigit() else signal.SIGINT


class Interruptions:
    """While a build runs in the main thread, SIGINT, SIGTERM and SIGHUP raise ``Interrupted`` —
    except inside ``held()``, where a document being written and recorded is finished first.

    A signal the caller ignores (``nohup``, a background job's SIGINT) or
    handles itself is left alone; the previous handlers come back on exit.
    A stop raised where Python cannot propagate it (a weakref callback or a
    ``__del__`` during garbage collection) is noted, not printed as an
    "Exception ignored" traceback: the build stops at its next document.
    """

    def __init__(self) -> None:
        self._held = 0
        self._pending: int | None = None
        self._arrived: int | None = None  # a stop signal, even one whose exception a library swallowed
        self._previous: dict[int, object] = {}
        self._previous_unraisable: Callable | None = None

    def __enter__(self) -> Interruptions:
        if threading.current_thread() is threading.main_thread():
            for signum in _STOP_SIGNALS:
                if signal.getsignal(signum) in (signal.default_int_handler, signal.SIG_DFL):
                    self._previous[signum] = signal.signal(signum, self._handle)
            if self._previous:
                self._previous_unraisable, sys.unraisablehook = sys.unraisablehook, self._unraisable
        return self

    def __exit__(self, *exc_info: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous)
        if self._previous_unraisable is not None:
            sys.unraisablehook = self._previous_unraisable

    def _unraisable(self, unraisable: object) -> None:
        """A stop that landed where it cannot propagate is remembered for ``raise_if_stopped``;
        anything else goes to the hook that was there before."""
        error = getattr(unraisable, "exc_value", None)
        if isinstance(error, Interrupted):
            self._arrived = error.signum
        elif self._previous_unraisable is not None:
            self._previous_unraisable(unraisable)

    def _handle(self, signum: int, frame: object) -> None:
        self._arrived = signum
        if self._held:
            self._pending = signum
        else:
            raise Interrupted(signum)

    def raise_if_stopped(self) -> None:
        """Stop if a stop signal arrived, also when the exception it raised in a library's code was
        turned into that library's own error (a document that "failed" then): nothing more is written."""
        if self._arrived is not None:
            raise Interrupted(self._arrived)

    @contextmanager
    def held(self) -> Iterator[None]:
        """A stop signal arriving inside waits until the block is done."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held and self._pending is not None:
                signum, self._pending = self._pending, None
                raise Interrupted(signum)


class Runner:
    """Runs jobs inline, on a process pool of at most ``jobs`` workers, or on the caller's executor.

    The pool is started by the first phase worth one, with no more workers
    than that phase has jobs or the machine has cores: ``--jobs 500`` for 40
    articles on 2 cores starts 2.
    """

    def __init__(self, jobs: int | None, executor: Executor | None, progress: Progress | None,
                 held: Callable[[], ContextManager[None]] = nullcontext) -> None:
        self.progress = progress
        self.callers = executor
        self.requested = jobs if jobs is not None else (os.cpu_count() or 1)
        self.pool = None
        self.ahead = JOBS_AHEAD_ON_CALLERS  # jobs submitted and not yet taken: finished documents never pile up
        self.held = held  # around starting and stopping workers: a signal inside would break the pool

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.pool is not None:  # stopped or done: nothing queued starts; running jobs end on their own
            with self.held():
                self.pool.shutdown(wait=True, cancel_futures=True)

    def _executor(self, total: int) -> Executor | None:
        if self.callers is not None:
            return self.callers if total > 1 else None
        if self.pool is None and total >= WORTH_A_POOL:
            workers = min(self.requested, total, os.cpu_count() or 1)
            if workers > 1:
                self.pool = _pool(workers)
                self.ahead = JOBS_AHEAD_PER_WORKER * workers
        return self.pool if total > 1 else None

    def overlapped(self, phase: str, function: Callable, items: list, failed: Callable[[object, BaseException], object],
                   meanwhile: Callable[[Iterator[tuple[object, object]]], object], busy: bool = False) -> list:
        """Every outcome of ``function`` over ``items`` (as ``map``), computed on workers while this
        process runs ``meanwhile``: work for the next phase, such as loading the renderers a pack is
        about to use, then what it can do with the outcomes as they come, in order (``meanwhile``
        is given an iterator of (item, outcome) to take as many of as it likes).

        The workers are this phase's own — one per ``WORTH_A_POOL`` jobs, and one even for a single
        job, since this process is busy meanwhile; one core fewer when ``meanwhile`` is ``busy`` with
        the outcomes (laying a pack's chapters out as they come: on two cores one worker parses while
        this process lays out, where three processes sharing two cores spent more than they saved) —
        and stop when it ends, so the next phase runs
        here, where ``meanwhile`` left everything loaded. Without workers to spare (``--jobs 1``, one
        core, a caller's executor) it is plain ``map`` and ``meanwhile`` is skipped: whatever it
        would load is loaded when first needed.
        """
        cores = os.cpu_count() or 1
        if not items or self.callers is not None or self.pool is not None or min(self.requested, cores) < 2:
            return list(self.map(phase, function, items, failed))
        with self.held():
            pool = _pool(max(1, min(self.requested, cores - busy, len(items) // WORTH_A_POOL)))
        try:
            futures = [pool.submit(function, item) for item in items]
            outcomes: list = []

            def arrivals() -> Iterator[tuple[object, object]]:
                for item, future in zip(items[len(outcomes):], futures[len(outcomes):]):
                    outcomes.append(_settled(item, future, failed))
                    self._report(phase, len(outcomes), len(items))
                    yield item, outcomes[-1]

            meanwhile(arrivals())
            for _ in arrivals():  # those ``meanwhile`` left
                pass
            return outcomes
        finally:
            with self.held():
                pool.shutdown(wait=True, cancel_futures=True)

    def map(self, phase: str, function: Callable, items: list, failed: Callable[[object, BaseException], object]
            ) -> Iterator:
        """``function`` over ``items``, yielded in the items' order as each is ready, with progress
        reports. A job that raises (or whose worker died) yields ``failed(item, error)`` instead: one
        file's failure never stops the batch."""
        total = len(items)
        executor = self._executor(total)
        if executor is None:
            spare = self.callers is None and min(self.requested, os.cpu_count() or 1) > 1
            for done, item in enumerate(items, 1):
                inline = _core_to_spare.set(spare)
                try:
                    outcome = function(item)
                except Exception as error:  # noqa: BLE001 - the per-file boundary
                    outcome = failed(item, error)
                finally:
                    _core_to_spare.reset(inline)
                yield outcome
                self._report(phase, done, total)
            return
        pending: deque[tuple[object, Future]] = deque()
        queued = iter(items)
        for done in range(1, total + 1):
            with self.held():  # a few jobs ahead of the one awaited: results wait in memory only that long
                for item in islice(queued, self.ahead - len(pending)):
                    pending.append((item, executor.submit(function, item)))
            item, future = pending.popleft()
            yield _settled(item, future, failed)
            self._report(phase, done, total)

    @property
    def shares_disk(self) -> bool:
        """Do jobs run on this machine (inline or on our own pool)? A caller's executor may run them elsewhere."""
        return self.callers is None

    def _report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)


def _pool(workers: int) -> Executor:
    """Worker processes that leave stop signals to this one and die with it, started now.

    Forked with this process's objects frozen (Python's advice for fork without exec): a worker's
    collections never walk what it inherited, so it spends no time on them and leaves their pages
    shared instead of copying them. This process's own objects are unfrozen right after the fork.
    """
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=worker_start, initargs=(os.getpid(),))
    with _frozen_for_fork():
        pool.submit(int)  # the first job forks every worker (the fork start method starts them all at once)
    return pool


# A build allocates millions of short-lived objects (layouts, XML trees) and few that cycle: Python's
# default (a young collection every 700 allocations) spent ~5 % of a batch worker's time collecting,
# every 5,000 about half that; the worker holds 2-3 MiB more, flat over hundreds of articles.
_YOUNG_COLLECTION_EVERY = 5_000


def pace_collector() -> None:
    """A young collection every ``_YOUNG_COLLECTION_EVERY`` allocations, in a process that is reportgen's
    own (the command's, a worker): a library call leaves the caller's collector alone."""
    gc.set_threshold(_YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])


@contextmanager
def _frozen_for_fork() -> Iterator[None]:
    """This process's objects frozen while it forks: the children's collections never walk what they
    inherited, so those pages stay shared; this process's own collector is as it was right after."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Aside:
    """One call computed on a process forked for it, while this process goes on; ``result()`` waits for it.

    Forked, so the call's arguments are not pickled and everything this process has loaded is there
    already; the worker leaves stop signals to this process and dies with it (``worker_start``).
    """

    def __init__(self, function: Callable[..., Any], *args: object) -> None:
        import multiprocessing

        context = multiprocessing.get_context("fork")
        self._reply, reply = context.Pipe(duplex=False)
        self._process = context.Process(target=_aside, args=(os.getpid(), reply, function, args), daemon=True,
                                        name="reportgen-aside")
        try:
            with _frozen_for_fork():
                self._process.start()
        finally:
            reply.close()

    def result(self) -> Any:
        """The call's value, or the exception it raised; a worker that died raises ChildProcessError.
        Stopped while waiting (Ctrl-C), the worker is stopped too."""
        try:
            succeeded, value = self._reply.recv()
        except EOFError:
            raise ChildProcessError("the worker computing it ended without an answer") from None
        finally:
            self._reply.close()
            if self._process.is_alive():
                self._process.terminate()
            self._process.join()
        if succeeded:
            return value
        raise value


def aside(function: Callable[..., Any], *args: object) -> Aside | None:
    """``function(*args)`` started on a core of its own when the job now running inline (``Runner.map``) has
    one to spare — ``--jobs`` above 1, two cores or more, no caller's executor, and processes started
    by fork, as the pool's are here (not where fork is merely possible but unsafe, as on macOS) —
    else None: the caller computes it itself."""
    import multiprocessing

    if not _core_to_spare.get() or multiprocessing.get_start_method() != "fork":
        return None
    return Aside(function, *args)


def _aside(parent: int, reply: Any, function: Callable[..., Any], args: tuple) -> None:
    worker_start(parent)
    try:
        answer: tuple[bool, object] = (True, function(*args))
    except Exception as error:  # noqa: BLE001 - sent back to be raised where the value was wanted
        answer = (False, error)
    try:
        reply.send(answer)
    except Exception as error:  # noqa: BLE001 - an answer that cannot be pickled
        reply.send((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _settled(item: object, future: Future, failed: Callable[[object, BaseException], object]) -> object:
    """A job's outcome: its result, or ``failed(item, error)`` when it raised or its worker died."""
    try:
        return future.result()
    except Exception as error:  # noqa: BLE001 - a worker that died, a job that could not be sent
        return failed(item, error)


def worker_start(parent: int) -> None:
    """A worker leaves Ctrl-C, SIGTERM and a terminal's hangup to its parent (a worker dying mid-reply
    would hang the pool; the parent stops them all), dies with its parent, and paces its collector."""
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    pace_collector()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass  # the watch below still ends the worker
    watched = os.getppid()  # the build itself, or the start method's server process between them
    if not running(parent):  # the build died before the worker was ready
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent, watched), daemon=True, name="reportgen-watch").start()


def _watch_parent(parent: int, watched: int) -> None:
    """The fallback where no death signal exists: an orphan is re-parented, so a changed parent id ends it."""
    while os.getppid() == watched and running(parent):
        time.sleep(1)
    os._exit(1)


def running(pid: int) -> bool:
    """Is process ``pid`` still there (ours or another user's)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # it exists under another user (or the number only looks like a process id)
    return True

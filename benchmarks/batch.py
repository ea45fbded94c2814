"""A night's batch: N generated articles × pdf+docx × en+es, one document each, on two workers.

    python benchmarks/batch.py [N ...]          # default: 100 1000
    python benchmarks/batch.py --serial 100     # also --jobs 1, for the speed-up

Articles are variants of the seeds and the test articles (each title gets an
edition number, so every output has its own name). For each N it prints the
wall time of `reportgen build --split --jobs 2`, the peak resident memory of
the parent and of each worker, and the time of a no-change rerun. Memory is
each process's VmHWM (its own high-water mark, kept by the kernel) read from
/proc/<pid>/status every 50 ms for the build and every process under it: a
worker's figure counts the pages it shares with the parent it was forked from,
as `ps` and the OOM killer do. Linux only. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
SAMPLE_SECONDS = 0.05


def _generate(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for number in range(count):
        source = SOURCES[number % len(SOURCES)]
        text = source.read_text(encoding="utf-8-sig", errors="replace") if not source.name.startswith("en_news_utf16") \
            else source.read_bytes().decode("utf-16")
        lines = text.splitlines()
        first = next(i for i, line in enumerate(lines) if line.strip())
        lines[first] = f"{lines[first].rstrip()} (edition {number})"
        (folder / f"{number:04d}_{source.name}").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _children(pid: int) -> list[int]:
    """Every process under ``pid`` (workers, and a start method's helper between them)."""
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            tasks = Path(f"/proc/{parent}/task").iterdir()
            kids = [int(k) for task in tasks for k in (task / "children").read_text().split()]
        except OSError:
            continue
        found += kids
        todo += kids
    return found


def _high_water_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _run(arguments: list[str]) -> tuple[float, int, dict[int, int]]:
    """Wall seconds of one reportgen run, its own peak memory (KiB) and each worker's."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "reportgen", *arguments], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    parent, workers = 0, {}
    while process.poll() is None:
        parent = max(parent, _high_water_kib(process.pid) or 0)
        for child in _children(process.pid):
            workers[child] = max(workers.get(child, 0), _high_water_kib(child) or 0)
        time.sleep(SAMPLE_SECONDS)
    seconds = time.perf_counter() - start
    if process.returncode not in (0, 1):
        raise SystemExit(process.stderr.read().decode() if process.stderr else "reportgen failed")
    return seconds, parent, {pid: kib for pid, kib in workers.items() if kib}


def main(counts: list[int], serial: bool) -> None:
    with tempfile.TemporaryDirectory() as work:
        for count in counts:
            articles = Path(work) / f"articles-{count}"
            _generate(articles, count)
            common = [str(articles), "--split", "-f", "pdf", "-f", "docx", "-l", "en", "-l", "es", "-q",
                      "--date", "2025-12-08"]
            out = f"{work}/out2-{count}"
            parallel, parent, workers = _run(["build", *common, "--jobs", "2", "--out", out])
            rerun, _, _ = _run(["build", *common, "--jobs", "2", "--out", out])
            documents = len(list(Path(out).glob("*.*"))) - 1
            peaks = ", ".join(f"{kib / 1024:.0f}" for kib in sorted(workers.values(), reverse=True)[:4])
            print(f"{count} articles -> {documents} documents, --jobs 2: {parallel:.1f} s "
                  f"({parallel / documents * 1000:.1f} ms/document); peak RSS parent {parent / 1024:.0f} MiB, "
                  f"workers {peaks or '-'} MiB; no-change rerun {rerun:.2f} s")
            if serial:
                alone, memory, _ = _run(["build", *common, "--jobs", "1", "--out", f"{work}/out1-{count}"])
                print(f"  --jobs 1: {alone:.1f} s (x{alone / parallel:.2f} with 2 workers), peak RSS {memory / 1024:.0f} MiB")
            shutil.rmtree(articles)
    helps = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "--help"], capture_output=True, check=True)
        helps.append((time.perf_counter() - start) * 1000)
    print(f"reportgen --help: {statistics.median(helps):.0f} ms (median of 10)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--serial", action="store_true", help="also build with --jobs 1")
    options = parser.parse_args()
    main(options.counts, options.serial)

"""A night's batch: N generated articles × pdf+docx × en+es, serial and on two workers.

    python benchmarks/batch.py [N ...]          # default: 100 1000

Articles are variants of the seeds and the test articles (each title gets an
edition number, so every output has its own name). For each N it prints the
wall time of `reportgen build --split` with --jobs 1 and --jobs 2, the
speed-up, the peak memory of the serial run (one process holds everything),
and the time of a no-change rerun. Then the wall time of `reportgen --help`.
Needs GNU time (/usr/bin/time) for memory. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))


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


def _run(arguments: list[str]) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one reportgen run."""
    command = ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "reportgen", *arguments]
    start = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if finished.returncode not in (0, 1):
        raise SystemExit(finished.stderr)
    return seconds, int(finished.stderr.strip().splitlines()[-1])


def main(counts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as work:
        for count in counts:
            articles = Path(work) / f"articles-{count}"
            _generate(articles, count)
            common = [str(articles), "--split", "-f", "pdf", "-f", "docx", "-l", "en", "-l", "es", "-q",
                      "--date", "2025-12-08"]
            serial, memory = _run(["build", *common, "--jobs", "1", "--out", f"{work}/out1-{count}"])
            parallel, _ = _run(["build", *common, "--jobs", "2", "--out", f"{work}/out2-{count}"])
            rerun, _ = _run(["build", *common, "--jobs", "2", "--out", f"{work}/out2-{count}"])
            documents = len(list(Path(f"{work}/out2-{count}").glob("*.*"))) - 1
            print(f"{count} articles -> {documents} documents: --jobs 1 {serial:.1f} s "
                  f"({serial / documents * 1000:.0f} ms/document), --jobs 2 {parallel:.1f} s "
                  f"(x{serial / parallel:.2f}); peak memory (serial) {memory / 1024:.0f} MiB; "
                  f"no-change rerun {rerun:.2f} s (x{parallel / rerun:.0f} faster)")
            shutil.rmtree(articles)
    helps = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "--help"], capture_output=True, check=True)
        helps.append((time.perf_counter() - start) * 1000)
    print(f"reportgen --help: {statistics.median(helps):.0f} ms (median of 10)")


if __name__ == "__main__":
    main([int(argument) for argument in sys.argv[1:]] or [100, 1000])

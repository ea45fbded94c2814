"""Where a cold pack build's time goes: until parsing ends, then rendering, for packs of 2 and 50 articles.

    python benchmarks/pack_phases.py [--rounds 5] [--format pdf]

Each build is a fresh process (the seed articles repeated with changed titles, as
../shared/benchmarks/floor/ratio.py makes its packs) timed through the build's own
progress reports: "parsed" is when the last brief came back from the parse workers
(which run while the build loads its renderers and, for a PDF pack, lays each chapter
out as its article comes back), the end when the pack's document was written. The
difference between the two packs, per extra article, splits the "per extra article"
cost of ratio.py into what overlaps the parse and what follows it (a PDF pack's front
matter and save; a Word pack's whole render). Also prints the CPU the parse workers
used. Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

_CHILD = r"""
import json, resource, sys, time
start = time.perf_counter()
from reportgen import build
marks = {}
def progress(phase, done, total):
    if done == total:
        marks[phase] = (time.perf_counter() - start) * 1000
build([sys.argv[1]], formats=[sys.argv[2]], out=sys.argv[3], force=True, progress=progress, date="2026-01-15")
marks["end"] = (time.perf_counter() - start) * 1000
used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the workers, ended by now
marks["workers_cpu"] = (used.ru_utime + used.ru_stime) * 1000
print(json.dumps(marks))
"""


def _articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for index in range(count):
        seed = SEEDS[index % 2]
        text = seed.read_text(encoding="utf-8")
        if index >= 2:
            text = text.replace("Are Tense", f"(#{index}) Are Tense").replace("Strengthening", f"(#{index}) Strengthening")
        (folder / f"{seed.stem}-{index}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--format", default="pdf")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        runs: dict[int, list[dict[str, float]]] = {2: [], 50: []}
        for count in runs:
            _articles(work / f"in{count}", count)
        for _ in range(args.rounds):
            for count, marks in runs.items():
                done = subprocess.run([sys.executable, "-c", _CHILD, str(work / f"in{count}"), args.format,
                                       str(work / f"out{count}")], capture_output=True, text=True, check=True)
                marks.append(json.loads(done.stdout.strip().splitlines()[-1]))
    median = {count: {key: statistics.median(m[key] for m in marks) for key in marks[0]} for count, marks in runs.items()}
    for count, marks in median.items():
        print(f"{count:>2} articles: parsed at {marks['parsing']:.0f} ms (workers {marks['workers_cpu']:.0f} ms CPU), "
              f"done at {marks['end']:.0f} ms")
    small, big = median[2], median[50]
    parse = (big["parsing"] - small["parsing"]) / 48
    render = ((big["end"] - big["parsing"]) - (small["end"] - small["parsing"])) / 48
    print(f"per extra article: {parse:.1f} ms until parsed + {render:.1f} ms after = {parse + render:.1f} ms "
          f"({args.format})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

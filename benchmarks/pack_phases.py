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
import statistics
import sys
import tempfile
from pathlib import Path

from timing import build_marks

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

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
                marks.append(build_marks(sys.executable, work / f"in{count}", args.format, work / f"out{count}"))
    median = {count: {key: statistics.median(m[key] for m in marks) for key in marks[0]} for count, marks in runs.items()}
    for count, marks in median.items():
        print(f"{count:>2} articles: parsed at {marks['last brief taken']:.0f} ms (workers {marks['worker CPU']:.0f} ms CPU), "
              f"done at {marks['written']:.0f} ms")
    small, big = median[2], median[50]
    parse = (big["last brief taken"] - small["last brief taken"]) / 48
    render = ((big["written"] - big["last brief taken"]) - (small["written"] - small["last brief taken"])) / 48
    print(f"per extra article: {parse:.1f} ms until parsed + {render:.1f} ms after = {parse + render:.1f} ms "
          f"({args.format})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

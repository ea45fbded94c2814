"""Two reportgen installs and the bare-library floor, packs of 2 and 50 articles, interleaved.

    python benchmarks/pdf_ab.py REPORTGEN_BEFORE REPORTGEN_AFTER [--rounds 7] [--format pdf|docx]

The floor's own ratio (../shared/benchmarks/floor/ratio.py) measures one
install; run twice on a shared machine, the load between the runs moves the
ratio more than a change does. Here every round builds each pack with both
installs and runs the floor script (``floor_reportlab.py``, or ``floor_docx.py``
for ``--format docx``; called from the shared folder, not copied), so all of
them see the same load. Inputs are made as ratio.py makes them (its
``articles``). Prints, from medians, each install's cost per extra article
against the floor's, and their ratio. Asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path
from timing import seconds

FLOOR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "floor"
FLOOR_SCRIPTS = {"pdf": "floor_reportlab.py", "docx": "floor_docx.py"}  # the same content, the bare library alone


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--format", choices=sorted(FLOOR_SCRIPTS), default="pdf")
    args = parser.parse_args()
    sys.path.insert(0, str(FLOOR))
    from ratio import articles  # the floor benchmark's own inputs

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        cases: dict[tuple[str, int], list[str]] = {}
        for count in (2, 50):
            articles(work / f"in{count}", count)
            for name, executable in (("before", args.before), ("after", args.after)):
                cases[(name, count)] = [executable, "build", str(work / f"in{count}"), "--format", args.format,
                                        "--force", "--quiet", "--out", str(work / f"out-{name}-{count}")]
            cases[("floor", count)] = [sys.executable, FLOOR_SCRIPTS[args.format], str(count), "/dev/null"]
        times: dict[tuple[str, int], list[float]] = {case: [] for case in cases}
        for _ in range(args.rounds):
            for case, command in cases.items():
                times[case].append(seconds(command, FLOOR))
    median = {case: statistics.median(values) for case, values in times.items()}
    extra = {name: (median[(name, 50)] - median[(name, 2)]) / 48 for name in ("before", "after", "floor")}
    for name in ("before", "after"):
        print(f"{args.format} per extra article, {name}: {extra[name] * 1000:.1f} ms"
              f" vs floor {extra['floor'] * 1000:.1f} ms"
              f" = {extra[name] / extra['floor']:.2f}x; cold 2-article {median[(name, 2)] * 1000:.0f} ms"
              f" vs floor {median[('floor', 2)] * 1000:.0f} ms = {median[(name, 2)] / median[('floor', 2)]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())

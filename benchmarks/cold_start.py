"""What a cold `reportgen build` of two articles costs before it lays anything out.

    python benchmarks/cold_start.py [REPORTGEN] [--rounds N]

REPORTGEN is the `reportgen` executable to measure (default: the one beside
this interpreter). Prints, for a PDF and a DOCX build of the two seed
articles: the `python -X importtime` total and the import self-time by
package (reportgen's by subpackage); the build's own path through time
(`build()` with progress reports in a fresh interpreter: reportgen
imported, the parse worker forked, the first parsed brief taken up — by
then this process has loaded its renderers —, the last, the document
written, and the CPU the parse worker used: ``timing.build_marks``); then
the median wall time of whole cold processes against the shared floor
scripts (../shared/benchmarks/floor: the same content laid out by bare
reportlab / python-docx), interleaved round by round, and their ratio. Time
a non-editable install with .pyc files (PYTHONDONTWRITEBYTECODE unset) to
see what a user sees. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from timing import build_marks, seconds

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT.parent / "shared" / "benchmarks" / "floor"
FLOOR_SCRIPTS = {"pdf": "floor_reportlab.py", "docx": "floor_docx.py"}
_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


def _package(module: str) -> str:
    """reportgen's modules by subpackage (reportgen.parse, reportgen.render.pdf …), others by top package."""
    parts = module.split(".")
    if parts[0] != "reportgen":
        return parts[0]
    return ".".join(parts[:3] if parts[1:2] == ["render"] and len(parts) > 3 else parts[:2])


def import_profile(reportgen: str, arguments: list[str], cwd: Path) -> tuple[float, Counter[str]]:
    """Total import ms and self ms per package of one `-X importtime` run of the build."""
    python = Path(reportgen).with_name("python")
    run = subprocess.run([str(python), "-X", "importtime", "-m", "reportgen", *arguments], cwd=cwd,
                         capture_output=True, text=True, check=True)
    by_package: Counter[str] = Counter()
    total = 0.0
    for line in run.stderr.splitlines():
        match = _IMPORT_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, module = match.groups()
            by_package[_package(module)] += int(self_us) / 1000
            if len(indent) == 1:  # a top-level import: its cumulative time holds everything below it
                total += int(cumulative_us) / 1000
    return total, by_package


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("reportgen", nargs="?", default=str(Path(sys.executable).with_name("reportgen")))
    parser.add_argument("--rounds", type=int, default=7)
    options = parser.parse_args()
    environment = dict(os.environ)
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ.clear()
    os.environ.update(environment)
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        inputs = folder / "in2"
        inputs.mkdir()
        for seed in sorted((ROOT / "seeds").glob("*.txt"))[:2]:
            shutil.copy(seed, inputs / seed.name)
        builds = {fmt: ["build", str(inputs), "--format", fmt, "--force", "--quiet", "--out", str(folder / fmt)]
                  for fmt in FLOOR_SCRIPTS}
        for fmt, arguments in builds.items():
            seconds([options.reportgen, *arguments], folder)  # writes the .pyc files a user's second run has
            total, by_package = import_profile(options.reportgen, arguments, folder)
            print(f"{fmt}: imports {total:.0f} ms; self time by package (ms):")
            for package, milliseconds in by_package.most_common(16):
                print(f"    {package:28} {milliseconds:6.1f}")
            python = str(Path(options.reportgen).with_name("python"))
            runs = [build_marks(python, inputs, fmt, folder / f"path-{fmt}") for _ in range(options.rounds)]
            path = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
            print(f"{fmt}: path of a build (median ms from the interpreter's start): "
                  + ", ".join(f"{name} {value:.0f}" for name, value in path.items()))
        cases = {}
        for fmt, arguments in builds.items():
            cases[(fmt, "reportgen")] = [options.reportgen, *arguments]
            if (FLOOR / FLOOR_SCRIPTS[fmt]).exists():
                cases[(fmt, "floor")] = [sys.executable, FLOOR_SCRIPTS[fmt], "2", "/dev/null"]
        times: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
        for _ in range(options.rounds):
            for case, arguments in cases.items():
                times[case].append(seconds(arguments, FLOOR if case[1] == "floor" else folder))
    for fmt in builds:
        ours = statistics.median(times[(fmt, "reportgen")]) * 1000
        if (fmt, "floor") in times:
            floor = statistics.median(times[(fmt, "floor")]) * 1000
            print(f"{fmt} cold 2-article {ours:.0f} ms vs floor {floor:.0f} ms = {ours / floor:.2f}x")
        else:
            print(f"{fmt} cold 2-article {ours:.0f} ms (no floor scripts at {FLOOR})")


if __name__ == "__main__":
    main()

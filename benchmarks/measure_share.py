"""How many figures say what they measure, where and when, and who gives them.

Prints, over a folder of articles (default: ../shared/dev-articles/articles),
the share of statistics with a measure, a subject, a period and a source, and
with -v every figure left without a measure, for reading by hand
(benchmarks/measures_review.md is such a reading).

    python benchmarks/measure_share.py [FOLDER] [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

from reportgen import parse_file

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "dev-articles" / "articles"


def main(arguments: list[str]) -> None:
    verbose = "-v" in arguments
    folders = [Path(argument) for argument in arguments if argument != "-v"] or [DEFAULT]
    counts = {"measure": 0, "subject": 0, "period": 0, "source": 0}
    total = 0
    for path in sorted(p for folder in folders for p in folder.iterdir() if p.is_file()):
        for statistic in parse_file(path).statistics:
            total += 1
            for field in counts:
                counts[field] += getattr(statistic, field) is not None
            if verbose and statistic.measure is None:
                print(f"{path.name[:24]:24}  {statistic.text}")
    print(f"{total} statistics: " + ", ".join(f"{field} {count / max(total, 1):.1%}" for field, count in counts.items()))


if __name__ == "__main__":
    main(sys.argv[1:])

"""Export a folder of articles in two formats and two languages, in parallel, from Python.

    python examples/batch_export.py [ARTICLES_FOLDER] [OUT_FOLDER]

``build`` runs its jobs on any ``concurrent.futures.Executor``. Here it is a
local process pool; a user who outgrows one machine passes a Dask
distributed client's executor instead (``Client(...).get_executor()``), and
nothing else changes. A rerun skips what manifest.json says is up to date.
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

from reportgen import build


def main() -> int:
    articles = sys.argv[1] if len(sys.argv) > 1 else "seeds"
    out = sys.argv[2] if len(sys.argv) > 2 else "exports"
    with ProcessPoolExecutor(max_workers=2) as executor:
        result = build([articles], formats=["pdf", "docx"], langs=["en", "es"], out=out, split=True,
                       executor=executor)
    for output in result.outputs:
        print(output.path, output.sha256[:12], "up to date" if output.skipped else "built")
    for failure in result.errors:
        print(f"{failure.path}: {failure.message}", file=sys.stderr)
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())

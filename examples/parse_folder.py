"""Parse every article in a folder and print a one-line digest of each brief.

    python examples/parse_folder.py seeds/

Shows the Python API: parse_file() returns a frozen Brief; InputError carries
the one-line message the CLI would print.
"""

from __future__ import annotations

import sys
from pathlib import Path

import reportgen


def main(folder: str) -> int:
    failed = 0
    for path in sorted(Path(folder).iterdir()):
        try:
            brief = reportgen.parse_file(path)
        except reportgen.InputError as error:
            print(f"skipped {error}", file=sys.stderr)
            failed += 1
            continue
        names = ", ".join(expert.name for expert in brief.experts) or "no experts"
        print(f"{brief.id} [{brief.kind}, {brief.language}] {len(brief.statistics)} figures; {names}")
        for figure in brief.statistics[:3]:
            print(f"    {figure.text!r} = {figure.value} {figure.unit} (source: {figure.source or 'not stated'})")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "seeds"))

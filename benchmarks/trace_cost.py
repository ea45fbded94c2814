"""What source tracing costs: parse time and brief size with spans vs without.

    python benchmarks/trace_cost.py [ARTICLE ...]

"Without" parses with the tracer switched off (a brief like schema 1's) and
drops the span fields and source text from the JSON. Defaults to the seeds,
the shared development articles and one long article made by joining them
(so the cost's growth with length shows). Prints numbers; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles" / "articles"
ROUNDS = 30


def _articles(arguments: list[str]) -> list[tuple[str, bytes]]:
    paths = [Path(a) for a in arguments] or sorted((ROOT / "seeds").iterdir()) + sorted(DEV_ARTICLES.glob("*.txt"))
    articles = [(path.name, path.read_bytes()) for path in paths]
    if not arguments:
        joined = b"\n\n".join(data for _, data in articles)
        articles.append(("all joined (long article)", joined * max(1, 400_000 // len(joined))))
    return articles


class _Untraced:
    """A tracer that finds nothing: what parsing cost before spans."""

    def __init__(self, text: str) -> None:
        self.text = text

    def pieces(self, passage: str, near: int = 0) -> tuple:
        return ()

    def dropped_line(self, line):
        return line

    def expert(self, expert):
        return expert


@contextmanager
def _tracing_off() -> Iterator[None]:
    with mock.patch("reportgen.parse.Tracer", _Untraced), \
            mock.patch("reportgen.parse.trace_statistics", lambda tracer, statistics: statistics):
        yield


def _named(name: str) -> str:
    """A file name the reader can tell the format from (the joined article is plain text)."""
    return name if name.endswith((".txt", ".md", ".html")) else name + ".txt"


def _parse_ms(name: str, data: bytes) -> float:
    from reportgen.api import parse_bytes

    parse_bytes(data, _named(name))
    timings = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        parse_bytes(data, _named(name))
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main(arguments: list[str]) -> None:
    from reportgen.api import parse_bytes

    print(f"{'article':42} {'parse ms':>9} {'untraced':>9} {'cost':>6} {'brief KiB':>10} {'no spans':>9} {'text':>6}")
    traced_total = untraced_total = size_total = plain_total = 0.0
    for name, data in _articles(arguments):
        traced = _parse_ms(name, data)
        with _tracing_off():
            untraced = _parse_ms(name, data)
        brief = parse_bytes(data, _named(name))
        size = len(json.dumps(brief.to_dict(), ensure_ascii=False).encode("utf-8"))
        plain = len(json.dumps(brief.to_version_1_dict(), ensure_ascii=False).encode("utf-8"))
        kept = "kept" if brief.source.text is not None else "digest"
        print(f"{name[:42]:42} {traced:9.1f} {untraced:9.1f} {traced / untraced - 1:+6.0%} "
              f"{size / 1024:10.1f} {plain / 1024:9.1f} {kept:>6}")
        if not name.startswith("all joined"):
            traced_total, untraced_total = traced_total + traced, untraced_total + untraced
            size_total, plain_total = size_total + size, plain_total + plain
    print(f"\nall single articles: parse {traced_total:.0f} ms vs {untraced_total:.0f} ms untraced "
          f"({traced_total / untraced_total - 1:+.1%}); briefs {size_total / 1024:.0f} KiB vs "
          f"{plain_total / 1024:.0f} KiB without spans and text ({size_total / plain_total:.2f}×)")


if __name__ == "__main__":
    main(sys.argv[1:])

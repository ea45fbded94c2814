"""What a batch worker spends on one article, in CPU time: its first article (loading everything) and the next.

    python benchmarks/worker_cost.py [ARTICLES]      (default 60)

A split batch (`--split --format pdf --format docx --lang en --lang es`) gives each
worker whole articles: parse once, compose once per language, render PDF and Word
in each. This runs that job in this one process, as a worker runs it, on ARTICLES
articles (the seeds and the test articles, each title with an edition number) and
prints, per step, the first article's CPU time (what a fresh worker pays to load
modules, fonts, templates and lexicons) and the median of the others, then the
share of the others' time spent in Python's garbage collector. CPU time
(``time.process_time``) in one process is steadier on a shared machine than the
wall time of whole builds (``../shared/benchmarks/floor/ratio.py``), so small
changes show here first. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "articles").glob("*.txt"))
STEPS = ("parse", "compose en", "pdf en", "docx en", "compose es", "pdf es", "docx es")


def _articles(count: int) -> list[tuple[bytes, str]]:
    """``count`` articles as bytes, each title (its first line) with an edition number."""
    made = []
    for number in range(count):
        source = SOURCES[number % len(SOURCES)]
        data = source.read_bytes()
        first, _, rest = data.partition(b"\n")
        made.append(((b"(%d) " % number) + first + b"\n" + rest if b"\x00" not in data else data, source.name))
    return made


class _Collections:
    """Time spent in the garbage collector, from its callbacks."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._started = 0.0
        gc.callbacks.append(self._note)

    def _note(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started


def main() -> None:
    from reportgen import parse_bytes
    from reportgen.compose import Brand, compose_pack
    from reportgen.jobs import pace_collector
    from reportgen.model import Pack
    from reportgen.render import renderer_for
    from reportgen.themes import load_theme

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    pace_collector()  # as a worker does
    theme = load_theme("default")
    pdf, word = renderer_for("pdf"), renderer_for("docx")
    collections = _Collections()

    def job(data: bytes, name: str) -> dict[str, float]:
        spent: dict[str, float] = {}
        start = time.process_time()
        brief = parse_bytes(data, name)
        spent["parse"] = time.process_time() - start
        for language in ("en", "es"):
            start = time.process_time()
            document = compose_pack(Pack((brief,), brief.title, None, "2025-12-08", theme.name), language,
                                    Brand(theme.brand, theme.texts_for(language)))
            spent[f"compose {language}"] = time.process_time() - start
            for step, renderer in ((f"pdf {language}", pdf), (f"docx {language}", word)):
                start = time.process_time()
                renderer.render(document, theme)
                spent[step] = time.process_time() - start
        return spent

    articles = _articles(count)
    first = job(*articles[0])
    collected_before = collections.seconds
    rest = [job(*article) for article in articles[1:]]
    print(f"{'step':<12}{'first article':>15}{'then (median)':>15}")
    for step in STEPS:
        print(f"{step:<12}{first[step] * 1000:>12.1f} ms{statistics.median(r[step] for r in rest) * 1000:>12.1f} ms")
    total_first = sum(first.values()) * 1000
    total_then = statistics.median(sum(r.values()) for r in rest) * 1000
    print(f"{'whole job':<12}{total_first:>12.1f} ms{total_then:>12.1f} ms")
    spent = sum(sum(r.values()) for r in rest)
    print(f"garbage collection: {100 * (collections.seconds - collected_before) / spent:.1f} % of the later jobs' time")


if __name__ == "__main__":
    main()

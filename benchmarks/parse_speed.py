"""How fast parsing is: milliseconds per article, and the CLI's start-up time.

    python benchmarks/parse_speed.py [ARTICLE ...]

Defaults to the bundled seeds plus the shared development articles when they
are beside the project. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles" / "articles"
ROUNDS = 20


def _articles(arguments: list[str]) -> list[Path]:
    if arguments:
        return [Path(argument) for argument in arguments]
    return sorted((ROOT / "seeds").iterdir()) + sorted(DEV_ARTICLES.glob("*.txt"))


def _time_parse(paths: list[Path]) -> list[float]:
    import reportgen

    for path in paths:  # warm the lexicon caches once, as a long batch would
        reportgen.parse_file(path)
    per_article = []
    for path in paths:
        started = time.perf_counter()
        for _ in range(ROUNDS):
            reportgen.parse_file(path)
        per_article.append((time.perf_counter() - started) / ROUNDS * 1000)
    return per_article


def _cpu_per_article(paths: list[Path], rounds: int = 7) -> list[float]:
    """CPU milliseconds of one warm parse of each article (median of ``rounds``): the machine is
    shared, so process time, not wall time, is what compares before and after."""
    import reportgen

    articles = [(path.read_bytes(), str(path)) for path in paths]
    for data, name in articles:
        reportgen.parse_bytes(data, name)
    per_article = []
    for data, name in articles:
        timings = []
        for _ in range(rounds):
            started = time.process_time()
            reportgen.parse_bytes(data, name)
            timings.append(time.process_time() - started)
        per_article.append(statistics.median(timings) * 1000)
    return per_article


_COLD_PARSE = ("import sys, time; started = time.process_time(); import reportgen; imported = time.process_time(); "
               "reportgen.parse_file(sys.argv[1]); first = time.process_time(); reportgen.parse_file(sys.argv[1]); "
               "print(imported - started, first - imported, time.process_time() - first)")


def _cold_parse_cpu(article: Path, runs: int = 7) -> tuple[float, float, float]:
    """CPU milliseconds of a fresh process's import, its first parse and its second parse of ``article``
    (medians of ``runs``): the first parse's excess over the second is what every parse worker pays
    once (regex compilation, lexicon loading, the parser's own imports)."""
    timings = [[float(value) for value in subprocess.run(
        [sys.executable, "-c", _COLD_PARSE, str(article)], capture_output=True, check=True, text=True).stdout.split()]
        for _ in range(runs)]
    return tuple(statistics.median(column) * 1000 for column in zip(*timings))  # type: ignore[return-value]


def _time_command(command: list[str], runs: int = 5) -> float:
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def main() -> None:
    paths = _articles(sys.argv[1:])
    started = time.perf_counter()
    import reportgen  # noqa: F401

    first_import = (time.perf_counter() - started) * 1000
    timings = _time_parse(paths)
    words = sum(len(path.read_text(encoding="utf-8", errors="replace").split()) for path in paths)
    print(f"articles: {len(paths)} ({words} words)")
    print(f"parse per article: median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms "
          f"(warm, mean of {ROUNDS} rounds each)")
    cpu = _cpu_per_article(paths)
    print(f"parse CPU per article: median {statistics.median(cpu):.2f} ms, max {max(cpu):.2f} ms")
    for path, milliseconds in zip(paths, cpu):
        if path.parent.name == "seeds":
            print(f"  {path.name}: {milliseconds:.2f} ms CPU")
    print(f"import reportgen: {first_import:.0f} ms")
    imported, first, second = _cold_parse_cpu(paths[0])
    print(f"fresh process, {paths[0].name}: import reportgen {imported:.0f} ms, first parse {first:.0f} ms, "
          f"second {second:.0f} ms CPU (first use costs {first - second:.0f} ms)")
    executable = [sys.executable, "-m", "reportgen"]
    print(f"reportgen parse --help: {_time_command(executable + ['parse', '--help']):.0f} ms (process start included)")
    seed = str(ROOT / "seeds" / "000_147177cf72ded19c.txt")
    print(f"reportgen parse <seed>: {_time_command(executable + ['parse', seed]):.0f} ms (process start included)")


if __name__ == "__main__":
    main()

"""Where a Word pack's time goes: cProfile of one N-article DOCX build, the render alone, and the CPU a
one-article document costs (what a split batch pays per document).

    python benchmarks/docx_profile.py [N] [--top 25] [--sort tottime|cumtime]

The N inputs are made as the shared floor benchmark's ``ratio.py`` makes them
(reimplemented here: the two seed articles repeated, each repeat with its own
title). The whole build runs in-process under cProfile (one job, so the
profile sees the render); then the pack's composed document is rendered a few
more times without the profiler, best of those in milliseconds, per article;
last each seed article is rendered as a one-article pack, as a split batch
renders it (``pipeline.run._render``), CPU milliseconds per document.
Run it with ``PYTHONDONTWRITEBYTECODE`` unset, or imports dominate. Prints
numbers; asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

ROUNDS = 5


def make_articles(folder: Path, count: int) -> list[Path]:
    """``count`` seed articles, as ratio.py writes them: a repeat gets its own title."""
    from reportgen import seed_paths

    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(seed_paths())
    paths = []
    for index in range(count):
        seed = seeds[index % 2]
        text = seed.read_text(encoding="utf-8")
        if index >= 2:
            text = text.replace("Are Tense", f"(#{index}) Are Tense").replace("Strengthening",
                                                                             f"(#{index}) Strengthening")
        path = folder / f"{seed.stem}-{index}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _render_only_ms(paths: list[Path]) -> float:
    """Best time of rendering the pack's composed document again, the template already made."""
    from reportgen import parse_bytes
    from reportgen.compose import Brand, compose_pack
    from reportgen.model import Pack
    from reportgen.render import renderer_for
    from reportgen.themes import load_theme

    theme = load_theme("default")
    briefs = tuple(parse_bytes(path.read_bytes(), str(path)) for path in paths)
    document = compose_pack(Pack(briefs, "Pack", date="2025-12-08"), "en", Brand(theme.brand, theme.texts_for("en")))
    word = renderer_for("docx")
    word.render(document, theme)
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        word.render(document, theme)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def _one_article_cpu_ms(rounds: int = 40) -> float:
    """Median CPU per one-article Word document, the template and the shared parts made already."""
    from reportgen import parse_file, seed_paths
    from reportgen.model import Pack
    from reportgen.pipeline.run import _render
    from reportgen.themes import load_theme

    theme = load_theme("default")
    packs = [Pack((parse_file(path),), "", date="2025-12-08") for path in sorted(seed_paths())]
    for pack in packs:
        _render(pack, "docx", "en", theme)
    times = []
    for _ in range(ROUNDS):
        start = time.process_time()
        for _ in range(rounds):
            for pack in packs:
                _render(pack, "docx", "en", theme)
        times.append((time.process_time() - start) / (rounds * len(packs)))
    return sorted(times)[len(times) // 2] * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", type=int, nargs="?", default=50)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="tottime", choices=("tottime", "cumtime"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        paths = make_articles(Path(folder) / "in", args.articles)
        from reportgen import build

        profiler = cProfile.Profile()
        profiler.enable()
        build([str(Path(folder) / "in")], formats=["docx"], out=Path(folder) / "out", jobs=1, force=True)
        profiler.disable()
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        render = _render_only_ms(paths)
    print(f"render alone, {args.articles} articles: {render:.0f} ms ({render / args.articles:.1f} ms per article)")
    print(f"one-article document: {_one_article_cpu_ms():.1f} ms CPU")


if __name__ == "__main__":
    main()

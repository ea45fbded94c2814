"""What a Word pack pays for its contents' page numbers: the PDF's pagination without a PDF.

    python benchmarks/contents_pages_cost.py [--articles 50] [--rounds 5]

``reportgen build --format docx`` alone has no PDF render to take the page
numbers from, so ``contents_pages`` lays the PDF out itself. The pack is made
as the floor benchmark makes its inputs (``ratio.articles`` in
../shared/benchmarks/floor, imported, not copied), composed in English in the
default theme. Prints the CPU time (best of the rounds, process time) of
``contents_pages`` with its cache cleared, of a full ``render_pdf`` for scale,
and of the Word render with the pages given. Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from timing import best_ms

FLOOR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "floor"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(FLOOR))
    from ratio import articles  # the floor benchmark's own inputs

    from reportgen import parse_file
    from reportgen.compose import Brand, compose_pack
    from reportgen.model import Pack
    from reportgen.render import renderer_for
    from reportgen.render.pdf import document as pdf_document
    from reportgen.themes import load_theme

    with tempfile.TemporaryDirectory() as folder:
        inputs = Path(folder) / "in"
        articles(inputs, args.articles)
        briefs = tuple(parse_file(path) for path in sorted(inputs.iterdir()))
    theme = load_theme("default")
    document = compose_pack(Pack(briefs, "Pack", date="2025-12-08"), "en", Brand(theme.brand, theme.texts_for("en")))

    def pages() -> dict[str, int]:
        pdf_document._recent.clear()  # noqa: SLF001 - what a Word-only build finds: no PDF laid out before
        return pdf_document.contents_pages(document, theme)

    known = pages()
    word = renderer_for("docx")
    costs = {
        "contents_pages": best_ms(pages, args.rounds, time.process_time, warm_up=True),
        "render_pdf": best_ms(lambda: pdf_document.render_pdf(document, theme), args.rounds, time.process_time),
        "docx render, pages given": best_ms(lambda: word.render(document, theme, known), args.rounds,
                                            time.process_time),
    }
    print(f"{args.articles} articles, {max(known.values())} pages: "
          + ", ".join(f"{name} {value:.0f} ms CPU" for name, value in costs.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())

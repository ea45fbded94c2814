"""How fast the seed pack builds, and what the pack costs over bare reportlab.

    python benchmarks/build_speed.py

Prints: the whole `reportgen build --format pdf` process (start-up included),
the in-process stages (parse, compose, render), pages and file size, and the
render time of a bare reportlab document with the same text in the same
fonts (plain paragraphs, one pass, no contents, cards or page furniture).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path
from typing import Callable

ROUNDS = 7


def _median_ms(action: Callable[[], object], rounds: int = ROUNDS) -> float:
    action()  # warm caches (font registration, lexicons) as a long-running process would have them
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _texts(blocks) -> list[str]:
    """Every string a Document carries, in reading order, for the bare comparison."""
    from dataclasses import fields, is_dataclass

    texts: list[str] = []
    for block in blocks:
        for field in fields(block):
            value = getattr(block, field.name)
            if isinstance(value, str) and field.name not in ("anchor", "style", "role"):
                texts.append(value)
            elif isinstance(value, tuple):
                for item in value:
                    if isinstance(item, str):
                        texts.append(item)
                    elif isinstance(item, tuple):
                        texts += [cell for cell in item if isinstance(cell, str)]
                    elif is_dataclass(item):
                        texts += _texts([item])
    return texts


def _bare_reportlab(texts: list[str], font: str) -> bytes:
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    buffer = BytesIO()
    style = ParagraphStyle("plain", fontName=font, fontSize=9.5, leading=13.5)
    SimpleDocTemplate(buffer, invariant=1).build([Paragraph(escape(text), style) for text in texts])
    return buffer.getvalue()


def main() -> None:
    from pypdf import PdfReader

    from reportgen import parse_file, seed_paths
    from reportgen.compose import Brand, compose_pack
    from reportgen.model import Pack
    from reportgen.render import renderer_for
    from reportgen.render.pdf.fonts import register_family
    from reportgen.themes import load_theme

    with tempfile.TemporaryDirectory() as out:
        command = [sys.executable, "-m", "reportgen", "build", "--format", "pdf", "--out", out]
        whole = _median_ms(lambda: subprocess.run(command, check=True, capture_output=True), rounds=3)
        pdf = Path(out) / "briefing-pack.en.pdf"
        pages, size = len(PdfReader(pdf).pages), pdf.stat().st_size

    theme = load_theme("default")
    brand = Brand(theme.brand, theme.texts_for("en"))
    briefs = [parse_file(path) for path in seed_paths()]
    pack = Pack(tuple(briefs), "Briefing pack", date="2025-12-08")
    document = compose_pack(pack, "en", brand)
    renderer = renderer_for("pdf")
    texts = _texts(document.blocks)
    font = register_family(theme.body_font).regular

    parse_ms = _median_ms(lambda: [parse_file(path) for path in seed_paths()])
    compose_ms = _median_ms(lambda: compose_pack(pack, "en", brand))
    render_ms = _median_ms(lambda: renderer.render(document, theme))
    bare_ms = _median_ms(lambda: _bare_reportlab(texts, font))
    bare_pages = len(PdfReader(BytesIO(_bare_reportlab(texts, font))).pages)

    print(f"seed pack (2 articles): {pages} pages, {size / 1024:.0f} KiB")
    print(f"whole process `reportgen build --format pdf`: {whole:.0f} ms (median of 3)")
    print(f"in-process: parse {parse_ms:.1f} ms + compose {compose_ms:.1f} ms + render {render_ms:.0f} ms")
    print(f"bare reportlab, same {len(texts)} texts and font, one pass: {bare_ms:.0f} ms, {bare_pages} pages")
    print(f"pack render / bare render: {render_ms / bare_ms:.1f}x")


if __name__ == "__main__":
    main()

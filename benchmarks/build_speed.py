"""How fast the seed pack builds, and what the pack costs over bare reportlab / python-docx.

    python benchmarks/build_speed.py

Prints: the whole `reportgen build` process for PDF and for DOCX (start-up
included), the in-process stages (parse, compose, render), pages and file
sizes, and the render time of a bare document with the same text: reportlab
(plain paragraphs in the same font, one pass, no contents, cards or page
furniture) and python-docx (plain paragraphs in the default template).
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


def _bare_docx(texts: list[str]) -> bytes:
    import docx

    from reportgen.render.docx.oxml import xml_safe

    document = docx.Document()
    for text in texts:
        document.add_paragraph(xml_safe(text))
    buffer = BytesIO()
    document.save(buffer)
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
        whole = {}
        for fmt in ("pdf", "docx"):
            command = [sys.executable, "-m", "reportgen", "build", "--format", fmt, "--out", out, "--force", "-q"]
            whole[fmt] = _median_ms(lambda: subprocess.run(command, check=True, capture_output=True), rounds=3)
        pdf = Path(out) / "briefing-pack.en.pdf"
        pages, size = len(PdfReader(pdf).pages), pdf.stat().st_size
        docx_size = (Path(out) / "briefing-pack.en.docx").stat().st_size

    theme = load_theme("default")
    brand = Brand(theme.brand, theme.texts_for("en"))
    briefs = [parse_file(path) for path in seed_paths()]
    pack = Pack(tuple(briefs), "Briefing pack", date="2025-12-08")
    document = compose_pack(pack, "en", brand)
    renderer, word = renderer_for("pdf"), renderer_for("docx")
    texts = _texts(document.blocks)
    font = register_family(theme.body_font).regular

    parse_ms = _median_ms(lambda: [parse_file(path) for path in seed_paths()])
    compose_ms = _median_ms(lambda: compose_pack(pack, "en", brand))
    render_ms = _median_ms(lambda: renderer.render(document, theme))
    bare_ms = _median_ms(lambda: _bare_reportlab(texts, font))
    bare_pages = len(PdfReader(BytesIO(_bare_reportlab(texts, font))).pages)
    word_ms = _median_ms(lambda: word.render(document, theme))
    bare_word_ms = _median_ms(lambda: _bare_docx(texts))

    print(f"seed pack (2 articles): PDF {pages} pages, {size / 1024:.0f} KiB; DOCX {docx_size / 1024:.0f} KiB")
    for fmt, ms in whole.items():
        print(f"whole process `reportgen build --format {fmt}`: {ms:.0f} ms (median of 3)")
    print(f"in-process: parse {parse_ms:.1f} ms + compose {compose_ms:.1f} ms"
          f" + render PDF {render_ms:.0f} ms / DOCX {word_ms:.0f} ms")
    print(f"bare reportlab, same {len(texts)} texts and font, one pass: {bare_ms:.0f} ms, {bare_pages} pages"
          f" -> pack PDF render {render_ms / bare_ms:.1f}x")
    print(f"bare python-docx, same texts as plain paragraphs: {bare_word_ms:.0f} ms"
          f" -> pack DOCX render {word_ms / bare_word_ms:.1f}x")


if __name__ == "__main__":
    main()

"""What each block type costs in a big PDF pack: the render, and the render without that type.

    python benchmarks/pdf_blocks.py [ARTICLES]        (default 50)

The pack is ARTICLES seed articles, every repeat with its own title (as the
floor benchmark, ../shared/benchmarks/floor/ratio.py, makes its inputs), parsed
once and composed once. Then, best of several rounds in milliseconds: the
story (blocks → flowables), the whole render, and for each block type the
render with every block of that type left out: the difference is what that
type costs (building its flowables, laying them out, drawing them).
Prints numbers; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from timing import best_ms

ROUNDS = 3


def _pack_document(articles: int):  # noqa: ANN202 - a Document, imported lazily
    from reportgen import parse_bytes, seed_paths
    from reportgen.compose import Brand, compose_pack
    from reportgen.model import Pack
    from reportgen.themes import load_theme

    theme = load_theme("default")
    seeds = sorted(seed_paths())
    briefs = []
    for index in range(articles):
        text = seeds[index % 2].read_text(encoding="utf-8")
        if index >= 2:
            text = text.replace("Are Tense", f"(#{index}) Are Tense").replace("Strengthening", f"(#{index}) Strengthening")
        briefs.append(parse_bytes(text.encode("utf-8"), f"{seeds[index % 2].stem}-{index}.txt"))
    pack = Pack(tuple(briefs), "Briefing pack", date="2025-12-08")
    return compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en"))), theme


def _without(blocks: tuple, kind: type) -> tuple:
    """``blocks`` with every block of ``kind`` left out, at any depth. Leaving out the notes
    also drops the marks that link to them (a link to nowhere is an error in reportlab)."""
    from reportgen.compose import blocks as b

    kept = []
    for block in blocks:
        if isinstance(block, kind):
            continue
        if isinstance(block, b.Section):
            block = replace(block, children=_without(block.children, kind))
        elif kind is b.Notes and isinstance(block, b.Table):
            block = replace(block, notes=())
        elif kind is b.Notes and isinstance(block, b.KeyFigures):
            block = replace(block, items=tuple(replace(item, note=None) for item in block.items))
        kept.append(block)
    return tuple(kept)


def main() -> None:
    from reportgen.compose import blocks as b
    from reportgen.render import renderer_for
    from reportgen.render.pdf.flowables import Story
    from reportgen.render.pdf.fonts import Typeset, register_family
    from reportgen.render.pdf.styles import palette, paragraph_styles

    articles = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    document, theme = _pack_document(articles)
    pdf = renderer_for("pdf")
    pdf.render(document, theme)  # fonts registered, caches warm
    body, heading = register_family(theme.body_font), register_family(theme.heading_font)
    styles = paragraph_styles(theme, body, heading)

    def story() -> object:
        return Story(styles, palette(theme), Typeset(body), Typeset(heading), 481.0, 700.0).flowables(document.blocks)

    whole = best_ms(lambda: pdf.render(document, theme), ROUNDS, time.process_time)
    print(f"{articles} articles: render {whole:.0f} ms, of which story {best_ms(story, ROUNDS, time.process_time):.0f} ms")
    unnoted = replace(document, blocks=_without(document.blocks, b.Notes))
    base = best_ms(lambda: pdf.render(unnoted, theme), ROUNDS, time.process_time)
    print(f"  {'Notes':<12} {whole - base:7.0f} ms  ({(whole - base) / articles:.1f} ms per article, with their marks)")
    for kind in (b.ExpertCard, b.KeyFigures, b.Question, b.Table, b.Commentary, b.Paragraph, b.Contents):
        lighter = replace(unnoted, blocks=_without(unnoted.blocks, kind))
        cost = base - best_ms(lambda: pdf.render(lighter, theme), ROUNDS, time.process_time)
        print(f"  {kind.__name__:<12} {cost:7.0f} ms  ({cost / articles:.1f} ms per article)")


if __name__ == "__main__":
    main()

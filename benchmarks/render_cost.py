"""Per-brief cost: parse, compose, PDF and DOCX render of one article, against bare libraries.

    python benchmarks/render_cost.py

For each seed article, its single-article document (what `--split` writes)
is rendered, and so is a bare document of exactly the same strings: plain
reportlab paragraphs in the same font (one pass) and plain python-docx
paragraphs. Best of several rounds (the least disturbed), in milliseconds.
Prints numbers; asserts nothing.
"""

from __future__ import annotations


from build_speed import _bare_docx, _bare_reportlab, _texts
from timing import best_ms

ROUNDS = 9


def main() -> None:
    from reportgen import parse_bytes, seed_paths
    from reportgen.compose import Brand, compose_pack
    from reportgen.model import Pack
    from reportgen.render import renderer_for
    from reportgen.render.pdf.fonts import register_family
    from reportgen.themes import load_theme

    theme = load_theme("default")
    brand = Brand(theme.brand, theme.texts_for("en"))
    font = register_family(theme.body_font).regular
    pdf, word = renderer_for("pdf"), renderer_for("docx")
    totals = {"parse": 0.0, "compose": 0.0, "pdf": 0.0, "docx": 0.0, "bare_pdf": 0.0, "bare_docx": 0.0}
    seeds = seed_paths()
    for path in seeds:
        data = path.read_bytes()
        brief = parse_bytes(data, str(path))
        pack = Pack((brief,), brief.title, date="2025-12-08")
        document = compose_pack(pack, "en", brand)
        texts = _texts(document.blocks)
        costs = {
            "parse": best_ms(lambda: parse_bytes(data, str(path)), ROUNDS, warm_up=True),
            "compose": best_ms(lambda: compose_pack(pack, "en", brand), ROUNDS, warm_up=True),
            "pdf": best_ms(lambda: pdf.render(document, theme), ROUNDS, warm_up=True),
            "docx": best_ms(lambda: word.render(document, theme), ROUNDS, warm_up=True),
            "bare_pdf": best_ms(lambda: _bare_reportlab(texts, font), ROUNDS, warm_up=True),
            "bare_docx": best_ms(lambda: _bare_docx(texts), ROUNDS, warm_up=True),
        }
        print(f"{path.name}: " + ", ".join(f"{name} {value:.1f} ms" for name, value in costs.items()))
        for name, value in costs.items():
            totals[name] += value / len(seeds)
    print("per brief (mean of the seeds): " + ", ".join(f"{name} {value:.1f} ms" for name, value in totals.items()))
    print(f"PDF render / bare reportlab: {totals['pdf'] / totals['bare_pdf']:.2f}x; "
          f"DOCX render / bare python-docx: {totals['docx'] / totals['bare_docx']:.2f}x")


if __name__ == "__main__":
    main()

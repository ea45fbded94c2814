"""Regenerate the theme gallery: the seed pack's cover and first article page, per built-in theme.

Needs poppler's ``pdftoppm`` (Debian: poppler-utils) and Pillow. Run from anywhere:
    python examples/gallery/make_gallery.py
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from PIL import Image

from reportgen import build
from reportgen.themes import builtin_themes

HERE = Path(__file__).resolve().parent
DPI = 60
PAGES = (1, 4)  # the cover, then the first article: question, key figures, expert cards


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for theme in builtin_themes():
            pdf = build(style=theme.name, out=Path(work) / theme.name, date="2025-12-08").outputs[0].path
            pages = []
            for number in PAGES:
                stem = Path(work) / f"{theme.name}-{number}"
                subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", str(DPI), "-f", str(number),
                                "-l", str(number), str(pdf), str(stem)], check=True)
                pages.append(Image.open(f"{stem}.png").convert("RGB"))
            gap = 12
            spread = Image.new("RGB", (sum(p.width for p in pages) + gap * (len(pages) + 1),
                                       max(p.height for p in pages) + 2 * gap), "#8A8F98")
            x = gap
            for page in pages:
                spread.paste(page, (x, gap))
                x += page.width + gap
            target = HERE / f"{theme.name}.png"
            spread.save(target, optimize=True)
            print(target)


if __name__ == "__main__":
    main()

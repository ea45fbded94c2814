"""Regenerate the theme gallery: the seed pack's cover and first article page, per built-in theme,
and for the example brand.yml (``examples/brand/``) both as PDF and as Word.

Needs poppler's ``pdftoppm`` (Debian: poppler-utils), LibreOffice's ``soffice``
(to lay the Word pack out as a reader sees it) and Pillow. Run from anywhere:
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
BRAND = HERE.parent / "brand" / "_brand.yml"
DATE = "2025-12-08"
DPI = 60
PAGES = (1, 4)  # the cover, then the first article: question, key figures, expert cards


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        for theme in builtin_themes():
            pdf = build(style=theme.name, out=Path(work) / theme.name, date=DATE).outputs[0].path
            save_spread(pdf, HERE / f"{theme.name}.png")
        brand_gallery(Path(work))


def brand_gallery(work: Path) -> None:
    """The example brand's pack as PDF, and as Word laid out by LibreOffice."""
    outputs = build(style=BRAND, formats=["pdf", "docx"], out=work / "brand", date=DATE).outputs
    paths = {output.format: output.path for output in outputs}
    save_spread(paths["pdf"], HERE / "brand-pdf.png")
    save_spread(word_as_pdf(paths["docx"], work), HERE / "brand-docx.png")


def word_as_pdf(docx: Path, work: Path) -> Path:
    """``docx`` converted by LibreOffice, with a profile of its own so a running LibreOffice is no obstacle."""
    profile = (work / "libreoffice-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work / "word"), str(docx)], check=True, capture_output=True)
    return work / "word" / f"{docx.stem}.pdf"


def save_spread(pdf: Path, target: Path) -> None:
    """PAGES of ``pdf`` side by side on a grey ground, saved as ``target``."""
    pages = []
    for number in PAGES:
        stem = pdf.with_name(f"{pdf.stem}-{number}")
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
    spread.save(target, optimize=True)
    print(target)


if __name__ == "__main__":
    main()

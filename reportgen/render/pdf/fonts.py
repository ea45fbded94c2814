"""Fonts for the PDF: theme TrueType families, embedded as subsets, with a fallback chain.

reportlab draws a character the font lacks as an empty box. So every piece
of article text goes through ``Typeset.markup``: runs the theme's font cannot
draw are set in the fallback family (DejaVu Sans, then reportlab's own Vera),
characters no font has are left out rather than printed as boxes, and
``< > &`` are escaped so an article's text can never be read as markup.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...resources import bundled_dir
from ...themes import FONT_SLOTS, FontFamily

_SLOT_FLAGS = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bold_italic": (1, 1)}
_ALWAYS_DRAWABLE = frozenset(" \n\t")


@dataclass(frozen=True)
class RegisteredFamily:
    """A family as reportlab knows it: one registered font name per slot, and what each can draw."""

    names: dict[str, str]
    coverage: dict[str, frozenset[int]]

    @property
    def regular(self) -> str:
        return self.names["regular"]

    @property
    def bold(self) -> str:
        return self.names["bold"]

    @property
    def italic(self) -> str:
        return self.names["italic"]


_registering = threading.Lock()


def _register_file(path: Path) -> tuple[str, frozenset[int]]:
    """Register one TTF once per process (threads included); its name is the file's stem."""
    with _registering:
        return _register_once(path)


@lru_cache(maxsize=None)
def _register_once(path: Path) -> tuple[str, frozenset[int]]:
    name = path.stem
    registered = pdfmetrics.getRegisteredFontNames()
    suffix = 2
    while name in registered:
        name = f"{path.stem}-{suffix}"
        suffix += 1
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


def register_family(family: FontFamily) -> RegisteredFamily:
    """Register a theme family's four files and map them for ``<b>``/``<i>`` in paragraphs."""
    names, coverage = {}, {}
    for slot in FONT_SLOTS:
        names[slot], coverage[slot] = _register_file(Path(getattr(family, slot)).resolve())
    for slot, (bold, italic) in _SLOT_FLAGS.items():
        addMapping(names["regular"], bold, italic, names[slot])
    return RegisteredFamily(names, coverage)


def _fallback_families() -> list[RegisteredFamily]:
    dejavu = bundled_dir("styles") / "fonts"
    vera = Path(reportlab.__file__).parent / "fonts"
    return [
        register_family(FontFamily("DejaVuSans", dejavu / "DejaVuSans.ttf", dejavu / "DejaVuSans-Bold.ttf",
                                   dejavu / "DejaVuSans-Oblique.ttf", dejavu / "DejaVuSans-BoldOblique.ttf")),
        register_family(FontFamily("Vera", vera / "Vera.ttf", vera / "VeraBd.ttf", vera / "VeraIt.ttf", vera / "VeraBI.ttf")),
    ]


class Typeset:
    """Turns plain text into safe paragraph markup for one primary family."""

    def __init__(self, primary: RegisteredFamily) -> None:
        self.primary = primary
        self.fallbacks = [family for family in _fallback_families() if family.names != primary.names]

    def markup(self, text: str, slot: str = "regular") -> str:
        """``text`` escaped, with runs the primary font lacks set in a fallback font."""
        covered = self.primary.coverage[slot]
        if all(ord(char) in covered or char in _ALWAYS_DRAWABLE for char in text):
            return escape(text)
        pieces: list[str] = []
        run: list[str] = []
        run_font: str | None = None
        for char in text:
            font = self._font_for(char, slot)
            if font == "":
                continue  # no font can draw it: leave it out rather than print a box
            if font != run_font and run:
                pieces.append(_wrap(run, run_font))
                run = []
            run_font = font
            run.append(char)
        if run:
            pieces.append(_wrap(run, run_font))
        return "".join(pieces)

    def _font_for(self, char: str, slot: str) -> str | None:
        """None for the primary font, a font name for a fallback, "" for none."""
        code = ord(char)
        if code in self.primary.coverage[slot] or char in _ALWAYS_DRAWABLE:
            return None
        for family in self.fallbacks:
            if code in family.coverage[slot]:
                return family.names[slot]
        return ""


def _wrap(chars: list[str], font: str | None) -> str:
    text = escape("".join(chars))
    return text if font is None else f'<font face="{font}">{text}</font>'

"""Fonts for the PDF: theme TrueType families, embedded as subsets, with a fallback chain.

reportlab draws a character the font lacks as an empty box. So every piece
of article text goes through ``Typeset.markup``: runs the theme's font cannot
draw are set in the fallback family (DejaVu Sans, then reportlab's own Vera),
characters no font has are left out rather than printed as boxes, and
``< > &`` are escaped so an article's text can never be read as markup.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFDocument
from reportlab.pdfbase.ttfonts import TTFont

from ...resources import bundled_dir
from ...themes import FONT_SLOTS, FontFamily
from .subsets import SubsetMemory, add_subset_objects
from .ttf import bulk_ttfont

_SLOT_FLAGS = {"regular": (0, 0), "bold": (1, 0), "italic": (0, 1), "bold_italic": (1, 1)}
_ALWAYS_DRAWABLE = frozenset(" \n\t")
# Mapped into subset 0 (its free codes 1-31) in this order before a document draws anything, so
# Spanish and English text fills no code in first-use order: one-article documents then embed the
# same subset 0 whichever of these they use, and it is remembered rather than cut and compressed
# again (``subsets.py``). Each face embeds these ~30 glyphs whether drawn or not, ~2 KB compressed.
SUBSET_PRESET = "áéíóúüñÁÉÍÓÚÜÑ¿¡‘’“”–—…•·«»€£°"
_T = TypeVar("_T")


class _Face:
    """One TTF file as reportlab knows it. Its name is settled when the face is first named; the
    file (DejaVu's are ~700 KB) is parsed and registered once per process, when the face is first
    drawn with or asked what it can draw, so a build pays only for the faces it uses."""

    def __init__(self, path: Path, name: str) -> None:
        self.path, self.name = path, name
        self._coverage: frozenset[int] | None = None

    def registered_name(self) -> str:
        """The name to set text in, registered with reportlab first."""
        self.coverage()
        return self.name

    def coverage(self) -> frozenset[int]:
        """The code points this face can draw (its registration parses the file for them)."""
        if self._coverage is None:
            with _registering:
                if self._coverage is None:
                    font = _TTFont(self.name, str(self.path))
                    pdfmetrics.registerFont(font)  # maps this name's <b>/<i> to itself: ours go back on top
                    for mapping in _mappings:
                        addMapping(*mapping)
                    self._coverage = frozenset(font.face.charToGlyph)
        return self._coverage


class _TTFont(TTFont):
    """reportlab's TrueType font, with a fast path for the text a page draws most: characters the
    document has already met, all in the first 256-code subset. reportlab maps every drawn string
    to subset codes in a Python loop per character (a tenth of a pack's render); such a string is
    one ``str.translate`` instead, with exactly the bytes the loop gives. Anything else — a new
    character, one the font lacks, a later subset — takes reportlab's loop, which assigns it.
    A document's mapping begins with ``SUBSET_PRESET``, so most documents' subset 0 is the same list,
    and its subsets are embedded from the font's memory of the subsets it last embedded
    (``subsets.py``): the same bytes, without cutting and compressing the same subset again."""

    def __init__(self, name: str, filename: str) -> None:  # noqa: D107 - reportlab's, with a face read in bulk
        bulk_ttfont(self, name, filename)
        self._subset_memory = SubsetMemory()
        self._word_widths: dict[float, dict[str, float]] = {}

    def addObjects(self, doc: PDFDocument) -> None:  # noqa: N802
        add_subset_objects(self, self._subset_memory, doc)

    def word_widths(self, size: float) -> dict[str, float]:
        """Words' widths at ``size`` as ``stringWidth`` gives them, for the caller to fill and read:
        prose repeats its words, and its lines are found from them (``text.plain_lines``)."""
        widths = self._word_widths.get(size)
        if widths is None or len(widths) > _WORDS_REMEMBERED:
            widths = self._word_widths[size] = {}
        return widths

    def splitString(self, text: str | bytes, doc: object, encoding: str = "utf-8") -> list[tuple[int, bytes]]:  # noqa: N802
        state = self._state(doc)
        if isinstance(text, str):
            known = _FirstSubset.of(state)
            if known.chars.issuperset(text):
                return [(0, text.translate(known.table).encode("latin-1"))] if text else []
        return super().splitString(text, doc, encoding)

    def _state(self, doc: object) -> TTFont.State:
        """``doc``'s mapping to subset codes, begun with ``SUBSET_PRESET`` as reportlab maps it."""
        state = self.state.get(doc)
        if state is None:
            state = self.state[doc] = TTFont.State(self._asciiReadable, self)
            super().splitString(SUBSET_PRESET, doc)
        return state


@dataclass
class _FirstSubset:
    """The characters a document's font state has put in subset 0, and their codes as a translate table
    (no-break space is drawn as the space, as reportlab draws it). Rebuilt when the state assigns more."""

    assigned: int
    chars: frozenset[str]
    table: dict[int, int]

    @classmethod
    def of(cls, state: object) -> _FirstSubset:
        assignments: dict[int, int] = state.assignments  # type: ignore[attr-defined]
        known: _FirstSubset | None = getattr(state, "_reportgen_first_subset", None)
        if known is None or known.assigned != len(assignments):
            table = {code: n for code, n in assignments.items() if n < 256 and code != 0xA0}
            if 32 in table:
                table[0xA0] = table[32]
            known = cls(len(assignments), frozenset(map(chr, table)), table)
            state._reportgen_first_subset = known  # type: ignore[attr-defined]
        return known


class _BySlot(Mapping[str, _T]):
    """A family's faces by slot, seen through ``read``: reading a slot's value loads that face only."""

    def __init__(self, faces: dict[str, _Face], read: Callable[[_Face], _T]) -> None:
        self._faces, self._read = faces, read

    def __getitem__(self, slot: str) -> _T:
        return self._read(self._faces[slot])

    def __iter__(self) -> Iterator[str]:
        return iter(self._faces)

    def __len__(self) -> int:
        return len(self._faces)


@dataclass(frozen=True)
class RegisteredFamily:
    """A family as reportlab knows it: one font name per slot, and what each can draw. Reading a
    slot's name or coverage registers that face, so styles and text register what they use."""

    faces: dict[str, _Face]

    @property
    def names(self) -> Mapping[str, str]:
        return _BySlot(self.faces, _Face.registered_name)

    @property
    def coverage(self) -> Mapping[str, frozenset[int]]:
        return _BySlot(self.faces, _Face.coverage)

    @property
    def regular(self) -> str:
        return self.names["regular"]

    @property
    def bold(self) -> str:
        return self.names["bold"]

    @property
    def italic(self) -> str:
        return self.names["italic"]


_WORDS_REMEMBERED = 20_000  # a font's widths at one size, ~2 MiB: forgotten whole past it
_registering = threading.RLock()
_faces: dict[Path, _Face] = {}
# Every (family, bold, italic, face) mapping made, in the order last made: reapplied after a late registration.
_mappings: dict[tuple[str, int, int, str], None] = {}


def _face(path: Path) -> _Face:
    """The one face of ``path`` in this process (threads included), named after the file's stem
    (``-2``, ``-3``… when another file or font already has that name); nothing is parsed yet."""
    with _registering:
        if path not in _faces:
            taken = set(pdfmetrics.getRegisteredFontNames()) | {face.name for face in _faces.values()}
            name, suffix = path.stem, 2
            while name in taken:
                name = f"{path.stem}-{suffix}"
                suffix += 1
            _faces[path] = _Face(path, name)
        return _faces[path]


def register_family(family: FontFamily) -> RegisteredFamily:
    """A theme family's four faces, mapped for ``<b>``/``<i>`` in paragraphs; each file is parsed
    and registered with reportlab when first used (a style naming it, text asking its coverage)."""
    faces = {slot: _face(_resolved(getattr(family, slot))) for slot in FONT_SLOTS}
    with _registering:
        for slot, (bold, italic) in _SLOT_FLAGS.items():
            mapping = (faces["regular"].name, bold, italic, faces[slot].name)
            _mappings.pop(mapping, None)
            _mappings[mapping] = None
            addMapping(*mapping)
    return RegisteredFamily(faces)


@lru_cache(maxsize=256)
def _resolved(path: str | Path) -> Path:
    """A font file's real path, looked up once per process: every render names its families
    several times (body, heading, fallbacks), and each lookup is a filesystem walk."""
    return Path(path).resolve()


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
        self.fallbacks = [family for family in _fallback_families() if family.faces != primary.faces]

    def markup(self, text: str, slot: str = "regular") -> str:
        """``text`` escaped, with runs the primary font lacks set in a fallback font."""
        if _drawable(self.primary.coverage[slot]).issuperset(text):  # most text: one set test, in C
            return escape(text)
        return self.markup_by_letter(text, slot)

    def markup_by_letter(self, text: str, slot: str = "regular") -> str:
        """What ``markup`` gives, each letter asking which font draws it: runs of one font in one ``<font>``."""
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


@lru_cache(maxsize=32)
def _drawable(coverage: frozenset[int]) -> frozenset[str]:
    """The characters a face draws (``coverage``), and the blanks every face may print: built once per face."""
    return frozenset(map(chr, coverage)) | _ALWAYS_DRAWABLE


def escape(text: str) -> str:
    """``& < >`` as entities, as xml.sax.saxutils.escape does (that module imports urllib.request, http
    and ssl: 10 ms of a cold start)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _wrap(chars: list[str], font: str | None) -> str:
    text = escape("".join(chars))
    return text if font is None else f'<font face="{font}">{text}</font>'

"""Embedding a TrueType font's subsets in a PDF, with what a subset costs kept for the next document.

Saving a one-article PDF spends a third of its time embedding six font subsets: each is cut out of
the font file, its glyph widths formatted number by number, a ToUnicode map written, and the font
program and the map compressed. Most documents embed subsets they share with the documents before
them (every English brief's is the 128 ASCII codes, in the same order), and all of that work is a
pure function of the subset. So each font keeps its last few subsets' results — the formatted
widths, the map and the program with their compressed bytes — and a document that meets one again
reuses them. The PDF objects are made as reportlab's ``TTFont.addObjects`` makes them, in the same
order and with the same names, from the same functions, so the bytes are the same as reportlab's.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, TTFont, TTFontFace, makeToUnicodeCMap

# Subsets remembered per font: enough for the shared ASCII subset to stay while documents with
# their own (Spanish text's accents, each in its own order) come and go; each is ~50-100 KB.
_REMEMBERED_PER_FONT = 4


class _Deflated:
    """reportlab's FlateDecode filter for one stream content, compressed once: the same content
    is given the bytes already made (zlib gives the same bytes for the same input), any other
    content is compressed as reportlab's filter would."""

    pdfname = pdfdoc.PDFZCompress.pdfname

    def __init__(self, content: str | bytes) -> None:
        self.content = content
        self._deflated: bytes | None = None

    def encode(self, text: str | bytes) -> bytes:
        if text is not self.content:
            return pdfdoc.PDFZCompress.encode(text)
        if self._deflated is None:
            self._deflated = pdfdoc.PDFZCompress.encode(text)
        return self._deflated

    def decode(self, encoded: bytes) -> bytes:
        return pdfdoc.PDFZCompress.decode(encoded)


class _Formatted(pdfdoc.PDFObject):
    """A PDF value already formatted, written as it is."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: pdfdoc.PDFDocument) -> bytes:
        return self.data


@dataclass(frozen=True)
class _SubsetParts:
    """What a subset's PDF objects hold that depends on the subset alone."""

    widths: bytes  # the /Widths array, as pdfdoc formats it
    to_unicode: _Deflated  # the ToUnicode CMap text
    program: _Deflated  # the TrueType subset (FontFile2)

    @classmethod
    def make(cls, font: TTFont, base_font_name: str, subset: list[int]) -> _SubsetParts:
        face = font.face
        widths = pdfdoc.PDFArray(list(map(face.getCharWidth, subset))).format(None)
        return cls(widths, _Deflated(makeToUnicodeCMap(base_font_name, subset)), _Deflated(face.makeSubset(subset)))


class SubsetMemory:
    """One font's recently embedded subsets, by subset number and codes (thread-safe)."""

    def __init__(self) -> None:
        self._parts: OrderedDict[tuple[int, tuple[int, ...], int], _SubsetParts] = OrderedDict()
        self._lock = threading.Lock()

    def parts(self, font: TTFont, number: int, base_font_name: str, subset: list[int]) -> _SubsetParts:
        key = (number, tuple(subset), rl_config.pdfMultiLine)  # the widths' line breaks follow pdfMultiLine
        with self._lock:
            known = self._parts.get(key)
            if known is not None:
                self._parts.move_to_end(key)
                return known
        made = _SubsetParts.make(font, base_font_name, subset)
        with self._lock:
            self._parts[key] = made
            while len(self._parts) > _REMEMBERED_PER_FONT:
                self._parts.popitem(last=False)
        return made


def add_subset_objects(font: TTFont, memory: SubsetMemory, doc: pdfdoc.PDFDocument) -> None:
    """``font``'s subsets in ``doc`` as ``TTFont.addObjects`` adds them (reportlab 4-5), with the
    subset-only parts from ``memory``."""
    try:
        state = font.state[doc]
    except KeyError:
        state = font.state[doc] = TTFont.State(font._asciiReadable)
    state.frozen = 1
    face = font.face
    for number, subset in enumerate(state.subsets):
        internal_name = font.getSubsetInternalName(number, doc)[1:]
        base_font_name = b"".join((SUBSETN(number), b"+", face.name, face.subfontNameX)).decode("pdfdoc")
        parts = memory.parts(font, number, base_font_name, subset)

        pdf_font = pdfdoc.PDFTrueTypeFont()
        pdf_font.__Comment__ = "Font %s subset %d" % (font.fontName, number)
        pdf_font.Name = internal_name
        pdf_font.BaseFont = base_font_name
        pdf_font.FirstChar = 0
        pdf_font.LastChar = len(subset) - 1
        pdf_font.Widths = _Formatted(parts.widths)

        to_unicode = pdfdoc.PDFStream()
        to_unicode.content = parts.to_unicode.content
        if doc.compression:
            to_unicode.filters = [parts.to_unicode]
        pdf_font.ToUnicode = doc.Reference(to_unicode, "toUnicodeCMap:" + base_font_name)
        pdf_font.FontDescriptor = _font_descriptor(face, doc, base_font_name, parts.program)

        doc.Reference(pdf_font, internal_name)
        doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
    del font.state[doc]


def _font_descriptor(face: TTFontFace, doc: pdfdoc.PDFDocument, base_font_name: str,
                     program: _Deflated) -> pdfdoc.PDFObjectReference:
    """The subset's FontDescriptor and font file, as ``TTFontFace.addSubsetObjects`` makes them."""
    font_file = pdfdoc.PDFStream()
    font_file.content = program.content
    font_file.dictionary["Length1"] = len(program.content)
    if doc.compression:
        font_file.filters = [program]
    font_file_ref = doc.Reference(font_file, "fontFile:%s(%s)" % (face.filename, base_font_name))
    flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
    descriptor = pdfdoc.PDFDictionary({
        "Type": "/FontDescriptor",
        "Ascent": face.ascent,
        "CapHeight": face.capHeight,
        "Descent": face.descent,
        "Flags": flags,
        "FontBBox": pdfdoc.PDFArray(face.bbox),
        "FontName": pdfdoc.PDFName(base_font_name),
        "ItalicAngle": face.italicAngle,
        "StemV": face.stemV,
        "FontFile2": font_file_ref,
        "MissingWidth": face.defaultWidth,
    })
    return doc.Reference(descriptor, "fontDescriptor:" + base_font_name)

"""A TrueType face parsed as reportlab parses it, with its per-glyph tables read in bulk.

reportlab's ``TTFontFile.extractInfo`` reads the character map, the horizontal metrics and the
glyph locations one number at a time through a Python method call each: ~40 ms of CPU for the
six DejaVu faces a pack draws with, paid by every process that lays out a PDF (a cold build, each
batch worker). Those three tables are arrays of big-endian integers, so here each is unpacked
with one ``struct`` call and walked in plain loops: ~23 ms for the six. The face comes out with the very
attributes, values and orders reportlab's parse gives (a test compares them font by font); the
small tables (names, head, OS/2, post, hhea, maxp) are still read by reportlab itself, and any
character map this does not read in bulk (formats other than 4 and 12) or any table that does
not parse goes back to reportlab's own reading, which also raises its own errors.
"""

from __future__ import annotations

import struct
from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFError, TTFont, TTFontFace

_BULK_CMAP_FORMATS = (4, 12)


class BulkFace(TTFontFace):
    """``TTFontFace`` whose character information is read table by table in bulk."""

    def extractInfo(self, charInfo: int = 1) -> None:  # noqa: N802, N803 - reportlab's names
        super().extractInfo(charInfo=0)  # every small table, as reportlab reads it
        if not charInfo:
            return
        try:
            read = _char_info(self)
        except (struct.error, IndexError, KeyError, TTFError):
            read = None
        if read is None:  # a map or table this does not read: reportlab's own parse, and its errors
            super().extractInfo(charInfo)
            return
        (self.charToGlyph, self.glyphToChar, self.charWidths, self.hmetrics, self.defaultWidth, self.glyphPos,
         self._pos) = read  # _pos: where reportlab's reading stops, the end of the glyph locations


def bulk_ttfont(font: TTFont, name: str, filename: str) -> None:
    """Initialise ``font`` as ``TTFont.__init__(name, filename)`` does (reportlab 4.4-5), with a ``BulkFace``."""
    font.fontName = name
    font.face = BulkFace(filename)
    font.encoding = TTEncoding()
    font.state = WeakKeyDictionary()
    font._asciiReadable = rl_config.ttfAsciiReadable
    font.shapable = not any(fnmatch(name, pattern) for pattern in getattr(rl_config, "unShapedFontGlob", ()))


def _char_info(face: TTFontFace) -> tuple | None:
    """charToGlyph, glyphToChar, charWidths, hmetrics, defaultWidth, glyphPos and the end of the glyph
    locations as reportlab's parse makes them, or None for a character map format read only by reportlab."""
    data = face._ttf_data
    head = face.table["head"]["offset"]
    index_to_loc_format, glyph_data_format = struct.unpack_from(">HH", data, head + 50)
    if glyph_data_format != 0:
        return None
    (long_metrics,) = struct.unpack_from(">H", data, face.table["hhea"]["offset"] + 34)
    mapping = _character_map(data, face.table["cmap"]["offset"])
    if mapping is None:
        return None
    char_to_glyph, glyph_to_char = mapping
    hmetrics, char_widths, default_width = _metrics(data, face.table["hmtx"]["offset"], long_metrics,
                                                     face.numGlyphs, face._pdfScale, glyph_to_char)
    loca = face.table["loca"]["offset"]
    glyph_pos = _locations(data, loca, face.numGlyphs, index_to_loc_format)
    if 0x20 in char_to_glyph:
        char_to_glyph[0xA0] = char_to_glyph[0x20]
        char_widths[0xA0] = char_widths[0x20]
    elif 0xA0 in char_to_glyph:
        char_to_glyph[0x20] = char_to_glyph[0xA0]
        char_widths[0x20] = char_widths[0xA0]
    end = loca + len(glyph_pos) * (2 if index_to_loc_format == 0 else 4)
    return char_to_glyph, glyph_to_char, char_widths, hmetrics, default_width, glyph_pos, end


def _character_map(data: bytes, cmap: int) -> tuple[dict[int, int], dict[int, list[int]]] | None:
    """The subtable reportlab chooses (its rule: the last Windows or Unicode one, else Mac Roman)."""
    version, count = struct.unpack_from(">HH", data, cmap)
    if count == 0 and version != 0:
        count = version
    chosen, kind = None, 0
    for n in range(count):
        platform, encoding, offset = struct.unpack_from(">HHL", data, cmap + 4 + 8 * n)
        if platform == 3 or (platform == 1 and encoding == 1) or (platform == 0 and encoding != 5):
            chosen, kind = offset, 1
        elif platform == 1 and encoding == 0 and kind != 1:
            chosen, kind = offset, 2
    if chosen is None:
        return None
    start = cmap + chosen
    (fmt,) = struct.unpack_from(">H", data, start)
    if fmt == 4:
        pairs = _format4(data, start)
    elif fmt == 12:
        pairs = _format12(data, start)
    else:
        return None
    char_to_glyph: dict[int, int] = {}
    glyph_to_char: dict[int, list[int]] = {}
    for char, glyph in pairs:
        char_to_glyph[char] = glyph
        chars = glyph_to_char.get(glyph)
        if chars is None:
            glyph_to_char[glyph] = [char]
        else:
            chars.append(char)
    return char_to_glyph, glyph_to_char


def _format4(data: bytes, start: int) -> list[tuple[int, int]]:
    """(character, glyph) in the order reportlab assigns them: segment by segment."""
    (length,) = struct.unpack_from(">H", data, start + 2)
    limit = start + length
    segments = struct.unpack_from(">H", data, start + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, start + 14)
    starts = struct.unpack_from(f">{segments}H", data, start + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, start + 16 + 4 * segments)
    range_start = start + 16 + 6 * segments
    range_offsets = struct.unpack_from(f">{segments}H", data, range_start)
    pairs: list[tuple[int, int]] = []
    for n in range(segments):
        first, last, delta, range_offset = starts[n], ends[n], deltas[n], range_offsets[n]
        if last < first:
            continue
        chars = range(first, last + 1)
        if range_offset == 0:
            pairs.extend((char, (char + delta) & 0xFFFF) for char in chars)
            continue
        base = range_start + 2 * n + range_offset
        for char in chars:
            offset = base + 2 * (char - first)
            glyph = 0 if offset >= limit else struct.unpack_from(">H", data, offset)[0]
            pairs.append((char, (glyph + delta) & 0xFFFF if glyph else 0))
    return pairs


def _format12(data: bytes, start: int) -> list[tuple[int, int]]:
    (groups,) = struct.unpack_from(">L", data, start + 12)
    values = struct.unpack_from(f">{3 * groups}L", data, start + 16)
    pairs: list[tuple[int, int]] = []
    for n in range(0, 3 * groups, 3):
        first, last, glyph = values[n:n + 3]
        pairs.extend((char, char + glyph - first) for char in range(first, last + 1))
    return pairs


def _metrics(data: bytes, hmtx: int, long_metrics: int, glyphs: int, scale, glyph_to_char: dict[int, list[int]]
             ) -> tuple[list[tuple], dict[int, float], float]:
    """hmetrics, charWidths and defaultWidth as reportlab's loop makes them — including its quirk:
    glyphs past the long metrics carry the last advance already scaled."""
    raw = struct.unpack_from(f">{2 * long_metrics}H", data, hmtx)
    hmetrics: list[tuple] = list(zip(raw[0::2], raw[1::2]))
    char_widths: dict[int, float] = {}
    advance = 0.0
    for glyph in range(long_metrics):
        advance = scale(raw[2 * glyph])
        for char in glyph_to_char.get(glyph, ()):
            char_widths[char] = advance
    default_width = scale(raw[0])
    rest = max(0, glyphs - long_metrics)
    bearings = struct.unpack_from(f">{rest}H", data, hmtx + 4 * long_metrics)
    hmetrics.extend((advance, bearing) for bearing in bearings)
    for glyph in range(long_metrics, glyphs):
        for char in glyph_to_char.get(glyph, ()):
            char_widths[char] = advance
    return hmetrics, char_widths, default_width


def _locations(data: bytes, loca: int, glyphs: int, index_format: int) -> list[int]:
    if index_format == 0:
        return [half << 1 for half in struct.unpack_from(f">{glyphs + 1}H", data, loca)]
    if index_format == 1:
        return list(struct.unpack_from(f">{glyphs + 1}L", data, loca))
    raise TTFError(f"Unknown location table format ({index_format})")

"""Font faces read in bulk (render/pdf/ttf.py) hold exactly what reportlab's own parse gives."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
import reportlab
from reportlab.pdfbase.ttfonts import TTFError, TTFont, TTFontFace

from reportgen.render.pdf.fonts import _TTFont
from reportgen.render.pdf.ttf import BulkFace
from reportgen.resources import bundled_dir

ROOT = Path(__file__).resolve().parent.parent
# Every TrueType file at hand: the bundled families, the brand example's, reportlab's own, and the
# system's (cmap formats 4 and 12, 1000 and 2048 units per em, fonts with and without trailing
# left-side bearings), a dozen at most from the system so the test stays quick.
FONT_FILES = sorted({*bundled_dir("styles").glob("fonts/*.ttf"), *(ROOT / "examples").glob("**/*.ttf"),
                     *(Path(reportlab.__file__).parent / "fonts").glob("*.ttf")}) + sorted(
    Path("/usr/share/fonts").glob("**/*.ttf"))[:12]


def _as_parsed(face: TTFontFace) -> dict:
    """A face's attributes with their types, and its dicts' key orders (its scale function by what it gives)."""
    attributes = {name: (type(value), value) for name, value in vars(face).items() if name != "_pdfScale"}
    attributes["_pdfScale"] = [face._pdfScale(units) for units in (0, 1, 1000, 2048, 65535)]
    orders = {name: list(value) for name, value in vars(face).items() if isinstance(value, dict)}
    return {"attributes": attributes, "orders": orders}


@pytest.mark.parametrize("path", FONT_FILES, ids=lambda path: path.name)
def test_a_bulk_face_is_reportlabs_face_attribute_for_attribute(path: Path) -> None:
    assert _as_parsed(BulkFace(str(path))) == _as_parsed(TTFontFace(str(path)))


def test_the_pdf_font_is_reportlabs_font_but_for_its_face_and_its_memories() -> None:
    path = str(bundled_dir("styles") / "fonts" / "DejaVuSerif.ttf")
    ours, theirs = _TTFont("BulkSerif", path), TTFont("BulkSerif", path)
    assert type(ours.face) is BulkFace
    ours_vars = {k: v for k, v in vars(ours).items() if k not in ("face", "_subset_memory", "_word_widths", "state", "encoding")}
    theirs_vars = {k: v for k, v in vars(theirs).items() if k not in ("face", "state", "encoding")}
    assert ours_vars == theirs_vars
    assert type(ours.encoding) is type(theirs.encoding) and dict(ours.state) == dict(theirs.state) == {}


def test_a_character_map_read_only_by_reportlab_is_left_to_reportlab(tmp_path: Path) -> None:
    """A format-6 map (not read in bulk) parses as reportlab parses it, through reportlab's own code."""
    source = bundled_dir("styles") / "fonts" / "DejaVuSans.ttf"
    data = bytearray(source.read_bytes())
    face = TTFontFace(str(source))
    cmap = face.table["cmap"]["offset"]
    chosen = _chosen_subtable(bytes(data), cmap)
    # Overwrite the chosen subtable with a three-entry format 6 map.
    struct.pack_into(">HHHHH3H", data, cmap + chosen, 6, 16, 0, 65, 3, 1, 2, 3)
    font = tmp_path / "format6.ttf"
    font.write_bytes(bytes(data))
    bulk, plain = BulkFace(str(font)), TTFontFace(str(font))
    assert len(bulk.charToGlyph) == 3 and bulk.charToGlyph == plain.charToGlyph  # read as reportlab reads format 6
    assert _as_parsed(bulk) == _as_parsed(plain)


def test_a_broken_font_raises_reportlabs_own_error(tmp_path: Path) -> None:
    source = bundled_dir("styles") / "fonts" / "DejaVuSans.ttf"
    data = bytearray(source.read_bytes())
    head = TTFontFace(str(source)).table["head"]["offset"]
    struct.pack_into(">H", data, head + 52, 1)  # an unknown glyph data format
    font = tmp_path / "broken.ttf"
    font.write_bytes(bytes(data))
    with pytest.raises(TTFError, match="glyph data format"):
        BulkFace(str(font))


def _chosen_subtable(data: bytes, cmap: int) -> int:
    """The offset of the subtable reportlab reads (fonts here have a Windows Unicode one, read last)."""
    _, count = struct.unpack_from(">HH", data, cmap)
    offsets = [struct.unpack_from(">HHL", data, cmap + 4 + 8 * n) for n in range(count)]
    return [offset for platform, _, offset in offsets if platform == 3][-1]

"""The PDF's fonts: drawn text maps to the same subset codes as reportlab's own mapping, however it is
reached, once reportlab has mapped the preset characters every document's mapping begins with."""

from __future__ import annotations

import io
import random

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from reportgen.render.pdf.fonts import SUBSET_PRESET, _TTFont
from reportgen.resources import bundled_dir


class _Document:
    """What reportlab keys a font's per-document state by (weakly)."""


DEJAVU = bundled_dir("styles") / "fonts" / "DejaVuSans.ttf"
# Latin with accents, the no-break space, typographic marks, Greek and Cyrillic (past 256 distinct
# characters, so later subsets), a character DejaVu lacks (notdef) and a private-use one.
ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,;:¿?¡!áéíóúñüÁÉÍÓÚÑ\u00a0"
            "–—“”‘’…€£%()[]/" + "".join(map(chr, range(0x391, 0x3CA))) + "".join(map(chr, range(0x410, 0x450)))
            + "".join(map(chr, range(0x100, 0x17F))) + "\u4e2d\ue000")


def test_fast_subset_mapping_gives_reportlabs_bytes_for_every_string_in_order():
    """The same strings drawn in the same order get the same (subset, bytes) chunks, new characters
    and all: the fast path only ever answers for characters reportlab has already assigned."""
    ours, theirs = _TTFont("FastDejaVu", str(DEJAVU)), TTFont("PlainDejaVu", str(DEJAVU))
    document_ours, document_theirs = _Document(), _Document()
    theirs.splitString(SUBSET_PRESET, document_theirs)
    chance = random.Random(7)
    strings = ["", "\u00a0", "Plain words first.", "Plain words first."]
    strings += ["".join(chance.choice(ALPHABET[:90] if n < 300 else ALPHABET) for _ in range(chance.randint(0, 40)))
                for n in range(600)]
    fast_answers = 0
    for text in strings:
        expected = theirs.splitString(text, document_theirs)
        assert ours.splitString(text, document_ours) == expected, repr(text)
        fast_answers += all(subset == 0 for subset, _ in expected) and len(expected) <= 1
    assert len(ours.state[document_ours].subsets) > 1  # later subsets were reached and still agree
    assert fast_answers > 300


def test_a_document_with_its_own_font_state_is_mapped_on_its_own():
    """Two documents drawing with one font each get their own assignments, as in reportlab."""
    font = _TTFont("FastDejaVuTwo", str(DEJAVU))
    first, second = _Document(), _Document()
    font.splitString("zebra \u0142", first)
    plain, third = TTFont("PlainDejaVuTwo", str(DEJAVU)), _Document()
    plain.splitString(SUBSET_PRESET, third)
    assert font.splitString("quiet \u0107", second) == plain.splitString("quiet \u0107", third)


def test_a_documents_mapping_begins_with_the_preset_in_its_order():
    """The preset fills subset 0's free codes 1-30 in its own order, before the document draws a
    character: an accented letter drawn first still gets its preset code, a new one the next free code."""
    font, document = _TTFont("PresetDejaVu", str(DEJAVU)), _Document()
    assert font.splitString("\u00f1 \u00e9", document) == [(0, bytes([1 + SUBSET_PRESET.index("\u00f1"), 32, 2]))]
    assert font.splitString("\u0142", document) == [(0, bytes([1 + len(SUBSET_PRESET)]))]
    assert font.state[document].subsets[0][1:1 + len(SUBSET_PRESET)] == list(map(ord, SUBSET_PRESET))


def _pdf(font: TTFont, lines: list[str], compress: bool) -> bytes:
    """A one-page PDF drawing ``lines`` in ``font``, registered on its own: reportlab registers one
    font per face name, so a second font of the same file would otherwise draw as the first. A plain
    reportlab font maps the preset first, as ours does."""
    out = io.BytesIO()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdfmetrics, "_fonts", {})
        patch.setattr(pdfmetrics, "_dynFaceNames", {})
        pdfmetrics.registerFont(font)
        canvas = Canvas(out, invariant=1, pageCompression=int(compress))
        if not isinstance(font, _TTFont):
            font.splitString(SUBSET_PRESET, canvas._doc)
        canvas.setFont(font.fontName, 9)
        for row, line in enumerate(lines):
            canvas.drawString(20, 820 - 10 * row, line)
        canvas.save()
    return out.getvalue()


def _documents(chance: random.Random) -> list[list[str]]:
    """Documents as a batch meets them: plain ASCII ones that embed the same subset, ones with
    their own accents and scripts (a second subset past 256 characters), repeats after others
    came between, and more distinct subsets than a font remembers."""
    def lines(alphabet: str) -> list[str]:
        return ["".join(chance.choice(alphabet) for _ in range(chance.randint(0, 60))) for _ in range(30)]
    plain, mixed = lines(ALPHABET[:62] + " .,"), lines(ALPHABET)
    others = [lines(ALPHABET[:62] + "".join(chance.sample(ALPHABET[62:], 40))) for _ in range(6)]
    return [plain, plain, mixed, plain, mixed, *others, plain, others[0], mixed, ["\u00e9\u00f1"], ["\u00f1\u00e9"], []]


@pytest.mark.parametrize("compress", [True, False], ids=["compressed", "uncompressed"])
@pytest.mark.parametrize("file_name", ["DejaVuSerif.ttf", "Carlito-Regular.ttf"])
def test_embedded_subsets_are_reportlabs_bytes_whether_new_or_met_again(file_name: str, compress: bool):
    """Every document in a run of documents is the PDF reportlab's own font gives, byte for byte:
    subsets embedded for the first time, subsets met again (remembered) and subsets forgotten."""
    path = str(bundled_dir("styles") / "fonts" / file_name)
    ours, theirs = _TTFont("Subject", path), TTFont("Subject", path)
    for number, lines in enumerate(_documents(random.Random(file_name))):
        assert _pdf(ours, lines, compress) == _pdf(theirs, lines, compress), f"document {number}"


def test_a_subset_met_again_is_not_cut_out_of_the_font_again():
    """A batch's documents mostly embed the subsets the one before did: the second document with
    the same characters reuses the first one's font program instead of cutting it out again."""
    font = _TTFont("Counted", str(DEJAVU))
    cut = []
    make_subset = font.face.makeSubset
    font.face.makeSubset = lambda subset: cut.append(list(subset)) or make_subset(subset)
    text = ["The same plain words in every document."]
    for _ in range(3):
        _pdf(font, text, compress=True)
    assert len(cut) == 1
    _pdf(font, ["Now with a letter past the preset: \u0142\u00f3d\u017a."], compress=True)
    assert len(cut) == 2 and 0x142 in cut[1]  # a new subset is cut as before


def test_documents_using_different_preset_characters_share_one_subset():
    """Spanish and English documents, each with its own accents and marks in its own order, embed
    one subset 0: it is cut out of the font once for all of them."""
    font = _TTFont("Shared", str(DEJAVU))
    cut = []
    make_subset = font.face.makeSubset
    font.face.makeSubset = lambda subset: cut.append(list(subset)) or make_subset(subset)
    for text in ("\u00bfQu\u00e9 opina?", "\u201cQuoted\u201d \u2014 and so on\u2026", "Ma\u00f1ana, \u00c1frica", "plain"):
        _pdf(font, [text], compress=True)
    assert len(cut) == 1

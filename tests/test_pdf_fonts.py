"""The PDF's fonts: drawn text maps to the same subset codes as reportlab's own mapping, however it is reached."""

from __future__ import annotations

import random

from reportlab.pdfbase.ttfonts import TTFont

from reportgen.render.pdf.fonts import _TTFont
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
    font.splitString("zebra", first)
    assert font.splitString("quiet", second) == TTFont("PlainDejaVuTwo", str(DEJAVU)).splitString("quiet", _Document())

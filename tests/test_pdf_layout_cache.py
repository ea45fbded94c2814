"""What a PDF render keeps from one render to the next in a process, and the fast paths of its markup:
each must give what building afresh (or the general path) gives."""

from __future__ import annotations

from dataclasses import replace

import pytest

from reportgen.render.pdf.fonts import Typeset, register_family
from reportgen.render.pdf.styles import paragraph_styles
from reportgen.themes import load_theme


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def families(theme):
    return register_family(theme.body_font), register_family(theme.heading_font)


def test_a_second_render_reuses_the_styles_of_the_first(theme, families):
    """A batch renders one document per article: the styles (and reportlab's reading of a plain
    paragraph in each, remembered per style) are made once, not per document."""
    first = paragraph_styles(theme, *families)
    again = paragraph_styles(load_theme("default"), *families)
    assert again is first
    assert again["body"] is first["body"]


def test_a_theme_with_other_colours_or_sizes_gets_its_own_styles(theme, families):
    """Styles made for one theme never reach a render in another (same fonts, other colours or sizes)."""
    first = paragraph_styles(theme, *families)
    recoloured = replace(theme, colors={**theme.colors, "primary": "#123456", "text": "#202020"})
    resized = replace(theme, sizes={**theme.sizes, "body": theme.sizes["body"] + 1})
    colours = paragraph_styles(recoloured, *families)
    sizes = paragraph_styles(resized, *families)
    assert colours["h1"].textColor.hexval() == "0x123456"
    assert colours["body"].textColor.hexval() == "0x202020"
    assert first["h1"].textColor.hexval() != "0x123456"
    assert sizes["body"].fontSize == theme.sizes["body"] + 1 == first["body"].fontSize + 1


def test_styles_with_other_fonts_name_those_fonts(theme, families):
    body, heading = families
    swapped = paragraph_styles(theme, heading, body)
    assert swapped["body"].fontName == heading.regular
    assert swapped["h1"].fontName == body.bold
    assert paragraph_styles(theme, body, heading)["body"].fontName == body.regular


SENTENCES = [
    "Plain words, as most of a pack is.",
    "Acentos y eñes: la inflación subió en Perú según el Banco Central.",
    "Figures <b>not</b> markup: 3 < 5 & 7 > 2, \"quoted\" and 'single'.",
    "Blanks kept: tab\there, line\nbreak, no\u00a0break.",
    "Fallback runs: Ωmega and Łódź, an arrow → and a check ✓ in the middle.",
    "A character no font has: \U0001F9EC, left out.",
    "",
]


def _typesets(families) -> list[Typeset]:
    """The theme's (DejaVu draws nearly everything) and reportlab's Vera, whose gaps DejaVu fills."""
    from reportgen.render.pdf.fonts import _fallback_families

    vera = _fallback_families()[1]
    return [Typeset(families[0]), Typeset(vera)]


@pytest.mark.parametrize("slot", ["regular", "bold", "italic"])
@pytest.mark.parametrize("text", SENTENCES)
def test_markup_is_what_asking_letter_by_letter_gives(families, text, slot):
    for typeset in _typesets(families):
        assert typeset.markup(text, slot) == typeset.markup_by_letter(text, slot)


def test_letters_the_primary_font_lacks_are_set_in_a_fallback(families):
    """The one-set-test path never takes text with a letter the primary font cannot draw."""
    vera = _typesets(families)[1]
    assert vera.markup("Łódź & more <3") == 'Łód<font face="DejaVuSans">ź</font> &amp; more &lt;3'

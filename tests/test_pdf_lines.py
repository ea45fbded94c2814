"""Plain paragraphs' lines, found from remembered word widths, are reportlab's own to the last bit."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.paragraph import split

from reportgen.render.pdf.document import _families_and_styles
from reportgen.render.pdf.text import Text, plain_lines
from reportgen.themes import load_theme

PROSE = ("Los precios del café subieron un 12 % en marzo, según el instituto, y la cosecha de este año "
         "será la más corta desde 2011; the ministry's figures, published on Tuesday, put exports at "
         "$4.2 billion — a record — while growers in Huila and Nariño said costs rose faster still.")
SHAPES = [
    PROSE,
    "short",
    "  leading and trailing spaces, \t tabs\nand a newline  ",
    "non\u00a0breaking\u00a0spaces keep\u00a0words together in reportlab's split",
    PROSE + " " + PROSE,
    "one " * 60,
]
WIDTHS = [60.0, 143.7, 300.0, [120.0, 300.0], [300.0, 90.5]]


@pytest.fixture(scope="module")
def styles():
    return _families_and_styles(load_theme("default"))[2]


def _broken_by_reportlab(text: str, style: ParagraphStyle, width) -> tuple:
    paragraph = Paragraph(text, style)
    lines = Paragraph.breakLines(paragraph, list(width) if isinstance(width, list) else width)
    return _fields(lines), paragraph._width_max


def _fields(lines) -> dict:
    return {name: value for name, value in lines.__dict__.items()}


def _lines_match(text: str, style: ParagraphStyle, width) -> bool:
    """Are the lines found reportlab's? True when found, False when left to reportlab, which then
    must have a word wider than a line to split."""
    paragraph = Text(text, style)
    found = plain_lines(paragraph, list(width) if isinstance(width, list) else width)
    if found is None:
        narrowest = min(width) if isinstance(width, list) else width
        assert any(stringWidth(word, style.fontName, style.fontSize) > narrowest for word in split(text)), text
        return False
    assert (_fields(found), paragraph._width_max) == _broken_by_reportlab(text, style, width)
    return True


@pytest.mark.parametrize("style_name", ["body", "lead", "card_text", "table_cell"])
def test_a_plain_paragraphs_lines_and_widths_are_reportlabs(styles, style_name):
    style = styles.get(style_name, styles["body"])
    found = [_lines_match(text, style, width) for text in SHAPES for width in WIDTHS]
    assert sum(found) >= len(found) * 0.7  # the narrow widths leave some long words to reportlab


def test_a_word_wider_than_a_line_soft_hyphens_and_markup_are_left_to_reportlab(styles):
    style = styles["body"]
    assert plain_lines(Text("Antidisestablishmentarianism is long", style), 30.0) is None
    assert plain_lines(Text("co\u00adoperation", style), 300.0) is None
    assert plain_lines(Text("some <b>bold</b> words", style), 300.0) is None


def test_space_shrinkage_is_reportlabs(styles):
    style = ParagraphStyle("shrinking", parent=styles["body"], spaceShrinkage=0.05)
    assert sum(_lines_match(text, style, width) for text in SHAPES for width in WIDTHS) > len(SHAPES)


def test_a_wrapped_text_has_the_height_and_lines_of_a_reportlab_paragraph(styles):
    style = styles["body"]
    ours, theirs = Text(PROSE, style), Paragraph(PROSE, style)
    assert ours.wrap(200, 1000) == theirs.wrap(200, 1000)
    assert [words for _, words in ours.blPara.lines] == [words for _, words in theirs.blPara.lines]

"""Every theme's text reads at WCAG AA (4.5:1) on what it is printed on (issue 20).

An accent chosen for rules and bars (harbour's sand) is darkened for text only,
keeping its hue: the bars keep the theme's look.
"""

from __future__ import annotations

import re

import docx
import pytest

from conftest import QA_SEED
from reportgen import build
from reportgen.contrast import AA_TEXT, contrast, readable_on
from reportgen.themes import builtin_themes

THEMES = {theme.name: theme for theme in builtin_themes()}
# (text colour role, the backgrounds it is printed on) in the PDF, Word and HTML packs.
TEXT_ON = {
    "text": ("paper", "shade", "stripe"),
    "muted": ("paper", "shade", "stripe"),
    "primary": ("paper", "shade", "stripe"),
    "accent_text": ("paper", "shade"),
    "paper": ("primary",),  # table headings
}


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_text_colour_of_every_theme_reaches_aa(name):
    theme = THEMES[name]
    for role, backgrounds in TEXT_ON.items():
        for background in backgrounds:
            ratio = contrast(theme.color(role), theme.color(background))
            assert ratio >= AA_TEXT, f"{name}: {role} on {background} is {ratio:.2f}:1"


def test_harbour_keeps_its_sand_for_bars_and_reads_a_darker_sand_as_text():
    harbour = THEMES["harbour"]
    assert harbour.colors["accent"] == "#D99A2B"  # rules, bars, the question's border
    assert contrast(harbour.colors["accent"], "#FFFFFF") < AA_TEXT
    darker = harbour.accent_text
    assert contrast(darker, harbour.colors["shade"]) >= AA_TEXT
    hue = lambda color: max(range(3), key=lambda i: int(color[1 + 2 * i:3 + 2 * i], 16))  # noqa: E731
    assert hue(darker) == hue(harbour.colors["accent"])  # still a warm sand, not grey or black


def test_a_readable_colour_is_left_as_it_is():
    assert readable_on("#1F3A5F", ("#FFFFFF",)) == "#1F3A5F"
    assert readable_on("#FFFF00", ("#FFFFFF",)) != "#FFFF00"


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_coloured_word_style_in_the_word_pack_reads_at_aa(name, tmp_path):
    theme = THEMES[name]
    path = build([QA_SEED], formats=["docx"], style=name, out=tmp_path, date="2025-12-08", jobs=1).outputs[0].path
    document = docx.Document(str(path))
    paragraphs = list(document.paragraphs) + [paragraph for table in document.tables for row in table.rows
                                              for cell in row.cells for paragraph in cell.paragraphs]
    used = {paragraph.style.name: paragraph.style for paragraph in paragraphs}
    coloured = {name: str(style.font.color.rgb) for name, style in used.items()
                if style.font.color.type is not None and style.font.color.rgb is not None}
    assert len(coloured) > 8
    for style, rgb in coloured.items():
        if style == "Table Heading":  # paper on the primary colour, checked above
            continue
        ratio = contrast(f"#{rgb}", theme.colors["paper"])
        assert ratio >= AA_TEXT, f"{name}: style {style!r} #{rgb} is {ratio:.2f}:1 on paper"


def test_the_html_pack_prints_its_source_lines_and_question_label_in_the_text_accent(tmp_path):
    page = build([QA_SEED], formats=["html"], style="harbour", out=tmp_path, jobs=1).outputs[0].path.read_text("utf-8")
    assert f"--accent-text:{THEMES['harbour'].accent_text};" in page
    for selector in (".source", ".question .label"):
        assert re.search(re.escape(selector) + r"\{color:var\(--accent-text\)", page), selector

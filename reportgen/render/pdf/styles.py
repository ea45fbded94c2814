"""Paragraph styles for one theme: sizes, leading, colours and keep-with-next rules."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from ...themes import Theme
from .fonts import RegisteredFamily


# Contents lines wrap this far (points) before the right edge, so the page number always fits.
_PAGE_NUMBER_ROOM = 28


@dataclass(frozen=True)
class Palette:
    primary: HexColor
    accent: HexColor  # bars, rules, bullets
    accent_text: HexColor  # the accent wherever it is text: dark enough to read (WCAG AA)
    text: HexColor
    muted: HexColor
    rule: HexColor
    stripe: HexColor
    shade: HexColor
    paper: HexColor


class _Names(NamedTuple):
    """A registered family's font names by slot, as the styles name them."""

    regular: str
    bold: str
    italic: str


def palette(theme: Theme) -> Palette:
    return _palette(tuple(theme.colors.items()), theme.accent_text)


def _palette(theme_colors: tuple[tuple[str, str], ...], accent_text: str) -> Palette:
    return Palette(**{role: HexColor(value) for role, value in theme_colors}, accent_text=HexColor(accent_text))


def paragraph_styles(theme: Theme, body: RegisteredFamily, heading: RegisteredFamily) -> dict[str, ParagraphStyle]:
    """Every paragraph style the renderer uses, by role: shared, never to be changed.

    Built once per process for the same colours, sizes and fonts, not once per render: a batch
    renders one document per article, and reportlab's reading of a plain paragraph is remembered
    per style (``text.Text``), so new styles would read it again on every render."""
    return _paragraph_styles(tuple(theme.colors.items()), theme.accent_text, tuple(theme.sizes.items()),
                             _slot_names(body), _slot_names(heading))


def _slot_names(family: RegisteredFamily) -> _Names:
    """The names of the faces the styles set text in (reading them registers those faces only)."""
    return _Names(family.regular, family.bold, family.italic)


@lru_cache(maxsize=16)
def _paragraph_styles(theme_colors: tuple[tuple[str, str], ...], accent_text: str,
                      sizes: tuple[tuple[str, float], ...], body: _Names, heading: _Names) -> dict[str, ParagraphStyle]:
    colors = _palette(theme_colors, accent_text)
    size = dict(sizes)
    base = ParagraphStyle(
        "body", fontName=body.regular, fontSize=size["body"], leading=size["body"] * 1.42,
        textColor=colors.text, spaceAfter=size["body"] * 0.6, allowWidows=0, allowOrphans=0,
        hyphenationLang="", embeddedHyphenation=0,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **changes)

    def heading_style(name: str, font_size: float, **changes: object) -> ParagraphStyle:
        settings: dict[str, object] = dict(fontName=heading.bold, fontSize=font_size, leading=font_size * 1.22,
                                           textColor=colors.primary, keepWithNext=1, allowWidows=1, allowOrphans=1)
        return derive(name, **{**settings, **changes})

    small = size["small"]
    return {
        "body": base,
        "lead": derive("lead", fontSize=size["body"] * 1.12, leading=size["body"] * 1.6),
        "source": derive("source", fontName=body.bold, fontSize=small + 0.5, leading=small * 1.6,
                         textColor=colors.accent_text, spaceAfter=size["body"], keepWithNext=1),
        "note": derive("note", fontName=body.italic, fontSize=small + 0.5, leading=(small + 0.5) * 1.45,
                       textColor=colors.muted),
        "table_head": derive("table_head", fontName=body.bold, fontSize=small + 0.5, leading=(small + 0.5) * 1.3,
                             textColor=colors.paper, spaceAfter=0),
        "table_head_number": derive("table_head_number", fontName=body.bold, fontSize=small + 0.5,
                                    leading=(small + 0.5) * 1.3, textColor=colors.paper, spaceAfter=0,
                                    alignment=TA_RIGHT),
        "table_cell": derive("table_cell", fontSize=small + 0.5, leading=(small + 0.5) * 1.35, spaceAfter=0),
        "table_number": derive("table_number", fontName=body.bold, fontSize=small + 0.5,
                               leading=(small + 0.5) * 1.35, spaceAfter=0, alignment=TA_RIGHT),
        "h1": heading_style("h1", size["h1"], spaceBefore=0, spaceAfter=size["body"] * 0.5),
        "h2": heading_style("h2", size["h2"], spaceBefore=size["body"] * 1.4, spaceAfter=size["body"] * 0.6),
        "h3": heading_style("h3", size["h3"], spaceBefore=size["body"] * 0.9, spaceAfter=1, textColor=colors.text),
        "role": derive("role", fontName=body.italic, fontSize=small + 0.5, leading=(small + 0.5) * 1.4,
                       textColor=colors.muted, spaceAfter=size["body"] * 0.4, keepWithNext=1),
        "question_label": derive("question_label", fontName=body.bold, fontSize=small, leading=small * 1.5,
                                 textColor=colors.accent_text, spaceAfter=2),
        "question": derive("question", fontName=heading.italic, fontSize=size["body"] * 1.12,
                           leading=size["body"] * 1.6, spaceAfter=0),
        "card_name": derive("card_name", fontName=heading.bold, fontSize=size["body"] * 1.08,
                            leading=size["body"] * 1.35, textColor=colors.primary, spaceAfter=1),
        "card_role": derive("card_role", fontName=body.italic, fontSize=small + 0.5, leading=(small + 0.5) * 1.35,
                            textColor=colors.muted, spaceAfter=3),
        "card_text": derive("card_text", spaceAfter=0),
        "figure_qualifier": derive("figure_qualifier", fontName=body.bold, fontSize=small, leading=small * 1.3,
                                   textColor=colors.muted, spaceAfter=1),
        "figure": derive("figure", fontName=heading.bold, fontSize=size["figure"], leading=size["figure"] * 1.15,
                         textColor=colors.primary, spaceAfter=2),
        "figure_label": derive("figure_label", fontName=body.bold, fontSize=small + 0.5,
                               leading=(small + 0.5) * 1.3, spaceAfter=1),
        "figure_source": derive("figure_source", fontSize=small, leading=small * 1.3, textColor=colors.muted,
                                spaceAfter=0),
        "note_number": derive("note_number", fontSize=small + 0.5, leading=(small + 0.5) * 1.4, alignment=TA_RIGHT,
                              spaceAfter=0),
        "note_text": derive("note_text", fontSize=small + 0.5, leading=(small + 0.5) * 1.4, spaceAfter=1),
        "note_credit": derive("note_credit", fontName=body.italic, fontSize=small, leading=small * 1.4,
                              textColor=colors.muted, spaceAfter=0),
        "toc_title": heading_style("toc_title", size["h1"], spaceAfter=size["body"]),
        "toc_1": derive("toc_1", fontName=heading.bold, fontSize=size["body"] * 1.05, leading=size["body"] * 1.5,
                        spaceBefore=size["body"] * 0.5, textColor=colors.primary, alignment=TA_LEFT,
                        rightIndent=_PAGE_NUMBER_ROOM),
        "toc_2": derive("toc_2", fontSize=size["body"] * 0.95, leading=size["body"] * 1.35, leftIndent=14,
                        textColor=colors.text, spaceAfter=0, rightIndent=_PAGE_NUMBER_ROOM),
        "cover_brand": derive("cover_brand", fontName=heading.bold, fontSize=15, leading=18, spaceAfter=1),
        "cover_tagline": derive("cover_tagline", fontSize=small + 1, leading=(small + 1) * 1.4, spaceAfter=0),
        "cover_label": derive("cover_label", fontName=body.bold, fontSize=small, leading=small * 1.5, spaceAfter=3),
        "cover_item": derive("cover_item", fontName=heading.regular, fontSize=size["body"] * 1.05,
                             leading=size["body"] * 1.4, spaceAfter=3),
        "cover_title": derive("cover_title", fontName=heading.bold, fontSize=size["title"],
                              leading=size["title"] * 1.12, spaceAfter=size["title"] * 0.35),
        "cover_subtitle": derive("cover_subtitle", fontSize=size["body"] * 1.3, leading=size["body"] * 1.8),
        "cover_meta": derive("cover_meta", fontSize=size["body"], leading=size["body"] * 1.6),
    }

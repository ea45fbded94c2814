"""Word styles from a theme: built-in ones restyled, ours added, languages and fonts on all.

Editors restyle the whole pack by changing a style, so every paragraph the
renderer writes names a style and carries no direct formatting. With a
reference document (``--reference-docx``) its styles win: ours are only
added where the template lacks them.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import docx

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import StyleFactory

from ...themes import Theme, family_name
from ...wordpack import (
    COVER_BRAND, COVER_META, EXPERT_NAME, EXPERT_ROLE, EXPERT_SUMMARY, FIGURE_SOURCE, FOOTNOTE_REFERENCE,
    FOOTNOTE_TEXT, HEADER_TEXT, KEY_FIGURE, KEY_FIGURE_LABEL, KEY_FIGURE_QUALIFIER, LEAD, NOTE, QUESTION_LABEL,
    SOURCE_LINE, TABLE_FIGURE, TABLE_HEADING, TABLE_STYLE, TABLE_TEXT,
)
from . import oxml

LANGUAGE_TAGS = {"en": "en-US", "es": "es-ES", "pt": "pt-BR", "fr": "fr-FR"}

_WORD_STYLE_IDS = {FOOTNOTE_TEXT: "FootnoteText", FOOTNOTE_REFERENCE: "FootnoteReference"}
# Word's own styles the pack writes with; a reference template lacking one gets python-docx's.
BUILTINS = ("Normal", "Normal Table", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Quote",
            "Intense Quote", "List Bullet", "TOC Heading")


@dataclass(frozen=True)
class _Spec:
    name: str
    based_on: str
    font: str  # "body" | "heading"
    size: float | str  # points, or a theme size role
    bold: bool = False
    italic: bool = False
    color: str = "text"
    space_before: float = 0
    space_after: float = 4
    keep_with_next: bool = False
    align_right: bool = False
    indent: float = 0
    hanging: float = 0  # the first line starts this far left of ``indent`` (a footnote's number)
    caps: bool = False


_SPECS = (
    _Spec(EXPERT_NAME, "Normal", "heading", "h3", bold=True, color="primary", space_before=4, space_after=0,
          keep_with_next=True),
    _Spec(EXPERT_ROLE, "Normal", "body", "small", italic=True, color="muted", space_after=3, keep_with_next=True),
    _Spec(EXPERT_SUMMARY, "Normal", "body", "body", space_after=2),
    # A card's lines keep with what follows: a row of cards stays with the next row and its heading.
    _Spec(KEY_FIGURE, "Normal", "heading", "figure", bold=True, color="primary", space_after=1,
          keep_with_next=True),
    _Spec(KEY_FIGURE_QUALIFIER, "Normal", "body", "small", bold=True, color="muted", space_after=0, caps=True,
          keep_with_next=True),
    _Spec(KEY_FIGURE_LABEL, "Normal", "body", "small", bold=True, space_after=1, keep_with_next=True),
    _Spec(FIGURE_SOURCE, "Normal", "body", "small", color="muted", space_after=0, keep_with_next=True),
    _Spec(SOURCE_LINE, "Normal", "body", "small", bold=True, color="accent_text", space_after=8, keep_with_next=True),
    _Spec(LEAD, "Normal", "body", 0, space_after=6),
    _Spec(NOTE, "Normal", "body", "small", italic=True, color="muted", space_before=6),
    _Spec(QUESTION_LABEL, "Normal", "body", "small", bold=True, color="accent_text", space_before=6, space_after=0,
          keep_with_next=True, caps=True),
    _Spec(COVER_META, "Normal", "body", "body", color="muted", space_after=2),
    _Spec(COVER_BRAND, "Normal", "heading", 15, bold=True, color="primary", space_after=0),
    _Spec(TABLE_TEXT, "Normal", "body", "small", space_after=0),
    _Spec(TABLE_FIGURE, "Normal", "body", "small", bold=True, space_after=0, align_right=True),
    _Spec(TABLE_HEADING, "Normal", "body", "small", bold=True, color="paper", space_after=0, keep_with_next=True),
    _Spec("toc 1", "Normal", "heading", "body", bold=True, color="primary", space_before=4, space_after=1),
    _Spec("toc 2", "Normal", "body", "small", space_after=0, indent=10),
    _Spec(HEADER_TEXT, "Normal", "body", "small", color="muted", space_after=0),
    _Spec(FOOTNOTE_TEXT, "Normal", "body", "small", space_after=3, indent=12, hanging=12),
)


@lru_cache(maxsize=1)
def default_template() -> bytes:
    """python-docx's own template, read once per process rather than once per document."""
    return (Path(docx.__file__).parent / "templates" / "default.docx").read_bytes()


def apply_styles(document, theme: Theme, language: str, from_template: bool) -> dict[str, str]:
    """Theme fonts, colours and sizes unless a reference template rules; then ``language`` everywhere
    (``set_languages``).

    Returns style name → style id, for writing paragraphs without python-docx's
    linear name lookups.
    """
    styles = document.styles
    defaults = oxml.doc_defaults_run_properties(styles.element)
    body, heading = family_name(theme.body_font.regular), family_name(theme.heading_font.regular)
    by_name = {style.name: style for style in styles}  # python-docx looks names up linearly
    _find_footnote_styles(by_name)
    added = _add_missing_builtins(styles, by_name)
    if not from_template:
        oxml.set_fonts(defaults, body)
    _restyle_builtins(by_name, theme, body, heading, set(BUILTINS) if not from_template else added)
    for spec in _SPECS:
        if spec.name not in by_name or not from_template:
            _define(styles, by_name, spec, theme, body, heading)
    if FOOTNOTE_REFERENCE not in by_name:
        _add_footnote_reference(styles, by_name)
    if TABLE_STYLE not in by_name:
        table = _add_style(styles, TABLE_STYLE, WD_STYLE_TYPE.TABLE)
        table.base_style = by_name.get("Normal Table")
        colors = theme.colors
        oxml.table_style_parts(table.element, colors["primary"][1:], colors["paper"][1:], colors["stripe"][1:],
                               colors["rule"][1:])
    ids = {style.name: style.style_id for style in styles}
    for name in _WORD_STYLE_IDS:  # a template's own spelling of them
        ids.setdefault(name, by_name[name].style_id)
    set_languages(document, language)
    return ids


def set_languages(document, language: str) -> None:
    """``language`` for spell-check and hyphenation: the document's defaults and every paragraph and
    character style. Nothing else of a styled template depends on its language."""
    tag = LANGUAGE_TAGS.get(language, language)
    styles = document.styles
    oxml.set_language(oxml.doc_defaults_run_properties(styles.element), tag)
    for style in styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            oxml.set_language(style.element.get_or_add_rPr(), tag)


def _color(theme: Theme, role: str) -> RGBColor:
    return RGBColor.from_string(theme.color(role)[1:])


def _size(theme: Theme, size: float | str) -> Pt:
    if isinstance(size, str):
        return Pt(theme.sizes[size])
    return Pt(size or theme.sizes["body"] * 1.1)


def _restyle_builtins(styles: dict, theme: Theme, body: str, heading: str, wanted: set[str]) -> None:
    """Theme fonts, sizes and colours on the Word built-ins in ``wanted``."""
    sizes = theme.sizes
    if "Normal" in wanted:
        normal = styles["Normal"]
        oxml.set_fonts(normal.element.get_or_add_rPr(), body)
        normal.font.size = Pt(sizes["body"])
        normal.font.color.rgb = _color(theme, "text")
        normal.paragraph_format.space_after = Pt(sizes["body"] * 0.6)
        normal.paragraph_format.line_spacing = 1.15
        normal.paragraph_format.widow_control = True
    for name, size, color, before, after in (
        ("Title", sizes["title"], "primary", 0, 10),
        ("Subtitle", sizes["body"] * 1.4, "text", 0, 6),
        ("Heading 1", sizes["h1"], "primary", 0, 6),
        ("Heading 2", sizes["h2"], "primary", 14, 4),
        ("Heading 3", sizes["h3"], "text", 10, 2),
        ("TOC Heading", sizes["h1"], "primary", 0, 10),
    ):
        if name not in wanted:
            continue
        style = styles[name]
        oxml.set_fonts(style.element.get_or_add_rPr(), heading if name != "Subtitle" else body)
        style.font.size = Pt(size)
        style.font.color.rgb = _color(theme, color)
        style.font.bold = name != "Subtitle"
        style.font.italic = False
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = name.startswith("Heading")  # never last on a page
        if name == "Title":
            oxml.recolor_borders(style.element.get_or_add_pPr(), theme.colors["rule"][1:])
    for name in wanted & {"Quote", "Intense Quote"}:
        style = styles[name]
        oxml.set_fonts(style.element.get_or_add_rPr(), heading)
        style.font.color.rgb = _color(theme, "text")
        style.font.size = Pt(sizes["body"] * 1.1)
        style.font.bold = False
        style.font.italic = True
        oxml.recolor_borders(style.element.get_or_add_pPr(), theme.colors["accent"][1:])
    if "List Bullet" in wanted:
        styles["List Bullet"].paragraph_format.space_after = Pt(3)


def _add_missing_builtins(styles, by_name: dict) -> set[str]:
    """Copy the Word built-ins the pack uses from python-docx's template into one that lacks them."""
    missing = {name for name in BUILTINS if name not in by_name}
    if missing:
        defaults = {style.name: style for style in docx.Document(BytesIO(default_template())).styles}
        for name in sorted(missing):
            styles.element.append(deepcopy(defaults[name].element))
        by_name.update({style.name: style for style in styles if style.name in missing})
    return missing


def _find_footnote_styles(by_name: dict) -> None:
    """A template's footnote styles, also as LibreOffice names them ("Footnote Text", id "Footnote") or under
    Word's ids: the house styles rule, and ours added beside them would be a second footnote style (or id)."""
    for name, style_id in _WORD_STYLE_IDS.items():
        found = next((style for spelling, style in by_name.items()
                      if spelling.lower() == name or style.style_id == style_id), None)
        if found is not None:
            by_name.setdefault(name, found)


def _add_style(styles, name: str, kind: WD_STYLE_TYPE):
    """A new style (the caller knows no style has ``name``); Word's own ones as built-ins, under Word's ids.

    Made as ``Styles.add_style`` makes it, without its check that the name is new: a look at every
    style's name in turn, a third of styling a template."""
    builtin = name in _WORD_STYLE_IDS
    style = StyleFactory(styles.element.add_style_of_type(BabelFish.ui2internal(name), kind, builtin))
    if builtin:
        style.style_id = _WORD_STYLE_IDS[name]
    return style


def _add_footnote_reference(styles, by_name: dict) -> None:
    """The footnote mark, in the body and before each footnote: a superscript number."""
    style = _add_style(styles, FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
    style.base_style = by_name.get("Default Paragraph Font")
    style.font.superscript = True
    by_name[FOOTNOTE_REFERENCE] = style


def _define(styles, by_name: dict, spec: _Spec, theme: Theme, body: str, heading: str) -> None:
    style = by_name.get(spec.name) or _add_style(styles, spec.name, WD_STYLE_TYPE.PARAGRAPH)
    by_name[spec.name] = style
    style.base_style = by_name[spec.based_on]
    style.quick_style = True
    oxml.set_fonts(style.element.get_or_add_rPr(), heading if spec.font == "heading" else body)
    style.font.size = _size(theme, spec.size)
    style.font.bold = spec.bold
    style.font.italic = spec.italic
    style.font.all_caps = spec.caps
    style.font.color.rgb = _color(theme, spec.color)
    paragraph = style.paragraph_format
    paragraph.space_before = Pt(spec.space_before)
    paragraph.space_after = Pt(spec.space_after)
    paragraph.keep_with_next = spec.keep_with_next
    if spec.align_right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if spec.indent:
        paragraph.left_indent = Pt(spec.indent)
    if spec.hanging:
        paragraph.first_line_indent = Pt(-spec.hanging)

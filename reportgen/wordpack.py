"""The Word-pack contract: what the .docx writer puts in a pack and the reader looks for.

A Word pack is read back after an editor has worked on it (``ingest/wordpack.py``),
so the writer (``render/docx``) and the reader must agree on names nobody sees:
style names, the custom properties and XML item that mark a pack, and how a
chapter starts — a "Heading 1" paragraph followed by a "Source Line" paragraph.
They also agree on what a chapter's cells say (the statistics titles, the
"what it measures" and role lines, paragraphs cut for reading), so the reader
can tell an edited cell from an untouched one. Both sides import these from
here and define none of them; this module imports neither side.
"""

from __future__ import annotations

import re
from typing import Callable

from .model import Expert, Statistic

# Our own named styles, for what Word's built-ins have no name for.
EXPERT_NAME = "Expert Name"
EXPERT_ROLE = "Expert Role"
EXPERT_SUMMARY = "Expert Summary"
KEY_FIGURE = "Key Figure"
KEY_FIGURE_QUALIFIER = "Key Figure Qualifier"
KEY_FIGURE_LABEL = "Key Figure Label"
FIGURE_SOURCE = "Figure Source"
SOURCE_LINE = "Source Line"
LEAD = "Lead"
NOTE = "Note"
QUESTION_LABEL = "Question Label"
COVER_META = "Cover Meta"
COVER_BRAND = "Cover Brand"
TABLE_TEXT = "Table Text"
TABLE_FIGURE = "Table Figure"
TABLE_HEADING = "Table Heading"
HEADER_TEXT = "Header Text"
TABLE_STYLE = "Briefing Table"
# Word's own footnote styles, under Word's lowercase names.
FOOTNOTE_TEXT = "footnote text"
FOOTNOTE_REFERENCE = "footnote reference"

# A chapter starts with its title in this style, then a paragraph in SOURCE_LINE.
CHAPTER_HEADING = "Heading 1"
# Styles only a pack uses: a document holding one of them was written by reportgen.
PACK_STYLES = frozenset({EXPERT_NAME, SOURCE_LINE, KEY_FIGURE, TABLE_FIGURE})

# The marker: custom document properties (File ▸ Properties ▸ Custom) and the pack's JSON.
CUSTOM_PROPERTIES_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
PROPERTIES_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VARIANT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
PACK_NS = "urn:reportgen:pack"
SCHEMA_PROPERTY = "reportgen-schema"
TITLE_PROPERTY = "reportgen-title"
THEME_PROPERTY = "reportgen-theme"
LANGUAGE_PROPERTY = "reportgen-language"

# What a chapter's cells say.
MAX_TABLE_ROWS = 150
MAX_PARAGRAPH = 2500  # characters
EMPTY = "—"  # a cell with nothing to say
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def statistics_titles(_: Callable[[str], str]) -> tuple[str, str, str, str, str]:
    """Every column a statistics table may have, in order (a Word pack is read back by these titles)."""
    return _("Figure"), _("What it measures"), _("Period"), _("Source"), _("Cited by")


def measures_text(statistic: Statistic) -> str:
    """The statistics table's "What it measures" cell."""
    if statistic.measure and statistic.subject:
        text = f"{statistic.measure} ({statistic.subject})"
    else:
        text = statistic.measure or statistic.subject or EMPTY
    return capitalized(text)


def role_line(expert: Expert) -> str | None:
    """An expert's role and organization as one line under their name."""
    return ", ".join(part for part in (expert.role, expert.organization) if part) or None


def capitalized(text: str) -> str:
    """First letter up, the rest as the article wrote it ("homicide rate (U.S.)" → "Homicide rate (U.S.)")."""
    return text[:1].upper() + text[1:]


def readable_paragraphs(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """Paragraphs as a reader takes them: a wall of text a page dumped as one line is cut
    at sentence ends (or, failing that, between words) into pieces of at most ``MAX_PARAGRAPH``
    characters, which also keeps page layout linear in the text's length."""
    pieces: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) <= MAX_PARAGRAPH:
            pieces.append(paragraph)
            continue
        current = ""
        for chunk in _SENTENCE_END.split(paragraph):
            while len(chunk) > MAX_PARAGRAPH:  # a "sentence" longer than a paragraph: cut between words
                cut = chunk.rfind(" ", 0, MAX_PARAGRAPH)
                cut = cut if cut > 0 else MAX_PARAGRAPH
                pieces.append((current + " " + chunk[:cut]).strip())
                current, chunk = "", chunk[cut:].lstrip()
            if len(current) + len(chunk) + 1 > MAX_PARAGRAPH:
                pieces.append(current)
                current = ""
            current = f"{current} {chunk}".strip()
        if current:
            pieces.append(current)
    return tuple(piece for piece in pieces if piece)

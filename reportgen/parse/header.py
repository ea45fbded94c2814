"""The top of an article: masthead, date line, section label, headline.

Web pages put a handful of short lines before the first paragraph; this
module decides what each one is, and stops at the first line of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..ingest import Block, PageMeta
from ..model import DroppedLine
from .boilerplate import BREADCRUMB_SEPARATOR, byline_name, is_breadcrumb, is_byline
from .dates import date_line, find_date
from .sentences import ends_with_abbreviation, split_sentences
from .structure import speaker_header

# Storage prefixes some archives glue to the first line: " date 2025-03-28 Headline".
_STORAGE_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*(?P<rest>.*)$", re.IGNORECASE)
_MAX_HEADER_BLOCKS = 8
_MAX_TITLE_WORDS = 30
_MAX_MASTHEAD_WORDS = 5
_MAX_DATED_LINE_WORDS = 14
_MAX_DATED_HEADLINE_WORDS = 8  # a longer line that holds a date may be a headline
_MAX_STANDFIRST_WORDS = 45


@dataclass
class Header:
    """What the leading lines said, and which blocks they were."""

    title: str | None = None
    publication: str | None = None
    published: str | None = None
    consumed: set[int] = field(default_factory=set)
    dropped: list[DroppedLine] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@lru_cache(maxsize=None)
def _publication_words() -> frozenset[str]:
    return frozenset(lexicon.all_words("boilerplate", "publication_words"))


def _is_prose(text: str) -> bool:
    """A line of running text ends a sentence or is too long for a headline."""
    stripped = text.rstrip()
    if len(stripped.split()) > _MAX_TITLE_WORDS or len(split_sentences(stripped)) > 1:
        return True
    return stripped.endswith((".", "!", ":", ";", "…")) and not ends_with_abbreviation(stripped)


def _is_headline(block: Block) -> bool:
    text = block.text.strip()
    if block.role == "h":
        return True
    if len(text.split()) < 3 or _is_prose(text):
        return False
    return len(text.split()) <= _MAX_TITLE_WORDS


def _is_publication_line(text: str) -> bool:
    lowered = text.lower()
    return len(text.split()) <= 10 and any(phrase in lowered for phrase in lexicon.all_words("boilerplate", "publication_lines"))


def _masthead_from(text: str) -> str | None:
    """The publication a masthead or breadcrumb names, in its own capitalisation."""
    first = BREADCRUMB_SEPARATOR.split(text)[0].strip()
    words = first.split()
    if not words or len(words) > _MAX_MASTHEAD_WORDS or first.rstrip().endswith((".", "?", "!")):
        return None
    if first.isupper() and any(char.isalpha() for char in first):
        return first.title()
    if any(word.strip(".,").title() in _publication_words() for word in words):
        return first
    return None


def _dated(text: str, language: str) -> str | None:
    """The date of a short header line such as "Posted February 18, 2025 · 7 min read"."""
    if len(text.split()) > _MAX_DATED_LINE_WORDS:
        return None
    found = find_date(text, language)
    return found[0] if found else None


def _furniture_under_title(blocks: list[Block], start: int, header: Header, language: str) -> None:
    """Date lines and bylines often come right under the headline, maybe after a standfirst."""
    standfirst_seen = False
    for index in range(start, min(start + 5, len(blocks))):
        text = blocks[index].text.strip()
        found_date = _dated(text, language)
        if found_date or is_byline(text) or is_breadcrumb(text):
            header.published = header.published or found_date
            header.consumed.add(index)
            rule = "date-line" if found_date else "byline" if is_byline(text) else "breadcrumb"
            header.dropped.append(DroppedLine(text, rule))
            header.bylines.extend(filter(None, [byline_name(text)]))
        elif not standfirst_seen and len(text.split()) <= _MAX_STANDFIRST_WORDS:
            standfirst_seen = True
        else:
            return


def read_header(blocks: list[Block], meta: PageMeta, language: str) -> Header:
    """Classify the leading blocks; everything after the headline is the article."""
    header = Header(publication=meta.publication, published=meta.published)
    labels: list[int] = []  # short lines before the headline: section labels, bylines
    for index, block in enumerate(blocks[:_MAX_HEADER_BLOCKS]):
        text = block.text.strip()
        storage = _STORAGE_DATE.match(text)
        if storage:
            stamp = storage.group("date")
            if len(stamp) == 10:
                header.published = header.published or stamp
            else:
                header.warnings.append(f"only a partial date is given ({stamp}); published left empty")
            header.consumed.add(index)
            text = storage.group("rest").strip()
            if not text:
                continue
        following = blocks[index + 1].text.strip() if index + 1 < len(blocks) else ""
        if speaker_header(text) and not _is_publication_line(following) and not _dated(following, language):
            break  # "Dana Ruiz" / "Dana Ruiz (economist)" opens an answer: the article has begun
        if _is_prose(text) and block.role != "h":
            if storage:
                blocks[index] = Block(text, block.role)
                header.consumed.discard(index)
            break
        header.consumed.add(index)
        masthead = _masthead_from(text) if header.title is None else None
        if _is_publication_line(text):
            if labels and labels[-1] == index - 1 and header.publication is None:
                # "Panorama Hemisférico" over "Análisis diario del Foro…": the line above is the masthead
                header.publication = blocks[labels.pop()].text.strip()
            header.dropped.append(DroppedLine(text, "publication-line"))
            continue
        if masthead and (is_breadcrumb(text) or _masthead_from(text) == text or text.isupper()):
            header.publication = header.publication or masthead
            if is_breadcrumb(text):
                header.dropped.append(DroppedLine(text, "breadcrumb"))
        elif _dated(text, language) and block.role != "h" and (
                date_line(text, language) or not _is_headline(Block(text, block.role))
                or BREADCRUMB_SEPARATOR.search(text) or len(text.split()) <= _MAX_DATED_HEADLINE_WORDS):
            header.published = header.published or _dated(text, language)
            if not date_line(text, language):
                header.dropped.append(DroppedLine(text, "date-line"))
        elif _is_headline(Block(text, block.role)) and not is_breadcrumb(text):
            header.title = text
            _furniture_under_title(blocks, index + 1, header, language)
            break
        elif storage or is_byline(text) or is_breadcrumb(text):
            rule = "byline" if is_byline(text) else "breadcrumb" if is_breadcrumb(text) else "date-line"
            header.dropped.append(DroppedLine(block.text, rule))
            header.bylines.extend(filter(None, [byline_name(text)]))
        else:
            labels.append(index)
    if header.title is None:
        # Without a headline, short leading lines may be the article's own first lines.
        header.consumed.difference_update(labels)
    else:
        header.dropped.extend(DroppedLine(blocks[index].text, "section-label") for index in labels)
    if header.title is None and meta.title:
        header.title = meta.title
    return header

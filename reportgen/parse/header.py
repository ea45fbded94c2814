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
from .boilerplate import is_byline
from .dates import date_line
from .sentences import ends_with_abbreviation, split_sentences

# Storage prefixes some archives glue to the first line: " date 2025-03-28 Headline".
_STORAGE_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*(?P<rest>.*)$", re.IGNORECASE)
_MAX_HEADER_BLOCKS = 8
_MAX_TITLE_WORDS = 30
_MAX_MASTHEAD_WORDS = 5


@dataclass
class Header:
    """What the leading lines said, and which blocks they were."""

    title: str | None = None
    publication: str | None = None
    published: str | None = None
    consumed: set[int] = field(default_factory=set)
    dropped: list[str] = field(default_factory=list)
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


def _title_case_share(text: str) -> float:
    words = [word for word in re.findall(r"[^\W\d_][\w’'\-]*", text) if len(word) > 3]
    return sum(word[0].isupper() for word in words) / len(words) if words else 0.0


def _is_headline(block: Block) -> bool:
    text = block.text.strip()
    if block.role == "h":
        return True
    if len(text.split()) < 3 or _is_prose(text):
        return False
    # A question in sentence case opening a page is an interviewer's question, not a headline.
    return not text.endswith("?") or _title_case_share(text) >= 0.5


def _is_masthead(text: str) -> bool:
    words = text.split()
    return len(words) <= _MAX_MASTHEAD_WORDS and any(word.strip(".,") in _publication_words() for word in words) \
        and not text.rstrip().endswith((".", "?", "!"))


def _is_publication_line(text: str) -> bool:
    lowered = text.lower()
    return len(text.split()) <= 10 and any(phrase in lowered for phrase in lexicon.all_words("boilerplate", "publication_lines"))


def _consume_after_title(blocks: list[Block], start: int, header: Header, language: str) -> None:
    """Date lines and bylines often come right under the headline."""
    for index in range(start, min(start + 3, len(blocks))):
        text = blocks[index].text.strip()
        found_date = date_line(text, language)
        if found_date:
            header.published = header.published or found_date
        elif is_byline(text):
            header.dropped.append(text)
        else:
            return
        header.consumed.add(index)


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
        if _is_prose(text) and block.role != "h":
            if storage:
                blocks[index] = Block(text, block.role)
                header.consumed.discard(index)
            break
        header.consumed.add(index)
        found_date = date_line(text, language)
        if found_date:
            header.published = header.published or found_date
        elif _is_publication_line(text):
            continue
        elif _is_masthead(text) and header.title is None:
            header.publication = header.publication or text
        elif _is_headline(Block(text, block.role)):
            header.title = text
            _consume_after_title(blocks, index + 1, header, language)
            break
        elif storage or is_byline(text):
            header.dropped.append(block.text)
        else:
            labels.append(index)
    if header.title is None:
        # Without a headline, short leading lines may be the article's own first lines.
        header.consumed.difference_update(labels)
    else:
        header.dropped.extend(blocks[index].text for index in labels)
    if header.title is None and meta.title:
        header.title = meta.title
    return header

"""The top of an article: masthead, date line, section label, headline.

Web pages put a handful of short lines before the first paragraph; this
module decides what each one is, and stops at the first line of prose.
What a wire story or an archive glues to its first line is taken apart here
too: a storage date, a headline run into its standfirst, a page title's
" - Outlet" suffix, and a dateline ("BEIJING — ", "LAS PALMAS, 3 feb
(EUROPA PRESS) - ") before the first paragraph, which names a place or the
publication and is never part of the title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..ingest import Block, PageMeta
from ..model import DroppedLine
from .boilerplate import (BREADCRUMB_SEPARATOR, byline_name, carries_figure, date_only, is_agency, is_breadcrumb,
                          is_byline, wire_dateline)
from .dates import date_line, find_date
from .people import describe, is_place, is_proper_phrase
from .sentences import ends_with_abbreviation, split_sentences
from .structure import is_question, name_and_role, name_line, speaker_header

# Storage prefixes some archives glue to the first line: " date 2025-03-28 Headline".
_STORAGE_DATE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b\s*(?P<rest>.*)$", re.IGNORECASE)
# "BEIJING — ", "JAKARTA (Reuters) – ", "SANTIAGO.- ", "Santo Domingo, RD.- ": a dateline before the first sentence.
_WIRE_PREFIX = re.compile(r"^(?P<lead>[^()\n–—]{2,80}?)\s*(?:\((?P<agency>[^()]{2,40})\))?\s*(?:\.-|[–—]+|-(?=\s))\s*(?=\S)")
# "Cuba. Cuba se enfrenta…": a place name standing alone before the first sentence.
_PLACE_PREFIX = re.compile(r"^(?P<lead>[^\W\d_][\w ]{1,40}?)\.\s+(?=[^\W\d_])")
_PAGE_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ")
_MAX_HEADER_BLOCKS = 8
_MAX_TITLE_WORDS = 30
_MAX_MASTHEAD_WORDS = 5
_MAX_DATED_LINE_WORDS = 14
_MAX_DATED_HEADLINE_WORDS = 8  # a longer line that holds a date may be a headline
_MAX_STANDFIRST_WORDS = 45
_MAX_PREFIX_WORDS = 8
_MAX_SUFFIX_WORDS = 5
_MAX_TITLE_TAIL_WORDS = 8
_MIN_GLUED_HEADLINE_WORDS = 3
_MAX_GLUED_HEADLINE_WORDS = 25
_MIN_GLUED_STANDFIRST_WORDS = 8
_MAX_ROLE_LINE_WORDS = 12
_LATER_BLOCKS = 40
_PANEL_BLOCKS = 12


@dataclass
class Header:
    """What the leading lines said, and which blocks they were."""

    blocks: list[Block]  # the blocks read, a first line without the storage date or dateline it opened with
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


@lru_cache(maxsize=None)
def _lowered(topic: str, key: str, language: str | None = None) -> frozenset[str]:
    words = lexicon.words(language, topic, key) if language else lexicon.all_words(topic, key)
    return frozenset(word.lower() for word in words)


def _title_case_headlines(language: str) -> bool:
    """Whether this language writes headlines in Title Case (English) or sentence case (Spanish)."""
    return bool(lexicon.load(language, "boilerplate").get("title_case_headlines", True))


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


def _names_outlet(text: str) -> bool:
    """An agency, or a name with a publication word in it ("El Mercurio", "Metro Times")."""
    return is_agency(text) or any(word.strip(".,").title() in _publication_words() for word in text.split())


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


def _outlet_name(agency: str) -> str:
    """"EUROPA PRESS" → "Europa Press"; short acronyms ("AP", "EFE") stay as written."""
    return agency.title() if agency.isupper() and len(agency) > 4 else agency


def _role_like(text: str) -> bool:
    """"Chief economist at Harbor Bank": the title line under a speaker's name."""
    words = text.split()
    if len(words) > _MAX_ROLE_LINE_WORDS * 2:
        return False
    roles = _lowered("speech", "role_nouns") | _lowered("speech", "titles")
    return describe(text).organization is not None or any(word.strip(",.;:").lower() in roles for word in words)


def _named_later(name: str, blocks: list[Block], start: int) -> bool:
    """Does the person's surname occur in the text after ``start``? An author's name usually does not."""
    surname = name.split()[-1]
    return any(surname in block.text for block in blocks[start:start + _LATER_BLOCKS])


def _first_person(text: str) -> bool:
    return any(word.strip(",.;:!?«»“”\"").lower() in _lowered("structure", "first_person") for word in text.split())


def _author_over_headline(blocks: list[Block], index: int) -> str | None:
    """"Jorge Lindqvist" or "Ana Soto, La Gaceta" over a headline: the author at the top of the page, not a speaker."""
    text = blocks[index].text.strip()
    credit = name_and_role(text) if "," in text else None
    name = name_line(text) or (credit[0] if credit and _proper_name(credit[1]) else None)
    if not name or index + 1 >= len(blocks):
        return None
    following = blocks[index + 1]
    if not _is_headline(following) or speaker_header(following.text) or _role_like(following.text):
        return None
    if _panel_below(blocks, index + 1) or _named_later(name, blocks, index + 1):
        return None
    return name


def _panel_below(blocks: list[Block], start: int) -> bool:
    """Do more speakers' headers follow? Then a name line above them opens an answer too."""
    return any(speaker_header(block.text) for block in blocks[start:start + _PANEL_BLOCKS])


def _proper_name(text: str) -> bool:
    """"La Gaceta", "Reuters": a name with no role word in it — an outlet, not a job."""
    return (is_proper_phrase(text) or text.isupper()) and not _role_like(text) and len(text.split()) <= _MAX_SUFFIX_WORDS


def _author_credit(blocks: list[Block], index: int, headline: str | None) -> str | None:
    """"Ana Soto, School of Regional Studies" under a headline, over narration: the author's credit.

    Under a question, or with more speakers' headers below, the same line
    opens an answer: it names a panelist, not the author.
    """
    text = blocks[index].text.strip()
    named = name_line(text) or (name_and_role(text) or (None, None))[0]
    if not named or not speaker_header(text) or index + 1 >= len(blocks) or is_question(headline or ""):
        return None
    following = blocks[index + 1].text.strip()
    if not _is_prose(following) or _first_person(following) or following[:1] in "“\"«—-":
        return None
    if _panel_below(blocks, index + 1) or _named_later(named, blocks, index + 1):
        return None
    return named


def _date_lines(blocks: list[Block], index: int, header: Header, language: str) -> int:
    """How many lines from ``index`` are a date widget ("MIÉRCOLES 13" over "de diciembre de 2017"); their date is read."""
    count = 0
    while index + count < len(blocks) and count < 2 and date_only(blocks[index + count].text.strip()):
        count += 1
    if count:
        lines = [blocks[index + offset].text.strip() for offset in range(count)]
        found = find_date(" ".join(lines), language) or find_date(lines[0], language)
        header.published = header.published or (found[0] if found else None)
        for offset, line in enumerate(lines):
            header.consumed.add(index + offset)
            header.dropped.append(DroppedLine(line, "date-line"))
    return count


def _furniture_under_title(blocks: list[Block], start: int, header: Header, language: str) -> None:
    """Date lines, bylines and datelines often come right under the headline, maybe after a standfirst."""
    standfirst_seen = False
    skip = 0
    for index in range(start, min(start + 5, len(blocks))):
        if skip:
            skip -= 1
            continue
        skip = _date_lines(blocks, index, header, language)
        if skip:
            skip -= 1
            continue
        text = blocks[index].text.strip()
        found_date = _dated(text, language)
        agency = wire_dateline(text)
        credit = None if found_date or agency else _author_credit(blocks, index, header.title)
        if found_date or is_byline(text) or is_breadcrumb(text) or agency or credit:
            header.published = header.published or found_date
            header.publication = header.publication or (_outlet_name(agency) if agency else None)
            header.consumed.add(index)
            rule = "date-line" if found_date else "dateline" if agency else "byline" if is_byline(text) or credit \
                else "breadcrumb"
            header.dropped.append(DroppedLine(text, rule))
            header.bylines.extend(filter(None, [byline_name(text), credit]))
        elif not standfirst_seen and len(text.split()) <= _MAX_STANDFIRST_WORDS:
            standfirst_seen = True
        else:
            return


def _page_title(text: str, following: str, meta: PageMeta) -> tuple[str, str] | None:
    """("Headline", "Outlet") for a page title "Headline - Outlet" / "Headline | Outlet", else None.

    A dash may also close a headline with its source ("Oil theft drops - NUPRC"),
    so a dash suffix counts only when it names an outlet, is the page's
    publication, or the headline follows alone on the next line.
    """
    cuts = [(text.rfind(separator), separator) for separator in _PAGE_TITLE_SEPARATORS if separator in text]
    if not cuts:
        return None
    at, separator = max(cuts)
    head, suffix = text[:at].strip(), text[at + len(separator):].strip()
    if not head or not suffix or len(suffix.split()) > _MAX_SUFFIX_WORDS or not (is_proper_phrase(suffix) or suffix.isupper()):
        return None
    if separator == " | " or _names_outlet(suffix) or suffix == meta.publication or following.strip() == head:
        return head, suffix
    return None


def _glued_headline(text: str, language: str) -> tuple[str, str] | None:
    """("Headline", "Standfirst…") for a headline run into its standfirst on one line.

    The standfirst starts where a capitalised function word follows a word
    without punctuation and opens a lower-case sentence: "… Fondo Monetario
    Internacional Con el primer desembolso …".
    """
    words = text.split()
    stopwords = _lowered("language", "stopwords", language)
    for at in range(_MIN_GLUED_HEADLINE_WORDS, min(_MAX_GLUED_HEADLINE_WORDS, len(words) - _MIN_GLUED_STANDFIRST_WORDS)):
        word, before, after = words[at], words[at - 1], words[at + 1]
        if word[:1].isupper() and word.lower() in stopwords and before[-1:].isalnum() and after[:1].islower():
            return " ".join(words[:at]), " ".join(words[at:])
    return None


def _headline_tail(title: str, following: Block | None) -> bool:
    """"Expanding the Horizons on" over "Energy Security": a headline broken after a function word."""
    if following is None or _is_prose(following.text) or len(following.text.split()) > _MAX_TITLE_TAIL_WORDS:
        return False
    return title.split()[-1].lower() in _lowered("language", "stopwords")


def _dateline_lead(lead: str, agency: str | None, language: str) -> bool:
    """Is the text before a dash a dateline: a place, an outlet, a date, or upper-case wire style?"""
    if len(lead.split()) > _MAX_PREFIX_WORDS or not lead[:1].isalnum():
        return False
    parts = [part.strip() for part in lead.split(",")]
    placed = lead.isupper() or bool(find_date(lead, language)) or is_place(parts[0])
    if agency and (is_agency(agency) or (agency.isupper() and placed)):
        return True  # "JAKARTA (Reuters) –", "LAS PALMAS, 3 feb (EUROPA PRESS) -"; not "Banco Central (BCE) –"
    if lead.isupper() or find_date(lead, language):
        return True
    if _names_outlet(lead) and is_proper_phrase(lead) and len(lead.split()) <= _MAX_SUFFIX_WORDS:
        return True
    # "Santo Domingo, RD", "Lima, 3 de mayo": a place, then a region's abbreviation or a date
    return is_place(parts[0]) and all(is_place(part) or find_date(part, language) or (part.isupper() and len(part) <= 5)
                                      for part in parts[1:])


def _wire_prefix(text: str, language: str) -> tuple[re.Match[str], str | None] | None:
    """The dateline a first paragraph opens with, and the agency it names in brackets."""
    match = _WIRE_PREFIX.match(text)
    agency = match.group("agency") if match else None
    if match and _dateline_lead(match.group("lead").strip(), agency, language):
        return match, agency
    match = _PLACE_PREFIX.match(text)
    return (match, None) if match and is_place(match.group("lead")) else None


def _strip_wire_prefix(block: Block, header: Header, language: str) -> Block:
    """The first paragraph without its dateline: it names the place or the publication, not the story."""
    text = block.text
    found = _wire_prefix(text, language)
    if not found:
        return block
    match, agency = found
    lead = match.group("lead").strip()
    if agency and (is_agency(agency) or agency.isupper()):
        header.publication = header.publication or _outlet_name(agency.strip())
    elif _names_outlet(lead) and not lead.isupper():
        header.publication = header.publication or lead
    dated = find_date(lead, language)
    header.published = header.published or (dated[0] if dated else None)
    header.dropped.append(DroppedLine(match.group(0).strip(), "dateline"))
    return Block(text[match.end():], block.role)


def read_header(blocks: Sequence[Block], meta: PageMeta, language: str) -> Header:
    """Classify the leading blocks; everything after the headline is the article. ``blocks`` is left as
    given: a first line the header shortens is shortened in ``Header.blocks``."""
    header = Header(list(blocks), publication=meta.publication, published=meta.published)
    blocks = header.blocks  # a copy: the caller's list is never rewritten
    labels: list[int] = []  # short lines before the headline: section labels, bylines
    skip = 0
    for index, block in enumerate(blocks[:_MAX_HEADER_BLOCKS]):
        if skip:
            skip -= 1
            continue
        skip = _date_lines(blocks, index, header, language) if header.title is None else 0
        if skip:
            skip -= 1
            continue
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
            if not any(char.isalnum() for char in text):
                continue  # " date 2023-10-13 ×": the date and a close button
        following = next((later.text.strip() for later in blocks[index + 1:index + 4] if not date_only(later.text)), "")
        agency = wire_dateline(text)
        if agency:
            header.publication = header.publication or _outlet_name(agency)
            header.consumed.add(index)
            header.dropped.append(DroppedLine(text, "dateline"))
            continue
        author = _author_over_headline(blocks, index) if header.title is None else None
        if author:
            header.consumed.add(index)
            header.dropped.append(DroppedLine(text, "byline"))
            header.bylines.append(author)
            continue
        if header.title is None and _motto(text, block, following, language):
            header.consumed.add(index)
            labels.append(index)
            continue
        if speaker_header(text) and not _is_publication_line(following) and not _dated(following, language):
            break  # "Dana Ruiz" / "Dana Ruiz (economist)" opens an answer: the article has begun
        if (_is_prose(text) or _wire_prefix(text, language)) and block.role != "h":
            glued = _glued_headline(text, language) if storage else None
            if glued:
                header.title, text = glued
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
            page_title = _page_title(text, following, meta) if block.role != "h" else None
            if page_title:
                header.dropped.append(DroppedLine(text, "page-title"))
                text, suffix = page_title
                header.publication = header.publication or suffix
                if following == text:
                    header.consumed.add(index + 1)
                    index += 1
            next_block = blocks[index + 1] if index + 1 < len(blocks) else None
            if _headline_tail(text, next_block) and next_block is not None:
                text = f"{text} {next_block.text.strip()}"
                header.consumed.add(index + 1)
                index += 1
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
    for index in range(min(len(blocks), _MAX_HEADER_BLOCKS + 4)):
        agency = wire_dateline(blocks[index].text) if index not in header.consumed else None
        if agency:  # a dateline line the walk above stopped short of
            header.publication = header.publication or _outlet_name(agency)
            header.consumed.add(index)
            header.dropped.append(DroppedLine(blocks[index].text.strip(), "dateline"))
    first = next((index for index in range(min(len(blocks), _MAX_HEADER_BLOCKS + 2)) if index not in header.consumed), None)
    if first is not None:
        blocks[first] = _strip_wire_prefix(blocks[first], header, language)
    if header.title is None and meta.title:
        header.title = meta.title
    return header


def _motto(text: str, block: Block, following: str, language: str) -> bool:
    """A Title-Case line over the headline in a language whose headlines are in sentence case: a site motto."""
    if block.role == "h" or _title_case_headlines(language) or not _title_cased(text) or carries_figure(text) \
            or _masthead_from(text):
        return False
    return bool(following) and _is_headline(Block(following)) and not _title_cased(following) \
        and not _role_like(following)


def _title_cased(text: str) -> bool:
    """Every word capitalised but the function words: "Año de la Integración Regional"."""
    words = [word.strip("«»“”\"'()¿?¡!,.:;") for word in text.split()]
    stopwords = _lowered("language", "stopwords")
    capitalised = [word for word in words if word[:1].isupper()]
    return len(capitalised) >= 2 and all(word[:1].isupper() or word.lower() in stopwords for word in words if word)

"""Page furniture: which blocks are not article text.

The rules are general shapes of web pages, read at three distances:

- a line alone: share bars, interface prompts, player labels, credits, datelines,
  date widgets, market boxes, markup left in the text — spelled out as word lists
  in ``lexicon/*/boilerplate.toml``;
- a line among its neighbours: a run of short name-like lines (menus, sponsor and
  outlet lists, scored by length and stopword density in the manner of jusText),
  an author box, a caption printed twice, a related list at the end, a site blurb
  above the headline;
- inside a paragraph: a caption, a related link, a placeholder or image markup
  glued to article text, cut out.

Lists of every language apply, since pages mix languages in their furniture.
A line that carries a figure or names a speaker is never dropped for its
density alone: ``parse/structure.py`` reads speaker headers and role lines.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import lexicon
from ..ingest import Block
from ..model import DroppedLine
from .alternation import alternation
from .people import is_place, is_proper_phrase
from .sentences import split_sentences
from .structure import is_question, name_and_role, name_line, reporting_verb, speaker_header

_EDGE_PUNCTUATION = re.compile(r"^[\W_]+|[\W_]+$")
_GLUED_CREDIT = re.compile(r"[a-záéíóúñ.)][.!?]?[A-ZÁÉÍÓÚÑ]{4,}$")
# Where the name in a byline ends: "By Ana Soto | March 3", "by Ana Soto from Harbor Post".
_BYLINE_END = re.compile(r"\s*[|·]\s*|\s+(?:from|for|at|para)\s+|,\s*")
BREADCRUMB_SEPARATOR = re.compile(r"\s+[›»>|/·]\s+|\s*[›»]\s*")
# "[AD_SLOT]", "[EMBED:tweet]", "{{related}}": a template's placeholder left in the text.
_PLACEHOLDER = re.compile(r"\[\s*[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\s*:[^\]\n]{0,200}\]|\[[A-Z0-9]+_[A-Z0-9_]+\]|\{\{[^{}\n]{1,200}\}\}")
_WHOLE_PLACEHOLDER = re.compile(r"^(?:\s*(?:\[[A-Z][A-Z0-9_]*(?::[^\]]*)?\]|\{\{[^{}]*\}\}))+\s*$")
# Image markup a converter left behind: Markdown images, data URIs, <img> tags.
_IMAGE_MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|data:image/[\w.+\-]+[;,][^\s\"')]*|<img\b[^>\n]*>?", re.IGNORECASE)
# "– Advertisement –", "--- Story continues below ---": a marker wrapped in dashes.
_DASH_MARKER = re.compile(r"^[-–—=_*~•·]+\s*[^\W\d_][^\d.,;:?!¿¡]{0,40}?\s*[-–—=_*~•·]+$")
# "0:00 0:00", "02:15 / 45:10": a media player's clock.
_PLAYER_CLOCK = re.compile(r"^(?:\d{1,2}:)?\d{1,2}:\d{2}(?:\s*[/|·\-–]?\s*(?:\d{1,2}:)?\d{1,2}:\d{2})*$")
# An address starts where its run of characters does: tried from inside a long word, every start rescanned it.
_EMAIL_OR_URL = re.compile(r"(?<![\w.+\-])[\w.+\-]+@[\w\-]+\.[\w.]+|\bhttps?://\S+|\bwww\.\S+\.\w+", re.IGNORECASE)
_PHONE = re.compile(r"\+\d[\d\s().\-]{6,}\d")
# "MT1SIPA0005HUYRT: President …": a photo agency's picture number opening its caption.
_PHOTO_ID = re.compile(r"^(?=[A-Z0-9]*\d[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z][A-Z0-9]*[A-Z])[A-Z0-9]{8,}:\s")
# A bracketed credit closing a caption: "(AFP | NAME SURNAME)", "(Source: 1News)".
_BRACKETED_CREDIT = re.compile(r"\((?P<inner>[^()]{2,80})\)\s*$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\s*[|/.\-]\s*\d{1,2}\s*[|/.\-]\s*(?:\d{4}|\d{2})\b|\b\d{4}-\d{2}-\d{2}\b")
_TOKEN = re.compile(r"\d{1,2}:\d{2}|[^\W\d_][\w.'’&\-]*|\d+(?:st|nd|rd|th|º|°)?|[^\w\s]+")
_FIGURE = re.compile(r"\d")
_BULLET = re.compile(r"^[-–•·▪◦●*]\s+")
_WORD = re.compile(r"[^\W_]+")
# "USD/COP", "EUR / USD": a currency pair labelling a market box.
_CURRENCY_PAIR = re.compile(r"[A-Z]{3}\s*/\s*[A-Z]{3}")
_MARKET_VALUE = re.compile(r"[\s$€£¥▲▼↑↓+\-−%\d.,]+")
_DATELINE_SEPARATOR = re.compile(r"\s*[,|·/–—]\s*|\s+-\s+")
_SENTENCE_END = (".", "!", "?", "…", ";", ":")
_TAIL_LINE_WORDS = 25
_BYLINE_NAMES = 6
_RELATED_HEADLINE_WORDS = 16
_CONTAINS_MAX_WORDS = 60
_CAPTION_MAX_WORDS = 20
_CREDITED_CAPTION_WORDS = 45
_RELATED_LINK_WORDS = 35
_DATELINE_WORDS = 10
_DATELINE_NAME_WORDS = 4
_CITY_LINE_WORDS = 6
_CONTACT_LINE_WORDS = 12
_TIME_AGO_WORDS = 6
_SOCIAL_PROMPT_WORDS = 8
_SHORT_LINE_WORDS = 12
_RUN_LINE_WORDS = 5
_RUN_LINE_CHARS = 45
_RUN_MIN_LINES = 3
_RUN_MAX_STOPWORD_SHARE = 0.34
_RUN_MIN_CAPITALISED = 0.5
_AUTHOR_BOX_SPAN = 3
_BLURB_MIN_WORDS = 15
_BLURB_LOOKAHEAD = 4
_SPEAKER_ROLE_LINES = 2


def _normalized(text: str) -> str:
    return " ".join(_EDGE_PUNCTUATION.sub("", text.lower()).split())


@lru_cache(maxsize=None)
def _lists() -> dict[str, tuple[str, ...]]:
    keys = ("lines", "starts", "contains", "ends", "tail_markers", "byline_prefixes", "caption_phrases",
            "related_cues", "agencies", "credit_prefixes", "market_labels", "site_blurb_cues")
    return {key: tuple(word.lower() for word in lexicon.all_words("boilerplate", key)) for key in keys}


@lru_cache(maxsize=None)
def _contained_phrase() -> re.Pattern[str]:
    """Any furniture phrase anywhere in a lowered line, found in one scan instead of one per phrase."""
    return re.compile(alternation(_lists()["contains"]))


@lru_cache(maxsize=None)
def _word_set(topic: str, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words(topic, key))


@lru_cache(maxsize=None)
def _date_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Month names, weekday names and the small words around a date, in every language."""
    months = {spelling for language in lexicon.LANGUAGES
              for spellings in lexicon.load(language, "dates").get("months", []) for spelling in spellings}
    return frozenset(months), _word_set("dates", "weekdays"), _word_set("dates", "date_line_words")


def byline_name(text: str) -> str | None:
    """The author of a credit line ("By Jane Doe" / "Por María López"), else None."""
    lowered = text.lower()
    for prefix in sorted(_lists()["byline_prefixes"], key=len, reverse=True):
        if lowered.startswith((prefix + " ", prefix + ":")) and len(text.split()) <= 10:
            rest = _BYLINE_END.split(text[len(prefix) + 1:].strip(" :"), maxsplit=1)[0].strip()
            return rest if _names_only(rest) else None
    return None


def _names_only(text: str) -> bool:
    """"Ana de la Torre", "Jane Doe and John Roe": capitalised names joined by particles and conjunctions."""
    words = text.replace(",", " ").replace("&", " ").split()
    joiners = _word_set("speech", "name_particles") | _word_set("structure", "list_conjunctions")
    capitalised = [word for word in words if word[:1].isupper()]
    return bool(words) and words[0][:1].isupper() and len(capitalised) <= _BYLINE_NAMES \
        and all(word[:1].isupper() or word.lower() in joiners for word in words)


def is_byline(text: str) -> bool:
    """A credit line, not article text."""
    return byline_name(text) is not None


def is_breadcrumb(text: str) -> bool:
    """"Home › Economy › Bolivia" / "Diario Austral | Economía | Entrevista": site navigation."""
    parts = [part.strip() for part in BREADCRUMB_SEPARATOR.split(text)]
    return 2 <= len(parts) <= 6 and all(0 < len(part.split()) <= 4 for part in parts) \
        and not text.rstrip().endswith((".", "?", "!"))


def is_agency(text: str) -> bool:
    """A wire service or photo agency named alone ("EFE", "Agencia UNO", "AFP/Getty Images")."""
    parts = [part.strip(" .,;:-–—()") for part in re.split(r"\s*[/|]\s*", text.strip())]
    return all(part.lower() in _lists()["agencies"] for part in parts if part) and any(parts)


def _is_doubled(text: str) -> bool:
    """A caption printed twice on one line ("A. // Photo: X. A. // Photo: X."), or a name ("Ana Soto Ana Soto")."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 or words[:half] != words[half:]:
        return False
    if 6 <= len(words) <= 2 * _CAPTION_MAX_WORDS:
        return True
    return half >= 2 and all(word[:1].isupper() for word in words[:half])


def carries_figure(text: str) -> bool:
    """Does the line hold a number other than a date or a year? Such a line is never dropped on shape alone."""
    rest = _NUMERIC_DATE.sub(" ", text)
    return any(not (len(token) == 4 and token[:2] in ("19", "20")) for token in re.findall(r"\d+", rest))


def _date_residue(text: str) -> list[str] | None:
    """The words of a short line besides its date ("Reuters" in "Reuters, March 2024"), or None without a date.

    A date here may be partial, as date widgets print it: "MIÉRCOLES 13",
    "de diciembre de 2017", "March 2024", "12|03|24".
    """
    months, weekdays, small = _date_words()
    numeric = _NUMERIC_DATE.search(text)
    rest = _NUMERIC_DATE.sub(" ", text) if numeric else text
    tokens = _TOKEN.findall(rest)
    words = [token for token in tokens if token[0].isalpha()]
    numbers = [token for token in tokens if token[0].isdigit() and ":" not in token]
    named = [word for word in words if word.lower().rstrip(".") in months | weekdays]
    if not numeric and not (named and numbers):
        # "Updated 9:12 a.m. ET", "Actualizado 10:45 hrs": a time stamp without its date
        timed = any(":" in token and token[0].isdigit() for token in tokens)
        return [] if timed and all(word.lower() in small for word in words) else None
    if any(token in ("%", "$", "€", "£") for token in tokens):
        return None
    return [word for word in words if word.lower().rstrip(".") not in months | weekdays | small]


def date_only(text: str) -> bool:
    """A line that holds a date, whole or in part, and nothing else: "March 3, 2025", "MIÉRCOLES 13"."""
    return len(text.split()) <= _DATELINE_WORDS and _date_residue(text) == []


def _dateline_rule(text: str) -> str | None:
    """"28/9/2017", "MIÉRCOLES 13", "Outlet |12|03|24|", "Outlet, March 2024": a date widget or a dateline."""
    if len(text.split()) > _DATELINE_WORDS:
        return None
    residue = _date_residue(text)
    if residue is None:
        return None
    if not residue:
        return "date-line"
    if is_agency(" ".join(residue)) or _outlet(residue):
        return "dateline"  # "Reuters September 18, 2019 02:11 IST"
    parts = _DATELINE_SEPARATOR.split(text.strip(" |"), maxsplit=1)
    if len(parts) == 2:
        head, tail = (part.strip() for part in parts)
        for name, date in ((head, tail), (tail, head)):
            if _date_residue(name) is None and _date_residue(date) == [] and len(name.split()) <= _DATELINE_NAME_WORDS \
                    and (is_proper_phrase(name) or name.isupper()):
                return "dateline"
    return None


def _outlet(words: list[str]) -> bool:
    """A few capitalised words with a publication word among them ("Harbor Post")."""
    publication_words = _word_set("boilerplate", "publication_words")
    return len(words) <= _DATELINE_NAME_WORDS and all(word[:1].isupper() for word in words) \
        and any(word.lower() in publication_words for word in words)


def _social_prompt(text: str) -> bool:
    """"Follow us on Instagram", "Síguenos en WhatsApp": a call to follow the outlet elsewhere."""
    lowered = " " + " ".join(_WORD.findall(text.lower())) + " "
    if len(lowered.split()) > _SOCIAL_PROMPT_WORDS or carries_figure(text):
        return False
    return any(f" {network} " in lowered for network in _word_set("boilerplate", "social_networks")) \
        and any(f" {cue} " in lowered for cue in _word_set("boilerplate", "social_cues"))


def _time_ago(text: str) -> bool:
    """"2 hours ago", "Hace 3 horas": a relative time stamp."""
    words = [word.strip(".,:;()").lower() for word in text.split()]
    if not 2 <= len(words) <= _TIME_AGO_WORDS or not any(word.isdigit() for word in words):
        return False
    return bool(set(words) & _word_set("boilerplate", "time_ago")) and bool(set(words) & _word_set("boilerplate", "time_units"))


def _is_city_line(text: str) -> bool:
    """"Santiago, Chile." / "GUAYAQUIL, ECUADOR": a place line standing for a dateline."""
    stripped = text.strip().rstrip(".-–— ")
    if stripped != text.strip() and is_place(stripped):
        return True  # "Lima." / "BOGOTÁ.-" on a line of its own
    parts = [part.strip() for part in stripped.split(",")]
    if len(text.split()) > _CITY_LINE_WORDS or not 2 <= len(parts) <= 3 or not all(parts):
        return False
    if not all(is_proper_phrase(part) or part.isupper() for part in parts):
        return False
    return any(is_place(part) for part in parts) or (stripped.isupper() and not carries_figure(stripped))


def _is_credit_line(text: str) -> bool:
    """"Camila Reyes, El Diario Austral" / "Ana Soto | Reuters": a reporter and the outlet they write for."""
    match = name_and_role(text) if "," in text else None
    if match:
        outlet = match[1]
    else:
        parts = [part.strip() for part in re.split(r"\s+[|/·]\s+|\s*/\s*", text.strip())]
        if len(parts) != 2 or not name_line(parts[0]):
            return False
        outlet = parts[1]
    outlet = outlet.strip(" .")
    if not (is_proper_phrase(outlet) or outlet.isupper()) or len(outlet.split()) > 5:
        return False
    publication_words = _word_set("boilerplate", "publication_words")
    return is_agency(outlet) or any(word.strip(".,").lower() in publication_words for word in outlet.split())


def _credited_caption(text: str) -> bool:
    """A caption that ends in a bracketed credit: "… in Tegucigalpa (AFP | ORLANDO SIERRA)", "… (Source: 1News)"."""
    match = _BRACKETED_CREDIT.search(text)
    if not match or len(text.split()) > _CREDITED_CAPTION_WORDS:
        return False
    inner = match.group("inner").strip()
    parts = [part.strip() for part in re.split(r"\s*[|/]\s*", inner)]
    lowered = inner.lower()
    credit_prefix = any(lowered.startswith(prefix + ":") or lowered.startswith(prefix + " ")
                        for prefix in _lists()["credit_prefixes"])
    caption = text[:match.start()]
    if credit_prefix:
        return not carries_figure(caption)
    if not any(is_agency(part) for part in parts):
        return False
    # "(AFP | NAME)" credits a photographer; a lone "(AFP)" may close a wire paragraph instead.
    return len(parts) > 1 or not (carries_figure(caption) or reporting_verb(caption) or _has_quote(caption))


def _has_quote(text: str) -> bool:
    return any(mark in text for mark in "“”«»\"")


def _credit_tail(text: str) -> bool:
    """A caption closing on an agency and a photographer: "… on Monday. REUTERS/Ana Soto", "Ana Soto/AFP"."""
    sentences = split_sentences(text)
    tail = sentences[-1]
    parts = [part.strip() for part in tail.split("/")]
    if len(parts) < 2 or not any(is_agency(part) for part in parts):
        return False
    if len(sentences) == 1 and not is_agency(parts[0]):
        return False  # "Ana Soto / Reuters" alone credits a reporter: a byline
    return all(is_agency(part) or (len(part.split()) <= 4 and (is_proper_phrase(part) or part.isupper()))
               for part in parts if part)


def _related_link(text: str) -> bool:
    """"ALSO READ: Four suspects killed…" / "(Lee también: …)": a line that only points to another story."""
    lowered = text.lower().lstrip("([»►▶•*- ")
    if len(text.split()) > _RELATED_LINK_WORDS:
        return False
    for cue in _lists()["related_cues"]:
        if lowered.startswith(cue):
            rest = lowered[len(cue):].lstrip()
            if not rest or rest[0] in ":|»›>-–—":
                return True
    return False


def _market_box(text: str) -> bool:
    """"Tipo de cambio:", "Compra: 3.512": an exchange-rate or market widget."""
    label, colon, value = text.strip().partition(":")
    label = label.strip()
    if not colon or not (label.lower() in _lists()["market_labels"] or _CURRENCY_PAIR.fullmatch(label)):
        return False
    return not value.strip() or bool(_MARKET_VALUE.fullmatch(value.strip()) and _FIGURE.search(value))


def wire_dateline(text: str) -> str | None:
    """The agency of a wire dateline alone on its line ("LAS PALMAS 1 Dic. (EUROPA PRESS) -"), else None."""
    match = re.fullmatch(r"(?P<lead>[^()]{2,60}?)\s*\((?P<agency>[^()]{2,40})\)\s*[-–—:.]*\s*", text.strip())
    if not match or not match.group("lead").strip()[:1].isupper():
        return None
    agency = match.group("agency").strip()
    dashed = text.rstrip().endswith(("-", "–", "—"))
    return agency if is_agency(agency) or (agency.isupper() and dashed) else None


def _contact_line(text: str) -> bool:
    """"Home +562 2225 0164 info@site.com": a site's contact strip."""
    words = text.split()
    if len(words) > _CONTACT_LINE_WORDS:
        return False
    return bool(_EMAIL_OR_URL.search(text) or _PHONE.search(text)) and (
        not text.rstrip().endswith(".") or len(words) <= _CONTACT_LINE_WORDS // 2)


def _is_speaker_label(text: str) -> bool:
    """"Interviewer", "Host": a label that opens a turn, read by the structure stage."""
    return text.strip(" :.").lower() in _word_set("speech", "interviewer_labels") | _word_set("speech", "interviewee_labels")


def furniture_rule(block: Block) -> str | None:
    """The rule by which one block, on its own, reads as page furniture; None for article text."""
    text = block.text.strip()
    lowered = text.lower()
    normalized = _normalized(text)
    lists = _lists()
    words = len(text.split())
    if not normalized or normalized in lists["lines"]:
        return "furniture-line"
    if _WHOLE_PLACEHOLDER.match(text):
        return "placeholder"
    if _IMAGE_MARKUP.match(text):
        return "image-markup"
    if words <= _RELATED_LINK_WORDS and _related_link(text):
        return "related-link"
    if lowered.startswith(lists["starts"]) or normalized.startswith(lists["starts"]):
        return "furniture-start"
    if words <= _CONTAINS_MAX_WORDS and _contained_phrase().search(lowered):
        return "furniture-phrase"
    if not text.endswith(".") and lowered.endswith(lists["ends"]):
        return "furniture-end"
    if _GLUED_CREDIT.search(text) or _PHOTO_ID.match(text) \
            or (words <= _CREDITED_CAPTION_WORDS and (_credited_caption(text) or _credit_tail(text))):
        return "photo-credit"
    if _is_doubled(text):
        return "doubled-caption"
    if words <= _SHORT_LINE_WORDS:
        return _short_line_rule(text, block.role)
    return None


def _short_line_rule(text: str, role: str) -> str | None:
    """The shapes only a short line can have: widgets, credits, datelines, labels."""
    if _PLAYER_CLOCK.match(text):
        return "player-label"
    if _DASH_MARKER.match(text):
        return "ad-marker"
    if is_agency(text):
        return "photo-credit"
    if _market_box(text):
        return "market-box"
    if _contact_line(text):
        return "contact-line"
    if _social_prompt(text):
        return "furniture-phrase"
    if _is_credit_line(text) or is_byline(text):
        return "byline"
    dateline = _dateline_rule(text)
    if dateline:
        return dateline
    if _time_ago(text):
        return "date-line"
    if _is_city_line(text):
        return "dateline"
    core = _BULLET.sub("", text)  # "- Multimedia": a menu item with its bullet
    if role != "h" and len(core.split()) == 1 and core[-1].isalnum() and not any(c.isdigit() for c in core) \
            and not _is_speaker_label(core):
        return "lone-word"
    return None


def trailing_caption(text: str) -> str | None:
    """The photo caption a page glued onto the end of a paragraph ("… are pictured."), if any."""
    sentences = split_sentences(text)
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    lowered = last.lower()
    if len(last.split()) <= _CAPTION_MAX_WORDS and any(phrase in lowered for phrase in _lists()["caption_phrases"]):
        return last
    return None


@lru_cache(maxsize=None)
def _inline_related() -> re.Pattern[str]:
    cues = sorted(_lists()["related_cues"], key=len, reverse=True)
    return re.compile(r"(?<=[.!?…”\"»])\s+(?P<link>(?:" + "|".join(map(re.escape, cues)) + r")\s*:\s*\S.*?)"
                      r"(?=\s+[^\s:]{1,40}:\s|[.!?…](?:\s|$)|$)", re.IGNORECASE | re.DOTALL)


def glued_pieces(text: str) -> list[tuple[str, str]]:
    """Furniture glued inside a paragraph — (piece, rule) — as exact substrings of ``text``.

    A related link after a sentence ("… personas. Le puede interesar: Iglesias,
    unidas …") runs to the next sentence end or speaker label; placeholders and
    image markup are cut wherever they stand.
    """
    pieces = [(match.group("link"), "related-link") for match in _inline_related().finditer(text)]
    pieces += [(match.group(0), "placeholder") for match in _PLACEHOLDER.finditer(text)]
    pieces += [(match.group(0), "image-markup") for match in _IMAGE_MARKUP.finditer(text)]
    return pieces


def _without(text: str, pieces: list[tuple[str, str]]) -> str:
    for piece, _ in pieces:
        text = text.replace(piece, " ", 1)
    return re.sub(r"\s{2,}", " ", text).strip()


def _answers(text: str) -> bool:
    """A paragraph in the first person that quotes nobody: an answer in the voice of the line above it."""
    first_person = _word_set("structure", "first_person")
    return any(word.strip(",.;:!?«»“”\"").lower() in first_person for word in text.split()) \
        and not _has_quote(text) and not reporting_verb(text)


def _name_like(text: str) -> bool:
    """A short line of names: few function words, most others capitalised — a menu item, a sponsor, an outlet.

    This is the jusText signal (short, low stopword density) with capitals
    added, so that a short sentence-case heading ("La inflación sube") is not
    a name; an outlet's leading article ("El País", "The Star") is not counted.
    """
    text = _BULLET.sub("", text)
    words = text.split()
    if not (0 < len(words) <= _RUN_LINE_WORDS and len(text) <= _RUN_LINE_CHARS and text[:1].isupper()
            and not text.rstrip().endswith(_SENTENCE_END) and not _FIGURE.search(text)
            and not any(mark in text for mark in ",()")):
        return False
    stopwords = _word_set("language", "stopwords")
    body = words[1:] if len(words) > 1 and words[0].lower() in stopwords else words
    content = [word for word in body if word.lower() not in stopwords]
    share = 1 - len(content) / len(body)
    capitalised = sum(1 for word in content if word[:1].isupper()) / max(len(content), 1)
    return share < _RUN_MAX_STOPWORD_SHARE and capitalised >= _RUN_MIN_CAPITALISED


def _masthead_like(text: str) -> bool:
    """An upper-case line, a publication's name or a breadcrumb: at the top, the header reads those."""
    publication_words = _word_set("boilerplate", "publication_words")
    return text.isupper() or is_breadcrumb(text) or any(word.strip(".,").lower() in publication_words
                                                        for word in text.split())


def _short_furniture(text: str) -> bool:
    return len(text.split()) <= _RUN_LINE_WORDS and not carries_figure(text)


def _runs(texts: list[str], rules: list[str | None]) -> dict[int, str]:
    """Runs of three short name-like lines or more (menus, sponsor and outlet lists): all furniture.

    Figures and questions break a run. A name that ends a run over a paragraph
    is a speaker's header (with the role lines under it), and the last line of
    a run at the top that prose follows is the headline: neither is a menu item.
    """
    found: dict[int, str] = {}
    prose = [rules[index] is None and _sentence(text) for index, text in enumerate(texts)]
    member = [(_short_furniture(text) if rules[index] else
               _name_like(text) and not is_question(text) and not (_masthead_like(text) and not any(prose[:index])))
              for index, text in enumerate(texts)]
    index = 0
    while index < len(texts):
        if not member[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(texts) and member[end + 1]:
            end += 1
        run = [i for i in range(index, end + 1) if rules[i] is None]
        if end + 1 < len(texts) and rules[end + 1] is None:
            speakers = [i for i in run if speaker_header(texts[i])]
            prose_before = any(prose[:index])
            if len(speakers) == 1 and speakers[0] >= end - _SPEAKER_ROLE_LINES:
                run = [i for i in run if i < speakers[0]]  # "Dana Ruiz" / "Chief economist" over her answer
            elif run and run[-1] == end and _sentence(texts[end + 1]) and not _BULLET.match(texts[end]) \
                    and (not prose_before or len(run) < _RUN_MIN_LINES):
                run.pop()  # the headline over the first paragraph, a heading after share buttons (never a bullet)
        if end - index + 1 >= _RUN_MIN_LINES and len(run) + sum(1 for i in range(index, end + 1) if rules[i]) >= _RUN_MIN_LINES:
            found.update((i, "link-list") for i in run)
        index = end + 1
    return found


def _person_of(text: str) -> str | None:
    """The person an author-box line names: a name alone or with a role, never a turn ("Name:") or a sentence."""
    if len(text.split()) > _RUN_LINE_WORDS * 3 or text.rstrip().endswith(_SENTENCE_END):
        return None
    text = re.split(r"\s+[|·–—-]\s+", text, maxsplit=1)[0]  # "Ana Soto | Senior economist"
    named = name_line(text) or (name_and_role(text) or (None, None))[0]
    return named.lower() if named else None


def _author_boxes(texts: list[str], rules: list[str | None]) -> dict[int, str]:
    """One name printed twice a few lines apart with short role lines around it: an author box.

    "Ana Soto / Senior economist / Ana Soto / Economista sénior": the box
    shows its author once per language; the same number of lines follows the
    second name as followed the first.
    """
    found: dict[int, str] = {}
    for index, text in enumerate(texts):
        person = _person_of(text)
        if not person or index in found:
            continue
        for other in range(index + 1, min(index + 2 + _AUTHOR_BOX_SPAN, len(texts))):
            between = range(index + 1, other)
            if _person_of(texts[other]) == person and all(_short_role(texts[i]) for i in between):
                after = [i for i in range(other + 1, other + 1 + len(between)) if i < len(texts) and _short_role(texts[i])]
                found.update((i, "author-box") for i in [index, *between, other, *after])
                break
    return found


def _short_role(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 15 and not text.rstrip().endswith((".", "?", "!")) and not carries_figure(text)


def _sentence(text: str) -> bool:
    """Running text: a long line, or one that closes a sentence."""
    return len(text.split()) >= _RELATED_HEADLINE_WORDS or text.rstrip().endswith((".", "!", "…", "”", "\"", "»"))


def _headline_shaped(text: str) -> bool:
    words = text.split()
    return 3 <= len(words) <= 30 and not text.rstrip().endswith(".") and len(split_sentences(text)) == 1


def _site_blurb(index: int, texts: list[str], rules: list[str | None]) -> bool:
    """A paragraph describing the site, above the headline at the very top of the page."""
    text = texts[index]
    if any(rules[i] is None for i in range(index)) or len(text.split()) < _BLURB_MIN_WORDS or carries_figure(text):
        return False
    if not any(cue in text.lower() for cue in _lists()["site_blurb_cues"]):
        return False
    for later in range(index + 1, min(index + 1 + _BLURB_LOOKAHEAD, len(texts))):
        if rules[later] is None:
            return _headline_shaped(texts[later]) and any(rules[i] for i in range(index + 1, later))
    return False


def _image_continuation(texts: list[str], rules: list[str | None]) -> dict[int, str]:
    """The alt text of an image tag that a line break split: the lines up to its closing quote."""
    found: dict[int, str] = {}
    for index, rule in enumerate(rules):
        if rule != "image-markup" or texts[index].count("\"") % 2 == 0:
            continue
        for later in range(index + 1, min(index + 3, len(texts))):
            found[later] = "image-markup"
            if "\"" in texts[later]:
                break
    return found


def split_furniture(blocks: tuple[Block, ...]) -> tuple[list[Block], list[DroppedLine]]:
    """The blocks that may be article text, and the furniture lines dropped."""
    texts = [" ".join(block.text.split()) for block in blocks]
    rules: list[str | None] = [furniture_rule(block) for block in blocks]
    for index in range(len(blocks)):
        following = texts[index + 1] if index + 1 < len(blocks) else ""
        if rules[index] is None and following == texts[index] and name_line(texts[index]):
            rules[index] = rules[index + 1] = "doubled-caption"  # a name under a photo, printed twice
        elif rules[index] is None and following and following != texts[index] and following.startswith(texts[index]):
            rules[index] = "repeated-line"
    for extra in (_image_continuation(texts, rules), _author_boxes(texts, rules), _runs(texts, rules)):
        for index, rule in extra.items():
            rules[index] = rules[index] or rule
    top = True
    for index in range(len(blocks)):
        if rules[index] == "date-line" and top and date_only(texts[index]):
            rules[index] = None  # the header reads the page's date from its own lines, a split one too
        top = top and not (rules[index] is None and len(texts[index].split()) >= _TAIL_LINE_WORDS)
        if rules[index] == "byline" and _is_credit_line(texts[index]) and index + 1 < len(blocks) \
                and _answers(texts[index + 1]):
            rules[index] = None  # "Ana Soto, The Economist" over her own answer: a panelist's header
        if rules[index] is None and _site_blurb(index, texts, rules):
            rules[index] = "site-blurb"

    kept: list[Block] = []
    dropped: list[DroppedLine] = []
    in_tail = seen_prose = False
    # A "Related posts" list only ends the article after its last paragraph of prose.
    last_prose = max((i for i, block in enumerate(blocks) if len(block.text.split()) >= _TAIL_LINE_WORDS), default=-1)
    for index, block in enumerate(blocks):
        short = len(block.text.split()) < _RELATED_HEADLINE_WORDS and not block.text.rstrip().endswith(".")
        rule = rules[index] or ("related-list" if in_tail and (index > last_prose or (short and seen_prose)) else None)
        if rule:
            dropped.append(DroppedLine(block.text, rule))
            # After "Related posts", the list of headlines that follows is furniture too.
            in_tail = in_tail or _normalized(block.text) in _lists()["tail_markers"]
            continue
        pieces = glued_pieces(block.text)
        if pieces:
            dropped.extend(DroppedLine(piece, piece_rule) for piece, piece_rule in pieces)
            block = replace(block, text=_without(block.text, pieces))
        caption = trailing_caption(block.text)
        if caption:
            dropped.append(DroppedLine(caption, "photo-caption"))
            block = replace(block, text=block.text[: block.text.rindex(caption)].rstrip())
        kept.append(block)
        in_tail = False
        seen_prose = seen_prose or len(block.text.split()) >= _TAIL_LINE_WORDS
    return kept, dropped

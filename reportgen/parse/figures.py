"""Figures in running text: exact values with unit, qualifier, change, source and period.

A figure is a number (digits with the language's separators, or a number word
with a scale) plus what follows it (scale word, percent, currency, unit, "per
day"), and what precedes it (currency sign, "more than"). Everything that
tells one from another is data in ``lexicon/<language>/figures.toml``.
Values are kept as exact decimal strings; a float never touches them.

A figure's source is who the sentence says it comes from, named or an institution
described in words; a generic one ("officials") is none. Its period is the time
named next to it (a year, month, day, part of a year or a span of them), never
the one it is compared with, and none when the text does not give the year.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import lru_cache, partial
from itertools import accumulate
from typing import Any

from .. import lexicon
from ..model import Period, Statistic
from .alternation import alternation
from .budget import check
from .numbers import SPACES, comma_is_decimal, joined, number_pattern, to_decimal
from .letters import LOWER, UPPER, LatinPattern
from .people import is_acronym, is_place
from .sentences import split_sentences

_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_YEAR_DIGITS = r"(?<![\d.,])(?:1[89]\d{2}|20\d{2})(?!\w|[.,]\d)"  # not "2,020", "2020s"
_YEAR_SPAN = re.compile(rf"({_YEAR_DIGITS})\s?[-–/]\s?(\d{{2}}(?!\d|[.,]\d)|{_YEAR_DIGITS})")  # "2022-23", "2019–2021"
_NAME_WORD = rf"(?:[{UPPER}][\w.’'&-]*|\([{UPPER}]{{2,}}\))"
# "Banco de la República", "Center for the Study of X", "Centro Regional para la Vivienda y el Empleo (CRVE)"
_CAPITALIZED_PHRASE = LatinPattern(
    rf"(?<![\w’'.-]){_NAME_WORD}(?:\s+(?:(?:of|for|and|on|against|de|del|para|contra|y|e)\s+(?:(?:the|la|las|los|el)\s+)?)?"
    rf"{_NAME_WORD})*"
)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_SMALLEST_BARE_COUNT = 10
_WINDOW = 40
_CONTEXT_CHARS = 160  # how far around a number its unit, qualifier and change are looked for
_RATE_GAP_WORDS = 5  # "45,000 migrants cross the border daily": words between a count and its period
_OLDEST_AGE = 120
_TAIL = 48  # how far back a pattern anchored at a number may start: searched from there, not from every character
_SOURCE_REACH = 400  # how far after a figure its source may be named ("…, the statistics office said")
_TIME_GAP_WORDS = 8  # "4,100 homes were sold between July and September 2023": words between a figure and its time
_REMEMBERED_TEXTS = 256  # the article contexts (and paragraphs) whose "$" and decimal comma are remembered
_PERIODS = (("day", "per_day"), ("week", "per_week"), ("month", "per_month"), ("year", "per_year"), ("hour", "per_hour"))
_PERIOD_GROUPS = "|".join(f"(?P<{per}>@{key}@)" for per, key in _PERIODS)  # one pattern names the period it found


@dataclass(frozen=True)
class _Reading:
    """What the words after a number say about it."""

    value: Decimal
    unit: str
    currency: str | None
    per: str | None
    scaled: bool  # ends with a scale word ("11.243 millones"), so it may be an amount of the money named before
    subunit: bool = False  # "38 cents": of the money named elsewhere in the sentence


@lru_cache(maxsize=None)
def _data(language: str) -> dict[str, Any]:
    return lexicon.load(language, "figures")


@lru_cache(maxsize=None)
def _lexicon_pattern(language: str, template: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """``template`` with each ``@key@`` replaced by the language's words for ``key`` (``@months@``:
    every month's spellings), compiled once: built again for every number, the patterns cost
    more than the matching (a wall of numbers took seconds per 100 KB)."""
    return re.compile(re.sub(r"@(\w+)@", lambda key: _months(language) if key.group(1) == "months"
                             else _alternation(language, key.group(1)), template), flags)


@lru_cache(maxsize=None)
def _alternation(language: str, key: str) -> str:
    words = _data(language).get(key, [])
    words = words.keys() if isinstance(words, dict) else words
    return alternation(sorted(words, key=len, reverse=True))


def _starts_with(text: str, phrases: list[str] | tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` that ``text`` starts with as whole words."""
    lowered = text.lower()
    for phrase in sorted(phrases, key=len, reverse=True):
        if lowered.startswith(phrase) and (len(lowered) == len(phrase) or not lowered[len(phrase)].isalnum()
                                           or not phrase[-1].isalnum()):
            return text[:len(phrase)]
    return None


def _ends_with(text: str, phrases: tuple[str, ...]) -> str | None:
    """The first of ``phrases`` (longest first: see ``_longest_first``) that ``text`` ends with as whole words."""
    lowered = text.lower().rstrip()
    for phrase in phrases:
        if lowered.endswith(phrase) and (len(lowered) == len(phrase) or not lowered[-len(phrase) - 1].isalnum()):
            return phrase
    return None


# Characters that str.lower() and the regex engine's case-insensitive matching fold differently: "İ"
# lowers to two characters, and the engine matches "ı" with "i" and "ſ" with "s".
_UNFAITHFUL_FOLDS = ("İ", "ı", "ſ")


def _folded(text: str) -> str | None:
    """``text`` lowered once, for gates that stand in for case-insensitive scans (several times cheaper
    than matching with ``re.IGNORECASE``); None where lowering and the engine's folding could disagree,
    so the caller runs its full scan."""
    if any(char in text for char in _UNFAITHFUL_FOLDS):
        return None
    return text.lower()


@lru_cache(maxsize=None)
def _folded_gate(language: str, template: str) -> re.Pattern[str]:
    """``template``'s lexicon words lowered, matched case-sensitively: searched in ``_folded`` text it
    finds a word wherever the case-insensitive pattern would."""
    return re.compile(re.sub(r"@(\w+)@", lambda key: alternation(sorted(
        {word.lower() for word in _gate_words(language, key.group(1))}, key=len, reverse=True)), template))


def _gate_words(language: str, key: str) -> list[str]:
    """The words of ``key`` (``months``: every month's spellings) that a gate looks for."""
    if key == "months":
        return [name for spellings in lexicon.load(language, "dates").get("months", []) for name in spellings]
    words = _data(language).get(key, [])
    return list(words.keys() if isinstance(words, dict) else words)


@lru_cache(maxsize=None)
def _longest_first(language: str, key: str) -> tuple[str, ...]:
    """A phrase list of the lexicon, longest first (so "more than" is tried before "than"), sorted once."""
    return tuple(sorted(_data(language).get(key, []), key=len, reverse=True))


@lru_cache(maxsize=None)
def _qualifier_phrases(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each qualifier with its phrases longest first, in the lexicon's order."""
    return tuple((qualifier, tuple(sorted(phrases, key=len, reverse=True)))
                 for qualifier, phrases in _data(language).get("qualifiers", {}).items())


def _before(sentence: str, position: int) -> str:
    """The text just before ``position``: bounded, so a megabyte-long sentence stays linear."""
    return sentence[max(0, position - _CONTEXT_CHARS):position]


def _after(sentence: str, position: int) -> str:
    return sentence[position:position + _CONTEXT_CHARS]


def _decimal(digits: str, language: str, fraction: str = "", comma_decimal: bool = False) -> Decimal | None:
    return to_decimal(digits, _data(language).get("decimal_mark", "."), fraction, comma_decimal)


@lru_cache(maxsize=None)
def _number(language: str) -> re.Pattern[str]:
    """Digits as written; currency signs ending in a letter or a slash may touch them ("Q163", "S/500")."""
    symbols = _data(language).get("currency_symbols", {})
    return number_pattern(tuple(symbol for symbol in symbols if symbol[-1].isalpha() or symbol[-1] == "/"))


def _scale(after: str, suffix: str, language: str) -> tuple[Decimal, int, str | None]:
    """The multiplier written after a number, how many characters it took, and the money it names ("mdd")."""
    data = _data(language)
    scales = data.get("scales", {})
    if suffix and suffix.lower() in scales:
        return Decimal(scales[suffix.lower()]), 0, None
    match = _lexicon_pattern(language, r"\s+(@scales@)\b(?!/)").match(after)  # "b/d" is barrels a day
    if match and (len(match.group(1)) > 2 or match.group(1).islower()):
        word = match.group(1).lower()
        return Decimal(scales[word]), match.end(), data.get("scale_currencies", {}).get(word)
    return Decimal(1), 0, None


def _unit(after: str, language: str) -> tuple[str, str | None, str | None, int]:
    """(unit, currency, per, length) read from the words after a number and its scale."""
    data = _data(language)
    text = after
    match = _lexicon_pattern(language, r"\s+(@percentage_points@)\b").match(text)
    if match:
        return "percentage_points", None, None, match.end()
    match = _lexicon_pattern(language, r"\s+(@index_points@)\b").match(text)
    if match:
        return "other", None, None, match.end()  # an index moves in points; a rate's points are read by the caller
    match = _lexicon_pattern(language, r"\s*%").match(text) or _lexicon_pattern(language, r"\s+(@percent@)\b").match(text)
    if match:
        return "percent", None, None, match.end()
    match = _lexicon_pattern(language, r"\s+(@time_words@)\b").match(text)
    if match:
        return "duration", None, None, match.end()
    match = _lexicon_pattern(language, r"\s+(?:de\s+|of\s+)?(@currency_words@)\b").match(text)
    if match:
        code = data["currency_words"][match.group(1).lower()] or None
        return "currency", code, None, match.end()
    for family, pattern in _unit_patterns(language):
        match = pattern.match(text)
        if match:
            per, length = _period_of(match.group(0), language), 0  # "bpd", "barriles diarios"
            if not per:
                per, length = _rate(text[match.end():], language)
            if per:
                return "rate", None, per, match.end() + length
            return family, None, None, match.end()
    per, length = _rate(text, language, population_only=True)
    if per:
        return "rate", None, per, length
    per, length = _counted_rate(text, language)
    if per:
        return "rate", None, per, length
    return "count", None, None, 0


def _rate(after: str, language: str, population_only: bool = False) -> tuple[str | None, int]:
    """"per day" → "day"; "per 100,000 people" → "100000"; within a few words."""
    match = _lexicon_pattern(language, rf"\s+(?:@per_population@)\s+(\d{{1,3}}(?:[.,{SPACES}]\d{{3}})+|\d+)"
                                       r"(?:\s+(?:@population_words@))?").match(after)
    if match:
        denominator = _decimal(match.group(1), "es" if "." in match.group(1) else "en")
        if denominator and denominator >= 100:
            return str(int(denominator)), match.end()
    if population_only:
        return None, 0
    match = _lexicon_pattern(language, rf"(?:\s+(?:of|de)\s+[\w’']+)?\s+(?:{_PERIOD_GROUPS})\b").match(after)
    if match and not _lexicon_pattern(language, r"\s+(?:@not_per_after@)\b").match(after, match.end()):
        return match.lastgroup, match.end()  # "a year earlier" is a date, not a rate
    return None, 0


def _counted_rate(text: str, language: str) -> tuple[str | None, int]:
    """A period a few words on, nothing but words between: "390 every day", "30 personas mueren al día"."""
    position = 0
    for _ in range(_RATE_GAP_WORDS + 1):
        per, length = _rate(text[position:], language)
        if per:
            return per, position + length
        word = re.match(r"\s+[^\W\d_][\w’'-]*", text[position:])
        if not word:
            break
        position += word.end()
    return None, 0


def _period_of(unit_words: str, language: str) -> str | None:
    """The period a unit's own words carry ("bpd", "b/d", "barriles diarios" are per day)."""
    return next((per for per, key in _PERIODS if _ends_with(unit_words, _longest_first(language, key))), None)


def _period_before(before: str, language: str) -> str | None:
    """"Output per day is 2m barrels": the period named just before the verb that leads to the figure."""
    match = _lexicon_pattern(language, rf"\b(?:{_PERIOD_GROUPS})\s+(?:@measure_verbs@)\s+$").search(before, max(0, len(before) - _TAIL))
    return match.lastgroup if match else None


def _is_excluded(sentence: str, start: int, end: int, suffix: str, value: Decimal, language: str) -> bool:
    """Years, dates, times, ordinals, names with numbers and narrative durations are not figures."""
    data = _data(language)
    before, after = _before(sentence, start), _after(sentence, end)
    if suffix.lower() in _ORDINAL_SUFFIXES or after.startswith((":", "ª", "º")):
        return True
    hyphen = _lexicon_pattern(language, r"[-–]\s?(?:(\d[\d.,]*)|(?:@time_words@)\b)").match(after)
    if hyphen and not (hyphen.group(1) and _has_unit(after[hyphen.end():], language)):
        return True  # "2022-23", "September 2-4", "12-month"; "52-55 percent" is a range
    if re.match(r"/\d", after):
        return True  # "50/50", "24/7"
    if value < _OLDEST_AGE and after.startswith(",") and re.search(r"[A-ZÁÉÍÓÚÑ][^\W\d_]+,\s*$", before[-_TAIL:]):
        return True  # "Ana Soto, 58, said": an age
    if _lexicon_pattern(language, r"\d%?\s+(?:@part_of@)\s+$").search(before, max(0, len(before) - _TAIL)):
        return True  # "3 of 10", "2 de cada 10": the total
    if before.endswith(("-", "/")) or _month_ends(before, language):
        return True
    if _lexicon_pattern(language, r"\s+(?:de\s+)?(?:@months@)\b").match(after):
        return True
    last_word = before.split()[-1].lower() if before.split() else ""
    if last_word in data.get("not_figure_before", []):
        return True
    if _lexicon_pattern(language, r"\s+(?:@time_words@)\b").match(after):
        # "over the next 12 months" is narrative; "the average wait was 3.4 years" is a measure
        measured = value != value.to_integral_value() or _ends_with(before, _longest_first(language, "duration_cues"))
        return not measured
    return False


def _month_ends(before: str, language: str) -> bool:
    """Does ``before`` end with a month ("June ", "de junio de ")? Looked for only where such an
    ending can start, not from every character of the context."""
    trailing = len(before) - len(before.rstrip())
    core = before.rstrip()
    gap = len(core) - 2 - len(core[:-2].rstrip()) if core[-2:].lower() == "de" else 0
    start = max(0, len(before) - (trailing + 2 + gap + 1 + _longest_month(language) + 1))
    return _lexicon_pattern(language, r"\b(?:@months@)\.?\s+(?:de\s+)?$").search(before, start) is not None


@lru_cache(maxsize=None)
def _longest_month(language: str) -> int:
    return max((len(name) for spellings in lexicon.load(language, "dates").get("months", []) for name in spellings),
               default=0)


@lru_cache(maxsize=None)
def _months(language: str) -> str:
    names = [name for spellings in lexicon.load(language, "dates").get("months", []) for name in spellings]
    return alternation(sorted(names, key=lambda name: len(re.escape(name)), reverse=True))


def _has_unit(after: str, language: str) -> bool:
    """Is a number followed by a scale or a unit (not a bare count or a span of time)?"""
    scale, length, _ = _scale(after, "", language)
    return scale != 1 or _unit(after[length:], language)[0] not in ("count", "duration")


def _qualifier(before: str, language: str) -> str | None:
    text = _currency_symbol_pattern(language).sub("", before.rstrip())
    text = re.sub(r"\s+(?:the|a|an|los|las|el|la|un|una)$", "", text.rstrip(), flags=re.I)
    for qualifier, phrases in _qualifier_phrases(language):
        if _ends_with(text, phrases):
            return qualifier
    return None


@lru_cache(maxsize=None)
def _unit_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(unit family, pattern of its words after a number), compiled once per language."""
    return tuple(
        (family, re.compile(r"[\s-]+(?:de\s+|of\s+)?(?:" + alternation(sorted(words, key=len, reverse=True))
                            + r")\b", re.I))
        for family, words in _data(language).get("units", {}).items()
    )


@lru_cache(maxsize=None)
def _currency_symbol_pattern(language: str) -> re.Pattern[str]:
    symbols = _data(language).get("currency_symbols", {})
    return re.compile(r"(?<![^\W\d_])(" + alternation(sorted(symbols, key=len, reverse=True)) + r")\s?$")


def _currency_before(before: str, language: str) -> tuple[str | None, int]:
    """The sign written just before a number ("US$", "Q", "$") and where it starts; None when there is none."""
    match = _currency_symbol_pattern(language).search(before)
    if match:
        return match.group(1), match.start()
    return None, len(before)


def _change(before: str, after: str, language: str) -> str | None:
    before = re.sub(r"\s*(?:US\$|R\$|\$|€|£)?\s*$", "", before).lower()
    if _level_pattern(language).search(before):
        return None
    for _, phrases in _qualifier_phrases(language):
        phrase = _ends_with(before, phrases)
        if phrase:
            before = before.rstrip()[:-len(phrase)]
    words_before = before.split()
    near_before = " ".join(words_before[-6:] if words_before[-1:] in (["by"], ["en"]) else words_before[-4:])
    near_after = " ".join(after.lower().split()[:3])
    for change in ("increase", "decrease"):
        after_pattern, before_pattern = _change_patterns(language, change)
        if after_pattern.search(near_after) or before_pattern.search(near_before):
            return change
    return None


@lru_cache(maxsize=None)
def _level_pattern(language: str) -> re.Pattern[str]:
    """A change verb, then "to"/"below"/"a" (and maybe "about"): the figure is the level reached."""
    changes = "|".join(filter(None, (_alternation(language, "increase"), _alternation(language, "decrease"))))
    markers = _alternation(language, "level_markers")
    qualifiers = "|".join(re.escape(phrase) for phrases in _data(language).get("qualifiers", {}).values()
                          for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{changes})\s+(?:{markers})(?:\s+(?:{qualifiers}))?$")


@lru_cache(maxsize=None)
def _change_patterns(language: str, change: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A change word after the figure, or before it ("rose 14 %", "cut its rate by 0.25 points")."""
    words = _alternation(language, change)
    return (re.compile(rf"\b(?:{words})\b"),
            re.compile(rf"\b(?:{words})\b(?:\s+[\w-]+){{0,4}}\s+by$|\b(?:{words})(?:\s+(?:by|of|en|de|del|un|una|a|an))*$"))


def _sources(sentence: str, language: str, names: Callable[[], frozenset[str]]) -> list[tuple[int, str]]:
    """Every source a sentence names, with its position: "according to X", "X reported". A generic
    one ("officials", "the report") or a misread one ("An estimated…") is left out: a figure is
    better without a source than with a wrong one. ``names`` gives the words the article writes
    capitalised inside a sentence (asked only when a sentence's first word might be a source)."""
    found = [*_cited(sentence, language), *_reporters(sentence, language, names)]
    return sorted((position, source) for position, source in found if source and not _is_weak(source, language))


def _cited(sentence: str, language: str) -> list[tuple[int, str | None]]:
    """"according to X", "según el sondeo más reciente de X", "data from X": who the rest of the clause names."""
    found = []
    prepositions = _data(language).get("source_prepositions", [])
    if not _lexicon_pattern(language, r"\b(?:@source_before@)\s+").search(sentence):
        return found  # one scan for all the phrases; most sentences cite none
    for phrase in _data(language).get("source_before", []):
        for match in _phrase_pattern(phrase).finditer(sentence):
            clause = re.split(r"[,;:]", _after(sentence, match.end()), maxsplit=1)[0]
            by_author = phrase.split()[-1] in prepositions  # "data from X", "una encuesta de X": right after it
            source = _author_at(_strip_article(clause, language), language) if by_author else _source_in(clause, language)
            found.append((match.start(), source))
    return found


@lru_cache(maxsize=None)
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a whole-word opening followed by space, any case."""
    return re.compile(rf"\b{re.escape(phrase)}\s+", re.I)


def _source_in(clause: str, language: str) -> str | None:
    """The source at the start of ``clause``: a document's author ("el nuevo sondeo de Datasur"), a name,
    or an institution described in lower case ("the central bank")."""
    text = _strip_article(_lexicon_pattern(language, r"^(?:@cited_verbs@)\s+").sub("", clause.strip(), count=1), language)
    document = _lexicon_pattern(language, r"^((?:[\w’'.-]+\s+){0,3}?)(?:@source_documents@)\b", 0).match(text)
    if document:
        return _author(text[document.end():], language) or _described(document.group(1), language)
    return _named(text, language)


def _author(text: str, language: str) -> str | None:
    """Who made a document, named after "by"/"of"/"de"/"por": "de Datasur", "by the central bank",
    "por la consultora X". A place after "of" is what the document is about, not its author."""
    for match in _lexicon_pattern(language, r"\b(?:@source_prepositions@)\s+(?:(?:@articles@)\s+)?").finditer(text):
        author = _author_at(text[match.end():], language)
        if author:
            return author
    return None


def _author_at(text: str, language: str) -> str | None:
    """The author ``text`` starts with: a name that is no place, one after its common noun, or an institution."""
    name = _name_at(text, language) or _appositive_name(text, language)
    if name and not is_place(name):
        return name
    return _described(text, language, strict=True)


def _strip_article(text: str, language: str) -> str:
    return _lexicon_pattern(language, r"^(?:@articles@)\s+").sub("", text.strip(), count=1)


def _named(text: str, language: str) -> str | None:
    """The source ``text`` starts with: a name ("the World Health Organization"), an office with a name ("el ministro
    de Economía"), a name after its common noun ("la agencia X"), or an institution ("the central bank")."""
    return _name_at(text, language) or _office(text, language) or _appositive_name(text, language) \
        or _described(text, language)


def _office(text: str, language: str) -> str | None:
    """"el ministro de Economía", "the head of the Tax Agency": lower-case words joined to a name by a preposition."""
    head = re.match(rf"((?:[{LOWER}][\w’'-]*\s+){{1,4}}?)(?=[{UPPER}])", text)
    named = _CAPITALIZED_PHRASE.match(text, head.end()) if head else None
    if not head or not named or not set(head.group(1).lower().split()) & set(_data(language).get("source_prepositions", [])):
        return None
    return _trim_phrase(head.group(1) + named.group(0))


def _appositive_name(text: str, language: str) -> str | None:
    """"la consultora Datasur", "the pollster X": the name after at most two common nouns."""
    head = re.match(rf"((?:[{LOWER}][\w’'-]*\s+){{1,2}}?)(?=[{UPPER}])", text)
    if not head or set(head.group(1).lower().split()) & set(_data(language).get("source_prepositions", [])):
        return None
    return _name_at(text[head.end():], language)


def _name_at(text: str, language: str) -> str | None:
    """The capitalised name ``text`` starts with ("Banco de la República", "U.S.", "Chile’s central bank"),
    without a function word or a date read as one."""
    match = _CAPITALIZED_PHRASE.match(text)
    if not match:
        return None
    name = match.group(0)
    words = name.split()
    while words and words[0].lower() in _not_source_words(language):
        words.pop(0)
    if not words or words[0].lower().rstrip(".") in _date_words(language):
        return None
    name = " ".join(words)
    owner = re.match(r"(.*?)[’']s?$", name)
    if owner:  # "Chile’s central bank", else the owner alone
        institution = _described(text[match.end():], language, strict=True)
        return f"{name} {institution}" if institution else _trim_phrase(owner.group(1))
    return _trim_phrase(name)


def _described(text: str, language: str, strict: bool = False) -> str | None:
    """A source described in words ("the central bank", "central bank figures", "World Bank’s latest"):
    kept when it holds a name (unless ``strict``), or when written in lower case it names an
    institution and which one ("the central bank", not "the ministry" or "the government")."""
    words = _description_words(text, language)
    owner = next((index for index, word in enumerate(words) if re.search(r"[’']s?$", word)), None)
    if owner is not None:
        return _possessive(words, owner, language, strict)
    if not strict and any(word[:1].isupper() and word.lower() not in _date_words(language) for word in words):
        return _trim_phrase(" ".join(words))
    return " ".join(words) if _names_institution(words, language) else None


def _description_words(text: str, language: str) -> list[str]:
    """The words of a described source: up to a relative clause, a verb's adverb or a number, without articles."""
    data = _data(language)
    words: list[str] = []
    for word in text.split():
        if word.lower() in data.get("source_clause_ends", []) or not re.match(r"[^\W\d_]", word) or len(words) == 5:
            break
        words.append(word.strip(",.;:"))
    while words and words[0].lower() in data.get("articles", []):
        words.pop(0)
    while words and words[-1].lower() in data.get("source_adverbs", []) + data.get("source_prepositions", []):
        words.pop()
    return words


def _possessive(words: list[str], owner: int, language: str, strict: bool) -> str | None:
    """"Chile’s statistics agency", "the country’s customs office" (its institution), "World Bank’s latest" (the owner)."""
    possessor = " ".join(words[:owner + 1])
    institution = _described(" ".join(words[owner + 1:]), language, strict=True)
    if institution:
        return f"{possessor} {institution}" if possessor[:1].isupper() else institution
    return _described(re.sub(r"[’']s?$", "", possessor), language, strict)


def _names_institution(words: list[str], language: str) -> bool:
    """Lower-case words with an institution among them and another word that says which one."""
    data = _data(language)
    content = [word.lower() for word in words if word.lower() not in data.get("source_prepositions", [])]
    return bool(words) and words[0][:1].islower() and len(content) >= 2 \
        and bool(set(content) & set(data.get("source_institutions", [])))


def _reporters(sentence: str, language: str, names: Callable[[], frozenset[str]]) -> list[tuple[int, str | None]]:
    """"The ONS said", "Brazil’s statistics agency estimated", "El banco central informó": the source
    before its verb. A sentence's first word alone is a name only if it is known as one ("Burglaries
    recorded a rise" is no source)."""
    found: list[tuple[int, str | None]] = []
    verb = r"(?:(?:@source_adverbs@)\s+){0,2}(?:@source_after@)\b"
    document = r"(?:(?:@source_documents@)\s+)?"  # "a Northfield poll found"
    opening = len(sentence) - len(sentence.lstrip(" “\"«'‘"))
    verb_after = _lexicon_pattern(language, rf"\s+({document}){verb}", 0)
    for match in _CAPITALIZED_PHRASE.finditer(sentence):  # each run of capitals once: linear in the sentence
        said = verb_after.match(sentence, match.end())
        if not said or not said.group(1) and _data_verb(said.group(0), language):
            continue  # "Uruguay showed a surplus": a name "shows" what it has; its data show what it says
        name = _name_at(match.group(0), language)
        first = match.start() == opening and name is not None and match.group(0).startswith(name)
        if first and " " not in name and not _known_name(name, names):
            continue
        found.append((match.start(), name))
    described = (rf"(?:(?<![\w’'])([{UPPER}][\w.-]*[’']s?)\s+|\b(?i:@articles@)\s+(?:([{UPPER}][\w.-]*)\s+)?)"
                 rf"((?:[{LOWER}][\w’'-]*\s+){{1,3}}?)(?={verb})")  # "Chile’s statistics agency", "the U.N. refugee agency"
    for match in _lexicon_pattern(language, described, 0).finditer(sentence):
        institution, owner = _described(match.group(3), language, strict=True), match.group(1) or match.group(2)
        found.append((match.start(), f"{owner} {institution}" if institution and owner else institution))
    return found + _closing_reporters(sentence, language)


def _data_verb(words: str, language: str) -> bool:
    """Does ``words`` end with a verb only data say a figure with ("showed", "muestra")?"""
    return _ends_with(words, _longest_first(language, "data_verbs")) is not None


def _closing_reporters(sentence: str, language: str) -> list[tuple[int, str | None]]:
    """"…, said the statistics office.", "…, informó el Instituto de Estadística (IE).": a verb, then the source
    alone up to the end of its clause (a name or an institution; "found Brazil’s economy grew" names none)."""
    found: list[tuple[int, str | None]] = []
    pattern = _lexicon_pattern(language, r"\b(?:@source_after@)\s+(?:(?:@articles@)\s+)?([^,;:.!?“”\"]{1,80}?)\s*(?:[,;:!?“”\"]|\.(?!\w)|$)", 0)
    for match in pattern.finditer(sentence):
        words = match.group(1)
        name = _CAPITALIZED_PHRASE.fullmatch(words) and _name_at(words, language)
        found.append((match.start(), name or (_described(words, language, strict=True) if words[:1].islower() else None)))
    return found


def _is_weak(source: str, language: str) -> bool:
    """"the government", "officials", "el Poder Ejecutivo": a generic source that says nobody in particular."""
    words = source.lower().split()
    while words and words[0] in _data(language).get("articles", []):
        words.pop(0)
    return " ".join(words) in _data(language).get("weak_sources", [])


def _known_name(word: str, names: Callable[[], frozenset[str]]) -> bool:
    """A sentence's first word is a name when it is an acronym, a place, a known body, or written
    capitalised inside a sentence elsewhere in the article."""
    return is_acronym(word) or is_place(word) or word in _organization_words() or word in names()


@lru_cache(maxsize=None)
def _organization_words() -> frozenset[str]:
    return frozenset(lexicon.all_words("speech", "organization_words"))


def _names_in(text: str, context: str) -> frozenset[str]:
    return _names_inside(text) | _names_inside(context)


@lru_cache(maxsize=16)
def _names_inside(text: str) -> frozenset[str]:
    """The words ``text`` writes capitalised after another word of their sentence: names, not first words.
    A line in title case ("Crime Figures Show Robberies Up") capitalises every word, so it tells nothing."""
    names: set[str] = set()
    for line in text.splitlines():
        if re.search(rf"(?<![\w’'-])[{LOWER}][\w’'-]{{3}}", line):  # a lower-case word of four letters or more
            names.update(re.findall(rf"(?<=[\w,;] )[{UPPER}][\w’'.-]*", line))
    return frozenset(names)


@lru_cache(maxsize=None)
def _not_source_words(language: str) -> frozenset[str]:
    return frozenset(_data(language).get("not_source_words", []))


@lru_cache(maxsize=None)
def _date_words(language: str) -> frozenset[str]:
    dates = lexicon.load(language, "dates")
    return frozenset(dates.get("weekdays", [])) | frozenset(name for names in dates.get("months", []) for name in names)


def _source_of(sources: list[tuple[int, str]], positions: list[int], sentence: str, end: int,
               language: str) -> str | None:
    """The first source named after a figure in its statement ("5%, the agency said"; not after "while"
    or "mientras que", which start another one), else the last one named before it. ``positions``:
    where each of ``sources`` is named, so each figure finds its own by bisecting."""
    index = bisect_left(positions, end)
    if index < len(sources) and _same_statement(sentence, end, positions[index], language):
        return sources[index][1]
    return sources[index - 1][1] if index else None


def _same_statement(sentence: str, end: int, position: int, language: str) -> bool:
    """Is nothing but the same statement between a figure's end and a source named at ``position``?"""
    if position - end > _SOURCE_REACH:
        return False
    gap = sentence[end:position]
    return ";" not in gap and not set(re.findall(r"\w+", gap.lower())) & set(_data(language).get("source_breaks", []))


def _trim_phrase(text: str) -> str:
    """A name without the connector or punctuation it was cut at; an abbreviation keeps its dot ("U.S.")."""
    text = re.sub(r"(?<!\b[A-Z])\.$", "", text.strip(" ,;:")).strip()
    return re.sub(r"\s+(?:(?:of|for|and|on|against|de|del|para|contra|y|e)(?:\s+(?:the|la|las|los|el))?|the|la|las|los)$",
                  "", text).strip()


@dataclass(frozen=True)
class _Time:
    """A time a sentence names: where, the period it gives (None when the text does not give its
    year: "this year", "since 2021"), and where the cue starts that makes it the time a figure
    is compared with ("than in 2023"; None when there is none)."""

    start: int
    end: int
    period: Period | None
    cue: int | None


@dataclass(frozen=True)
class _Timeline:
    """The times of a sentence, with where each starts, and those no figure is compared with, with
    where each ends: each figure finds its own by bisecting."""

    times: list[_Time]
    starts: list[int]
    plain: list[_Time]
    ends: list[int]


def _times(sentence: str, language: str) -> _Timeline:
    """Every time a sentence names, in order; a span wins over the points inside it ("between July and September 2023")."""
    taken: list[_Time] = []
    for pattern, read in _time_readers(sentence, language):
        found = []
        for match in pattern.finditer(sentence):
            check()
            readable, period = read(match, language)
            if readable:
                found.append(_Time(match.start(), match.end(), period, _cue(sentence, match.start(), language)))
        taken = _merged(taken, found)
    plain = [time for time in taken if time.cue is None]
    return _Timeline(taken, [time.start for time in taken], plain, [time.end for time in plain])


def _time_readers(sentence: str, language: str) -> list[tuple[re.Pattern[str], Callable[..., tuple[bool, Period | None]]]]:
    """The time patterns worth scanning ``sentence`` with, in the order they win over each other.

    Every time holds a year's digits, a month or a year named in words ("last year"), and a part
    of a year its word ("quarter") or abbreviation ("Q2"): a sentence without them skips the
    scans (four of them cost as much as reading its figures), found by cheap scans of its lowered text."""
    readers = [(_range_pattern(language), _read_range), (_part_pattern(language), _read_part),
               (_YEAR_SPAN, _read_year_span), (_point_pattern(language), _read_point)]
    folded = _folded(sentence)
    if folded is None:
        return readers
    if not _folded_gate(language, r"(?:1[89]|20)\d\d|\b(?:@months@|@relative_years@)\b").search(folded):
        return []
    if not _folded_gate(language, r"\b(?:@year_parts@)").search(folded) and not _part_abbreviation(language).search(sentence):
        del readers[1]
    return readers


@lru_cache(maxsize=None)
def _part_abbreviation(language: str) -> re.Pattern[str]:
    """"Q2", "H1": a part of a year abbreviated (case-sensitive); a pattern that never matches where a language has none."""
    abbreviations = _data(language).get("year_part_abbreviations", {})
    return re.compile(rf"(?:{alternation(sorted(abbreviations, key=len, reverse=True))})[1-4]" if abbreviations else r"(?!)")


def _merged(taken: list[_Time], found: list[_Time]) -> list[_Time]:
    """``taken`` with each of ``found`` that overlaps none of it, in order: one pass over both."""
    merged: list[_Time] = []
    index = 0
    for time in found:
        while index < len(taken) and taken[index].end <= time.start:
            merged.append(taken[index])
            index += 1
        if index == len(taken) or taken[index].start >= time.end:
            if not merged or merged[-1].end <= time.start:
                merged.append(time)
    return merged + taken[index:]


def _period(timeline: _Timeline, sentence: str, start: int, end: int, language: str) -> Period | None:
    """When a figure holds: the time right after it in its clause ("rose 5% in 2023", "31 in 2014, 27 in
    2015 and 24 in 2016"), else the last one before it; never a time it is compared with ("12% more
    than in 2023"; but "3% in 2024 versus 2.1% in 2023": 2.1% holds in 2023), and none when that
    time has no year given ("this year")."""
    index = bisect_left(timeline.starts, end)
    after = timeline.times[index] if index < len(timeline.times) else None
    if after and _same_clause(sentence[end:after.start], language) and (after.cue is None or after.cue < end):
        return after.period
    before = bisect_right(timeline.ends, start)
    return timeline.plain[before - 1].period if before else None


def _same_clause(gap: str, language: str) -> bool:
    """Is a time after a figure still in its clause: a few words, no punctuation or new clause between, and
    another figure only when it is the level reached ("rose 12% to $5 billion in 2023"), not the one it
    rose from ("to 7% from 5% in 2022": 2022 is the time of 5%)?"""
    data = _data(language)
    words = set(re.findall(r"[^\W\d_]+\.?", gap.lower()))
    return len(gap.split()) <= _TIME_GAP_WORDS and not re.search(r"[,;:]", gap) \
        and not words & set(data.get("clause_breaks", [])) \
        and not (re.search(r"\d", gap) and words & set(data.get("baseline_words", [])))


def _cue(sentence: str, start: int, language: str) -> int | None:
    """Where the cue starts that makes the time at ``start`` one a figure is compared with: "than the same
    week in 2019", "frente al 2020" (a few words before it, in its clause), "than 2019" (right before
    it). "more than 500 in 2023" is a qualifier, and "more than doubled in 2023" no comparison."""
    pattern = _lexicon_pattern(language, r"\b(?:(?:@comparison_cues@)(?!\s*(?:(?:@currency_symbols@)\s?)?\d)"
                                         rf"(?:\s+[^\s,;:]+){{0,{_TIME_GAP_WORDS - 2}}}?|(?:@comparison_cues_adjacent@))\s+$")
    match = pattern.search(sentence, max(0, start - _CONTEXT_CHARS // 2), start)
    return match.start() if match else None


@lru_cache(maxsize=None)
def _point(language: str, name: str, year_optional: bool) -> str:
    """A point in time as the language writes it ("April 1, 2024", "el 1 de enero de 2024", "2024", "this year"),
    its groups prefixed with ``name``; a month may go without its year only in a span ("between July and September 2023")."""
    links = r"(?:(?:@date_links@)\s+)?"
    day = r"\d{1,2}(?:st|nd|rd|th|º)?"
    month = (rf"(?:(?<![\d.,])(?P<{name}day>{day})\s+{links})?\b(?P<{name}month>@months@)\b\.?"
             rf"(?:\s+(?P<{name}mday>{day})\b(?![.,]?\d))?")
    with_year = rf"{month}(?:,?\s+{links}(?:(?:@articles@)\s+)?(?:{_year(name)}))" + ("?" if year_optional else "")
    return rf"(?:\b(?:@articles@)\s+)?(?:{with_year}|{_year(name + 'lone')})"


def _year(name: str) -> str:
    """A year in digits, or named without them ("this year", "el año pasado") when no digits follow."""
    return rf"(?P<{name}year>{_YEAR_DIGITS})|(?P<{name}relative>\b(?:@relative_years@)\b(?!\s+{_YEAR_DIGITS}))"


@lru_cache(maxsize=None)
def _range_pattern(language: str) -> re.Pattern[str]:
    """"between July and September 2023", "de 2019 a 2021", "desde el 3 de marzo hasta el 15 de mayo de 2022"."""
    return _lexicon_pattern(language, rf"\b(?:@period_openers@)\s+{_point(language, 'a', True)}"
                                      rf"\s*(?:@period_joiners@)\s*{_point(language, 'b', True)}")


@lru_cache(maxsize=None)
def _part_pattern(language: str) -> re.Pattern[str]:
    """"the first quarter of 2024", "el segundo semestre de este año", "Q2 2024"."""
    year = rf"(?:(?:@date_links@)\s+)?(?:(?:@articles@)\s+)?(?:(?P<year>{_YEAR_DIGITS})|(?P<relative>\b(?:@relative_years@)\b))"
    opening = r"(?:\b(?P<open>@open_periods@)\s+(?:(?:@articles@)\s+)?)?"
    part = r"\b(?P<order>@part_orders@)\s+(?P<part>@year_parts@)"
    if _data(language).get("year_part_abbreviations"):
        part += r"|\b(?-i:(?P<abbreviation>@year_part_abbreviations@))(?P<number>[1-4])"
    return _lexicon_pattern(language, rf"{opening}(?:{part})\s+{year}")


@lru_cache(maxsize=None)
def _point_pattern(language: str) -> re.Pattern[str]:
    """One point in time with its year, or "since"/"hasta" a point (a period open at one end).

    Every branch opens at a word boundary or a digit; testing that first turns most positions away
    after one check instead of one per branch (a third of the scan)."""
    return _lexicon_pattern(language, rf"(?:(?=\d)|\b)(?:\b(?P<open>@open_periods@)\s+)?{_point(language, 'p', False)}")


def _read_range(match: re.Match[str], language: str) -> tuple[bool, Period | None]:
    """A span with a year at one end at least; the other end takes it ("from December to March 2024"
    starts in 2023). An end named without its year ("de este año") leaves the span without a period."""
    first, last = _bound(match, "a", language), _bound(match, "b", language)
    if first is None or last is None or not (first[0] or last[0] or first[2] or last[2]):
        return False, None
    if first[2] or last[2]:
        return True, None
    wraps = int(bool(first[1] and last[1] and first[1][:2] > last[1][:2]))  # "from December to March"
    first_year, last_year = first[0] or str(int(last[0]) - wraps), last[0] or str(int(first[0]) + wraps)
    if (first_year, first[1]) > (last_year, last[1]):
        return False, None
    return True, Period(_iso(first_year, first[1]), _iso(last_year, last[1]))


def _read_point(match: re.Match[str], language: str) -> tuple[bool, Period | None]:
    """A month, a day or a year with its year given; "since 2021" or "this year" give no period."""
    point = _bound(match, "p", language)
    if point is None:
        return False, None
    if match.group("open") or point[2]:
        return True, None
    return True, Period(_iso(point[0], point[1]), _iso(point[0], point[1]))


def _bound(match: re.Match[str], name: str, language: str) -> tuple[str, str, bool] | None:
    """(year or "", "MM" or "MM-DD" or "", whether the year is named without digits) of one end of a
    time; None when it is no time ("may" in lower case is a verb in English)."""
    month_name = match.group(f"{name}month")
    if month_name and month_name.islower() and _data(language).get("months_capitalised"):
        return None
    year = match.group(f"{name}year") or match.group(f"{name}loneyear") or ""
    relative = bool(match.group(f"{name}relative") or match.group(f"{name}lonerelative"))
    if not month_name:
        return year, "", relative
    month = _month_numbers(language)[month_name.lower().rstrip(".")]
    day = re.match(r"\d+", match.group(f"{name}day") or match.group(f"{name}mday") or "")
    month_day = f"{month:02d}-{int(day.group(0)):02d}" if day and 0 < int(day.group(0)) <= 31 else f"{month:02d}"
    return year, month_day, relative


def _iso(year: str, month_day: str) -> str:
    """An ISO year, month or date; a day the month does not have keeps the month only."""
    if len(month_day) > 2:
        try:
            return date(int(year), int(month_day[:2]), int(month_day[3:])).isoformat()
        except ValueError:
            month_day = month_day[:2]
    return f"{year}-{month_day}" if month_day else year


def _read_part(match: re.Match[str], language: str) -> tuple[bool, Period | None]:
    """"the second quarter of 2024" → April to June 2024; the last part counts back from December."""
    data = _data(language)
    if match.groupdict().get("abbreviation"):
        length, order = data["year_part_abbreviations"][match.group("abbreviation")], int(match.group("number"))
    else:
        length, order = data["year_parts"][match.group("part").lower()], data["part_orders"][match.group("order").lower()]
    order = 12 // length if order == -1 else order
    if order * length > 12:
        return False, None
    if match.group("relative") or match.group("open"):
        return True, None
    year = match.group("year")
    return True, Period(f"{year}-{(order - 1) * length + 1:02d}", f"{year}-{order * length:02d}")


def _read_year_span(match: re.Match[str], language: str) -> tuple[bool, Period | None]:
    """"2022-23", "2019–2021", "2023/24": a span of years, the second after the first."""
    first, second = match.group(1), match.group(2)
    if len(second) == 2:
        second = str(int(first[:2] + second) + (100 if second <= first[2:] else 0))
    return (True, Period(first, second)) if first < second <= str(int(first) + 10) else (False, None)


@lru_cache(maxsize=None)
def _month_numbers(language: str) -> dict[str, int]:
    return {name: number for number, spellings in enumerate(lexicon.load(language, "dates").get("months", []), start=1)
            for name in spellings}


def _subject(sentence: str) -> str | None:
    for match in re.finditer(r"\b([A-ZÁÉÍÓÚÑ][\w.]+(?:\s+[A-ZÁÉÍÓÚÑ][\w.]+)?)(?=’s|'s|\b)", sentence):
        for candidate in (match.group(1), match.group(1).split()[0]):
            if is_place(candidate):
                return candidate
    return None


def _measure(sentence: str, start: int, end: int, language: str) -> str | None:
    """What a figure measures: "Ecuador’s homicide rate rose to 45…", "a 170 percent increase in X"."""
    before, after = _before(sentence, start), _after(sentence, end)
    nouns = _alternation(language, "measure_change_nouns")
    match = re.match(rf"\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:in|of|en|de|del)\s+((?:[\w’'-]+\s?){{1,6}}?)(?=\s+(?:from|in|since|has|have|to|en|desde|entre|que)\b|[,.;]|$)",
                     after, re.I)
    if match:
        return match.group(1).strip()
    match = re.match(r"\s+(?:of|del|de)\s+(?:its|their|the|el|la|su|sus)?\s*((?:[\w’'-]+\s?){1,4}?)(?=[,.;]|\s+(?:based|in|en|that|que)\b|$)",
                     after, re.I)
    if match and match.group(1).strip()[:1].isupper():
        return match.group(1).strip()
    verbs = _alternation(language, "measure_verbs")
    match = re.search(rf"(?:’s|'s)\s+((?:[a-z][\w-]*\s){{1,3}}?)(?:{verbs})(?:\s+\w+)?\s+(?:to\s+|a\s+)?(?:\S+\s+)?$", before)
    if match:
        return match.group(1).strip()
    return None


def _readings(sentence: str, language: str, dollar: str | None = None,
              comma_decimal: bool = False) -> list[tuple[int, int, _Reading]]:
    """Every figure in a sentence as (text start, text end, reading), ranges and composite numbers folded into one.

    ``dollar`` is the money a bare "$" stands for where the text is set; ``comma_decimal`` says the
    text's other numbers write decimals with a comma ("1,434 millones" is then 1.434 million).
    """
    data = _data(language)
    found = _spelled_out(sentence, language)
    # Spelled-out figures in reading order, with how far the furthest of them so far reaches, and
    # which figures are rates: looked up per number without a pass over every figure before it.
    spelled_starts = [start for start, _, _ in found]
    spelled_reach = list(accumulate((end for _, end, _ in found), max))
    rates = [index for index, (_, _, reading) in enumerate(found) if _is_rate_per_population(reading)]
    skip_until = -1
    for match in _number(language).finditer(sentence, _first_number_start(sentence)):
        check()  # a "sentence" may be a wall of ten thousand numbers
        spelled_before = bisect_right(spelled_starts, match.start())
        if match.start() < skip_until or (spelled_before and spelled_reach[spelled_before - 1] > match.start()):
            continue
        digits, suffix = match.group("digits"), match.group("suffix") or ""
        scale, scale_length, scale_money = _scale(_after(sentence, match.end()), suffix, language)
        value = _decimal(digits, language, match.group("fraction") or "", comma_decimal and scale != 1)
        if value is None or _is_excluded(sentence, match.start(), match.end(), suffix, value, language):
            continue
        if suffix and scale == 1:
            continue  # "G20", "4x": letters glued to a number that are not a scale
        start, end, last_scale = match.start(), match.end() + scale_length, scale
        while group := _next_group(sentence, end, value, scale, language):  # "38 mil 455 millones"
            value, scale, end, last_scale, money = group
            scale_money = money or scale_money
        words_before = _group_before(_before(sentence, start), value, scale, language)  # "dos mil 200", "mil 977"
        if words_before:
            value, scale, length = words_before
            start -= length
        subunit = _lexicon_pattern(language, r"\s+(@subunits@)\b").match(sentence, end)
        if subunit:  # "38 cents"
            value *= Decimal(str(data["subunits"][subunit.group(1).lower()]))
            unit, currency, per, end = "currency", None, None, subunit.end()
        else:
            unit, currency, per, unit_length = _unit(_after(sentence, end), language)
            if unit == "currency" and last_scale == 1 and value == value.to_integral_value() \
                    and _lexicon_pattern(language, r"\s+(?:@currency_words_also_people@)\b").match(sentence, end):
                unit, currency = "count", None  # "77 bolivianos" deported are people; "7.8 bolivianos" is a price
            end += unit_length
        symbol, symbol_start = _currency_before(_before(sentence, start), language)
        symbol_start += max(0, start - _CONTEXT_CHARS)
        sign = (dollar if symbol == "$" and dollar else data["currency_symbols"][symbol] or None) if symbol else None
        if scale_money and unit == "count":
            unit, currency = "currency", scale_money  # "6.8 mil mdd"
        if symbol and (unit in ("count", "currency") or (unit == "rate" and not (per or "").isdigit())):
            unit, currency, start = "currency", currency or sign, symbol_start  # "NZ$120 a week" is money, paid weekly
        if unit == "count" and scale == 1 and digits.isdigit() and _names_a_number(_before(sentence, start)) \
                and not _counts_something(_before(sentence, start), _after(sentence, end), language):
            continue  # "S&P 500", "FTSE 100"
        if unit in ("count", "volume", "mass"):
            per = _period_before(_before(sentence, start), language)  # "output per day is 2m barrels"
            unit = "rate" if per else unit
        bound = _upper_bound(sentence, start, end, language)
        if not bound and unit == "count" and scale == 1 and not _dated_year(digits, _before(sentence, start), language):
            unit, currency, per, bound = _paired(sentence, start, end, language)
        if bound:
            lower_words = sentence[match.end():match.end() + scale_length].strip().lower()
            end, scale, unit, currency, per = _with_upper_bound(sentence, bound, scale, last_scale, lower_words,
                                                                (unit, currency, per), language)
            if symbol and unit in ("count", "currency"):
                unit, currency = "currency", currency or sign
        grouped = "," in digits or "." in digits  # "in 2,018": a year written with a thousands mark
        is_year = _YEAR.fullmatch(re.sub(r"[.,]", "", digits)) and scale == 1 \
            and (not grouped or _after_year_word(_before(sentence, start), language)) \
            and not _counts_something(_before(sentence, start), _after(sentence, end), language)
        if unit == "count" and scale == 1 and value < 1 and value != 0:
            unit = "other"  # "la tasa de cobertura es 0,87": a bare fraction of one is a ratio or an index, not a count
        if unit == "count" and (is_year or (value < _SMALLEST_BARE_COUNT and scale == 1)):
            continue
        skip_until = max(skip_until, end)  # "per 100,000 people": the denominator is part of this figure
        if _lexicon_pattern(language, r"\s+(?:@per_currency@)\b").match(sentence, end):
            continue  # "18.5 pesos per dollar": an exchange rate
        unit, per = _points_unit(sentence, start, found, rates, unit, per, language)
        found.append((start, end, _Reading((value * scale).normalize(), unit, currency, per, last_scale != 1,
                                           bool(subunit))))
        if _is_rate_per_population(found[-1][2]):
            rates.append(len(found) - 1)
    return sorted(found, key=lambda item: item[0])


def _first_number_start(sentence: str) -> int:
    """Where the first number of a sentence may start: at its first digit, or the dot right before it
    (".75"); past the end when it has no digit. The number pattern opens with look-behinds, which the
    regex engine cannot skip ahead with, so most of its scan of a sentence was over text before any digit."""
    digit = _DIGIT.search(sentence)
    return max(0, digit.start() - 1) if digit else len(sentence)


def _next_group(sentence: str, position: int, value: Decimal, scale: Decimal,
                language: str) -> tuple[Decimal, Decimal, int, Decimal, str | None] | None:
    """The next group of the same number after a scale word: "38 mil | 455 millones", "5 millones | 400 mil".

    (value, scale, end, the group's own scale, the money its scale names), or None.
    """
    gap = re.match(r"\s+", sentence[position:position + 3])
    if scale == 1 or not gap:
        return None
    match = _number(language).match(sentence, position + gap.end())
    if not match or match.group("suffix") or match.group("fraction"):
        return None
    group = _decimal(match.group("digits"), language)
    group_scale, length, money = _scale(_after(sentence, match.end()), "", language)
    combined = joined(value, scale, group, group_scale) if group is not None else None
    if combined is None:
        return None
    return combined[0], combined[1], match.end() + length, group_scale, money


def _group_before(before: str, value: Decimal, scale: Decimal, language: str) -> tuple[Decimal, Decimal, int] | None:
    """A group written in words before the digits ("dos mil 200", "un millón 800 mil", "mil 977"):
    (value, scale, how many characters back it starts), or None."""
    data = _data(language)
    match = _lexicon_pattern(language, r"(?:\b(@number_words@)\s+)?\b(@scales@)\s+$").search(before, max(0, len(before) - 40))
    if not match or len(match.group(2)) <= 2:
        return None
    if match.group(1):
        first = Decimal(str(data["number_words"][match.group(1).lower()]))
    elif match.group(2).lower() in data.get("standalone_scales", []) and not before[:match.start()].rstrip()[-1:].isdigit():
        first = Decimal(1)
    else:
        return None
    combined = joined(first, Decimal(data["scales"][match.group(2).lower()]), value, scale)
    return (combined[0], combined[1], len(before) - match.start()) if combined else None


def _names_a_number(before: str) -> bool:
    """"the S&P 500", "el Ibex 35": a capitalized word inside the sentence, not a place, names the number after it."""
    match = re.search(r"[^\W\d_]\s+([A-ZÁÉÍÓÚÑ][\w&.’'-]*)\s+$", before[-_TAIL:])
    return match is not None and not is_place(match.group(1))


def _paired(sentence: str, start: int, end: int,
            language: str) -> tuple[str, str | None, str | None, tuple[int, Decimal, str] | None]:
    """A bare number joined to one with a unit: "12 to 18 percent" is a range (unit "count", the bound);
    "from 12 to 18 percent" is two figures, the first in the unit of the second (that unit, no bound)."""
    bound = _upper_bound(sentence, start, end, language, opened=True)
    unit, currency, per, _ = _unit(_after(sentence, bound[0]), language) if bound else ("count", None, None, 0)
    if not bound or unit in ("count", "duration"):
        return "count", None, None, None  # "every 2 to 7 years" is narrative
    if _lexicon_pattern(language, r"\b(?:@change_openers@)\s+(?:(?:@currency_symbols@)\s?)?$").search(sentence[max(0, start - _TAIL):start]):
        return unit, currency, per, None
    return "count", None, None, bound


def _upper_bound(sentence: str, start: int, end: int, language: str,
                 opened: bool = False) -> tuple[int, Decimal, str] | None:
    """A range after a figure ("52-55", "entre el 15% y 25%", "between $2 and $3 billion"):
    (end of the upper bound's number and scale, its scale, its scale words), or None. A word joins
    two numbers into a range only after "between"/"entre", unless the caller has ``opened`` it."""
    joiner = _lexicon_pattern(language, r"\s*(@range_joiners@)\s*(?:(?:@currency_symbols@)\s?)?\d[\d.,]*").match(sentence, end)
    if not joiner:
        return None
    if joiner.group(1).isalpha() and not opened and not _lexicon_pattern(
            language, r"\b(?:@range_openers@)\s+(?:(?:@articles@)\s+)?(?:(?:@currency_symbols@)\s?)?$").search(sentence[max(0, start - _TAIL):start]):
        return None  # a word between two numbers makes a range only after "between"/"entre"
    scale, length, _ = _scale(_after(sentence, joiner.end()), "", language)
    return joiner.end() + length, scale, sentence[joiner.end():joiner.end() + length].strip().lower()


def _with_upper_bound(sentence: str, bound: tuple[int, Decimal, str], scale: Decimal, last_scale: Decimal,
                      lower_words: str, reading: tuple[str, str | None, str | None],
                      language: str) -> tuple[int, Decimal, str, str | None, str | None]:
    """(end, scale, unit, currency, per) of a range read as its lower bound with the upper bound's scale
    ("entre seis mil y 9 mil millones": the lower bound's "mil" is the start of "mil millones")."""
    end, upper_scale, upper_words = bound
    unit, currency, per = reading
    if upper_scale != 1 and (scale == 1 or (last_scale == scale and upper_words.startswith(lower_words + " "))):
        scale = upper_scale
    more, more_currency, more_per, length = _unit(_after(sentence, end), language)
    if unit == "count" or more == unit:
        unit, currency, per = more, more_currency or currency, more_per or per
        end += length
    return end, scale, unit, currency, per


def _dated_year(digits: str, before: str, language: str) -> bool:
    """"rose in 2020 to 9 gigawatts": a year after a preposition of time starts no range ("from 2000 to
    3000 units" still may)."""
    data = _data(language)
    previous = before.split()[-1].lower() if before.split() else ""
    return bool(_YEAR.fullmatch(digits)) and previous in data.get("year_prepositions", []) \
        and previous not in data.get("change_openers", []) + data.get("range_openers", [])


def _after_year_word(before: str, language: str) -> bool:
    """"in 2,018", "el 2.018": the word before a grouped number makes it a year ("up to 2,000" stays a count)."""
    previous = before.split()[-1].lower() if before.split() else ""
    return previous in _data(language).get("grouped_year_words", [])


def _counts_something(before: str, after: str, language: str) -> bool:
    """"1817 denuncias" counts complaints; "en 2024", "2018 and 2019", "the 2016 election", "2025 será" are years."""
    data = _data(language)
    previous = before.split()[-1].lower() if before.split() else ""
    following = re.match(r"\s+([^\W\d_]+)", after)
    stopwords = set(lexicon.words(language, "language", "stopwords"))
    if not following or not following.group(1).islower() or following.group(1) in stopwords \
            or previous in data.get("year_prepositions", []) or previous in data.get("articles", []):
        return False
    noun = following.group(1)
    return noun.endswith(tuple(data.get("plural_endings", []))) or noun in data.get("irregular_plurals", [])


def _is_rate_per_population(reading: _Reading) -> bool:
    return reading.unit == "rate" and (reading.per or "").isdigit()


def _points_unit(sentence: str, start: int, found: list[tuple[int, int, _Reading]], rates: list[int], unit: str,
                 per: str | None, language: str) -> tuple[str, str | None]:
    """Points move what was named before them: a rate's points are the rate ("90 per 100,000 … fell 11 points"),
    and the level an index moved to is in points too ("fell 420 points to 17,950"). ``rates``: which of
    ``found`` are rates per population, so the last one before ``start`` is found without a pass."""
    if unit == "other" and _lexicon_pattern(language, r"\d[\d.,]*\s+(?:@index_points@)\b").search(sentence, start, start + 60):
        rate = next((found[index][2].per for index in reversed(rates) if found[index][0] < start), None)
        return ("rate", rate) if rate else (unit, per)
    previous = next((item for item in reversed(found) if item[0] < start), None) if unit == "count" else None
    if previous and previous[2].unit == "other" \
            and _lexicon_pattern(language, r"\s+(?:@level_markers@)\s+$").match(sentence[previous[1]:start]):
        return "other", None
    return unit, per


def _spelled_out(sentence: str, language: str) -> list[tuple[int, int, _Reading]]:
    """"five billion tonnes", "un millón de litros", "one percent", "half a million", "entre seis mil y 9 mil millones"."""
    found: list[tuple[int, int, _Reading]] = []
    folded, scale_or_percent = _folded(sentence), r"(?:@scales@|@percent@)\b"
    followed = (_lexicon_pattern(language, scale_or_percent).search(sentence) if folded is None
                else _folded_gate(language, scale_or_percent).search(folded))
    if not followed:
        return found  # every spelled-out figure is followed by one: one cheap scan instead of the number words'
    data = _data(language)
    pattern = _lexicon_pattern(language, r"\b(@number_words@)(\s+a)?\s+(?=(?:@scales@|@percent@)\b)")
    for match in pattern.finditer(sentence):
        value = Decimal(str(data["number_words"][match.group(1).lower()]))
        scale, scale_length, money = _scale(" " + _after(sentence, match.end()), "", language)
        end = match.end() - 1 + scale_length
        if _next_group(sentence, end, value, scale, language):
            continue  # "un millón 800 mil": read with its digits
        unit, currency, per, unit_length = _unit(_after(sentence, end), language)
        if money and unit == "count":
            unit, currency = "currency", money
        if unit == "count" and scale == 1:
            continue
        end += unit_length
        bound = _upper_bound(sentence, match.start(), end, language)
        if bound:
            lower_words = sentence[match.end():match.end() - 1 + scale_length].strip().lower()
            end, scale, unit, currency, per = _with_upper_bound(sentence, bound, scale, scale, lower_words,
                                                                (unit, currency, per), language)
        found.append((match.start(), end, _Reading((value * scale).normalize(), unit, currency, per, scale != 1)))
    return found


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def find_statistics(text: str, language: str, context: str = "") -> list[Statistic]:
    """Every figure in one paragraph, in reading order; ``cited_by`` is left to the caller.

    ``context`` is more of the article (its title, other paragraphs): the country it names says
    what a bare "$" is, and its numbers say whether a comma is a decimal mark.
    """
    statistics: list[Statistic] = []
    dollar = _dollar_sign(text, language) or _dollar_sign(context, language)
    comma_decimal = _data(language).get("decimal_mark") == "," and bool(comma_is_decimal(text) or _comma_is_decimal(context))
    names = partial(_names_in, text, context)
    for sentence in split_sentences(text):
        check()
        readings = _readings(sentence, language, dollar, comma_decimal)
        if not readings:
            continue
        sources, subject = _sources(sentence, language, names), _subject(sentence)
        positions = [position for position, _ in sources]
        times = _times(sentence, language)
        money = next((reading.currency for _, _, reading in readings if reading.currency), None)
        previous: tuple[int, str | None] = (-1, None)
        for start, end, reading in readings:
            if reading.subunit and not reading.currency:
                reading = replace(reading, currency=money or _data(language).get("subunit_currency") or None)
            elif reading.unit == "count" and reading.scaled and money:
                # "De los 9.120 millones de dólares…, 7.580 millones correspondieron…": still dollars
                reading = _Reading(reading.value, "currency", money, None, True)
            statistics.append(Statistic(
                text=_with_qualifier(sentence, start, end, language),
                value=_plain(reading.value),
                unit=reading.unit,
                currency=reading.currency,
                per=reading.per,
                qualifier=previous[1] if _converts(sentence, previous[0], start) else _qualifier(_before(sentence, start), language),
                change=_change(_before(sentence, start), _after(sentence, end), language),
                measure=_measure(sentence, start, end, language),
                subject=subject,
                period=_period(times, sentence, start, end, language),
                source=_source_of(sources, positions, sentence, end, language),
                sentence=sentence,
            ))
            previous = (end, statistics[-1].qualifier)
    return statistics


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _comma_is_decimal(context: str) -> bool | None:
    """``comma_is_decimal`` of an article's context, which every paragraph of the article asks again."""
    return comma_is_decimal(context)


def _converts(sentence: str, previous_end: int, start: int) -> bool:
    """"about 800 km (500 miles)": a figure in brackets right after another is the same one converted."""
    return previous_end >= 0 and re.fullmatch(r"\s*\(\s*", sentence[previous_end:start]) is not None


@lru_cache(maxsize=_REMEMBERED_TEXTS)
def _dollar_sign(text: str, language: str) -> str | None:
    """The money a bare "$" is where the text names a country that writes its own money so ("$20 billones" in Colombia).
    Remembered: every paragraph of an article asks it of the same context."""
    countries = _data(language).get("dollar_sign_countries", {})
    match = _lexicon_pattern(language, r"\b(@dollar_sign_countries@)\b", 0).search(text) if countries else None
    return countries[match.group(1)] if match else None


def _with_qualifier(sentence: str, start: int, end: int, language: str) -> str:
    """The figure's text including the qualifier that governs it ("more than $12 billion")."""
    before = sentence[max(0, start - _WINDOW):start]
    for _, phrases in _qualifier_phrases(language):
        phrase = _ends_with(re.sub(r"\s+(?:the|a|an|los|las|el|la|un|una)$", "", before.rstrip(), flags=re.I), phrases)
        if phrase:
            position = before.lower().rfind(phrase)
            return (before[position:] + sentence[start:end]).strip()
    return sentence[start:end].strip()

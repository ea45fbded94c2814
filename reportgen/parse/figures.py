"""Figures in running text: exact values with unit, qualifier, change and source.

A figure is a number (digits with the language's separators, or a number word
with a scale) plus what follows it (scale word, percent, currency, unit, "per
day"), and what precedes it (currency sign, "more than"). Everything that
tells one from another is data in ``lexicon/<language>/figures.toml``.
Values are kept as exact decimal strings; a float never touches them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from .. import lexicon
from ..model import Statistic
from .budget import check
from .people import is_place
from .sentences import split_sentences

_NUMBER = re.compile(
    r"(?<![\w.,/-])(?P<digits>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?P<suffix>[A-Za-z]{1,2})?(?![\w])"
)
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
_CAPITALIZED_PHRASE = re.compile(
    r"(?:[A-ZÁÉÍÓÚÑ][\w.’'&-]*|\([A-Z]{2,}\))(?:\s+(?:(?:of|for|and|on|the|de|del|la|las|los|y|e)\s+)?"
    r"(?:[A-ZÁÉÍÓÚÑ][\w.’'&-]*|\([A-Z]{2,}\)))*"
)
_GLUED_THOUSAND = re.compile(r"\b(\w+)\s+(mil|thousand)\s+$", re.IGNORECASE)
_ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")
_SMALLEST_BARE_COUNT = 10
_WINDOW = 40
_CONTEXT_CHARS = 160  # how far around a number its unit, qualifier and change are looked for


@dataclass(frozen=True)
class _Reading:
    """What the words after a number say about it."""

    value: Decimal
    unit: str
    currency: str | None
    per: str | None
    scaled: bool  # written with a scale word ("11.243 millones")


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
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def _starts_with(text: str, phrases: list[str] | tuple[str, ...]) -> str | None:
    """The longest of ``phrases`` that ``text`` starts with as whole words."""
    lowered = text.lower()
    for phrase in sorted(phrases, key=len, reverse=True):
        if lowered.startswith(phrase) and (len(lowered) == len(phrase) or not lowered[len(phrase)].isalnum()
                                           or not phrase[-1].isalnum()):
            return text[:len(phrase)]
    return None


def _ends_with(text: str, phrases: list[str] | tuple[str, ...]) -> str | None:
    lowered = text.lower().rstrip()
    for phrase in sorted(phrases, key=len, reverse=True):
        if lowered.endswith(phrase) and (len(lowered) == len(phrase) or not lowered[-len(phrase) - 1].isalnum()):
            return phrase
    return None


def _before(sentence: str, position: int) -> str:
    """The text just before ``position``: bounded, so a megabyte-long sentence stays linear."""
    return sentence[max(0, position - _CONTEXT_CHARS):position]


def _after(sentence: str, position: int) -> str:
    return sentence[position:position + _CONTEXT_CHARS]


def _decimal(digits: str, language: str) -> Decimal | None:
    """"4.307" (es) → 4307, "3,5" → 3.5, "248,901" → 248901, "1,234.5" → 1234.5."""
    if "," in digits and "." in digits:
        decimal_mark = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        groups = digits.split(mark)
        thousands = len(groups) > 2 or len(groups[-1]) == 3
        if mark == "." and language != "es" and len(groups) == 2:
            thousands = False  # English writes 1.170 for one point one seven
        decimal_mark = ("." if mark == "," else ",") if thousands else mark
    else:
        decimal_mark = "."
    other = "," if decimal_mark == "." else "."
    normalized = digits.replace(other, "").replace(decimal_mark, ".")
    try:
        return Decimal(normalized)
    except InvalidOperation:
        return None


def _scale(after: str, suffix: str, language: str) -> tuple[Decimal, int]:
    """The multiplier written after a number, and how many characters it took."""
    scales = _data(language).get("scales", {})
    if suffix and suffix.lower() in scales:
        return Decimal(scales[suffix.lower()]), 0
    match = _lexicon_pattern(language, r"\s+(@scales@)\b").match(after)
    if match and (len(match.group(1)) > 2 or match.group(1).islower()):
        return Decimal(scales[match.group(1).lower()]), match.end()
    return Decimal(1), 0


def _unit(after: str, language: str) -> tuple[str, str | None, str | None, int]:
    """(unit, currency, per, length) read from the words after a number and its scale."""
    data = _data(language)
    text = after
    match = _lexicon_pattern(language, r"\s+(@percentage_points@)\b").match(text)
    if match:
        return "percentage_points", None, None, match.end()
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
            per, length = _rate(text[match.end():], language)
            if per:
                return "rate", None, per, match.end() + length
            return family, None, None, match.end()
    per, length = _rate(text, language, population_only=True)
    if per:
        return "rate", None, per, length
    counted = re.match(r"\s+[^\W\d_]+", text)  # "80 people a day": a count of something per day
    if counted:
        per, length = _rate(text[counted.end():], language)
        if per:
            return "rate", None, per, counted.end() + length
    return "count", None, None, 0


def _rate(after: str, language: str, population_only: bool = False) -> tuple[str | None, int]:
    """"per day" → "day"; "per 100,000 people" → "100000"; within a few words."""
    match = _lexicon_pattern(language, r"\s+(?:@per_population@)\s+(\d{1,3}(?:[.,]\d{3})+|\d+)"
                                       r"(?:\s+(?:@population_words@))?").match(after)
    if match:
        denominator = _decimal(match.group(1), "es" if "." in match.group(1) else "en")
        if denominator and denominator >= 100:
            return str(int(denominator)), match.end()
    if population_only:
        return None, 0
    for per, key in (("day", "per_day"), ("year", "per_year")):
        match = _lexicon_pattern(language, rf"((?:\s+(?:of|de)\s+[\w’']+)?)\s+(@{key}@)\b").match(after)
        if match:
            return per, match.end()
    return None, 0


def _is_excluded(sentence: str, start: int, end: int, suffix: str, value: Decimal, language: str) -> bool:
    """Years, dates, times, ordinals, names with numbers and narrative durations are not figures."""
    data = _data(language)
    before, after = _before(sentence, start), _after(sentence, end)
    if suffix.lower() in _ORDINAL_SUFFIXES or after.startswith((":", "ª", "º")):
        return True
    if _lexicon_pattern(language, r"[-–]\s?(?:\d|(?:@time_words@)\b)").match(after):
        return True  # "2022-23", "September 2-4", "12-month"
    if before.endswith(("-", "/")) or _month_ends(before, language):
        return True
    if _lexicon_pattern(language, r"\s+(?:de\s+)?(?:@months@)\b").match(after):
        return True
    last_word = before.split()[-1].lower() if before.split() else ""
    if last_word in data.get("not_figure_before", []):
        return True
    if _lexicon_pattern(language, r"\s+(?:@time_words@)\b").match(after):
        # "over the next 12 months" is narrative; "the average wait was 3.4 years" is a measure
        measured = value != value.to_integral_value() or _ends_with(before, data.get("duration_cues", []))
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
    return "|".join(sorted(map(re.escape, names), key=len, reverse=True))


def _qualifier(before: str, language: str) -> str | None:
    text = re.sub(r"\s*(?:US\$|R\$|\$|€|£|USD|EUR|GBP)?\s*$", "", before)
    text = re.sub(r"\s+(?:the|a|an|los|las|el|la|un|una)$", "", text.rstrip(), flags=re.I)
    for qualifier, phrases in _data(language).get("qualifiers", {}).items():
        if _ends_with(text, phrases):
            return qualifier
    return None


@lru_cache(maxsize=None)
def _unit_patterns(language: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(unit family, pattern of its words after a number), compiled once per language."""
    return tuple(
        (family, re.compile(r"[\s-]+(?:de\s+|of\s+)?(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                            + r")\b", re.I))
        for family, words in _data(language).get("units", {}).items()
    )


@lru_cache(maxsize=None)
def _currency_symbol_pattern(language: str) -> re.Pattern[str]:
    symbols = _data(language).get("currency_symbols", {})
    return re.compile(r"(" + "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True)) + r")\s?$")


def _currency_before(before: str, language: str) -> tuple[str | None, int]:
    symbols = _data(language).get("currency_symbols", {})
    match = _currency_symbol_pattern(language).search(before)
    if match:
        return symbols[match.group(1)], match.start()
    return None, len(before)


def _change(before: str, after: str, language: str) -> str | None:
    data = _data(language)
    before = re.sub(r"\s*(?:US\$|R\$|\$|€|£)?\s*$", "", before).lower()
    if _level_pattern(language).search(before):
        return None
    for phrases in data.get("qualifiers", {}).values():
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


def _sources(sentence: str, language: str) -> list[tuple[int, str]]:
    """Every named source in a sentence with its position: "according to X", "X reported"."""
    data = _data(language)
    found: list[tuple[int, str]] = []
    articles = r"(?:(?:the|an?|el|la|los|las|un|una)\s+)?"
    reports = _alternation(language, "source_documents")
    for phrase in data.get("source_before", []):
        for match in re.finditer(rf"\b{re.escape(phrase)}\s+{articles}(?:(?:{reports})\s+(?:by|from|of|de|del)\s+{articles})?",
                                 sentence, re.I):
            clause = re.split(r"[,;:]", sentence[match.end():], maxsplit=1)[0]
            named = next((phrase.group(0) for phrase in _CAPITALIZED_PHRASE.finditer(clause)
                          if phrase.group(0).split()[0].lower() not in _date_words(language)), None)
            described = re.match(rf"((?:[\w’'-]+\s+){{1,3}}?)(?:{reports})\b", clause, re.I) \
                or re.fullmatch(r"((?:[a-z][\w’'-]*\s?){1,4})[.\s]*", clause)
            if described and (not named or clause.index(named) > described.end()):
                found.append((match.start(), described.group(1).strip()))  # "according to central bank figures"
            elif named:
                found.append((match.start(), _trim_phrase(named)))
    verbs = _alternation(language, "source_after")
    for match in re.finditer(rf"(?<![\w’'])({_CAPITALIZED_PHRASE.pattern})\s+(?:{verbs})\b", sentence):
        named = re.sub(r"^(?:The|El|La|Los|Las)\s+", "", match.group(1))
        if named.split()[0] not in ("I", "We", "He", "She", "It", "They", "Yo", "Él", "Ella"):
            found.append((match.start(), _trim_phrase(named)))
    lowercase = re.match(rf"[“\"«]?(?:The|El|La)\s+((?:[a-z][\w-]*\s+){{1,3}}?)(?:{verbs})\b", sentence)
    if lowercase:  # "The central bank estimates that…"
        found.append((0, lowercase.group(1).strip()))
    return sorted(found)


@lru_cache(maxsize=None)
def _date_words(language: str) -> frozenset[str]:
    dates = lexicon.load(language, "dates")
    return frozenset(dates.get("weekdays", [])) | frozenset(name for names in dates.get("months", []) for name in names)


def _source_of(sources: list[tuple[int, str]], end: int) -> str | None:
    """The source named after a figure in its clause, else the last one named before it."""
    after = [name for position, name in sources if position >= end]
    before = [name for position, name in sources if position < end]
    return (after or before[-1:] or [None])[0]


def _trim_phrase(text: str) -> str:
    return re.sub(r"\s+(?:of|for|and|on|the|de|del|la|las|los|y|e)$", "", text.strip(" ,.")).strip()


def _period(sentence: str) -> str | None:
    span = re.search(r"\b(?:from|between|de|entre)\s+(1[89]\d{2}|20\d{2})\s+(?:to|and|a|y|al)\s+(1[89]\d{2}|20\d{2})\b",
                     sentence)
    if span:
        return f"{span.group(1)} to {span.group(2)}"
    year = _YEAR.search(sentence)
    return year.group(1) if year else None


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


def _readings(sentence: str, language: str) -> list[tuple[int, int, _Reading]]:
    """Every figure in a sentence as (text start, text end, reading), ranges folded into one."""
    found: list[tuple[int, int, _Reading]] = []
    skip_until = -1
    for match in _NUMBER.finditer(sentence):
        check()  # a "sentence" may be a wall of ten thousand numbers
        if match.start() < skip_until:
            continue
        digits, suffix = match.group("digits"), match.group("suffix") or ""
        value = _decimal(digits, language)
        if value is None or _is_excluded(sentence, match.start(), match.end(), suffix, value, language):
            continue
        after = _after(sentence, match.end())
        scale, scale_length = _scale(after, suffix, language)
        if suffix and scale == 1:
            continue  # "G20", "4x": letters glued to a number that are not a scale
        start = match.start()
        # "dos mil 200" / "two thousand 200": a number word and "mil" before the digits
        glued = _GLUED_THOUSAND.search(_before(sentence, start)) \
            if _before(sentence, start).rstrip()[-8:].lower().endswith(("mil", "thousand")) else None
        if glued and glued.group(1).lower() in _data(language).get("number_words", {}):
            value += Decimal(str(_data(language)["number_words"][glued.group(1).lower()])) * 1000
            start = glued.start()
        unit, currency, per, unit_length = _unit(after[scale_length:], language)
        symbol, symbol_start = _currency_before(_before(sentence, start), language)
        symbol_start += max(0, start - _CONTEXT_CHARS)
        if symbol and unit in ("count", "currency"):
            unit, currency, start = "currency", currency or symbol, symbol_start
        end = match.end() + scale_length + unit_length
        is_year = not ("," in digits or "." in digits) and _YEAR.fullmatch(digits) and scale == 1 \
            and not _counts_something(_before(sentence, start), _after(sentence, end), language)
        if unit == "count" and (is_year or (value < _SMALLEST_BARE_COUNT and scale == 1)):
            continue
        joined = _lexicon_pattern(language, r"\s*(?:@range_joiners@)\s*(?:US\$|\$|€|£)?\s*(\d[\d.,]*)").match(_after(sentence, end))
        if joined and re.search(r"\b(?:" + _alternation(language, "range_openers") + r")\s+(?:US\$|\$|€|£)?\s*$",
                                _before(sentence, start), re.I):
            second_end = end + joined.end()
            second_scale, second_scale_length = _scale(_after(sentence, second_end), "", language)
            if scale == 1 and second_scale != 1:
                scale = second_scale
                second_end += second_scale_length
            if unit == "count":
                unit, currency, per, length = _unit(_after(sentence, second_end), language)
                second_end += length
                if symbol:
                    unit, currency = "currency", currency or symbol
            end = skip_until = second_end
        found.append((start, end, _Reading((value * scale).normalize(), unit, currency, per, scale != 1)))
        skip_until = max(skip_until, end)  # "per 100,000 people": the denominator is part of this figure
    found.extend(_spelled_out(sentence, language, {start for start, _, _ in found}))
    return sorted(found, key=lambda item: item[0])


def _counts_something(before: str, after: str, language: str) -> bool:
    """"1817 denuncias" counts complaints; "en 2024" and "2018 and 2019" are years."""
    previous = before.split()[-1].lower() if before.split() else ""
    following = re.match(r"\s+([^\W\d_]+)", after)
    stopwords = set(lexicon.words(language, "language", "stopwords"))
    return bool(following) and following.group(1).islower() and following.group(1) not in stopwords \
        and previous not in _data(language).get("year_prepositions", [])


def _spelled_out(sentence: str, language: str, taken: set[int]) -> list[tuple[int, int, _Reading]]:
    """"eight billion barrels", "un millón de barriles", "one percent", "half a million"."""
    found = []
    pattern = re.compile(r"\b(" + _alternation(language, "number_words") + r")(\s+a)?\s+(?=(" + _alternation(language, "scales")
                         + r"|" + _alternation(language, "percent") + r")\b)", re.I)
    for match in pattern.finditer(sentence):
        if match.start() in taken or re.match(r"\s+(?:mil|thousand)\s+\d", sentence[match.end() - 1:], re.I):
            continue
        value = Decimal(str(_data(language)["number_words"][match.group(1).lower()]))
        after = " " + _after(sentence, match.end())
        scale, scale_length = _scale(after, "", language)
        unit, currency, per, unit_length = _unit(after[scale_length:], language)
        if unit == "count" and scale == 1:
            continue
        end = match.end() - 1 + scale_length + unit_length
        found.append((match.start(), end, _Reading((value * scale).normalize(), unit, currency, per, scale != 1)))
    return found


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def find_statistics(text: str, language: str) -> list[Statistic]:
    """Every figure in one paragraph, in reading order; ``cited_by`` is left to the caller."""
    statistics: list[Statistic] = []
    for sentence in split_sentences(text):
        check()
        readings = _readings(sentence, language)
        if not readings:
            continue
        sources, period, subject = _sources(sentence, language), _period(sentence), _subject(sentence)
        money: str | None = None
        for start, end, reading in readings:
            if reading.unit == "currency":
                money = reading.currency or money
            elif reading.unit == "count" and reading.scaled and money:
                # "De los 15,405 millones de dólares…, 11.243 millones correspondieron…": still dollars
                reading = _Reading(reading.value, "currency", money, None, True)
            statistics.append(Statistic(
                text=_with_qualifier(sentence, start, end, language),
                value=_plain(reading.value),
                unit=reading.unit,
                currency=reading.currency,
                per=reading.per,
                qualifier=_qualifier(_before(sentence, start), language),
                change=_change(_before(sentence, start), _after(sentence, end), language),
                measure=_measure(sentence, start, end, language),
                subject=subject,
                period=period,
                source=_source_of(sources, end),
                sentence=sentence,
            ))
    return statistics


def _with_qualifier(sentence: str, start: int, end: int, language: str) -> str:
    """The figure's text including the qualifier that governs it ("more than $12 billion")."""
    before = sentence[max(0, start - _WINDOW):start]
    for phrases in _data(language).get("qualifiers", {}).values():
        phrase = _ends_with(re.sub(r"\s+(?:the|a|an|los|las|el|la|un|una)$", "", before.rstrip(), flags=re.I), phrases)
        if phrase:
            position = before.lower().rfind(phrase)
            return (before[position:] + sentence[start:end]).strip()
    return sentence[start:end].strip()

"""Dates and numbers for readers, through Babel's CLDR data, never by hand.

Compose calls these once per value so that no renderer ever formats a date
or a number: a renderer places the strings it is given.
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import AbstractContextManager
from decimal import Context, Decimal, InvalidOperation, getcontext, localcontext

from babel import Locale, dates, numbers

from ..model import Period, Statistic
from . import translations
from .units import cldr_unit, format_measure

_COMPACT_FROM = Decimal(1_000_000)
# Units the parser records only as a kind; the word itself is found in the
# figure's text and named through CLDR (units.py), else the text is kept.
_AS_WRITTEN = frozenset({"mass", "length", "area", "volume", "duration", "other"})
_YEAR = re.compile(r"(?:1[89]|20)\d{2}")
# CLDR interval skeletons for a period whose two bounds are months, or days (by their dashes).
_INTERVAL_SKELETONS = {(1, 1): "yMMMM", (2, 2): "yMMMMd"}
# A count per one of these periods without a unit word ("129 incidents per day") is written as
# the number and its period in the reader's words; the card's measure says what is counted.
_PER_PERIOD = frozenset({"hour", "day", "week", "month", "year"})
# A figure the article wrote with a scale word ("136 million", "2,5 millones") is written so again
# (CLDR's compact long form); one written in digits keeps its digits.
_SCALE_WORD = re.compile(r"(?<!\w)(?:million|billion|trillion|mill[oó]n(?:es)?|bill[oó]n(?:es)?|bn|mn)(?!\w)",
                         re.IGNORECASE)


def format_date(iso: str | None, language: str, style: str = "long") -> str | None:
    """``2025-12-07`` as the reader's locale writes it; a year or year-month stays that precise."""
    if not iso:
        return None
    parts = iso.split("-")
    try:
        day = dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return iso
    if len(parts) == 1:
        return str(day.year)
    if len(parts) == 2:
        return dates.format_skeleton("yMMMM", day, locale=language)
    return dates.format_date(day, style, locale=language)


def format_period(period: Period | None, language: str) -> str | None:
    """When a figure holds, in the reader's words: "2023", "2022–2023" / "de 2022 a 2023"; dates as the locale writes them."""
    if period is None:
        return None
    start, end = format_date(period.start, language), format_date(period.end, language)
    if period.start == period.end:
        return start
    skeleton = _INTERVAL_SKELETONS.get((period.start.count("-"), period.end.count("-")))
    if skeleton:  # "April – June 2024" / "abril–junio de 2024": the locale says what to write once
        bounds = [_as_date(bound) for bound in (period.start, period.end)]
        if None not in bounds:
            return dates.format_interval(bounds[0], bounds[1], skeleton, locale=language)
    # TRANSLATORS: a period from one year or date to another, e.g. "2022–2023"
    return translations(language).gettext("{start}–{end}").format(start=start, end=end)


def _as_date(iso: str) -> dt.date | None:
    parts = [int(part) for part in iso.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


def format_number(value: str | int | Decimal, language: str, compact: bool = False) -> str:
    """A decimal with the locale's separators; ``compact`` writes 12 000 000 000 as "12 billion"."""
    number = Decimal(value)
    with _precise(number):
        if compact and abs(number) >= _COMPACT_FROM:
            return numbers.format_compact_decimal(number, format_type="long", locale=language, fraction_digits=1)
        return numbers.format_decimal(number, locale=language, decimal_quantization=False)


def _precise(number: Decimal) -> AbstractContextManager[Context]:
    """A decimal context that holds every digit of ``number``: Babel rounds within the current
    context, and 1E+28 has more digits than the default 28."""
    context = getcontext().copy()
    _, digits, exponent = number.as_tuple()
    if isinstance(exponent, int):
        context.prec = max(context.prec, len(digits) + max(exponent, 0) + 4)
    return localcontext(context)


def _as_written(statistic: Statistic) -> bool:
    """Figures whose unit no catalog can name: kept in the article's own words ("400 people a day");
    and a year the parser took for a count, which never reads "2,018"."""
    if statistic.unit == "count" and _YEAR.fullmatch(statistic.text.strip()):
        return True
    if statistic.unit == "rate" and (_per_population(statistic) or statistic.per in _PER_PERIOD):
        return False
    if statistic.unit == "rate" or statistic.unit in _AS_WRITTEN:
        return cldr_unit(statistic.text, statistic.unit) is None
    return False


def _per_population(statistic: Statistic) -> bool:
    return (statistic.per or "").replace(".", "", 1).isdigit()


def format_figure(statistic: Statistic, language: str) -> str:
    """The figure of a statistic for a table cell ("more than $12 billion", "+170%")."""
    if _as_written(statistic):
        return statistic.text
    return _qualified(bare_figure(statistic, language), statistic.qualifier, language)


def figure_parts(statistic: Statistic, language: str) -> tuple[str | None, str]:
    """(qualifier words, figure) for a key-figure card that sets "more than" above "$12 billion"."""
    if _as_written(statistic):
        return None, statistic.text
    return qualifier_words(statistic.qualifier, language), bare_figure(statistic, language)


def bare_figure(statistic: Statistic, language: str) -> str:
    """The number with its unit and sign, without "more than"/"about"."""
    try:
        value = Decimal(statistic.value)
    except InvalidOperation:
        return statistic.text
    with _precise(value):
        figure = _figure(statistic, value, language)
    if statistic.change and statistic.unit in ("percent", "percentage_points"):
        symbols = Locale.parse(language).number_symbols["latn"]
        figure = (symbols["plusSign"] if statistic.change == "increase" else symbols["minusSign"]) + figure
    return figure


def _written_compact(statistic: Statistic) -> bool:
    return _SCALE_WORD.search(statistic.text) is not None


def _figure(statistic: Statistic, value: Decimal, language: str) -> str:
    _ = translations(language).gettext
    compact = _written_compact(statistic)
    if statistic.unit == "percent":
        return numbers.format_percent(value / 100, locale=language, decimal_quantization=False)
    if statistic.unit == "percentage_points":
        return _("{number} percentage points").format(number=format_number(value, language))
    if statistic.unit == "rate" and _per_population(statistic):
        return _("{number} per {base} people").format(number=format_number(value, language),
                                                      base=format_number(statistic.per, language))
    unit = cldr_unit(statistic.text, statistic.unit) if statistic.unit in _AS_WRITTEN or statistic.unit == "rate" else None
    if unit:
        measure = format_measure(value, unit, statistic.per, language)
        return _compact_measure(measure, value, language) if compact else measure
    if statistic.unit == "rate" and statistic.per in _PER_PERIOD:
        return _per_period(statistic.per, language).format(number=format_number(value, language, compact))
    if statistic.unit == "currency" and statistic.currency:
        return _money(value, statistic.currency, language, compact)
    return format_number(value, language, compact)


def _compact_measure(measure: str, value: Decimal, language: str) -> str:
    """"136 million metric tons" / "136 millones de toneladas" from CLDR's "136,000,000 metric tons":
    the unit pattern picks the plural by the value, the compact number takes the digits' place."""
    digits = format_number(value, language)
    compact = format_number(value, language, compact=True)
    if compact == digits or not measure.startswith(digits):
        return measure
    pgettext = translations(language).pgettext
    return pgettext("a compact number before its unit", "{number} {unit}").format(
        number=compact, unit=measure[len(digits):].strip())


def _per_period(per: str, language: str) -> str:
    """"{number} a day" / "{number} al día": a count per period, without its unit word."""
    _ = translations(language).gettext
    return {"hour": _("{number} an hour"), "day": _("{number} a day"), "week": _("{number} a week"),
            "month": _("{number} a month"), "year": _("{number} a year")}[per]


def _money(value: Decimal, currency: str, language: str, compact: bool) -> str:
    """"$12 billion" / "12 mil millones US$" (written so, the compact long number, the symbol where the
    locale puts it), else "$1,250,000" in digits."""
    if not compact or abs(value) < _COMPACT_FROM:
        pattern = Locale.parse(language).currency_formats["standard"].pattern
        if value == value.to_integral_value():
            pattern = pattern.replace(".00", "")
        return numbers.format_currency(value, currency, format=pattern, locale=language, currency_digits=False)
    amount = format_number(value, language, compact=True)
    symbol = numbers.get_currency_symbol(currency, locale=language)
    symbol_first = Locale.parse(language).currency_formats["standard"].pattern.lstrip().startswith("¤")
    return f"{symbol}{amount}" if symbol_first else f"{amount} {symbol}"


def qualifier_words(qualifier: str | None, language: str) -> str | None:
    """"more than", "less than", "about" in ``language``."""
    _ = translations(language).gettext
    return {"more_than": _("more than"), "less_than": _("less than"), "about": _("about")}.get(qualifier or "")


def _qualified(figure: str, qualifier: str | None, language: str) -> str:
    _ = translations(language).gettext
    templates = {"more_than": _("more than {figure}"), "less_than": _("less than {figure}"),
                 "about": _("about {figure}")}
    return templates[qualifier].format(figure=figure) if qualifier in templates else figure

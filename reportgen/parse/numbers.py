"""How digits are written: thousands and decimal marks, fractions, groups joined by a scale word.

Texts mix conventions ("248,901" and "3,5 %" in one Spanish article, "6 198" with
a space, ".75 percent"), so the digits as written are read here into an exact
Decimal, with the text around them as evidence where the marks are ambiguous.
Words (scales, number words) stay in the lexicon; ``figures`` reads them.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

SPACES = " \u00a0\u2009\u202f"  # a space, a no-break space and the thin spaces that group thousands
# Vulgar fractions with an exact decimal value, and what Latin-1 text decoded as Mac Roman makes of them
# ("6Ω%" for "6½%"): the misread sign counts only between digits and a percent sign.
_FRACTIONS = {sign: Decimal(str(unicodedata.numeric(sign))) for sign in "¼½¾⅛⅜⅝⅞"}
_MISREAD_FRACTIONS = {sign.encode("latin-1").decode("mac_roman"): _FRACTIONS[sign] for sign in "¼½¾"}
_DOT_THOUSANDS = re.compile(r"\d\.\d{3}(?![\d,])|\d,\d{1,2}(?![\d.,])")
_DOT_DECIMALS = re.compile(r"\d\.\d{1,2}(?![\d.,])|\d,\d{3},\d{3}")


@lru_cache(maxsize=None)
def number_pattern(glued_prefixes: tuple[str, ...]) -> re.Pattern[str]:
    """Digits with their separators; a currency sign that ends in a letter may touch them ("Q163")."""
    starts = "|".join([r"(?<![\w.,/:-])"] + [rf"(?<=\b{re.escape(prefix)})" for prefix in glued_prefixes])
    return re.compile(
        rf"(?:{starts})(?P<digits>\d{{1,3}}(?:[.,]\d{{3}})+(?:[.,]\d+)?|\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?!\d)(?:[.,]\d+)?"
        rf"|\d+(?:[.,]\d+)?|\.\d+)"
        rf"(?P<fraction>[{''.join(_FRACTIONS)}]|[{''.join(_MISREAD_FRACTIONS)}](?=\s?%))?"
        r"(?P<suffix>[A-Za-z]{1,2})?(?![\w])"
    )


def comma_is_decimal(text: str) -> bool | None:
    """What a text's other numbers say a lone comma is: "150.000" or "3,5" → decimal; "3.5" or "1,234,567" → not."""
    decimal, thousands = bool(_DOT_THOUSANDS.search(text)), bool(_DOT_DECIMALS.search(text))
    return decimal if decimal != thousands else None


def to_decimal(digits: str, decimal_mark: str, fraction: str = "", comma_decimal: bool = False) -> Decimal | None:
    """"4.307" (es) → 4307, "3,5" → 3.5, "248,901" → 248901, "1,234.5" → 1234.5, "6 198" → 6198, "6½" → 6.5.

    A single group of three after a comma is thousands unless ``comma_decimal`` (the text's
    other numbers say so); after a dot it is the language's decimal mark that decides.
    """
    digits = "".join(char for char in digits if char not in SPACES)
    if "," in digits and "." in digits:
        mark = "." if digits.rfind(".") > digits.rfind(",") else ","
    elif "," in digits or "." in digits:
        mark = "," if "," in digits else "."
        groups = digits.split(mark)
        thousands = len(groups) > 2 or (len(groups[-1]) == 3 and len(groups[0]) > 0)
        trailing_zero = groups[-1].endswith("0")  # "5,000 millones": nobody writes a decimal with its zeros
        if len(groups) == 2 and thousands and (mark == decimal_mark == "." or (mark == "," and comma_decimal and not trailing_zero)):
            thousands = False  # English writes 1.170 for one point one seven
        mark = ("." if mark == "," else ",") if thousands else mark
    else:
        mark = "."
    other = "," if mark == "." else "."
    try:
        value = Decimal(digits.replace(other, "").replace(mark, "."))
    except InvalidOperation:
        return None
    return value + (_FRACTIONS.get(fraction) or _MISREAD_FRACTIONS.get(fraction) or 0)


def joined(value: Decimal, scale: Decimal, group: Decimal, group_scale: Decimal) -> tuple[Decimal, Decimal] | None:
    """(value, scale) of two groups of one number, or None when they are two numbers.

    "38 mil 455 millones" = (38 thousand + 455) million; "5 millones 400 mil" = 5.4 million;
    "mil 977" = 1977. The second group is below a thousand and fills the place the first left.
    """
    if scale <= 1 or group >= 1000:
        return None
    if group_scale > scale:
        return value * scale + group, group_scale
    if group * group_scale < scale:
        return value + group * group_scale / scale, scale
    return None

"""Untrusted strings into HTML and CSS: the one escaper every page and style sheet goes through.

A brief, a theme or a font file can carry anything: control bytes a browser
draws as boxes (and a terminal obeys), ``</style>`` in a font's family name,
markup in a brand's footer, ``" onload=`` in a language code. Whatever a
pack or a review page prints passes through here, so no piece of it can end
an element, an attribute or a CSS string, or smuggle in a colour that is not
one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

# C0 controls but tab and newline, DEL, C1 controls, lone surrogates (unencodable) and the two noncharacters.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_CSS_PLAIN = re.compile(r"[\w .,-]")


def without_controls(value: str) -> str:
    """``value`` without the control characters no page should carry (tab and newline stay)."""
    return _CONTROLS.sub("", value)


def html_text(value: str) -> str:
    """``value`` as HTML text or a quoted attribute value: controls dropped, ``<>&"'`` escaped."""
    return escape(without_controls(value), quote=True)


def css_string(value: str) -> str:
    """``value`` as a double-quoted CSS string (a font family): anything but letters, digits and
    `` .,-_`` written as a six-digit escape, so it cannot close the string, the rule or ``<style>``."""
    plain = without_controls(value)
    return '"' + "".join(char if _CSS_PLAIN.fullmatch(char) else f"\\{ord(char):06x}" for char in plain) + '"'


def css_color(value: str, role: str) -> str:
    """``value`` if it is ``#RRGGBB``; else ValueError naming the theme colour ``role``."""
    if not isinstance(value, str) or not _COLOR.fullmatch(value):
        raise ValueError(f"theme colour {role!r} is {value!r}; give #RRGGBB")
    return value


@lru_cache(maxsize=64)
def language_tag(value: str) -> str | None:
    """``value`` if it names a language CLDR knows (``en``, ``es``, ``pt-BR``), else None: only
    such a tag goes into a ``lang`` attribute."""
    if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
        return None
    from babel import Locale, UnknownLocaleError

    try:
        Locale.parse(value, sep="-")
    except (UnknownLocaleError, ValueError):
        return None
    return value


def lang_attribute(value: str) -> str:
    """`` lang="…"`` for a known language, else nothing (a browser then guesses, as it does untagged)."""
    tag = language_tag(value)
    return f' lang="{tag}"' if tag else ""

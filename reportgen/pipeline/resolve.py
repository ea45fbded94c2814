"""What the options leave open, decided before planning — and what a build refuses of them.

Languages: those given (each one a catalog exists for, or ``auto``), else the
one Word packs given back were built in, else English. Theme: the one given,
else the built-in one those packs were built with, else ``default``, with a
reference .docx's styles when one is given. Date: the one given, else today,
or the day of ``SOURCE_DATE_EPOCH``. A title or subtitle is a cover line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..config import BuildOptions
from ..errors import InputError
from ..slug import printable
from .inputs import Input

if TYPE_CHECKING:
    from ..themes import Theme

AUTO = "auto"  # --lang auto: each article's detected language decides its document
MAX_TITLE_CHARS = 500  # a pack's title and subtitle: a cover line, not a paragraph (20,000 took a minute)
_MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second a date can show


class UnknownLanguage(ValueError):
    """A --lang no catalog covers; the message lists the languages there are."""


class BadOption(ValueError):
    """An option's value build() refuses (a title too long to be one); ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


def check_cover_lines(options: BuildOptions) -> None:
    """A BadOption for a title or subtitle over ``MAX_TITLE_CHARS``."""
    for option in ("title", "subtitle"):
        value = getattr(options, option)
        if value is not None and len(value) > MAX_TITLE_CHARS:
            raise BadOption(option, too_long(option, len(value)))


def too_long(option: str, length: int) -> str:
    """The one message for a title or subtitle past ``MAX_TITLE_CHARS``."""
    return (f"is {length:,} characters; a {option} is at most {MAX_TITLE_CHARS} — "
            "shorten it (put longer text in an article)")


def check_languages(langs: Iterable[str]) -> list[str]:
    """The requested languages, once each; ``auto`` means each article's own. Only a language a
    catalog exists for is accepted (a language names files and catalog paths)."""
    from babel import Locale, UnknownLocaleError

    from ..i18n import catalog_languages

    languages = list(dict.fromkeys(langs))
    for language in languages:
        if language == AUTO:
            continue
        try:
            Locale.parse(language)
        except (ValueError, TypeError, UnknownLocaleError):
            raise UnknownLanguage(f"unknown language {language[:40]!r}; give a code such as en or es, "
                                  "or auto") from None
        if language not in catalog_languages():
            raise UnknownLanguage(f"no catalog for {language!r}; reportgen speaks {', '.join(catalog_languages())} "
                                  "(add one: see examples/locale/README.md), or use auto")
    return languages


def languages_and_theme(options: BuildOptions, inputs: list[Input]) -> tuple[list[str], Theme]:
    """The languages to build in and the theme to build with: as given, else as Word packs among the
    inputs were built. Raises UnknownLanguage, or InputError for a theme or template that cannot be used."""
    from ..style import load_style

    carried_style, carried_language = _carried_options(inputs)
    languages = check_languages(options.langs or [carried_language or "en"])
    theme = load_style(options.style or carried_style or "default")
    if options.reference_docx is not None:
        from ..render.docx import check_reference_docx, reference_docx_warnings

        checked = check_reference_docx(options.reference_docx)
        theme = replace(theme, reference_docx=checked, warnings=theme.warnings + reference_docx_warnings(checked))
    return languages, theme


def _carried_options(inputs: list[Input]) -> tuple[str | None, str | None]:
    """The built-in theme and the language Word packs among the inputs were built with, when they agree
    and reportgen has them (a property naming anything else is ignored: English, the default theme)."""
    built_with = [given.kind.built_with for given in inputs if given.kind.pack_properties]
    if not built_with:
        return None, None
    from ..i18n import catalog_languages
    from ..themes import builtin_themes

    themes = {theme for theme, _ in built_with}
    languages = {language for _, language in built_with}
    builtin = {theme.name for theme in builtin_themes()}
    style = themes.pop() if len(themes) == 1 and themes <= builtin else None
    language = languages.pop() if len(languages) == 1 else None
    return style, language if language in catalog_languages() else None


def theme_fingerprint(theme: Theme) -> str:
    """The theme file and everything it names, by content: a changed logo or font rebuilds."""
    files = [theme.path, theme.logo_svg, theme.logo_png, theme.reference_docx,
             *(getattr(family, slot) for family in (theme.body_font, theme.heading_font)
               for slot in ("regular", "bold", "italic", "bold_italic"))]
    digest = hashlib.sha256()
    for file in files:
        if file is not None:
            digest.update(str(file).encode() + b"\0" + Path(file).read_bytes())
    return digest.hexdigest()


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, None when unset; anything else is one InputError (the
    reproducible-builds rule: a malformed value stops the build rather than being ignored)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) <= 12 and int(value) <= _MAX_EPOCH):
        raise InputError("SOURCE_DATE_EPOCH", f"is {printable(value[:40])!r}, not a time reportgen can use; "
                                              "give whole seconds since 1970-01-01 (such as 1765152000) or unset it")
    return int(value)


def default_date() -> str:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` so a reproducible build stamps the same date."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()

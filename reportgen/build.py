"""Build: articles in, briefing packs out — the pipeline the ``build`` command drives.

One parse per article, one compose per language, one render per format; a
file that cannot be used is recorded as a failure and the build goes on.
A wrong option (unknown format, bad theme) stops the build before anything is
parsed or written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .api import parse_file
from .errors import InputError
from .export import unique_name, write_atomic
from .model import Brief, Pack
from .resources import seed_paths
from .slug import slugify

DEFAULT_PACK_NAME = "briefing-pack"
AUTO = "auto"  # --lang auto: each article's detected language decides its pack


@dataclass(frozen=True)
class Output:
    path: Path
    format: str
    language: str
    sha256: str


@dataclass(frozen=True)
class Failure:
    path: str
    message: str


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)


def build(
    inputs: Iterable[str | Path] = (),
    formats: Iterable[str] = ("pdf",),
    langs: Iterable[str] = ("en",),
    out: str | Path = "dist",
    style: str | Path = "default",
    title: str | None = None,
    subtitle: str | None = None,
    date: str | None = None,
    pack: bool = True,
    split: bool = False,
    reference_docx: str | Path | None = None,
) -> BuildResult:
    """Parse ``inputs`` (the bundled seeds when empty) and write packs and/or per-article documents.

    ``langs`` may hold ``"auto"``: one pack per language the articles are in.
    Raises ``InputError`` for a theme or reference .docx that cannot be used,
    ``UnknownFormat`` for a format no renderer writes and ``UnknownLanguage``
    for a language without a catalog; failures of single articles are in
    ``result.errors``.
    """
    from .render import renderer_for
    from .themes import load_theme

    renderers = [renderer_for(name) for name in dict.fromkeys(formats)]
    languages = check_languages(langs)
    theme = load_theme(style)
    if reference_docx is not None:
        from .render.docx import check_reference_docx

        theme = replace(theme, reference_docx=check_reference_docx(reference_docx))
    result = BuildResult()
    briefs = _parse_all(list(inputs), result)
    if not briefs:
        return result
    pack_date = date or default_date()
    taken: set[str] = set()
    for language in languages:
        groups = _by_language(briefs) if language == AUTO else {language: briefs}
        for pack_language, group in groups.items():
            packs: list[tuple[str, Pack]] = []
            if pack:
                name = slugify(title) if title else DEFAULT_PACK_NAME
                packs.append((name, Pack(tuple(group), title or "", subtitle, pack_date, theme.name)))
            if split:
                packs += [(brief.id, Pack((brief,), brief.title, None, pack_date, theme.name)) for brief in group]
            for stem, document_pack in packs:
                result.outputs += _render(document_pack, pack_language, theme, renderers, Path(out), stem, taken)
    return result


class UnknownLanguage(ValueError):
    """A --lang no catalog covers; the message lists the languages there are."""


def check_languages(langs: Iterable[str]) -> list[str]:
    """The requested languages, once each; ``auto`` means each article's own."""
    from babel import Locale, UnknownLocaleError

    from .i18n import has_catalog

    languages = list(dict.fromkeys(langs))
    for language in languages:
        if language == AUTO:
            continue
        try:
            Locale.parse(language)
        except (ValueError, UnknownLocaleError):
            raise UnknownLanguage(f"unknown language {language!r}; give a code such as en or es, or auto") from None
        if not has_catalog(language):
            raise UnknownLanguage(f"no catalog for {language!r}; reportgen speaks en and es (add one: see "
                                  "examples/locale/README.md), or use auto")
    return languages


def _by_language(briefs: list[Brief]) -> dict[str, list[Brief]]:
    """Articles grouped by the language the parser detected, in order of first appearance."""
    groups: dict[str, list[Brief]] = {}
    for brief in briefs:
        groups.setdefault(brief.language, []).append(brief)
    return groups


def _render(pack: Pack, language: str, theme, renderers, out: Path, stem: str, taken: set[str]) -> list[Output]:
    from .compose import Brand, compose_pack
    from .i18n import translations

    if not pack.title:
        pack = Pack(pack.briefs, translations(language).gettext("Briefing pack"), pack.subtitle, pack.date, pack.theme)
    document = compose_pack(pack, language, Brand(theme.brand, theme.texts_for(language)))
    outputs = []
    for renderer in renderers:
        data = renderer.render(document, theme)
        path = out / unique_name(f"{stem}.{language}", renderer.suffix, taken)
        write_atomic(path, data)
        outputs.append(Output(path, renderer.name, language, hashlib.sha256(data).hexdigest()))
    return outputs


def _parse_all(inputs: list[str | Path], result: BuildResult) -> list[Brief]:
    briefs = []
    for path in collect_inputs(inputs, result):
        try:
            briefs.append(parse_file(path))
        except InputError as error:
            result.errors.append(Failure(error.path, error.problem))
    return briefs


def collect_inputs(inputs: list[str | Path], result: BuildResult) -> list[Path]:
    """Files as given, folders recursed for known article files; the seeds when there are none."""
    from .ingest import SUFFIXES

    if not inputs:
        return seed_paths()
    paths: list[Path] = []
    for given in map(Path, inputs):
        if not given.is_dir():
            paths.append(given)
            continue
        found = sorted(p for p in given.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not found:
            result.errors.append(Failure(str(given), f"has no article files ({' '.join(sorted(SUFFIXES))})"))
        paths += found
    return paths


def default_date() -> str:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` so a reproducible build stamps the same date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()

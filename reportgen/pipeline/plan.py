"""Which documents a build writes: pure functions, deciding from what they are given, opening no file.

Before parsing, the options give slots: an output per format and language,
either the pack of every input or one input's own document, each keyed by its
inputs' digests and the options that shape it, so the manifest can tell it is
unchanged and it is skipped unparsed. After parsing, each slot's documents
are named ``<slug>.<language><suffix>``: names come from untrusted text
(titles, ids, a Word pack's properties), so each part is a slug, a name is
never one already taken, and it is checked to stay in the output folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .. import __version__
from ..config import BuildOptions
from ..export import fingerprint, output_path, unique_name
from ..model import PackReading
from ..slug import slugify
from .inputs import Input
from .resolve import AUTO, MAX_TITLE_CHARS

DEFAULT_PACK_NAME = "briefing-pack"


@dataclass(frozen=True)
class Slot:
    """An output the options ask for, before parsing: a pack, or one article's document."""

    key: str
    format: str
    language: str  # a language code, or AUTO
    inputs: tuple[Input, ...]
    is_pack: bool


@dataclass(frozen=True)
class Target:
    """A document to write: where, in what format and language, under which manifest key."""

    path: Path
    format: str
    language: str
    key: str


def options_key(options: BuildOptions, theme_fingerprint: str) -> tuple[str | None, ...]:
    """What shapes every document of a build besides its format, language and inputs: reportgen's
    version, the theme by content, the cover lines and the date (decided: a key must not move)."""
    return __version__, theme_fingerprint, options.title, options.subtitle, options.date


def plan_slots(inputs: list[Input], formats: list[str], languages: list[str], key: tuple[str | None, ...],
               pack: bool, split: bool) -> list[Slot]:
    """Every output asked for, per language and format: the pack of all ``inputs``, each input's own."""
    slots = []
    everything = [(given.path, given.sha256) for given in inputs]
    for language in languages:
        for fmt in formats:
            if pack:
                slots.append(Slot(fingerprint("pack", key, fmt, language, everything), fmt, language,
                                  tuple(inputs), True))
            if split:
                slots += [Slot(fingerprint("article", key, fmt, language, given.path, given.sha256), fmt,
                               language, (given,), False) for given in inputs]
    return slots


def document_language(slot: Slot, article_language: str) -> str:
    """The language a slot writes an article in: the slot's, or for ``auto`` the article's own."""
    return article_language if slot.language == AUTO else slot.language


def document_key(slot: Slot, language: str, index: int = 0) -> str:
    """A document's manifest key: its slot's and its language (an ``auto`` slot writes one per language),
    and past an input's first brief which brief it is (a Word pack given back holds several)."""
    return f"{slot.key}:{language}" if index == 0 else f"{slot.key}:{language}:{index}"


def document_path(folder: Path, stem: str, language: str, suffix: str, taken: set[str],
                  fallback: str = "article") -> Path:
    """``<stem>.<language><suffix>`` in ``folder``: stem and language as slugs, never a name in ``taken``
    (which then holds it). An InputError if it would leave ``folder`` (a renderer's suffix with a slash)."""
    name = unique_name(slugify(stem, fallback), f".{slugify(language, 'xx')}{suffix}", taken)
    return output_path(folder, name)


def pack_title(given: str | None, readings: Iterable[PackReading]) -> str | None:
    """The title given, else the one the first Word pack given back was built with, cut to a cover
    line; None for the default title ("Briefing pack" in the pack's language)."""
    return given or next((reading.title[:MAX_TITLE_CHARS] for reading in readings if reading.title), None)

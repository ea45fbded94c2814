"""Language knowledge as data: one folder per language, one TOML file per topic.

Adding a language means adding a folder of word lists (``lexicon/pt/*.toml``),
not new code paths. Files are read once and cached.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LANGUAGES: tuple[str, ...] = ("en", "es")


@lru_cache(maxsize=None)
def load(language: str, topic: str) -> dict[str, Any]:
    """The table ``lexicon/<language>/<topic>.toml``, or an empty one if absent."""
    resource = resources.files(__name__).joinpath(language, f"{topic}.toml")
    if not resource.is_file():
        return {}
    return tomllib.loads(resource.read_text(encoding="utf-8"))


def words(language: str, topic: str, key: str) -> tuple[str, ...]:
    """One word list of one language (empty when the list is not defined)."""
    return tuple(load(language, topic).get(key, ()))


def all_words(topic: str, key: str) -> tuple[str, ...]:
    """One word list merged across every language, for text of unknown language."""
    merged: list[str] = []
    for language in LANGUAGES:
        merged.extend(word for word in words(language, topic, key) if word not in merged)
    return tuple(merged)

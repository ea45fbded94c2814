"""Language knowledge as data: one folder per language, one TOML file per topic.

Adding a language means adding a folder of word lists (``lexicon/pt/*.toml``),
not new code paths. Files are read once per process, and each word list (one
language's, or merged across languages) is built once and shared: the parser
asks for the same lists for every article, and some callers ask per paragraph.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

LANGUAGES: tuple[str, ...] = ("en", "es")
# Beside this module, as reportgen.resources finds the bundled files: importlib.resources would
# import zipfile, tempfile and shutil (~5 ms) into every parse worker for a plain folder.
_FOLDER = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def load(language: str, topic: str) -> dict[str, Any]:
    """The table ``lexicon/<language>/<topic>.toml``, or an empty one if absent."""
    path = _FOLDER / language / f"{topic}.toml"
    if not path.is_file():
        return {}
    return tomllib.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def words(language: str, topic: str, key: str) -> tuple[Any, ...]:
    """One word list of one language (empty when the list is not defined)."""
    return tuple(load(language, topic).get(key, ()))


@lru_cache(maxsize=None)
def all_words(topic: str, key: str) -> tuple[Any, ...]:
    """One word list merged across every language, for text of unknown language: each entry once,
    where it first appears (an entry may be a list, such as one tier of connector words)."""
    unique: dict[Any, Any] = {}
    for language in LANGUAGES:
        for entry in words(language, topic, key):
            unique.setdefault(_hashable(entry), entry)
    return tuple(unique.values())


def _hashable(entry: Any) -> Any:
    """``entry`` (a word, or a list of words) as a key equal to another's exactly when the entries are."""
    return tuple(entry) if isinstance(entry, list) else entry

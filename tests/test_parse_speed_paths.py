"""What the parser shares per process gives exactly what building it afresh gave.

A parse worker's first article paid for every word list and pattern the parser reads with; the
lists are now built once per process and shared. These tests hold the shared lists to the plain
merge they replace, on word lists of our own in English and Spanish, and check that reading the
lexicon pulls in no archive machinery.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from reportgen import lexicon

_TABLES: dict[tuple[str, str], dict[str, Any]] = {
    ("en", "speech"): {"verbs": ["said", "told", "said", "noted"],
                       "tiers": [["of", "for"], ["at"]],
                       "labels": {"Host": 1, "Guest": 2}},
    ("es", "speech"): {"verbs": ["dijo", "said", "afirmó", "told"],
                       "tiers": [["de", "del"], ["of", "for"], ["at", "en"]],
                       "labels": {"Entrevistador": 1, "Host": 3}},
}


def _plain_merge(topic: str, key: str) -> tuple[Any, ...]:
    """The merge as it was written before the lists were shared: every language's entries in turn,
    each kept where it first appears."""
    merged: list[Any] = []
    for language in lexicon.LANGUAGES:
        merged.extend(entry for entry in lexicon.words(language, topic, key) if entry not in merged)
    return tuple(merged)


@pytest.fixture
def own_lexicon(monkeypatch: pytest.MonkeyPatch):
    """The lexicon answering from ``_TABLES``, with its shared lists built afresh before and after."""
    caches = (lexicon.words, lexicon.all_words)
    for cache in caches:
        cache.cache_clear()
    monkeypatch.setattr(lexicon, "load", lambda language, topic: _TABLES.get((language, topic), {}))
    yield
    for cache in caches:
        cache.cache_clear()


@pytest.mark.parametrize("key", ["verbs", "tiers", "labels", "absent"])
def test_merged_lists_keep_each_entry_once_where_it_first_appears(own_lexicon, key: str) -> None:
    assert lexicon.all_words("speech", key) == _plain_merge("speech", key)


def test_merged_lists_in_the_order_an_english_then_spanish_reader_expects(own_lexicon) -> None:
    assert lexicon.all_words("speech", "verbs") == ("said", "told", "noted", "dijo", "afirmó")
    assert lexicon.all_words("speech", "tiers") == (["of", "for"], ["at"], ["de", "del"], ["at", "en"])
    assert lexicon.all_words("speech", "labels") == ("Host", "Guest", "Entrevistador")


def test_a_list_is_built_once_and_shared(own_lexicon) -> None:
    assert lexicon.all_words("speech", "verbs") is lexicon.all_words("speech", "verbs")
    assert lexicon.words("es", "speech", "verbs") is lexicon.words("es", "speech", "verbs")


def test_every_bundled_list_merges_as_the_plain_merge_did() -> None:
    """The real lexicon: every list of every topic (tables of flags and numbers are not lists)."""
    topics = {path.stem for language in lexicon.LANGUAGES for path in (lexicon._FOLDER / language).glob("*.toml")}
    checked = 0
    for topic in sorted(topics):
        for key in sorted({key for language in lexicon.LANGUAGES for key in lexicon.load(language, topic)}):
            values = [lexicon.load(language, topic).get(key, []) for language in lexicon.LANGUAGES]
            if all(isinstance(value, (list, dict)) for value in values):
                assert lexicon.all_words(topic, key) == _plain_merge(topic, key), (topic, key)
                checked += 1
    assert checked > 100


def test_parsing_an_article_imports_no_archive_machinery() -> None:
    """importlib.resources brings zipfile, tempfile and shutil into every parse worker (~5 ms) to
    read files that sit in a folder beside the code."""
    script = ("import json, sys\nfrom reportgen.api import parse_bytes\n"
              "brief = parse_bytes('Exportaciones en alza\\n\\nEl ministerio dijo que las exportaciones "
              "crecieron 12 por ciento en 2024.\\n'.encode(), 'nota.txt')\n"
              "print(json.dumps([brief.language, [name for name in ('importlib.resources', 'zipfile', "
              "'tempfile', 'shutil') if name in sys.modules]]))")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert json.loads(run.stdout.splitlines()[-1]) == ["es", []]

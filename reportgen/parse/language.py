"""Which language an article is in, by counting each language's function words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .. import lexicon

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: list[str], default: str = "en") -> str:
    """The language whose stopwords are most frequent in ``texts``."""
    as_written = Counter(word for text in texts for word in _WORD.findall(text))
    counts: Counter[str] = Counter()
    for word, count in as_written.items():  # each distinct spelling lowered once, not each occurrence
        counts[word.lower()] += count
    scores = {language: sum(counts[word] for word in _stopwords(language)) for language in lexicon.LANGUAGES}
    best = max(scores, key=lambda language: (scores[language], language == default))
    return best if scores[best] else default


@lru_cache(maxsize=None)
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(lexicon.words(language, "language", "stopwords"))

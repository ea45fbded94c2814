"""Which language an article is in, by counting each language's function words."""

from __future__ import annotations

import re
from collections import Counter

from .. import lexicon

_WORD = re.compile(r"[^\W\d_]+")


def detect_language(texts: list[str], default: str = "en") -> str:
    """The language whose stopwords are most frequent in ``texts``."""
    counts = Counter(word.lower() for text in texts for word in _WORD.findall(text))
    scores = {
        language: sum(counts[word] for word in set(lexicon.words(language, "language", "stopwords")))
        for language in lexicon.LANGUAGES
    }
    best = max(scores, key=lambda language: (scores[language], language == default))
    return best if scores[best] else default

"""Extractive summaries: each expert's key sentence, and a brief's takeaways.

Sentences are scored by how central their words are to the text they come
from, with a preference for early sentences and sentences that carry a
figure; sentences that lean on what came before ("Second, …", "That's
because …") are passed over unless nothing else is left. No models, no
randomness: the same text always gives the same summary.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from dataclasses import replace

from . import lexicon
from .model import Brief
from .parse.sentences import split_sentences

_WORD = re.compile(r"[^\W\d_]{3,}")
_DIGIT = re.compile(r"\d")
_MIN_WORDS, _MAX_WORDS = 6, 60
_SHORT_SUMMARY_WORDS = 14
MIN_TAKEAWAYS, MAX_TAKEAWAYS = 3, 5


@lru_cache(maxsize=None)
def _stopwords(language: str) -> frozenset[str]:
    return frozenset(lexicon.words(language, "language", "stopwords"))


@lru_cache(maxsize=None)
def _openers(language: str) -> re.Pattern[str]:
    """One pattern for every opener that points back, longest first."""
    openers = sorted(lexicon.words(language, "speech", "continuation_openers"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, openers)) + r")(?![\w’'])")


def leans_on_context(sentence: str, language: str) -> bool:
    """Does the sentence open by pointing back ("Second,", "That's because", "It")?"""
    lowered = sentence.lstrip("“\"«‘'—–- ").lower()
    return _openers(language).match(lowered) is not None


def _is_complete(sentence: str) -> bool:
    words = sentence.split()
    stripped = sentence.lstrip("“\"«‘'¿¡")
    return _MIN_WORDS <= len(words) <= _MAX_WORDS and stripped[:1].isupper() \
        and sentence.rstrip("”\"»’' ").endswith((".", "!")) and "?" not in sentence


def _scores(sentences: list[str], language: str) -> list[float]:
    stop = _stopwords(language)
    bags = [[word.lower() for word in _WORD.findall(sentence) if word.lower() not in stop] for sentence in sentences]
    frequency = Counter(word for bag in bags for word in set(bag))
    scores = []
    for position, bag in enumerate(bags):
        centrality = sum(frequency[word] for word in bag) / (len(bag) + 4) if bag else 0.0
        lead = 1.0 / (1 + position)
        figure = 0.5 if _DIGIT.search(sentences[position]) else 0.0
        scores.append(centrality + lead + figure)
    return scores


def rank_sentences(paragraphs: list[str], language: str) -> list[str]:
    """The paragraphs' sentences, best first; self-contained complete sentences lead."""
    sentences = [sentence for paragraph in paragraphs for sentence in split_sentences(paragraph)]
    scores = _scores(sentences, language)
    order = sorted(range(len(sentences)), key=lambda i: (
        not _is_complete(sentences[i]), leans_on_context(sentences[i], language), -scores[i], i))
    return [sentences[i] for i in order]


def summarize_expert(commentary: list[str], language: str) -> str | None:
    """One sentence (two when the first is short) from the expert's own words."""
    sentences = [sentence for paragraph in commentary for sentence in split_sentences(paragraph)]
    ranked = rank_sentences(commentary, language)
    if not ranked:
        return None
    best = ranked[0]
    position = sentences.index(best)
    if len(best.split()) < _SHORT_SUMMARY_WORDS and position + 1 < len(sentences):
        following = sentences[position + 1]
        if _is_complete(following):
            return f"{best} {following}"
    return best


def takeaways(candidates: list[str], paragraphs: list[str], language: str) -> list[str]:
    """Three to five sentences a reader should leave with, in reading order of importance.

    ``candidates`` (expert summaries, typically) come first; the rest are the
    best-ranked sentences of ``paragraphs``.
    """
    chosen: list[str] = []
    for sentence in candidates + rank_sentences(paragraphs, language):
        if len(chosen) == MAX_TAKEAWAYS:
            break
        if sentence and sentence not in chosen and (len(chosen) < MIN_TAKEAWAYS or _is_complete(sentence)):
            chosen.append(sentence)
    return chosen


def summarize_brief(brief: Brief) -> Brief:
    """The brief with each expert's summary and the article's takeaways filled in."""
    experts = tuple(replace(expert, summary=summarize_expert(list(expert.commentary), brief.language))
                    for expert in brief.experts)
    narrative = list(brief.body) + ([brief.question] if brief.question else [])
    summaries = [expert.summary for expert in experts if expert.summary]
    return replace(brief, experts=experts, takeaways=tuple(takeaways(summaries, narrative, brief.language)))

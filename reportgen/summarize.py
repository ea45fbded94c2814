"""Extractive summaries: each expert's key sentence, and a brief's takeaways.

Sentences are scored by how central their words are to the text they come
from, with a preference for early sentences and sentences that carry a
figure; sentences that lean on what came before ("Second, …", "That's
because …") are passed over unless nothing else is left. A summary or a
takeaway carries a claim: never a question, a greeting or a thank-you, and
an expert who said nothing else gets no summary rather than "Thank you.".
Takeaways are listed in the article's order. No models, no randomness: the
same text always gives the same summary.
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
_ALPHANUMERIC = re.compile(r"[^\W_]")
_MIN_WORDS, _MAX_WORDS = 6, 60
_MIN_CLAIM_WORDS = 5
_QUESTION_MARKS = ("?", "¿")
_LEADING_MARKS = "“\"«‘'—–-¡ "
_CLAUSE_MARKS = ",;:.!?—–"
_OPENING_QUOTE = re.compile(r"\s*[“\"«‘]([^”\"»’]*)[”\"»’]")  # the quotation a sentence opens with
_HEAD_CHARS = 40  # enough of a sentence to find it again in the source text
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


@lru_cache(maxsize=None)
def _pleasantries(language: str) -> re.Pattern[str]:
    """Every social opener ("thanks", "buenos días"), longest first, as whole words."""
    openers = sorted(lexicon.words(language, "speech", "pleasantry_openers"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, openers)) + r")(?![\w’'])")


@lru_cache(maxsize=None)
def _clause_end(language: str) -> re.Pattern[str]:
    """Where a clause ends: a punctuation mark, or a word that joins the next clause ("and", "y")."""
    joiners = sorted(set(lexicon.words(language, "speech", "clause_joiners"))
                     | set(lexicon.words(language, "speech", "list_joiners")), key=len, reverse=True)
    return re.compile(f"[{re.escape(_CLAUSE_MARKS)}]|(?<![\\w’'])(?:" + "|".join(map(re.escape, joiners)) + r")(?![\w’'])")


def without_pleasantries(sentence: str, language: str) -> str:
    """The sentence without the courtesy clauses it opens with ("Thank you, and …" keeps "and …")."""
    rest = sentence
    while True:
        lowered = rest.lstrip(_LEADING_MARKS).lower()
        offset = len(rest) - len(lowered)
        opener = _pleasantries(language).match(lowered)
        if opener is None:
            return rest
        end = _clause_end(language).search(lowered, opener.end())
        rest = rest[offset + (end.end() if end else len(lowered)):]


def is_substantive(sentence: str, language: str) -> bool:
    """Does the sentence carry a claim: no question, and enough words besides greetings and thanks?
    A quotation of nothing but thanks carries none, whoever the rest of the sentence says spoke it."""
    if any(mark in sentence for mark in _QUESTION_MARKS):
        return False
    quoted = _OPENING_QUOTE.match(sentence)
    if quoted and not without_pleasantries(quoted.group(1), language).strip(_LEADING_MARKS + _CLAUSE_MARKS):
        return False
    words = [word for word in without_pleasantries(sentence, language).split() if _ALPHANUMERIC.search(word)]
    return len(words) >= _MIN_CLAIM_WORDS


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
    bags = [[word for word in map(str.lower, _WORD.findall(sentence)) if word not in stop] for sentence in sentences]
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
    """One sentence (two when the first is short) from the expert's own words; None when
    they said nothing substantive (only thanks, greetings or questions)."""
    sentences = [sentence for paragraph in commentary for sentence in split_sentences(paragraph)]
    ranked = [sentence for sentence in rank_sentences(commentary, language) if is_substantive(sentence, language)]
    if not ranked:
        return None
    best = ranked[0]
    position = sentences.index(best)
    if len(best.split()) < _SHORT_SUMMARY_WORDS and position + 1 < len(sentences):
        following = sentences[position + 1]
        if _is_complete(following) and is_substantive(following, language):
            return _marked_if_partial(f"{best} {following}")
    return _marked_if_partial(best)


def _marked_if_partial(summary: str) -> str:
    """A quotation taken up mid-sentence ("los puertos seguirán cerrados hasta marzo.") opens with an
    ellipsis, as editors mark it, so a card never reads as a sentence that lost its start."""
    return f"…{summary}" if summary.lstrip(_LEADING_MARKS)[:1].islower() else summary


def takeaways(candidates: list[str], paragraphs: list[str], language: str) -> list[str]:
    """Three to five sentences a reader should leave with, chosen by importance.

    ``candidates`` (expert summaries, typically) are chosen first; the rest are
    the best-ranked sentences of ``paragraphs``. Questions and pleasantries are
    never chosen. The caller puts them in the article's order.
    """
    chosen: list[str] = []
    for sentence in candidates + rank_sentences(paragraphs, language):
        if len(chosen) == MAX_TAKEAWAYS:
            break
        if sentence and sentence not in chosen and is_substantive(sentence, language) \
                and (len(chosen) < MIN_TAKEAWAYS or _is_complete(sentence)):
            chosen.append(sentence)
    return chosen


def in_reading_order(points: list[str], brief: Brief) -> list[str]:
    """``points`` in the order the article says them: by where each is found in the source
    text, else where the expert paragraph holding it was read; any found nowhere last."""
    text = brief.source.text or ""
    read_at = {paragraph: pieces[0][0] for expert in brief.experts
               for paragraph, pieces in zip(expert.commentary, expert.commentary_spans) if pieces}

    def position(point: str) -> int:
        head = point[:_HEAD_CHARS]
        found = text.find(head) if text else -1
        if found < 0:
            found = next((start for paragraph, start in read_at.items() if head in paragraph), len(text) + 1)
        return found

    return sorted(points, key=position)


def summarize_brief(brief: Brief) -> Brief:
    """The brief with each expert's summary and the article's takeaways filled in."""
    experts = tuple(replace(expert, summary=summarize_expert(list(expert.commentary), brief.language))
                    for expert in brief.experts)
    narrative = list(brief.body) + ([brief.question] if brief.question else [])
    summaries = [expert.summary for expert in experts if expert.summary]
    chosen = takeaways(summaries, narrative, brief.language)
    return replace(brief, experts=experts, takeaways=tuple(in_reading_order(chosen, brief)))

"""People in running text: what a name looks like, and how a description of a
person splits into role and organization.

Shared by every way an article introduces a speaker (Q&A answers, speaker
labels, "…," said X), so all of them agree on what a name is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon

_UPPER = "A-ZÁÉÍÓÚÑÜÇ"
_LOWER = "a-záéíóúñüçàèìòùâêîôûãõäëïö"
_NAME_WORD = rf"(?:[{_UPPER}][{_LOWER}]+(?:[’'\-][{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}]\.|[{_UPPER}]{{2,}}(?=\b))"
_PARTICLE = r"(?:de|del|de la|de los|da|das|do|dos|van|von|van der|van den|bin|al|el|la|y|di|du|le|st\.)"
# Two to five name words, particles allowed between them ("Diego Marroquín Bitar",
# "Vanda Felbab-Brown", "Luis Toto Caputo", "María Isabel Saravia").
NAME_PATTERN = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}){{1,7}}"
_NAME_RE = re.compile(rf"\b{NAME_PATTERN}\b")
_SPLIT_WORDS = {"en": (" at ", " of ", " for ", " with "), "es": (" de ", " del ", " en ", " para ")}
_CONNECTORS = {
    "of", "for", "and", "on", "the", "de", "del", "la", "las", "los", "el", "y", "&", "e",
    "in", "en", "para", "a", "to", "&amp;",
}
_LEADING_ARTICLES = ("the ", "a ", "an ", "its ", "el ", "la ", "los ", "las ", "un ", "una ", "su ", "sus ")


@dataclass(frozen=True)
class Description:
    """What an appositive says about a person."""

    role: str | None
    organization: str | None


@lru_cache(maxsize=None)
def _set(topic: str, key: str) -> frozenset[str]:
    return frozenset(lexicon.all_words(topic, key))


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    names: set[str] = set()
    for language in lexicon.LANGUAGES:
        for key, values in lexicon.load(language, "places").items():
            if isinstance(values, list):
                names.update(value.lower() for value in values if isinstance(value, str))
    return frozenset(names)


def is_place(text: str) -> bool:
    """A country, region or city name (from the lexicon's gazetteer)."""
    return text.strip().lower() in _places()


def _has_word_from(text: str, words: frozenset[str]) -> bool:
    return any(token.strip(",.;:()’'s") in words or token in words for token in text.split())


def looks_like_person(name: str) -> bool:
    """Could this capitalised phrase be a person's name (not a place, body or title)?"""
    tokens = name.split()
    if len(tokens) < 2 or tokens[0] in _set("speech", "not_name_words"):
        return False
    if tokens[-1] in _set("speech", "not_name_words"):
        return False
    if _has_word_from(name, _set("speech", "organization_words")) or tokens[-1] in _set("boilerplate", "publication_words"):
        return False
    if any(token in _set("speech", "titles") for token in tokens):
        return False
    if tokens[0][:1].islower() or any(is_place(" ".join(tokens[i:])) for i in range(len(tokens))) \
            or is_place(" ".join(tokens[:-1])):
        return False
    # "VOA Pentagon", "Atlas SUV": an acronym among the words makes a brand or a body.
    # (All-capital speaker labels such as "CARDENAS:" are read by the dialogue finder.)
    return not any(token.isupper() and len(token) > 1 for token in tokens)


def _is_stray(token: str) -> bool:
    """A capitalised word that can stand before a name without being part of it."""
    return (token in _set("speech", "not_name_words") or token in _set("speech", "titles")
            or _has_word_from(token, _set("speech", "organization_words"))
            or (token.isupper() and len(token) > 1) or token[:1].islower())


def person_names(text: str) -> list[tuple[str, int, int]]:
    """Every person-like name in ``text`` with its span, titles and stray words trimmed.

    "Energy Secretary Dario Martinez" gives "Dario Martinez"; "AFP Martha Keays"
    gives "Martha Keays".
    """
    found: list[tuple[str, int, int]] = []
    for match in _NAME_RE.finditer(text):
        tokens = match.group(0).split()
        last_stray = max((i for i, token in enumerate(tokens) if _is_stray(token) and not token[:1].islower()), default=-1)
        if _has_word_from(tokens[0], _set("speech", "organization_words")) and any(
                token[:1].islower() for token in tokens) and not any(token in _set("speech", "titles") for token in tokens[1:]):
            continue  # "Instituto Andino de Recursos Naturales" is a body, not a person
        if _has_word_from(tokens[0], _set("speech", "organization_words")):
            last_stray = max(last_stray, 0)  # "la Policía Eduardo Pérez Rocha": the body ends where the name starts
        if last_stray >= 0 and len(tokens) - last_stray - 1 >= 2:
            tokens = tokens[last_stray + 1:]
        while len(tokens) > 2 and is_place(tokens[0]):
            tokens = tokens[1:]  # "Ukraine Marie Yovanovitch": a place is not a first name
        name = " ".join(tokens)
        start = match.start() + match.group(0).rindex(name) if name in match.group(0) else match.start()
        if looks_like_person(name):
            found.append((name, start, start + len(name)))
    return found


def _strip_article(text: str) -> str:
    lowered = text.lower()
    for article in _LEADING_ARTICLES:
        if lowered.startswith(article):
            return text[len(article):]
    return text


def is_proper_phrase(text: str) -> bool:
    """Every content word capitalised: "the Council on Foreign Relations' Latin America Initiative"."""
    words = _strip_article(text.strip()).replace("(", " ").replace(")", " ").split()
    if not words or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _CONNECTORS for word in words)


@lru_cache(maxsize=None)
def _office_titles() -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words("speech", "office_titles"))


def _without_place_suffix(organization: str) -> str:
    """"Stonebridge Sovereign Research in New York" names the body, not its city."""
    for marker in (" in ", " en "):
        head, _, place = organization.rpartition(marker)
        if head and is_place(place):
            return head
    return organization


def describe(appositive: str) -> Description:
    """Split "senior fellow at the Brookings Institution" into role and organization.

    The organization starts at the leftmost " at "/" of " (or Spanish " de ")
    after which every word is a proper name; an office of a place ("former
    president of Costa Rica") has no organization.
    """
    text = " ".join(appositive.strip(" ,.;:").split())
    for opener in sorted(_set("speech", "appositive_openers"), key=len, reverse=True):
        if text.lower().startswith(opener + " ") and len(opener.split()) > 1:
            text = text[len(opener) + 1:]
            break
    if not text:
        return Description(None, None)
    splits = sorted(
        {match.start() for words in _SPLIT_WORDS.values() for word in words
         for match in re.finditer(re.escape(word), text)}
    )
    for position in splits:
        connector_length = text.index(" ", position + 1) + 1 - position
        remainder = text[position + connector_length:]
        if is_proper_phrase(remainder):
            organization = _strip_article(remainder).strip()
            role = _strip_article(text[:position]).strip() or None
            organization = _without_place_suffix(organization)
            if is_place(organization) or (role and role.split()[-1].lower() in _office_titles()):
                # "former president of Costa Rica", "ministro del Interior": an office, not a body
                return Description(_strip_article(text), None)
            return Description(role, organization)
    if is_proper_phrase(text) and _has_word_from(text, _set("speech", "organization_words")):
        return Description(None, _strip_article(text))
    return Description(_strip_article(text) or None, None)


def title_before(text_before: str) -> Description:
    """The office written just before a name: "Energy Secretary" / "Mexico’s central bank Governor"."""
    words = text_before.rstrip().split()
    titles = _set("speech", "titles")
    taken: list[str] = []
    while words and (words[-1] in titles or (taken and words[-1][:1].isupper() and words[-1] not in _set("speech", "not_name_words")
                                              and not words[-1].endswith(("’s", "'s", ",")))):
        taken.insert(0, words.pop())
    if not taken or not any(word in titles for word in taken):
        return Description(None, None)
    organization_words: list[str] = []
    while words and not words[-1].endswith((",", ".", ":", ";", "”", "\"")) and len(organization_words) < 5 \
            and words[-1] not in _set("speech", "not_name_words") and words[-1].lower() not in _CONNECTORS:
        organization_words.insert(0, words.pop())
    organization = " ".join(organization_words) or None
    if organization and not re.search(r"[’']s$", organization_words[0]) and not any(
            word[:1].isupper() for word in organization_words):
        organization = None
    return Description(" ".join(taken), organization)

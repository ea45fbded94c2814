"""Attributed speech in prose: "…," said X, role at Org / X, role, noted / according to X.

Works sentence by sentence around the reporting verbs of the lexicon, and
links surnames ("dijo Bustamante") back to the full name the article gave
first, so one person is one expert however often they are quoted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from .people import Description, NAME_PATTERN, describe, looks_like_person, person_names, title_before
from .sentences import split_sentences

_QUOTE = re.compile(r"[“\"«]([^“”\"«»]{3,}?)[”\"»“]")
_OPENING_QUOTE = tuple("“\"«")
_PLACEHOLDER = re.compile("Q\ue000(\\d+)\ue001")
_APPOSITIVE = re.compile(r"^\s*,\s*(?P<text>[^,;“”\"«»()]{3,150}(?:\([^)]*\)[^,;“”\"«»]*)?)(?:,|;|$|\.\s*$)")
_GAP_OBJECT = re.compile(r"^\s*(?:to|a)\s+(?:the\s+|la\s+|el\s+|los\s+)?\S+\s*$", re.IGNORECASE)
_PANEL_MEMBER = re.compile(rf"({NAME_PATTERN})\s+\(([^)]{{2,60}})\)")
_COLON_QUOTE = re.compile(r":\s*[“\"«]")
_PRE_NAME_CLAUSE = re.compile(r"[^,.;:“”\"«»]*$")
_CLAUSE_CHARS = 200


@dataclass(eq=False)
class Person:
    """A person the article names, and what it says of them so far."""

    name: str
    description: Description = field(default_factory=lambda: Description(None, None))
    commentary: list[str] = field(default_factory=list)

    def describe_once(self, description: Description) -> None:
        """Keep the first description that says something; articles describe people once."""
        if description.role or description.organization:
            if not (self.description.role or self.description.organization):
                self.description = description
            elif not self.description.organization and description.organization:
                self.description = Description(self.description.role or description.role, description.organization)

    def add(self, text: str) -> None:
        text = text.strip()
        if text and text not in self.commentary:
            self.commentary.append(text)


@lru_cache(maxsize=None)
def _verb_pattern(language: str) -> re.Pattern[str]:
    verbs = sorted(lexicon.words(language, "speech", "reporting_verbs"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, verbs)) + r")(?![\w-])")


@lru_cache(maxsize=None)
def _phrase_pattern(language: str, key: str) -> re.Pattern[str]:
    phrases = sorted(lexicon.words(language, "speech", key), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, phrases)) + r")\s+", re.IGNORECASE)


class Registry:
    """Everyone named in the article, keyed by full name, findable by surname."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}

    def add(self, name: str, description: Description | None = None) -> Person:
        person = self.people.get(name) or self.by_surname(name)
        if person is None:
            person = self.people[name] = Person(name)
        if description:
            person.describe_once(description)
        return person

    def first_described(self) -> Person | None:
        """The first person the article describes ("Ignacio Larraín, economista jefe de…")."""
        return next((person for person in self.people.values()
                     if person.description.role or person.description.organization), None)

    def by_surname(self, word: str) -> Person | None:
        """The person whose name ends (or begins) with ``word``, when exactly one does.

        "Luis Caputo" also finds "Luis Toto Caputo": same first and last name.
        """
        word = word.strip()
        tokens = word.split()
        matches = [person for name, person in self.people.items()
                   if name.endswith(" " + word) or name.startswith(word + " ") or name == word
                   or (len(tokens) >= 2 and name.split()[0] == tokens[0] and name.split()[-1] == tokens[-1])]
        return matches[0] if len(matches) == 1 else None

    def collect(self, paragraphs: list[str]) -> None:
        """Register every full name with the description written beside it."""
        for paragraph in paragraphs:
            for sentence in split_sentences(paragraph):
                for name, start, end in person_names(sentence):
                    self.add(name, _description_around(sentence, start, end))


def _description_around(text: str, start: int, end: int) -> Description:
    after = _APPOSITIVE.match(text[end:])
    if after and _reads_as_description(after.group("text")):
        return describe(after.group("text"))
    before = _PRE_NAME_CLAUSE.search(text[max(0, start - _CLAUSE_CHARS):start]).group(0)
    described = title_before(before)
    if described.role:
        return described
    clause = before.strip()
    first = clause.split()[0].lower() if clause.split() else ""
    titles = {title.lower() for title in lexicon.all_words("speech", "titles")}
    if clause and (first in titles or (first in ("el", "la", "the", "su", "its") and len(clause.split()) > 1
                                       and clause.split()[1].lower() in titles)):
        return describe(clause)
    return Description(None, None)


def _reads_as_description(text: str) -> bool:
    """An appositive describes a person when it opens with a title, an article or a
    lowercase noun, and names nobody else ("Maria Lopez, Juan Diaz" is a list)."""
    words = text.split()
    named = person_names(text)
    if not words or (named and named[0][1] == 0):
        return False
    first = words[0]
    if first.lower() in lexicon.all_words("speech", "appositive_openers") or first in lexicon.all_words("speech", "titles"):
        return True
    return first[:1].islower() and first.lower() not in _prepositions()


@lru_cache(maxsize=None)
def _prepositions() -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words("speech", "prepositions"))


def _clean_quote(quote: str) -> str:
    """A quotation cut short by its attribution ("…,” she said) gets its full stop back."""
    quote = quote.strip(" ,")
    return quote if quote.endswith((".", "!", "?", "…")) else quote + "."


def _mask_quotes(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph with each quotation replaced by a placeholder, and the quotations.

    A quotation may hold several sentences; masking it lets the sentence
    splitter and the attribution rules see "“…,” Arango said." as one sentence.
    """
    quotes: list[str] = []

    def keep(match: re.Match[str]) -> str:
        quotes.append(match.group(1))
        return f"{match.group(0)[0]}Q\ue000{len(quotes) - 1}\ue001{match.group(0)[-1]}"

    return _QUOTE.sub(keep, paragraph), quotes


def _unmask(text: str, quotes: list[str]) -> str:
    return _PLACEHOLDER.sub(lambda match: quotes[int(match.group(1))], text)


def _speaker_after(text: str, registry: Registry) -> tuple[Person, int] | None:
    """The person named right after a reporting verb ("…," says Maria Rodriguez, analyst at X)."""
    for name, start, end in person_names(text[:200]):
        gap = text[:start]
        if any(mark in gap for mark in "“”\"«»") or len(gap.split()) > 14:
            break
        if gap.rstrip().endswith(","):  # "dijo la subdirectora de Migración, María Saravia"
            return registry.add(name, describe(gap.rstrip(" ,"))), start
        if not gap.strip() or _GAP_OBJECT.match(gap):
            return registry.add(name, _description_around(text, start, end)), start
    surname = re.match(r"\s*([A-ZÁÉÍÓÚÑ][\w’'\-]+)", text)
    if surname:
        person = registry.by_surname(surname.group(1))
        if person:
            return person, surname.start(1)
    return None


def _speaker_before(text: str, registry: Registry) -> Person | None:
    """The person named just before a reporting verb ("Alberto Ramos, economist at X, wrote")."""
    stripped = text.rstrip()
    appositive = re.search(r",\s*([^,“”\"«»]{3,150}),$", stripped)
    if appositive:
        named = person_names(appositive.group(1))
        if named and named[0][0] == appositive.group(1).strip():
            # "el presidente de la compañía, Javier Gutiérrez, informó": the role comes first
            clause = _PRE_NAME_CLAUSE.search(stripped[max(0, appositive.start() - _CLAUSE_CHARS):appositive.start()]).group(0)
            return registry.add(named[0][0], describe(clause) if clause.strip() else None)
    head = stripped[:appositive.start()] if appositive else stripped
    names = person_names(head[-80:])
    offset = len(head) - len(head[-80:])
    if names and names[-1][2] + offset >= len(head.rstrip(" ,")) - 1:
        name, start, end = names[-1]
        return registry.add(name, _description_around(stripped, start + offset, end + offset))
    last_word = re.search(r"([A-ZÁÉÍÓÚÑ][\w’'\-]+)\s*,?$", head)
    if last_word:
        return registry.by_surname(last_word.group(1))
    return None


def _speaker_of(sentence: str, language: str, registry: Registry) -> Person | None:
    """Who a sentence attributes speech to, if anyone."""
    for match in _phrase_pattern(language, "according_to").finditer(sentence):
        found = _speaker_after(sentence[match.end():], registry)
        if found:
            return found[0]
    framing = _phrase_pattern(language, "opinion_framing").match(sentence)
    if framing:
        found = _speaker_after(sentence[framing.end():], registry)
        if found and sentence[framing.end() + found[1]:].find(",") != -1:
            return found[0]
    for match in _verb_pattern(language).finditer(sentence):
        before, after = sentence[:match.start()], sentence[match.end():]
        if before.rstrip().endswith(("”", "\"", "»", ",", "’")):
            found = _speaker_after(after, registry)
            if found:
                return found[0]
        person = _speaker_before(before, registry)
        if person:
            return person
        found = _speaker_after(after, registry)
        if found and (not after[:found[1]].strip() or after[:found[1]].rstrip().endswith(",")):
            return found[0]
    if _COLON_QUOTE.search(sentence):
        names = person_names(sentence[:_COLON_QUOTE.search(sentence).start()])
        if names:
            return registry.add(names[-1][0])
    return None


@dataclass(frozen=True)
class Attribution:
    """Words the article gives to a person: a quotation, or a sentence of indirect speech."""

    person: Person
    paragraph: int
    words: str


def find_attributions(paragraphs: list[str], language: str, registry: Registry) -> list[Attribution]:
    """Every attributed statement, in reading order.

    A quotation that follows in the same paragraph without an attribution of
    its own stays with the last speaker.
    """
    found: list[Attribution] = []
    for index, paragraph in enumerate(paragraphs):
        masked, quotes = _mask_quotes(paragraph)
        current: Person | None = None
        for sentence in split_sentences(masked):
            person = _speaker_of(sentence, language, registry)
            said = " ".join(_clean_quote(quotes[int(n)]) for n in _PLACEHOLDER.findall(sentence))
            if person is None:
                if current is not None and sentence.startswith(_OPENING_QUOTE) and said:
                    found.append(Attribution(current, index, said))
                continue
            current = person
            found.append(Attribution(person, index, said or _unmask(sentence, quotes)))
    return found


def panel_members(paragraphs: list[str], registry: Registry) -> list[tuple[Person, int]]:
    """Panelists introduced as "Name (Organization)" lists: they count even before they speak."""
    members: list[tuple[Person, int]] = []
    cues = tuple(lexicon.all_words("speech", "qa_cues"))
    for index, paragraph in enumerate(paragraphs):
        found = [(name, organization) for name, organization in _PANEL_MEMBER.findall(paragraph) if looks_like_person(name)]
        if len(found) < 2 or not any(cue in paragraph.lower() for cue in cues):
            continue
        for name, organization in found:
            person = registry.add(name, Description(None, organization.strip()))
            members.append((person, index))
    return members

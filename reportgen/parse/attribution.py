"""Attributed speech in prose: "…," said X, role at Org / X, role, noted / according to X.

Works sentence by sentence around the reporting verbs of the lexicon, with
their auxiliaries and every form ("has said", "ha señalado", "aseguraba",
"…, insisting"), and finds the speaker the way a reader does: a name next
to the verb, a surname or a pronoun for the person last spoken of, or a
description ("the minister added", "señaló el portavoz") of someone the
article has named. Surnames link back to the full name the article gave
first, so one person is one expert however often they are quoted.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from .people import (
    Description,
    common_words,
    describe,
    is_acronym,
    is_honorific,
    is_organization_connector,
    is_place,
    is_title,
    opens_clause,
    organizations_in,
    person_names,
    title_before,
)
from .alternation import alternation
from .budget import check
from .sentences import split_sentences

_QUOTE = re.compile(r"[“\"«]([^“”\"«»]{3,}?)[”\"»“]")
_OPENING_QUOTE = tuple("“\"«")
_CLOSING_QUOTE = tuple("”\"»’")
_QUOTE_MARKS = "“”\"«»"
_PLACEHOLDER = re.compile("Q\ue000(\\d+)\ue001")
_APPOSITIVE = re.compile(r"^\s*,\s*(?P<text>[^,;“”\"«»()]{3,150}(?:\([^)]*\)[^,;“”\"«»]*)?)(?:,|;|$|\.\s*$)")
_TRAILING_APPOSITIVE = re.compile(r",\s*([^,“”\"«»]{3,150}),$")
_CLAUSE = re.compile(r"[^,.;:“”\"«»]*$")
_COLON_QUOTE = re.compile(r":\s*[“\"«]")
_POSSESSIVE_AFTER = re.compile(r"[’']s?\b")
_AGE = re.compile(r",\s*\d{1,3}$")
_CLAUSE_CHARS = 200
_SPEAKER_WINDOW = 200
_EARLIER_CHARS = 400
_BEFORE_CHARS = 400
_MAX_GAP_WORDS = 14
_MAX_TITLE_GAP_WORDS = 8
_MAX_TAIL_WORDS = 12
_MAX_OPEN_APPOSITIVE_WORDS = 16
_LABEL_CHARS = 30
_DEFINITE_DESCRIPTION_WORDS = 5
_MAX_RELATIVE_WORDS = 8
_SENTENCE_END = tuple(".!?…:;") + _CLOSING_QUOTE


@dataclass(eq=False)
class Person:
    """A person the article names, and what it says of them so far."""

    name: str
    description: Description = field(default_factory=lambda: Description(None, None))
    commentary: list[str] = field(default_factory=list)
    _said: set[str] = field(default_factory=set, repr=False)  # the commentary, to look up without a pass

    def describe_once(self, description: Description) -> None:
        """Keep the first description that says something; a later one may add the organization."""
        if description.role or description.organization:
            if not (self.description.role or self.description.organization):
                self.description = description
            elif not self.description.organization and description.organization:
                self.description = Description(self.description.role or description.role, description.organization)

    def add(self, text: str) -> None:
        text = text.strip()
        if text and text not in self._said:
            self._said.add(text)
            self.commentary.append(text)


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    return alternation(sorted(set(words), key=len, reverse=True), lambda piece: re.escape(piece).replace(r"\ ", r"\s+"))


@lru_cache(maxsize=None)
def _verb_pattern(language: str) -> re.Pattern[str]:
    """A reporting verb with the auxiliaries and adverbs before it ("has also said", "lo ha dicho")."""
    words = lambda key: lexicon.words(language, "speech", key)  # noqa: E731
    helpers = _alternation(words("auxiliaries") + words("verb_adverbs"))
    auxiliaries = _alternation(words("auxiliaries"))
    finite = _alternation(words("reporting_verbs"))
    after_auxiliary = _alternation(words("reporting_verbs_after_auxiliary") + words("reporting_gerunds"))
    return re.compile(
        rf"(?<![\w-])(?:(?:{helpers})\s+)*(?:{finite})(?![\w-])"
        rf"|(?<![\w-])(?:{auxiliaries})\s+(?:(?:{helpers})\s+)*(?:{after_auxiliary})(?![\w-])"
    )


@lru_cache(maxsize=None)
def _gerund_pattern(language: str) -> re.Pattern[str]:
    """"…, insisting that…": a participle clause that reports the subject's words."""
    return re.compile(rf",\s+(?:{_alternation(lexicon.words(language, 'speech', 'reporting_gerunds'))})(?![\w-])")


@lru_cache(maxsize=None)
def _phrase_pattern(language: str, key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{_alternation(lexicon.words(language, 'speech', key))})\s+", re.IGNORECASE)


@lru_cache(maxsize=None)
def _lower(key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words("speech", key))


@lru_cache(maxsize=None)
def _exact(key: str, topic: str = "speech") -> frozenset[str]:
    return frozenset(lexicon.all_words(topic, key))


class Registry:
    """Everyone named in the article, keyed by full name, findable by surname."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.common: frozenset[str] = frozenset()
        self.surnames: set[str] = set()  # the last word of every name
        # Every name by what a lookup may give of it, so that a page naming thousands of people
        # costs a dictionary look per mention rather than a pass over everyone named so far.
        self._by_ending: dict[str, set[str]] = {}  # "Toto Caputo", "Caputo" → "Luis Toto Caputo"
        self._by_opening: dict[str, set[str]] = {}  # "Luis", "Luis Toto" → "Luis Toto Caputo"
        self._by_first_last: dict[tuple[str, str], set[str]] = {}

    def add(self, name: str, description: Description | None = None) -> Person:
        person = self.people.get(name) or self.by_surname(name)
        if person is None:
            person = self.people[name] = Person(name)
            self._index(name)
        if description:
            person.describe_once(description)
        return person

    def _index(self, name: str) -> None:
        for space in (i for i, char in enumerate(name) if char == " "):
            self._by_ending.setdefault(name[space + 1:], set()).add(name)
            self._by_opening.setdefault(name[:space], set()).add(name)
        tokens = name.split()
        if tokens:
            self.surnames.add(tokens[-1])
            self._by_first_last.setdefault((tokens[0], tokens[-1]), set()).add(name)

    def by_surname(self, word: str) -> Person | None:
        """The person whose name ends (or begins) with ``word``, when exactly one does.

        "Luis Caputo" also finds "Luis Toto Caputo": same first and last name.
        """
        word = word.strip()
        tokens = word.split()
        groups = [self._by_ending.get(word, set()), self._by_opening.get(word, set()),
                  {word} if word in self.people else set(),
                  self._by_first_last.get((tokens[0], tokens[-1]), set()) if len(tokens) >= 2 else set()]
        found: str | None = None
        for group in groups:
            if len(group) > 1:
                return None
            for name in group:
                if found is not None and name != found:
                    return None
                found = name
        return self.people[found] if found is not None else None

    def names(self, text: str) -> list[tuple[str, int, int]]:
        """The person names in ``text``, read against this article's lowercase vocabulary."""
        return person_names(text, self.common)

    def collect(self, paragraphs: list[str]) -> None:
        """Register every full name with the description written beside it, then give an
        organization to a person whose office the text names elsewhere without the name
        ("Harbor Bank's chief economist sees…" and later "Dana Ruiz, the chief economist")."""
        self.common = common_words(paragraphs)
        offices: list[Description] = []
        for paragraph in paragraphs:
            earlier = ""
            for sentence in split_sentences(paragraph):
                for name, start, end in self.names(sentence):
                    self.add(name, _description_around(sentence, start, end, earlier))
                offices.extend(_unnamed_offices(sentence, self))
                earlier = (earlier + " " + sentence)[-_EARLIER_CHARS:]
                check()
        for office in offices:
            fitting = [person for person in self.people.values() if not person.description.organization
                       and person.description.role and office.role in person.description.role.lower().split()]
            if len(fitting) == 1:
                fitting[0].describe_once(Description(None, office.organization))

    def surname_speaker(self, word: str) -> Person | None:
        """"Hartwell said": a speaker the page only ever names by surname, when the word can be one."""
        bare = word.strip(",.;:")
        if not bare[:1].isupper() or bare.lower() in self.common or is_acronym(bare) or is_place(bare) \
                or is_title(bare) or is_honorific(bare) or bare.lower() in _lower("pronouns") \
                or bare in _exact("not_name_words") or bare in _exact("organization_words") \
                or bare in _exact("publication_words", "boilerplate"):
            return None
        return self.by_surname(bare) or self.add(bare)


@lru_cache(maxsize=None)
def _role_noun_inside() -> re.Pattern[str]:
    """Any role noun anywhere in a lowered text, whole word or not: the gate before reading word by word."""
    return re.compile(alternation(sorted(_lower("role_nouns"))))


def _unnamed_offices(sentence: str, registry: Registry) -> list[Description]:
    """Offices the sentence names with their body but without a person: "Harbor Bank's chief
    economist", "el presidente de Ecopetrol" (role: the office's head noun)."""
    found: list[Description] = []
    if not _role_noun_inside().search(sentence.lower()):
        return found  # a word that is a role noun leaves one inside the lowered sentence: one scan rejects most
    words = sentence.split()
    for index, word in enumerate(words):
        bare = word.strip(",.;:").lower()
        if bare not in _lower("role_nouns"):
            continue
        following = words[index + 1] if index + 1 < len(words) and word[-1:] not in ",.;:" else ""
        if following[:1].isupper() and not is_organization_connector(following):
            continue  # "the chief economist Dana Ruiz" is described where she is named
        phrase = re.split(r"[,;:.“”\"«»]", " ".join(words[index:]), maxsplit=1)[0].split()
        tail = phrase[:2] + _takewhile_proper(phrase[2:])
        described = describe(" ".join(tail)) if len(tail) > 2 and is_organization_connector(tail[1]) else Description(None, None)
        if not described.organization:
            described = title_before(" ".join(words[max(0, index - _MAX_TITLE_GAP_WORDS):index + 1]).strip(",.;:"))
        rest = " ".join(words[index + len(tail):index + len(tail) + 4])
        if described.organization and not registry.names(rest):
            found.append(Description(bare, described.organization))
    return found


def _leading_description(clause: str, earlier: str = "") -> Description:
    """The description that ends a clause: "Finance Minister", "the NUPRC Chief Executive",
    "Así lo ve el director de Aduanas Andinas"; "Su director" works for the
    body named just before. A description never runs back across a clause ("the question of
    Carlos on whether she agrees with the economy minister": only "the economy minister")."""
    words = clause.split()
    opened = [index for index, word in enumerate(words) if opens_clause(word)]
    if opened:
        words = words[opened[-1] + 1:]
        clause = " ".join(words)
    described = title_before(clause)
    if not described.role:
        determiners = _lower("articles") | _lower("description_determiners") | _lower("possessive_determiners")
        starts = [i for i, word in enumerate(words) if word.lower() in determiners
                  and any(is_title(other.strip(",")) for other in words[i + 1:])
                  and not (i and is_organization_connector(words[i - 1]))]  # not "…de la consultora X"
        start = starts[-1] if starts else next((i for i, word in enumerate(words) if is_title(word.strip(","))), None)
        if start is None:
            return described
        described = describe(" ".join(words[start:]))
    owner = next((word for word in reversed(words) if word.lower() in _lower("possessive_determiners")), None)
    if owner and not described.organization:
        bodies = organizations_in(earlier)
        if bodies:
            return Description(described.role, bodies[-1])
    return described


def _description_around(text: str, start: int, end: int, earlier: str = "") -> Description:
    """What the sentence says of the person named at ``text[start:end]``: the office and body
    written before the name ("CBN Governor, Mr Ruth Adebayo", "el director de Migración
    Colombia, Juan Pérez"), else an appositive after it ("Dana Ruiz, economist at Harbor Bank")."""
    before = text[max(0, start - _CLAUSE_CHARS):start].split()
    while before and is_honorific(before[-1]):
        before.pop()
    before_text = " ".join(before)
    leading = Description(None, None)
    if before_text.endswith(","):
        body = before_text[:-1]
        clause = _CLAUSE.search(body).group(0)
        previous = body[:len(body) - len(clause)]
        if not any(is_title(word) for word in clause.split()) and previous.endswith(","):
            # "Director of the Dialogue’s Energy, Climate Change… Program, Mara Okonjo": one description
            clause = _CLAUSE.search(previous[:-1]).group(0) + "," + clause
            previous = body[:len(body) - len(clause)]
        chunk = _CLAUSE.search(previous.rstrip(" ,")).group(0).split()
        owner = person_names(" ".join(chunk))
        introduced = bool(chunk) and chunk[0].lower() in _lower("prepositions")  # "In an interview with Radio X,"
        if introduced or not (owner and " ".join(chunk).endswith(owner[-1][0])):
            leading = _leading_description(clause, earlier)  # not "Ana Ruiz, economist at X, Owen Marsh"
    elif before and not before_text.endswith(tuple(_QUOTE_MARKS)) and before[-1].lower() not in \
            _lower("prepositions") | _lower("listener_markers") | _lower("organization_connectors_inside"):
        # "el exjefe de la Policía Óscar Lemus" (not "El ministro dijo a Ana Gómez")
        leading = _leading_description(_CLAUSE.search(before_text + " ").group(0), earlier)
    after = _APPOSITIVE.match(text[end:])
    # an appositive that runs to the end of the sentence is short, or it is the predicate
    closed = after is not None and (after.group(0).rstrip().endswith((",", ";"))
                                    or len(after.group("text").split()) <= _MAX_OPEN_APPOSITIVE_WORDS)
    described = describe(after.group("text")) if after and closed and _reads_as_description(after.group("text")) \
        else Description(None, None)
    if not (leading.role or leading.organization):
        return described
    if before_text.endswith(","):
        return leading  # what follows "Desc, Name," is the sentence's predicate
    return described if described.organization and not leading.organization else leading


def _reads_as_description(text: str) -> bool:
    """An appositive describes a person when it opens with a title, an article or a
    lowercase noun, and names nobody else ("Maria Lopez, Juan Diaz" is a list);
    a relative clause does only as "who is…" ("quien recorrió…" tells what they did)."""
    words = text.split()
    named = person_names(text)
    if not words or (named and named[0][1] == 0):
        return False
    first = words[0].lower()
    lowered = text.lower()
    if first in _lower("definite_articles"):  # "la directora de X", not "el precio podría bajar"
        return any(is_title(word.strip(",")) or word.lower().strip(",") in _lower("role_nouns")
                   for word in words[1:_DEFINITE_DESCRIPTION_WORDS])
    if any(lowered.startswith(opener + " ") for opener in _lower("appositive_openers")):
        return True
    if first in _lower("relative_pronouns") | _lower("articles") or words[0] in _exact("reporting_verbs"):
        return False  # "quien recorrió…", "los funcionarios proporcionan…": a clause of its own
    if any(is_title(word.strip(",")) for word in words[:_MAX_TITLE_GAP_WORDS]) and not named:
        return True  # "Andean region economist at Harbor Bank"
    return words[0][:1].islower() and first not in _lower("prepositions")


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


@dataclass
class _Reading:
    """What the reader knows while going through one sentence."""

    registry: Registry
    language: str
    topic: Person | None  # the person the text was last about
    earlier: str  # the end of the paragraph before this sentence
    quoted: bool  # the sentence holds a quotation


def _is_description_gap(gap: str) -> bool:
    """Words between a verb and a name that describe the name or name the listener: "said
    French Prime Minister", "dijo la subdirectora de Migración,", "dijo a la prensa"
    (never "said on Monday that…")."""
    words = gap.split()
    if not words:
        return True
    if len(words) > _MAX_GAP_WORDS or any(word.lower().strip(",") in _lower("relative_pronouns") for word in words):
        return False
    listener = next((i for i, word in enumerate(words) if word.lower() in _lower("listener_markers")), None)
    if listener is not None and "," not in gap and listener + 1 < len(words) <= _MAX_TITLE_GAP_WORDS:
        return True  # "confirmó a este medio Juan Pérez" (not "dijo a Juan Pérez": the listener)
    if gap.rstrip().endswith(","):
        return "," not in gap.rstrip()[:-1] and any(is_title(word.strip(",")) for word in words)
    return "," not in gap and len(words) <= _MAX_TITLE_GAP_WORDS and is_title(words[-1])


def _described(clause: str, reading: _Reading, before: list[Person]) -> Person | None:
    """"the minister", "el presidente de Ecopetrol", "the extractive industries expert": the
    person the article named who fits, and any organization the description adds.

    Only a definite description points back; "a senior official" is someone unnamed.
    ``before`` are the people the sentence names before the description.
    """
    words = clause.strip(" ,").split()
    if not words or words[0].lower() not in _lower("description_determiners"):
        return None
    noun = next((i for i, word in enumerate(words[1:4], start=1) if word.lower().strip(",") in _lower("role_nouns")), None)
    if noun is None:
        return None
    phrase = words[:noun + 1]
    if noun + 1 < len(words) and words[noun + 1].lower() in _lower("relative_pronouns"):
        return None  # "el funcionario que emita suposiciones": anyone who does, not someone named
    if noun + 1 < len(words) and is_organization_connector(words[noun + 1]):
        rest = words[noun + 1:noun + 1 + _MAX_TITLE_GAP_WORDS]
        phrase += rest[:1] + [word for word in _takewhile_proper(rest[1:])]
    if noun + 1 < len(words) and words[noun + 1][:1].isupper() and not is_title(words[noun + 1]):
        return None  # "la consultora Gemines": the description names something else
    role = words[noun].lower().strip(",")
    fitting = [person for person in reading.registry.people.values()
               if person.description.role and role in person.description.role.lower().split()]
    candidates = [person for person in before if person in fitting] or (fitting if len(fitting) == 1 else [])
    if candidates:
        person: Person | None = candidates[-1]
    elif role in _lower("generic_person_nouns"):
        person = before[-1] if before else reading.topic  # "el banquero", "the expert": the person just named
    else:
        return None  # "la ministra" is not the economist quoted before
    if person is not None:
        person.describe_once(describe(" ".join(phrase)))
    return person


def _takewhile_proper(words: list[str]) -> list[str]:
    """The article and capitalised words that open ``words`` ("la Asociación X" of "la Asociación X ha…")."""
    taken: list[str] = []
    for word in words:
        if word[:1].isupper() or (word.lower() in _lower("articles") | _lower("organization_connectors_inside")):
            taken.append(word)
        else:
            break
    while taken and not taken[-1][:1].isupper():
        taken.pop()
    return taken


def _names_in_list(text: str, reading: _Reading) -> list[tuple[str, int, int]]:
    """"Dana Ruiz and Owen Marsh", "analysts including Dana Ruiz": every name of a list that ends ``text``."""
    names = reading.registry.names(text)
    if not names:
        return []
    taken = [names[-1]]
    joiners = _lower("list_joiners") | _lower("group_markers")
    for name in reversed(names[:-1]):
        between = text[name[2]:taken[0][1]].strip(" ,").lower()
        if between and between not in joiners:
            break
        taken.insert(0, name)
    return taken


def _speakers_before(before: str, reading: _Reading, people_before: list[Person]) -> list[Person]:
    """Who is named just before a reporting verb ("Alberto Ramos, economist at X, wrote")."""
    registry = reading.registry
    stripped = before.rstrip()
    words = stripped.split()
    if words and words[-1].lower() in _lower("pronouns") and reading.topic:
        return [reading.topic]  # "“…,” he said"
    appositive = _TRAILING_APPOSITIVE.search(stripped)
    if appositive:
        inner = appositive.group(1)
        named = registry.names(inner)
        prefix = inner[:named[0][1]].split() if named else []
        if named and inner.strip().endswith(named[0][0]) and (not prefix or _titled(prefix)):
            # "el presidente de la compañía, Javier Gutiérrez, informó": the role comes first
            clause = _CLAUSE.search(stripped[max(0, appositive.start() - _CLAUSE_CHARS):appositive.start()]).group(0)
            return [registry.add(named[0][0], _leading_description(clause, reading.earlier))]
        marker = inner.split()[0].lower() if inner.split() else ""
        if named and marker in _lower("group_markers"):
            return [registry.add(name) for name, _, _ in _names_in_list(inner, reading)]  # "analysts, including X, said"
    relative = _relative_speaker(stripped, reading)
    if relative:
        return [relative]
    head = (stripped[:appositive.start()] if appositive else stripped).rstrip(" ,")
    head = _AGE.sub("", head)  # "Ana Ruiz, 45, a fruit exporter, said"
    if not head.strip():
        return []
    window = head[-_CLAUSE_CHARS:]
    offset = len(head) - len(window)
    clause = _CLAUSE.search(window).group(0)
    names = registry.names(window)
    if names:
        name, start, end = names[-1]
        tail = window[end:]
        object_of = window[:start].split()[-1:]
        if object_of and (object_of[0].lower() in _lower("prepositions") or is_organization_connector(object_of[0])):
            names = []  # "la renuncia de Cristian Kessler, reveló": the name is inside a complement
        elif not tail.strip() or _is_body_tail(tail):
            listed = _names_in_list(window[:end], reading)
            people = []
            for listed_name, listed_start, listed_end in listed:
                description = describe(tail) if tail.strip() and listed_name == name else None
                if not description or not (description.organization or description.role):
                    description = _description_around(head, listed_start + offset, listed_end + offset, reading.earlier)
                people.append(registry.add(listed_name, description))
            if appositive and _reads_as_description(appositive.group(1)):
                people[-1].describe_once(describe(appositive.group(1)))
            return people
    person = _described(clause, reading, people_before)
    if person:
        return [person]
    clause_words = clause.split()
    last_word = clause_words[-1] if clause_words else ""
    titled = _titled(clause_words[:-1])
    if last_word[:1].isupper() and (len(clause_words) == 1 or titled):
        found = registry.by_surname(last_word.strip(",")) or (registry.surname_speaker(last_word) if reading.quoted else None)
        if found and appositive and _reads_as_description(appositive.group(1)):
            found.describe_once(describe(appositive.group(1)))  # "Lindo, who heads the X, said"
        if found:
            return [found]
    return []


def _relative_speaker(before: str, reading: _Reading) -> Person | None:
    """"la ministra Elena Castrillo que el pasado jueves aseguraba…", "Ana Ruiz, who on Monday said…":
    the person a short relative clause with the reporting verb hangs on."""
    words = before.split()
    relative = next((i for i in range(len(words) - 1, max(-1, len(words) - _MAX_RELATIVE_WORDS - 2), -1)
                     if words[i].lower() in _lower("relative_pronouns")), None)
    if relative is None or relative == 0:
        return None
    antecedent = " ".join(words[:relative]).rstrip(" ,")
    names = reading.registry.names(antecedent[-_CLAUSE_CHARS:])
    if not names or not antecedent.endswith(names[-1][0]) or reading.registry.names(" ".join(words[relative + 1:])):
        return None
    window = antecedent[-_CLAUSE_CHARS:]
    name, start, end = names[-1]
    return reading.registry.add(name, _description_around(window, start, end, reading.earlier))


def _title_length(words: list[str]) -> int:
    """How many of the first words are a title before a surname ("Acting Deputy Secretary", "el ministro")."""
    ends = [i + 1 for i, word in enumerate(words[:_MAX_TITLE_GAP_WORDS]) if is_title(word) or is_honorific(word)]
    return next((end for end in reversed(ends) if _titled(words[:end])), 0)


def _titled(words: list[str]) -> bool:
    """Words that can stand before a surname as its title: "President", "el ministro", "Acting Deputy
    Assistant Secretary", "Dr." (at least one office or honorific, nothing else lowercase)."""
    determiners = _lower("articles") | _lower("description_determiners")
    return any(is_title(word) or is_honorific(word) for word in words) and all(
        is_title(word) or is_honorific(word) or word.lower() in determiners or word[:1].isupper() for word in words)


def _is_body_tail(tail: str) -> bool:
    """" of Harbor Bank", " of the farmers' group Agrisur": the body after a speaker's name."""
    words = tail.split()
    return bool(words) and is_organization_connector(words[0]) and len(words) <= _MAX_TAIL_WORDS \
        and not any(mark in tail for mark in ",;:" + _QUOTE_MARKS) and bool(describe(tail).organization)


def _speakers_after(after: str, reading: _Reading, people_before: list[Person]) -> list[Person]:
    """The person named right after a reporting verb ("…," says Maria Rodriguez, analyst at X)."""
    registry = reading.registry
    window = after[:_SPEAKER_WINDOW]
    names = registry.names(window)
    for index, (name, start, end) in enumerate(names):
        gap = window[:start]
        if index + 1 < len(names) and window[end:names[index + 1][1]].split() and all(
                is_title(word) for word in window[end:names[index + 1][1]].split()):
            continue  # "said Morgan Stanley analyst Ana Lopes": the first name is her employer
        if any(mark in gap for mark in _QUOTE_MARKS + ";:") or len(gap.split()) > _MAX_GAP_WORDS \
                or any(word.lower().strip(",") in _lower("relative_pronouns") for word in gap.split()):
            break
        if not _is_description_gap(gap):
            continue  # "el director de la encuestadora Datum Sur, Hugo Vallejos": a body inside the description
        if _POSSESSIVE_AFTER.match(window, end):
            break  # "said Trump's envoy": the owner is not the speaker
        if gap.strip():
            description = _leading_description(gap.rstrip(" ,"), reading.earlier)
            around = _description_around(window, start, end, reading.earlier)
            if around.organization and not description.organization:
                description = Description(description.role or around.role, around.organization)
        else:
            description = _description_around(window, start, end, reading.earlier)
        return [registry.add(name, description)]
    words = window.split()
    if not words:
        return []
    if words[0].lower().strip(",.") in _lower("pronouns") and reading.topic:
        return [reading.topic]  # "…," said he
    lead = _title_length(words)  # "said President Biden", "dijo el ministro Cifuentes"
    if lead < len(words) and words[lead][:1].isupper() and words[lead].strip(",.") not in _exact("not_name_words"):
        word = words[lead].strip(",.")
        alone = lead + 1 == len(words) or words[lead].endswith((",", ".")) or words[lead + 1][:1].islower()
        found = registry.by_surname(word) or (registry.surname_speaker(word) if reading.quoted and alone else None)
        if found:
            return [found]
    clause = re.split(r"[,;:.“”\"«»]", window, maxsplit=1)[0]
    person = _described(clause, reading, people_before)
    return [person] if person else []


def _opens_clause(before: str) -> bool:
    """Nothing but adverbs between the last punctuation and the verb ("…, dijo", "Así lo ha dicho")."""
    clause = _CLAUSE.search(before).group(0).split()
    openers = _lower("verb_adverbs") | _lower("auxiliaries") | _lower("clause_openers")
    return all(word.lower() in openers for word in clause)


def _pro_drop(before: str, after: str, reading: _Reading) -> bool:
    """A verb with no subject of its own ("“…”, observó." / "Así lo ha dicho"), in a language that drops it."""
    if not lexicon.load(reading.language, "speech").get("drops_subject") or reading.topic is None:
        return False
    follows = after.split()
    named_after = bool(follows) and (follows[0].lower() in _lower("articles") or follows[0][:1].isupper())
    head = before.rstrip()
    chunk = _CLAUSE.search(head[:-1]).group(0) if head.endswith(",") else ""
    # "el Presidente de la República, declaró", "coronel Raúl Soto, explicó": the subject is written
    subject_before = bool(chunk.split()) and (chunk.split()[0].lower() in _lower("description_determiners")
                                              or bool(reading.registry.names(chunk)))
    return _opens_clause(before) and not named_after and not subject_before


@lru_cache(maxsize=None)
def _clause_joiner_pattern(language: str) -> re.Pattern[str]:
    """", and", "; mientras": where a sentence starts a clause that may have a speaker of its own."""
    return re.compile(rf"[,;]\s+(?:{_alternation(lexicon.words(language, 'speech', 'clause_joiners'))})\s+|;\s+")


def _speaker_of_verb(before: str, after: str, verb: str, reading: _Reading, people_before: list[Person]) -> list[Person]:
    """Who speaks through one reporting verb: named before it, after it, or understood."""
    if not after.strip(" .") and not reading.quoted and verb.split()[-1].lower() in _lower("credit_verbs"):
        return []  # "Abdulwahab Isa reports": a credit, not a statement
    inverted = verb.split()[-1].lower() not in _lower("listener_verbs")  # "told Anadolu": the listener
    if inverted and before.rstrip().endswith(_CLOSING_QUOTE):
        found = _speakers_after(after, reading, people_before)
        if found:
            return found
    found = _speakers_before(before, reading, people_before)
    if found:
        return found
    if inverted and (_opens_clause(before) or lexicon.load(reading.language, "speech").get("inverts_subject")):
        found = _speakers_after(after, reading, people_before)
        if found:
            return found
    return [reading.topic] if reading.topic and _pro_drop(before, after, reading) else []


def _speakers_of(sentence: str, reading: _Reading, mentions: list[tuple[int, Person]]) -> list[Person]:
    """Who a sentence attributes speech to, if anyone: one speaker per clause ("…, and Brandt will argue").

    ``mentions``: the known people the sentence names, by position. Every look
    is bounded to a window around its verb, so a long sentence costs linear time.
    """
    language = reading.language
    starts = [start for start, _ in mentions]

    def before_at(position: int) -> list[Person]:
        """The people named in the stretch just before ``position``."""
        window = mentions[bisect_left(starts, position - _BEFORE_CHARS):bisect_left(starts, position)]
        return [person for _, person in window]

    speakers: list[Person] = []
    for match in _phrase_pattern(language, "according_to").finditer(sentence):
        rest = sentence[match.end():match.end() + _SPEAKER_WINDOW]
        found = _speakers_after(rest, reading, before_at(match.start()))
        if found:
            listed = _names_in_list(re.split(r"[,;:.“”\"«»]", rest, maxsplit=1)[0], reading)
            found += [reading.registry.add(name) for name, _, _ in listed[1:]]  # "according to X and Y"
            speakers.extend(person for person in found if person not in speakers)
    framing = _phrase_pattern(language, "opinion_framing").match(sentence)
    if framing:
        rest = sentence[framing.end():framing.end() + _SPEAKER_WINDOW]
        found = _speakers_after(rest, reading, [])
        if found and "," in rest:
            speakers.extend(person for person in found if person not in speakers)
    clauses = [0] + [joiner.end() for joiner in _clause_joiner_pattern(language).finditer(sentence)]
    spoken_until = -1  # where the clause of the last speaker ends: "Ruiz said Marsh had told him" is Ruiz's
    for match in _verb_pattern(language).finditer(sentence):
        clause_start = clauses[bisect_right(clauses, match.start()) - 1]
        if clause_start <= spoken_until:
            continue
        before = sentence[max(clause_start if speakers else 0, match.start() - _BEFORE_CHARS):match.start()]
        after = sentence[match.end():match.end() + _SPEAKER_WINDOW]
        found = _speaker_of_verb(before, after, match.group(0), reading, before_at(match.start()))
        if found:
            speakers.extend(person for person in found if person not in speakers)
            spoken_until = match.start()
    if speakers:
        return speakers
    gerund = _gerund_pattern(language).search(sentence)
    if gerund:
        subjects = before_at(gerund.start())
        if subjects:
            return subjects[-1:]  # "Prime Minister Tomás Quiroga rejected the claim, insisting…"
        first = sentence.split(maxsplit=1)[0].lower() if sentence.strip() else ""
        if first in _lower("pronouns") and reading.topic:
            return [reading.topic]
    colon = _COLON_QUOTE.search(sentence)
    if colon:
        names = reading.registry.names(sentence[max(0, colon.start() - _CLAUSE_CHARS):colon.start()])
        if names:
            return [reading.registry.add(names[-1][0])]
    return []


def _mentions(sentence: str, registry: Registry) -> list[tuple[int, Person]]:
    """The known people a sentence names, with where, by full name or surname (not "Trump's" owners)."""
    found: list[tuple[int, Person]] = []
    covered: set[int] = set()
    for name, start, end in registry.names(sentence):
        covered.update(word.start() + start for word in re.finditer(r"\S+", name))
        if not _POSSESSIVE_AFTER.match(sentence, end):
            found.append((start, registry.add(name)))
    surnames = registry.surnames
    for match in re.finditer(r"[^\W\d_][\w’'-]*", sentence):
        if match.group(0) not in surnames or match.start() in covered:
            continue
        person = registry.by_surname(match.group(0))
        if person and not _POSSESSIVE_AFTER.match(sentence, match.end()):
            found.append((match.start(), person))
    return sorted(found, key=lambda pair: pair[0])


@lru_cache(maxsize=None)
def _copula_pattern() -> re.Pattern[str]:
    pronouns = _alternation(lexicon.all_words("speech", "pronouns"))
    copulas = _alternation(lexicon.all_words("speech", "copulas"))
    return re.compile(rf"(?:{pronouns})\s*(?:{copulas})\s+(?P<rest>[^;:“”\"«»]+)", re.IGNORECASE)


def _described_later(sentence: str, topic: Person | None) -> None:
    """"She now teaches at Harbor University": a sentence about the person last named gives their organization."""
    if topic is None or topic.description.organization:
        return
    match = _copula_pattern().match(sentence)
    if match:
        described = describe(re.split(r",\s", match.group("rest"), maxsplit=1)[0])
        if described.organization:
            topic.describe_once(Description(topic.description.role or described.role, described.organization))


@dataclass(frozen=True)
class Attribution:
    """Words the article gives to a person: a quotation, or a sentence of indirect speech."""

    person: Person
    paragraph: int
    words: str


def _is_question(paragraph: str) -> bool:
    """A framing question of a Q&A ("…?", "Q: …"): its newsmakers are asked about, they do not speak."""
    label = paragraph.split(":", 1)[0].strip() if ":" in paragraph[:_LABEL_CHARS] else ""
    return paragraph.rstrip().endswith("?") or label in _exact("interviewer_labels")


def _joined(paragraphs: list[str]) -> list[tuple[int, str]]:
    """Paragraphs with a hard line break inside a sentence mended ("asegura el" / "intendente…")."""
    mended: list[tuple[int, str]] = []
    for index, paragraph in enumerate(paragraphs):
        text = paragraph.strip()
        if mended and text[:1].islower() and not mended[-1][1].endswith(_SENTENCE_END):
            mended[-1] = (mended[-1][0], mended[-1][1] + " " + text)
        else:
            mended.append((index, text))
    return mended


def find_attributions(paragraphs: list[str], language: str, registry: Registry) -> list[Attribution]:
    """Every attributed statement, in reading order.

    A quotation that follows in the same paragraph without an attribution of
    its own stays with the last speaker; a pronoun, a dropped subject or a
    description ("el ministro") stands for the person the text was last about.
    """
    found: list[Attribution] = []
    topic: Person | None = None
    for index, paragraph in _joined(paragraphs):
        if _is_question(paragraph):
            continue
        masked, quotes = _mask_quotes(paragraph)
        current: Person | None = None
        earlier = ""
        for sentence in split_sentences(masked):
            said = " ".join(_clean_quote(quotes[int(n)]) for n in _PLACEHOLDER.findall(sentence))
            mentions = _mentions(sentence, registry)
            speakers = _speakers_of(sentence, _Reading(registry, language, topic, earlier, bool(said)), mentions)
            earlier = (earlier + " " + sentence)[-_EARLIER_CHARS:]
            check()
            if not speakers:
                _described_later(sentence, topic)
                if current is not None and sentence.startswith(_OPENING_QUOTE) and said:
                    found.append(Attribution(current, index, said))
                elif mentions:
                    topic = mentions[0][1]
                continue
            current = topic = speakers[-1]
            for person in speakers:
                found.append(Attribution(person, index, said or _unmask(sentence, quotes)))
    return found

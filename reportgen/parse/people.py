"""People in running text: what a name looks like, and how a description of a
person splits into role and organization.

Shared by every way an article introduces a speaker (Q&A answers, speaker
labels, "…," said X), so all of them agree on what a name is.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .letters import LOWER, UPPER, LatinPattern

_APOSTROPHES = "’'"
# "Ruiz", "O'Neill", "McGurk", "MacLeod", "Felbab-Brown"; an initial "J."; capitals "CÁRDENAS".
_CORE = rf"[{UPPER}](?:[{_APOSTROPHES}][{UPPER}])?[{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
_NAME_WORD = rf"(?:{_CORE}(?:-{_CORE})*|[{UPPER}]\.|[{UPPER}]{{2,}}\b)"


def _particle_pattern() -> str:
    particles = sorted({word for word in lexicon.all_words("speech", "name_particles")}, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(particle).replace(r"\ ", r"\s+") for particle in particles) + ")"


# Two to eight name words, particles allowed between them ("Diego Marroquín Bitar",
# "Greta van der Linden", "Luis Toto Caputo", "María Isabel Saravia").
NAME_PATTERN = rf"{_NAME_WORD}(?:\s+(?:{_particle_pattern()}\s+)?{_NAME_WORD}){{1,7}}"
_NAME_RE = LatinPattern(rf"(?<![\w’'.-]){NAME_PATTERN}(?![\w-])")
_POSSESSIVE = re.compile(r"[’']s?$")
_NUMBER_AFTER = re.compile(r"\s+\d")
_MAX_ORGANIZATION_BEFORE_TITLE = 5
_MAX_ROLE_WORDS = 12
_CONTEXT_CHARS = 80
_WORD_CACHE = 8192
_TEXT_CACHE = 2048


@dataclass(frozen=True)
class Description:
    """What an appositive says about a person."""

    role: str | None
    organization: str | None


@lru_cache(maxsize=None)
def _set(topic: str, key: str) -> frozenset[str]:
    return frozenset(lexicon.all_words(topic, key))


@lru_cache(maxsize=None)
def _lower_set(topic: str, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words(topic, key))


@lru_cache(maxsize=None)
def _places() -> frozenset[str]:
    names: set[str] = set()
    for language in lexicon.LANGUAGES:
        for values in lexicon.load(language, "places").values():
            if isinstance(values, list):
                names.update(value.lower() for value in values if isinstance(value, str))
    return frozenset(names)


def is_place(text: str) -> bool:
    """A country, region or city name (from the lexicon's gazetteer)."""
    return text.strip().lower() in _places()


def _bare(token: str) -> str:
    """A token without the punctuation around it or a possessive ending."""
    return _POSSESSIVE.sub("", token.strip(",.;:()“”\"«»"))


def _has_word_from(text: str, words: frozenset[str]) -> bool:
    return any(_bare(token) in words or token in words for token in text.split())


@lru_cache(maxsize=_WORD_CACHE)
def is_title(word: str) -> bool:
    """An office or honorific ("Governor", "chief", "Dr."), in any case."""
    return word in _set("speech", "titles") or word.lower() in _lower_set("speech", "titles") \
        or word.rstrip(",").lower() in _lower_set("speech", "titles")


def is_honorific(word: str) -> bool:
    """A courtesy title ("Mr", "Dra.", "Honorable"): part of no name and no role."""
    return word in _set("speech", "honorifics") or word.lower() in _lower_set("speech", "honorifics")


def is_acronym(word: str) -> bool:
    letters = _bare(word).replace(".", "").replace("&", "")
    return len(letters) > 1 and letters.isupper() and letters.isalpha()


def common_words(texts: Iterable[str]) -> frozenset[str]:
    """The words a text writes in lower case: a capitalised phrase made only of
    them ("Energy Security", "Next Up") is a heading or a topic, not a name."""
    return frozenset(word for text in texts for word in re.findall(rf"(?<![\w-])[{LOWER}][\w’'-]*", text))


def looks_like_person(name: str, common: Collection[str] = ()) -> bool:
    """Could this capitalised phrase be a person's name (not a place, body or title)?

    ``common`` holds the words the article writes in lower case; a phrase of
    nothing else is not a name.
    """
    tokens = name.split()
    names = [token for token in tokens if token[:1].isupper()]
    if len(tokens) < 2 or tokens[0] in _set("speech", "not_name_words") or tokens[0][:1].islower() \
            or tokens[-1][:1].islower():
        return False
    if tokens[-1] in _set("speech", "not_name_words") or tokens[-1] in _set("boilerplate", "publication_words"):
        return False
    if _has_word_from(name, _set("speech", "organization_words")) or _has_word_from(name, _set("speech", "place_words")):
        return False
    if any(is_title(token) for token in names):
        return False
    if is_place(name) or is_place(" ".join(tokens[:-1])) or any(
            is_place(" ".join(tokens[i:])) and (tokens[i - 1][:1].islower() or all(token.lower() in common for token in tokens[:i]))
            for i in range(1, len(tokens))):
        return False  # "Costa Rica", "Petróleos de Venezuela"; "Ana Paris" is a person
    if common and all(token.lower() in common for token in names):
        return False
    # "VOA Pentagon", "Atlas SUV": an acronym among the words makes a brand or a body.
    # (All-capital speaker labels such as "CARDENAS:" are read by the dialogue finder.)
    return not any(is_acronym(token) for token in tokens)


@lru_cache(maxsize=_WORD_CACHE)
def _is_stray(token: str) -> bool:
    """A capitalised word that can stand before or after a name without being part of it."""
    return (token in _set("speech", "not_name_words") or is_title(token) or is_honorific(token)
            or _has_word_from(token, _set("speech", "organization_words"))
            or is_acronym(token) or token[:1].islower())


def person_names(text: str, common: frozenset[str] = frozenset()) -> list[tuple[str, int, int]]:
    """Every person-like name in ``text`` with its span, titles and stray words trimmed.

    "Energy Secretary Dario Martinez" gives "Dario Martinez"; "AFP Martha Keays"
    gives "Martha Keays"; "Consultant Tessa Brannigan" gives "Tessa Brannigan".
    """
    return list(_person_names(text, frozenset(common)))


@lru_cache(maxsize=_TEXT_CACHE)
def _person_names(text: str, common: frozenset[str]) -> tuple[tuple[str, int, int], ...]:
    """``person_names``, remembered: attribution reads the same sentence from several verbs."""
    found: list[tuple[str, int, int]] = []
    organization_words = _set("speech", "organization_words")
    for match in _NAME_RE.finditer(text):
        tokens = match.group(0).split()
        if _has_word_from(tokens[0], organization_words) and any(token[:1].islower() for token in tokens) \
                and not any(is_title(token) for token in tokens[1:]):
            continue  # "Instituto Andino de Recursos Naturales" is a body, not a person
        spans = [(word.start(), word.end()) for word in re.finditer(r"\S+", match.group(0))]
        strays = [i for i, token in enumerate(tokens) if _is_stray(token) and not token[:1].islower()]
        if _has_word_from(tokens[0], organization_words):
            strays.append(0)  # "la Policía Eduardo Pérez Rocha": the body ends where the name starts
        first = max((i + 1 for i in strays if len(tokens) - i - 1 >= 2), default=0)
        last = len(tokens)
        if first and len(tokens) - first > 2 and is_acronym(tokens[first - 1]):
            first += 1  # "BBC Mundo Jorge Peña": the word after an acronym finishes its name
        while last - first > 2 and (is_place(tokens[first]) or tokens[first].lower() in common):
            first += 1  # "Ukraine Marie Yovanovitch": a place is not a first name
        while last - first > 2 and _is_stray(tokens[last - 1]):
            last -= 1  # "Dana Ruiz Senior…" across a line break
        while last - first > 1 and tokens[last - 1][:1].islower():
            last -= 1  # a particle ends no name
        start, end = match.start() + spans[first][0], match.start() + spans[last - 1][1]
        if _after_office(text[max(0, start - _CONTEXT_CHARS):start]):
            if last - first <= 2:
                continue  # "gerenta general de Minera Andina": the body the office is of
            first += 1  # "exviceministro de Minas Ramiro Cuesta": the portfolio belongs to the office
        start = match.start() + spans[first][0]
        name = " ".join(tokens[first:last])
        before = text[max(0, start - _CONTEXT_CHARS):start].split()
        if before and before[-1].lower() in _lower_set("speech", "definite_articles"):
            continue  # "para el Hemisferio Occidental": a person's name takes no article
        if _inside_body_name(before):
            continue  # "the Annual Conference on Insurance Regulation": the rest of a body's name
        if _NUMBER_AFTER.match(text, end):
            continue  # "Nord Stream 2", "Airbus A320": a product or project
        if looks_like_person(name, common):
            found.append((name, start, end))
    return tuple(found)


def _inside_body_name(words_before: list[str]) -> bool:
    """Do the words before a phrase open a body's name that goes on through it ("Council on", "Instituto de")?"""
    if not words_before or not _is_connector(words_before[-1]) or words_before[-1][:1].isupper():
        return False
    run = []
    for word in reversed(words_before[:-1]):
        if not (word[:1].isupper() or _is_connector(word)) or word.endswith((",", ".", ";", ":")):
            break
        run.append(word)
    return _has_word_from(" ".join(run), _set("speech", "organization_words"))


def _after_office(text_before: str) -> bool:
    """Does the text end "<office> of" / "<cargo> de", so that a portfolio comes next?"""
    words = text_before.split()[-2:]
    return len(words) == 2 and is_title(words[0]) and is_organization_connector(words[1])


def _strip_article(text: str) -> str:
    words = text.split(maxsplit=1)
    if len(words) == 2 and words[0].lower() in _lower_set("speech", "articles") | _lower_set("speech", "possessive_determiners"):
        return words[1]
    return text


def _is_connector(word: str) -> bool:
    return word.lower() in _lower_set("speech", "organization_connectors_inside")


def is_proper_phrase(text: str) -> bool:
    """Every content word capitalised: "the Council on Foreign Relations' Latin America Initiative"."""
    words = _strip_article(text.strip()).replace("(", " ").replace(")", " ").split()
    if not words or not words[0][:1].isupper():
        return False
    return all(word[:1].isupper() or word[:1].isdigit() or _is_connector(word) for word in words)


def _proper_prefix(words: list[str], standalone: bool = True) -> list[str]:
    """The longest run of capitalised words (and connectors between them) that opens ``words``
    and names something on its own.

    A comma ends it ("CEPA, Tomáš Dvořák" are two things); so does the first
    lowercase word that is not a connector ("Harvard University and former…").
    With ``standalone``, a run that a common noun goes on ("the Monitor board")
    names nothing.
    """
    start = 1 if words and words[0].lower() in _lower_set("speech", "articles") else 0
    taken: list[str] = []
    last_proper = -1
    closed = True
    for word in words[start:]:
        bare = word.strip("()")
        if bare[:1].isupper() or bare[:1].isdigit() or (taken and word.startswith("(")):
            taken.append(word)
            last_proper = len(taken) - 1
            if word.endswith((",", ";", ":", ".")) and not is_acronym(word):
                break
        elif taken and _is_connector(word):
            taken.append(word)
        else:
            closed = not taken or last_proper < len(taken) - 1 or word.lower() in _closing_words()
            break
    return taken[:last_proper + 1] if closed or not standalone else []


@lru_cache(maxsize=None)
def _closing_words() -> frozenset[str]:
    """Lowercase words that may follow an organization's name without continuing it."""
    return frozenset().union(*(_lower_set("speech", key) for key in (
        "list_joiners", "relative_pronouns", "former_words", "prepositions", "organization_connectors_inside")))


def _clean_organization(words: list[str]) -> str:
    organization = " ".join(words).strip(" ,;:")
    if organization.count("(") > organization.count(")"):
        organization = organization[:organization.rindex("(")].strip()
    return _without_place_suffix(organization)


@lru_cache(maxsize=None)
def _office_titles() -> frozenset[str]:
    return _lower_set("speech", "office_titles")


def _is_office(role: str, organization: str) -> bool:
    """"ministro del Interior", "Secretary of State": the office of a portfolio, not of a body."""
    words = {part.lower() for word in role.split() for part in re.split(r"[-/]", word)}
    return bool(words & _office_titles()) and not _has_word_from(organization, _set("speech", "organization_words"))


def _without_place_suffix(organization: str) -> str:
    """"Stonebridge Sovereign Research in New York" names the body, not its city."""
    for marker in _lower_set("speech", "place_markers"):
        head, _, place = organization.rpartition(f" {marker} ")
        if head and is_place(place):
            return head
    return organization


def _possessive_owner(words: list[str]) -> tuple[str, int] | None:
    """"the IMF's representative": the body that owns the office, and where the office starts."""
    start = 1 if words and words[0].lower() in _lower_set("speech", "articles") else 0
    for index in range(start, min(len(words) - 1, start + _MAX_ORGANIZATION_BEFORE_TITLE)):
        word = words[index]
        if not word[:1].isupper() or is_title(_bare(word)):
            return None
        if re.search(r"[’']s$", word):
            owner = " ".join(words[start:index] + [_bare(word)])
            return None if is_place(owner) else (owner, index + 1)
    return None


def _trailing_name(words: list[str]) -> list[str]:
    """"the farmers' group Agrisur", "la encuestadora Vox Populi": the name that ends a common noun phrase."""
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or (run and _is_connector(word)):
            run.insert(0, word)
        else:
            break
    while run and _is_connector(run[0]):
        run.pop(0)
    if not run or len(run) == len(words) or is_place(" ".join(run)):
        return []
    lead = words[:len(words) - len(run)]
    return run if all(word[:1].islower() for word in lead) else []


@lru_cache(maxsize=None)
def _connector_tiers() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(word.lower() for word in tier) for tier in lexicon.all_words("speech", "organization_connector_tiers"))


def is_organization_connector(word: str) -> bool:
    """A word after which an organization may be written ("at", "of", "de")."""
    return any(word.lower() in tier for tier in _connector_tiers())


def _split_positions(words: list[str]) -> list[int]:
    """Where an organization may start: first in the current post (before "former"/"ex"),
    the strongest connector first ("Director of Research … at Sucafina"), each left to right."""
    former = next((i for i, word in enumerate(words) if word.lower().strip(",") in _lower_set("speech", "former_words")), len(words))
    positions: list[int] = []
    for part in (range(former), range(former, len(words))):
        for tier in _connector_tiers():
            positions.extend(index for index in part if words[index].lower() in tier)
    # "member of the Monitor board and president of the Lima Chamber": a seat on a board yields to a post
    if not words or words[0].lower() not in _lower_set("speech", "membership_roles"):
        return positions
    joined = next((i for i, word in enumerate(words) if word.lower() in _lower_set("speech", "list_joiners")), len(words))
    return sorted(positions, key=lambda index: index < joined < former)


def describe(appositive: str) -> Description:
    """Split "senior fellow at the Brookings Institution" into role and organization;
    the role is kept only as a title or office phrase (see ``office_phrase``)."""
    found = _split_description(appositive)
    return Description(office_phrase(found.role), found.organization)


@lru_cache(maxsize=None)
def _finite_verbs() -> frozenset[str]:
    """One-word finite verb forms: the reporting verbs and the common forms the lexicon lists."""
    forms = _lower_set("speech", "reporting_verbs") | _lower_set("speech", "finite_verbs")
    return frozenset(form for form in forms if " " not in form)


@lru_cache(maxsize=None)
def _before_a_noun() -> frozenset[str]:
    """Words after which a verb-like word is a noun ("head of claims", "las alertas")."""
    return frozenset().union(*(_lower_set("speech", key) for key in (
        "articles", "prepositions", "possessive_determiners", "organization_connectors_inside")))


def opens_clause(word: str) -> bool:
    """A clause word or a finite verb ("si", "that", "coincide"): no description runs across one."""
    return _bare(word) in _lower_set("speech", "clause_words") or _bare(word) in _finite_verbs()


def office_phrase(role: str | None) -> str | None:
    """A role as a title or office: cut where a clause opens ("presidente, quien agregó que…" is
    "presidente"), and none at all when a finite verb is left in it ("señala que…", "is the head")
    or it runs longer than a title does. Verb-like words after an article or preposition are nouns."""
    if not role:
        return None
    words = role.split()
    clause_words = _lower_set("speech", "clause_words")
    opens = next((index for index, word in enumerate(words) if _bare(word) in clause_words), len(words))
    words = words[:opens]
    while words and _is_connector(words[-1].strip(",;:")):
        words.pop()
    verbs = _finite_verbs()
    noun_before = _before_a_noun()
    if len(words) > _MAX_ROLE_WORDS or any(
            _bare(word) in verbs and not (index and words[index - 1].lower() in noun_before)
            for index, word in enumerate(words)):
        return None
    return " ".join(words).strip(" ,;:") or None


def _split_description(appositive: str) -> Description:
    """Split "senior fellow at the Brookings Institution" into role and organization.

    The organization is the first run of proper names after " at "/" of " (or
    Spanish " de "), a body that owns the office ("the IMF's representative"),
    or the name that ends a common noun ("the farmers' group Agrisur"); an
    office of a place or portfolio ("former president of Costa Rica",
    "ministro del Interior") has no organization.
    """
    text = " ".join(appositive.strip(" ,.;:").split())
    openers = sorted(_lower_set("speech", "appositive_openers"), key=len, reverse=True)
    stripped = True
    while stripped:
        stripped = False
        for opener in openers:
            if text.lower().startswith(opener + " ") and len(text) > len(opener) + 1:
                text, stripped = text[len(opener) + 1:], True
                break
    if not text:
        return Description(None, None)
    words = text.split()
    owner = _possessive_owner(words)
    if owner:
        return Description(" ".join(words[owner[1]:]) or None, owner[0])
    before_title = organization_before_title(words)
    if before_title and any(is_acronym(word) for word in words[:2]):
        return before_title  # "NUPRC Head of Public Affairs": the acronym is the body
    for position in _split_positions(words):
        role = _strip_article(" ".join(words[:position])).strip(" ,") or None
        remainder = words[position + 1:]
        proper = _proper_prefix(remainder)
        if not proper:
            named = _trailing_name(remainder) if not any(is_organization_connector(word) for word in remainder) else []
            if named:
                return Description(role, _clean_organization(named))
            continue
        organization = _clean_organization(proper)
        if is_place(organization) or (role and _is_office(role, organization)):
            continue
        return Description(role, organization)
    if before_title:
        return before_title
    if is_proper_phrase(text) and _has_word_from(text, _set("speech", "organization_words")):
        return Description(None, _without_place_suffix(_strip_article(text)))
    return Description(_strip_article(text) or None, None)


def organization_before_title(words: list[str]) -> Description | None:
    """"CRB Governor", "ANP Chief Executive", "Port District Chief Inspector": the body
    written before the office, when it is an acronym or carries an organization word."""
    words = [word for word in words if not is_honorific(word)]
    if words and words[0].lower() in _lower_set("speech", "articles"):
        words = words[1:]
    first_title = next((i for i, word in enumerate(words) if is_title(_bare(word))
                        and (word[:1].isupper() or not word[:1].isupper() and i >= 2)), None)
    if not first_title or not all(word[:1].isupper() or _is_connector(word) for word in words[:first_title]):
        return None
    head = words[:first_title]
    organization_words = _set("speech", "organization_words")
    last_body = max((i for i, word in enumerate(head) if is_acronym(word) or _bare(word) in organization_words), default=-1)
    if words[first_title][:1].islower() and last_body < 0:
        last_body = len(head) - 1  # "Morgan Stanley analyst": a name before a lowercase office is its body
    while last_body + 2 < len(head) and _is_connector(head[last_body + 1]) and head[last_body + 2][:1].isupper():
        last_body += 2  # "Bank of Guatemala president"
    if last_body < 0 or is_place(" ".join(head[:last_body + 1])) or looks_like_person(" ".join(head[:last_body + 1])) \
            and not words[first_title][:1].islower():
        return None
    role = " ".join(head[last_body + 1:] + words[first_title:]).strip(" ,") or None
    return Description(role, _clean_organization(head[:last_body + 1]))


def title_before(text_before: str) -> Description:
    """The office written just before a name: "Energy Secretary", "Mexico’s central bank Governor",
    "authority chief", "CSIS Executive Director"."""
    words = text_before.rstrip().split()
    while words and is_honorific(words[-1]):
        words.pop()
    taken: list[str] = []
    while words and (is_title(words[-1]) or (taken and words[-1][:1].isupper()
                                              and words[-1] not in _set("speech", "not_name_words")
                                              and not _POSSESSIVE.search(words[-1])
                                              and not words[-1].endswith((",", ".", ":", ";")))
                     or (taken and len(words) > 1 and _is_connector(words[-1]) and taken[0][:1].isupper()
                         and words[-2][:1].isupper() and not words[-2].endswith((",", ".", ":", ";")))):
        taken.insert(0, words.pop())  # "Bank of Guatemala president", "Energy and Mines Minister"
    if not taken or not any(is_title(word) for word in taken) or all(is_honorific(word) for word in taken):
        return Description(None, None)
    inside = organization_before_title(taken)
    if inside:
        return inside
    organization_words: list[str] = []
    while words and not words[-1].endswith((",", ".", ":", ";", "”", "\"")) \
            and len(organization_words) < _MAX_ORGANIZATION_BEFORE_TITLE \
            and words[-1] not in _set("speech", "not_name_words") and not _is_connector(words[-1]) \
            and words[-1].lower() not in _lower_set("speech", "articles"):
        organization_words.insert(0, words.pop())
    organization = " ".join(organization_words) or None
    if organization and not any(word[:1].isupper() for word in organization_words):
        organization = None  # "the company's chief executive": no body is named
    if organization:
        organization = _POSSESSIVE.sub("", organization)
        single = len(organization_words) == 1 and not (is_acronym(organization)
                                                       or _has_word_from(organization, _set("speech", "organization_words")))
        if is_place(organization) or looks_like_person(organization) or single:
            organization = None  # "Emmanuel Macron's spokesperson", "Villar's deputy": a person is nobody's employer
    return Description(" ".join(taken), organization)


def organizations_in(text: str) -> list[str]:
    """The bodies a text names ("El Observatorio Andino de Seguridad (OAS)"), in order."""
    found: list[str] = []
    words = text.split()
    index = 0
    organization_words = _set("speech", "organization_words")
    while index < len(words):
        run = _proper_prefix(words[index:], standalone=False) if words[index][:1].isupper() else []
        if run and _has_word_from(" ".join(run), organization_words):
            found.append(_clean_organization(run))
        index += max(1, len(run) + (words[index] != run[0] if run else 0))
    return found

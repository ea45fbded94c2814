"""Block structure: what each paragraph of an article is, read from signals that hold across sites.

Every paragraph gets one role (speaker header, role line, question, answer,
host turn, narration) from its shape alone: a line that is only a person's
name, a label before a colon, a closing question mark, a title line under a
name. The Q&A layouts are then read off those roles by small *pure* finders:
each returns a :class:`Layout` (paragraph → speaker name, host paragraphs,
header paragraphs) and registers nobody, so nothing a losing finder saw can
leak into the brief. ``parse/__init__`` assembles experts from the winner.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from .. import lexicon
from .alternation import alternation
from .letters import UPPER, LatinPattern
from .people import NAME_PATTERN, looks_like_person, person_names
from .sentences import split_sentences

_OPEN_QUOTES = "“\"«‘"
_CLOSE_QUOTES = "”\"»’"
_BULLET = re.compile(r"^[•·▪◦●*]\s*")
# "Name:", "F.M.:", "VLADDO.:", "RFE/RL: ¿…?" — a label of up to six words, then a colon.
_LABEL = re.compile(r"^(?P<label>[^\s:]+(?:\s+[^\s:]+){0,5}?)\s*:(?:\s+(?P<text>\S.*))?$", re.DOTALL)
# "[00:12:03] ", "00:12 " before a label, " (00:12:03)" after the name
_TIMESTAMP = re.compile(r"^\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+|\s*[(\[]\d{1,2}:\d{2}(?::\d{2})?[)\]](?=\s*:)")
_BRACKET = re.compile(r"\s*\([^()]{1,40}\)")
_INITIALS = LatinPattern(rf"^(?:[{UPPER}]\.?){{2,3}}$")
_CAPS_WORD = LatinPattern(rf"^[{UPPER}][{UPPER}/&\-]+\.?$")
_NAME_AND_ROLE = LatinPattern(
    rf"^(?P<name>{NAME_PATTERN})\s*(?:,\s*(?P<role>[^“”\"«»?]{{3,250}}?)|\((?P<paren>[^()]{{3,120}})\))\s*[.:]?$",
    re.DOTALL,
)
_INLINE_LABEL = LatinPattern(
    rf"(?<=[.?!…”\"»])\s+(?=(?:[{UPPER}][\w’'\-]*\.?\s+){{0,3}}[{UPPER}][\w’'\-]*\.?\s*\.?:\s)"
    rf"|(?<=[.?!…”\"»])\s+(?=(?:[{UPPER}]\.){{2,3}}:\s)"
)
_FULL_NAME = LatinPattern(rf"^(?:{NAME_PATTERN}|[{UPPER}][\w’'\-]+)$")
_BRACKETED = LatinPattern(rf"({NAME_PATTERN})\s+\(([^()]{{2,80}})\)")
# "**When will it open?** Next spring…": a bold question run into its answer
_BOLD_QUESTION = re.compile(r"^\*\*(?P<question>[^*]+\?)\s*\*\*\s*(?P<answer>\S.*)$", re.DOTALL)
# "… por teléfono. —¿Cuándo…? —Esperamos…": dash turns run together on one line
_INLINE_DASH = re.compile(r"(?<=[.?!…:”\"»])\s+(?=[—–]\s?\S)")
_SIGNATURE = re.compile(r"^[—–-]{1,2}\s*(?P<who>[^—–]{3,200})$")
_MAX_HEADER_WORDS = 35
_MAX_ROLE_LINE_WORDS = 20
_MIN_ANSWER_WORDS = 8
_MIN_TRANSCRIPT_TURNS = 4
_ROSTER_BLOCKS = 10
_LEAD_QUESTION_BLOCKS = 3


@lru_cache(maxsize=None)
def _words(topic: str, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon.all_words(topic, key))


@lru_cache(maxsize=None)
def _phrases(key: str) -> re.Pattern[str]:
    phrases = sorted(lexicon.all_words("structure", key), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + alternation(phrases) + r")(?![\w-])", re.IGNORECASE)


def has_cue(text: str, key: str) -> bool:
    """Does ``text`` carry one of the lexicon's cues (``interview_cues``, ``panel_cues``)?"""
    return bool(_phrases(key).search(text))


def reporting_verb(text: str) -> bool:
    """Does ``text`` hold a reporting verb ("said", "dijo"): attributed speech, not a header."""
    verbs = _words("speech", "reporting_verbs")
    return any(word.strip(",.;:").lower() in verbs for word in text.split())


def is_question(text: str) -> bool:
    """A paragraph that ends by asking, and is not itself a quotation."""
    stripped = text.strip()
    if stripped[:1] in _OPEN_QUOTES:
        return False
    return stripped.rstrip(_CLOSE_QUOTES + " ").endswith("?")


def _title_words() -> frozenset[str]:
    return _words("speech", "titles")


def _without_titles(words: list[str]) -> list[str]:
    """"VP Šimečka", "Dr. Moniz", "Honorable Walter Brandt" → the name alone."""
    while len(words) > 1 and (words[0].lower() in _title_words() or words[0].rstrip(".").lower() in _title_words()
                              or (words[0].isupper() and len(words[0].rstrip(".")) <= 3 and words[1][:1].isupper()
                                  and not words[1].isupper())):
        words = words[1:]
    return words


def _as_name(label: str) -> str:
    """A label as a name: capitals read as a name ("JUAN PÉREZ" → "Juan Pérez"), titles dropped."""
    words = _without_titles(label.split())
    text = " ".join(words)
    return text.title() if text.isupper() and len(text) > 3 else text


# -- splitting a paragraph that holds several turns ---------------------------------------


def split_turns(paragraphs: Sequence[str]) -> list[str]:
    """Paragraphs with inline speaker labels ("… permanecen aquí. VLADDO.: ¿…? F.M.: Hay…") cut at each label.

    Only a paragraph with two labels or more is cut: one "Name: " inside prose is
    more often a quotation introduced by a colon.
    """
    result: list[str] = []
    for paragraph in paragraphs:
        bold = _BOLD_QUESTION.match(paragraph)
        if bold:
            result.extend([bold.group("question").strip(), bold.group("answer").strip()])
            continue
        # A label ends with ": " and a dash turn opens with a dash: a paragraph without one skips that scan.
        cuts = [match.end() for match in _INLINE_LABEL.finditer(paragraph)] if ":" in paragraph else []
        labelled = sum(1 for cut in cuts if _label_of(paragraph[cut:]) is not None)
        if len(cuts) < 2 or labelled < 2:
            cuts = [match.end() for match in _INLINE_DASH.finditer(paragraph)] \
                if "—" in paragraph or "–" in paragraph else []
        if len(cuts) >= 2:
            pieces = [paragraph[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(paragraph)])]
            result.extend(piece for piece in pieces if piece)
        else:
            result.append(paragraph)
    return result


# -- the role of one paragraph --------------------------------------------------------------


def _label_of(text: str) -> tuple[str, str] | None:
    """("Label", "what follows") for a paragraph that opens with a speaker label, else None."""
    match = _LABEL.match(_TIMESTAMP.sub("", _BULLET.sub("", text.strip())))
    if not match:
        return None
    label = match.group("label").strip()
    label = _BRACKET.sub("", label).strip()  # "Dana Ruiz (@dr)", "Ana Pérez (AP)"
    label, _, duty = label.partition(",")  # "ANA PÉREZ, HOST:" — a name, then what they do on the page
    if duty and (len(duty.split()) > 3 or duty.strip().lower() not in _words("structure", "staff_roles")):
        return None
    bare = label.rstrip(".")
    words = bare.split()
    if not words or not words[0][:1].isupper() or any(char.isdigit() for char in bare):
        return None
    if words[0].lower() in _words("speech", "not_name_words") or bare.lower() in _words("boilerplate", "lines"):
        return None
    known_label = bare in lexicon.all_words("speech", "interviewer_labels") or \
        bare in lexicon.all_words("speech", "interviewee_labels")
    named = " ".join(_without_titles(words))
    shaped = (known_label or bool(_INITIALS.match(bare.replace(" ", "")))
              or all(_CAPS_WORD.match(word) for word in words)
              or (bool(_FULL_NAME.match(named)) and (len(named.split()) == 1 or looks_like_person(named))))
    if not shaped:
        return None
    return (label + "," + duty if duty else label), (match.group("text") or "").strip()


def name_line(text: str) -> str | None:
    """The person a line names when it holds nothing else ("Dana Ruiz", "• ANA PÉREZ:")."""
    core = _BULLET.sub("", text.strip()).rstrip(":.").strip()
    words = core.split()
    if not 2 <= len(words) <= 7 or any(char.isdigit() for char in core):
        return None
    candidate = _as_name(core)
    found = person_names(candidate)
    if len(found) != 1:
        return None
    name, start, end = found[0]
    prefix = candidate[:start].split()
    if end != len(candidate) or any(word.rstrip(".").lower() not in _title_words() for word in prefix):
        return None
    return name


def name_and_role(text: str) -> tuple[str, str] | None:
    """("Name", "role") for a header line "Name, role at Org." or "Name (role)"; None for prose."""
    stripped = _BULLET.sub("", text.strip())
    if len(stripped.split()) > _MAX_HEADER_WORDS or reporting_verb(stripped):
        return None
    match = _NAME_AND_ROLE.match(stripped)
    if not match or not looks_like_person(_as_name(match.group("name"))):
        return None
    role = (match.group("role") or match.group("paren") or "").strip()
    if len(split_sentences(role)) > 1 or role[:1].isdigit():
        return None
    return _as_name(match.group("name")), role


def speaker_header(text: str) -> bool:
    """A line that only names a speaker, with or without their role: it opens an answer."""
    return bool(name_line(text) or (name_and_role(text) and len(text.split()) <= _MAX_ROLE_LINE_WORDS))


def bio_header(text: str) -> tuple[str, str] | None:
    """("Name", "role") for a biography paragraph that opens "Name, role at Org." and goes on about them."""
    first = split_sentences(text.strip())[0] if text.strip() else ""
    if first == text.strip():
        return None
    return name_and_role(first)


def role_line(text: str) -> bool:
    """A short title line under a name ("Chief economist at Harbor Bank")."""
    stripped = text.strip()
    words = stripped.split()
    if not 1 <= len(words) <= _MAX_ROLE_LINE_WORDS or not stripped[:1].isupper() or is_question(stripped):
        return False
    if stripped.endswith(("!", "…")) or reporting_verb(stripped) or len(split_sentences(stripped)) > 1:
        return False
    if _first_person(stripped):
        return False
    return not stripped.endswith(".") or len(words) <= 12


# -- layouts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """One finder's reading of a Q&A: which paragraph is whose answer. Pure data; nobody registered."""

    finder: str
    answers: Mapping[int, tuple[str, str]]  # paragraph → (speaker, the answer without label or quotes)
    speakers: tuple[str, ...]  # every answering speaker in order, a guest cut off before answering included
    roles: Mapping[str, str] = field(default_factory=dict)  # speaker → the role line the page gave them
    hosts: Mapping[int, str] = field(default_factory=dict)  # paragraph → the host's words without label
    headers: frozenset[int] = frozenset()  # name lines, role lines and label-only lines
    question: int | None = None  # the framing question

    def strength(self) -> int:
        """How much of the article this reading explains: its answer paragraphs."""
        return len(self.answers)


def _frozen(mapping: dict) -> Mapping:
    return MappingProxyType(dict(mapping))


class _Names:
    """The names a label may stand for (the article's people and its labels), indexed once per
    reading: looking every label up against every name was quadratic in a page of many speakers."""

    def __init__(self, known: Collection[str], labels: Collection[str]) -> None:
        self.known = set(known)
        self.by_initials: dict[str, set[str]] = {}  # "FM" → "Rafael Ibarra"
        self.by_surname: dict[str, set[str]] = {}  # "sanchez" → "Irene Solano Vidal"
        self.by_ending: dict[str, list[str]] = {}  # "Daban Sanchez", "Sanchez" → the known names ending so
        for other in {*known, *labels}:
            words = other.split()
            if len(words) >= 2:
                self.by_initials.setdefault("".join(word[0] for word in words), set()).add(other)
                self.by_surname.setdefault(words[-1].lower(), set()).add(other)
        for other in known:
            for space in (i for i, char in enumerate(other) if char == " "):
                self.by_ending.setdefault(other[space + 1:], []).append(other)


def _only(candidates: set[str], excluded: str) -> str | None:
    """The one candidate besides ``excluded``, if there is exactly one."""
    found: str | None = None
    for candidate in candidates:
        if candidate != excluded:
            if found is not None:
                return None
            found = candidate
    return found


def _canonical(label: str, names: _Names) -> str:
    """The full name a label stands for: "Sanchez" → "Irene Solano Vidal", "F.M." → "Rafael Ibarra"."""
    name = _as_name(label.partition(",")[0].rstrip(".").strip())
    if name in names.known:
        return name
    if len(name.split()) == 1:
        if _INITIALS.match(name.replace(".", "")) and len(name.replace(".", "")) <= 3:
            match = _only(names.by_initials.get(name.replace(".", ""), set()), name)
        else:
            match = _only(names.by_surname.get(name.lower(), set()), name)
        if match is not None:
            return match
    matches = names.by_ending.get(name, [])
    return matches[0] if len(matches) == 1 else name


@dataclass
class _Turn:
    index: int
    speaker: str | None  # None: an unlabelled question
    text: str
    asker: str | None = None  # whose turn an unlabelled question continues


def _hosts(turns: list[_Turn], speakers: list[str], interviewer_labels: frozenset[str], staff: set[str]) -> set[str]:
    """Who asks: an interviewer label, staff ("…, BYLINE:"), a speaker who mostly asks, or one who
    introduces every other speaker."""
    said: dict[str, list[str]] = {speaker: [] for speaker in speakers}
    for turn in turns:
        if (turn.speaker or turn.asker) is not None:
            said[turn.speaker or turn.asker].append(turn.text)
    share = {speaker: sum(map(is_question, texts)) / len(texts) if texts else 0.0 for speaker, texts in said.items()}
    hosts = {speaker for speaker in speakers if speaker.lower() in interviewer_labels or share[speaker] >= 0.5
             or speaker in staff}
    asking = set(hosts)
    free = [speaker for speaker in speakers if speaker not in asking]  # who may be introduced
    for speaker in speakers:
        others = len(free) - (speaker not in asking)
        words = " ".join(said[speaker])
        if others and all(other.split()[-1] in words for other in free if other != speaker) \
                and (others >= 2 or share[speaker] > max(share[other] for other in free if other != speaker)):
            hosts.add(speaker)  # introduces the guests, or the one guest while asking more than they do
    return hosts


def speaker_turns(paragraphs: Sequence[str], known: Collection[str], interviewee: str | None) -> Layout | None:
    """A transcript or a panel whose turns are marked by labels, name lines or "Name, role" headers."""
    interviewee_labels = frozenset(lexicon.all_words("speech", "interviewee_labels"))
    bare_labels = interviewee_labels | frozenset(lexicon.all_words("speech", "interviewer_labels"))
    found_labels = {index: found for index, paragraph in enumerate(paragraphs) if (found := _label_of(paragraph))}
    labels = {_as_name(label.partition(",")[0].rstrip(".")) for label, _ in found_labels.values()}
    counts = Counter(label.partition(",")[0].rstrip(".") for label, _ in found_labels.values())
    names = _Names(known, labels)
    labelled = {index: found for index, found in found_labels.items()
                if counts[found[0].partition(",")[0].rstrip(".")] >= 2 or len(_canonical(found[0], names).split()) >= 2
                or not found[0][:1].isupper() or found[0].rstrip(".").isupper() or found[0].rstrip(".") in bare_labels}
    with_text = sum(1 for _, text in labelled.values() if text)
    turns: list[_Turn] = []
    headers: set[int] = set()
    roles: dict[str, str] = {}
    order: list[str] = []
    ordered: set[str] = set()
    markers = 0
    current: str | None = None
    for index, paragraph in enumerate(paragraphs):
        if index in headers:
            continue
        speaker, role, text = None, None, None
        label = labelled.get(index) or ((paragraph.strip(), "") if paragraph.strip() in bare_labels else None)
        if label:
            raw, text = label
            speaker = interviewee if raw.rstrip(".") in interviewee_labels and interviewee else _canonical(raw, names)
            if text and _BULLET.match(paragraph.strip()) and role_line(text):
                role, text = text, None  # "• Dana Ruiz: Senior fellow at X": a roster line
        elif with_text < 2 and (found := name_and_role(paragraph)):
            speaker, role = found
        elif with_text < 2 and (found := bio_header(paragraph)) and (
                index + 1 == len(paragraphs) and roles or paragraphs[index + 1].lstrip()[:1] in _OPEN_QUOTES):
            speaker, role = found
        elif with_text < 2 and (name := name_line(paragraph)):
            if index + 1 < len(paragraphs) and paragraphs[index + 1].strip() == paragraph.strip():
                continue  # a name printed twice is a photo caption
            speaker = _canonical(name, names)
            if index + 1 < len(paragraphs) and role_line(paragraphs[index + 1]) and not name_line(paragraphs[index + 1]):
                role = paragraphs[index + 1].strip()
                headers.add(index + 1)
        if speaker is not None:
            markers += 1
            current = speaker
            if speaker not in ordered:
                ordered.add(speaker)
                order.append(speaker)
            if role:
                roles.setdefault(speaker, role)
            if text:
                turns.append(_Turn(index, speaker, text))
            else:
                headers.add(index)
            continue
        if is_question(paragraph):
            turns.append(_Turn(index, None, paragraph, current))
        elif current is not None:
            turns.append(_Turn(index, current, paragraph))
    if markers < 2:
        return None
    staff = {_canonical(label, names) for label, _ in found_labels.values() if "," in label}
    hosts = _hosts(turns, order, frozenset(label.lower() for label in lexicon.all_words("speech", "interviewer_labels")),
                   staff)
    answers = {turn.index: (turn.speaker, _unquoted(turn.text)) for turn in turns
               if turn.speaker is not None and turn.speaker not in hosts}
    guests = [speaker for speaker in order if speaker not in hosts]
    substantial = any(len(text.split()) >= _MIN_ANSWER_WORDS for _, text in answers.values())
    if not guests or not (substantial or with_text >= _MIN_TRANSCRIPT_TURNS):
        return None
    host_turns = {turn.index: turn.text for turn in turns if turn.speaker is None or turn.speaker in hosts}
    opening = min([*answers, *headers, *host_turns])
    asked_before = [index for index in range(opening) if "?" in paragraphs[index]]
    question = next((index for index, text in host_turns.items() if is_question(text)),
                    asked_before[-1] if asked_before else None)
    return Layout("speaker-turns", _frozen(answers), tuple(guests), _frozen(roles), _frozen(host_turns),
                  frozenset(headers), question)


def unlabelled_interview(paragraphs: Sequence[str], interviewee: str | None, reported: Collection[int],
                         cued: bool) -> Layout | None:
    """Bare question paragraphs, each followed by the interviewee's answer.

    Two answered questions make an interview; one is enough when the lead says
    there was an interview (``cued``) and the excerpt is cut after a second question.

    ``reported`` are the paragraphs that give words to someone else by name: when
    the "answers" are mostly such reported speech, the piece is a round-up, not
    an interview.
    """
    questions = [index for index, paragraph in enumerate(paragraphs) if is_question(paragraph)]
    if interviewee is None or not questions:
        return None
    answered = [index for index in questions if index + 1 < len(paragraphs) and index + 1 not in questions]
    answers = [index for index in range(questions[0] + 1, len(paragraphs)) if index not in questions]
    if len(questions) == 1 and not (cued and questions[0] < _LEAD_QUESTION_BLOCKS
                                    and any(_first_person(paragraphs[index]) for index in answers)):
        return None
    if len(answered) < (1 if cued else 2) or sum(1 for index in answers if index in reported) * 3 >= len(answers):
        return None
    return Layout(
        "unlabelled-interview",
        _frozen({index: (interviewee, _unquoted(paragraphs[index])) for index in answers}),
        (interviewee,),
        hosts=_frozen({index: paragraphs[index] for index in questions}),
        question=questions[0],
    )


def _first_person(text: str) -> bool:
    first_person = _words("structure", "first_person")
    return any(word.strip(",.;:!?«»“”\"").lower() in first_person for word in text.split())


def signed_answers(paragraphs: Sequence[str]) -> Layout | None:
    """Answers signed below ("— Dana Ruiz, senior fellow at X"): the paragraphs since the last
    signature or question are the signer's."""
    answers: dict[int, tuple[str, str]] = {}
    roles: dict[str, str] = {}
    speakers: list[str] = []
    headers: set[int] = set()
    pending: list[int] = []
    for index, paragraph in enumerate(paragraphs):
        signature = _SIGNATURE.match(paragraph.strip())
        signer = signature and (name_and_role(signature.group("who")) or
                                ((name, "") if (name := name_line(signature.group("who"))) else None))
        if signer:
            name, role = signer
            headers.add(index)
            speakers.extend([name] if name not in speakers else [])
            if role:
                roles.setdefault(name, role)
            answers.update({answered: (name, paragraphs[answered]) for answered in pending})
            pending = []
        elif is_question(paragraph):
            pending = []
        else:
            pending.append(index)
    if len(headers) < 2 or not answers:
        return None
    asked = [index for index in range(min(answers)) if "?" in paragraphs[index]]
    return Layout("signed-answers", _frozen(answers), tuple(speakers), _frozen(roles),
                  headers=frozenset(headers), question=asked[-1] if asked else None)


def interviewee_of(lead: Sequence[str], headline: str | None) -> str | None:
    """The person the headline or the lead says was interviewed.

    "Rodrigo Salinas: «…»" names them before the colon; else the first person the
    lead names, preferring a sentence that says they were interviewed.
    """
    if headline and (label := _label_of(headline)) and looks_like_person(_as_name(label[0])):
        return _as_name(label[0])
    first: str | None = None
    for paragraph in [headline or "", *lead]:
        for sentence in split_sentences(paragraph):
            names = person_names(sentence)
            cue = _phrases("interview_cues").search(sentence)
            if names and cue:
                after = [name for name, start, _ in names if start >= cue.end()]
                return after[0] if after else names[0][0]  # "Ana Ruiz talks with Tomás Vega": the guest follows
            first = first or (names[0][0] if names else None)
    return first


def _unquoted(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPEN_QUOTES and text.count(text[:1]) + sum(text.count(c) for c in _CLOSE_QUOTES) <= 2:
        text = text[1:]
        if text[-1:] in _CLOSE_QUOTES:
            text = text[:-1]
    return text.strip()


# -- rosters --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    """A panelist a roster introduces, with the words that describe them."""

    name: str
    description: str
    paragraph: int


def roster(paragraphs: Sequence[str], lead_blocks: int = _ROSTER_BLOCKS) -> tuple[Member, ...]:
    """Panelists introduced in one sentence of the lead that says there is a panel.

    "The panel featured Ana Ruiz, fellow at X, and Tomás Vega, economist at Y":
    descriptions follow the names; "tuvo como invitados al director de X, Ana
    Ruiz; al gerente de Y, Tomás Vega": items split at semicolons, descriptions
    come first.
    """
    for index, paragraph in enumerate(paragraphs[:lead_blocks]):
        for sentence in split_sentences(paragraph):
            if has_cue(sentence, "panel_cues"):
                listed = _semicolon_roster(sentence) if ";" in sentence else _comma_roster(sentence)
                members = max(_bracketed_roster(sentence), listed, key=len)
                if len(members) >= 2:
                    return tuple(Member(name, description, index) for name, description in members)
    return ()


def _bracketed_roster(sentence: str) -> list[tuple[str, str]]:
    """"Ana Ruiz (Harbor Institute), Tomás Vega (Banco Sur)…": each name with its bracket."""
    members = [(match.group(1), match.group(2).strip()) for match in _BRACKETED.finditer(sentence)
               if looks_like_person(match.group(1))]
    return members if len(members) >= 2 else []


def _name_at_end(item: str) -> tuple[str, str] | None:
    """(name, what comes before it) when ``item`` ends with a person's name."""
    item = item.strip(" .")
    found = person_names(item)
    if not found or found[-1][2] != len(item):
        return None
    name, start, _ = found[-1]
    return name, item[:start]


def _comma_roster(sentence: str) -> list[tuple[str, str]]:
    members: list[list[str]] = []
    for chunk in sentence.split(","):
        named = _name_at_end(chunk)
        if named and (not _trim_joiners(named[1]) or has_cue(named[1], "panel_cues")
                      or all(word.rstrip(".").lower() in _title_words() for word in _trim_joiners(named[1]).split())):
            members.append([named[0]])
        elif members:
            members[-1].append(chunk)
    return [(member[0], _trim_joiners(",".join(member[1:]))) for member in members]


def _semicolon_roster(sentence: str) -> list[tuple[str, str]]:
    members = []
    conjunctions = "|".join(map(re.escape, lexicon.all_words("structure", "list_conjunctions")))
    for item in re.split(rf";|,\s+(?=(?:{conjunctions})\s)", sentence):
        named = _name_at_end(item)
        if named:
            before = named[1]
            cues = list(_phrases("panel_cues").finditer(before))
            members.append((named[0], _trim_joiners(before[cues[-1].end():] if cues else before)))
    return members


def _trim_joiners(text: str) -> str:
    """", and " / "; y al " off both ends of a roster item."""
    joiners = _words("structure", "roster_joiners")
    words = text.strip(" ,.;:").split()
    while words and words[0].lower().strip(",") in joiners:
        words = words[1:]
    while words and words[-1].lower().strip(",") in joiners:
        words = words[:-1]
    return " ".join(words).strip(" ,.;:")

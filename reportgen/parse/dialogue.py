"""The shapes of a Q&A: expert answers, speaker-labelled transcripts, dash dialogue.

Each finder returns which paragraphs are whose answers, so the parser can
keep expert text out of the body and knows the piece is a Q&A.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from .attribution import Person, Registry
from .people import NAME_PATTERN, describe, looks_like_person

_OPEN = "“\"«"
_CLOSE = "”\"»"
# "Amanda Mattingly, former U.S. diplomat and founder of ACM Global Intelligence: “…"
_ANSWER = re.compile(rf"^(?P<name>{NAME_PATTERN}),\s+(?P<role>[^:“”\"«»]{{3,250}}?):\s*[{_OPEN}](?P<text>.+)$", re.DOTALL)
_LABEL = re.compile(
    r"^(?P<label>[A-ZÁÉÍÓÚÑ][\w’'.\-]*(?:\s+[A-ZÁÉÍÓÚÑ][\w’'.\-]*){0,3})"
    r"(?:\s*\((?P<abbr>[A-Z]{1,4})\))?\s*:\s+(?P<text>\S.*)$",
    re.DOTALL,
)
_SECTION_HEADER = re.compile(rf"^(?P<name>{NAME_PATTERN}),\s+(?P<role>[^:“”\"«».?!]{{3,200}})$")
_MIN_SECTIONS = 2
_DASH = re.compile(r"^[-–—]\s*(?P<text>\S.*)$", re.DOTALL)
_MIN_TURNS = 3


@dataclass
class Dialogue:
    """Who answers in which paragraphs, and the framing question if one was found."""

    answers: dict[int, Person] = field(default_factory=dict)
    experts: list[Person] = field(default_factory=list)
    question_paragraph: int | None = None
    host_paragraphs: set[int] = field(default_factory=set)
    headers: set[int] = field(default_factory=set)  # "Name, role at Org" lines that open an answer
    host_text: dict[int, str] = field(default_factory=dict)  # interviewer turns without their label
    answer_text: dict[int, str] = field(default_factory=dict)  # answers without name, label or quote marks

    def credit(self, index: int, person: Person, text: str) -> None:
        self.answers[index] = person
        self.answer_text[index] = text
        person.add(text)
        if person not in self.experts:
            self.experts.append(person)


@lru_cache(maxsize=None)
def _labels(key: str) -> frozenset[str]:
    return frozenset(lexicon.all_words("speech", key))


def _reporting_verb(text: str) -> bool:
    """"the commander of the district, said": attributed speech, not an expert's answer line."""
    verbs = _labels("reporting_verbs")
    return any(word.strip(",.") in verbs for word in text.split())


def _is_question(text: str) -> bool:
    return text.rstrip(_CLOSE + " ").endswith("?")


def _strip_quotes(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPEN:
        text = text[1:]
    if text[-1:] in _CLOSE:
        text = text[:-1]
    return text.strip()


def expert_answers(paragraphs: list[str], registry: Registry) -> Dialogue:
    """Answers written "Name, role at Org: “…”", each running until its closing quote."""
    dialogue = Dialogue()
    index = 0
    asked = False  # a Q&A puts its question before the first answer
    while index < len(paragraphs):
        match = _ANSWER.match(paragraphs[index])
        if not match or not looks_like_person(match.group("name")) or not asked \
                or _reporting_verb(match.group("role")):
            asked = asked or "?" in paragraphs[index]
            index += 1
            continue
        person = registry.add(match.group("name"), describe(match.group("role")))
        first = index
        dialogue.credit(index, person, _strip_quotes(match.group("text")))
        while not paragraphs[index].rstrip().endswith(tuple(_CLOSE)) and index + 1 < len(paragraphs) \
                and not _ANSWER.match(paragraphs[index + 1]) and index - first < 12:
            index += 1
            dialogue.credit(index, person, _strip_quotes(paragraphs[index]))
        index += 1
    if not dialogue.experts:
        dialogue = _expert_sections(paragraphs, registry)
    if dialogue.experts:
        first_answer = min(dialogue.answers)
        questions = [i for i in range(first_answer) if "?" in paragraphs[i] and i not in dialogue.headers]
        dialogue.question_paragraph = questions[-1] if questions else None
    return dialogue


def _expert_sections(paragraphs: list[str], registry: Registry) -> Dialogue:
    """Answers under a line of their own naming the expert ("Nadia Persaud, director of … at …")."""
    dialogue = Dialogue()
    current: Person | None = None
    for index, paragraph in enumerate(paragraphs):
        header = _SECTION_HEADER.match(paragraph)
        if header and looks_like_person(header.group("name")) and index + 1 < len(paragraphs):
            current = registry.add(header.group("name"), describe(header.group("role")))
            dialogue.headers.add(index)
        elif current is not None:
            dialogue.credit(index, current, paragraph)
    return dialogue if len(dialogue.experts) >= _MIN_SECTIONS else Dialogue()


def _speaker_label(match: re.Match[str], abbreviations: dict[str, str]) -> str | None:
    label = match.group("label")
    if match.group("abbr"):
        abbreviations[match.group("abbr")] = label
        return label
    if label in abbreviations:
        return abbreviations[label]
    if label in _labels("interviewer_labels") or label in _labels("interviewee_labels"):
        return label
    if looks_like_person(label) or (label.isupper() and len(label) >= 3 and " " not in label):
        return label
    return None


def _is_host(label: str, turns: list[str], labels: set[str]) -> bool:
    """An interviewer asks most of the questions, or introduces the other speakers."""
    if label in _labels("interviewer_labels"):
        return True
    questions = sum(1 for turn in turns if _is_question(turn))
    others = {other.split()[0] for other in labels if other != label}
    introduces = sum(1 for other in others if any(other in turn for turn in turns))
    return questions * 2 >= len(turns) or introduces >= 2


def _resolve(label: str, registry: Registry, interviewee: Person | None) -> Person | None:
    if label in _labels("interviewee_labels"):
        return interviewee
    if " " not in label and label.isupper():
        found = registry.by_surname(label.title())
        return found or registry.add(label.title())
    if not looks_like_person(label):
        return None
    return registry.add(label)


def transcript(paragraphs: list[str], registry: Registry, interviewee: Person | None) -> Dialogue:
    """A transcript whose turns open with speaker labels ("CARDENAS:", "Q:", "Laura Dawson:")."""
    dialogue = Dialogue()
    abbreviations: dict[str, str] = {}
    turns: list[tuple[int, str | None, str]] = []
    current: str | None = None
    for index, paragraph in enumerate(paragraphs):
        match = _LABEL.match(paragraph)
        label = _speaker_label(match, abbreviations) if match else None
        if label:
            current = label
            turns.append((index, label, match.group("text")))
        elif _is_question(paragraph):
            current = None
            turns.append((index, None, paragraph))
        elif current is not None:
            turns.append((index, current, paragraph))
    labelled = [turn for turn in turns if turn[1]]
    speakers = {label for _, label, _ in labelled}
    if len(labelled) < _MIN_TURNS or (len(speakers) < 2 and not any(_is_question(text) for _, _, text in turns)):
        return dialogue  # a transcript has two voices, or at least a question
    by_label: dict[str, list[str]] = {}
    for _, label, text in labelled:
        by_label.setdefault(label, []).append(text)
    hosts = {label for label, said in by_label.items() if _is_host(label, said, set(by_label))}
    for index, label, text in turns:
        if label is None or label in hosts:
            dialogue.host_paragraphs.add(index)
            dialogue.host_text[index] = text
            if dialogue.question_paragraph is None and _is_question(text):
                dialogue.question_paragraph = index
            continue
        person = _resolve(label, registry, interviewee)
        if person is not None:
            dialogue.credit(index, person, text)
    return dialogue if dialogue.experts else Dialogue()


def dash_interview(paragraphs: list[str], interviewee: Person | None) -> Dialogue:
    """An interview told as dash dialogue ("- ¿…?" / "- Sí, creo que…")."""
    dialogue = Dialogue()
    turns = [(index, _DASH.match(paragraph).group("text")) for index, paragraph in enumerate(paragraphs)
             if _DASH.match(paragraph)]
    if interviewee is None or len(turns) < _MIN_TURNS or not any(_is_question(text) for _, text in turns):
        return dialogue
    for index, text in turns:
        if _is_question(text):
            dialogue.host_paragraphs.add(index)
            dialogue.host_text[index] = text
            if dialogue.question_paragraph is None:
                dialogue.question_paragraph = index
        else:
            dialogue.credit(index, interviewee, text)
    return dialogue

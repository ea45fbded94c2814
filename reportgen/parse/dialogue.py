"""Q&A layouts the block roles alone do not show: quoted expert answers and dash dialogue.

Each finder is pure: it returns a :class:`~.structure.Layout` (which paragraph
is whose answer) or None, and registers nobody; the parser builds experts from
the layout that wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import MappingProxyType

from .letters import LatinPattern
from .people import NAME_PATTERN, looks_like_person
from .structure import Layout, is_question, reporting_verb

_OPEN = "“\"«"
_CLOSE = "”\"»"
# "Amanda Mattingly, former U.S. diplomat and founder of ACM Global Intelligence: “…"
_ANSWER = LatinPattern(rf"^(?P<name>{NAME_PATTERN}),\s+(?P<role>[^:“”\"«»]{{3,250}}?):\s*[{_OPEN}](?P<text>.+)$", re.DOTALL)
_DASH = re.compile(r"^[-–—]\s*(?P<text>\S.*)$", re.DOTALL)
_MIN_TURNS = 3
_MAX_ANSWER_PARAGRAPHS = 12


def _strip_quotes(text: str) -> str:
    text = text.strip()
    if text[:1] in _OPEN:
        text = text[1:]
    if text[-1:] in _CLOSE:
        text = text[:-1]
    return text.strip()


def expert_answers(paragraphs: Sequence[str]) -> Layout | None:
    """Answers written "Name, role at Org: “…”" after the question, each running until its closing quote."""
    answers: dict[int, tuple[str, str]] = {}
    roles: dict[str, str] = {}
    speakers: list[str] = []
    index = 0
    asked = False  # a Q&A puts its question before the first answer
    while index < len(paragraphs):
        match = _ANSWER.match(paragraphs[index])
        if not match or not looks_like_person(match.group("name")) or not asked or reporting_verb(match.group("role")):
            asked = asked or "?" in paragraphs[index]
            index += 1
            continue
        name = match.group("name")
        roles.setdefault(name, match.group("role"))
        speakers.extend([name] if name not in speakers else [])
        first = index
        answers[index] = (name, _strip_quotes(match.group("text")))
        while not paragraphs[index].rstrip().endswith(tuple(_CLOSE)) and index + 1 < len(paragraphs) \
                and not _ANSWER.match(paragraphs[index + 1]) and index - first < _MAX_ANSWER_PARAGRAPHS:
            index += 1
            answers[index] = (name, _strip_quotes(paragraphs[index]))
        index += 1
    if not answers:
        return None
    first_answer = min(answers)
    questions = [i for i in range(first_answer) if "?" in paragraphs[i]]
    return Layout("quoted-answers", MappingProxyType(answers), tuple(speakers), MappingProxyType(roles),
                  question=questions[-1] if questions else None)


def dash_interview(paragraphs: Sequence[str], interviewee: str | None) -> Layout | None:
    """An interview told as dash dialogue ("- ¿…?" / "- Sí, creo que…")."""
    turns = [(index, match.group("text")) for index, paragraph in enumerate(paragraphs)
             if (match := _DASH.match(paragraph))]
    if interviewee is None or len(turns) < _MIN_TURNS or not any(is_question(text) for _, text in turns):
        return None
    hosts = {index: text for index, text in turns if is_question(text)}
    answers = {index: (interviewee, text) for index, text in turns if index not in hosts}
    return Layout("dash-interview", MappingProxyType(answers), (interviewee,),
                  hosts=MappingProxyType(hosts), question=min(hosts))

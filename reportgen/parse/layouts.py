"""Which Q&A layout an article has, and so its kind: every finder reads, the strongest reading wins.

Kind comes from the roles of the blocks, not from whether one finder fired:
an article is a Q&A when a layout explains its answers, when it asks two
questions or more in paragraphs of their own, when its lead introduces a
panel, or when it opens on a question and says someone was interviewed.
A news piece that quotes three people stays news.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .dialogue import dash_interview, expert_answers
from .structure import Layout, Member, has_cue, is_question, signed_answers, speaker_turns, unlabelled_interview

_LEAD_PARAGRAPHS = 3
_MIN_QUESTION_BLOCKS = 2
_MIN_ROUND_UP_SPEAKERS = 2


def choose_layout(paragraphs: Sequence[str], known: Collection[str], interviewee: str | None,
                  reported: Collection[int], headline: str | None) -> Layout | None:
    """The reading that explains most answer paragraphs; earlier finders win ties."""
    readings = [
        expert_answers(paragraphs),
        signed_answers(paragraphs),
        speaker_turns(paragraphs, known, interviewee),
        dash_interview(paragraphs, interviewee),
        unlabelled_interview(paragraphs, interviewee, reported, _cued(_lead(paragraphs, headline))),
    ]
    found = [reading for reading in readings if reading is not None and reading.speakers]
    return max(found, key=Layout.strength) if found else None


def article_kind(layout: Layout | None, paragraphs: Sequence[str], headline: str | None,
                 members: Sequence[Member], speakers: int) -> str:
    """"qa" or "news", from the roles of the blocks; ``speakers`` counts the people given words.

    A round-up ("economists consulted by this paper…" then several of them in
    reported speech) is a Q&A told as prose: a panel cue in the lead and two
    speakers or more.
    """
    if layout is not None or len(members) >= 2:
        return "qa"
    lead = _lead(paragraphs, headline)
    if speakers >= _MIN_ROUND_UP_SPEAKERS and any(has_cue(text, "round_up_cues") for text in lead):
        return "qa"
    if sum(1 for paragraph in paragraphs if is_question(paragraph)) >= _MIN_QUESTION_BLOCKS:
        return "qa"
    return "qa" if any("?" in text for text in lead) and _cued(lead) else "news"


def _lead(paragraphs: Sequence[str], headline: str | None) -> list[str]:
    return [headline or "", *paragraphs[:_LEAD_PARAGRAPHS]]


def _cued(lead: Sequence[str]) -> bool:
    """Does the lead say someone was interviewed, or a panel met?"""
    return any(has_cue(text, "interview_cues") or has_cue(text, "panel_cues") for text in lead)

"""Parse: a Source's text blocks to a Brief.

The algorithm, top to bottom: drop page furniture; read the header (masthead,
date, headline); find the Q&A shape if there is one (answers, transcript,
dash dialogue), else the attributed speech of a news piece; extract the
figures paragraph by paragraph, crediting them to whoever said them.
Summaries and takeaways are the next stage's work (``reportgen.summarize``).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .. import lexicon
from ..errors import InputError
from ..ingest import Block, Source
from ..model import Brief, DroppedLine, Expert, SourceInfo, Statistic
from ..slug import slugify
from .attribution import Person, Registry, find_attributions
from . import budget
from .budget import OverBudget, check, time_budget
from .boilerplate import byline_name, split_furniture
from .layouts import article_kind, choose_layout
from .people import Description, describe, is_proper_phrase, is_title, person_names
from .roles import block_roles
from .structure import Layout, Member, interviewee_of, is_question, roster, split_turns
from .dates import find_date
from .header import read_header
from .language import detect_language
from .sentences import split_sentences
from .figures import find_statistics
from .measure import measured
from .trace import MAX_KEPT_TEXT, Tracer, normalized_text, text_digest, trace_statistics

_FALLBACK_TITLE_WORDS = 14
_MIN_TITLE_WORDS = 4
_SENTENCE_ENDS = (".", "!", "?", "…")
_CLAUSE_MARKS = (",", ";", ":")
_DASHES = ("—", "–", "-")
_CLOSING_MARKS = "\"”’»)'"
_TRAILING_MARKS = " .,;:—–-"
_PAIRS = (("(", ")"), ("“", "”"), ("«", "»"), ("[", "]"))
_AUTHOR_NOTE_WORDS = 30
_TOP_BLOCKS = 12
_DATED_LINE_WORDS = 14
_LEAD_PARAGRAPHS = 4
_FIGURE_CONTEXT_CHARS = 3000


def _assemble(layout: Layout | None, registry: Registry, end: int) -> tuple[dict[int, Person], list[tuple[Person, int]]]:
    """The one step that turns the winning layout into people.

    Returns each answer paragraph's owner (with their words added) and every
    speaker with the paragraph they first answer in; a guest cut off before
    answering comes last.
    """
    owners: dict[int, Person] = {}
    if layout is None:
        return owners, []
    people = {speaker: registry.add(speaker, describe(layout.roles[speaker]) if speaker in layout.roles else None)
              for speaker in layout.speakers}
    for index, (speaker, text) in sorted(layout.answers.items()):
        owners[index] = people[speaker]
        people[speaker].add(text)
    first = {speaker: min((index for index, (owner, _) in layout.answers.items() if owner == speaker), default=end)
             for speaker in layout.speakers}
    return owners, [(people[speaker], first[speaker]) for speaker in layout.speakers]


def describe_member(member: Member) -> Description | None:
    """A roster's words on a panelist: "(Harbor Institute)" is their organization, "economist at X" splits."""
    if not member.description:
        return None
    if is_proper_phrase(member.description) and len(describe(member.description).role or "") == len(member.description):
        return Description(None, member.description)
    return describe(member.description)


def _paragraph_roles(paragraphs: list[str], layout: Layout | None, quoted: set[int]) -> list[tuple[str, str]]:
    """Each paragraph as read, with its role: what the layout made of it, else quotation, question or narration."""
    def role(index: int, paragraph: str) -> str:
        if layout and index in layout.headers:
            return "speaker"
        if layout and index in layout.answers:
            return "answer"
        if (layout and index in layout.hosts) or is_question(paragraph):
            return "question"
        return "quotation" if index in quoted else "narration"

    return [(paragraph, role(index, paragraph)) for index, paragraph in enumerate(paragraphs)]


def _split_question(paragraph: str) -> tuple[str, str]:
    """A framing paragraph's closing run of questions, and the context before it."""
    sentences = split_sentences(paragraph)
    asks = [i for i, sentence in enumerate(sentences) if sentence.rstrip("”\"» ").endswith("?")]
    if not asks:
        return paragraph, ""
    last = asks[-1]
    first = last
    while first > 0 and first - 1 in asks:
        first -= 1
    context = sentences[:first] + sentences[last + 1:]
    return " ".join(sentences[first:last + 1]), " ".join(context)


def _fallback_title(paragraphs: list[str]) -> str:
    """The first sentence as a title, for an article that shows no headline. A sentence too long
    for a title, or cut off in the excerpt, ends at its last clause boundary within 14 words (a
    comma, semicolon, colon, dash or joining word, never inside brackets or quotes); without one,
    at a whole word, not a function word, with "…" where words were cut ("A headline" stays whole)."""
    first = split_sentences(paragraphs[0])[0] if paragraphs else ""
    words = first.split()
    finished = first.rstrip(_CLOSING_MARKS).endswith(_SENTENCE_ENDS)
    if len(words) <= _FALLBACK_TITLE_WORDS and finished:
        return first.rstrip(_TRAILING_MARKS)
    joiners = {word.lower() for word in lexicon.all_words("speech", "clause_joiners")}
    for cut in range(min(len(words) - 1, _FALLBACK_TITLE_WORDS), _MIN_TITLE_WORDS - 1, -1):
        kept = " ".join(words[:cut])
        ends_clause = words[cut - 1].rstrip(_CLOSING_MARKS).endswith(_CLAUSE_MARKS) \
            or words[cut] in _DASHES or words[cut].lower() in joiners
        if ends_clause and _balanced(kept.rstrip(_TRAILING_MARKS)):
            return kept.rstrip(_TRAILING_MARKS)
    kept_words = words[:_FALLBACK_TITLE_WORDS]
    stopwords = set(lexicon.all_words("language", "stopwords"))
    while len(kept_words) > _MIN_TITLE_WORDS and kept_words[-1].strip(_TRAILING_MARKS).lower() in stopwords:
        kept_words.pop()
    title = " ".join(kept_words).rstrip(_TRAILING_MARKS)
    return title + "…" if len(kept_words) < len(words) else title


def _balanced(text: str) -> bool:
    """Every bracket and quotation mark opened in ``text`` is closed in it."""
    return all(text.count(left) == text.count(right) for left, right in _PAIRS) and text.count('"') % 2 == 0


def _date_in_top_furniture(blocks: tuple[Block, ...], dropped: list[DroppedLine], language: str) -> str | None:
    """A date on a dropped line near the top ("By Laura Kim | June 2, 2025", "Posted … · 7 min read")."""
    dropped_texts = {line.text for line in dropped}
    for block in blocks[:_TOP_BLOCKS]:
        if block.text in dropped_texts and len(block.text.split()) <= _DATED_LINE_WORDS:
            found = find_date(block.text, language)
            if found:
                return found[0]
    return None


def _is_author_note(paragraph: str, bylines: list[str]) -> bool:
    """"Jane Holloway reports on energy from Bogotá.": a note on the byline's author."""
    return len(paragraph.split()) <= _AUTHOR_NOTE_WORDS and any(paragraph.startswith(name + " ") for name in bylines)


def _ordered_experts(found: list[tuple[Person, int]]) -> list[Person]:
    ordered: list[Person] = []
    for person, _ in sorted(found, key=lambda pair: pair[1]):
        if person not in ordered:
            ordered.append(person)
    return ordered


def _statistics(paragraphs: list[str], owners: dict[int, Person], people: list[Person], language: str,
                headline: str | None, named: tuple[str, ...] = ()) -> list[Statistic]:
    """Every figure once (first mention wins), with what it measures, credited to the expert who gave it.
    A measure that names a person (one of the article's people, ``named``, or a name after a
    title) measures nobody: "her rival, former senator Ana Ruiz, was 8 points behind" is a gap,
    not Ana Ruiz.

    Each paragraph is read with the headline and the start of the article as context (the country
    that says what a bare "$" is, the numbers that say whether a comma is a decimal mark); the
    context is bounded, so reading stays linear in the article's length.
    """
    seen: set[tuple[str, str]] = set()
    found: list[Statistic] = []
    joined: dict[int, str] = {}  # each person's words, by position in ``people``
    context = "\n".join([headline or "", *paragraphs])[:_FIGURE_CONTEXT_CHARS]
    for index, paragraph in enumerate(paragraphs):
        for statistic in measured(find_statistics(paragraph, language, context), language):
            key = (statistic.value, statistic.unit)
            if key in seen:
                continue
            seen.add(key)
            owner = owners.get(index) or _speaker_of_figure(statistic, people, joined)
            measure = None if _names_someone(statistic.measure, named) else statistic.measure
            found.append(replace(statistic, measure=measure, cited_by=owner.name if owner else None))
        check()
    return found


def _names_someone(measure: str | None, names: tuple[str, ...]) -> bool:
    """Does ``measure`` hold a person: one of ``names`` word for word, or a name after a title?"""
    words = set(re.findall(r"[\w’'-]+", measure or ""))
    if any(set(name.split()) <= words for name in names if name.split()):
        return True
    return any(measure[:start].split()[-1:] and is_title(measure[:start].split()[-1])
               for _, start, _ in person_names(measure or ""))


def _speaker_of_figure(statistic: Statistic, people: list[Person], joined: dict[int, str]) -> Person | None:
    """The first person whose words hold the figure or its whole sentence. Each person's words are
    searched as one text (a NUL between passages, which text never holds), not passage by passage."""
    for position, person in enumerate(people):
        if position not in joined:
            joined[position] = "\0".join(person.commentary)
        if statistic.text in joined[position] or statistic.sentence in joined[position]:
            return person
    return None


def parse_source(source: Source, seconds: float | None = None) -> Brief:
    """The brief of one decoded article, or one InputError if parsing it takes over ``seconds``
    (default ``budget.PARSE_SECONDS``; the parser is linear in the text, this is the backstop)."""
    seconds = budget.PARSE_SECONDS if seconds is None else seconds
    try:
        with time_budget(seconds):
            return _parse(source)
    except OverBudget:
        raise InputError(source.path, f"took more than {seconds:g} s to parse — it does not read as an article; "
                                      "check the file, or split it into smaller ones") from None


def _parse(source: Source) -> Brief:
    blocks, dropped = split_furniture(source.blocks)
    check()
    language = detect_language([block.text for block in blocks])
    header = read_header(blocks, source.meta, language)
    check()
    dropped.extend(header.dropped)
    paragraphs = [block.text for index, block in enumerate(header.blocks) if index not in header.consumed]
    bylines = header.bylines + [name for name in (byline_name(line.text) for line in dropped) if name]
    author_notes = [p for p in paragraphs if _is_author_note(p, bylines)]
    dropped.extend(DroppedLine(note, "author-note") for note in author_notes)
    paragraphs = [p for p in paragraphs if p not in author_notes]
    if not paragraphs:
        raise InputError(source.path, "no article text found (only headings or page furniture); check that this is the article's page")

    paragraphs = split_turns(paragraphs)
    check()
    registry = Registry()
    registry.collect(paragraphs)
    check()
    attributions = find_attributions(paragraphs, language, registry)
    check()
    interviewee = interviewee_of(paragraphs[:_LEAD_PARAGRAPHS], header.title)
    reported = {said.paragraph for said in attributions if said.person.name != interviewee}
    layout = choose_layout(paragraphs, tuple(registry.people), interviewee, reported, header.title)
    check()
    members = roster(paragraphs)
    check()
    kind = article_kind(layout, paragraphs, header.title, members, len({said.person.name for said in attributions}))
    owners, speakers = _assemble(layout, registry, len(paragraphs))
    answered = set(layout.answers) | set(layout.hosts) if layout else set()
    outside_layout = [said for said in attributions if said.paragraph not in answered]
    for said in outside_layout:
        said.person.add(said.words)
    panel = [(registry.add(member.name, describe_member(member)), member.paragraph) for member in members]
    people = _ordered_experts([(said.person, said.paragraph) for said in outside_layout] + panel
                              + speakers)

    question = None
    body: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        if layout and (index in layout.answers or index in layout.headers):
            continue
        paragraph = layout.hosts.get(index, paragraph) if layout else paragraph
        if layout and index == layout.question:
            question, context = _split_question(paragraph)
            if context:
                body.append(context)
            continue
        body.append(paragraph)

    texts = [layout.answers[index][1] if layout and index in layout.answers
             else layout.hosts.get(index, paragraph) if layout else paragraph
             for index, paragraph in enumerate(paragraphs)]
    text = normalized_text(source.blocks)
    tracer = Tracer(text)
    statistics = trace_statistics(tracer, _statistics(texts, owners, people, language, header.title,
                                                             tuple(registry.people)))
    check()
    experts = [
        tracer.expert(Expert(
            name=person.name,
            role=person.description.role,
            organization=person.description.organization,
            commentary=tuple(person.commentary),
        ))
        for person in people
    ]
    paragraph_roles = _paragraph_roles(paragraphs, layout, {said.paragraph for said in outside_layout})
    structure = block_roles(source.blocks, dropped, header.title, paragraph_roles)
    warnings = list(header.warnings)
    published = header.published or _date_in_top_furniture(source.blocks, dropped, language)
    title = header.title
    if not title:
        title = _fallback_title(body or [text for text, role in paragraph_roles if role != "speaker"] or paragraphs)
        warnings.append("no headline found; the title is a fallback, made from the article's first sentence")
    return Brief(
        id=slugify(title),
        source=SourceInfo(path=source.path, format=source.format, encoding=source.encoding, sha256=source.sha256,
                          text=text if len(text) <= MAX_KEPT_TEXT else None, text_sha256=text_digest(text)),
        language=language,
        kind=kind,
        title=title,
        publication=header.publication,
        published=published,
        question=question,
        question_spans=tracer.pieces(question) if question else (),
        experts=tuple(experts),
        statistics=tuple(statistics),
        body=tuple(body),
        dropped=tuple(tracer.dropped_line(line) for line in dropped),
        warnings=tuple(warnings),
        structure=structure,
    )

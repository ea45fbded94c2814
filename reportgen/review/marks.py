"""A brief's extracted elements as highlights on its source text, each named and linkable.

Ids are stable and readable (``stat-3``, ``expert-2``, ``expert-2-said-1``,
``question-1``, ``dropped-4``) so the brief column, and an editor's notes,
can point at one highlight. Spans shared by several statistics (one sentence
holding three figures, one source credited for all of them) are marked once,
naming every statistic.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from ..i18n.formatting import format_figure
from ..model import Brief, Span
from ..render.escape import html_text
from ..wordpack import role_line
from .highlight import Highlight
from .style import (
    COMMENTARY,
    DROPPED,
    FIGURE,
    NAME,
    QUESTION,
    SENTENCE,
    SOURCE,
    Gettext,
    Kind,
)

NGettext = Callable[[str, str, int], str]


@dataclass(frozen=True)
class Marks:
    """The highlights of one brief, and how many spans fell outside the text."""

    highlights: tuple[Highlight, ...]
    outside: int


def statistic_ref(number: int) -> str:
    return f"stat-{number}"


def expert_ref(number: int) -> str:
    return f"expert-{number}"


def commentary_ref(expert: int, paragraph: int, piece: int = 1) -> str:
    return f"{expert_ref(expert)}-said-{paragraph}" + (f"-{piece}" if piece > 1 else "")


def rule_description(rule: str | None, _: Gettext) -> str:
    """What a parser rule drops, in a few words an editor can check the line against."""
    descriptions = {
        "furniture-line": _("a line of page furniture (a menu, button or heading of a side box)"),
        "furniture-start": _("a line that begins like page furniture (share, sign-up, copyright, related links)"),
        "furniture-phrase": _("a short block with a page-furniture phrase "
                              "(photo credit, newsletter, publisher's note)"),
        "furniture-end": _("a line that ends like page furniture"),
        "photo-credit": _("a photo credit glued to the text"),
        "doubled-caption": _("a photo caption printed twice"),
        "byline": _("the author's credit line"),
        "lone-word": _("a single word on a line of its own (a label or share button)"),
        "repeated-line": _("a line the next block repeats (a teaser of it)"),
        "related-list": _("a list of related headlines after the article"),
        "photo-caption": _("a photo caption at the end of a paragraph"),
        "date-line": _("the line giving the publication date"),
        "breadcrumb": _("the site's navigation trail"),
        "publication-line": _("the publication's tagline"),
        "section-label": _("a section label above the headline"),
        "author-note": _("a note about the author"),
        "dateline": _("a dateline: the place or agency the story was filed from"),
        "related-link": _("a link to another article (\"Read more: …\", \"Related: …\")"),
        "link-list": _("a run of short lines that are links (a menu or a list of headlines)"),
        "author-box": _("the author's box: name and role, printed again"),
        "site-blurb": _("a line about the site, not the article"),
        "page-title": _("the page's title with the site's name (the headline is kept)"),
        "placeholder": _("a placeholder the page left in the text (for an image, a video or an embed)"),
        "image-markup": _("image markup or a file name left in the text"),
        "player-label": _("a video or audio player's label (duration, play)"),
        "ad-marker": _("an advertisement marker"),
        "market-box": _("a box of market prices"),
        "contact-line": _("a contact line (e-mail, phone, newsletter address)"),
    }
    if rule is None:
        return _("the brief does not record the rule (it was made by an older version)")
    return descriptions.get(rule, _("a rule this version of reportgen does not describe"))


def rule_label(rule: str | None, _: Gettext) -> str:
    """The label shown beside a dropped line: "dropped: related-list — a list of related headlines…"."""
    name = _("dropped: {rule}").format(rule=rule) if rule else _("dropped")
    return f'<span class="rule"><b>{html_text(name)}</b> — {html_text(rule_description(rule, _))}</span>'


def brief_marks(brief: Brief, text_length: int, language: str, _: Gettext, ngettext: NGettext) -> Marks:
    """Every span of ``brief`` as a highlight; spans past ``text_length`` are counted, not drawn."""
    found: list[Highlight] = []
    outside = 0

    def add(span: Span | None, kind: Kind, title: str, ref: str, after: str = "") -> None:
        nonlocal outside
        if span is None:
            return
        if span[1] > text_length:
            outside += 1
            return
        found.append(Highlight(span[0], span[1], kind.name, title, ref, kind.rank,
                               "del" if kind is DROPPED else "mark", after))

    count = len(brief.question_spans)
    for number, span in enumerate(brief.question_spans, 1):
        title = _("The question") if count == 1 else _("The question, part {number} of {count}").format(
            number=number, count=count)
        add(span, QUESTION, title, f"question-{number}")
    for number, expert in enumerate(brief.experts, 1):
        role = role_line(expert)
        title = _("Expert {number}: {name}").format(number=number, name=expert.name)
        add(expert.name_span, NAME, f"{title} — {role}" if role else title, expert_ref(number))
        for paragraph, pieces in enumerate(expert.commentary_spans, 1):
            said = _("Commentary by {name}, paragraph {number}").format(name=expert.name, number=paragraph)
            for piece, span in enumerate(pieces, 1):
                add(span, COMMENTARY, said, commentary_ref(number, paragraph, piece))
    shared: dict[tuple[Kind, Span], list[int]] = {}
    for number, statistic in enumerate(brief.statistics, 1):
        parts = [_("Statistic {number}: {figure}").format(number=number, figure=format_figure(statistic, language))]
        if statistic.source:
            parts.append(_("Source: {source}").format(source=statistic.source))
        if statistic.cited_by:
            parts.append(_("Cited by {name}").format(name=statistic.cited_by))
        add(statistic.text_span, FIGURE, " — ".join(parts), statistic_ref(number))
        for kind, span in ((SOURCE, statistic.source_span), (SENTENCE, statistic.sentence_span)):
            if span is not None:
                shared.setdefault((kind, span), []).append(number)
    for (kind, span), numbers in shared.items():
        listed = ", ".join(map(str, numbers))
        if kind is SOURCE:
            title = ngettext("Source of statistic {numbers}", "Source of statistics {numbers}", len(numbers))
        else:
            title = ngettext("Sentence of statistic {numbers}", "Sentence of statistics {numbers}", len(numbers))
        add(span, kind, title.format(numbers=listed), f"{statistic_ref(numbers[0])}-{kind.name}")
    for number, line in enumerate(brief.dropped, 1):
        title = _("dropped: {rule}").format(rule=line.rule) if line.rule else _("dropped")
        add(line.span, DROPPED, f"{title} — {rule_description(line.rule, _)}", f"dropped-{number}",
            rule_label(line.rule, _))
    return Marks(tuple(found), outside)

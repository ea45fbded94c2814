"""One article's review page: its source text with every extracted element marked, beside the brief.

The page answers "can I trust this parse?" at a glance: the parser's
warnings first, a legend, then the source as the parser read it — experts,
commentary, figures, their sources and sentences, the question highlighted,
furniture struck through with the rule that dropped it — and the brief as a
reader gets it, each element linked to its highlight. Self-contained (inline
CSS, no scripts, nothing fetched), one ``h1``, headings in order.

Labels are looked up with ``_()`` outside f-strings, where the catalog
extractor can see them.
"""

from __future__ import annotations

from babel import Locale

from ..i18n import translations
from ..i18n.formatting import format_date, format_figure, format_period
from ..model import Brief, Statistic
from ..render.escape import html_text as _t, lang_attribute, language_tag
from ..parse.trace import SEPARATOR as PARAGRAPH_SEPARATOR
from ..wordpack import role_line
from .highlight import Drawn, paragraphs_html
from .marks import (
    NGettext,
    brief_marks,
    commentary_ref,
    expert_ref,
    rule_label,
    statistic_ref,
)
from .style import KINDS, Gettext, css, kind_explanation, kind_label
from .text import SourceText


def _heading(level: int, text: str, anchor: str | None = None) -> str:
    at = f' id="{anchor}"' if anchor else ""
    return f"<h{level}{at}>{_t(text)}</h{level}>"


def _note(text: str) -> str:
    return f'<p class="note">{_t(text)}</p>'


def article_page(brief: Brief, source: SourceText, language: str, index_href: str) -> str:
    """The review page of ``brief`` with its labels in ``language``."""
    catalog = translations(language)
    _ = catalog.gettext
    text = source.text
    marks = brief_marks(brief, len(text), language, _, catalog.ngettext) if text is not None and source.trusted \
        else None
    alerts = list(brief.warnings)
    if not source.trusted and source.notice:
        alerts.append(source.notice)
    if marks is not None and marks.outside:
        alerts.append(catalog.ngettext(
            "{count} span points past the end of the source text and is not shown.",
            "{count} spans point past the end of the source text and are not shown.", marks.outside,
        ).format(count=marks.outside))
    drawn = paragraphs_html(text, marks.highlights if marks else ()) if text is not None else Drawn([])
    if drawn.stopped_at is not None:
        alerts.append(_("Highlights stop at paragraph {number} of the source text: drawing them all would make "
                        "this page too large to open. The rest of the text is shown plain; the brief column still "
                        "lists every element.").format(number=drawn.stopped_at))
    roles = _block_roles(brief, text) if text is not None and source.trusted else []
    source_html = _source_paragraphs(drawn, roles, language, _)
    note = _note(source.notice) if source.trusted and source.notice else ""
    title = _("Review: {title}").format(title=brief.title)
    source_heading = _heading(2, _("Source text"), "source-title")
    return (
        f'<!DOCTYPE html>\n<html{lang_attribute(language)}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(title)}</title>\n<style>{css(lambda kind: kind_label(kind, _))}</style>\n</head>\n"
        f'<body>\n<div class="wrap">\n{_header(brief, language, index_href, _)}'
        f"{_warnings(alerts, _)}{_legend(_)}"
        '<div class="columns">\n'
        f'<section class="source-text" aria-labelledby="source-title">{source_heading}\n'
        f'{note}<div{lang_attribute(brief.language)}>\n{source_html}</div></section>\n'
        f"{_brief_column(brief, language, marks is not None, _, catalog.ngettext)}"
        "</div>\n</div>\n</body>\n</html>\n"
    )


def _header(brief: Brief, language: str, index_href: str, _: Gettext) -> str:
    facts = [brief.source.path, brief.publication, format_date(brief.published, language), _kind(brief, _)]
    back, what = _("All articles"), _("Parse review")
    return (
        f'<header class="top"><p class="eyebrow"><a href="{_t(index_href)}">{_t(back)}</a> · {_t(what)}</p>\n'
        f'<h1{lang_attribute(brief.language)}>{_t(brief.title)}</h1>\n'
        f'<p class="meta">{_t(" · ".join(fact for fact in facts if fact))}</p></header>\n'
    )


def _warnings(alerts: list[str], _: Gettext) -> str:
    heading = _heading(2, _("Warnings"), "warnings-title")
    if not alerts:
        calm = _("The parser raised no warnings.")
        return f'<section aria-labelledby="warnings-title">{heading}<p class="ok">{_t(calm)}</p></section>\n'
    items = "".join(f"<li>{_t(alert)}</li>" for alert in alerts)
    return f'<section class="alerts" aria-labelledby="warnings-title">{heading}<ul>{items}</ul></section>\n'


def _legend(_: Gettext) -> str:
    """Each kind drawn as the source text draws it, with what it means."""
    items = []
    for kind in KINDS:
        tag = "del" if kind.name == "dropped" else "mark"
        items.append(f'<li><{tag} class="hl hl-{kind.name} hl-start">{_t(kind_label(kind, _))}</{tag}>'
                     f'<span class="why">{_t(kind_explanation(kind, _))}</span></li>')
    heading = _heading(2, _("Legend"), "legend-title")
    return f'<section class="legend" aria-labelledby="legend-title">{heading}<ul>{"".join(items)}</ul></section>\n'


def _brief_column(brief: Brief, language: str, linked: bool, _: Gettext, ngettext: NGettext) -> str:
    """The brief as a reader sees it; with ``linked``, each element links to its highlight."""
    parts = ['<section class="brief" aria-labelledby="brief-title" tabindex="0">',
             _heading(2, _("The brief"), "brief-title"), _heading(3, _("Details")), _details(brief, language, _)]
    if brief.question:
        parts += [_heading(3, _("The question")),
                  f'<blockquote{lang_attribute(brief.language)}><p>{_t(brief.question)}</p></blockquote>']
        if linked and brief.question_spans:
            show = _link("question-1", _("Show in the source"), True)
            parts.append(f'<p class="note">{show}</p>')
        elif linked:
            parts.append(_note(_("not found in the source")))
    parts.append(_heading(3, _("Expert summaries") if brief.kind == "qa" else _("Who is quoted")))
    parts += [_expert(brief, number, linked, _) for number in range(1, len(brief.experts) + 1)] \
        or [_note(_("No experts found."))]
    parts.append(_heading(3, _("Statistics")))
    parts.append(_statistics_table(brief, language, linked, _) if brief.statistics
                 else _note(_("No statistics found.")))
    parts.append(_dropped_summary(brief, linked, _, ngettext))
    return "".join(parts) + "</section>\n"


def _link(ref: str, label: str, found: bool) -> str:
    """``label``, linked to its highlight when the page has it."""
    return f'<a href="#{_t(ref)}">{_t(label)}</a>' if found else _t(label)


def _missing(_: Gettext) -> str:
    missing = _("not found in the source")
    return f' <span class="note">({_t(missing)})</span>'


def _details(brief: Brief, language: str, _: Gettext) -> str:
    details = [(_("Title"), brief.title), (_("Publication"), brief.publication),
               (_("Date"), format_date(brief.published, language)), (_("Kind"), _kind(brief, _)),
               (_("Language"), _language_name(brief.language, language))]
    return "<dl>" + "".join(f"<dt>{_t(name)}</dt><dd>{_t(value or '—')}</dd>" for name, value in details) + "</dl>"


def _expert(brief: Brief, number: int, linked: bool, _: Gettext) -> str:
    """One expert's card: name, role, summary, and a link to each commentary paragraph."""
    expert = brief.experts[number - 1]
    name = _link(expert_ref(number), expert.name, linked and expert.name_span is not None)
    if linked and expert.name_span is None:
        name += _missing(_)
    said = []
    for paragraph in range(1, len(expert.commentary) + 1):
        pieces = expert.commentary_spans[paragraph - 1] if paragraph <= len(expert.commentary_spans) else ()
        label = _("paragraph {number}").format(number=paragraph)
        said.append(_link(commentary_ref(number, paragraph), label, linked and bool(pieces))
                    + ("" if pieces or not linked else _missing(_)))
    role = role_line(expert)
    commentary = _("Commentary:")
    return (f'<article class="expert"{lang_attribute(brief.language)}><h4>{name}</h4>'
            + (f'<p class="role">{_t(role)}</p>' if role else "")
            + (f"<p>{_t(expert.summary)}</p>" if expert.summary else _no_summary(_))
            + (f'<p class="note">{_t(commentary)} {", ".join(said)}</p>' if said else "")
            + "</article>")


def _no_summary(_: Gettext) -> str:
    """What a card says when the summarizer found no claim in the expert's words."""
    return _note(_("No summary: nothing substantive was said (only thanks, greetings, questions or fragments)."))


def _statistics_table(brief: Brief, language: str, linked: bool, _: Gettext) -> str:
    columns = (("#", ' class="num"'), (_("Figure"), ""), (_("What it measures"), ""), (_("Source"), ""),
               (_("Cited by"), ""))
    head = "".join(f'<th scope="col"{cls}>{_t(name)}</th>' for name, cls in columns)
    rows = []
    for number, statistic in enumerate(brief.statistics, 1):
        found = statistic.text_span is not None
        figure = _link(statistic_ref(number), format_figure(statistic, language), linked and found)
        if linked and not found:
            figure += _missing(_)
        rows.append(f'<tr><td class="num">{number}</td><th scope="row">{figure}</th>'
                    f"<td>{_t(_measures(statistic, language))}</td><td>{_t(statistic.source or '—')}</td>"
                    f"<td>{_t(statistic.cited_by or '—')}</td></tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _dropped_summary(brief: Brief, linked: bool, _: Gettext, ngettext: NGettext) -> str:
    """How much was dropped; lines the page cannot strike through (no span) are listed here instead."""
    heading = _heading(3, _("Dropped lines"))
    if not brief.dropped:
        return heading + _note(_("Nothing was dropped."))
    unplaced = [line for line in brief.dropped if line.span is None or not linked]
    total = len(brief.dropped)
    count = ngettext("{count} of {total} dropped line is struck through in the source text.",
                     "{count} of {total} dropped lines are struck through in the source text.", total,
                     ).format(count=total - len(unplaced), total=total)
    if not unplaced:
        return heading + _note(count)
    items = "".join(f"<li><del>{_t(line.text)}</del>{rule_label(line.rule, _)}</li>" for line in unplaced)
    rest = _("Not struck through:")
    return heading + _note(f"{count} {rest}") + f'<ul{lang_attribute(brief.language)}>{items}</ul>'


def _source_paragraphs(drawn: Drawn, roles: list[str], language: str, _: Gettext) -> str:
    """The source column's paragraphs, each labelled with the role the parser gave its block, and a
    note where the highlights stop (if they do)."""
    parts = []
    for number, paragraph in enumerate(drawn.paragraphs, 1):
        if number == drawn.stopped_at:
            parts.append(_note(_("Highlights stop here: see the warnings above.")) + "\n")
        if paragraph:
            role = roles[number - 1] if number <= len(roles) else None
            label = f'<span class="block-role"{lang_attribute(language)}>{_t(_role_label(role, _))}</span>' \
                if role else ""
            parts.append(f'<p class="block block-{_t(role)}">{label}{paragraph}</p>\n' if role else f"<p>{paragraph}</p>\n")
    return "".join(parts)


def _role_label(role: str, _: Gettext) -> str:
    """What the parser took a block for, in the page's language."""
    labels = {
        "headline": _("headline"), "standfirst": _("standfirst"), "masthead": _("masthead"),
        "dateline": _("dateline"), "byline": _("byline"), "caption": _("caption"), "furniture": _("furniture"),
        "speaker": _("speaker"), "question": _("question"), "answer": _("answer"), "quotation": _("quotation"),
        "narration": _("narration"),
    }
    return labels.get(role, role)


def _block_roles(brief: Brief, text: str) -> list[str]:
    """The role of each paragraph of ``text``, when the brief's structure describes exactly those paragraphs."""
    starts = []
    offset = 0
    for paragraph in text.split(PARAGRAPH_SEPARATOR):
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    if [block.span[0] for block in brief.structure] != starts:
        return []
    return [block.role for block in brief.structure]


def _language_name(code: str, language: str) -> str:
    """"Spanish" for ``es`` in an English page; an unknown code as written."""
    tag = language_tag(code)
    name = Locale.parse(tag, sep="-").get_display_name(language) if tag else None
    return name.capitalize() if name else code


def _measures(statistic: Statistic, language: str) -> str:
    parts = (statistic.measure, statistic.subject, format_period(statistic.period, language))
    label = " · ".join(part for part in parts if part)
    return label[:1].upper() + label[1:] if label else "—"


def _kind(brief: Brief, _: Gettext) -> str:
    return _("Expert Q&A") if brief.kind == "qa" else _("News")

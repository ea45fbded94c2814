"""The review index: every article with what the parser found, the ones to check first on top.

Order: inputs that could not be read at all, then articles by most things to
check — parser warnings (a fallback title is one), figures without a measure,
experts without a role, experts without a summary — then by fewest experts and
statistics found (a parse that found little is the likeliest to have missed
something), then by title. Warnings alone ranked a parse with every figure
unexplained as clean. The page states the order and each row its counts, so an
editor knows why the first row is first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import translations
from ..model import Brief
from ..pipeline.inputs import Failure
from ..render.escape import html_text as _t, lang_attribute
from .marks import NGettext
from .style import Gettext, css


@dataclass(frozen=True)
class Entry:
    """One reviewed article as its index row shows it."""

    title: str
    language: str
    kind: str
    page: str  # the file name of its review page, beside the index
    path: str  # the input it was read from
    experts: int
    statistics: int
    dropped: int
    warnings: tuple[str, ...]
    unmeasured: int = 0  # figures that do not say what they measure
    without_role: int = 0
    without_summary: int = 0

    @classmethod
    def of(cls, brief: Brief, page: str, path: str) -> Entry:
        return cls(brief.title, brief.language, brief.kind, page, path, len(brief.experts),
                   len(brief.statistics), len(brief.dropped), brief.warnings,
                   unmeasured=sum(1 for statistic in brief.statistics if not statistic.measure),
                   without_role=sum(1 for expert in brief.experts if not expert.role),
                   without_summary=sum(1 for expert in brief.experts if not expert.summary))

    @property
    def to_check(self) -> int:
        """Everything an editor should look at: each warning, unexplained figure and bare expert card."""
        return len(self.warnings) + self.unmeasured + self.without_role + self.without_summary


def worst_first(entries: Iterable[Entry]) -> list[Entry]:
    """Most things to check first, then fewest elements found, then by title."""
    return sorted(entries, key=lambda e: (-e.to_check, e.experts + e.statistics, e.title.casefold(), e.page))


def index_page(entries: Iterable[Entry], failures: Iterable[Failure], language: str) -> str:
    """The index page, labels in ``language``."""
    catalog = translations(language)
    _, ngettext = catalog.gettext, catalog.ngettext
    rows = worst_first(entries)
    failed = list(failures)
    summary = [ngettext("{count} article", "{count} articles", len(rows)).format(count=len(rows))]
    if failed:
        summary.append(ngettext("{count} input could not be read", "{count} inputs could not be read",
                                len(failed)).format(count=len(failed)))
    title, none = _("Parse review"), _("No article could be read.")
    parts = [(
        f'<!DOCTYPE html>\n<html{lang_attribute(language)}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_t(title)}</title>\n<style>{css()}</style>\n</head>\n<body>\n<div class=\"wrap\">\n"
        f'<header class="top"><p class="eyebrow">reportgen</p><h1>{_t(title)}</h1>'
        f'<p class="meta">{_t(" · ".join(summary))}</p></header>\n'
    )]
    if failed:
        items = "".join(f'<li><code>{_t(f.path)}</code>: <span class="error">{_t(f.message)}</span></li>'
                        for f in failed)
        heading = _("Could not be read")
        parts.append(f'<section class="alerts" aria-labelledby="failed-title"><h2 id="failed-title">{_t(heading)}'
                     f"</h2><ul>{items}</ul></section>\n")
    heading = _("Articles")
    order = _("Worst first: the most things to check (parser warnings, figures without a measure, experts "
              "without a role or a summary), then the fewest experts and statistics found (a parse that found "
              "little may have missed something).")
    parts.append(f'<section aria-labelledby="articles-title"><h2 id="articles-title">{_t(heading)}</h2>'
                 f'<p class="note">{_t(order)}</p>')
    parts.append(_table(rows, _, ngettext) if rows else f"<p>{_t(none)}</p>")
    parts.append("</section>\n</div>\n</body>\n</html>\n")
    return "".join(parts)


def _gaps(entry: Entry, ngettext: NGettext) -> str:
    """The row's cell of figures and expert cards left incomplete, one line each."""
    lines = [line.format(count=count) for line, count in (
        (ngettext("{count} figure without a measure", "{count} figures without a measure", entry.unmeasured),
         entry.unmeasured),
        (ngettext("{count} expert without a role", "{count} experts without a role", entry.without_role),
         entry.without_role),
        (ngettext("{count} expert without a summary", "{count} experts without a summary", entry.without_summary),
         entry.without_summary)) if count]
    if not lines:
        return '<td class="ok">0</td>'
    total = entry.unmeasured + entry.without_role + entry.without_summary
    return f'<td><strong>{total}</strong><ul>' + "".join(f"<li>{_t(line)}</li>" for line in lines) + "</ul></td>"


def _table(rows: list[Entry], _: Gettext, ngettext: NGettext) -> str:
    head = "".join(f'<th scope="col"{cls}>{_t(name)}</th>' for name, cls in (
        (_("Article"), ' class="article"'), (_("Kind"), ""), (_("Experts"), ' class="num"'),
        (_("Statistics"), ' class="num"'), (_("Dropped lines"), ' class="num"'), (_("Incomplete"), ' class="warnings"'),
        (_("Warnings"), ' class="warnings"')))
    body = []
    for entry in rows:
        kind = _("Expert Q&A") if entry.kind == "qa" else _("News")
        warnings = (f'<td><strong>{len(entry.warnings)}</strong><ul>'
                    + "".join(f"<li>{_t(warning)}</li>" for warning in entry.warnings) + "</ul></td>"
                    if entry.warnings else '<td class="ok">0</td>')
        body.append(
            f'<tr><th scope="row"><a href="{_t(entry.page)}"{lang_attribute(entry.language)}>{_t(entry.title)}</a>'
            f'<br><span class="note">{_t(entry.path)}</span></th><td class="nowrap">{_t(kind)}</td>'
            f'<td class="num">{entry.experts}</td><td class="num">{entry.statistics}</td>'
            f'<td class="num">{entry.dropped}</td>{_gaps(entry, ngettext)}{warnings}</tr>'
        )
    return f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'

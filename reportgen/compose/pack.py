"""Pack × language → Document: the order, grouping and wording of a briefing pack.

Reading order: cover, contents, "at a glance", one chapter per article
(source line, question, key figures, expert summaries, statistics table,
full commentary or article body), then sources and method. Every label goes
through the catalog (``_``/``ngettext``) and every date and number through
``i18n.formatting``: what leaves this module is ready to place.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from babel import Locale

from ..i18n import translations
from ..i18n.formatting import figure_parts, format_date, format_figure, format_number, format_period
from ..model import Brief, Pack, Statistic
from ..themes import ThemeTexts
from ..wordpack import (
    EMPTY, MAX_TABLE_ROWS, capitalized, measures_text, readable_paragraphs, role_line, statistics_titles,
)
from .blocks import (
    Block, BulletList, Column, Commentary, Contents, Cover, Document, ExpertCard, KeyFigure,
    KeyFigures, Meta, Note, NoteRef, Notes, PageBreak, Paragraph, Question, Section, Table,
)
from .figures import most_telling

SHA_PREFIX = 12
KEY_FIGURES = 4
COVER_TITLES = 8
# No real article quotes more people or figures than this; past it, notes say how many more.
MAX_EXPERTS = 40
CONTENTS_DETAIL_UP_TO = 6  # articles; beyond, the contents lists article titles only
# A statistics column's share of the width follows its longest cell, within these bounds (characters):
# a short column still fits its title's words, a long one wraps instead of starving the rest.
COLUMN_CHARS = (6, 40)

Position = tuple[int, int]  # (brief, statistic): where a figure stands in the pack


@dataclass(frozen=True)
class Brand:
    """What compose needs of a theme: the brand's name and its texts in the pack's language."""

    name: str
    texts: ThemeTexts


def compose_pack(pack: Pack, language: str, brand: Brand) -> Document:
    """The whole briefing pack as format-neutral blocks, every label in ``language``."""
    return _Composer(pack, language, brand).document()


class ChapterComposer:
    """A pack's chapters composed as its briefs arrive, in reading order, each the very blocks
    ``compose_pack`` gives it: a chapter needs only its own brief and how many notes the briefs
    before it numbered, so a renderer can lay it out before the last brief is parsed."""

    def __init__(self, pack: Pack, language: str, brand: Brand) -> None:
        self._composer = _Composer(pack, language, brand)

    def meta(self) -> Meta:
        """The document's meta as far as the briefs so far give it (its subject and keywords count every brief)."""
        return self._composer.meta()

    def add(self, brief: Brief) -> tuple[Block, ...]:
        """The chapter of ``brief``, the pack's next, with the page break after it."""
        composer = self._composer
        index = len(composer.pack.briefs)
        composer.pack = replace(composer.pack, briefs=(*composer.pack.briefs, brief))
        composer.number_notes(index)
        return composer.chapter(index)


class _Composer:
    def __init__(self, pack: Pack, language: str, brand: Brand) -> None:
        self.pack = pack
        self.language = language
        self.brand = brand
        catalog = translations(language)
        self._ = catalog.gettext
        self.ngettext = catalog.ngettext
        self.notes: dict[Position, Note] = {}
        self.notes_numbered = 0
        for index in range(len(pack.briefs)):
            self.number_notes(index)

    def number_notes(self, index: int) -> None:
        """One note per source sentence of the figures brief ``index`` shows, numbered on from the
        briefs before it: through the pack in reading order. Keyed by the figure's position: figures
        from one sentence, and a figure at a glance and in its article, share a note; an equal figure
        in another brief (the same article given twice) has its own."""
        brief = self.pack.briefs[index]
        rows = self.table_rows(index)
        shown = rows + [(index, i) for i in most_telling(brief.statistics, KEY_FIGURES) if (index, i) not in rows]
        by_sentence: dict[tuple[str, object], list[Position]] = {}
        for position in shown:
            statistic = self.statistic(position)
            by_sentence.setdefault((statistic.sentence, statistic.sentence_span), []).append(position)
        for (sentence, _span), positions in by_sentence.items():
            self.notes_numbered += 1
            number = self.notes_numbered
            statistics = [self.statistic(position) for position in positions]
            note = Note(
                mark=format_number(number, self.language), anchor=f"note-{number}",
                back_anchor=f"note-{number}-ref", sentence=sentence,
                source=self.joined(self._("Source: {source}"), "source", statistics),
                cited_by=self.joined(self._("Cited by {name}"), "name", statistics, "cited_by"),
            )
            self.notes.update((position, note) for position in positions)

    def statistic(self, position: Position) -> Statistic:
        brief, index = position
        return self.pack.briefs[brief].statistics[index]

    def table_rows(self, brief: int) -> list[Position]:
        """The figures an article's statistics table shows, the first ``MAX_TABLE_ROWS``."""
        return [(brief, index) for index in range(min(len(self.pack.briefs[brief].statistics), MAX_TABLE_ROWS))]

    @staticmethod
    def joined(template: str, placeholder: str, statistics: list[Statistic], field: str = "source") -> str | None:
        """"Source: A; B" from the distinct values the figures of one sentence give."""
        values = list(dict.fromkeys(getattr(s, field) for s in statistics if getattr(s, field)))
        return template.format(**{placeholder: "; ".join(values)}) if values else None

    def document(self) -> Document:
        single = len(self.pack.briefs) == 1
        blocks: list[Block] = [self.cover(), PageBreak()]
        if not single:
            depth = 2 if len(self.pack.briefs) <= CONTENTS_DETAIL_UP_TO else 1
            blocks += [Contents(self._("Contents"), depth), PageBreak(), self.glance(), PageBreak()]
        front = len(blocks)
        for index in range(len(self.pack.briefs)):
            blocks += self.chapter(index)
        blocks.append(self.sources())
        return Document(self.meta(), tuple(blocks), self.pack, front)

    def chapter(self, index: int) -> tuple[Block, ...]:
        """Brief ``index``'s chapter and the page break after it."""
        return self.article(index, f"article-{index + 1}"), PageBreak()

    # -- pack furniture -------------------------------------------------

    def meta(self) -> Meta:
        keywords: list[str] = []
        for brief in self.pack.briefs:
            for word in (brief.publication, *(s.subject for s in brief.statistics)):
                if word and word not in keywords:
                    keywords.append(word)
        return Meta(
            title=self.pack.title,
            subject=self.subtitle(),
            author=self.brand.name,
            keywords=tuple(keywords[:12]),
            language=self.language,
            footer=self.brand.texts.footer or self.brand.name,
            page_label=self._("Page {page} of {pages}"),
            date=self.pack.date,
            note_label=self._("Note {number}"),
            back_label=self._("Back to the figure of note {number}"),
        )

    def subtitle(self) -> str:
        if self.pack.subtitle:
            return self.pack.subtitle
        briefs = self.pack.briefs
        experts = sum(len(brief.experts) for brief in briefs)
        figures = sum(len(brief.statistics) for brief in briefs)
        counts = [
            self.ngettext("{count} article", "{count} articles", len(briefs)),
            self.ngettext("{count} expert", "{count} experts", experts),
            self.ngettext("{count} figure", "{count} figures", figures),
        ]
        return " · ".join(text.format(count=format_number(n, self.language)) for text, n in
                          zip(counts, (len(briefs), experts, figures)))

    def cover(self) -> Cover:
        return Cover(
            title=self.pack.title,
            subtitle=self.subtitle(),
            date=format_date(self.pack.date, self.language, "full"),
            brand=self.brand.name,
            brand_line=self.brand.texts.brand_line,
            language_name=Locale.parse(self.language).get_display_name(self.language).capitalize(),
            contents_label=self._("In this pack"),
            article_titles=self.cover_titles(),
        )

    def cover_titles(self) -> tuple[str, ...]:
        """Every title when they fit the cover; else the first ones and "+12 more" in their place."""
        titles = [brief.title for brief in self.pack.briefs]
        if len(titles) <= COVER_TITLES:
            return tuple(titles)
        hidden = len(titles) - (COVER_TITLES - 1)
        more = self.ngettext("+{count} more article", "+{count} more articles", hidden).format(count=hidden)
        return (*titles[:COVER_TITLES - 1], more)

    def glance(self) -> Section:
        _ = self._
        rows = tuple(
            (brief.title, self.kind(brief), brief.publication or "—",
             format_date(brief.published, self.language, "medium") or "—")
            for brief in self.pack.briefs
        )
        table = Table(
            (Column(_("Article"), 3.2), Column(_("Kind"), 1.1), Column(_("Publication"), 1.6), Column(_("Date"), 1.1)),
            rows, role="glance",
        )
        children: list[Block] = [table]
        everywhere = [(index, i) for index, brief in enumerate(self.pack.briefs) for i in range(len(brief.statistics))]
        figures = most_telling([self.statistic(position) for position in everywhere], KEY_FIGURES)
        if figures:
            children.append(Section(_("Figures that stand out"), "glance-figures", 2,
                                    (self.key_figures([everywhere[i] for i in figures]),)))
        return Section(_("At a glance"), "at-a-glance", 1, tuple(children))

    def sources(self) -> Section:
        _ = self._
        rows = tuple(
            (brief.title, brief.source.path, brief.source.format.upper(), brief.source.sha256[:SHA_PREFIX])
            for brief in self.pack.briefs
        )
        table = Table(
            (Column(_("Article"), 2.6), Column(_("File"), 2.6), Column(_("Format"), 0.8),
             Column(_("SHA-256 (prefix)"), 1.4)),
            rows, role="sources",
        )
        method = _(
            "Experts, quotations and figures were extracted from each article's own text by reportgen's "
            "rule-based parser, without machine learning and without network access. Each figure keeps "
            "its value exactly as the article gives it, with the source the article names. Expert "
            "summaries are sentences chosen from the expert's own words, not rewritten."
        )
        children: list[Block] = [table, Paragraph(method)]
        if self.brand.texts.disclaimer:
            children.append(Paragraph(self.brand.texts.disclaimer, "note"))
        return Section(_("Sources and method"), "sources", 1, tuple(children))

    # -- one article ----------------------------------------------------

    def article(self, index: int, anchor: str) -> Section:
        _ = self._
        brief = self.pack.briefs[index]
        children: list[Block] = [Paragraph(self.source_line(brief), "source")]
        if brief.kind == "qa":
            children += [Paragraph(text, "lead") for text in brief.body[:2]]
            if brief.question:
                children.append(Question(_("The question"), brief.question))
        else:
            points = self.key_points(brief)
            if points:
                children.append(Section(_("Key points"), f"{anchor}-points", 2, (BulletList(points),)))
        figures = [(index, i) for i in most_telling(brief.statistics, KEY_FIGURES)]
        if figures:
            children.append(Section(_("Key figures"), f"{anchor}-figures", 2,
                                    (self.key_figures(figures, self.table_rows(index)),)))
        if brief.experts:
            shown = brief.experts[:MAX_EXPERTS]
            cards: tuple[Block, ...] = tuple(ExpertCard(e.name, role_line(e), e.summary) for e in shown)
            title = _("Expert summaries") if brief.kind == "qa" else _("Who is quoted")
            children.append(Section(title, f"{anchor}-experts", 2, cards + self.more_experts(brief)))
        if brief.statistics:
            table: tuple[Block, ...] = (self.statistics_table(index),)
            hidden = len(brief.statistics) - MAX_TABLE_ROWS
            if hidden > 0:
                table += self.count_note(hidden, self.ngettext(
                    "…and {count} more figure, listed in the brief (reportgen parse).",
                    "…and {count} more figures, listed in the brief (reportgen parse).", hidden))
            children.append(Section(_("Statistics"), f"{anchor}-statistics", 2, table))
        children.append(self.full_text(brief, anchor))
        notes = self.article_notes(index, anchor)
        if notes:
            children.append(notes)
        return Section(brief.title, anchor, 1, tuple(children), language=brief.language)

    def article_notes(self, brief: int, anchor: str) -> Notes | None:
        positions = ((brief, index) for index in range(len(self.pack.briefs[brief].statistics)))
        items = dict.fromkeys(self.notes[position] for position in positions if position in self.notes)
        return Notes(self._("Notes and sources"), f"{anchor}-notes", tuple(items)) if items else None

    def more_experts(self, brief: Brief) -> tuple[Block, ...]:
        """A note for the experts past ``MAX_EXPERTS``: a pack stays readable (and fast) on any page."""
        hidden = len(brief.experts) - MAX_EXPERTS
        if hidden <= 0:
            return ()
        return self.count_note(hidden, self.ngettext(
            "…and {count} more expert, listed in the brief (reportgen parse).",
            "…and {count} more experts, listed in the brief (reportgen parse).", hidden))

    def count_note(self, count: int, template: str) -> tuple[Block, ...]:
        return (Paragraph(template.format(count=format_number(count, self.language)), "note"),)

    def source_line(self, brief: Brief) -> str:
        parts = [brief.publication, format_date(brief.published, self.language), self.kind(brief)]
        return " · ".join(part for part in parts if part)

    def kind(self, brief: Brief) -> str:
        return self._("Expert Q&A") if brief.kind == "qa" else self._("News")

    def key_points(self, brief: Brief) -> tuple[str, ...]:
        """Takeaways a reader has not already seen as an expert's summary card."""
        summaries = {expert.summary for expert in brief.experts}
        return tuple(point for point in brief.takeaways if point not in summaries)

    def key_figures(self, positions: list[Position], table_rows: list[Position] | None = None) -> KeyFigures:
        """Cards with note marks; a card is its note's way back only in an article whose
        statistics table (``table_rows``) has no figure of that note (at a glance, never)."""
        cards = []
        for position in positions:
            statistic = self.statistic(position)
            qualifier, figure = figure_parts(statistic, self.language)
            source = self._("Source: {source}").format(source=statistic.source) if statistic.source else None
            note = self.notes[position]
            in_table = table_rows is None or any(self.notes[row] is note for row in table_rows)
            back = None if in_table else note.back_anchor
            cards.append(KeyFigure(figure, self.figure_label(statistic), source, qualifier, NoteRef(note, back)))
        return KeyFigures(tuple(cards))

    def figure_label(self, statistic: Statistic) -> str:
        """What a card's figure is: "Homicide rate · Ecuador · 2023" (a card always has a measure)."""
        parts = [statistic.measure, statistic.subject, format_period(statistic.period, self.language)]
        return capitalized(" · ".join(part for part in parts if part))

    def statistics_table(self, brief: int) -> Table:
        """Figure, what it measures, period, source, cited by: a column empty in every row is left
        out, and each column's width follows what it holds."""
        titles = statistics_titles(self._)
        rows = self.table_rows(brief)
        shown = [self.statistic(position) for position in rows]
        full = [
            (format_figure(s, self.language), measures_text(s), format_period(s.period, self.language) or EMPTY,
             s.source or EMPTY, s.cited_by or EMPTY)
            for s in shown
        ]
        kept = [index for index in range(len(titles)) if index == 0 or any(row[index] != EMPTY for row in full)]
        columns = tuple(Column(titles[index], _column_weight(titles[index], [row[index] for row in full]),
                               numeric=index == 0) for index in kept)
        cells = tuple(tuple(row[index] for index in kept) for row in full)
        return Table(columns, cells, notes=self.table_marks(rows))

    def table_marks(self, rows: list[Position]) -> tuple[NoteRef, ...]:
        """A mark per row; the first row of each note is where that note links back to."""
        marks: list[NoteRef] = []
        for position in rows:
            note = self.notes[position]
            first = all(mark.note is not note for mark in marks)
            marks.append(NoteRef(note, note.back_anchor if first else None))
        return tuple(marks)

    def full_text(self, brief: Brief, anchor: str) -> Section:
        if brief.kind == "qa" and brief.experts:
            blocks: tuple[Block, ...] = tuple(
                Commentary(e.name, role_line(e), readable_paragraphs(e.commentary))
                for e in brief.experts[:MAX_EXPERTS] if e.commentary
            ) + self.more_experts(brief)
            return Section(self._("Full commentary"), f"{anchor}-commentary", 2, blocks)
        body = tuple(Paragraph(text) for text in readable_paragraphs(brief.body))
        return Section(self._("The article"), f"{anchor}-article", 2, body)


def _column_weight(title: str, cells: list[str]) -> float:
    """A column's share of the table's width: its longest cell (or title word), within ``COLUMN_CHARS``."""
    widest = max([len(cell) for cell in cells] + [len(word) for word in title.split()])
    return float(min(max(widest, COLUMN_CHARS[0]), COLUMN_CHARS[1]))

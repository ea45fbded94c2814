"""A Word pack back from its editors: briefs as the document now reads.

The renderer marks a pack (custom properties) and keeps the pack it was
built from inside the file (``render/docx/marker.py``). Here the document is
the truth for everything an editor sees — titles, the question, which
experts remain and in what order, their names, roles and summaries, their
commentary, the statistics rows, the notes' sentences — and the kept pack
only fills in what a page never shows: spans, the exact values of figures
left as they were, the source text. What an editor changed loses its span
(it no longer traces to the article) and says so in a warning.

The names the writer and this reader share — styles, the marker, how a
chapter opens (a Heading 1 followed by a Source Line paragraph), what a
chapter's cells say — are the contract in ``reportgen/wordpack.py``; this
module, like everything on the input side, imports nothing from compose or
render.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..i18n import translations
from ..i18n.formatting import figure_parts, format_figure, format_period
from ..model import LANGUAGES, READABLE_PACK_SCHEMAS, Brief, Expert, ModelError, Pack, PackReading, Period, Statistic
from ..slug import slugify
from ..wordpack import (
    CHAPTER_HEADING, EMPTY, EXPERT_NAME, EXPERT_ROLE, EXPERT_SUMMARY, KEY_FIGURE, LANGUAGE_PROPERTY, LEAD,
    MAX_TABLE_ROWS, PACK_NS, PACK_STYLES, PROPERTIES_NS, SCHEMA_PROPERTY, SOURCE_LINE, TABLE_FIGURE, TABLE_HEADING,
    THEME_PROPERTY, TITLE_PROPERTY, VARIANT_NS, measures_text, readable_paragraphs, role_line, statistics_titles,
)
from .docx import Item, WordDocument, WordParagraph, WordTable, parse_part

_MAX_PROPERTIES_BYTES = 1024 * 1024


def _has_pack_styles(document: WordDocument) -> bool:
    """Our named styles in use: a pack whose marker properties an editor's tool dropped."""
    return any(
        (isinstance(item, WordParagraph) and item.style in PACK_STYLES)
        or (isinstance(item, WordTable) and item.styles() & PACK_STYLES) for item in document.items)


def read_pack(data: bytes, path: str, document: WordDocument, properties: dict[str, str]) -> PackReading | None:
    """The pack in a .docx (``document`` as ``open_docx`` read it, ``properties`` its ``pack_properties``),
    or None when the file is an ordinary Word document (read it as an article)."""
    if not properties and not _has_pack_styles(document):
        return None
    built_from = _built_from(document, path)
    declared = properties.get(LANGUAGE_PROPERTY)
    pack_language = _known_language(declared)
    language = pack_language or (built_from.briefs[0].language if built_from else "en")
    chapters = _chapters(document.items)
    if not chapters:
        raise InputError(path, "is a reportgen pack with no article left in it (no chapter heading followed by "
                               "its source line); keep at least one article")
    notes = _edit_warnings(document)
    if declared and not pack_language:
        notes += (f"its language property {declared[:40]!r} is not a language reportgen has; read as {language}",)
    originals = _match_chapters(chapters, built_from.briefs if built_from else ())
    briefs = tuple(
        _Article(chapter, original, language, document.footnotes).brief(path, data, notes)
        for chapter, original in zip(chapters, originals)
    )
    return PackReading(briefs, _given_title(properties, pack_language), properties.get(THEME_PROPERTY),
                       pack_language)


def _known_language(declared: str | None) -> str | None:
    """The pack's language property if a catalog exists for it; a language names files and catalog
    paths, so anything else (``../x``, a made-up code) is not used."""
    from ..i18n import catalog_languages

    return declared if declared in catalog_languages() else None


def _given_title(properties: dict[str, str], language: str | None) -> str | None:
    """The title the pack was given; None for the default ("Briefing pack" in its language), which a
    rebuild gives again in whatever language it is built in."""
    from ..i18n import translations

    title = properties.get(TITLE_PROPERTY) or None
    default = translations(language or "en").gettext("Briefing pack")
    return None if title == default else title


# -- the document's parts ---------------------------------------------------

def pack_properties(data: bytes) -> dict[str, str]:
    """The marker properties of a reportgen Word pack (schema, title, theme, language); {} for any other
    file, and for a pack whose properties an editor's tool dropped or damaged."""
    import zipfile
    from io import BytesIO

    from lxml import etree

    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            info = package.getinfo("docProps/custom.xml")
            if info.file_size > _MAX_PROPERTIES_BYTES:
                return {}
            root = parse_part(package.read(info))
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        return {}
    found = {prop.get("name"): prop.findtext(f"{{{VARIANT_NS}}}lpwstr") or ""
             for prop in root.iter(f"{{{PROPERTIES_NS}}}property")}
    return found if found.get(SCHEMA_PROPERTY) in READABLE_PACK_SCHEMAS else {}


def _built_from(document: WordDocument, path: str) -> Pack | None:
    """The pack the renderer kept inside the file, if the file still holds it."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    for rel in document.word.part.rels.values():
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        try:
            root = parse_part(rel.target_part.blob)
        except etree.XMLSyntaxError:
            continue
        if root.tag == f"{{{PACK_NS}}}pack":
            try:
                return Pack.from_dict(json.loads(root.text or ""))
            except (ValueError, ModelError) as error:
                raise InputError(path, f"holds a damaged copy of its pack ({error}); build the pack again") from None
    return None


def _edit_warnings(document: WordDocument) -> tuple[str, ...]:
    warnings = []
    if document.unaccepted_changes:
        warnings.append("has tracked changes not yet accepted; read as if every change were accepted")
    if document.comments:
        warnings.append(f"has {document.comments} comment(s); comments are not part of a brief and were ignored")
    return tuple(warnings)


@dataclass
class _Chapter:
    """One article's part of the document, sorted by what each piece is."""

    title: str
    leads: list[str] = field(default_factory=list)
    question: str | None = None
    points: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)  # the key-figure cards' figures
    cards: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # name, role line, summary
    rows: list[tuple[list[str], str | None]] = field(default_factory=list)  # cells, footnote id
    columns: list[str] = field(default_factory=list)  # the statistics table's titles (a pack leaves empty ones out)
    commentary: dict[str, list[str]] = field(default_factory=dict)
    body: list[str] = field(default_factory=list)


def _chapters(items: list) -> list[_Chapter]:
    """Articles in document order; within one, the last Heading 2 holds its full text (commentary
    under each expert's Heading 3, or the article's paragraphs), whatever the headings now say."""
    chapters: list[tuple[_Chapter, list[list]]] = []
    for index, item in enumerate(items):
        if isinstance(item, WordParagraph) and item.style == CHAPTER_HEADING:
            following = items[index + 1] if index + 1 < len(items) else None
            if isinstance(following, WordParagraph) and following.style == SOURCE_LINE:
                chapters.append((_Chapter(item.text), [[]]))
            else:
                chapters.append((None, [[]]))  # "At a glance", "Sources and method": not an article
        elif chapters:
            segments = chapters[-1][1]
            if isinstance(item, WordParagraph) and item.style == "Heading 2":
                segments.append([])
            else:
                segments[-1].append(item)
    found = []
    for chapter, segments in chapters:
        if chapter is None:
            continue
        for item in (item for segment in segments[:-1] for item in segment):
            _read_item(chapter, item)
        if len(segments) > 1:
            _read_text(chapter, segments[-1])
        found.append(chapter)
    return found


def _read_item(chapter: _Chapter, item: Item) -> None:
    if isinstance(item, WordTable):
        _read_table(chapter, item)
    elif not item.text:
        return
    elif item.style == LEAD:
        chapter.leads.append(item.text)
    elif item.style in ("Intense Quote", "Quote"):
        chapter.question = item.text
    elif item.style.startswith("List"):
        chapter.points.append(item.text)


def _read_text(chapter: _Chapter, segment: list) -> None:
    speaker: str | None = None
    for item in segment:
        if isinstance(item, WordTable) or not item.text:
            continue
        if item.style == "Heading 3":
            speaker = item.text
            chapter.commentary.setdefault(speaker, [])
        elif item.style == "Normal":
            (chapter.commentary[speaker] if speaker else chapter.body).append(item.text)


def _read_table(chapter: _Chapter, table: WordTable) -> None:
    styles = table.styles()
    if KEY_FIGURE in styles:
        chapter.figures += [p.text for row in table.rows for cell in row for p in cell if p.style == KEY_FIGURE]
    elif EXPERT_NAME in styles:
        for row in table.rows:
            for cell in row:
                by_style = {p.style: p.text for p in cell}
                if by_style.get(EXPERT_NAME):
                    chapter.cards.append((by_style[EXPERT_NAME], by_style.get(EXPERT_ROLE) or None,
                                          by_style.get(EXPERT_SUMMARY) or None))
    elif TABLE_HEADING in styles or TABLE_FIGURE in styles:
        for row in table.rows:
            if any(p.style == TABLE_HEADING for cell in row for p in cell):
                chapter.columns = [" ".join(p.text for p in cell).strip() for cell in row]
                continue
            cells = [" ".join(p.text for p in cell).strip() for cell in row]
            notes = [note for p in (row[0] if row else ()) for note in p.footnotes]
            chapter.rows.append((cells, notes[0] if notes else None))


def _match_chapters(chapters: list[_Chapter], originals: tuple[Brief, ...]) -> list[Brief | None]:
    """Each chapter's brief as built: by title, else by place among the chapters left (a retitled article)."""
    matched: list[Brief | None] = [None] * len(chapters)
    free = list(originals)
    for index, chapter in enumerate(chapters):
        same = next((brief for brief in free if brief.title == chapter.title), None)
        if same is not None:
            matched[index] = same
            free.remove(same)
    for index in range(len(chapters)):
        if matched[index] is None and free and len(chapters) == len(originals):
            matched[index] = free.pop(0)
    return matched


# -- one article -------------------------------------------------------------

class _Article:
    """A chapter read over the brief it was built from: the document wins where it shows something."""

    def __init__(self, chapter: _Chapter, original: Brief | None, language: str,
                 footnotes: dict[str, str]) -> None:
        self.chapter, self.original, self.language, self.footnotes = chapter, original, language, footnotes
        self.warnings: list[str] = []

    def brief(self, path: str, data: bytes, notes: tuple[str, ...]) -> Brief:
        original = self.original or _blank(self.chapter.title, path, data, self.language)
        title = self.chapter.title or original.title
        question = self.chapter.question if self.chapter.question is not None else original.question
        brief = replace(
            original,
            kind=original.kind if self.original else ("qa" if question else "news"),
            id=original.id if title == original.title else slugify(title),
            title=title,
            question=question,
            question_spans=original.question_spans if question == original.question else (),
            experts=self.experts(original),
            statistics=self.statistics(original),
            body=self.body(original),
            takeaways=self.takeaways(original),
        )
        warnings = [*original.warnings, *notes, *self.warnings]
        return replace(brief, warnings=tuple(dict.fromkeys(warnings)))

    def experts(self, original: Brief) -> tuple[Expert, ...]:
        if not self.chapter.cards and not original.experts:
            return ()
        if not self.chapter.cards:
            self.warnings.append("every expert card was deleted in Word: the article has no experts now")
            return ()
        before = {expert.name: expert for expert in original.experts}
        experts = []
        for name, line, summary in self.chapter.cards:
            kept = before.get(name) or Expert(name)
            role, organization = _role_and_organization(kept, line)
            commentary = self.chapter.commentary.get(name)
            unchanged = commentary is None or _same_text(commentary, readable_paragraphs(kept.commentary))
            experts.append(replace(
                kept, name=name, role=role, organization=organization, summary=summary,
                name_span=kept.name_span if name == kept.name and name in before else None,
                commentary=kept.commentary if unchanged else tuple(commentary),
                commentary_spans=kept.commentary_spans if unchanged else (),
            ))
        gone = [name for name in before if name not in {card[0] for card in self.chapter.cards}]
        if gone:
            self.warnings.append(f"expert(s) deleted in Word: {', '.join(gone)}")
        return tuple(experts)

    def statistics(self, original: Brief) -> tuple[Statistic, ...]:
        shown = list(original.statistics[:MAX_TABLE_ROWS])
        if not self.chapter.rows and not shown:
            return original.statistics
        statistics = []
        for cells, note in self.chapter.rows:
            cells = self.all_columns(cells)
            kept = _matching_statistic(cells, shown, self.language)
            if kept is not None:
                shown.remove(kept)
            statistic = self.row_statistic(cells, kept, self.footnotes.get(note) if note else None)
            if statistic is not None:
                statistics.append(statistic)
        figures = {figure_parts(s, self.language)[1] for s in statistics}  # a card shows its qualifier apart
        for figure in self.chapter.figures:
            if figure not in figures:
                self.warnings.append(f"key figure {figure!r} was edited on its card only; the statistics table "
                                     "decides — edit the figure there")
        if shown:
            self.warnings.append(f"{len(shown)} statistic(s) deleted in Word")
        return tuple(statistics) + original.statistics[MAX_TABLE_ROWS:]

    def all_columns(self, cells: list[str]) -> list[str]:
        """A row's five cells in the table's full order: a column the pack left out (empty in every
        row) reads as empty; a table without known titles is read in order."""
        titles = statistics_titles(translations(self.language).gettext)
        if not set(self.chapter.columns) <= set(titles) or not self.chapter.columns:
            return (cells + [EMPTY] * 5)[:5]
        by_title = dict(zip(self.chapter.columns, cells))
        return [by_title.get(title, EMPTY) for title in titles]

    def row_statistic(self, cells: list[str], kept: Statistic | None, note: str | None) -> Statistic | None:
        """A table row over the statistic it was built from (None: a new row whose figure is unreadable)."""
        figure, measures, period, source, cited_by = (None if cell in (EMPTY, "") else cell for cell in cells)
        base = kept
        if figure and (kept is None or figure != format_figure(kept, self.language)):
            base = self.reread_figure(figure, kept)
        if base is None:
            return None
        sentence = note.split("\n")[0].strip() if note else base.sentence
        changed_measures = measures != measures_text(base) and not (measures is None and measures_text(base) == EMPTY)
        return replace(
            base,
            measure=measures if changed_measures else base.measure,
            subject=None if changed_measures else base.subject,
            period=base.period if period == format_period(base.period, self.language) else Period.from_text(period),
            source=source,
            source_span=base.source_span if source == base.source else None,
            cited_by=cited_by,
            sentence=sentence,
            sentence_span=base.sentence_span if sentence == base.sentence else None,
        )

    def reread_figure(self, figure: str, base: Statistic | None) -> Statistic | None:
        """An edited (or added) figure read as the parser reads one in an article; no span holds for it."""
        from ..parse.figures import find_statistics

        found = find_statistics(figure, self.language)
        if not found:
            self.warnings.append(f"figure {figure!r} edited in Word could not be read as a number; "
                                 + ("it is shown as it was before" if base else "its row is left out"))
            return base
        reading = found[0]
        before = format_figure(base, self.language) if base else "(new row)"
        self.warnings.append(f"figure edited in Word: {before!r} → {figure!r} (no longer traced to the article)")
        return replace(base or reading, text=figure, value=reading.value, unit=reading.unit,
                       currency=reading.currency, per=reading.per, qualifier=reading.qualifier,
                       change=reading.change, text_span=None)

    def body(self, original: Brief) -> tuple[str, ...]:
        if original.kind == "qa" or self.chapter.leads:
            leads = tuple(self.chapter.leads)
            shown = original.body[:len(leads)] if original.kind == "qa" else original.body
            return original.body if _same_text(leads, shown) else leads + original.body[2:]
        if not self.chapter.body or _same_text(self.chapter.body, readable_paragraphs(original.body)):
            return original.body
        return tuple(self.chapter.body)

    def takeaways(self, original: Brief) -> tuple[str, ...]:
        summaries = {expert.summary for expert in original.experts}
        shown = [point for point in original.takeaways if point not in summaries]
        if original.kind == "qa" or _same_text(self.chapter.points, shown):
            return original.takeaways
        return tuple(self.chapter.points)


def _matching_statistic(cells: list[str], shown: list[Statistic], language: str) -> Statistic | None:
    """The statistic a row was built from: same figure and measure, else same figure, else (an edited
    figure) same measure, source and speaker."""
    figure, measures, _, source, cited_by = cells
    rendered = [(s, format_figure(s, language), measures_text(s)) for s in shown]
    for test in (lambda f, m, s: f == figure and m == measures,
                 lambda f, m, s: f == figure,
                 lambda f, m, s: m == measures and (s.source or EMPTY) == source and (s.cited_by or EMPTY) == cited_by):
        found = next((s for s, f, m in rendered if test(f, m, s)), None)
        if found is not None:
            return found
    return None


def _role_and_organization(expert: Expert, line: str | None) -> tuple[str | None, str | None]:
    """Role and organization from a card's role line; an unchanged line keeps the parser's split."""
    if line == role_line(expert):
        return expert.role, expert.organization
    if line and expert.organization and line.endswith(", " + expert.organization):
        return line[: -len(expert.organization) - 2] or None, expert.organization
    return line, None


def _same_text(a: list[str] | tuple[str, ...], b: list[str] | tuple[str, ...]) -> bool:
    return " ".join(" ".join(a).split()) == " ".join(" ".join(b).split())


def _blank(title: str, path: str, data: bytes, language: str) -> Brief:
    """A brief to read a chapter into when the file no longer holds the pack it was built from."""
    import hashlib

    from ..model import SourceInfo

    return Brief(id=slugify(title), source=SourceInfo(path, "docx", "docx", hashlib.sha256(data).hexdigest()),
                 language=language if language in LANGUAGES else "en", kind="news", title=title,
                 warnings=(("the pack this Word file was built from is no longer inside it; "
                            "figures and spans were read from the document alone"),))



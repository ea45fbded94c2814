"""The format-neutral Document that every renderer reads.

Compose decides order, grouping and wording once; a block carries finished,
translated strings and plain text only (never markup), so a renderer's whole
job is placing them. Blocks are frozen dataclasses; ``Section`` nests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from ..model import Pack


@dataclass(frozen=True)
class Meta:
    """What a renderer needs around the content: metadata, running header and footer."""

    title: str
    subject: str
    author: str
    keywords: tuple[str, ...]
    language: str
    footer: str
    page_label: str  # "Page {page} of {pages}", already translated
    date: str | None = None  # ISO date, for metadata stamps
    note_label: str = "Note {number}"  # a note mark's accessible name, translated
    back_label: str = "Back to the figure of note {number}"  # a note's link back, translated


@dataclass(frozen=True)
class Cover:
    title: str
    subtitle: str | None
    date: str | None
    brand: str
    brand_line: str | None
    language_name: str
    contents_label: str  # "In this pack"
    article_titles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Contents:
    title: str
    depth: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | lead | source | note


@dataclass(frozen=True)
class BulletList:
    items: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    label: str
    text: str


@dataclass(frozen=True)
class Note:
    """Where a figure comes from: its sentence as the article wrote it, its source, who cited it."""

    mark: str  # the note's number as the reader sees it: "3"
    anchor: str  # where the note itself is
    back_anchor: str  # the mark the note links back to (its figure in the statistics table)
    sentence: str
    source: str | None  # finished line: "Source: Human Rights Watch"
    cited_by: str | None  # finished line: "Cited by Ivan Briscoe"


@dataclass(frozen=True)
class NoteRef:
    """A note mark beside a figure; ``anchor`` is set on the one mark its note links back to."""

    note: Note
    anchor: str | None = None


@dataclass(frozen=True)
class KeyFigure:
    figure: str  # "$12 billion"
    label: str  # what it measures: "Homicide rate · Ecuador · 2023"
    source: str | None  # finished line: "Source: Human Rights Watch"
    qualifier: str | None = None  # "more than", shown above the figure
    note: NoteRef | None = None


@dataclass(frozen=True)
class KeyFigures:
    items: tuple[KeyFigure, ...]


@dataclass(frozen=True)
class ExpertCard:
    name: str
    role_line: str | None
    summary: str | None


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the table's width
    numeric: bool = False  # figures align right


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    role: str = "data"  # data | glance | sources: renderers may style each
    notes: tuple[NoteRef | None, ...] = ()  # per row, a mark beside its first cell


@dataclass(frozen=True)
class Commentary:
    """One person's words in full, under their name."""

    name: str
    role_line: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Notes:
    """An article's notes under their own heading; a format with native notes
    (Word footnotes, Markdown footnotes) carries them at their marks instead."""

    title: str
    anchor: str
    items: tuple[Note, ...]


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Section:
    """A heading and what belongs under it; ``level`` 1 is a chapter."""

    title: str
    anchor: str
    level: int
    children: tuple[Block, ...] = ()
    in_contents: bool = True
    language: str = ""  # a chapter's own language (its article's) where it may differ from the pack's


Block = Union[
    Cover, Contents, Paragraph, BulletList, Question, KeyFigures, ExpertCard, Table,
    Commentary, Notes, PageBreak, Section,
]


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    pack: Pack | None = None  # what it was composed from, for renderers of the data itself (json)
    front: int = 0  # the leading blocks that sum up every article (cover, contents, at a glance): the front matter

    def sections(self) -> list[Section]:
        """Every section, depth first, in reading order (outline, contents, tests)."""
        found: list[Section] = []

        def walk(blocks: tuple[Block, ...]) -> None:
            for block in blocks:
                if isinstance(block, Section):
                    found.append(block)
                    walk(block.children)

        walk(self.blocks)
        return found

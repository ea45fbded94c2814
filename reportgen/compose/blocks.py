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
class KeyFigure:
    figure: str  # "$12 billion"
    label: str  # what it measures: "Homicide rate · Ecuador · 2023"
    source: str | None  # finished line: "Source: Human Rights Watch"
    qualifier: str | None = None  # "more than", shown above the figure


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


@dataclass(frozen=True)
class Commentary:
    """One person's words in full, under their name."""

    name: str
    role_line: str | None
    paragraphs: tuple[str, ...]


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


Block = Union[
    Cover, Contents, Paragraph, BulletList, Question, KeyFigures, ExpertCard, Table,
    Commentary, PageBreak, Section,
]


@dataclass(frozen=True)
class Document:
    meta: Meta
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    pack: Pack | None = None  # what it was composed from, for renderers of the data itself (json)

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

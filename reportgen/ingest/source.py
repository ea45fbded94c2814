"""What every reader hands the parser: decoded text blocks plus page metadata."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """One paragraph-level piece of text; ``role`` keeps what the markup said it was."""

    text: str
    role: str = "p"  # "p" paragraph, "h" heading, "li" list item, "quote" block quote


@dataclass(frozen=True)
class PageMeta:
    """Metadata a page declares about itself (HTML meta tags, JSON-LD)."""

    title: str | None = None
    publication: str | None = None
    published: str | None = None
    author: str | None = None


@dataclass(frozen=True)
class Source:
    """A decoded input file, before any judgement about what is article text."""

    path: str
    format: str
    encoding: str
    sha256: str
    blocks: tuple[Block, ...]
    meta: PageMeta = field(default_factory=PageMeta)
    warnings: tuple[str, ...] = ()  # what reading it had to guess (mixed encodings), for the brief's warnings

"""The Markdown renderer: CommonMark with GFM tables, for a CMS or a git repository of briefs.

Every piece of text a brief or a theme gives is made literal before it is
placed (``_md``): whatever CommonMark or GFM would read as markup — emphasis,
strikethrough, code, links and images, footnote references, raw HTML and
entities, autolinks (``<…>``, ``www.``, ``http://``, e-mail), table pipes, and
at the start of a line headings, lists, quotes and setext or thematic rules —
is escaped, so the rendered page shows the article's characters as written.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import register
from ..compose import blocks as b
from .escape import without_controls
from .visitor import BlockVisitor

if TYPE_CHECKING:
    from ..themes import Theme

# One character of inline markup; an autolink's "www." or "://"; each is escaped where it stands.
_INLINE = re.compile(r"(?P<char>[\\`*_{}\[\]|#~$@&<>])|(?P<www>(?<![0-9A-Za-z])[Ww]{3})\.|:(?=//)")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
# What opens a block at the start of a line once the inline escapes are done: a list item
# ("-", "+", "1986." or "1)"), a setext underline ("=", "-").
_LINE_START = re.compile(r"[-+=]|(?P<number>\d+)(?P<mark>[.)])")


def _inline(match: re.Match[str]) -> str:
    if match["char"]:
        return _ENTITIES.get(match["char"], "\\" + match["char"])
    return f"{match['www']}\\." if match["www"] else "\\:"


def _line_start(match: re.Match[str]) -> str:
    return f"{match['number']}\\{match['mark']}" if match["number"] else "\\" + match[0]


def _md(text: str) -> str:
    """Article or theme text as literal Markdown on one line: nothing in it becomes markup.

    Control characters are dropped and runs of white space become one space.
    """
    flat = _INLINE.sub(_inline, " ".join(without_controls(text).split()))
    start = _LINE_START.match(flat)
    return flat if start is None else _line_start(start) + flat[start.end():]


@register
class MarkdownRenderer:
    name = "md"
    suffix = ".md"
    description = "CommonMark with GFM tables, for a CMS or a git repository"

    def render(self, document: b.Document, theme: Theme) -> bytes:
        page = _Page(document)
        lines: list[str] = []
        for block in document.blocks:
            lines += page.visit(block)
        text = "\n".join(lines).strip() + "\n"
        return re.sub(r"\n{3,}", "\n\n", text).encode("utf-8")


def gfm_id(title: str) -> str:
    """The id a GFM renderer gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    words = " ".join(without_controls(title).split()).lower()
    return re.sub(r"[^\w\- ]", "", words).replace(" ", "-")


def heading_ids(blocks: tuple[b.Block, ...]) -> dict[str, str]:
    """Each section anchor's heading id, in the order the page writes its headings (cover, contents,
    sections, commentaries), a repeated id numbered "-1", "-2" as GFM renderers number it."""
    ids: dict[str, str] = {}
    seen: dict[str, int] = {}

    def take(title: str) -> str:
        base = gfm_id(title)
        count = seen.get(base, 0)
        seen[base] = count + 1
        return f"{base}-{count}" if count else base

    def walk(children: tuple[b.Block, ...]) -> None:
        for block in children:
            if isinstance(block, (b.Cover, b.Contents)):
                take(block.title)
            elif isinstance(block, b.Section):
                ids[block.anchor] = take(block.title)
                walk(block.children)
            elif isinstance(block, b.Commentary):
                take(block.name)

    walk(blocks)
    return ids


def _mark(ref: b.NoteRef | None) -> str:
    """A GFM footnote reference; GitHub numbers footnotes itself, so the label is the note's anchor."""
    return f"[^{ref.note.anchor}]" if ref else ""


class _Page(BlockVisitor[list[str]]):
    """The lines of each block; the document is kept for what a block lists of it (the contents)."""

    def __init__(self, document: b.Document) -> None:
        self.document = document
        self.slugs = heading_ids(document.blocks)

    def visit_cover(self, block: b.Cover) -> list[str]:
        when = " · ".join(part for part in (block.date, block.language_name) if part)
        lines = [f"# {_md(block.title)}", ""]
        if block.subtitle:
            lines += [f"*{_md(block.subtitle)}*", ""]
        brand = " — ".join(_md(part) for part in (block.brand, block.brand_line) if part)
        return lines + [_md(when), "", brand, ""]

    def visit_contents(self, block: b.Contents) -> list[str]:
        """Each entry links to its heading by the id GitHub, GitLab and pandoc's ``gfm`` give it."""
        entries = [s for s in self.document.sections() if s.in_contents and s.level <= block.depth]
        return [f"## {_md(block.title)}", ""] + [
            f"{'  ' * (s.level - 1)}- [{_md(s.title)}](#{self.slugs[s.anchor]})" for s in entries] + [""]

    def visit_section(self, block: b.Section) -> list[str]:
        lines = [f"{'#' * min(block.level + 1, 6)} {_md(block.title)}", ""]
        for child in block.children:
            lines += self.visit(child)
        return lines

    def visit_paragraph(self, block: b.Paragraph) -> list[str]:
        text = _md(block.text)
        return [f"*{text}*" if block.style in ("source", "note") else text, ""]

    def visit_bullet_list(self, block: b.BulletList) -> list[str]:
        return [f"- {_md(item)}" for item in block.items] + [""]

    def visit_question(self, block: b.Question) -> list[str]:
        return [f"> **{_md(block.label)}**", ">", f"> {_md(block.text)}", ""]

    def visit_key_figures(self, block: b.KeyFigures) -> list[str]:
        lines = []
        for item in block.items:
            figure = f"**{_md(item.figure)}**{_mark(item.note)}"
            figure = f"{_md(item.qualifier)} {figure}" if item.qualifier else figure
            source = f" ({_md(item.source)})" if item.source else ""
            lines.append(f"- {figure} — {_md(item.label)}{source}")
        return lines + [""]

    def visit_expert_card(self, block: b.ExpertCard) -> list[str]:
        role = f" — *{_md(block.role_line)}*" if block.role_line else ""
        return [f"**{_md(block.name)}**{role}  ", _md(block.summary or ""), ""]

    def visit_table(self, block: b.Table) -> list[str]:
        header = "| " + " | ".join(_md(c.title) for c in block.columns) + " |"
        rule = "|" + "|".join("---:" if c.numeric else "---" for c in block.columns) + "|"
        notes = block.notes or (None,) * len(block.rows)
        rows = ["| " + " | ".join(_md(cell) + (_mark(note) if index == 0 else "") for index, cell in enumerate(row))
                + " |" for row, note in zip(block.rows, notes)]
        return [header, rule, *rows, ""]

    def visit_commentary(self, block: b.Commentary) -> list[str]:
        lines = [f"#### {_md(block.name)}", ""]
        if block.role_line:
            lines += [f"*{_md(block.role_line)}*", ""]
        for text in block.paragraphs:
            lines += [_md(text), ""]
        return lines

    def visit_notes(self, block: b.Notes) -> list[str]:
        """GFM footnotes: listed, with links back, at the end of the page."""
        lines = []
        for note in block.items:
            credit = " · ".join(part for part in (note.source, note.cited_by) if part)
            lines += [f"[^{note.anchor}]: {_md(note.sentence)}" + (f" — *{_md(credit)}*" if credit else ""), ""]
        return lines

    def visit_page_break(self, block: b.PageBreak) -> list[str]:
        """Nothing: Markdown has no pages."""
        return []

"""The HTML renderer: one self-contained, accessible page per pack (newsletter, web preview).

Inline CSS from the theme's colours and fonts, the logo as an ``<img>`` of
its sanitized SVG (``svg.py``), a ``lang`` attribute, one ``h1`` then
headings in order, tables with ``<th scope>``; nothing is fetched from
anywhere. Every string, from the brief or the theme, goes through
``escape.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import register
from ..compose import blocks as b
from ..logos import html_logo
from ..themes import COLOR_ROLES, family_name
from .escape import css_color, css_string, html_text as _text, lang_attribute, language_tag
from .visitor import BlockVisitor

if TYPE_CHECKING:
    from ..themes import Theme

# A run this long with no space (a URL, a long compound) may break anywhere; other words break only
# where hyphenation allows, so a phone never shows "Ne/ws" or "202/5".
_LONG_TOKEN = re.compile(r"\S{%d,}" % 24)


def _flow(value: str) -> str:
    """Running text as HTML, long unbreakable runs marked so they alone may break anywhere."""
    return _LONG_TOKEN.sub(lambda match: f'<span class="long">{match[0]}</span>', _text(value))


@register
class HtmlRenderer:
    name = "html"
    suffix = ".html"
    description = "one self-contained, accessible HTML page (inline CSS and logo)"

    def render(self, document: b.Document, theme: Theme) -> bytes:
        return _Page(document, theme).html().encode("utf-8")


class _Page(BlockVisitor[str]):
    """The page of one document; each ``visit_`` method returns a block's HTML at a section depth."""

    def __init__(self, document: b.Document, theme: Theme) -> None:
        self.document, self.theme = document, theme
        self.language = language_tag(document.meta.language) or ""  # of the text being written

    def html(self) -> str:
        meta = self.document.meta
        body = "".join(self.visit(block, 1) for block in self.document.blocks)
        return (
            f'<!DOCTYPE html>\n<html{lang_attribute(meta.language)}>\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_text(meta.title)}</title>\n"
            f'<meta name="author" content="{_text(meta.author)}">\n'
            f'<meta name="description" content="{_text(meta.subject)}">\n'
            f'<meta name="keywords" content="{_text(", ".join(meta.keywords))}">\n'
            f"<style>{self.css()}</style>\n</head>\n<body>\n{body}"
            f'<footer class="page-footer"><p>{_text(meta.footer)}</p></footer>\n</body>\n</html>\n'
        )

    def css(self) -> str:
        s = self.theme.sizes
        colors = "".join(f"--{role}:{css_color(self.theme.colors[role], role)};" for role in COLOR_ROLES)
        colors += f"--accent-text:{css_color(self.theme.accent_text, 'accent')};"
        body_font = css_string(family_name(self.theme.body_font.regular))
        heading_font = css_string(family_name(self.theme.heading_font.regular))
        return (
            f":root{{{colors}}}"
            f"body{{margin:0 auto;max-width:46rem;padding:1.5rem;color:var(--text);background:var(--paper);"
            f"overflow-wrap:break-word;hyphens:auto;font:{float(s['body']) + 2:.1f}pt/1.55 {body_font},system-ui,sans-serif}}"
            ".long{overflow-wrap:anywhere;hyphens:none}a{color:var(--primary)}a:visited{color:var(--primary)}"
            "nav a{text-decoration:none}nav a:hover,nav a:focus{text-decoration:underline}"
            ".table-wrap{overflow-x:auto}th,.num,.figure,.mark{hyphens:none}"
            f"h1,h2,h3,h4{{font-family:{heading_font},Georgia,serif;color:var(--primary);line-height:1.2}}"
            "h2{border-bottom:2px solid var(--accent);padding-bottom:.2em;margin-top:2.2em}"
            ".cover{border-top:.6rem solid var(--primary);padding-top:1rem}"
            ".cover .logo img{height:3.2rem;width:auto}.cover p{margin:.25em 0}.cover h1{font-size:2.4rem;margin:.6em 0 .2em}"
            ".brand{font-weight:700}.brand-line,.meta,.source,.role,.note,.figure-source{color:var(--muted)}"
            ".source{color:var(--accent-text);font-weight:700;font-size:.9em}.lead{font-size:1.08em}"
            ".question{background:var(--shade);border-left:.3rem solid var(--accent);padding:.8em 1.1em;"
            "margin:1.2em 0}.question .label{color:var(--accent-text);font-weight:700;font-size:.8em;"
            "text-transform:uppercase;margin:0}.question blockquote{margin:.3em 0 0;font-style:italic}"
            ".figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:.8rem;"
            "list-style:none;padding:0}.figures li{background:var(--shade);border-top:3px solid var(--accent);"
            "padding:.7em .9em}.figures .figure{display:block;font-size:1.7em;color:var(--primary)}"
            ".figures .qualifier{display:block;font-size:.75em;font-weight:700;text-transform:uppercase;"
            "color:var(--muted)}.figures .label{display:block;font-weight:700;font-size:.85em}"
            ".figure-source{display:block;font-size:.8em}"
            ".card{background:var(--shade);border-left:.3rem solid var(--primary);padding:.6em 1em;"
            "margin:.7em 0}.card h4{margin:0}.card p{margin:.3em 0}.role{font-style:italic;font-size:.9em}"
            "table{border-collapse:collapse;width:100%;font-size:.9em;margin:1em 0}"
            "th{background:var(--primary);color:var(--paper);text-align:left}th,td{padding:.35em .5em;"
            "vertical-align:top}tbody tr:nth-child(even){background:var(--stripe)}"
            "tbody{border-bottom:2px solid var(--primary)}.num{text-align:right;font-weight:700}"
            ".mark{font-size:.7em;line-height:0}.mark a,.notes a{color:var(--primary)}"
            ".notes ol{list-style:none;padding:0;font-size:.9em}.notes li{margin:.5em 0 .5em 2em;text-indent:-2em}"
            ".notes .number{display:inline-block;width:1.6em;margin-right:.4em;text-align:right;font-weight:700;"
            "color:var(--primary);text-indent:0}.notes q{quotes:none}.notes .credit{color:var(--muted);"
            "font-style:italic}.notes .back{text-decoration:none}"
            "nav ol{padding-left:1.2em}.page-footer{color:var(--muted);border-top:1px solid var(--rule);"
            "margin-top:3rem;font-size:.85em}"
        )

    def visit_cover(self, block: b.Cover, depth: int) -> str:
        logo = ""
        source = html_logo(self.theme)
        if source is not None:
            logo = f'<div class="logo"><img src="{source}" alt="{_text(block.brand)}"></div>'
        lines = [f'<header class="cover">{logo}<p class="brand">{_text(block.brand)}</p>']
        if block.brand_line:
            lines.append(f'<p class="brand-line">{_text(block.brand_line)}</p>')
        lines.append(f"<h1>{_text(block.title)}</h1>")
        if block.subtitle:
            lines.append(f'<p class="subtitle">{_text(block.subtitle)}</p>')
        when = " · ".join(part for part in (block.date, block.language_name) if part)
        lines.append(f'<p class="meta">{_text(when)}</p></header>\n')
        return "".join(lines)

    def visit_contents(self, block: b.Contents, depth: int) -> str:
        items = []
        for section in self.document.sections():
            if section.in_contents and section.level == 1:
                children = [s for s in section.children if isinstance(s, b.Section) and s.in_contents]
                inner = "".join(f'<li><a href="#{_text(s.anchor)}">{_text(s.title)}</a></li>' for s in children) \
                    if block.depth > 1 and children else ""
                items.append(f'<li><a href="#{_text(section.anchor)}">{_text(section.title)}</a>'
                             f'{"<ol>" + inner + "</ol>" if inner else ""}</li>')
        return (f'<nav aria-labelledby="contents-title"><h2 id="contents-title">{_text(block.title)}</h2>'
                f'<ol>{"".join(items)}</ol></nav>\n')

    def visit_section(self, block: b.Section, depth: int) -> str:
        """A chapter carries its article's ``lang``; a heading the pack wrote inside it (in the pack's
        language, "Key figures") carries the pack's, so screen readers and hyphenation read each right."""
        level = min(block.level + 1, 4)
        chapter = language_tag(block.language) if block.language else None
        outer, self.language = self.language, chapter or self.language
        inner = "".join(self.visit(child, depth + 1) for child in block.children)
        self.language = outer
        section_lang = f' lang="{chapter}"' if chapter else ""
        heading_lang = "" if chapter else self._pack_language()
        anchor = _text(block.anchor)
        return (f'<section{section_lang} aria-labelledby="{anchor}"><h{level} id="{anchor}"{heading_lang}>'
                f"{_text(block.title)}</h{level}>\n{inner}</section>\n")

    def _pack_language(self) -> str:
        """`` lang="…"`` of the pack for a label it wrote inside a chapter in another language."""
        pack = language_tag(self.document.meta.language)
        return f' lang="{pack}"' if pack and self.language != pack else ""

    def visit_paragraph(self, block: b.Paragraph, depth: int) -> str:
        return f'<p class="{_text(block.style)}">{_flow(block.text)}</p>\n'

    def visit_bullet_list(self, block: b.BulletList, depth: int) -> str:
        return "<ul>" + "".join(f"<li>{_text(item)}</li>" for item in block.items) + "</ul>\n"

    def visit_question(self, block: b.Question, depth: int) -> str:
        return (f'<aside class="question" aria-label="{_text(block.label)}"><p class="label">{_text(block.label)}</p>'
                f"<blockquote><p>{_flow(block.text)}</p></blockquote></aside>\n")

    def _mark(self, ref: b.NoteRef | None) -> str:
        """A superscript link to the note; the mark the note links back to carries an id."""
        if ref is None:
            return ""
        anchor = f' id="{_text(ref.anchor)}"' if ref.anchor else ""
        label = _text(self.document.meta.note_label.format(number=ref.note.mark))
        return (f'<sup class="mark"><a href="#{_text(ref.note.anchor)}"{anchor} aria-label="{label}">'
                f"{_text(ref.note.mark)}</a></sup>")

    def visit_key_figures(self, block: b.KeyFigures, depth: int) -> str:
        items = []
        for item in block.items:
            qualifier = f'<span class="qualifier">{_text(item.qualifier)}</span>' if item.qualifier else ""
            source = f'<span class="figure-source">{_text(item.source)}</span>' if item.source else ""
            items.append(f'<li>{qualifier}<strong class="figure">{_text(item.figure)}{self._mark(item.note)}</strong>'
                         f'<span class="label">{_text(item.label)}</span>{source}</li>')
        return f'<ul class="figures">{"".join(items)}</ul>\n'

    def visit_expert_card(self, block: b.ExpertCard, depth: int) -> str:
        role = f'<p class="role">{_text(block.role_line)}</p>' if block.role_line else ""
        summary = f"<p>{_flow(block.summary)}</p>" if block.summary else ""
        return f'<article class="card"><h4>{_text(block.name)}</h4>{role}{summary}</article>\n'

    def visit_table(self, block: b.Table, depth: int) -> str:
        head = "".join(f'<th scope="col"{" class=num" if c.numeric else ""}>{_text(c.title)}</th>'
                       for c in block.columns)
        notes = block.notes or (None,) * len(block.rows)
        rows = "".join(
            "<tr>" + "".join(f'<td{" class=num" if c.numeric else ""}>{_flow(cell)}'
                             f'{self._mark(note) if index == 0 else ""}</td>'
                             for index, (cell, c) in enumerate(zip(row, block.columns))) + "</tr>"
            for row, note in zip(block.rows, notes)
        )
        return (f'<div class="table-wrap"><table class="{_text(block.role)}"><thead><tr>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table></div>\n")

    def visit_commentary(self, block: b.Commentary, depth: int) -> str:
        role = f'<p class="role">{_text(block.role_line)}</p>' if block.role_line else ""
        paragraphs = "".join(f"<p>{_flow(text)}</p>" for text in block.paragraphs)
        return f'<section class="commentary"><h4>{_text(block.name)}</h4>{role}{paragraphs}</section>\n'

    def visit_notes(self, block: b.Notes, depth: int) -> str:
        level = min(depth + 1, 4)
        back_label = self.document.meta.back_label
        items = []
        for note in block.items:
            credit = " · ".join(part for part in (note.source, note.cited_by) if part)
            credit = f'<br><span class="credit">{_text(credit)}</span>' if credit else ""
            back = _text(back_label.format(number=note.mark))
            items.append(f'<li id="{_text(note.anchor)}"><span class="number">{_text(note.mark)}</span> '
                         f'<q>{_flow(note.sentence)}</q>{credit} <a href="#{_text(note.back_anchor)}" class="back" '
                         f'aria-label="{back}">↩</a></li>')
        anchor = _text(block.anchor)
        return (f'<section class="notes" aria-labelledby="{anchor}"><h{level} id="{anchor}"{self._pack_language()}>'
                f'{_text(block.title)}</h{level}><ol>{"".join(items)}</ol></section>\n')

    def visit_page_break(self, block: b.PageBreak, depth: int) -> str:
        return ""

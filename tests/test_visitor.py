"""Every block type through every renderer: a block type a renderer has not learnt fails here, by name.

The document holds one block of each type of the ``Block`` union, so a new
block type fails ``test_every_block_type_has_a_sample`` until it gets one,
and then every renderer without a ``visit_`` method for it fails
``test_every_renderer_renders_every_block_type``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

import pytest

from reportgen.compose import blocks as b
from reportgen.model import Pack
from reportgen.render import formats, renderer_for
from reportgen.render.visitor import BlockVisitor, UnknownBlock, method_name
from reportgen.themes import load_theme

BLOCKLESS = {"json"}  # renderers of the pack itself: they never read the blocks

_NOTE = b.Note(mark="1", anchor="note-1", back_anchor="note-1-ref", sentence="Rates rose 5% in 2024, the bank said.",
               source="Source: the bank", cited_by="Cited by Ana Ruiz")
SAMPLES: dict[type, b.Block] = {
    b.Cover: b.Cover(title="Briefing pack", subtitle="One of every block", date="7 December 2026", brand="Brand",
                     brand_line="Policy, briefly", language_name="English", contents_label="In this pack",
                     article_titles=("Rates rise again",)),
    b.Contents: b.Contents(title="Contents", depth=2),
    b.Paragraph: b.Paragraph(text="A body paragraph.", style="lead"),
    b.BulletList: b.BulletList(items=("First takeaway.", "Second takeaway.")),
    b.Question: b.Question(label="The question", text="Will rates keep rising?"),
    b.KeyFigures: b.KeyFigures(items=(
        b.KeyFigure(figure="5%", label="Rate rise · 2024", source="Source: the bank", qualifier="more than",
                    note=b.NoteRef(_NOTE, anchor=_NOTE.back_anchor)),
    )),
    b.ExpertCard: b.ExpertCard(name="Ana Ruiz", role_line="Economist, the bank", summary="Rates will rise."),
    b.Table: b.Table(columns=(b.Column("Figure", 1.0, numeric=True), b.Column("What it measures", 2.0)),
                     rows=(("5%", "Rate rise"),), notes=(b.NoteRef(_NOTE),)),
    b.Commentary: b.Commentary(name="Ana Ruiz", role_line="Economist", paragraphs=("Rates will rise.", "Then fall.")),
    b.Notes: b.Notes(title="Notes and sources", anchor="article-1-notes", items=(_NOTE,)),
    b.PageBreak: b.PageBreak(),
}
_FRONT = (b.Cover, b.Contents)  # before the chapter, where compose puts them


def _document(*extra: object) -> b.Document:
    """Cover, contents, then one chapter holding a sample of every other block type (and ``extra``)."""
    chapter = b.Section(title="Rates rise again", anchor="article-1", level=1,
                        children=(*(block for kind, block in SAMPLES.items() if kind not in _FRONT), *extra))
    meta = b.Meta(title="Briefing pack", subject="One of every block", author="Brand", keywords=("rates",),
                  language="en", footer="Brand", page_label="Page {page} of {pages}", date="2026-12-07")
    return b.Document(meta, (*(SAMPLES[kind] for kind in _FRONT), chapter), Pack(briefs=(), title="Briefing pack"))


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


def test_every_block_type_has_a_sample():
    missing = set(get_args(b.Block)) - set(SAMPLES) - {b.Section}
    assert not missing, f"add a sample of {', '.join(sorted(kind.__name__ for kind in missing))} to SAMPLES"


@pytest.mark.parametrize("fmt", formats())
def test_every_renderer_renders_every_block_type(fmt, theme):
    assert renderer_for(fmt).render(_document(), theme)


@dataclass(frozen=True)
class Sidebar:
    """A block type no renderer knows."""

    text: str


@pytest.mark.parametrize("fmt", sorted(set(formats()) - BLOCKLESS))
def test_an_unknown_block_raises_naming_it(fmt, theme):
    with pytest.raises(UnknownBlock, match="cannot render a Sidebar block: it has no visit_sidebar method"):
        renderer_for(fmt).render(_document(Sidebar("Not a block yet")), theme)


def test_the_method_is_named_for_the_block_class_itself_not_its_bases():
    class Callout(b.Paragraph):
        pass

    class Visitor(BlockVisitor[str]):
        def visit_paragraph(self, block: b.Paragraph) -> str:
            return block.text

    assert method_name(b.KeyFigures) == "visit_key_figures"
    assert Visitor().visit(b.Paragraph("plain")) == "plain"
    with pytest.raises(UnknownBlock, match="visit_callout"):
        Visitor().visit(Callout("a paragraph by another name"))

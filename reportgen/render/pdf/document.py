"""Document × Theme → PDF bytes: fonts, styles, story, then reportlab's layout."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from typing import Iterator

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from ... import __version__
from ...compose.blocks import Block, Cover, Document, Notes, Section
from ...themes import Theme
from .flowables import KeepWithNext, Story
from .fonts import RegisteredFamily, Typeset, register_family
from .page import Furniture, FurnitureCanvas, PackTemplate
from .styles import palette, paragraph_styles


def render_pdf(document: Document, theme: Theme) -> bytes:
    """The PDF of ``document`` in ``theme``; the same inputs give the same bytes."""
    return _lay_out(document, theme)[0]


def contents_pages(document: Document, theme: Theme) -> dict[str, int]:
    """Each section's (and notes heading's) anchor → the page it starts on in the PDF of ``document`` in ``theme``: the
    numbers the PDF's contents prints, for a Word contents to carry as its cached result.

    Recorded while the PDF is laid out, and kept for the last few renders: a Word render right
    after the PDF render of the same document costs nothing more; otherwise the PDF is paginated
    once, nothing drawn and no bytes written."""
    recorded = recorded_contents_pages(document, theme)
    return recorded if recorded is not None else dict(_lay_out(document, theme, write=False)[1])


def recorded_contents_pages(document: Document, theme: Theme) -> dict[str, int] | None:
    """The pages of ``contents_pages`` when this process laid the same document out lately, else None."""
    with _recent_lock:
        for laid_document, laid_theme, pages in reversed(_recent):
            if (laid_document is document or laid_document == document) and (laid_theme is theme or laid_theme == theme):
                return dict(pages)
    return None


_RECENT = 4  # (document, theme) pairs whose page numbers are kept
_recent: list[tuple[Document, Theme, dict[str, int]]] = []
_recent_lock = threading.Lock()


def prepare(theme: Theme) -> None:
    """Register the fonts ``theme``'s paragraph styles name (parsing their files), as a render would first."""
    _families_and_styles(theme)


def _families_and_styles(theme: Theme) -> tuple[RegisteredFamily, RegisteredFamily, dict]:
    """The theme's body and heading families, registered, and the paragraph styles set in them."""
    body, heading = register_family(theme.body_font), register_family(theme.heading_font)
    return body, heading, paragraph_styles(theme, body, heading)


def _lay_out(document: Document, theme: Theme, write: bool = True) -> tuple[bytes, dict[str, int]]:
    """The PDF's bytes and the page each section starts on; the pages are remembered. Without ``write``
    the pages are only paginated: every flowable wrapped and split as in a render, nothing drawn and no bytes
    (``PackTemplate``'s ``draw``)."""
    body, heading, styles = _families_and_styles(theme)
    typeset, heading_typeset = Typeset(body), Typeset(heading)
    colors = palette(theme)
    meta = document.meta
    cover = next((block for block in document.blocks if isinstance(block, Cover)), None)
    buffer = BytesIO()
    furniture = Furniture(meta, body, colors, theme.sizes["small"])
    template = PackTemplate(
        buffer, theme, cover, typeset, furniture, colors, styles,
        title=meta.title, author=meta.author, subject=meta.subject, keywords=list(meta.keywords),
        creator=f"reportgen {__version__}", lang=meta.language, keepTogetherClass=KeepWithNext, draw=write,
    )
    story = Story(styles, colors, typeset, heading_typeset, template.width, template.height).flowables(document.blocks)
    canvas_maker = partial(FurnitureCanvas, furniture=furniture) if write else _UnwrittenCanvas
    with _binary_streams():
        template.build(story, canvasmaker=canvas_maker)  # one pass: page numbers still to come are forms
    anchors = _anchors(document.blocks)
    pages = {key: page for key, page in template.section_pages.items() if key in anchors}
    with _recent_lock:
        _recent.append((document, theme, pages))
        del _recent[:-_RECENT]
    return buffer.getvalue(), pages


class _UnwrittenCanvas(Canvas):
    """The canvas of a layout that draws nothing: saving it serializes, compresses and subsets nothing."""

    def save(self) -> None:
        pass


def _anchors(blocks: tuple[Block, ...]) -> set[str]:
    """The anchors of every section and every notes heading: what a contents may list."""
    found: set[str] = set()
    for block in blocks:
        if isinstance(block, (Section, Notes)):
            found.add(block.anchor)
        if isinstance(block, Section):
            found |= _anchors(block.children)
    return found


_streams_lock = threading.Lock()
_streams_users = 0
_streams_saved = rl_config.useA85


@contextmanager
def _binary_streams() -> Iterator[None]:
    """reportlab's base-85 stream encoding off while any render runs (smaller files, one pass less).

    ``useA85`` is a process-wide setting, so renders in threads share one
    switch: off with the first, back as it was after the last.
    """
    global _streams_users, _streams_saved
    with _streams_lock:
        if _streams_users == 0:
            _streams_saved, rl_config.useA85 = rl_config.useA85, 0
        _streams_users += 1
    try:
        yield
    finally:
        with _streams_lock:
            _streams_users -= 1
            if _streams_users == 0:
                rl_config.useA85 = _streams_saved

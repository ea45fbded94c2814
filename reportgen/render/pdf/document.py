"""Document × Theme → PDF bytes: fonts, styles, story, then reportlab's layout."""

from __future__ import annotations

import threading
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from io import BytesIO
from typing import Iterator

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from ... import __version__
from ...compose.blocks import Block, Cover, Document, Meta, Notes, PageBreak, Section
from ...themes import Theme
from . import deferred  # noqa: F401 - imports reportlab.platypus before the modules below do (see there)
from .flowables import KeepWithNext, Story
from .fonts import RegisteredFamily, Typeset, register_family
from .page import Furniture, FurnitureCanvas, PackTemplate, prepare_logo
from .styles import palette, paragraph_styles
from .text import lines_shared_by


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
    """Register the fonts ``theme``'s paragraph styles name (parsing their files) and parse its logo,
    as a render would first."""
    prepare_pagination(theme)
    prepare_logo(theme)


def prepare_pagination(theme: Theme) -> None:
    """What paginating a pack in ``theme`` needs first: its fonts and paragraph styles. Not its logo:
    a paginated cover is not drawn (``PackTemplate(draw=False)``)."""
    _families_and_styles(theme)


def _families_and_styles(theme: Theme) -> tuple[RegisteredFamily, RegisteredFamily, dict]:
    """The theme's body and heading families, registered, and the paragraph styles set in them."""
    body, heading = register_family(theme.body_font), register_family(theme.heading_font)
    return body, heading, paragraph_styles(theme, body, heading)


def _lay_out(document: Document, theme: Theme, write: bool = True) -> tuple[bytes, dict[str, int]]:
    """The PDF's bytes and the page each section starts on; the pages are remembered. Without ``write``
    the pages are only paginated: every flowable wrapped and split as in a render, nothing drawn and no bytes
    (``PackTemplate``'s ``draw``)."""
    early = _taken_up(document, theme) if write else None
    if early is not None:
        buffer, layout = early.stream, early.layout
        layout.lay(document.blocks[document.front + len(layout.chapters):])
        template = layout.finish(document.meta, document.blocks[:document.front])
    else:
        buffer = BytesIO()
        front, chapters = document.blocks[:document.front], document.blocks[document.front:]
        template = _built(document, theme, front, chapters, buffer, write, first_page="cover")
    anchors = _anchors(document.blocks)
    pages = {key: page for key, page in template.section_pages.items() if key in anchors}
    with _recent_lock:
        _recent.append((document, theme, pages))
        del _recent[:-_RECENT]
    return buffer.getvalue(), pages


def _built(document: Document, theme: Theme, front: tuple[Block, ...], chapters: tuple[Block, ...], stream: BytesIO,
           write: bool, first_page: str, listed_after: tuple[Block, ...] = ()) -> PackTemplate:
    """The ``front`` matter and ``chapters`` of ``document`` laid out (and drawn into ``stream`` with
    ``write``): the chapters first, from a page in the ``first_page`` template (a body page when the
    front matter follows them), then the front matter from a cover page, its pages put first; a contents
    among them also listing the sections of ``listed_after``. The template after its build."""
    shared = nullcontext() if document.pack is None else lines_shared_by(document.pack.briefs)
    with shared:
        layout = _Layout(document.meta, theme, stream, write, "body" if front and chapters else first_page)
        layout.lay(chapters)
        return layout.finish(document.meta, front, listed_after)


class _Layout:
    """One PDF laid out in parts: chapters as they come (``lay``), then the front matter, which
    sums them up, and the page numbers (``finish``)."""

    def __init__(self, meta: Meta, theme: Theme, stream: BytesIO, write: bool, first_page: str) -> None:
        body, heading, styles = _families_and_styles(theme)
        typeset, heading_typeset = Typeset(body), Typeset(heading)
        colors = palette(theme)
        furniture = Furniture(meta, body, colors, theme.sizes["small"])
        self.template = PackTemplate(
            stream, theme, None, typeset, furniture, colors, styles,
            title=meta.title, author=meta.author, subject=meta.subject, keywords=list(meta.keywords),
            creator=f"reportgen {__version__}", lang=meta.language, keepTogetherClass=KeepWithNext, draw=write,
            first_page=first_page,
        )
        self.story = Story(styles, colors, typeset, heading_typeset, self.template.width, self.template.height)
        self.chapters: tuple[Block, ...] = ()  # laid out so far
        with _binary_streams():
            self.template.begin(partial(FurnitureCanvas, furniture=furniture) if write else _UnwrittenCanvas)

    def lay(self, chapters: tuple[Block, ...]) -> None:
        with _binary_streams():
            self.template.lay(self.story.flowables(chapters))
        self.chapters += chapters

    def finish(self, meta: Meta, front: tuple[Block, ...], listed_after: tuple[Block, ...] = ()) -> PackTemplate:
        """Lay out the front matter (without its last page break: the chapters follow it) and number
        the pages; the template, its canvas saved when it draws. ``meta`` gives the subject and
        keywords, which count every article."""
        template, story = self.template, self.story
        template.cover = next((block for block in (*front, *self.chapters) if isinstance(block, Cover)), None)
        with _binary_streams():
            if front:
                if front[-1:] == (PageBreak(),):
                    front = front[:-1]
                front_story = story.flowables(front)
                story.list_in_contents(self.chapters + listed_after)
                template.lay_front(front_story, after=bool(self.chapters))
            else:
                story.list_in_contents(listed_after)
            template.finish(story.contents)  # one pass: the page numbers are forms, defined now
            template.canv.setSubject(meta.subject)
            template.canv.setKeywords(list(meta.keywords))
            if template.draw:
                template.canv.save()
        return template


class EarlyLayout:
    """A pack's PDF laid out chapter by chapter (``add``) while its other articles are still being
    read, for the render of the pack to finish (``render_pdf``): it takes this layout up when the
    chapters laid out are the document's first ones and ``meta`` is the document's, but for the
    subject and keywords, which count every article; else it lays the document out afresh and this
    layout is dropped. The bytes are the same either way."""

    def __init__(self, meta: Meta, theme: Theme) -> None:
        self.meta, self.theme = meta, theme
        self.stream = BytesIO()
        self.layout = _Layout(meta, theme, self.stream, write=True, first_page="body")
        with _early_lock:
            _early.append(self)

    def add(self, chapter: tuple[Block, ...]) -> None:
        """Lay out the pack's next chapter; a layout that fails is dropped, and the error raised."""
        try:
            self.layout.lay(chapter)
        except BaseException:
            self.drop()
            raise

    def drop(self) -> None:
        """Forget this layout (the render will not take it up)."""
        with _early_lock:
            if self in _early:
                _early.remove(self)

    def fits(self, document: Document, theme: Theme) -> bool:
        laid = self.layout.chapters
        return (bool(document.front) and (self.theme is theme or self.theme == theme)
                and replace(self.meta, subject=document.meta.subject, keywords=document.meta.keywords) == document.meta
                and document.blocks[document.front:document.front + len(laid)] == laid)


_early: list[EarlyLayout] = []
_early_lock = threading.Lock()


def _taken_up(document: Document, theme: Theme) -> EarlyLayout | None:
    """An early layout of ``document``'s first chapters, no longer listed (one render takes it), or None."""
    with _early_lock:
        for early in _early:
            if early.fits(document, theme):
                _early.remove(early)
                return early
    return None


_FRONT_SHARE = 0.4  # of a pack's page breaks, before the one where its pagination is cut in two


@dataclass(frozen=True)
class PartPages:
    """What paginating one part of a pack gives: the pages it fills, and where its sections start in it."""

    count: int
    starts: dict[str, int]


def paginated_part(document: Document, theme: Theme, back: bool) -> PartPages:
    """The front or the back part of ``document``'s pagination, cut at a page break
    (``_FRONT_SHARE`` of the way through them): every page break starts a page whatever came before,
    so the back part, paginated on its own from a body page, fills the same pages as it does in the
    whole, numbered from 1; the front's contents still lists every section. Two processes paginate
    a pack in about half the time of one (``joined_pages``)."""
    breaks = [index for index, block in enumerate(document.blocks) if isinstance(block, PageBreak)]
    cut = breaks[int(len(breaks) * _FRONT_SHARE)] if breaks else len(document.blocks)
    front, rest = document.blocks[:cut], document.blocks[cut + 1:]
    blocks = rest if back else front
    if not blocks:
        return PartPages(0, {})
    if back:
        template = _built(document, theme, (), rest, BytesIO(), write=False, first_page="body")
    else:
        matter = min(document.front, cut)
        template = _built(document, theme, front[:matter], front[matter:], BytesIO(), write=False,
                          first_page="cover", listed_after=rest)
    anchors = _anchors(blocks)
    return PartPages(template.page, {key: page for key, page in template.section_pages.items() if key in anchors})


def joined_pages(front: PartPages, back: PartPages) -> dict[str, int]:
    """The pages ``contents_pages`` gives, from the two parts of ``paginated_part``."""
    return {**front.starts, **{key: front.count + page for key, page in back.starts.items()}}


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

"""Pages: the document template, the cover, running header/footer, outline and contents hooks.

One layout pass, front matter last: a pack's chapters are laid out first,
from a body page, then its front matter (cover, contents, at a glance), which
sums up every chapter; ``finish`` then moves the front's pages ahead of the
chapters' and gives every page its number. Each number a page shows is a PDF
form (an XObject) drawn where it goes and defined once the numbers are final:
"Page X of Y" in the footer (``rg-page-3``) and the contents' page numbers (see
``flowables.Contents``). Headings report themselves as they are placed: a
bookmark, an outline entry, and their page, which the contents prints; the
outline is written in reading order and every contents line links to its page.
Chapters laid out first can be laid out as their articles arrive.

A template built with ``draw=False`` only paginates: its frames wrap and split
every flowable exactly as a drawn one does but draw none (``UndrawnFrame``),
its pages have no cover and no furniture, and a heading records its page but
no bookmark, outline entry or contents number. What decides where a flowable
goes is its wrap and split, never its drawing, so the pages it records are a
drawn layout's: the numbers a Word contents carries, at about half the cost.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph

from ...compose.blocks import Cover, Meta
from ...logos import png_logo_size
from ...themes import Theme
from ..svg import safe_svg
from .fonts import RegisteredFamily, Typeset
from .text import Text
from .styles import Palette

if TYPE_CHECKING:
    from .flowables import Contents

PAGE_SIZES = {"A4": A4, "Letter": LETTER}
CONTENTS_KEY = "contents"  # the contents' own heading: its page runs the pack's title alone


@dataclass(frozen=True)
class Furniture:
    """What the running header and footer show on every page but the cover."""

    meta: Meta
    body: RegisteredFamily
    palette: Palette
    font_size: float


class FurnitureCanvas(Canvas):
    """A canvas that defines each page's number form when it saves, once the count is known.

    "Page 3 of 12" sits right-aligned, so its width, which depends on the count,
    must be known where it is drawn: each numbered page draws a form of its own
    (``rg-page-3``), defined here with the whole label ending at the form's origin."""

    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self.numbered_pages: list[int] = []  # the pages whose footer draws a number form, in layout order
        self.final_page: Callable[[int], int] = _same_page  # a page in layout order → its number in the document

    def save(self) -> None:
        f = self._furniture
        total = self.getPageNumber() - 1  # the page after the last one is open but empty
        for page in self.numbered_pages:
            self.beginForm(page_number_form(page), lowerx=-self._pagesize[0], lowery=-f.font_size,
                           upperx=1, uppery=2 * f.font_size)  # the label ends at the origin
            self.setFont(f.body.regular, f.font_size)
            self.setFillColor(f.palette.muted)
            self.drawRightString(0, 0, page_label(f.meta.page_label, self.final_page(page), total))
            self.endForm()
        super().save()


def _same_page(page: int) -> int:
    return page


def page_number_form(page: int) -> str:
    return f"rg-page-{page}"


def page_label(label: str, page: int, pages: int) -> str:
    """"Page {page} of {pages}" filled in (a translated label may leave either out)."""
    return label.replace("{pages}", str(pages)).replace("{page}", str(page))


_COVER_GAP = 6 * mm  # at least this between the cover's date line and the list of its titles
_FURNITURE_CHARS = 400  # more than any running line holds: what is measured is bounded, however long the text


@lru_cache(maxsize=64)
def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to ``width`` points, for one-line furniture.

    Measured once per document (every page draws the same lines) and by
    halving, so a 30,000-character footer costs a few measurements, not one
    per character per page.
    """
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if len(text) <= _FURNITURE_CHARS and stringWidth(text, font, size) <= width:
        return text
    text = text[:_FURNITURE_CHARS]
    fits, over = 0, len(text)  # text[:fits] + "…" fits; text[:over] + "…" does not (or is all of it)
    while over - fits > 1:
        middle = (fits + over) // 2
        if stringWidth(text[:middle] + "…", font, size) <= width:
            fits = middle
        else:
            over = middle
    return text[:fits].rstrip() + "…"


def draw_furniture(canvas: Canvas, doc: PackTemplate) -> None:
    """Running head (the pack's title, the chapter on this page) and footer (footer text, then
    "Page X of Y" at the right) of one body page."""
    f = doc.furniture
    width, height = doc.pagesize
    left, right = doc.leftMargin, width - doc.rightMargin
    size = f.font_size
    header_y = height - doc.topMargin + 6 * mm
    footer_y = doc.bottomMargin - 9 * mm
    canvas.saveState()
    canvas.setStrokeColor(f.palette.rule)
    canvas.setLineWidth(0.5)
    canvas.line(left, header_y - 2.2 * mm, right, header_y - 2.2 * mm)
    canvas.line(left, footer_y + 4 * mm, right, footer_y + 4 * mm)
    canvas.setFillColor(f.palette.muted)
    canvas.setFont(f.body.bold, size)
    canvas.drawString(left, header_y, _fit(f.meta.title, f.body.bold, size, doc.width * 0.38))
    canvas.setFont(f.body.regular, size)
    if doc.chapter:
        canvas.drawRightString(right, header_y, _fit(doc.chapter, f.body.regular, size, doc.width * 0.58))
    canvas.drawString(left, footer_y, _fit(f.meta.footer, f.body.regular, size, doc.width * 0.6))
    canvas.translate(right, footer_y)
    canvas.doForm(page_number_form(doc.page))
    canvas.numbered_pages.append(doc.page)
    canvas.restoreState()


class UndrawnFrame(Frame):
    """A frame that places flowables as ``Frame`` does, wrapping and moving down by the same
    rules, but never draws them: ``Frame._add`` decides where each goes, then calls ``drawOn``,
    which here does nothing."""

    def add(self, flowable: Any, canv: Any, trySplit: int = 0) -> int:  # noqa: N803 (reportlab's names)
        flowable.drawOn = _draw_nothing  # shadows the class's method for this one placement
        try:
            return super().add(flowable, canv, trySplit)
        finally:
            del flowable.drawOn


def _draw_nothing(*args: Any, **kwargs: Any) -> None:
    """What an undrawn flowable draws."""


class FrontMark(Flowable):
    """Where the front matter starts: laid out first on its first page, it takes no room and draws nothing."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        return 0, 0

    def draw(self) -> None:
        pass


class PackTemplate(BaseDocTemplate):
    """Two page templates (cover, body) and the heading hooks for outline and contents; laid out
    in parts (``begin``, ``lay``, ``finish``), so that chapters can be laid out before the front
    matter that sums them up.

    Without ``draw`` nothing is drawn, and the template only records each heading's page (see
    the module's docstring)."""

    def __init__(self, stream: Any, theme: Theme, cover: Cover | None, typeset: Typeset, furniture: Furniture,
                 palette: Palette, styles: dict, draw: bool = True, first_page: str = "cover", **kwargs: Any) -> None:
        top, right, bottom, left = (value * mm for value in theme.margins_mm)
        super().__init__(stream, pagesize=PAGE_SIZES[theme.page_size], topMargin=top, rightMargin=right,
                         bottomMargin=bottom, leftMargin=left, invariant=1, initialFontName=typeset.primary.regular,
                         **kwargs)
        self.theme, self.cover, self.typeset, self.furniture = theme, cover, typeset, furniture
        self.palette, self.styles = palette, styles
        self.chapter: str | None = None  # the chapter being read: its title runs at the head of its pages
        self.section_pages: dict[str, int] = {}  # each heading's anchor → its page (in layout order until finished)
        self.front_start: int | None = None  # the page the front matter starts on, in layout order
        self._outline: list[tuple[int, int, str, str]] = []  # page, level, text, key of each heading, as placed
        self.draw = draw
        frame = Frame if draw else UndrawnFrame
        body_frame = frame(left, bottom, self.width, self.height, id="body", leftPadding=0, rightPadding=0,
                           topPadding=0, bottomPadding=0)
        cover_frame = frame(left, bottom, self.width, self.height, id="cover")
        if draw:
            pages = [PageTemplate("cover", [cover_frame], onPage=self._draw_cover),
                     PageTemplate("body", [body_frame], onPageEnd=draw_furniture)]
        else:
            pages = [PageTemplate("cover", [cover_frame]), PageTemplate("body", [body_frame])]
        self.addPageTemplates(sorted(pages, key=lambda page: page.id != first_page))  # the first is the first page's

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab's name)
        self.canv.showOutline()

    def begin(self, canvasmaker: Callable[..., Canvas]) -> None:
        """Start the layout (``BaseDocTemplate.build``'s first step): a canvas and the first page's template."""
        self._startBuild(canvasmaker=canvasmaker)
        self.canv._doctemplate = self  # noqa: SLF001 - as ``build`` sets it for the flowables

    def lay(self, flowables: list[Flowable]) -> None:
        """Lay ``flowables`` out after those laid before (``build``'s loop); a part that ends with a page
        break leaves the next part a page of its own."""
        while flowables:
            self.clean_hanging()
            self.handle_flowable(flowables)

    def lay_front(self, flowables: list[Flowable], after: bool) -> None:
        """Lay the front matter out, from a cover page of its own when it comes ``after`` the chapters
        (``finish`` puts its pages first)."""
        begun: list[Flowable] = [NextPageTemplate("cover"), PageBreak()] if after else []
        self.lay([*begun, FrontMark(), *flowables])

    def finish(self, contents: Contents | None) -> None:
        """End the layout: the front matter's pages go before the chapters' (``front_start``), and the
        numbers are given in that order: each heading's page, the footers', the contents' (of
        ``contents``), the outline. The canvas is left to save."""
        del self.canv._doctemplate  # noqa: SLF001
        self._doSave = 0
        self._endBuild()
        count = self.canv.getPageNumber() - 1  # the page after the last one is open but empty
        moved = (self.front_start or 1) - 1  # the chapters' pages, laid out before the front's

        def final(page: int) -> int:
            return page + count - moved if page <= moved else page - moved

        self.section_pages = {key: final(page) for key, page in self.section_pages.items()}
        if not self.draw:
            return
        pages = self.canv._doc.Pages.pages  # noqa: SLF001 - reportlab's page tree, in the order it lists them
        pages[:] = pages[moved:] + pages[:moved]
        self.canv.final_page = final
        for _, level, text, key in sorted(self._outline, key=lambda entry: final(entry[0])):
            self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        for key, page in self.section_pages.items():
            if contents is not None and contents.lists(key):
                contents.place(self.canv, key, page)

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, FrontMark):
            self.front_start = self.page
        outline = getattr(flowable, "outline", None)
        if outline is None:
            return
        level, text, key = outline
        self.section_pages.setdefault(key, self.page)
        if not self.draw:
            return  # no line of the contents was drawn: there is no room measured for its number
        if level == 0:
            self.chapter = None if key == CONTENTS_KEY else text
        self.canv.bookmarkPage(key)
        self._outline.append((self.page, level, text, key))

    def _draw_cover(self, canvas: Canvas, doc: Any) -> None:
        if self.cover is not None:
            CoverPainter(self, canvas).paint(self.cover)


class CoverPainter:
    """Draws the cover in the theme's layout: ``band``, ``rule`` or ``panel``."""

    def __init__(self, doc: PackTemplate, canvas: Canvas) -> None:
        self.doc, self.canvas = doc, canvas
        self.width, self.height = doc.pagesize
        self.palette = doc.palette

    def paint(self, cover: Cover) -> None:
        getattr(self, f"_{self.doc.theme.cover}")(cover)

    def _paragraphs(self, items: list[tuple[str | None, str, Any]], width: float) -> list[tuple[Paragraph, float]]:
        laid = []
        for text, style, color in items:
            if text:
                paragraph = Text(self.doc.typeset.markup(text), _colored(self.doc.styles[style], color))
                _, height = paragraph.wrapOn(self.canvas, width, self.height)
                laid.append((paragraph, height + paragraph.style.spaceAfter))
        return laid

    def _stack(self, items: list[tuple[str | None, str, Any]], x: float, top: float, width: float) -> float:
        """Draw paragraphs downwards from ``top``; return the y below the last."""
        return self._draw_down(self._paragraphs(items, width), x, top)

    def _draw_down(self, laid: list[tuple[Paragraph, float]], x: float, top: float) -> float:
        """Draw paragraphs already laid out downwards from ``top``; return the y below the last."""
        for paragraph, height in laid:
            paragraph.drawOn(self.canvas, x, top - height + paragraph.style.spaceAfter)
            top -= height
        return top

    def _stack_up(self, items: list[tuple[str | None, str, Any]], x: float, bottom: float, width: float) -> None:
        """Draw paragraphs so that the last one ends at ``bottom``."""
        self._draw_up(self._paragraphs(items, width), x, bottom)

    def _draw_up(self, laid: list[tuple[Paragraph, float]], x: float, bottom: float) -> None:
        self._draw_down(laid, x, bottom + sum(height for _, height in laid))

    def _details(self, cover: Cover, color: Any) -> list[tuple[str | None, str, Any]]:
        when = " · ".join(part for part in (cover.date, cover.language_name) if part)
        return [(cover.subtitle, "cover_subtitle", color), (when, "cover_meta", self.palette.muted)]

    def _contents(self, cover: Cover) -> list[tuple[str | None, str, Any]]:
        if not cover.article_titles:
            return []
        return [(cover.contents_label.upper(), "cover_label", self.palette.accent_text)] + [
            (title, "cover_item", self.palette.text) for title in cover.article_titles
        ]

    def _contents_under(self, cover: Cover, x: float, above: float, width: float) -> None:
        """The pack's titles, ending at the bottom margin. Where their wrapped lines would rise into what
        is drawn above (down to ``above``), each title is set on one line, cut with an ellipsis: long
        titles of a big pack stay clear of the date (the contents page has them whole)."""
        items = self._contents(cover)
        bottom = self.doc.bottomMargin
        laid = self._paragraphs(items, width)
        if sum(height for _, height in laid) > above - _COVER_GAP - bottom:
            look = self.doc.styles["cover_item"]
            laid = self._paragraphs(items[:1] + [(_fit(text, look.fontName, look.fontSize, width), style, color)
                                                 for text, style, color in items[1:]], width)
        self._draw_up(laid, x, bottom)

    def _masthead(self, cover: Cover, x: float, top: float, tile: bool, color: Any, stacked: bool = False) -> None:
        """Logo, then the brand's name and line beside it (or under it, ``stacked``)."""
        logo = 15 * mm
        drawn = self._logo(x, top - logo, logo, tile)
        items = [(cover.brand, "cover_brand", color), (cover.brand_line, "cover_tagline", color)]
        if stacked:
            self._stack(items, x - (2 * mm if tile else 0), top - logo - 9 * mm, 60 * mm)
        else:
            offset = drawn + (8 * mm if tile else 5 * mm)
            self._stack(items, x + offset, top - 1 * mm, self.width * 0.5)

    def _logo(self, x: float, y: float, height: float, tile: bool) -> float:
        """Draw the theme's logo (SVG, else PNG) ``height`` tall at (x, y); return its width."""
        path = self.doc.theme.logo_svg
        if path is None:
            return self._png_logo(x, y, height, tile)
        drawing = _svg_drawing(path)
        drawing.initialFontName = self.doc.typeset.primary.regular  # not reportlab's unembedded Helvetica
        scale = height / drawing.height
        if tile:
            pad = height * 0.22
            self.canvas.setFillColor(self.palette.paper)
            self.canvas.roundRect(x - pad, y - pad, drawing.width * scale + 2 * pad, height + 2 * pad, 2 * mm,
                                  stroke=0, fill=1)
        from reportlab.graphics import renderPDF

        self.canvas.saveState()
        self.canvas.translate(x, y)
        self.canvas.scale(scale, scale)
        try:
            renderPDF.draw(drawing, self.canvas, 0, 0)
        except BaseException:
            _forget_svg_drawing(path)  # a draw cut short (Ctrl-C, SIGTERM) leaves its nodes half marked
            raise
        self.canvas.restoreState()
        return drawing.width * scale

    def _png_logo(self, x: float, y: float, height: float, tile: bool) -> float:
        """Draw the theme's PNG logo, if any, ``height`` tall at (x, y) in its proportions; return its width."""
        path = self.doc.theme.logo_png
        if path is None:
            return 0.0
        pixels_wide, pixels_high = png_logo_size(path)
        width = height * pixels_wide / pixels_high
        if tile:
            pad = height * 0.22
            self.canvas.setFillColor(self.palette.paper)
            self.canvas.roundRect(x - pad, y - pad, width + 2 * pad, height + 2 * pad, 2 * mm, stroke=0, fill=1)
        self.canvas.drawImage(str(path), x, y, width, height, mask="auto")
        return width

    def _band(self, cover: Cover) -> None:
        doc, c, p = self.doc, self.canvas, self.palette
        band_bottom = self.height * 0.45
        c.setFillColor(p.primary)
        c.rect(0, band_bottom, self.width, self.height - band_bottom, stroke=0, fill=1)
        c.setFillColor(p.accent)
        c.rect(0, band_bottom - 2.2 * mm, self.width, 2.2 * mm, stroke=0, fill=1)
        self._masthead(cover, doc.leftMargin + 3 * mm, self.height - doc.topMargin, True, p.paper)
        self._stack_up([(cover.title, "cover_title", p.paper)], doc.leftMargin, band_bottom + 4 * mm, doc.width * 0.9)
        below = self._stack(self._details(cover, p.text), doc.leftMargin, band_bottom - 14 * mm, doc.width)
        self._contents_under(cover, doc.leftMargin, below, doc.width * 0.8)

    def _rule(self, cover: Cover) -> None:
        doc, c, p = self.doc, self.canvas, self.palette
        self._masthead(cover, doc.leftMargin, self.height - doc.topMargin, False, p.text)
        y = self.height * 0.66
        c.setStrokeColor(p.text)
        c.setLineWidth(2.4)
        c.line(doc.leftMargin, y, self.width - doc.rightMargin, y)
        y = self._stack([(cover.title, "cover_title", p.text)], doc.leftMargin, y - 8 * mm, doc.width)
        c.setLineWidth(0.6)
        c.line(doc.leftMargin, y, doc.leftMargin + doc.width * 0.3, y)
        below = self._stack(self._details(cover, p.text), doc.leftMargin, y - 7 * mm, doc.width * 0.8)
        self._contents_under(cover, doc.leftMargin, below, doc.width * 0.8)

    def _panel(self, cover: Cover) -> None:
        doc, c, p = self.doc, self.canvas, self.palette
        panel = self.width * 0.34
        c.setFillColor(p.primary)
        c.rect(0, 0, panel, self.height, stroke=0, fill=1)
        c.setFillColor(p.accent)
        c.rect(panel, 0, 2.2 * mm, self.height, stroke=0, fill=1)
        inset = min(doc.leftMargin, 18 * mm) + 3 * mm  # inside the panel, whatever the body's margin
        self._masthead(cover, inset, self.height - doc.topMargin, True, p.paper, stacked=True)
        x = panel + 14 * mm
        width = self.width - x - doc.rightMargin
        c.setFillColor(p.accent)
        c.rect(x, self.height * 0.64 + 6 * mm, 18 * mm, 1.6 * mm, stroke=0, fill=1)
        y = self._stack([(cover.title, "cover_title", p.text)], x, self.height * 0.64, width)
        below = self._stack(self._details(cover, p.text), x, y - 4 * mm, width)
        self._contents_under(cover, x, below, width)


@lru_cache(maxsize=64)
def _colored(style: Any, color: Any) -> Any:
    """``style`` in ``color``: made once per process (styles are shared, ``styles.paragraph_styles``), so the
    cover's paragraphs take ``Text``'s parsed probe instead of a parser run each."""
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name, parent=style, textColor=color)


_thread_logos = threading.local()


def _forget_svg_drawing(path: Path) -> None:
    _thread_logos.__dict__.get("drawings", {}).pop(path, None)


def prepare_logo(theme: Theme) -> None:
    """Parse ``theme``'s SVG logo for this thread (importing svglib, ~35 ms), as its cover would first."""
    if theme.logo_svg is not None:
        _svg_drawing(theme.logo_svg)


def _svg_drawing(path: Path) -> Any:
    """The parsed logo, parsed once per thread: drawing marks its nodes (``_parent``) as it goes,
    so two threads drawing one shared drawing (or copies sharing its nodes) break each other.
    svglib reads the sanitized SVG: it would otherwise load the files an ``<image>`` names."""
    from svglib.svglib import svg2rlg

    drawings = _thread_logos.__dict__.setdefault("drawings", {})
    if path not in drawings:
        drawings[path] = svg2rlg(BytesIO(safe_svg(path)))
    return drawings[path]

"""The PDF renderer (reportlab): a branded briefing pack with contents, outline and page numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import register

if TYPE_CHECKING:
    from ...compose.blocks import Document, Meta
    from ...themes import Theme
    from .document import EarlyLayout, PartPages


@register
class PdfRenderer:
    name = "pdf"
    suffix = ".pdf"
    description = "branded PDF pack (reportlab): contents, outline, page X of Y"

    def render(self, document: Document, theme: Theme) -> bytes:
        from .document import render_pdf

        return render_pdf(document, theme)

    def prepare(self, theme: Theme, language: str | None, articles: int) -> None:
        """reportlab, and the theme's fonts and paragraph styles."""
        from .document import prepare

        prepare(theme)

    def lay_out_early(self, meta: Meta, theme: Theme) -> EarlyLayout:
        """A pack's layout to add chapters to as their articles are read, which ``render`` then finishes."""
        from .document import EarlyLayout

        return EarlyLayout(meta, theme)


def prepare_pagination(theme: Theme) -> None:
    """Load what ``contents_pages`` needs in ``theme`` (reportlab, fonts, styles), as a render would first."""
    from .document import prepare_pagination as prepare

    prepare(theme)


def contents_pages(document: Document, theme: Theme) -> dict[str, int]:
    """Each section's anchor → the page it starts on in this PDF (``document.contents_pages``)."""
    from .document import contents_pages as pages

    return pages(document, theme)


def recorded_contents_pages(document: Document, theme: Theme) -> dict[str, int] | None:
    """``contents_pages`` if this process laid the same PDF out lately (nothing to compute), else None."""
    from .document import recorded_contents_pages as recorded

    return recorded(document, theme)


def contents_pages_in_parts(document: Document, theme: Theme, back: bool) -> PartPages:
    """One of the two parts of ``contents_pages``'s work (``document.paginated_part``): two processes
    can paginate a pack at once; ``joined_contents_pages`` puts the parts together."""
    from .document import paginated_part

    return paginated_part(document, theme, back)


def joined_contents_pages(front: PartPages, back: PartPages) -> dict[str, int]:
    """``contents_pages``, from its two parts."""
    from .document import joined_pages

    return joined_pages(front, back)

"""The Word renderer (python-docx): a pack editors can restyle, cut and send on."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Mapping

from .. import register

if TYPE_CHECKING:
    from ...compose.blocks import Document
    from ...themes import Theme


@register
class DocxRenderer:
    name = "docx"
    suffix = ".docx"
    description = "Word pack (python-docx): named styles, TOC field, page X of Y"

    def render(self, document: Document, theme: Theme, contents_pages: Mapping[str, int | str] | None = None) -> bytes:
        """``contents_pages``: section anchor → page number, for the contents' cached result (see
        ``render_docx``). By default the PDF's own numbers for the same pack: taken from its render
        when this process just made it (``--format pdf --format docx``), else from one layout of it,
        so Word opens on a contents with page numbers and asks nothing. Where the build has a core
        to spare (``jobs.aside``), that layout is cut in two: the back part is paginated there while
        this process writes the body, then paginates the front."""
        from ...compose.blocks import Contents
        from .document import render_docx

        if contents_pages is None and any(isinstance(block, Contents) for block in document.blocks):
            from ..pdf import recorded_contents_pages

            recorded = recorded_contents_pages(document, theme)
            contents_pages = recorded if recorded is not None else _counted(document, theme)
        return render_docx(document, theme, contents_pages)

    def prepare(self, theme: Theme, language: str | None, articles: int) -> None:
        """python-docx and the styled template; for a pack with a contents (several articles), also
        the PDF pagination its page numbers come from."""
        from .document import prepare

        if language is not None:
            prepare(theme, language)
        if articles > 1:
            from ..pdf import prepare_pagination

            prepare_pagination(theme)


def _counted(document: Document, theme: Theme) -> Mapping[str, int]:
    """The PDF's page numbers of ``document``: in this process, or in two parts with a core beside it."""
    from ...jobs import aside
    from ..pdf import contents_pages, contents_pages_in_parts, joined_contents_pages

    back = aside(contents_pages_in_parts, document, theme, True)
    if back is None:
        return contents_pages(document, theme)
    return _PagesLater(lambda: joined_contents_pages(contents_pages_in_parts(document, theme, False), back.result()),
                       lambda: contents_pages(document, theme))


class _PagesLater(Mapping[str, int]):
    """Page numbers still being counted elsewhere: the first lookup waits for them (``render_docx`` looks
    them up last); if that work failed, they are counted here."""

    def __init__(self, counted: Callable[[], Mapping[str, int]], count_here: Callable[[], Mapping[str, int]]) -> None:
        self._counted, self._count_here = counted, count_here

    @cached_property
    def _pages(self) -> Mapping[str, int]:
        try:
            return self._counted()
        except Exception:  # noqa: BLE001 - a worker that died or failed: the numbers are counted here instead
            return self._count_here()

    def __getitem__(self, anchor: str) -> int:
        return self._pages[anchor]

    def __iter__(self) -> Iterator[str]:
        return iter(self._pages)

    def __len__(self) -> int:
        return len(self._pages)


def check_reference_docx(path: str | Path) -> Path:
    """``path`` if it is a Word document python-docx can take styles from and whose outside links can be
    taken out; else one clear InputError."""
    import zipfile

    from lxml import etree

    from ...errors import InputError
    from ...ingest.docx import open_word_package
    from .reference import without_outside_links

    file = Path(path)
    hint = "give a .docx saved by Word or LibreOffice (pandoc's --reference-doc kind)"
    if not file.is_file():
        raise InputError(str(path), f"no such reference document; {hint}")
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror or error}); {hint}") from None
    open_word_package(data, str(path), hint)
    try:
        without_outside_links(data)  # what every pack does with it: a part it cannot clean fails here, once
    except (etree.XMLSyntaxError, zipfile.BadZipFile, ValueError) as error:
        raise InputError(str(path), f"has a damaged part ({error}); {hint}") from None
    return file


def reference_docx_warnings(path: Path) -> tuple[str, ...]:
    """One line naming what a checked reference document links to outside itself, which the packs leave out."""
    from .reference import outside_links, without_outside_links

    return outside_links(without_outside_links(path.read_bytes()), str(path))

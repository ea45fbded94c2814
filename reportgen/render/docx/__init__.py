"""The Word renderer (python-docx): a pack editors can restyle, cut and send on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .. import register

if TYPE_CHECKING:
    from ...compose.blocks import Document
    from ...themes import Theme


@register
class DocxRenderer:
    name = "docx"
    suffix = ".docx"
    description = "Word pack (python-docx): named styles, TOC field, page X of Y"

    def render(self, document: Document, theme: Theme) -> bytes:
        from .document import render_docx

        return render_docx(document, theme)


MAX_TEMPLATE_BYTES = 50 * 1024 * 1024  # unpacked; a real template is a few hundred KB


def check_reference_docx(path: str | Path) -> Path:
    """``path`` if it is a Word document python-docx can take styles from; else one clear InputError."""
    import zipfile

    from ...errors import InputError

    file = Path(path)
    hint = "give a .docx saved by Word or LibreOffice (pandoc's --reference-doc kind)"
    if not file.is_file():
        raise InputError(str(path), f"no such reference document; {hint}")
    try:
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError):
        raise InputError(str(path), f"is not a Word document (not a zip package); {hint}") from None
    if "word/document.xml" not in names or "[Content_Types].xml" not in names:
        raise InputError(str(path), f"is a zip but not a Word document (no word/document.xml); {hint}")
    if unpacked > MAX_TEMPLATE_BYTES:
        raise InputError(str(path), f"unpacks to more than {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB; {hint}")
    import docx

    try:
        docx.Document(str(file))
    except Exception as error:  # noqa: BLE001 - python-docx raises many kinds for a damaged package
        raise InputError(str(path), f"cannot be opened as a Word document ({type(error).__name__}: {error}); "
                                    f"{hint}") from None
    return file

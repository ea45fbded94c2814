"""Names: the one way any text (a title, an id, a language) becomes a file name, and how a name prints.

Titles, ids and languages come from articles, hand-edited briefs and Word
packs, so none of them is trusted: every name that reaches the file system
goes through ``slugify``, whose result is drawn from ``[a-z0-9-]``, bounded in
length, never empty — never a separator, ``.``, ``..`` or an absolute path.
"""

from __future__ import annotations

import re
import unicodedata

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_SLUG_LENGTH = 80
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


def slugify(text: str, fallback: str = "article") -> str:
    """"¿Qué pasa en Ecuador?" → "que-pasa-en-ecuador"; never empty, never a path.

    Only the start of a long text is read (a name keeps at most
    ``MAX_SLUG_LENGTH`` characters), so a megabyte title costs nothing.
    """
    head = str(text)[: MAX_SLUG_LENGTH * 4]
    ascii_text = unicodedata.normalize("NFKD", head).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG_LENGTH:
        slug = slug[:MAX_SLUG_LENGTH].rsplit("-", 1)[0]
    if slug in _WINDOWS_DEVICES:  # "con.en.pdf" cannot be opened on Windows
        slug += "-1"
    return slug or _NOT_ALNUM.sub("-", fallback.lower()).strip("-") or "article"


def printable(name: str) -> str:
    """A path as a message prints it: bytes that are not UTF-8 (kept by Python as surrogates) appear
    as ``\\xff`` escapes instead of failing the write."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")

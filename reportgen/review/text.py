"""The text a brief's spans point into, and whether the page can trust it.

A brief keeps its normalized source text up to a size limit; past it only
the digest is kept, and the text is derived again from the article file the
user named (``reportgen review article.txt``). A path written inside a brief
is never read: a brief is untrusted input, and its ``source.path`` could name
any local file. Highlights drawn on a text that is not the one the spans were
taken from would point at the wrong words, so a text that fails its digest
is shown plain, with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..ingest import Source
from ..model import Brief
from ..parse.trace import normalized_text, text_digest
from .style import Gettext


@dataclass(frozen=True)
class SourceText:
    """The source text for a page: ``text`` None when there is none to show."""

    text: str | None
    trusted: bool  # the spans may be drawn on it
    notice: str | None = None  # what the page says about it: why it is not trusted, or where it came from


def source_text(brief: Brief, article: Source | None, _: Gettext) -> SourceText:
    """The brief's source text: kept in it, else derived from ``article`` (the article as read for
    the parse the brief was just made by, never read again); a brief read from JSON without its
    text has none to show."""
    kept = brief.source.text
    expected = brief.source.text_sha256
    if kept is not None:
        if expected is not None and text_digest(kept) != expected:
            return SourceText(kept, False, _("The brief's source text does not match its digest; the brief was "
                                             "edited after parsing, so highlights are not shown."))
        return SourceText(kept, True)
    if article is None:
        return SourceText(None, False, _("The brief does not keep its source text (it is long), and a brief "
                                         "never makes reportgen read a file it names; review the article file "
                                         "itself to see the highlights."))
    text = normalized_text(article.blocks)
    if expected is None or text_digest(text) != expected:
        return SourceText(text, False, _("The source file has changed since the brief was made (its text no "
                                         "longer matches the brief's digest); highlights are not shown."))
    return SourceText(text, True, _("The brief does not keep its source text (it is long); it was read again "
                                    "from the source file and matches the brief's digest."))

"""``reportgen review``: pages an editor reads to decide whether to trust a parse.

Each input (files, folders, globs, ``-``; the bundled seeds when none — the
same expansion as ``build``) is parsed and summarized as ``build`` does, and
gets a page showing its source text with every extracted element marked
beside the brief; ``index.html`` lists them all, worst first. An input that
cannot be used is listed on the index with its error and the rest is
written. Every file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..api import brief_of
from ..errors import InputError
from ..export import unique_name, write_atomic
from ..i18n import translations
from ..ingest import MAX_INPUT_BYTES, Source, input_name, read, read_input
from ..pipeline.inputs import Failure, collect_inputs
from ..pipeline.resolve import AUTO, UnknownLanguage, check_languages
from ..pipeline.run import prepare_folder
from ..slug import slugify
from .index import Entry, index_page
from .page import article_page
from .text import source_text

INDEX_NAME = "index.html"


@dataclass
class ReviewResult:
    index: Path
    pages: list[Path] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def review(inputs: Iterable[str | Path] = (), out: str | Path = "review", language: str = "en",
           max_input_bytes: int = MAX_INPUT_BYTES) -> ReviewResult:
    """Write a review page per article and ``index.html`` into ``out``; labels in ``language``.

    Raises ``UnknownLanguage`` for a language without a catalog (or ``auto``:
    a review page has one language) and ``InputError`` for an output folder
    that cannot be written; a single input's failure is in ``result.failures``.
    """
    if language == AUTO:
        raise UnknownLanguage("review pages are in one language; give a code such as en or es")
    check_languages([language])
    folder = prepare_folder(Path(out))
    result = ReviewResult(folder / INDEX_NAME)
    paths, failures = collect_inputs(list(inputs), folder)  # never its own pages read back as articles
    result.failures += failures
    taken = {INDEX_NAME}
    entries: list[Entry] = []
    for path in paths:
        name = input_name(path)
        try:
            data = read_input(path, max_input_bytes)
            reading = read(data, name)
            brief = brief_of(reading, name)
        except InputError as error:
            result.failures.append(Failure(error.path, error.problem))
            continue
        target = folder / unique_name(slugify(brief.title), ".html", taken)
        # the article as read, when the brief was parsed from it (never a file a brief names)
        article = reading if isinstance(reading, Source) else None
        try:
            page = article_page(brief, source_text(brief, article, translations(language).gettext), language,
                                INDEX_NAME)
        except Exception as error:  # noqa: BLE001 - one page's failure must not stop the others
            result.failures.append(Failure(name, f"could not be reviewed ({type(error).__name__}: {error}); "
                                                 "please report this with the input"))
            continue
        try:
            write_atomic(target, page.encode("utf-8"))
        except OSError as error:
            result.failures.append(Failure(str(target), f"cannot be written ({error.strerror or error}); free some "
                                                        "space or choose another --out folder"))
            continue
        result.pages.append(target)
        entries.append(Entry.of(brief, target.name, name))
    write_atomic(result.index, index_page(entries, result.failures, language).encode("utf-8"))
    return result

"""The build pipeline: articles in, briefing packs out — what ``reportgen build`` runs.

Plan first, then work, one module per step: ``inputs`` reads every input
once (bytes, sha256, what kind of file it is); ``resolve`` decides what the
options leave open (languages, theme, date); ``plan`` gives each output the
options ask for a key (its inputs and options) and, once parsed, a name —
pure functions; ``run`` skips what the manifest says is unchanged, parses
the rest once each and renders every document as a job (an article's
documents in one job), written and recorded by this process. A file that cannot be used is a failure of its own; the
batch goes on.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..config import BuildOptions
from ..ingest import MAX_INPUT_BYTES
from .inputs import Failure, inputs_in, read_inputs
from .plan import options_key, plan_slots
from .resolve import (
    AUTO, BadOption, UnknownLanguage, check_cover_lines, default_date, languages_and_theme, source_date_epoch,
    theme_fingerprint,
)
from .run import BuildResult, Output, prepare_folder, run_plan

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from ..jobs import Progress

__all__ = ["AUTO", "BadOption", "BuildResult", "Failure", "Output", "UnknownLanguage", "build"]


def build(inputs: Iterable[str | Path] = (), options: BuildOptions | None = None, *, jobs: int | None = None,
          executor: Executor | None = None, force: bool = False, progress: Progress | None = None,
          max_input_bytes: int = MAX_INPUT_BYTES, **values: Any) -> BuildResult:
    """Write the documents ``options`` ask for — or its fields given as keywords, ``formats=["pdf", "docx"]``
    — from ``inputs`` (files, folders, globs, ``-``; the bundled seeds when none), which win over
    ``options.inputs``.

    ``jobs`` worker processes (default: one per core) or the caller's
    ``executor`` do the work; ``force`` rebuilds what the manifest says is
    unchanged; ``progress`` hears of each phase; an input over
    ``max_input_bytes`` is refused unread. ``langs`` may hold ``"auto"``: each
    article's own language. Raises ``InputError`` for a theme or reference
    .docx that cannot be used (or a malformed ``SOURCE_DATE_EPOCH``),
    ``UnknownFormat`` for a format no renderer writes, ``UnknownLanguage`` for
    a language without a catalog and ``BadOption`` for a title or subtitle over
    ``MAX_TITLE_CHARS``; a single article's failure is in ``result.errors`` and
    the rest is built. Without ``langs`` or ``style``, Word packs given back are
    rebuilt in the language and built-in theme they were made with (else
    English, the default theme). Ctrl-C, SIGTERM or SIGHUP raise
    ``Interrupted`` (a KeyboardInterrupt) once the manifest lists what was
    finished; its ``result`` says what that was.
    """
    from ..render import renderer_for

    given = tuple(inputs)
    options = replace(options or BuildOptions(), **values, **({"inputs": given} if given else {}))
    check_cover_lines(options)
    source_date_epoch()  # a malformed one is refused before any work, not in every Word file
    formats = [renderer_for(name).name for name in dict.fromkeys(options.formats)]
    result = BuildResult()
    sources, result.errors = read_inputs(options.inputs, max_input_bytes, options.out)
    languages, theme = languages_and_theme(options, sources)
    folder = prepare_folder(options.out)
    result.style = str(theme.path)
    if theme.warnings:  # brand.yml keys reportgen does not use, a template's outside links: with the parser's
        result.warnings[str(theme.path)] = theme.warnings
    if not sources:
        return result
    options = replace(options, date=options.date or default_date())
    slots = plan_slots(sources, formats, languages, options_key(options, theme_fingerprint(theme)), options.pack,
                       options.split)
    taken = inputs_in(folder, (source.path for source in sources))  # an input there is never overwritten
    run_plan(slots, options, theme, folder, taken, result, jobs=jobs, executor=executor, force=force,
             progress=progress)
    return result

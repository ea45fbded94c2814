"""The build pipeline: articles in, briefing packs out — what ``reportgen build`` runs.

Plan first, then work. Every input is read once (bytes and sha256); each
output the options ask for gets a key (its inputs and options); outputs the
manifest says are unchanged are skipped without parsing anything. The
articles still needed are parsed once each, whatever the number of formats
and languages; then every document is composed and rendered as its own job.
Jobs run inline (``jobs=1``), on a process pool, or on any
``concurrent.futures.Executor`` a caller passes (a Dask client's, say). A file
that cannot be used is a failure of its own; the batch goes on.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import sys
from itertools import chain
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from . import __version__
from .api import MAX_INPUT_BYTES, read_briefs, read_input, too_large
from .errors import InputError
from .export import Manifest, Record, fingerprint, unique_name, write_atomic
from .model import Brief, Pack, PackReading
from .resources import seed_paths
from .slug import slugify

if TYPE_CHECKING:
    from concurrent.futures import Executor

DEFAULT_PACK_NAME = "briefing-pack"
AUTO = "auto"  # --lang auto: each article's detected language decides its document
STDIN = "-"

Progress = Callable[[str, int, int], None]  # (phase, done, total)


@dataclass(frozen=True)
class Output:
    path: Path
    format: str
    language: str
    sha256: str
    skipped: bool = False  # unchanged since the last run: not rebuilt


@dataclass(frozen=True)
class Failure:
    path: str
    message: str


@dataclass
class BuildResult:
    outputs: list[Output] = field(default_factory=list)
    errors: list[Failure] = field(default_factory=list)
    warnings: dict[str, tuple[str, ...]] = field(default_factory=dict)  # input (or theme) path → its warnings
    style: str | None = None  # the theme file's path: its warnings are the user's own to fix, always shown

    @property
    def built(self) -> list[Output]:
        return [output for output in self.outputs if not output.skipped]

    @property
    def skipped(self) -> list[Output]:
        return [output for output in self.outputs if output.skipped]


class UnknownLanguage(ValueError):
    """A --lang no catalog covers; the message lists the languages there are."""


@dataclass(frozen=True)
class _Input:
    path: str
    sha256: str
    data: bytes


@dataclass(frozen=True)
class _Slot:
    """An output the options ask for, before parsing: a pack, or one article's document."""

    key: str
    format: str
    language: str  # a language code, or AUTO
    inputs: tuple[_Input, ...]
    is_pack: bool


@dataclass(frozen=True)
class _RenderJob:
    pack: Pack
    language: str
    format: str
    path: Path
    theme: object
    key: str
    inputs: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]


def build(
    inputs: Iterable[str | Path] = (),
    formats: Iterable[str] = ("pdf",),
    langs: Iterable[str] | None = None,
    out: str | Path = "dist",
    style: str | Path | None = None,
    title: str | None = None,
    subtitle: str | None = None,
    date: str | None = None,
    pack: bool = True,
    split: bool = False,
    reference_docx: str | Path | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
    force: bool = False,
    progress: Progress | None = None,
    max_input_bytes: int = MAX_INPUT_BYTES,
) -> BuildResult:
    """Parse ``inputs`` (files, folders, globs, ``-``; the bundled seeds when empty) and write documents.

    ``langs`` may hold ``"auto"``: each article's own language. Raises
    ``InputError`` for a theme or reference .docx that cannot be used,
    ``UnknownFormat`` for a format no renderer writes and ``UnknownLanguage``
    for a language without a catalog; a single article's failure is in
    ``result.errors`` and the rest is built. Without ``langs`` or ``style``,
    Word packs given back are rebuilt in the language and built-in theme they
    were made with (else English, the default theme).
    """
    from .render import renderer_for
    from .themes import load_theme

    format_names = [renderer_for(name).name for name in dict.fromkeys(formats)]
    result = BuildResult()
    sources = _read_all(list(inputs), result, max_input_bytes)
    carried_style, carried_language = _carried_options(sources)
    languages = check_languages(langs or [carried_language or "en"])
    theme = load_theme(style or carried_style or "default")
    if reference_docx is not None:
        from .render.docx import check_reference_docx

        theme = replace(theme, reference_docx=check_reference_docx(reference_docx))
    folder = prepare_folder(Path(out))
    result.style = str(theme.path)
    if theme.warnings:  # brand.yml keys reportgen does not use, listed with the parser's warnings
        result.warnings[str(theme.path)] = theme.warnings
    if not sources:
        return result
    pack_date = date or default_date()
    options = (__version__, _theme_fingerprint(theme), title, subtitle, pack_date)
    slots = _slots(sources, format_names, languages, options, pack, split)
    manifest = Manifest.load(folder)
    records: list[Record] = []
    taken: set[str] = set()
    todo: list[_Slot] = []
    for slot in slots:
        kept = None if force else manifest.unchanged_group(slot.key)
        if kept:
            records += kept
            taken.update(record.path for record in kept)
            result.outputs += [Output(folder / r.path, r.format, r.language, r.sha256, skipped=True) for r in kept]
        else:
            todo.append(slot)
    packs = [slot for slot in todo if slot.is_pack]
    pack_inputs = list({source.path: source for slot in packs for source in slot.inputs}.values())
    try:
        with _Runner(jobs, executor, progress) as runner:
            readings = _parse_needed(pack_inputs, runner, result)  # a pack needs every brief at once
            pack_jobs = _pack_jobs(packs, readings, theme, folder, title, subtitle, pack_date, taken)
            article_jobs = _article_jobs([s for s in todo if not s.is_pack], readings, runner, theme, folder,
                                         pack_date, taken, result)
            outcomes = chain(runner.map("packs", _render_job, pack_jobs),
                             chain.from_iterable(runner.map("rendering", _article_job, article_jobs)))
            for outcome in outcomes:  # recorded one by one, so an interrupted build knows what it finished
                if isinstance(outcome, Failure):
                    result.errors.append(outcome)
                else:
                    output, record = outcome
                    result.outputs.append(output)
                    records.append(record)
    finally:  # also on Ctrl-C: the manifest lists what was finished, and only that
        failed = {failure.path for failure in result.errors}
        clean = [record for record in records if not any(i["path"] in failed for i in record.inputs)]
        manifest.write(clean, [{"path": f.path, "message": f.message} for f in result.errors])
    return result


def prepare_folder(folder: Path) -> Path:
    """The output folder, created and proven writable before any work; else one InputError."""
    from .export import remove_stale_parts

    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / f".reportgen-probe-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as error:
        raise InputError(str(folder), f"cannot be written to ({error.strerror or error}); "
                                      "choose another --out folder") from None
    remove_stale_parts(folder)
    return folder


# -- planning ---------------------------------------------------------------

def check_languages(langs: Iterable[str]) -> list[str]:
    """The requested languages, once each; ``auto`` means each article's own."""
    from babel import Locale, UnknownLocaleError

    from .i18n import has_catalog

    languages = list(dict.fromkeys(langs))
    for language in languages:
        if language == AUTO:
            continue
        try:
            Locale.parse(language)
        except (ValueError, UnknownLocaleError):
            raise UnknownLanguage(f"unknown language {language!r}; give a code such as en or es, or auto") from None
        if not has_catalog(language):
            raise UnknownLanguage(f"no catalog for {language!r}; reportgen speaks en and es (add one: see "
                                  "examples/locale/README.md), or use auto")
    return languages


def _carried_options(sources: list[_Input]) -> tuple[str | None, str | None]:
    """The built-in theme and the language Word packs among the inputs were built with, when they agree."""
    from .ingest import format_of
    from .themes import builtin_themes

    word_files = [source for source in sources if format_of(source.path, source.data) == "docx"]
    if not word_files:
        return None, None
    from .roundtrip import pack_properties  # Word's machinery only for Word inputs

    built_with = [pack_properties(source.data) for source in word_files]
    themes = {properties.get("reportgen-theme") for properties in built_with if properties}
    languages = {properties.get("reportgen-language") for properties in built_with if properties}
    builtin = {theme.name for theme in builtin_themes()}
    style = themes.pop() if len(themes) == 1 and themes <= builtin else None
    return style, languages.pop() if len(languages) == 1 else None


def collect_inputs(inputs: Sequence[str | Path]) -> tuple[list[str], list[Failure]]:
    """Files as given, folders recursed and globs expanded to article files; the seeds when none."""
    from .ingest import SUFFIXES

    if not inputs:
        return [str(path) for path in seed_paths()], []
    paths: list[str] = []
    failures: list[Failure] = []
    for given in map(str, inputs):
        if given == STDIN:
            paths.append(STDIN)
        elif Path(given).is_dir():
            found = sorted(p for p in Path(given).rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            if not found:
                failures.append(Failure(given, f"has no article files ({' '.join(sorted(SUFFIXES))})"))
            paths += [str(p) for p in found]
        elif glob.has_magic(given) and not Path(given).exists():
            found = sorted(p for p in glob.glob(given, recursive=True)
                           if Path(p).is_file() and Path(p).suffix.lower() in SUFFIXES)
            if not found:
                failures.append(Failure(given, "matches no article files; check the pattern"))
            paths += found
        else:
            paths.append(given)
    return list(dict.fromkeys(paths)), failures


def _read_all(inputs: list[str | Path], result: BuildResult, max_bytes: int) -> list[_Input]:
    paths, failures = collect_inputs(inputs)
    result.errors += failures
    sources = []
    for path in paths:
        try:
            data = read_stdin(max_bytes) if path == STDIN else read_input(path, max_bytes)
        except InputError as error:
            result.errors.append(Failure(error.path, error.problem))
            continue
        name = "<stdin>" if path == STDIN else path
        sources.append(_Input(name, hashlib.sha256(data).hexdigest(), data))
    return sources


def read_stdin(max_bytes: int) -> bytes:
    """Standard input, up to the size limit (read one byte past it to know)."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError("<stdin>", too_large(max_bytes))
    return data


def _theme_fingerprint(theme) -> str:
    """The theme file and everything it names, by content: a changed logo or font rebuilds."""
    files = [theme.path, theme.logo_svg, theme.logo_png, theme.reference_docx,
             *(getattr(family, slot) for family in (theme.body_font, theme.heading_font)
               for slot in ("regular", "bold", "italic", "bold_italic"))]
    digest = hashlib.sha256()
    for file in files:
        if file is not None:
            digest.update(str(file).encode() + b"\0" + Path(file).read_bytes())
    return digest.hexdigest()


def _slots(sources: list[_Input], formats: list[str], languages: list[str], options: tuple,
           pack: bool, split: bool) -> list[_Slot]:
    slots = []
    everything = [(source.path, source.sha256) for source in sources]
    for language in languages:
        for fmt in formats:
            if pack:
                slots.append(_Slot(fingerprint("pack", options, fmt, language, everything), fmt, language,
                                   tuple(sources), True))
            if split:
                slots += [_Slot(fingerprint("article", options, fmt, language, source.path, source.sha256), fmt,
                                language, (source,), False) for source in sources]
    return slots


# -- work -------------------------------------------------------------------

def _parse_job(source: _Input) -> PackReading | Failure:
    """The briefs of one input: one per article file, one per chapter of an edited Word pack."""
    try:
        return read_briefs(source.data, source.path)
    except InputError as error:
        return Failure(error.path, error.problem)


def _warnings_of(reading: PackReading) -> tuple[str, ...]:
    return tuple(dict.fromkeys(warning for brief in reading.briefs for warning in brief.warnings))


def _parse_needed(needed: list[_Input], runner: _Runner, result: BuildResult) -> dict[str, PackReading]:
    readings: dict[str, PackReading] = {}
    for source, outcome in zip(needed, runner.map("parsing", _parse_job, needed)):
        if isinstance(outcome, Failure):
            result.errors.append(outcome)
        else:
            readings[source.path] = outcome
            if _warnings_of(outcome):
                result.warnings[source.path] = _warnings_of(outcome)
    return readings


def _pack_jobs(packs: list[_Slot], readings: dict[str, PackReading], theme, folder: Path, title: str | None,
               subtitle: str | None, pack_date: str, taken: set[str]) -> list[_RenderJob]:
    """Every pack still to write (one per language for ``auto``), named in a fixed order. Without
    ``title``, a Word pack given back keeps the title it was built with."""
    from .render import renderer_for

    jobs = []
    for slot in packs:
        usable = [(source, brief) for source in slot.inputs if source.path in readings
                  for brief in readings[source.path].briefs]
        if not usable:
            continue
        pack_title = title or next((readings[s.path].title for s in slot.inputs
                                    if s.path in readings and readings[s.path].title), None)
        stem = slugify(pack_title) if pack_title else DEFAULT_PACK_NAME
        groups: dict[str, list[tuple[_Input, Brief]]] = {}
        for source, brief in usable:
            groups.setdefault(brief.language if slot.language == AUTO else slot.language, []).append((source, brief))
        suffix = renderer_for(slot.format).suffix
        for language, members in groups.items():
            document = Pack(tuple(brief for _, brief in members), pack_title or "", subtitle, pack_date, theme.name)
            name = unique_name(stem, f".{language}{suffix}", taken)
            warnings = tuple(f"{source.path}: {warning}" for source, brief in members for warning in brief.warnings)
            jobs.append(_RenderJob(document, language, slot.format, folder / name, theme, f"{slot.key}:{language}",
                                   tuple((source.path, source.sha256) for source, _ in members), warnings))
    return jobs


@dataclass(frozen=True)
class _Identity:
    """What naming an article's documents needs of its parse; the brief itself is not kept."""

    id: str
    language: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _ArticleJob:
    """One article's own documents: parsed (again) in the worker, so the parent holds no briefs."""

    source: _Input
    reading: PackReading | None  # already parsed for a pack in this build
    outputs: tuple[tuple[int, str, str, Path, str], ...]  # (brief index, format, language, path, key)
    theme: object
    pack_date: str


def _identify_job(source: _Input) -> tuple[_Identity, ...] | Failure:
    outcome = _parse_job(source)
    return outcome if isinstance(outcome, Failure) else _identities(outcome)


def _identities(reading: PackReading) -> tuple[_Identity, ...]:
    return tuple(_Identity(brief.id, brief.language, brief.warnings) for brief in reading.briefs)


def _article_jobs(slots: list[_Slot], readings: dict[str, PackReading], runner: _Runner, theme, folder: Path,
                  pack_date: str, taken: set[str], result: BuildResult) -> list[_ArticleJob]:
    """Each article's documents, named in input order. Split builds keep memory flat: an article
    is parsed here only for its title and language, and parsed again where it is rendered."""
    from .render import renderer_for

    by_input: dict[str, list[_Slot]] = {}
    for slot in slots:
        by_input.setdefault(slot.inputs[0].path, []).append(slot)
    sources = [group[0].inputs[0] for group in by_input.values()]
    unparsed = [source for source in sources if source.path not in readings]
    identified = dict(zip((s.path for s in unparsed), runner.map("parsing", _identify_job, unparsed)))
    jobs = []
    for source in sources:
        known = readings.get(source.path)
        identities = identified.get(source.path) or _identities(known)
        if isinstance(identities, Failure):
            result.errors.append(identities)
            continue
        warnings = tuple(dict.fromkeys(w for identity in identities for w in identity.warnings))
        if warnings:
            result.warnings[source.path] = warnings
        outputs = []
        for slot in by_input[source.path]:
            for index, identity in enumerate(identities):
                language = identity.language if slot.language == AUTO else slot.language
                name = unique_name(identity.id, f".{language}{renderer_for(slot.format).suffix}", taken)
                key = f"{slot.key}:{language}" if index == 0 else f"{slot.key}:{language}:{index}"
                outputs.append((index, slot.format, language, folder / name, key))
        jobs.append(_ArticleJob(source, known, tuple(outputs), theme, pack_date))
    return jobs


def _article_job(job: _ArticleJob) -> list[tuple[Output, Record] | Failure]:
    reading = job.reading if job.reading is not None else _parse_job(job.source)
    if isinstance(reading, Failure):
        return [reading]
    inputs = ((job.source.path, job.source.sha256),)
    done = []
    for index, fmt, language, path, key in job.outputs:
        brief = reading.briefs[index]
        document = Pack((brief,), brief.title, None, job.pack_date, job.theme.name)
        warnings = tuple(f"{job.source.path}: {warning}" for warning in brief.warnings)
        done.append(_render_job(_RenderJob(document, language, fmt, path, job.theme, key, inputs, warnings)))
    return done


def _render_job(job: _RenderJob) -> tuple[Output, Record] | Failure:
    """Compose and render one document and write it whole; a renderer's crash fails only this document."""
    from .compose import Brand, compose_pack
    from .i18n import translations
    from .render import renderer_for

    pack = job.pack
    if not pack.title:
        pack = replace(pack, title=translations(job.language).gettext("Briefing pack"))
    try:
        document = compose_pack(pack, job.language, Brand(job.theme.brand, job.theme.texts_for(job.language)))
        data = renderer_for(job.format).render(document, job.theme)
    except InputError as error:
        return Failure(error.path, error.problem)
    except Exception as error:  # noqa: BLE001 - one document's failure must not stop the batch
        return Failure(str(job.path), f"could not be rendered as {job.format} ({type(error).__name__}: {error}); "
                                      "please report this with the input")
    try:
        write_atomic(job.path, data)
    except OSError as error:
        return Failure(str(job.path), f"cannot be written ({error.strerror or error}); free some space or "
                                      "choose another --out folder")
    sha = hashlib.sha256(data).hexdigest()
    record = Record(job.path.name, job.format, job.language, sha, job.key,
                    [{"path": path, "sha256": digest} for path, digest in job.inputs], list(job.warnings))
    return Output(job.path, job.format, job.language, sha), record


_WORTH_A_POOL = 4  # fewer jobs than this run inline: starting workers would cost more than it saves


class _Runner:
    """Runs jobs inline, on a process pool of ``jobs`` workers, or on the caller's executor."""

    def __init__(self, jobs: int | None, executor: Executor | None, progress: Progress | None) -> None:
        self.progress = progress
        self.executor = executor
        self._own = None
        workers = jobs if jobs is not None else (os.cpu_count() or 1)
        if executor is None and workers > 1:
            from concurrent.futures import ProcessPoolExecutor

            self._own = self.executor = ProcessPoolExecutor(max_workers=workers)

    def __enter__(self) -> _Runner:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._own is not None:
            self._own.shutdown(cancel_futures=True)

    def map(self, phase: str, function: Callable, items: list) -> Iterator:
        """``function`` over ``items``, yielded in the items' order as each is ready (so an
        interrupted build still knows what it finished), with progress reports."""
        total = len(items)
        if self.executor is None or total <= 1 or (self._own is not None and total < _WORTH_A_POOL):
            for done, item in enumerate(items, 1):
                yield function(item)
                self._report(phase, done, total)
            return
        futures = [self.executor.submit(function, item) for item in items]
        for done, future in enumerate(futures, 1):
            yield future.result()
            self._report(phase, done, total)

    def _report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)


def default_date() -> str:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` so a reproducible build stamps the same date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()

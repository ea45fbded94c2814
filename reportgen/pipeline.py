"""The build pipeline: articles in, briefing packs out — what ``reportgen build`` runs.

Plan first, then work. Every input is read once (bytes and sha256); each
output the options ask for gets a key (its inputs and options); outputs the
manifest says are unchanged are skipped without parsing anything. The
articles still needed are parsed once each, whatever the number of formats
and languages; then every document is composed and rendered as its own job.
Jobs run inline (``jobs=1``), on a process pool, or on any
``concurrent.futures.Executor`` a caller passes (a Dask client's, say); they
compute, and this process writes each document and records it (``jobs.py``).
A file that cannot be used is a failure of its own; the batch goes on.

Names come from untrusted text (titles, ids, a Word pack's properties), so
every output name is a slug (``slug.py``) checked to stay in the output
folder; files inside the output folder are never read as inputs, and an
input the folder holds is never overwritten.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
from dataclasses import dataclass, field, replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from . import __version__
from .api import briefs_of
from .config import BuildOptions
from .errors import InputError
from .export import (
    MANIFEST_NAME,
    Manifest,
    Record,
    fingerprint,
    locked,
    output_path,
    probe_writable,
    unique_name,
    write_atomic,
)
from .ingest import MAX_INPUT_BYTES, STDIN, InputKind, identify, input_name, read, read_input
from .jobs import Interrupted, Interruptions, Progress, Runner
from .model import Brief, Pack, PackReading
from .resources import seed_paths
from .slug import printable, slugify

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .themes import Theme

DEFAULT_PACK_NAME = "briefing-pack"
AUTO = "auto"  # --lang auto: each article's detected language decides its document
MAX_TITLE_CHARS = 500  # a pack's title and subtitle: a cover line, not a paragraph (20,000 took a minute)
_MAX_EPOCH = 253402300799  # 9999-12-31T23:59:59Z, the last second a date can show


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


class BadOption(ValueError):
    """An option's value build() refuses (a title too long to be one); ``option`` names it."""

    def __init__(self, option: str, message: str) -> None:
        super().__init__(message)
        self.option = option


@dataclass(frozen=True)
class _Input:
    path: str
    sha256: str
    data: bytes
    kind: InputKind  # told once, here: a build plans with a Word pack's properties before parsing it


@dataclass(frozen=True)
class _Slot:
    """An output the options ask for, before parsing: a pack, or one article's document."""

    key: str
    format: str
    language: str  # a language code, or AUTO
    inputs: tuple[_Input, ...]
    is_pack: bool


@dataclass(frozen=True)
class _Target:
    """A document to write: where, in what format and language, under which manifest key."""

    path: Path
    format: str
    language: str
    key: str


_Digests = tuple[tuple[str, str], ...]  # (input path, its sha256) for each input a document is made from


@dataclass(frozen=True)
class _RenderJob:
    pack: Pack
    target: _Target
    theme: Theme
    inputs: _Digests
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Rendered:
    """A document's bytes, computed by a job, for this process to write and record (without its briefs)."""

    target: _Target
    inputs: _Digests
    warnings: tuple[str, ...]
    data: bytes


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
    article's own language. Raises
    ``InputError`` for a theme or reference .docx that cannot be used (or a
    malformed ``SOURCE_DATE_EPOCH``), ``UnknownFormat`` for a format no
    renderer writes, ``UnknownLanguage`` for a language without a catalog and
    ``BadOption`` for a title or subtitle over ``MAX_TITLE_CHARS``; a single
    article's failure is in ``result.errors`` and the rest is built. Without
    ``langs`` or ``style``, Word packs given back are rebuilt in the language
    and built-in theme they were made with (else English, the default theme).
    Ctrl-C, SIGTERM or SIGHUP raise ``Interrupted`` (a KeyboardInterrupt) once
    the manifest lists what was finished; its ``result`` says what that was.
    """
    from .render import renderer_for
    from .themes import load_theme

    given = tuple(inputs)
    options = replace(options or BuildOptions(), **values, **({"inputs": given} if given else {}))
    for option in ("title", "subtitle"):
        value = getattr(options, option)
        if value is not None and len(value) > MAX_TITLE_CHARS:
            raise BadOption(option, too_long(option, len(value)))
    source_date_epoch()  # a malformed one is refused before any work, not in every Word file
    format_names = [renderer_for(name).name for name in dict.fromkeys(options.formats)]
    result = BuildResult()
    sources = _read_all(list(options.inputs), result, max_input_bytes, options.out)
    carried_style, carried_language = _carried_options(sources)
    languages = check_languages(options.langs or [carried_language or "en"])
    theme = load_theme(options.style or carried_style or "default")
    if options.reference_docx is not None:
        from .render.docx import check_reference_docx, reference_docx_warnings

        checked = check_reference_docx(options.reference_docx)
        theme = replace(theme, reference_docx=checked, warnings=theme.warnings + reference_docx_warnings(checked))
    folder = prepare_folder(options.out)
    result.style = str(theme.path)
    if theme.warnings:  # brand.yml keys reportgen does not use, a template's outside links: with the parser's
        result.warnings[str(theme.path)] = theme.warnings
    if not sources:
        return result
    options = replace(options, date=options.date or default_date())
    key_options = (__version__, _theme_fingerprint(theme), options.title, options.subtitle, options.date)
    slots = _slots(sources, format_names, languages, key_options, options.pack, options.split)
    records: list[Record] = []
    taken = inputs_in(folder, (source.path for source in sources))  # an input there is never overwritten
    todo = slots if force else _keep_unchanged(folder, slots, taken, records, result)
    packs = [slot for slot in todo if slot.is_pack]
    pack_inputs = list({source.path: source for slot in packs for source in slot.inputs}.values())
    try:
        with Interruptions() as signals:
            try:
                with Runner(jobs, executor, progress, signals.held) as runner:
                    readings = _parse_needed(pack_inputs, runner, result)  # a pack needs every brief at once
                    pack_jobs = _pack_jobs(packs, readings, options, theme, folder, taken, result)
                    article_jobs = _article_jobs([s for s in todo if not s.is_pack], readings, runner, options,
                                                 theme, folder, taken, result)
                    outcomes = chain(runner.map("packs", _render_job, pack_jobs, _render_failed),
                                     chain.from_iterable(runner.map("rendering", _article_job, article_jobs,
                                                                    _article_failed)))
                    for outcome in outcomes:
                        with signals.held():  # written and recorded together, or neither
                            _write(outcome, result, records)
            finally:  # also when stopped: the manifest lists what was finished, and only that
                with signals.held():
                    _write_manifest(folder, records, result)
    except Interrupted as stop:
        stop.result = result
        raise
    return result


def too_long(option: str, length: int) -> str:
    """The one message for a title or subtitle past ``MAX_TITLE_CHARS``."""
    return (f"is {length:,} characters; a {option} is at most {MAX_TITLE_CHARS} — "
            "shorten it (put longer text in an article)")


def _write(outcome: _Rendered | Failure, result: BuildResult, records: list[Record]) -> None:
    """Write one rendered document whole and record it; a failure is recorded as one."""
    if isinstance(outcome, Failure):
        result.errors.append(outcome)
        return
    target = outcome.target
    try:
        write_atomic(target.path, outcome.data)
    except OSError as error:
        result.errors.append(Failure(str(target.path), f"cannot be written ({error.strerror or error}); free "
                                                       "some space or choose another --out folder"))
        return
    sha = hashlib.sha256(outcome.data).hexdigest()
    result.outputs.append(Output(target.path, target.format, target.language, sha))
    records.append(Record(target.path.name, target.format, target.language, sha, target.key,
                          [{"path": path, "sha256": digest} for path, digest in outcome.inputs],
                          list(outcome.warnings)))


def _write_manifest(folder: Path, records: list[Record], result: BuildResult) -> None:
    """The manifest, last and whole; when it cannot be written, one failure more (the documents stay)."""
    failed = {failure.path for failure in result.errors}
    clean = [record for record in records if not any(i["path"] in failed for i in record.inputs)]
    try:
        with locked(folder):
            Manifest(folder).write(clean, [{"path": f.path, "message": f.message} for f in result.errors])
    except OSError as error:
        result.errors.append(Failure(str(folder / MANIFEST_NAME), (
            f"cannot be written ({error.strerror or error}); the documents listed are whole but a rerun "
            "rebuilds them — make room for it (free some space, move what is in its way)")))


def _keep_unchanged(folder: Path, slots: list[_Slot], taken: set[str], records: list[Record],
                    result: BuildResult) -> list[_Slot]:
    """The slots still to build; the others' records are kept. Checked under the manifest's lock (no
    other build is writing it meanwhile); the manifest written at the end checks each kept file again."""
    todo = []
    try:
        with locked(folder):
            manifest = Manifest.load(folder)
            for slot in slots:
                kept = manifest.unchanged_group(slot.key)
                if kept and not taken & {record.path for record in kept}:
                    records += kept
                    taken.update(record.path for record in kept)
                    result.outputs += [Output(folder / r.path, r.format, r.language, r.sha256, skipped=True)
                                       for r in kept]
                else:
                    todo.append(slot)
    except OSError as error:
        raise InputError(printable(str(folder)), f"cannot be locked for its manifest ({error.strerror or error});"
                                                 " choose another --out folder") from None
    return todo


def inputs_in(folder: Path, paths: Iterable[str]) -> set[str]:
    """Names of the input files that sit in the output folder itself: taken, so never overwritten."""
    here = folder.resolve()
    return {Path(path).name for path in paths
            if path not in (STDIN, "<stdin>") and Path(os.path.abspath(path)).parent.resolve() == here}


def prepare_folder(folder: Path) -> Path:
    """The output folder, created and proven writable before any work; else one InputError."""
    from .export import remove_stale_parts

    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe_writable(folder)
    except OSError as error:
        raise InputError(printable(str(folder)), f"cannot be written to ({error.strerror or error}); "
                                                 "choose another --out folder") from None
    remove_stale_parts(folder)
    return folder


# -- planning ---------------------------------------------------------------

def check_languages(langs: Iterable[str]) -> list[str]:
    """The requested languages, once each; ``auto`` means each article's own. Only a language a
    catalog exists for is accepted (a language names files and catalog paths)."""
    from babel import Locale, UnknownLocaleError

    from .i18n import catalog_languages

    languages = list(dict.fromkeys(langs))
    for language in languages:
        if language == AUTO:
            continue
        try:
            Locale.parse(language)
        except (ValueError, TypeError, UnknownLocaleError):
            raise UnknownLanguage(f"unknown language {language[:40]!r}; give a code such as en or es, "
                                  "or auto") from None
        if language not in catalog_languages():
            raise UnknownLanguage(f"no catalog for {language!r}; reportgen speaks {', '.join(catalog_languages())} "
                                  "(add one: see examples/locale/README.md), or use auto")
    return languages


def _carried_options(sources: list[_Input]) -> tuple[str | None, str | None]:
    """The built-in theme and the language Word packs among the inputs were built with, when they agree
    and reportgen has them (a property naming anything else is ignored: English, the default theme)."""
    built_with = [source.kind.built_with for source in sources if source.kind.pack_properties]
    if not built_with:
        return None, None
    from .i18n import catalog_languages
    from .themes import builtin_themes

    themes = {theme for theme, _ in built_with}
    languages = {language for _, language in built_with}
    builtin = {theme.name for theme in builtin_themes()}
    style = themes.pop() if len(themes) == 1 and themes <= builtin else None
    language = languages.pop() if len(languages) == 1 else None
    return style, language if language in catalog_languages() else None


def collect_inputs(inputs: Sequence[str | Path], out: Path | None = None) -> tuple[list[str], list[Failure]]:
    """Files as given, folders recursed and globs expanded to article files; the seeds when none.

    One file named several ways (a link, ``./x``, an absolute path, twice) is
    listed once. Folders and globs never yield files inside ``out``: a build
    does not read its own outputs back.
    """
    from .ingest import SUFFIXES

    if not inputs:
        return [str(path) for path in seed_paths()], []
    outputs = out.resolve() if out is not None else None

    def article(path: Path) -> bool:
        return path.is_file() and path.suffix.lower() in SUFFIXES and not _within(path, outputs)

    paths: list[str] = []
    failures: list[Failure] = []
    for given in map(str, inputs):
        if given == STDIN:
            paths.append(STDIN)
        elif Path(given).is_dir():
            if _within(Path(given), outputs):
                failures.append(Failure(printable(given), "is the --out folder or inside it: its files are "
                                                          "outputs, not articles — choose another --out folder"))
                continue
            found = sorted(p for p in Path(given).rglob("*") if article(p))
            if not found:
                failures.append(Failure(printable(given),
                                        f"has no article files ({' '.join(sorted(SUFFIXES))})"))
            paths += [str(p) for p in found]
        elif glob.has_magic(given) and not Path(given).exists():
            found = sorted(p for p in glob.glob(given, recursive=True) if article(Path(p)))
            if not found:
                failures.append(Failure(printable(given), "matches no article files; check the pattern"))
            paths += found
        else:
            paths.append(given)
    return _once_each(paths), failures


def _within(path: Path, folder: Path | None) -> bool:
    return folder is not None and (path.resolve() == folder or folder in path.resolve().parents)


def _once_each(paths: list[str]) -> list[str]:
    """The paths without repeats of one file: compared by device and inode, as the system sees them."""
    seen: set[object] = set()
    unique = []
    for path in paths:
        try:
            info = os.stat(path)
            identity: object = (info.st_dev, info.st_ino)
        except (OSError, ValueError):
            identity = path  # reading it will say what is wrong
        if identity not in seen:
            seen.add(identity)
            unique.append(path)
    return unique


def _read_all(inputs: list[str | Path], result: BuildResult, max_bytes: int, out: Path) -> list[_Input]:
    """Every input's bytes, named as messages print them (a name that is not UTF-8 shows escapes)."""
    paths, failures = collect_inputs(inputs, out)
    result.errors += failures
    sources = []
    for path in paths:
        try:
            data = read_input(path, max_bytes)
        except InputError as error:
            result.errors.append(Failure(printable(error.path), error.problem))
            continue
        name = input_name(path)
        sources.append(_Input(name, hashlib.sha256(data).hexdigest(), data, identify(data, name)))
    return sources


def _theme_fingerprint(theme: Theme) -> str:
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


def _document_path(folder: Path, stem: str, language: str, fmt: str, taken: set[str],
                   fallback: str = "article") -> Path:
    """``<stem>.<language><suffix>`` in ``folder``: stem and language as slugs, never a name taken."""
    from .render import renderer_for

    suffix = f".{slugify(language, 'xx')}{renderer_for(fmt).suffix}"
    name = unique_name(slugify(stem, fallback), suffix, taken)
    return output_path(folder, name)


# -- work -------------------------------------------------------------------

def _parse_job(source: _Input) -> PackReading | Failure:
    """The briefs of one input: one per article file, one per chapter of an edited Word pack."""
    try:
        return briefs_of(read(source.data, source.path, source.kind))
    except InputError as error:
        return Failure(error.path, error.problem)
    except Exception as error:  # noqa: BLE001 - one article's failure must not stop the batch
        return _parse_failed(source, error)


def _parse_failed(source: _Input, error: BaseException) -> Failure:
    return Failure(source.path, crashed("read", error))


def crashed(action: str, error: BaseException) -> str:
    """The one message for reportgen's own failure on one file: the batch goes on, the user reports it."""
    return (f"could not be {action} ({type(error).__name__}: {printable(str(error))[:200]}); please report "
            "this with the input")


def _warnings_of(reading: PackReading) -> tuple[str, ...]:
    return tuple(dict.fromkeys(warning for brief in reading.briefs for warning in brief.warnings))


def _parse_needed(needed: list[_Input], runner: Runner, result: BuildResult) -> dict[str, PackReading]:
    readings: dict[str, PackReading] = {}
    for source, outcome in zip(needed, runner.map("parsing", _parse_job, needed, _parse_failed)):
        if isinstance(outcome, Failure):
            result.errors.append(outcome)
        else:
            readings[source.path] = outcome
            if _warnings_of(outcome):
                result.warnings[source.path] = _warnings_of(outcome)
    return readings


def _pack_jobs(packs: list[_Slot], readings: dict[str, PackReading], options: BuildOptions, theme: Theme,
               folder: Path, taken: set[str], result: BuildResult) -> list[_RenderJob]:
    """Every pack still to write (one per language for ``auto``), named in a fixed order. Without a
    title, a Word pack given back keeps the title it was built with (cut to ``MAX_TITLE_CHARS``)."""
    jobs = []
    for slot in packs:
        usable = [(source, brief) for source in slot.inputs if source.path in readings
                  for brief in readings[source.path].briefs]
        if not usable:
            continue
        pack_title = options.title or next((readings[s.path].title[:MAX_TITLE_CHARS] for s in slot.inputs
                                    if s.path in readings and readings[s.path].title), None)
        groups: dict[str, list[tuple[_Input, Brief]]] = {}
        for source, brief in usable:
            groups.setdefault(brief.language if slot.language == AUTO else slot.language, []).append((source, brief))
        for language, members in groups.items():
            document = Pack(tuple(brief for _, brief in members), pack_title or "", options.subtitle, options.date,
                            theme.name)
            try:
                path = _document_path(folder, pack_title or DEFAULT_PACK_NAME, language, slot.format, taken,
                                      DEFAULT_PACK_NAME)
            except InputError as error:
                result.errors.append(Failure(error.path, error.problem))
                continue
            warnings = tuple(f"{source.path}: {warning}" for source, brief in members for warning in brief.warnings)
            jobs.append(_RenderJob(pack=document, target=_Target(path, slot.format, language, f"{slot.key}:{language}"),
                                   theme=theme, inputs=tuple((source.path, source.sha256) for source, _ in members),
                                   warnings=warnings))
    return jobs


@dataclass(frozen=True)
class _Identity:
    """What naming an article's documents needs of its parse; the brief itself is not kept."""

    id: str
    language: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _ArticleDocument:
    """One document of an article's: which of the input's briefs (a Word pack holds several), and where."""

    brief: int
    target: _Target


@dataclass(frozen=True)
class _ArticleJob:
    """One article's own documents: parsed (again) in the worker, so the parent holds no briefs."""

    source: _Input
    reading: PackReading | None  # already parsed for a pack in this build
    documents: tuple[_ArticleDocument, ...]
    options: BuildOptions  # with its date decided
    theme: Theme


def _identify_job(source: _Input) -> tuple[_Identity, ...] | Failure:
    outcome = _parse_job(source)
    return outcome if isinstance(outcome, Failure) else _identities(outcome)


def _identities(reading: PackReading) -> tuple[_Identity, ...]:
    return tuple(_Identity(brief.id, brief.language, brief.warnings) for brief in reading.briefs)


def _article_jobs(slots: list[_Slot], readings: dict[str, PackReading], runner: Runner, options: BuildOptions,
                  theme: Theme, folder: Path, taken: set[str], result: BuildResult) -> list[_ArticleJob]:
    """Each article's documents, named in input order. Split builds keep memory flat: an article
    is parsed here only for its id and language, and parsed again where it is rendered."""
    by_input: dict[str, list[_Slot]] = {}
    for slot in slots:
        by_input.setdefault(slot.inputs[0].path, []).append(slot)
    sources = [group[0].inputs[0] for group in by_input.values()]
    unparsed = [source for source in sources if source.path not in readings]
    identified = dict(zip((s.path for s in unparsed), runner.map("parsing", _identify_job, unparsed, _parse_failed)))
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
        documents = []
        try:
            for slot in by_input[source.path]:
                for index, identity in enumerate(identities):
                    language = identity.language if slot.language == AUTO else slot.language
                    path = _document_path(folder, identity.id, language, slot.format, taken)
                    key = f"{slot.key}:{language}" if index == 0 else f"{slot.key}:{language}:{index}"
                    documents.append(_ArticleDocument(index, _Target(path, slot.format, language, key)))
        except InputError as error:
            result.errors.append(Failure(error.path, error.problem))
            continue
        jobs.append(_ArticleJob(source=source, reading=known, documents=tuple(documents), options=options,
                                theme=theme))
    return jobs


def _article_job(job: _ArticleJob) -> list[_Rendered | Failure]:
    reading = job.reading if job.reading is not None else _parse_job(job.source)
    if isinstance(reading, Failure):
        return [reading]
    inputs = ((job.source.path, job.source.sha256),)
    done = []
    for document in job.documents:
        brief = reading.briefs[document.brief]
        pack = Pack((brief,), brief.title, None, job.options.date, job.theme.name)
        warnings = tuple(f"{job.source.path}: {warning}" for warning in brief.warnings)
        done.append(_render_job(_RenderJob(pack=pack, target=document.target, theme=job.theme, inputs=inputs,
                                           warnings=warnings)))
    return done


def _article_failed(job: _ArticleJob, error: BaseException) -> list[Failure]:
    return [_parse_failed(job.source, error)]


def _render_job(job: _RenderJob) -> _Rendered | Failure:
    """Compose and render one document; a renderer's crash fails only this document. The bytes go
    back to the parent, which writes them."""
    from .compose import Brand, compose_pack
    from .i18n import translations
    from .render import renderer_for

    pack, language = job.pack, job.target.language
    if not pack.title:
        pack = replace(pack, title=translations(language).gettext("Briefing pack"))
    try:
        document = compose_pack(pack, language, Brand(job.theme.brand, job.theme.texts_for(language)))
        data = renderer_for(job.target.format).render(document, job.theme)
    except InputError as error:
        return Failure(error.path, error.problem)
    except Exception as error:  # noqa: BLE001 - one document's failure must not stop the batch
        return _render_failed(job, error)
    return _Rendered(target=job.target, inputs=job.inputs, warnings=job.warnings, data=data)


def _render_failed(job: _RenderJob, error: BaseException) -> Failure:
    return Failure(str(job.target.path), crashed(f"rendered as {job.target.format}", error))


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` as seconds, None when unset; anything else is one InputError (the
    reproducible-builds rule: a malformed value stops the build rather than being ignored)."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not (value.isascii() and value.isdigit() and len(value) <= 12 and int(value) <= _MAX_EPOCH):
        raise InputError("SOURCE_DATE_EPOCH", f"is {printable(value[:40])!r}, not a time reportgen can use; "
                                              "give whole seconds since 1970-01-01 (such as 1765152000) or unset it")
    return int(value)


def default_date() -> str:
    """Today, or the day of ``SOURCE_DATE_EPOCH`` so a reproducible build stamps the same date."""
    epoch = source_date_epoch()
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat()
    return dt.date.today().isoformat()

"""The work of a build: parse what the plan needs, render every document as a job, write and record each.

Outputs the manifest says are unchanged are skipped without parsing
anything. The articles a pack needs are parsed once each, whatever the number
of formats and languages; for split documents one job per article parses it
once and renders all its documents, and this process names them as the jobs
come back, in input order, from the ids and languages the job returns (it
holds no briefs). Jobs run inline, on a process pool, or on any
``concurrent.futures.Executor`` a caller passes (a Dask client's, say): they
carry the input's bytes and the theme's files (``assets.py``) and return
bytes, and this process writes each document and records it (``jobs.py``),
the manifest last. A document that fails is a failure of its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ..api import briefs_of
from ..config import BuildOptions
from ..errors import InputError
from ..export import MANIFEST_NAME, FileIdentity, Manifest, Record, locked, probe_writable, write_atomic
from ..ingest import read
from ..jobs import WORTH_A_POOL, Interrupted, Interruptions, Progress, Runner
from ..model import Brief, Pack, PackReading
from ..slug import printable
from .assets import ThemeFiles, local_theme, theme_files
from .early import EarlyChapters, composed_as
from .inputs import Failure, Input, crashed
from .plan import DEFAULT_PACK_NAME, Slot, Target, document_key, document_language, document_path, pack_title
from .resolve import AUTO

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from ..compose.blocks import Document
    from ..themes import Theme


@dataclass(frozen=True)
class Output:
    path: Path
    format: str
    language: str
    sha256: str
    skipped: bool = False  # unchanged since the last run: not rebuilt


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


_Digests = tuple[tuple[str, str], ...]  # (input path, its sha256) for each input a document is made from


@dataclass(frozen=True)
class _RenderJob:
    """One pack in one language, in every format asked, already named: rendered in one place, the PDF
    first, so a Word pack takes the page numbers of its contents from that PDF's layout."""

    pack: Pack
    targets: tuple[Target, ...]
    theme: ThemeFiles
    inputs: _Digests
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Rendered:
    """A document's bytes, computed by a job, for this process to write and record (without its briefs)."""

    target: Target
    inputs: _Digests
    warnings: tuple[str, ...]
    data: bytes


@dataclass(frozen=True)
class _Identity:
    """What naming an article's documents needs of its parse; the brief itself stays in the worker."""

    id: str
    language: str
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Crashed:
    """A document the renderer failed on: the message, given the document's path by this process."""

    message: str


@dataclass(frozen=True)
class _ArticleJob:
    """One article's own documents: its bytes go to a worker that parses them once and renders every
    document the slots ask of each of its briefs (a Word pack given back holds several)."""

    source: Input
    reading: PackReading | None  # already parsed for a pack in this build
    slots: tuple[Slot, ...]
    date: str
    theme: ThemeFiles


@dataclass(frozen=True)
class _ArticleDone:
    """What an article's job sends back: its briefs' identities and, for each slot and then each brief,
    the document's bytes or what went wrong."""

    identities: tuple[_Identity, ...]
    documents: tuple[bytes | Failure | _Crashed, ...]


def prepare_folder(folder: Path) -> Path:
    """The output folder, created and proven writable before any work; else one InputError."""
    from ..export import remove_stale_parts

    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe_writable(folder)
    except OSError as error:
        raise InputError(printable(str(folder)), f"cannot be written to ({error.strerror or error}); "
                                                 "choose another --out folder") from None
    remove_stale_parts(folder)
    return folder


def run_plan(slots: list[Slot], options: BuildOptions, theme: Theme, folder: Path, taken: set[str],
             result: BuildResult, *, jobs: int | None, executor: Executor | None, force: bool,
             progress: Progress | None) -> None:
    """Build ``slots`` into ``folder`` (``taken``: names no document may have) and record them in
    ``result`` and the manifest. Ctrl-C, SIGTERM or SIGHUP raise ``Interrupted`` once the manifest
    lists what was finished; its ``result`` says what that was."""
    records: list[Record] = []
    identities: dict[str, FileIdentity] = {}  # by file name: each document this run wrote or kept, as it was
    todo = slots if force else _keep_unchanged(folder, slots, taken, records, identities, result)
    packs = [slot for slot in todo if slot.is_pack]
    pack_inputs = list({given.path: given for slot in packs for given in slot.inputs}.values())
    try:
        with Interruptions() as signals:
            try:
                with Runner(jobs, executor, progress, signals.held) as runner:
                    portable = theme_files(theme, carry_bytes=not runner.shares_disk)
                    early = EarlyChapters(packs if len(packs) < WORTH_A_POOL else [], options, theme)
                    readings = _parse_needed(pack_inputs, runner, result, early.active,  # a pack needs every brief
                                             meanwhile=lambda arrivals: (_prepare(packs, theme), early.lay_out(arrivals)))
                    pack_jobs = _pack_jobs(packs, readings, options, portable, folder, taken, result)
                    article_jobs = _article_jobs([s for s in todo if not s.is_pack], readings, options, portable)
                    articles = zip(article_jobs, runner.map("rendering", _article_job, article_jobs, _article_failed))
                    outcomes = chain(chain.from_iterable(runner.map("packs", _render_job, pack_jobs, _render_failed)),
                                     chain.from_iterable(_named(job, done, folder, taken, result)
                                                         for job, done in articles))
                    for outcome in outcomes:
                        signals.raise_if_stopped()  # an interrupted document is not a failed one
                        with signals.held():  # written and recorded together, or neither
                            _write(outcome, result, records, identities)
            finally:  # also when stopped: the manifest lists what was finished, and only that
                early.drop()
                with signals.held():
                    _write_manifest(folder, records, result, identities)
    except Interrupted as stop:
        stop.result = result
        raise


def _keep_unchanged(folder: Path, slots: list[Slot], taken: set[str], records: list[Record],
                    verified: dict[str, FileIdentity], result: BuildResult) -> list[Slot]:
    """The slots still to build; the others' records are kept, with the identities of the files found
    whole (``verified``). Checked under the manifest's lock (no other build is writing it meanwhile);
    the manifest written at the end checks each kept file again, by its identity."""
    todo = []
    try:
        with locked(folder):
            manifest = Manifest.load(folder)
            for slot in slots:
                kept = manifest.unchanged_group(slot.key)
                if kept and not taken & {record.path for record in kept}:
                    records += kept
                    verified.update((record.path, manifest.verified[record.path]) for record in kept)
                    taken.update(record.path for record in kept)
                    result.outputs += [Output(folder / r.path, r.format, r.language, r.sha256, skipped=True)
                                       for r in kept]
                else:
                    todo.append(slot)
    except OSError as error:
        raise InputError(printable(str(folder)), f"cannot be locked for its manifest ({error.strerror or error});"
                                                 " choose another --out folder") from None
    return todo


def _write(outcome: _Rendered | Failure, result: BuildResult, records: list[Record],
           identities: dict[str, FileIdentity]) -> None:
    """Write one rendered document whole and record it (and the file's identity in ``identities``); a
    failure is recorded as one."""
    if isinstance(outcome, Failure):
        result.errors.append(outcome)
        return
    target = outcome.target
    try:
        identity = write_atomic(target.path, outcome.data)
    except OSError as error:
        result.errors.append(Failure(str(target.path), f"cannot be written ({error.strerror or error}); free "
                                                       "some space or choose another --out folder"))
        return
    sha = hashlib.sha256(outcome.data).hexdigest()
    result.outputs.append(Output(target.path, target.format, target.language, sha))
    records.append(Record(target.path.name, target.format, target.language, sha, target.key,
                          [{"path": path, "sha256": digest} for path, digest in outcome.inputs],
                          list(outcome.warnings)))
    identities[target.path.name] = identity


def _write_manifest(folder: Path, records: list[Record], result: BuildResult,
                    identities: dict[str, FileIdentity]) -> None:
    """The manifest, last and whole; when it cannot be written, one failure more (the documents stay)."""
    failed = {failure.path for failure in result.errors}
    clean = [record for record in records if not any(i["path"] in failed for i in record.inputs)]
    try:
        with locked(folder):
            Manifest(folder).write(clean, [{"path": f.path, "message": f.message} for f in result.errors], identities)
    except OSError as error:
        result.errors.append(Failure(str(folder / MANIFEST_NAME), (
            f"cannot be written ({error.strerror or error}); the documents listed are whole but a rerun "
            "rebuilds them — make room for it (free some space, move what is in its way)")))


def _suffix(fmt: str) -> str:
    from ..render import renderer_for

    return renderer_for(fmt).suffix


# -- parsing ----------------------------------------------------------------

def _parse_job(source: Input) -> PackReading | Failure:
    """The briefs of one input: one per article file, one per chapter of an edited Word pack."""
    try:
        return briefs_of(read(source.data, source.path, source.kind))
    except InputError as error:
        return Failure(error.path, error.problem)
    except Exception as error:  # noqa: BLE001 - one article's failure must not stop the batch
        return _parse_failed(source, error)


def _parse_failed(source: Input, error: BaseException) -> Failure:
    return Failure(source.path, crashed("read", error))


def _warnings_of(reading: PackReading) -> tuple[str, ...]:
    return tuple(dict.fromkeys(warning for brief in reading.briefs for warning in brief.warnings))


def _parse_needed(needed: list[Input], runner: Runner, result: BuildResult, busy: bool,
                  meanwhile: Callable[[Iterator[tuple[Input, PackReading | Failure]]], object]
                  ) -> dict[str, PackReading]:
    """Each input's briefs, parsed on workers where there are some while this process runs ``meanwhile``
    (given the outcomes as they come, and ``busy`` with them: see ``Runner.overlapped``)."""
    readings: dict[str, PackReading] = {}
    for source, outcome in zip(needed, runner.overlapped("parsing", _parse_job, needed, _parse_failed, meanwhile,
                                                         busy)):
        if isinstance(outcome, Failure):
            result.errors.append(outcome)
        else:
            readings[source.path] = outcome
            if _warnings_of(outcome):
                result.warnings[source.path] = _warnings_of(outcome)
    return readings


def _prepare(packs: list[Slot], theme: Theme) -> None:
    """Load what composing and rendering ``packs`` will need — compose, each language's catalog,
    each format's renderer with the theme's fonts and templates — while their articles are parsed."""
    from importlib import import_module

    from ..i18n import translations
    from ..render import renderer_for

    import_module("..compose", __package__)
    for fmt, language in dict.fromkeys((slot.format, slot.language) for slot in packs):
        known = None if language == AUTO else language
        if known is not None:
            translations(known)
        prepare = getattr(renderer_for(fmt), "prepare", None)
        if prepare is None:
            continue
        try:
            prepare(theme, known, max(len(slot.inputs) for slot in packs if slot.format == fmt))
        except Exception:  # noqa: BLE001 - what fails here fails again in the render, which reports it per document
            pass


def _identities(reading: PackReading) -> tuple[_Identity, ...]:
    return tuple(_Identity(brief.id, brief.language, brief.warnings) for brief in reading.briefs)


# -- jobs -------------------------------------------------------------------

def _pack_jobs(packs: list[Slot], readings: dict[str, PackReading], options: BuildOptions, theme: ThemeFiles,
               folder: Path, taken: set[str], result: BuildResult) -> list[_RenderJob]:
    """Every pack still to write (one per language for ``auto``), named in a fixed order; the formats of
    one pack in one language make one job."""
    jobs: dict[tuple[str, _Digests], _RenderJob] = {}  # by language and inputs: the pack they compose
    for slot in packs:
        usable = [(source, brief) for source in slot.inputs if source.path in readings
                  for brief in readings[source.path].briefs]
        if not usable:
            continue
        title = pack_title(options.title, (readings[s.path] for s in slot.inputs if s.path in readings))
        groups: dict[str, list[tuple[Input, Brief]]] = {}
        for source, brief in usable:
            groups.setdefault(document_language(slot, brief.language), []).append((source, brief))
        for language, members in groups.items():
            pack = Pack(tuple(brief for _, brief in members), title or "", options.subtitle, options.date,
                        theme.theme.name)
            try:
                path = document_path(folder, title or DEFAULT_PACK_NAME, language, _suffix(slot.format), taken,
                                     DEFAULT_PACK_NAME)
            except InputError as error:
                result.errors.append(Failure(error.path, error.problem))
                continue
            warnings = tuple(f"{source.path}: {warning}" for source, brief in members for warning in brief.warnings)
            inputs = tuple((source.path, source.sha256) for source, _ in members)
            target = Target(path, slot.format, language, document_key(slot, language))
            same = jobs.get((language, inputs))
            targets = tuple(sorted((*same.targets, target), key=_pdf_first)) if same else (target,)
            jobs[(language, inputs)] = _RenderJob(pack=pack, targets=targets, theme=theme, inputs=inputs,
                                              warnings=warnings)
    return list(jobs.values())


def _pdf_first(target: Target) -> bool:
    return target.format != "pdf"


def _article_jobs(slots: list[Slot], readings: dict[str, PackReading], options: BuildOptions,
                  theme: ThemeFiles) -> list[_ArticleJob]:
    """One job per article, in input order, for all its documents: parsed once where it is rendered
    (unless a pack of this build parsed it already), so this process holds no briefs of its own."""
    by_input: dict[str, list[Slot]] = {}
    for slot in slots:
        by_input.setdefault(slot.inputs[0].path, []).append(slot)
    return [_ArticleJob(source=group[0].inputs[0], reading=readings.get(path), slots=tuple(group),
                        date=options.date or "", theme=theme) for path, group in by_input.items()]


def _named(job: _ArticleJob, done: _ArticleDone | Failure, folder: Path, taken: set[str],
           result: BuildResult) -> list[_Rendered | Failure]:
    """An article's documents named as they come back, in input order (so names never depend on which
    worker was first), each with the bytes its job rendered."""
    if isinstance(done, Failure):
        return [done]
    warnings = tuple(dict.fromkeys(w for identity in done.identities for w in identity.warnings))
    if warnings:
        result.warnings[job.source.path] = warnings
    inputs = ((job.source.path, job.source.sha256),)
    outcomes: list[_Rendered | Failure] = []
    documents = iter(done.documents)
    try:
        for slot in job.slots:
            for index, identity in enumerate(done.identities):
                language = document_language(slot, identity.language)
                path = document_path(folder, identity.id, language, _suffix(slot.format), taken)
                target = Target(path, slot.format, language, document_key(slot, language, index))
                outcomes.append(_outcome(next(documents), target, inputs,
                                         tuple(f"{job.source.path}: {w}" for w in identity.warnings)))
    except InputError as error:  # a name that would leave the folder: none of the article's documents is written
        return [Failure(error.path, error.problem)]
    return outcomes


def _outcome(document: bytes | Failure | _Crashed, target: Target, inputs: _Digests,
             warnings: tuple[str, ...]) -> _Rendered | Failure:
    if isinstance(document, bytes):
        return _Rendered(target=target, inputs=inputs, warnings=warnings, data=document)
    if isinstance(document, _Crashed):
        return Failure(str(target.path), document.message)
    return document


def _article_job(job: _ArticleJob) -> _ArticleDone | Failure:
    """Parse one article (once) and render every document its slots ask for, names left to the parent."""
    reading = job.reading if job.reading is not None else _parse_job(job.source)
    if isinstance(reading, Failure):
        return reading
    try:
        theme = local_theme(job.theme)
    except InputError as error:
        return Failure(error.path, error.problem)
    documents: list[bytes | Failure | _Crashed] = []
    composed: dict[tuple[int, str], Document] = {}  # a brief in one language: composed once for every format
    for slot in job.slots:
        for index, brief in enumerate(reading.briefs):
            language = document_language(slot, brief.language)
            try:
                if (index, language) not in composed:
                    composed[index, language] = _composed(Pack((brief,), brief.title, None, job.date, theme.name),
                                                          language, theme)
                documents.append(_rendered(composed[index, language], slot.format, theme))
            except InputError as error:
                documents.append(Failure(error.path, error.problem))
            except Exception as error:  # noqa: BLE001 - one document's failure must not stop the batch
                documents.append(_Crashed(crashed(f"rendered as {slot.format}", error)))
    return _ArticleDone(_identities(reading), tuple(documents))


def _article_failed(job: _ArticleJob, error: BaseException) -> Failure:
    return _parse_failed(job.source, error)


def _render_job(job: _RenderJob) -> list[_Rendered | Failure]:
    """Compose and render one pack in each of its formats; a renderer's crash fails only that
    document. The bytes go back to the parent, which writes them."""
    try:
        theme = local_theme(job.theme)
    except InputError as error:
        return [Failure(error.path, error.problem)]
    outcomes: list[_Rendered | Failure] = []
    for target in job.targets:
        try:
            data = _render(job.pack, target.format, target.language, theme)
        except InputError as error:
            outcomes.append(Failure(error.path, error.problem))
        except Exception as error:  # noqa: BLE001 - one document's failure must not stop the batch
            outcomes.append(_target_failed(target, error))
        else:
            outcomes.append(_Rendered(target=target, inputs=job.inputs, warnings=job.warnings, data=data))
    return outcomes


def _render(pack: Pack, fmt: str, language: str, theme: Theme) -> bytes:
    """One document's bytes: ``pack`` composed in ``language`` and rendered as ``fmt``."""
    return _rendered(_composed(pack, language, theme), fmt, theme)


def _composed(pack: Pack, language: str, theme: Theme) -> Document:
    """``pack`` composed in ``language`` (untitled: "Briefing pack" in that language)."""
    from ..compose import compose_pack

    titled, brand = composed_as(pack, language, theme)
    return compose_pack(titled, language, brand)


def _rendered(document: Document, fmt: str, theme: Theme) -> bytes:
    from ..render import renderer_for

    return renderer_for(fmt).render(document, theme)


def _render_failed(job: _RenderJob, error: BaseException) -> list[Failure]:
    return [_target_failed(target, error) for target in job.targets]


def _target_failed(target: Target, error: BaseException) -> Failure:
    return Failure(str(target.path), crashed(f"rendered as {target.format}", error))

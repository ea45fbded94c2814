"""The ``reportgen`` command: thin click commands over the Python API."""

from __future__ import annotations

import atexit
import errno
import gc
import math
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.core import ParameterSource

from .config import BuildOptions
from .errors import InputError
from .jobs import pace_collector
from .slug import printable

if TYPE_CHECKING:
    from .config import ProjectConfig

MAX_INPUT_MB = 4096  # --max-input-size: past this a number is a mistake (articles are KBs)

# The command's process ends with its command: Python's last collection at exit would walk every object
# the build made (fonts, lexicons, layouts) only to free memory the system takes back anyway, ~60 ms of a
# cold build. Frozen, they are left to the system; files are all written and closed by then.
atexit.register(gc.freeze)


def _fail(message: str) -> None:
    try:
        click.echo(f"reportgen: {printable(message)}", err=True)
    except OSError:
        pass  # stderr itself is gone: nothing is left to tell


class _Stdout:
    """Standard output for paths and JSON. A closed, full or broken one is not a traceback: the work
    goes on, and the command ends with one line saying so and exit status 1."""

    def __init__(self) -> None:
        self.problem: str | None = None

    def line(self, text: str) -> None:
        self.write((printable(text) + "\n").encode("utf-8"))

    def write(self, data: bytes) -> None:
        if self.problem is not None:
            return
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            self.problem = "is closed"
            return
        try:
            stream.write(data)
        except OSError as error:
            self._broken(error)

    def finish(self) -> bool:
        """Flush; False (after one line on stderr) when what was to be printed could not be."""
        stream = getattr(sys.stdout, "buffer", None)
        if stream is not None and self.problem is None:
            try:
                stream.flush()
            except OSError as error:
                self._broken(error)
        if self.problem is None:
            return True
        if self.problem:
            _fail(f"<stdout>: {self.problem}; send the output to a file or a pipe that reads it")
        return False

    def _broken(self, error: OSError) -> None:
        self.problem = "" if error.errno == errno.EPIPE else f"cannot be written ({error.strerror or error})"
        try:  # Python's own flush at exit would fail again, with a message of its own
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass


_STDOUT = _Stdout()


def _standard_descriptors() -> None:
    """A closed stdin, stdout or stderr (``<&-``, ``>&-``) is reopened on /dev/null, so no file this
    process opens takes its number; Python already shows it as closed (None), which is what the
    commands check."""
    for descriptor in (0, 1, 2):
        try:
            os.fstat(descriptor)
        except OSError:
            os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one


class _Reportgen(click.Group):
    """The command group: standard output is flushed inside the command, so a full or closed one is
    its one line, not Python's complaint at exit."""

    def invoke(self, ctx: click.Context) -> Any:
        _STDOUT.problem = None  # a new command (several run in one process under click's test runner)
        _standard_descriptors()
        try:
            return super().invoke(ctx)
        finally:
            if not _STDOUT.finish():
                sys.exit(1)


@contextmanager
def _one_line_errors(folder: Path | None, remedy: str = "choose another --out folder") -> Iterator[None]:
    """A user's mistake (an unusable input, a folder that cannot be written) as one line and exit 1."""
    try:
        yield
    except InputError as error:
        _fail(str(error))
        sys.exit(1)
    except OSError as error:
        _fail(f"{folder}: cannot be written to ({error.strerror or error}); {remedy}")
        sys.exit(1)


@click.group(cls=_Reportgen, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportgen")
def main() -> None:
    """Turn policy and news articles into structured briefs and briefing packs."""
    pace_collector()  # this process is the command's own, as a worker's is


def _megabytes(ctx: click.Context, param: click.Parameter, value: float) -> float:
    if not (math.isfinite(value) and 0 < value <= MAX_INPUT_MB):
        raise click.BadParameter(f"{value} is not a size reportgen can use; give megabytes above 0 and up to "
                                 f"{MAX_INPUT_MB} (such as 60)")
    return value


def _cover_line(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from .pipeline.resolve import MAX_TITLE_CHARS, too_long

    if value is not None and len(value) > MAX_TITLE_CHARS:
        raise click.BadParameter(too_long(str(param.name), len(value)))
    return value


_max_input_size = click.option(
    "--max-input-size", "max_input_mb", type=float, default=20, show_default=True, callback=_megabytes,
    metavar="MB", help="Refuse input files larger than this (an article is KBs).")


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one <slug>.json per article into this folder instead of printing JSON.")
@_max_input_size
def parse(inputs: tuple[str, ...], out_dir: Path | None, max_input_mb: float) -> None:
    """Parse articles (.txt .md .html .docx .json, or - for stdin) into briefs.

    With no INPUTS, the bundled seed articles are parsed. One article prints
    one JSON brief; several print a JSON list. A Word pack built by reportgen
    (and edited in Word) gives back one brief per article, as it now reads.
    """
    from .api import read_briefs
    from .export import json_bytes, output_path, unique_name, write_atomic
    from .ingest import input_name, read_input
    from .pipeline.inputs import crashed, inputs_in
    from .pipeline.run import prepare_folder
    from .resources import seed_paths
    from .slug import slugify

    limit = math.ceil(max_input_mb * 1024 * 1024)
    paths = list(inputs) or [str(path) for path in seed_paths()]
    briefs, failures, taken = [], 0, set()
    with _one_line_errors(out_dir):
        if out_dir is not None:
            prepare_folder(out_dir)
            taken = inputs_in(out_dir, paths)  # an input in the folder is never overwritten
    for path in paths:
        name = input_name(path)
        try:
            found = read_briefs(read_input(path, limit), name).briefs
        except InputError as error:
            _fail(str(error))
            failures += 1
            continue
        except Exception as error:  # noqa: BLE001 - one file's failure must not stop the others
            _fail(f"{name}: {crashed('read', error)}")
            failures += 1
            continue
        for brief in found:
            if out_dir is None:
                briefs.append(brief.to_dict())
                continue
            target = output_path(out_dir, unique_name(slugify(brief.id), ".json", taken))
            try:
                write_atomic(target, json_bytes(brief.to_dict()))
            except OSError as error:
                _fail(f"{target}: cannot be written ({error.strerror or error}); free some space or choose "
                      "another --out folder")
                failures += 1
                continue
            _STDOUT.line(str(target))
    if out_dir is None and briefs:
        _STDOUT.write(json_bytes(briefs[0] if len(briefs) == 1 and len(paths) == 1 else briefs))
    if failures:
        if len(paths) > 1:
            _fail(f"{failures} of {len(paths)} inputs failed")
        sys.exit(1)


def _project_defaults(ctx: click.Context, param: click.Parameter, given: Path | None) -> ProjectConfig:
    """``--config FILE``, else ./reportgen.toml: read first (the option is eager), its keys become the
    defaults of the options of the same name, so an option given on the command line wins. A file that
    cannot be used is one line and exit 1, before anything is built."""
    from .config import load_config

    try:
        config = load_config(given)
    except InputError as error:
        _fail(str(error))
        sys.exit(1)
    ctx.default_map = {**(ctx.default_map or {}), **config.values()}
    return config


_DEFAULT = BuildOptions()


# One click option per BuildOptions field, named as the field and defaulting to it (a reportgen.toml fills
# the same names); the options after --split say how this run goes, not what it builds.
@main.command()
@click.argument("inputs", nargs=-1, default=_DEFAULT.inputs, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--format", "-f", "formats", multiple=True, default=_DEFAULT.formats, show_default=True,
              metavar="FORMAT", help="Output format; repeat for several (see `reportgen formats`).")
@click.option("--lang", "-l", "langs", multiple=True, default=_DEFAULT.langs, metavar="LANG",
              help="Language of the pack (en, es), or auto for each article's own; repeat for several "
                   "(default: en, or the language a Word pack given back was built in).")
@click.option("--style", default=_DEFAULT.style, metavar="NAME|PATH",
              help="A built-in theme (see `reportgen styles`), a theme .toml file or a brand.yml file "
                   "(default: default, or the theme a Word pack given back was built with).")
@click.option("--title", default=_DEFAULT.title, callback=_cover_line,
              help="The pack's title, up to 500 characters (default: \"Briefing pack\"); also names the file.")
@click.option("--subtitle", default=_DEFAULT.subtitle, callback=_cover_line,
              help="The line under the title, up to 500 characters (default: counts of articles, experts, figures).")
@click.option("--date", default=_DEFAULT.date, metavar="YYYY-MM-DD",
              help="The pack's date (default: today, or SOURCE_DATE_EPOCH when set).")
@click.option("--out", default=_DEFAULT.out, show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the documents and manifest.json are written to.")
@click.option("--reference-docx", default=_DEFAULT.reference_docx, type=click.Path(dir_okay=False, path_type=Path),
              help="Word template whose styles, page setup and header/footer the .docx takes (as pandoc's).")
@click.option("--pack", is_flag=True, default=_DEFAULT.pack, flag_value=True,
              help="Write one pack of all articles (the default).")
@click.option("--split/--no-split", default=_DEFAULT.split, help="Write one document per article (with --pack: both).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core; 1 works serially).")
@click.option("--force", is_flag=True, help="Rebuild everything, even outputs manifest.json says are up to date.")
@_max_input_size
@click.option("--quiet", "-q", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("--verbose", "-v", is_flag=True, help="Name each input and output, with the parser's warnings.")
@click.option("--config", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE", is_eager=True,
              callback=_project_defaults,
              help="Project defaults for these options (default: ./reportgen.toml when there is one).")
@click.pass_context
def build(ctx: click.Context, jobs: int | None, force: bool, max_input_mb: float, quiet: bool, verbose: bool,
          config: ProjectConfig, **given: Any) -> None:
    """Build briefing packs from articles: files, folders, globs or - (the bundled seeds when none).

    Writes <title-slug>.<lang>.<ext> (by default briefing-pack.en.pdf) and
    manifest.json into --out and prints each document's path. A rerun skips
    documents whose inputs and options are unchanged. An article that cannot
    be used is reported and the rest is built; the exit status is then 1.
    Defaults come from ./reportgen.toml or --config FILE when there is one
    (see `reportgen init`); options given here win over it.
    """
    from .pipeline import build as run_build
    from .pipeline.resolve import BadOption, UnknownLanguage
    from .render import UnknownFormat

    if given["date"] is not None:
        _check_date(given["date"])
    if verbose:
        for note in config.notes:  # "reportgen.toml: out: ../shared is outside the project folder …"
            _fail(note)
    # --split alone (on the command line or in the file) writes only the articles' documents
    asked_for_pack = ctx.get_parameter_source("pack") is not ParameterSource.DEFAULT and given["pack"]
    options = BuildOptions(**{**given, "pack": asked_for_pack or not given["split"]})
    bars = _ProgressBars(enabled=not quiet and not verbose and sys.stderr.isatty())
    try:
        result = run_build(options=options, jobs=jobs, force=force, progress=bars.update,
                           max_input_bytes=math.ceil(max_input_mb * 1024 * 1024))
    except UnknownFormat as error:
        raise click.BadParameter(str(error), param_hint="--format") from None
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint="--lang") from None
    except BadOption as error:
        raise click.BadParameter(str(error), param_hint=f"--{error.option}") from None
    except InputError as error:
        _fail(str(error))
        sys.exit(1)
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM or SIGHUP
        bars.close()
        for failure in getattr(getattr(stop, "result", None), "errors", ()):
            _fail(f"{failure.path}: {failure.message}")
        _fail("interrupted; the documents already finished are whole and listed in manifest.json — "
              "run the same command again to build the rest")
        sys.exit(128 + getattr(stop, "signum", 2))
    finally:
        bars.close()
    for path, warnings in result.warnings.items():
        if verbose or (path == result.style and not quiet):  # a parser's doubts only when asked for
            for warning in warnings:
                _fail(f"{path}: warning: {warning}")
    for output in result.outputs:
        _STDOUT.line(str(output.path))
        if verbose:
            _fail(f"{output.path}: {'up to date' if output.skipped else 'built'}")
    for failure in result.errors:
        _fail(f"{failure.path}: {failure.message}")
    if not quiet:
        _fail(f"built {len(result.built)}, skipped {len(result.skipped)} (unchanged), failed {len(result.errors)}")
    if result.errors:
        sys.exit(1)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a project in FOLDER (default: here): a commented reportgen.toml and a copy of the default theme.

    `reportgen build` in FOLDER then builds with those defaults. Prints each
    file written. Nothing is ever overwritten: if any of the files exists,
    nothing is written and the exit status is 1.
    """
    from .config import init_project

    with _one_line_errors(folder, "choose another folder"):
        written = init_project(folder)
    for path in written:
        _STDOUT.line(str(path))


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--out", "out_dir", default="review", show_default=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder index.html and one page per article are written to.")
@click.option("--lang", "-l", "language", default="en", show_default=True, metavar="LANG",
              help="Language of the pages' labels (en, es).")
@_max_input_size
def review(inputs: tuple[str, ...], out_dir: Path, language: str, max_input_mb: float) -> None:
    """Write review pages: each article's source with what the parser found marked, beside its brief.

    INPUTS are files, folders, globs or - (the bundled seeds when none).
    Writes index.html (every article, worst first) and one page per article
    into --out and prints the index's path. An input that cannot be used is
    listed on the index and reported, the rest is written; the exit status
    is then 1.
    """
    from .pipeline.resolve import UnknownLanguage
    from .review import review as run_review

    try:
        with _one_line_errors(out_dir):
            result = run_review(inputs, out=out_dir, language=language,
                                max_input_bytes=math.ceil(max_input_mb * 1024 * 1024))
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint="--lang") from None
    _STDOUT.line(str(result.index))
    for failure in result.failures:
        _fail(f"{failure.path}: {failure.message}")
    if result.failures:
        _fail(f"reviewed {len(result.pages)}, failed {len(result.failures)}")
        sys.exit(1)


class _ProgressBars:
    """click's progress bar, one per build phase (parsing, rendering), on a terminal only."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar = None
        self.phase = ""

    def update(self, phase: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if phase != self.phase:
            self.close()
            self.phase = phase
            self.bar = click.progressbar(length=total, label=phase.ljust(9), file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.bar.pos)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@main.command()
def formats() -> None:
    """List the output formats, built-in and plugged in, with their file extension."""
    from .render import describe_formats

    rows = describe_formats()
    width = max(len(name) for name, _, _ in rows)
    for name, suffix, description in rows:
        _STDOUT.line(f"{name.ljust(width)}  {suffix:6}  {description}")


def _check_date(value: str) -> None:
    import datetime as dt

    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD", param_hint="--date") from None


@main.command()
def styles() -> None:
    """List the built-in themes, one line each (use one with `build --style NAME`)."""
    from .themes import builtin_themes

    themes = builtin_themes()
    width = max(len(theme.name) for theme in themes)
    for theme in themes:
        _STDOUT.line(f"{theme.name.ljust(width)}  {theme.description}")

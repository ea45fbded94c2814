"""The ``reportgen`` command: thin click commands over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .errors import InputError


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _fail(message: str) -> None:
    click.echo(f"reportgen: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="reportgen")
def main() -> None:
    """Turn policy and news articles into structured briefs and briefing packs."""


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write one <slug>.json per article into this folder instead of printing JSON.")
def parse(inputs: tuple[str, ...], out_dir: Path | None) -> None:
    """Parse articles (.txt .md .html .json, or - for stdin) into briefs.

    With no INPUTS, the bundled seed articles are parsed. One article prints
    one JSON brief; several print a JSON list.
    """
    from .api import parse_bytes, parse_file
    from .export import unique_name, write_atomic
    from .resources import seed_paths

    paths = list(inputs) or [str(path) for path in seed_paths()]
    briefs, failures, taken = [], 0, set()
    for path in paths:
        try:
            brief = parse_bytes(sys.stdin.buffer.read(), "<stdin>") if path == "-" else parse_file(path)
        except InputError as error:
            _fail(str(error))
            failures += 1
            continue
        if out_dir is None:
            briefs.append(brief.to_dict())
            continue
        target = out_dir / unique_name(brief.id, ".json", taken)
        write_atomic(target, _json_bytes(brief.to_dict()))
        click.echo(str(target))
    if out_dir is None and briefs:
        sys.stdout.buffer.write(_json_bytes(briefs[0] if len(briefs) == 1 and len(paths) == 1 else briefs))
    if failures:
        if len(paths) > 1:
            _fail(f"{failures} of {len(paths)} inputs failed")
        sys.exit(1)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path(dir_okay=True))
@click.option("--format", "-f", "formats", multiple=True, default=("pdf",), show_default=True, metavar="FORMAT",
              help="Output format; repeat for several. An unknown one lists the known formats.")
@click.option("--lang", "-l", "langs", multiple=True, default=("en",), show_default=True, metavar="LANG",
              help="Language of the pack (en, es), or auto for each article's own; repeat for several.")
@click.option("--style", default="default", show_default=True, metavar="NAME|PATH",
              help="A built-in theme (see `reportgen styles`) or a theme .toml file.")
@click.option("--title", help="The pack's title (default: \"Briefing pack\"); also names the file.")
@click.option("--subtitle", help="The line under the title (default: counts of articles, experts, figures).")
@click.option("--date", "pack_date", metavar="YYYY-MM-DD",
              help="The pack's date (default: today, or SOURCE_DATE_EPOCH when set).")
@click.option("--out", "out_dir", default="dist", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder the documents are written to.")
@click.option("--reference-docx", type=click.Path(dir_okay=False, path_type=Path),
              help="Word template whose styles, page setup and header/footer the .docx takes (as pandoc's).")
@click.option("--pack", "want_pack", is_flag=True, help="Write one pack of all articles (the default).")
@click.option("--split", is_flag=True, help="Write one document per article (with --pack: both).")
def build(inputs: tuple[str, ...], formats: tuple[str, ...], langs: tuple[str, ...], style: str, title: str | None, subtitle: str | None,
          pack_date: str | None, out_dir: Path, reference_docx: Path | None, want_pack: bool, split: bool) -> None:
    """Build briefing packs from articles (files or folders; the bundled seeds when none).

    Writes <title-slug>.<lang>.<ext> (by default briefing-pack.en.pdf) into
    --out and prints each path. An article that cannot be used is reported
    and skipped; the exit status is then 1.
    """
    from .build import UnknownLanguage
    from .build import build as run_build
    from .render import UnknownFormat

    if pack_date is not None:
        _check_date(pack_date)
    try:
        result = run_build(inputs, formats=formats, langs=langs, out=out_dir, style=style, title=title, subtitle=subtitle,
                           date=pack_date, pack=want_pack or not split, split=split, reference_docx=reference_docx)
    except UnknownFormat as error:
        raise click.BadParameter(str(error), param_hint="--format") from None
    except UnknownLanguage as error:
        raise click.BadParameter(str(error), param_hint="--lang") from None
    except InputError as error:
        _fail(str(error))
        sys.exit(1)
    for output in result.outputs:
        click.echo(str(output.path))
    for failure in result.errors:
        _fail(f"{failure.path}: {failure.message}")
    if result.errors:
        if not result.outputs:
            _fail("nothing was built")
        sys.exit(1)


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
        click.echo(f"{theme.name.ljust(width)}  {theme.description}")

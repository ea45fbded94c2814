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

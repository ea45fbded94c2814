"""A build's inputs: files, folders and globs collected (the bundled seeds when none), each read once.

Every input's bytes are read once (with their sha256, a manifest key's part)
and told what they are (``ingest.identify``: a build plans with a Word pack's
properties before parsing anything). A file that cannot be used is a
``Failure`` of its own, and the batch goes on. Files inside the output
folder are never read as inputs, and an input the folder holds is never
overwritten.
"""

from __future__ import annotations

import glob
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import InputError
from ..ingest import STDIN, SUFFIXES, InputKind, identify, input_name, read_input
from ..resources import seed_paths
from ..slug import printable


@dataclass(frozen=True)
class Failure:
    path: str
    message: str


@dataclass(frozen=True)
class Input:
    """One input as the build knows it before parsing: its name in messages, digest, bytes and kind."""

    path: str
    sha256: str
    data: bytes
    kind: InputKind


def crashed(action: str, error: BaseException) -> str:
    """The one message for reportgen's own failure on one file: the batch goes on, the user reports it."""
    return (f"could not be {action} ({type(error).__name__}: {printable(str(error))[:200]}); please report "
            "this with the input")


def read_inputs(given: Sequence[str], max_bytes: int, out: Path) -> tuple[list[Input], list[Failure]]:
    """Every input's bytes, named as messages print them (a name that is not UTF-8 shows escapes), and
    the failures: first of collecting, then of reading, in input order. Inputs are named as the user
    gave them; the bundled seeds (no input given) as ``seeds/<file>``, not where the package is installed."""
    paths, failures = collect_inputs(given, out)
    inputs = []
    for path in paths:
        try:
            data = read_input(path, max_bytes)
        except InputError as error:
            failures.append(Failure(printable(error.path), error.problem))
            continue
        name = f"seeds/{input_name(Path(path).name)}" if not given else input_name(path)
        inputs.append(Input(name, hashlib.sha256(data).hexdigest(), data, identify(data, name)))
    return inputs, failures


def collect_inputs(inputs: Sequence[str | Path], out: Path | None = None) -> tuple[list[str], list[Failure]]:
    """Files as given, folders recursed and globs expanded to article files; the seeds when none.

    One file named several ways (a link, ``./x``, an absolute path, twice) is
    listed once. Folders and globs never yield files inside ``out``: a build
    does not read its own outputs back.
    """
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


def inputs_in(folder: Path, paths: Iterable[str]) -> set[str]:
    """Names of the input files that sit in the output folder itself: taken, so never overwritten."""
    here = folder.resolve()
    return {Path(path).name for path in paths
            if path not in (STDIN, "<stdin>") and Path(os.path.abspath(path)).parent.resolve() == here}


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

"""Writing outputs: safe names, atomic writes.

A file appears whole or not at all: it is written to a temporary file in the
same folder and renamed over the target, so Ctrl-C or a crash never leaves a
half-written output behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one rename; the folder is created if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem + suffix``, or ``stem-2 + suffix``… when two outputs share a name."""
    name, counter = f"{stem}{suffix}", 2
    while name in taken:
        name, counter = f"{stem}-{counter}{suffix}", counter + 1
    taken.add(name)
    return name

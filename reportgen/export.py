"""Writing outputs: safe names, atomic writes, and the manifest that makes reruns incremental.

A file appears whole or not at all: it is written to a temporary file in the
same folder and renamed over the target, so Ctrl-C or a crash never leaves a
half-written output behind. ``manifest.json`` beside the outputs records, for
every output, the inputs and options it was made from (as one key), its
sha256 and the parser's warnings; a rerun skips an output whose key is
unchanged and whose file is still the one recorded.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

MANIFEST_NAME = "manifest.json"
_UMASK = os.umask(0o022)
os.umask(_UMASK)  # read once: outputs get the permissions a plain open() would give them
MANIFEST_SCHEMA = "reportgen.manifest/1"
_PART = ".part"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` in one rename; the folder is created if needed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=_PART, dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_UMASK)  # mkstemp makes 0600 files
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_stale_parts(folder: Path) -> None:
    """Delete temporary files a killed build left (their writer is gone); a running build's stay."""
    for part in folder.glob(f".*{_PART}"):
        pid = part.name.split(".")[-3] if part.name.count(".") >= 4 else ""
        if pid.isdigit() and not _alive(int(pid)):
            part.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is not ours
    return True


def unique_name(stem: str, suffix: str, taken: set[str]) -> str:
    """``stem + suffix``, or ``stem-2 + suffix``… when two outputs share a name."""
    name, counter = f"{stem}{suffix}", 2
    while name in taken:
        name, counter = f"{stem}-{counter}{suffix}", counter + 1
    taken.add(name)
    return name


def fingerprint(*parts: Any) -> str:
    """A stable key for inputs and options: the sha256 of their canonical JSON."""
    canonical = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Record:
    """One output as the manifest remembers it."""

    path: str  # relative to the output folder
    format: str
    language: str
    sha256: str
    key: str
    inputs: list[dict[str, str]] = field(default_factory=list)  # [{"path", "sha256"}]
    warnings: list[str] = field(default_factory=list)


class Manifest:
    """``manifest.json`` of one output folder."""

    def __init__(self, folder: Path, records: list[Record] | None = None) -> None:
        self.folder = folder
        self.records = {record.key: record for record in records or []}

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The folder's manifest; an absent or unreadable one is empty (everything is rebuilt)."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
            return cls(folder, [Record(**entry) for entry in data["outputs"]])
        except (OSError, ValueError, KeyError, TypeError):
            return cls(folder)

    def unchanged(self, key: str) -> Record | None:
        """The record of ``key`` if its file is still there and still the bytes recorded."""
        record = self.records.get(key)
        if record is None:
            return None
        try:
            data = (self.folder / record.path).read_bytes()
        except OSError:
            return None
        return record if hashlib.sha256(data).hexdigest() == record.sha256 else None

    def unchanged_group(self, slot_key: str) -> list[Record]:
        """Every output made from one planned slot (an ``auto`` pack makes one per language), if all unchanged."""
        group = [key for key in self.records if key.startswith(slot_key + ":")]
        kept = [self.unchanged(key) for key in group]
        return kept if group and all(kept) else []  # type: ignore[return-value]

    def write(self, records: list[Record], failures: list[dict[str, str]]) -> None:
        """This run's outputs and failures, plus other outputs still whole in the folder.

        The manifest is read again under a lock just before writing, so two
        builds into one folder each add their outputs instead of erasing the
        other's.
        """
        with _locked(self.folder):
            current = Manifest.load(self.folder)
            paths = {record.path for record in records}
            others = [kept for key, record in current.records.items()
                      if record.path not in paths and (kept := current.unchanged(key)) is not None]
            data = {
                "schema": MANIFEST_SCHEMA,
                "outputs": [asdict(record) for record in sorted(records + others, key=lambda r: r.path)],
                "failures": failures,
            }
            write_atomic(self.folder / MANIFEST_NAME,
                         (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the output folder itself (POSIX ``flock`` on its descriptor; elsewhere none)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock

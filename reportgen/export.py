"""Writing outputs: names kept inside the output folder, atomic writes, and the manifest.

A file appears whole or not at all: it is written to a temporary file in the
same folder and renamed over the target, so Ctrl-C or a crash never leaves a
half-written output behind. ``manifest.json`` beside the outputs records, for
every output, the inputs and options it was made from (as one key), its
sha256 and the parser's warnings; a rerun skips an output whose key is
unchanged and whose file is still the one recorded.

The output folder may be shared with other users, so nothing here follows a
symbolic link it did not make: temporary files and probes are created with
``O_EXCL`` under fresh random names, the manifest and recorded outputs are
read with ``O_NOFOLLOW``, and stale temporary files are removed only when
they are regular files of this user. A temporary file is created with mode
0666 for the kernel to narrow, so an output gets the permissions a plain
``open()`` would give it (the umask, or the folder's default ACL) and the
process umask is never read or changed.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import stat
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Mapping

from .errors import InputError
from .jobs import running
from .slug import printable

MANIFEST_NAME = "manifest.json"
MANIFEST_SCHEMA = "reportgen.manifest/1"
_LOCK_NAME = ".reportgen.lock"
_PART = ".part"
_MAX_MANIFEST_BYTES = 64 * 1024 * 1024
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | _NOFOLLOW
_NAME_TRIES = 100  # fresh random names tried before giving up; one collision is already unlikely


def output_path(folder: Path, name: str) -> Path:
    """``folder / name``, proven to stay in ``folder`` before anything is opened: ``name`` must be one
    plain file name (no separator, not ``.`` or ``..``), so the path resolves to an entry of the folder
    itself; a link already at that entry is replaced by the rename, never written through."""
    if not _plain_name(name):
        raise InputError(printable(str(folder / name)), "would be written outside the output folder; this is "
                                                        "a bug in a renderer's suffix or in reportgen — report it")
    return folder / name


FileIdentity = tuple[int, int, int, int]  # device, inode, size, modification time (ns): this very file, as written


def write_atomic(path: Path, data: bytes) -> FileIdentity:
    """Write ``data`` to ``path`` in one rename; the folder is created if needed. Returns the identity
    of the file written (``file_identity``): while ``path`` still has it, it holds ``data``.

    The temporary file is new (``O_EXCL``: a planted link is never followed)
    and the rename replaces a link at ``path`` rather than writing through it.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = _create_part(path.parent, path.name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            identity = _identity(os.fstat(stream.fileno()))
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return identity


def file_identity(path: Path) -> FileIdentity | None:
    """The identity of the regular file at ``path`` (not following a link), or None. Another writer's
    rename puts a new file (another inode) there, and writing in place changes its size or time."""
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return _identity(status) if stat.S_ISREG(status.st_mode) else None


def _identity(status: os.stat_result) -> FileIdentity:
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


def probe_writable(folder: Path) -> None:
    """Raise OSError unless a file can be created in ``folder`` (a fresh name, never a planted link)."""
    handle, probe = _create_part(folder, "reportgen-probe")
    os.close(handle)
    probe.unlink()


def _create_part(folder: Path, stem: str) -> tuple[int, Path]:
    """A new temporary file ``.<stem>.<pid>.<random>.part`` in ``folder``, open for writing.

    Mode 0666 is asked for and the kernel narrows it as for any new file, so
    nothing here needs the process umask (``mkstemp`` would make it 0600).
    The pid tells ``remove_stale_parts`` whether the writer still runs.
    """
    for _ in range(_NAME_TRIES):
        path = folder / f".{stem}.{os.getpid()}.{secrets.token_hex(4)}{_PART}"
        try:
            return os.open(path, _CREATE, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no unused temporary file name found", str(folder))


def remove_stale_parts(folder: Path) -> None:
    """Delete temporary files a killed build left (their writer is gone); a running build's stay.

    Only this user's regular files are removed: a link or another user's file
    named like a temporary one is left alone.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(_PART) and name.count(".") >= 4):
            continue
        pid = name.split(".")[-3]
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        mine = info.st_uid == (os.geteuid() if hasattr(os, "geteuid") else info.st_uid)
        if stat.S_ISREG(info.st_mode) and mine and pid.isdigit() and not running(int(pid)):
            Path(entry.path).unlink(missing_ok=True)


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
    return hashlib.sha256(canonical.encode("utf-8", "surrogateescape")).hexdigest()


def json_bytes(data: object) -> bytes:
    """Indented UTF-8 JSON; text holding a name that is not UTF-8 is written with ``\\u`` escapes."""
    try:
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data, indent=2) + "\n").encode("ascii")


def read_regular(path: Path, limit: int) -> bytes | None:
    """The bytes of ``path`` if it is a regular file (not a link, folder or pipe) of at most ``limit``
    bytes; else None."""
    stream = _open_regular(path)
    if stream is None:
        return None
    with stream:
        if os.fstat(stream.fileno()).st_size > limit:
            return None
        return stream.read(limit + 1)[:limit]


def _open_regular(path: Path) -> BinaryIO | None:
    """``path`` opened for reading if it is a regular file reached without following a link (a pipe is
    opened without waiting for a writer, then refused); else None."""
    try:
        descriptor = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        return None
    return os.fdopen(descriptor, "rb")


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

    @classmethod
    def from_dict(cls, entry: object) -> Record | None:
        """The record an entry of a manifest describes, or None for anything else (a hand-edited or
        planted manifest cannot name a file outside the folder)."""
        names = {item.name for item in fields(cls)}
        if not isinstance(entry, dict) or set(entry) != names:
            return None
        texts = all(isinstance(entry[name], str) for name in ("path", "format", "language", "sha256", "key"))
        inputs = isinstance(entry["inputs"], list) and all(
            isinstance(item, dict) and all(isinstance(v, str) for v in item.values()) for item in entry["inputs"])
        warnings = isinstance(entry["warnings"], list) and all(isinstance(w, str) for w in entry["warnings"])
        if not (texts and inputs and warnings) or not _plain_name(entry["path"]):
            return None
        return cls(**entry)


def _plain_name(name: str) -> bool:
    return name not in ("", ".", "..") and os.sep not in name and not (os.altsep and os.altsep in name) \
        and "\0" not in name


class Manifest:
    """``manifest.json`` of one output folder."""

    def __init__(self, folder: Path, records: list[Record] | None = None) -> None:
        self.folder = folder
        self.records = {record.key: record for record in records or []}
        self.verified: dict[str, FileIdentity] = {}  # by path: the files found to hold their records' bytes

    @classmethod
    def load(cls, folder: Path) -> Manifest:
        """The folder's manifest; an absent, unreadable or malformed one is empty (everything is rebuilt)."""
        raw = read_regular(folder / MANIFEST_NAME, _MAX_MANIFEST_BYTES)
        try:
            data = json.loads(raw.decode("utf-8")) if raw is not None else {}
            entries = data.get("outputs", []) if isinstance(data, dict) else []
        except (ValueError, RecursionError):
            return cls(folder)
        if not isinstance(entries, list):
            return cls(folder)
        return cls(folder, [record for entry in entries if (record := Record.from_dict(entry)) is not None])

    def unchanged(self, key: str) -> Record | None:
        """The record of ``key`` if its file is still there and still the bytes recorded."""
        record = self.records.get(key)
        return record if record is not None and self._holds(record) else None

    def _holds(self, record: Record, known: FileIdentity | None = None) -> bool:
        """Is ``record``'s file still the bytes recorded? One that still has the identity it had when this
        process wrote or read it (``known``) is; any other is read and hashed."""
        if known is not None and file_identity(self.folder / record.path) == known:
            return True
        stream = _open_regular(self.folder / record.path)
        if stream is None:
            return False
        digest = hashlib.sha256()
        with stream:
            identity = _identity(os.fstat(stream.fileno()))
            while chunk := stream.read(1024 * 1024):
                digest.update(chunk)
        if digest.hexdigest() != record.sha256:
            return False
        self.verified[record.path] = identity  # the file read (a rename meanwhile put another at the path)
        return True

    def unchanged_group(self, slot_key: str) -> list[Record]:
        """Every output made from one planned slot (an ``auto`` pack makes one per language), if all unchanged."""
        group = [key for key in self.records if key.startswith(slot_key + ":")]
        kept = [self.unchanged(key) for key in group]
        return kept if group and all(kept) else []  # type: ignore[return-value]

    def write(self, records: list[Record], failures: list[dict[str, str]],
              identities: Mapping[str, FileIdentity] | None = None) -> None:
        """This run's outputs and failures, plus other outputs still whole in the folder.

        Call it holding ``locked(folder)``: the manifest is read again just
        before writing, so two builds into one folder each add their outputs
        instead of erasing the other's. Each path keeps the record its file
        still matches (this run's first): when another build overwrote one of
        ours, its record wins. ``identities`` gives the identity of each file this
        run wrote (``write_atomic``'s) or found whole (``verified``), by path:
        one still in place is not read again. Raises OSError when it cannot be written.
        """
        identities = identities or {}
        current = Manifest.load(self.folder)
        kept: dict[str, Record] = {}
        for record in [*records, *current.records.values()]:
            if record.path not in kept and self._holds(record, identities.get(record.path)):
                kept[record.path] = record
        data = {
            "schema": MANIFEST_SCHEMA,
            "outputs": [asdict(record) for record in sorted(kept.values(), key=lambda r: r.path)],
            "failures": failures,
        }
        write_atomic(self.folder / MANIFEST_NAME, json_bytes(data))


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """An exclusive lock on the folder's manifest, held by one build at a time.

    POSIX ``flock`` on a lock file opened without following links; the holder
    removes it before releasing, and a waiter that then finds its file gone
    starts over, so no lock file is left behind (nor two holders at once).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = folder / _LOCK_NAME
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o666)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            current = os.stat(path, follow_symlinks=False).st_ino == os.fstat(descriptor).st_ino
        except FileNotFoundError:
            current = False
        except BaseException:
            os.close(descriptor)
            raise
        if current:
            break
        os.close(descriptor)
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        os.close(descriptor)  # closing releases the lock

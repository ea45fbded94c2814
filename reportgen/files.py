"""The one way reportgen reads a file it is given: regular files only, size checked before reading.

Articles, themes, brand files, configs, fonts and logos all come from users.
A named pipe or ``/dev/zero`` under an article's name would hang a build or
fill its memory, so every such file is opened without blocking, checked to be
a plain file on disk within its size limit, and read no further than that
limit (a file growing while it is read is caught too).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import InputError

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
_SPECIAL_FILES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
                  (stat.S_ISSOCK, "a socket"))


def size_text(limit: int) -> str:
    """A byte limit as people say it: 200 KB, 2 MB, 0.001 MB."""
    if limit < 1024 * 1024 and limit % 1024 == 0:
        return f"{limit // 1024} KB"
    return f"{limit / (1024 * 1024):.3g} MB"


def read_bounded(path: str | Path, limit: int, what: str, *, missing: str = "check the path",
                 too_large: str | None = None, head: int | None = None) -> bytes:
    """The bytes of the regular file ``path`` (only its first ``head`` bytes when given), or one
    InputError naming it: missing, unreadable, not a regular file, or larger than ``limit`` bytes.

    ``what`` names the file in messages ("theme file"); ``missing`` says what to do when it does not
    exist; ``too_large`` replaces the message for a file over the limit."""
    name = str(path)
    over = too_large or f"is larger than {size_text(limit)}, the limit for a {what}; check the file"
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise InputError(name, f"no such {what}; {missing}") from None
    except PermissionError:
        raise InputError(name, "permission denied; check the file's permissions") from None
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error}); check the path") from None
    try:
        mode = os.fstat(descriptor)
        if not stat.S_ISREG(mode.st_mode):
            if stat.S_ISDIR(mode.st_mode):
                raise InputError(name, f"is a folder; give the path of the {what} itself")
            kind = next((kind for test, kind in _SPECIAL_FILES if test(mode.st_mode)), "a special file")
            raise InputError(name, f"is {kind}, not a regular file; give the path of a {what} saved on disk")
        if mode.st_size > limit:
            raise InputError(name, over)
        wanted = limit + 1 if head is None else min(head, limit + 1)
        chunks, size = [], 0
        while size < wanted:
            chunk = os.read(descriptor, min(wanted - size, 1024 * 1024))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise InputError(name, f"cannot be read ({error.strerror or error}); check the file") from None
    finally:
        os.close(descriptor)
    if head is None and size > limit:
        raise InputError(name, over)
    return b"".join(chunks)

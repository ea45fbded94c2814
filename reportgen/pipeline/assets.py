"""A theme's files made portable: a job carries what a worker on another machine cannot read by path.

Renderers read a theme's fonts, logos and reference .docx by path. A worker
of this build's own pool shares this machine's disk, but a caller's executor
(a Dask cluster) may run jobs where the theme's folder does not exist. So the
client lists every file the theme names with its sha256 (``ThemeFiles``), and
the bytes of each one a worker cannot be sure to have: a user's theme files.
Built-in theme files travel by name only, since every reportgen installation
bundles them. A worker resolves each file once per process (``local_theme``):
the same path, else its own bundled copy, else the bytes written to a private
folder under the same file name — each checked against the digest, so a
document is never made from other bytes than the client's.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError
from ..resources import bundled_dir

if TYPE_CHECKING:
    from ..themes import FontFamily, Theme

_FONT_SLOTS = ("regular", "bold", "italic", "bold_italic")


@dataclass(frozen=True)
class ThemeFile:
    """One file a theme names, as the client read it."""

    path: str  # as the client's theme names it
    sha256: str
    bundled: str | None  # its path inside the bundled styles/, for a built-in theme's file
    data: bytes | None  # its bytes, when a worker may not have them


@dataclass(frozen=True)
class ThemeFiles:
    """A theme and every file it names: what a job needs to render with it anywhere."""

    theme: Theme
    files: tuple[ThemeFile, ...]


def theme_files(theme: Theme, carry_bytes: bool) -> ThemeFiles:
    """``theme`` with its files listed by digest; ``carry_bytes`` for workers that may not share this disk
    (a built-in file's bytes never travel: every installation has them)."""
    styles = bundled_dir("styles").resolve()
    files = []
    for path in dict.fromkeys(_named_paths(theme)):
        data = path.read_bytes()
        resolved = path.resolve()
        bundled = resolved.relative_to(styles).as_posix() if resolved.is_relative_to(styles) else None
        files.append(ThemeFile(str(path), hashlib.sha256(data).hexdigest(), bundled,
                               data if carry_bytes and bundled is None else None))
    return ThemeFiles(theme, tuple(files))


def local_theme(portable: ThemeFiles) -> Theme:
    """The theme with every file at a path of this process's machine holding the client's bytes.
    Raises InputError for a file this worker has neither by path nor by bytes."""
    local = {file.path: _local_path(file) for file in portable.files}
    if all(str(path) == name for name, path in local.items()):
        return portable.theme
    theme = portable.theme
    return replace(theme, logo_svg=_moved(theme.logo_svg, local), logo_png=_moved(theme.logo_png, local),
                   reference_docx=_moved(theme.reference_docx, local),
                   body_font=_moved_family(theme.body_font, local),
                   heading_font=_moved_family(theme.heading_font, local))


def _named_paths(theme: Theme) -> list[Path]:
    """Every file a renderer reads by path: logos, the reference .docx, each font slot of both families."""
    paths = [theme.logo_svg, theme.logo_png, theme.reference_docx,
             *(getattr(family, slot) for family in (theme.body_font, theme.heading_font) for slot in _FONT_SLOTS)]
    return [Path(path) for path in paths if path is not None]


def _moved(path: Path | None, local: dict[str, Path]) -> Path | None:
    return None if path is None else local[str(path)]


def _moved_family(family: FontFamily, local: dict[str, Path]) -> FontFamily:
    return replace(family, **{slot.name: local[str(getattr(family, slot.name))]
                              for slot in fields(family) if slot.name in _FONT_SLOTS})


_resolved: dict[tuple[str, str], Path] = {}  # (client path, sha256) → where this process found those bytes
_received: Path | None = None  # this process's folder for files that came as bytes


def _local_path(file: ThemeFile) -> Path:
    """Where this process reads ``file``: decided once per process and file."""
    key = (file.path, file.sha256)
    if key not in _resolved:
        _resolved[key] = _find(file)
    return _resolved[key]


def _find(file: ThemeFile) -> Path:
    candidates = [Path(file.path)]
    if file.bundled is not None:
        candidates.append(bundled_dir("styles") / file.bundled)
    for candidate in candidates:
        if _holds(candidate, file.sha256):
            return candidate
    if file.data is None:
        raise InputError(file.path, "is not on this worker (or holds other bytes than the client's); install "
                                    "the client's reportgen version on every worker")
    folder = _received_folder() / file.sha256
    folder.mkdir(exist_ok=True)
    path = folder / Path(file.path).name  # the same file name: a Word picture keeps its name
    path.write_bytes(file.data)
    return path


def _holds(path: Path, sha256: str) -> bool:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def _received_folder() -> Path:
    global _received
    if _received is None:
        _received = Path(tempfile.mkdtemp(prefix="reportgen-theme-"))
        atexit.register(shutil.rmtree, _received, True)
    return _received

"""Files that ship with reportgen: the bundled seed articles and built-in themes.

In a wheel they live inside the package (``reportgen/_bundled``); in a source
checkout they are the repository's own ``seeds/`` and ``styles/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """The folder ``name`` ("seeds" or "styles") of this installation."""
    installed = _PACKAGE / "_bundled" / name
    return installed if installed.is_dir() else _PACKAGE.parent / name


def seed_paths() -> list[Path]:
    """The bundled seed articles, the default input of ``reportgen``."""
    return sorted(path for path in bundled_dir("seeds").iterdir() if path.is_file())

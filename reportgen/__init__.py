"""reportgen: articles in, structured briefs and briefing packs out.

    >>> import reportgen
    >>> brief = reportgen.parse_file("seeds/002_59e2135276225d3c.txt")
    >>> brief.experts[0].name
    'Maria Rodriguez'
"""

from typing import Any

__version__ = "0.1.0"  # before the imports: modules below read it

from .api import parse_bytes, parse_file, read_briefs  # noqa: E402
from .config import BuildOptions
from .errors import InputError
from .model import Brief, Expert, Pack, SourceInfo, Statistic
from .resources import seed_paths

__all__ = [
    "Brief", "BuildOptions", "BuildResult", "Expert", "InputError", "Pack", "SourceInfo", "Statistic",
    "build", "parse_bytes", "parse_file", "read_briefs", "seed_paths",
]


def __getattr__(name: str) -> Any:
    """``build`` and ``BuildResult`` load the build pipeline on first use, so ``import reportgen`` stays light."""
    if name in ("build", "BuildResult"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'reportgen' has no attribute {name!r}")

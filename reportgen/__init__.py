"""reportgen: articles in, structured briefs and briefing packs out.

    >>> import reportgen
    >>> brief = reportgen.parse_file("seeds/002_59e2135276225d3c.txt")
    >>> brief.experts[0].name
    'Maria Rodriguez'
"""

from .api import parse_bytes, parse_file
from .errors import InputError
from .model import Brief, Expert, Pack, SourceInfo, Statistic
from .resources import seed_paths

__all__ = [
    "Brief", "Expert", "InputError", "Pack", "SourceInfo", "Statistic",
    "parse_bytes", "parse_file", "seed_paths",
]
__version__ = "0.1.0"

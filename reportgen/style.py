"""What ``--style`` names → the Theme a pack is drawn with: a built-in theme, a theme .toml file or a brand.yml.

The one place that tells the two kinds of file apart. ``brand`` builds a
brand.yml on top of ``themes`` (the built-in default theme, the shared
reader), so ``themes`` cannot hand a brand.yml to ``brand`` without the two
importing each other; this module imports both, and neither imports it.
"""

from __future__ import annotations

from pathlib import Path

from .themes import Theme, load_theme

_BRAND_SUFFIXES = (".yml", ".yaml")


def load_style(spec: str | Path) -> Theme:
    """The theme ``spec`` names: a brand.yml path (.yml/.yaml), else a built-in name or a .toml path."""
    path = Path(spec)
    if path.suffix.lower() not in _BRAND_SUFFIXES:
        return load_theme(spec)
    from .brand import load_brand  # YAML is loaded only for a brand.yml: most builds use a theme

    return load_brand(path)

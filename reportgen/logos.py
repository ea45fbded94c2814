"""A theme's logo in the form each writer takes, from whichever file the theme gives (SVG, PNG or both).

The PDF cover draws an SVG as vectors (``render.pdf.page``) or a PNG as an
image; Word takes only a raster picture, so an SVG-only logo is rasterized
here, locally: resvg (a self-contained wheel) renders the *sanitized* SVG
(``render.svg.safe_svg``: nothing outside the file is ever read), with
reportgen's bundled fonts only, so a logo's text looks the same on every
machine. reportlab's own rasterizer is no option: reportlab 5 renders bitmaps
only through pycairo, which needs the cairo library and a compiler to install.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
import threading
from io import BytesIO
from pathlib import Path

from .errors import InputError
from .files import read_bounded
from .resources import bundled_dir
from .themes import MAX_LOGO_BYTES, Theme, png_size

WORD_DPI = 300  # print resolution for the Word cover's logo
MAX_ASPECT = 20.0  # how many times wider than tall (or the reverse) a logo may be rasterized
_LENGTH = re.compile(r"\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|pt|pc|in|cm|mm|)\s*")
_rasters: dict[tuple[str, int], bytes] = {}  # (sanitized SVG's SHA-256, height in pixels) → PNG, this process
_rasters_lock = threading.Lock()


def word_logo(theme: Theme, height_mm: float) -> str | BytesIO | None:
    """The logo for Word's ``add_picture``: the theme's PNG file (by path, named as the user named it),
    else its SVG rasterized at WORD_DPI for ``height_mm``; None without a logo."""
    if theme.logo_png is not None:
        return str(theme.logo_png)
    if theme.logo_svg is None:
        return None
    return BytesIO(svg_as_png(theme.logo_svg, round(height_mm / 25.4 * WORD_DPI)))


def html_logo(theme: Theme) -> str | None:
    """The logo as a ``data:`` URI for the HTML cover's ``<img>``: the sanitized SVG, else the PNG."""
    from .render.svg import data_uri, safe_svg

    if theme.logo_svg is not None:
        return data_uri(safe_svg(theme.logo_svg))
    if theme.logo_png is None:
        return None
    png = read_bounded(theme.logo_png, MAX_LOGO_BYTES, "PNG image")
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def png_logo_size(path: Path) -> tuple[int, int]:
    """(width, height) in pixels of a PNG logo, read from its header (checked when the theme loaded)."""
    size = png_size(read_bounded(path, MAX_LOGO_BYTES, "PNG image", head=24))
    if size is None:
        raise InputError(str(path), "is not a PNG image; give a .png file")
    return size


def svg_as_png(path: Path, height: int) -> bytes:
    """The SVG logo at ``path``, sanitized, as a PNG ``height`` pixels tall; rendered once per process
    for each content and height."""
    from .render.svg import safe_svg

    svg = safe_svg(path)
    key = (hashlib.sha256(svg).hexdigest(), height)
    with _rasters_lock:
        if key in _rasters:
            return _rasters[key]
    png = _rasterized(path, svg, height)
    with _rasters_lock:
        return _rasters.setdefault(key, png)


def _rasterized(path: Path, svg: bytes, height: int) -> bytes:
    import resvg_py

    fonts = bundled_dir("styles") / "fonts"
    try:
        return bytes(resvg_py.svg_to_bytes(svg_string=_sized(svg, height).decode("utf-8"), skip_system_fonts=True,
                                           font_dirs=[str(fonts)], font_family="DejaVu Sans",
                                           sans_serif_family="DejaVu Sans", serif_family="DejaVu Serif"))
    except (ValueError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"the logo cannot be drawn as a picture for Word ({error}); fix it, or give "
                                    "a PNG of it beside it") from None
    except _Unbounded as error:
        raise InputError(str(path), f"the logo {error}; give a logo at most {MAX_ASPECT:g} times wider than tall "
                                    "or the reverse, or a PNG of it beside it") from None


class _Unbounded(Exception):
    """An SVG whose picture would be too long or thin to render."""


def _sized(svg: bytes, height: int) -> bytes:
    """The SVG with its root set to ``height`` pixels tall and as wide as its viewBox says (else its
    width and height, else 100 × 100 as SVG viewers take it): resvg renders it at that size exactly,
    and a logo drawn a billion times wider than tall is refused rather than rendered."""
    from lxml import etree

    root = etree.fromstring(svg, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        width, height_given = (float(box[2]), float(box[3])) if len(box) == 4 else (
            _pixels(root.get("width")), _pixels(root.get("height")))
    except ValueError:
        width, height_given = 100.0, 100.0
    if len(box) != 4:
        root.set("viewBox", f"0 0 {width:g} {height_given:g}")
    aspect = width / height_given if width > 0 and height_given > 0 else math.nan
    if not 1 / MAX_ASPECT <= aspect <= MAX_ASPECT:
        raise _Unbounded(f"is {width:g} × {height_given:g} units")
    root.set("width", str(max(round(height * aspect), 1)))
    root.set("height", str(height))
    return etree.tostring(root)


_UNITS = {"": 1.0, "px": 1.0, "pt": 4 / 3, "pc": 16.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def _pixels(length: str | None) -> float:
    """An SVG length (``64``, ``2in``, ``12mm``) in CSS pixels; ValueError for none, ``%`` or ``em``."""
    match = _LENGTH.fullmatch(length or "")
    if match is None:
        raise ValueError(length)
    return float(match.group(1)) * _UNITS[match.group(2)]

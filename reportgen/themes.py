"""Theme files → Theme: a brand's colours, fonts, logo, page and texts, validated.

A theme is one TOML file (``styles/*.toml`` are the built-ins). Everything it
names — fonts, logo — is a path relative to the file and must stay inside its
folder. Loading checks every key, so a typo or a missing font is one clear
error naming the file, the key and what is allowed, before anything renders.
Keys a theme leaves out take the defaults below.
"""

from __future__ import annotations

import re
import struct
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .contrast import readable_on
from .errors import InputError, shown
from .files import read_bounded, size_text
from .resources import bundled_dir

COLOR_ROLES = ("primary", "accent", "text", "muted", "rule", "stripe", "shade", "paper")
FONT_SLOTS = ("regular", "bold", "italic", "bold_italic")
SIZE_ROLES = ("body", "small", "h1", "h2", "h3", "title", "figure")
TEXT_KEYS = ("brand_line", "footer", "disclaimer")
PAGE_SIZES = ("A4", "Letter")
COVERS = ("band", "rule", "panel")
MAX_SETTINGS_BYTES = 200 * 1024  # a theme, brand file or project config is a page of settings
MAX_FONT_BYTES = 20 * 1024 * 1024  # a TrueType font with wide coverage is a few MB
MAX_LOGO_BYTES = 2 * 1024 * 1024  # a logo is tens of KB
MAX_SVG_SHAPES = 20_000  # what an SVG logo draws once every <use> is expanded
MAX_LOGO_PIXELS = 4096 * 4096  # a PNG logo decoded: 2 MB of PNG could otherwise unpack to gigabytes
# The longest each text may be, in characters: a footer or brand line is one line on a page.
MAX_TEXT_LENGTHS = {"name": 80, "description": 300, "brand.name": 120, "brand_line": 300, "footer": 300,
                    "disclaimer": 2000}

_DEFAULT_COLORS = {
    "primary": "#1F3A5F", "accent": "#C8553D", "text": "#222222", "muted": "#6B7280",
    "rule": "#C9D3DF", "stripe": "#F3F6FA", "shade": "#EEF2F7", "paper": "#FFFFFF",
}
_DEFAULT_SIZES = {"body": 9.5, "small": 7.5, "h1": 17.0, "h2": 12.0, "h3": 10.5, "title": 28.0, "figure": 20.0}
_DEFAULT_FONT_FILES = {
    "regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf",
    "italic": "DejaVuSans-Oblique.ttf", "bold_italic": "DejaVuSans-BoldOblique.ttf",
}
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


@dataclass(frozen=True)
class FontFamily:
    """Four TrueType files; ``name`` is how renderers register the family."""

    name: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class ThemeTexts:
    brand_line: str | None = None
    footer: str | None = None
    disclaimer: str | None = None


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    path: Path | None
    brand: str
    logo_svg: Path | None
    logo_png: Path | None
    colors: dict[str, str]
    body_font: FontFamily
    heading_font: FontFamily
    sizes: dict[str, float]
    page_size: str
    margins_mm: tuple[float, float, float, float]  # top, right, bottom, left
    cover: str
    texts: dict[str, ThemeTexts]
    reference_docx: Path | None = None  # a Word template whose styles and page setup the DOCX takes
    warnings: tuple[str, ...] = ()  # what the theme file says that reportgen does not use (brand.yml keys)

    @property
    def accent_text(self) -> str:
        """The accent for text (a source line, "THE QUESTION"): the theme's accent, darkened where it
        would read below WCAG AA on the paper or the shaded boxes it is printed on."""
        return readable_on(self.colors["accent"], (self.colors["paper"], self.colors["shade"]))

    def color(self, role: str) -> str:
        """``#RRGGBB`` of a colour role: one the theme gives, or ``accent_text``, derived from them."""
        return self.accent_text if role == "accent_text" else self.colors[role]

    def texts_for(self, language: str) -> ThemeTexts:
        """The theme's texts in ``language``, else English, else none."""
        return self.texts.get(language) or self.texts.get("en") or ThemeTexts()


@lru_cache(maxsize=32)
def family_name(path: Path) -> str:
    """The family name a TrueType file declares ("DejaVu Sans"): how Word and CSS look a font up.

    Read from the file's ``name`` table as reportlab reads it, without importing reportlab (a Word
    or HTML build does not need it) or parsing the whole font; a file this reader does not expect
    (a collection, a table it cannot follow) is left to reportlab's parser."""
    try:
        return _declared_family(path.read_bytes())
    except (OSError, LookupError, UnicodeDecodeError, struct.error):
        pass
    from reportlab.pdfbase.ttfonts import TTFontFile

    name = TTFontFile(str(path)).familyName
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else name


# (platform, encoding, language) of the name records reportlab reads, and their text encoding.
_NAME_RECORDS = {(3, 1, 0x409): "utf_16_be", (1, 0, 0): "mac_roman"}


def _declared_family(font: bytes) -> str:
    """Name 1 (family) of a TrueType file, else its PostScript name (6, then 4) with spaces as
    hyphens: the first English Windows or Macintosh record of each, as reportlab takes them."""
    if font[:4] not in (b"\x00\x01\x00\x00", b"true"):
        raise LookupError("not a single TrueType font")
    (tables,) = struct.unpack_from(">H", font, 4)
    directory = {font[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">I", font, 20 + 16 * i)[0] for i in range(tables)}
    table = directory[b"name"]
    table_format, records, strings = struct.unpack_from(">HHH", font, table)
    if table_format != 0:
        raise LookupError("name table format")
    names: dict[int, str] = {}
    for record in range(records):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", font, table + 6 + 12 * record)
        codec = _NAME_RECORDS.get((platform, encoding, language))
        if codec is None or name_id not in (1, 4, 6) or name_id in names:
            continue
        start = table + strings + offset
        if codec == "utf_16_be" and length % 2:
            raise LookupError("odd UTF-16 name")
        text = font[start:start + length].decode(codec)
        if text:
            names[name_id] = text
    family = names.get(1) or (names.get(6) or names.get(4) or "").replace(" ", "-")
    if not family:
        raise LookupError("no name")
    return family


def builtin_themes() -> list[Theme]:
    """Every theme shipped in ``styles/``, by name."""
    return [load_theme(path) for path in sorted(bundled_dir("styles").glob("*.toml"))]


def load_theme(spec: str | Path) -> Theme:
    """The theme named ``spec`` (a built-in name) or at ``spec`` (a .toml path); ``style.load_style``
    also takes a brand.yml."""
    path = Path(spec)
    builtin = bundled_dir("styles") / f"{spec}.toml"
    # A built-in's bare name ("default", the default) means the built-in even where the working folder
    # holds a folder or file of that name: a user who gave no --style must not be read a folder.
    if not path.suffix and (not path.exists() or (len(path.parts) == 1 and builtin.is_file())):
        path = builtin
        if not path.is_file():
            names = ", ".join(sorted(p.stem for p in bundled_dir("styles").glob("*.toml")))
            raise InputError(str(spec), f"no such theme; the built-in themes are {names}, or give the path of a .toml theme or a brand.yml file")
    text = read_settings(path, "theme file", "a theme", ".toml")
    try:
        data = loads_toml(text, path)
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), f"is not valid TOML ({error}); fix the syntax") from None
    return _TomlReader(path).theme(data)


def read_settings(path: Path, name: str, read_as: str, suffix: str, missing: str = "check the path") -> str:
    """The text of a settings file (theme, brand, project config), or one InputError saying why not."""
    data = read_bounded(path, MAX_SETTINGS_BYTES, name, missing=missing)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(str(path), f"cannot be read as {read_as} ({error}); give a UTF-8 {suffix} file") from None


def loads_toml(text: str, path: Path) -> dict[str, Any]:
    """``text`` parsed as TOML (a ``TOMLDecodeError`` is the caller's to word); arrays or tables nested
    past what the parser can follow are one InputError, not a RecursionError."""
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise InputError(str(path), "nests arrays or tables hundreds of levels deep; a settings file needs "
                                    "three — check the file") from None


class ThemeReader:
    """What reading any theme file takes, a TOML theme or a brand.yml (``brand.py``): errors that
    name the file and the key, the files it names checked, and warnings for what packs leave out."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.folder = path.resolve().parent
        self.warnings: dict[str, None] = {}  # what the theme says that packs leave out: ordered, once each

    def fail(self, key: str, problem: str) -> InputError:
        return InputError(str(self.path), f"{key}: {problem}")

    def asset(self, relative: Any, key: str, kind: str) -> Path:
        """The file a theme key names, checked: inside the theme's folder, a regular file within its size
        limit, and the kind of file it should be; what an SVG logo names outside itself is a warning."""
        if not isinstance(relative, str):
            raise self.fail(key, "must be a path relative to the theme file")
        path = (self.folder / relative).resolve()
        if not path.is_relative_to(self.folder):
            raise self.fail(key, f"{relative} is outside the theme's folder; put the {kind} beside the theme")
        if not path.exists():
            raise self.fail(key, f"{relative} does not exist; give a {kind} file relative to the theme")
        limit = MAX_FONT_BYTES if kind == "TrueType font" else MAX_LOGO_BYTES
        try:
            data = read_bounded(path, limit, kind, head=None if kind == "SVG image" else _PNG_HEAD,
                                too_large=f"is larger than {size_text(limit)}; give a smaller {kind}")
        except InputError as error:
            raise self.fail(key, f"{relative} {error.problem}") from None
        problem, outside = _svg_check(data) if kind == "SVG image" else (_head_problem(kind, data), None)
        if problem:
            raise self.fail(key, f"{relative} {problem}")
        if outside:
            self.warnings[f"{key}: {relative} {outside}"] = None
        return path


class _TomlReader(ThemeReader):
    """Validates one TOML theme's table, key by key."""

    def table(self, data: Any, key: str, allowed: tuple[str, ...] | None) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key, "must be a table")
        if allowed is not None:
            for name in data:
                if name not in allowed:
                    label = name if len(name) <= 40 else shown(name)
                    raise self.fail(f"{key}.{label}" if key else label, f"unknown key; allowed here: {', '.join(allowed)}")
        return data

    def string(self, data: dict[str, Any], key: str, where: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}{key}", "must be a string")
        limit = MAX_TEXT_LENGTHS.get(f"{where}{key}") or MAX_TEXT_LENGTHS[key]  # brand.name, else by key
        if len(value) > limit:
            raise self.fail(f"{where}{key}", f"is {len(value):,} characters long; give at most {limit:,}")
        control = _CONTROL.search(value)
        if control:
            raise self.fail(f"{where}{key}", f"holds the control character U+{ord(control.group()):04X}; "
                                             "remove it")
        return value

    def theme(self, data: dict[str, Any]) -> Theme:
        top = self.table(data, "", ("name", "description", "brand", "colors", "fonts", "page", "texts", "cover"))
        brand = self.table(top.get("brand", {}), "brand", ("name", "logo", "logo_png"))
        page = self.table(top.get("page", {}), "page", ("size", "margins_mm"))
        cover = top.get("cover", "band")
        if cover not in COVERS:
            raise self.fail("cover", f"is {shown(cover)}; allowed: {', '.join(COVERS)}")
        return Theme(
            name=self.string(top, "name", "") or self.path.stem,
            description=self.string(top, "description", "") or "",
            path=self.path,
            brand=self.string(brand, "name", "brand.") or "reportgen",
            logo_svg=self.asset(brand["logo"], "brand.logo", "SVG image") if "logo" in brand else None,
            logo_png=self.asset(brand["logo_png"], "brand.logo_png", "PNG image") if "logo_png" in brand else None,
            colors=self.colors(top.get("colors", {})),
            body_font=self.font_family(top.get("fonts", {}), "body"),
            heading_font=self.font_family(top.get("fonts", {}), "heading"),
            sizes=self.sizes(top.get("fonts", {})),
            page_size=self.page_size(page),
            margins_mm=self.margins(page),
            cover=cover,
            texts=self.texts(top.get("texts", {})),
            warnings=tuple(self.warnings),
        )

    def colors(self, data: Any) -> dict[str, str]:
        colors = dict(_DEFAULT_COLORS)
        for role, value in self.table(data, "colors", COLOR_ROLES).items():
            if not isinstance(value, str) or not _COLOR.fullmatch(value):
                raise self.fail(f"colors.{role}", f"is {shown(value)}; give a colour as #RRGGBB")
            colors[role] = value.upper()
        return colors

    def font_family(self, fonts: Any, role: str) -> FontFamily:
        fonts = self.table(fonts, "fonts", ("body", "heading", "sizes"))
        if role not in fonts:
            if role == "heading" and "body" in fonts:
                return self.font_family(fonts, "body")
            bundled = bundled_dir("styles") / "fonts"
            return FontFamily("DejaVuSans", **{slot: bundled / name for slot, name in _DEFAULT_FONT_FILES.items()})
        family = self.table(fonts[role], f"fonts.{role}", FONT_SLOTS)
        missing = [slot for slot in FONT_SLOTS if slot not in family]
        if missing:
            raise self.fail(f"fonts.{role}", f"lacks {', '.join(missing)}; give all of {', '.join(FONT_SLOTS)}")
        files = {slot: self.asset(family[slot], f"fonts.{role}.{slot}", "TrueType font") for slot in FONT_SLOTS}
        return FontFamily(files["regular"].stem.split("-")[0], **files)

    def sizes(self, fonts: Any) -> dict[str, float]:
        sizes = dict(_DEFAULT_SIZES)
        for role, value in self.table(fonts.get("sizes", {}), "fonts.sizes", SIZE_ROLES).items():
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 5 <= value <= 72:
                raise self.fail(f"fonts.sizes.{role}", f"is {shown(value)}; give a size in points from 5 to 72")
            sizes[role] = float(value)
        return sizes

    def page_size(self, page: dict[str, Any]) -> str:
        size = page.get("size", "A4")
        if size not in PAGE_SIZES:
            raise self.fail("page.size", f"is {shown(size)}; allowed: {', '.join(PAGE_SIZES)}")
        return size

    def margins(self, page: dict[str, Any]) -> tuple[float, float, float, float]:
        margins = page.get("margins_mm", [20, 18, 20, 18])
        if not (isinstance(margins, list) and len(margins) == 4
                and all(isinstance(m, (int, float)) and not isinstance(m, bool) and 8 <= m <= 60 for m in margins)):
            raise self.fail("page.margins_mm", f"is {shown(margins)}; give [top, right, bottom, left] in mm, each 8 to 60")
        return tuple(float(m) for m in margins)  # type: ignore[return-value]

    def texts(self, data: Any) -> dict[str, ThemeTexts]:
        texts = {}
        for language, entries in self.table(data, "texts", None).items():
            if not re.fullmatch(r"[a-z]{2,3}", language):
                raise self.fail("texts", f"{shown(language)} is not a language code; use e.g. texts.en, texts.es")
            entries = self.table(entries, f"texts.{language}", TEXT_KEYS)
            texts[language] = ThemeTexts(**{key: self.string(entries, key, f"texts.{language}.") for key in TEXT_KEYS})
        return texts


_KIND_HINTS = {
    "TrueType font": "give a .ttf file (reportlab embeds TrueType outlines, not CFF/.otf or web fonts)",
    "PNG image": "give a .png file",
}
_PNG_HEAD = 24  # signature, IHDR's length and type, width and height
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # what a text may not hold: tab and newline are fine
_SVG_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)|@import", re.IGNORECASE)  # a reference to anything but a part
_INSIDE = re.compile(r"\s*(#|data:image/)", re.IGNORECASE)  # what an href may name: a part, a carried picture


def _head_problem(kind: str, head: bytes) -> str | None:
    """A cheap check of a font's or PNG's first bytes, so a wrong file fails here, not mid-render;
    a PNG's header also gives its size, which must stay within MAX_LOGO_PIXELS once decoded."""
    if kind == "TrueType font":
        return None if head[:4] in (b"\x00\x01\x00\x00", b"true") else f"is not a {kind}; {_KIND_HINTS[kind]}"
    size = png_size(head)
    if size is None:
        return f"is not a {kind}; {_KIND_HINTS[kind]}"
    width, height = size
    if not 0 < width * height <= MAX_LOGO_PIXELS:
        return f"is {width:,} × {height:,} pixels; give a PNG of at most {MAX_LOGO_PIXELS:,} pixels"
    return None


def png_size(head: bytes) -> tuple[int, int] | None:
    """(width, height) in pixels from a PNG's first 24 bytes (its IHDR chunk), or None if not a PNG."""
    if len(head) < _PNG_HEAD or not head.startswith(b"\x89PNG\r\n\x1a\n") or head[12:16] != b"IHDR":
        return None
    width, height = struct.unpack_from(">II", head, 16)
    return width, height


def _svg_check(data: bytes) -> tuple[str | None, str | None]:
    """``(why the SVG logo is refused, what in it points outside)``. Refused: a file that is not
    well-formed SVG, or whose ``<use>`` references loop or multiply past MAX_SVG_SHAPES (svglib
    expands them all). Pointing outside — an ``href`` that is not ``#id`` or a ``data:image``, a
    ``url()`` that is not ``url(#id)``, an ``@import``, entity declarations — is reported rather
    than refused: renderers draw the logo from ``render.svg.safe_svg``, which leaves those out, and
    the user is told what the packs will not show. Parsed strictly, without entities or network."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return f"is not a SVG image ({error}); give an .svg file", None
    if not isinstance(root.tag, str) or etree.QName(root).localname != "svg":
        return "is not a SVG image; give an .svg file", None
    outside: list[str] = []
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        outside.append("XML entities")
    targets: dict[str, Any] = {}
    for element in root.iter(tag=etree.Element):
        tag = etree.QName(element).localname
        for name, value in element.attrib.items():
            attribute = etree.QName(name).localname
            if (attribute == "href" and not _INSIDE.match(value)) or _SVG_URL.search(value):
                outside.append(f"{shown(value)} (<{tag} {attribute}>)")
        if tag == "style" and _SVG_URL.search(element.text or ""):
            outside.append("another file (<style>)")
        if element.get("id") is not None:
            targets[element.get("id")] = element
    refused = _use_problem(root, targets)
    if refused or not outside:
        return refused, None
    more = f" and {len(outside) - 1} more" if len(outside) > 1 else ""
    return None, (f"refers to {outside[0]}{more} outside itself, which packs leave out; a logo draws only its own "
                  "parts (#id) and data:image pictures — save it with images embedded")


def _use_problem(root: Any, targets: dict[str, Any]) -> str | None:
    """Does expanding every ``<use>`` loop, or draw more than MAX_SVG_SHAPES elements? Counted
    bottom-up without recursion: a chain of uses may be as long as the file."""
    from lxml import etree

    def parts(element: Any) -> list[Any]:
        found = [child for child in element if isinstance(child.tag, str)]
        href = element.get("href", element.get("{http://www.w3.org/1999/xlink}href", ""))
        if etree.QName(element).localname == "use" and href[1:] in targets:
            found.append(targets[href[1:]])
        return found

    drawn: dict[Any, int] = {}
    entered: set[Any] = set()
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        element, finished = stack.pop()
        if finished:
            entered.discard(element)
            drawn[element] = 1 + sum(drawn[part] for part in parts(element))
            if drawn[element] > MAX_SVG_SHAPES:
                return (f"draws more than {MAX_SVG_SHAPES:,} shapes once its <use> references are expanded; "
                        "give a simpler logo")
        elif element in entered:
            return "has a <use> that ends up using itself; break the loop"
        elif element not in drawn:
            entered.add(element)
            stack.append((element, True))
            stack.extend((part, False) for part in parts(element) if part not in drawn)
    return None

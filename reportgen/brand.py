"""brand.yml files → Theme: an organization's one brand description (Quarto's ``_brand.yml``) for every format.

`brand.yml <https://posit-dev.github.io/brand-yml/>`_ describes a brand once
for Quarto, Shiny and the like; ``--style path/to/_brand.yml`` applies it to
reportgen's packs. The file becomes the same ``Theme`` a TOML theme does, on
top of the built-in ``default`` theme: page, margins, cover layout, sizes, the
line under the brand's name and the disclaimer (in each language) come from
it; the footer is the brand's name. How the keys map:

``meta.name``
    a string, or ``{short, full}``: the brand's name on the cover and in the
    running header (``full`` when given, else ``short``).
``color``
    ``primary`` → primary (when absent: ``typography.headings.color``);
    ``secondary``, else ``tertiary`` → accent (when neither: primary);
    ``foreground`` → text; ``background`` → paper. A value is ``#RRGGBB``,
    ``#RGB``, a ``color.palette`` name or another role's name (``link:
    primary``); other CSS colour forms are refused. Roles the brand leaves out
    keep the default theme's colours. reportgen's own muted, rule, stripe and
    shade are palette entries of those names when the brand has them, else
    mixed: muted is 65% text + 35% paper (grey text that still reads), rule
    25% primary, shade 10% primary and stripe 5% primary, each on paper.
``logo``
    a path, ``{path, alt}``, or ``{images, small, medium, large}`` where a size
    is an image name or a path, optionally ``{light, dark}`` (light is used:
    both the PDF cover and Word set the logo on paper). The largest size given
    is the logo. One SVG or one PNG is enough: the PDF and HTML covers draw an
    SVG as vectors and a PNG as it is, and Word, which needs a picture, gets
    the PNG or the SVG rasterized locally (``logos.py``); a file of the other
    kind with the same name beside it (``logos/mark.svg`` + ``logos/mark.png``)
    is its twin, used where that kind is drawn.
``typography``
    ``base.family`` → body font, ``headings.family`` → heading font (else the
    body's). A family with a ``fonts`` entry of ``source: file`` is embedded
    from its four TrueType ``files``: weights 400 and 700 (or normal/bold),
    styles normal and italic. Any other family — no ``fonts`` entry, or
    ``google``, ``bunny`` or ``system`` ones, which brand.yml fetches from the
    web or the machine — is looked up locally, never downloaded
    (``font_lookup.py``): among reportgen's bundled fonts, then the system's
    through fontconfig's ``fc-match``; when neither has it, the default
    theme's font is kept. Each such family is one warning line naming it and
    what it is set in, never an error.
    ``base.size`` (``10pt``, ``14px``, ``1.1rem``, a bare number of points;
    em/rem/% are relative to the default 10.5pt) sets the body size and scales
    the other sizes with it. ``headings.color`` is used only when it is the
    primary colour (or stands in for it): headings are drawn in primary.

Keys brand.yml allows that reportgen has no use for (``color.success``,
``typography.monospace``, ``meta.link``, ``defaults``…) are collected in
``Theme.warnings``, once each; keys brand.yml does not allow, wrong types and
missing files are one ``InputError`` naming the key, like a TOML theme's.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError, shown
from .slug import slugify
from .font_lookup import find_family
from .themes import (MAX_TEXT_LENGTHS, FontFamily, Theme, ThemeReader, ThemeTexts, family_name, load_theme,
                     read_settings)

_HEX = re.compile(r"#(?:[0-9A-Fa-f]{3}){1,2}")
_USED_ROLES = ("foreground", "background", "primary", "secondary", "tertiary")
_UNUSED_ROLES = ("success", "info", "warning", "danger", "light", "dark", "link")
_ROLES = _USED_ROLES + _UNUSED_ROLES
_DERIVED = {"muted": ("text", 0.65), "rule": ("primary", 0.25), "shade": ("primary", 0.10),
            "stripe": ("primary", 0.05)}  # role → (mixed with paper, its share)
_WEIGHTS = {"thin": 100, "extra-light": 200, "ultra-light": 200, "light": 300, "normal": 400, "regular": 400,
            "medium": 500, "semi-bold": 600, "demi-bold": 600, "bold": 700, "extra-bold": 800, "ultra-bold": 800,
            "black": 900}
_SLOTS = {(400, "normal"): "regular", (700, "normal"): "bold", (400, "italic"): "italic",
          (700, "italic"): "bold_italic"}
_SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(pt|px|em|rem|%)?")
_BODY_RANGE = (6.0, 18.0)  # points: every other size scales with the body's
_NO_NETWORK = "reportgen never reaches the network"
_FONT_SOURCES = {  # how a family without files is named: each is looked up on this machine, never downloaded
    "google": "is a Google Fonts family", "bunny": "is a Bunny Fonts family", "system": "is a system font",
    None: "has no files in typography.fonts",
}
_LOGO_KINDS = {".svg": "SVG image", ".png": "PNG image"}
MAX_NESTING = 16  # a brand.yml nests six levels (typography.fonts[0].files[0].path)
MAX_WARNINGS = 20  # lines of ignored keys shown on every build
MAX_COLOR_HOPS = 16  # names a colour may follow (secondary → palette.rust → …) before reaching a hex value


def load_brand(path: Path) -> Theme:
    """The theme a brand.yml file describes; one InputError naming the key if it cannot be used."""
    text = read_settings(path, "brand file", "a brand file", ".yml")
    try:
        _check_structure(text, path)
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise InputError(str(path), f"is not valid YAML ({_yaml_problem(error)}); fix the syntax") from None
    if not isinstance(data, dict):
        raise InputError(str(path), "is not a brand.yml mapping; give meta, logo, color and typography keys")
    return _BrandReader(path).theme(data)


def _check_structure(text: str, path: Path) -> None:
    """Refuse, from PyYAML's event stream and before building anything, what a brand file never needs:
    aliases (one can stand for millions of values) and deep nesting (PyYAML's scanner slows with every
    open bracket, and its composer recurses: 120 KB of brackets took minutes, then a RecursionError)."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise InputError(str(path), "uses YAML aliases (*name), which reportgen does not read (one alias can "
                                        "stand for millions of values); write the values out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                line = event.start_mark.line + 1
                raise InputError(str(path), f"line {line}: nests lists or mappings more than {MAX_NESTING} levels "
                                            "deep; a brand file needs six — check the file")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _yaml_problem(error: yaml.YAMLError) -> str:
    """PyYAML's several-line message as one line: where, then what."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    return f"line {mark.line + 1}, column {mark.column + 1}: {problem}" if mark else problem


class _BrandReader(ThemeReader):
    """Validates one brand.yml mapping key by key; keys reportgen cannot use become warnings."""

    def warn(self, key: str, why: str = "reportgen has no use for it") -> None:
        self.warnings[f"{key}: ignored ({why})"] = None

    def shown_warnings(self) -> tuple[str, ...]:
        """The warnings, the first MAX_WARNINGS of them: every build prints them, one line each."""
        warnings = tuple(self.warnings)
        if len(warnings) <= MAX_WARNINGS:
            return warnings
        return (*warnings[:MAX_WARNINGS - 1], f"… and {len(warnings) - MAX_WARNINGS + 1:,} more keys ignored")

    def mapping(self, data: Any, key: str, used: tuple[str, ...], ignored: tuple[str, ...] = (),
                open_ended: bool = False) -> dict[str, Any]:
        """``data`` as a mapping (None: empty). Keys in ``ignored`` are warned about, and so is any key outside
        ``used`` when the mapping is ``open_ended`` (brand.yml's ``meta``); otherwise such a key is refused."""
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(key, f"is {shown(data)}; give a mapping of {', '.join(used + ignored)}")
        for name in data:
            label = name if isinstance(name, str) and len(name) <= 40 else shown(name)
            child = f"{key}.{label}" if key else label
            if name in ignored or (open_ended and name not in used):
                self.warn(child)
            elif name not in used:
                raise self.fail(child, f"unknown key; brand.yml allows here: {', '.join(used + ignored)}")
        return data

    def named(self, data: Any, key: str) -> dict[str, Any]:
        """A mapping whose keys the brand names freely (``color.palette``, ``logo.images``)."""
        if data is None:
            return {}
        if not isinstance(data, dict):
            raise self.fail(key, f"is {shown(data)}; give a mapping of names to values")
        return data

    def local(self, value: Any, key: str) -> str:
        """A path relative to the brand file: brand.yml also allows URLs, which reportgen never fetches."""
        if not isinstance(value, str):
            raise self.fail(key, f"is {shown(value)}; give a path relative to the brand file")
        if re.match(r"[a-z][a-z0-9+.-]*://", value, re.IGNORECASE):
            raise self.fail(key, f"{value} is a URL; {_NO_NETWORK}: save the file beside the brand file and give "
                                 "its path")
        return value

    def text(self, value: Any, key: str, limit: int = 300) -> str | None:
        """``value`` if it is a string of at most ``limit`` characters, or absent."""
        if value is not None and not isinstance(value, str):
            raise self.fail(key, f"is {shown(value)}; give a string")
        if value is not None and len(value) > limit:
            raise self.fail(key, f"is {len(value):,} characters long; give at most {limit:,}")
        return value

    def theme(self, data: dict[str, Any]) -> Theme:
        top = self.mapping(data, "", ("meta", "logo", "color", "typography"), ("defaults",))
        base = load_theme("default")
        name = self.brand_name(top.get("meta"))
        typography = self.mapping(top.get("typography"), "typography", ("fonts", "base", "headings"),
                                  ("monospace", "monospace-inline", "monospace-block", "link"))
        body_options = self.options(typography.get("base"), "typography.base", ("family", "size"),
                                    ("weight", "line-height"))
        heading_options = self.options(typography.get("headings"), "typography.headings", ("family", "color"),
                                       ("weight", "style", "line-height"))
        fonts = self.font_entries(typography.get("fonts"))
        body_font = self.font(body_options, "typography.base", fonts, base.body_font)
        follows_body = "family" in body_options and heading_options.get("family") in (None, body_options["family"])
        heading_font = (body_font if follows_body  # one family throughout: found, or the same stand-in
                        else self.font(heading_options, "typography.headings", fonts, base.heading_font))
        for family, (key, _) in fonts.items():
            if family not in (body_options.get("family"), heading_options.get("family")):
                self.warn(key, f"{family} is not typography.base's or typography.headings' family")
        logo_svg, logo_png = self.logo(top.get("logo"))
        return replace(
            base,
            name=slugify(name, fallback="brand") if name else self.path.stem.lstrip("_") or "brand",
            description=f"brand.yml: {name or self.path.name}",
            path=self.path,
            brand=name or base.brand,
            logo_svg=logo_svg,
            logo_png=logo_png,
            colors=self.colors(top.get("color"), heading_options.get("color"), base.colors),
            body_font=body_font,
            heading_font=heading_font,
            sizes=self.sizes(body_options.get("size"), base.sizes),
            texts={language: ThemeTexts(brand_line=texts.brand_line, disclaimer=texts.disclaimer)
                   for language, texts in base.texts.items()},
            warnings=self.shown_warnings(),
        )

    def brand_name(self, data: Any) -> str | None:
        meta = self.mapping(data, "meta", ("name",), open_ended=True)
        name, key = meta.get("name"), "meta.name"
        if isinstance(name, dict):
            parts = self.mapping(name, "meta.name", ("full", "short"), open_ended=True)
            part = "full" if self.text(parts.get("full"), "meta.name.full") else "short"
            name, key = parts.get(part), f"meta.name.{part}"
        return self.text(name, key, MAX_TEXT_LENGTHS["brand.name"])

    # -- colours ------------------------------------------------------------

    def colors(self, data: Any, heading_color: Any, defaults: dict[str, str]) -> dict[str, str]:
        color = self.mapping(data, "color", ("palette",) + _USED_ROLES, _UNUSED_ROLES)
        palette = self.named(color.get("palette"), "color.palette")
        resolve = _ColorResolver(self, color, palette)
        colors = dict(defaults)
        for role, given in (("text", "foreground"), ("paper", "background"), ("primary", "primary")):
            if given in color:
                colors[role] = resolve(f"color.{given}", color[given])
        heading = (resolve("typography.headings.color", heading_color)
                   if heading_color not in (None, "primary") else None)  # "primary" is what headings take anyway
        if heading is not None and "primary" not in color:
            colors["primary"] = heading
        elif heading is not None and heading != colors["primary"]:
            self.warn("typography.headings.color", "headings are drawn in color.primary")
        accent = next((name for name in ("secondary", "tertiary") if name in color), None)
        colors["accent"] = resolve(f"color.{accent}", color[accent]) if accent else colors["primary"]
        if accent == "secondary" and "tertiary" in color:
            self.warn("color.tertiary", "the accent is color.secondary")
        for role, (source, share) in _DERIVED.items():
            colors[role] = (resolve(f"color.palette.{role}", palette[role]) if role in palette
                            else _mix(colors[source], colors["paper"], share))
        return colors

    # -- typography ---------------------------------------------------------

    def options(self, data: Any, key: str, used: tuple[str, ...], ignored: tuple[str, ...]) -> dict[str, Any]:
        """``base``/``headings``: a family name alone, or a mapping of settings."""
        if isinstance(data, str):
            return {"family": data}
        options = self.mapping(data, key, used, ignored)
        self.text(options.get("family"), f"{key}.family")
        return options

    def font_entries(self, data: Any) -> dict[str, tuple[str, dict[str, Any]]]:
        """``typography.fonts``: family → (its key, its entry); files are checked only for families in use."""
        if data is None:
            return {}
        if not isinstance(data, list):
            raise self.fail("typography.fonts", f"is {shown(data)}; give a list of font families")
        entries: dict[str, tuple[str, dict[str, Any]]] = {}
        for index, entry in enumerate(data):
            key = f"typography.fonts[{index}]"
            source = entry.get("source") if isinstance(entry, dict) else None
            if source not in (None, "file", "google", "bunny", "system"):
                raise self.fail(f"{key}.source", f"is {shown(source)}; allowed: file, google, bunny, system")
            entry = self.mapping(entry, key, ("family", "source") + (
                ("files",) if source == "file" else ("weight", "style", "display")))
            family = self.text(entry.get("family"), f"{key}.family")
            if not family:
                raise self.fail(f"{key}.family", "is missing; give the family's name")
            if family in entries:
                raise self.fail(f"{key}.family", f"{family} is already in {entries[family][0]}; give each family once")
            entries[family] = (key, entry)
        return entries

    def font(self, options: dict[str, Any], key: str, fonts: dict[str, tuple[str, dict[str, Any]]],
             otherwise: FontFamily) -> FontFamily:
        """The family ``options`` names: its ``fonts`` files, else one found on this machine, else
        ``otherwise`` (the theme's); the last two are one warning naming the family."""
        family = options.get("family")
        if family is None:
            return otherwise
        entry_key, entry = fonts.get(family, (f"{key}.family", {}))
        source = entry.get("source")
        if source == "file":
            return self.font_files(entry.get("files"), f"{entry_key}.files", family)
        return self.local_font(family, entry_key, source, otherwise)

    def local_font(self, family: str, key: str, source: str | None, otherwise: FontFamily) -> FontFamily:
        """A family without files, looked up among the bundled and the system's fonts (never downloaded)."""
        found = find_family(family)
        if found is None:
            chosen = otherwise
            used = (f" and is neither bundled nor installed here (reportgen never downloads fonts): set in "
                    f"{family_name(otherwise.regular)} instead; give its TTF files in typography.fonts (source: "
                    "file) to embed it")
        elif found.bundled:
            chosen, used = found.family, ": set in the copy bundled with reportgen"
        else:
            chosen = found.family
            lacking = ", ".join(slot.replace("_", " ") for slot in found.drawn_as_regular)
            used = (f": set in this machine's copy ({chosen.regular}" + (f"; {lacking} drawn as regular" if lacking
                                                                         else "") + "), which another machine may lack")
        named = family if family.isprintable() else shown(family)  # one line, whatever the file holds
        self.warnings[f"{key}: {named} {_FONT_SOURCES[source]}{used}"] = None
        return chosen

    def font_files(self, data: Any, key: str, family: str) -> FontFamily:
        if not isinstance(data, list) or not data:
            raise self.fail(key, f"is {shown(data)}; give a list of {family}'s TTF files, each "
                                 "{path, weight, style}")
        slots: dict[str, Path] = {}
        for index, file in enumerate(data):
            file_key = f"{key}[{index}]"
            entry = {"path": file} if isinstance(file, str) else self.mapping(file, file_key,
                                                                               ("path", "weight", "style"))
            slot = _SLOTS.get((self.weight(entry.get("weight", 400), f"{file_key}.weight"),
                               self.style(entry.get("style", "normal"), f"{file_key}.style")))
            if slot is None:
                self.warn(file_key, "reportgen sets text in weights 400 and 700")
                continue
            if slot in slots:
                raise self.fail(file_key, f"is a second {slot.replace('_', ' ')} file; give one per weight and style")
            path_key = file_key if isinstance(file, str) else f"{file_key}.path"
            slots[slot] = self.asset(self.local(entry.get("path"), path_key), path_key, "TrueType font")
        missing = [slot.replace("_", " ") for slot in _SLOTS.values() if slot not in slots]
        if missing:
            raise self.fail(key, f"{family} lacks {', '.join(missing)}; give TTF files for weights 400 and 700, "
                                 "styles normal and italic")
        return FontFamily(family, **slots)

    def weight(self, value: Any, key: str) -> int:
        number = _WEIGHTS.get(value) if isinstance(value, str) else value
        if isinstance(number, bool) or number not in range(100, 1000, 100):
            raise self.fail(key, f"is {shown(value)}; give 100–900 or {', '.join(_WEIGHTS)}")
        return number

    def style(self, value: Any, key: str) -> str:
        if value not in ("normal", "italic", "oblique"):
            raise self.fail(key, f"is {shown(value)}; allowed: normal, italic, oblique")
        return "normal" if value == "normal" else "italic"

    def sizes(self, value: Any, defaults: dict[str, float]) -> dict[str, float]:
        """Every size scaled from the default theme's by the brand's body size."""
        if value is None:
            return dict(defaults)
        match = _SIZE.fullmatch(value.strip()) if isinstance(value, str) else None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            points = float(value)
        elif match:
            number, unit = float(match.group(1)), match.group(2) or "pt"
            relative = defaults["body"] / (100 if unit == "%" else 1)
            points = number * {"pt": 1.0, "px": 0.75, "em": relative, "rem": relative, "%": relative}[unit]
        else:
            raise self.fail("typography.base.size", f"is {shown(value)}; give a size such as 10pt, 14px, 1.1rem "
                                                    "or 10")
        low, high = _BODY_RANGE
        if not low <= points <= high:
            raise self.fail("typography.base.size", f"is {points:g}pt; give a body size from {low:g} to {high:g}pt")
        scale = points / defaults["body"]
        return {role: round(size * scale, 1) for role, size in defaults.items()}

    # -- logo ---------------------------------------------------------------

    def logo(self, data: Any) -> tuple[Path | None, Path | None]:
        """(SVG, PNG) of the largest logo given, and its twin of the other kind when one is beside it:
        either alone is enough (an SVG is rasterized for Word, a PNG drawn as it is; ``logos.py``)."""
        if data is None:
            return None, None
        key, relative = self.largest_logo(data)
        if relative is None:
            return None, None
        relative = self.local(relative, key)
        suffix = Path(relative).suffix.lower()
        if suffix not in _LOGO_KINDS:
            raise self.fail(key, f"{relative} is not an SVG or PNG; give an SVG or PNG logo")
        named = self.asset(relative, key, _LOGO_KINDS[suffix])
        twin = str(Path(relative).with_suffix(".png" if suffix == ".svg" else ".svg"))
        other = self.asset(twin, key, _LOGO_KINDS[Path(twin).suffix]) if (self.folder / twin).is_file() else None
        return (named, other) if suffix == ".svg" else (other, named)

    def largest_logo(self, data: Any) -> tuple[str, Any]:
        """(the key that gives the path, the path) of ``large``, else ``medium``, else ``small``."""
        if isinstance(data, str):
            return "logo", data
        logo = self.mapping(data, "logo", ("images", "small", "medium", "large", "path", "alt"))
        if "path" in logo:
            return "logo.path", logo["path"]
        images = self.named(logo.get("images"), "logo.images")
        size = next((name for name in ("large", "medium", "small") if logo.get(name) is not None), None)
        if size is None:
            if images:
                self.warn("logo.images", "no logo.large, medium or small names one")
            return "logo", None
        key, value = f"logo.{size}", logo[size]
        if isinstance(value, dict):
            variants = self.mapping(value, key, ("light", "dark"))
            variant = "light" if "light" in variants else "dark"
            key, value = f"{key}.{variant}", variants.get(variant)
        if isinstance(value, str) and value in images:
            key, value = f"logo.images.{value}", images[value]
            if isinstance(value, dict):
                value = self.mapping(value, key, ("path", "alt")).get("path")
                key = f"{key}.path"
        return key, value


class _ColorResolver:
    """A colour value → #RRGGBB, following palette names and role names (cycles refused)."""

    def __init__(self, reader: _BrandReader, color: dict[str, Any], palette: dict[str, Any]) -> None:
        self.reader, self.color, self.palette = reader, color, palette

    def __call__(self, key: str, value: Any, seen: tuple[str, ...] = ()) -> str:
        fail = self.reader.fail
        if value is None:
            raise fail(key, 'is empty; quote hex colours ("#1F3A5F"): in YAML an unquoted # starts a comment')
        if not isinstance(value, str):
            raise fail(key, f'is {shown(value)}; give a hex colour ("#1F3A5F" or "#FFF") or a color.palette name')
        if key in seen:
            raise fail(key, f"refers to itself through {' → '.join(seen)}; give a hex colour somewhere")
        if len(seen) >= MAX_COLOR_HOPS:
            raise fail(key, f"is reached through more than {MAX_COLOR_HOPS} colour names; give a hex colour sooner")
        if value in _ROLES and value in self.color and f"color.{value}" != key:
            return self(f"color.{value}", self.color[value], seen + (key,))
        if value in self.palette:
            return self(f"color.palette.{value}", self.palette[value], seen + (key,))
        if not _HEX.fullmatch(value):
            names = ", ".join(shown(name)[1:-1] for name in list(self.palette)[:8]) or "none"
            names += ", …" if len(self.palette) > 8 else ""
            raise fail(key, f"is {shown(value)}; give #RRGGBB, #RGB or a color.palette name (palette: {names})")
        digits = value[1:] if len(value) == 7 else "".join(digit * 2 for digit in value[1:])
        return f"#{digits.upper()}"


def _mix(color: str, paper: str, share: float) -> str:
    """``share`` of ``color`` laid over ``paper``, as #RRGGBB."""
    channels = (round(int(color[i:i + 2], 16) * share + int(paper[i:i + 2], 16) * (1 - share)) for i in (1, 3, 5))
    return "#" + "".join(f"{channel:02X}" for channel in channels)

"""Build options: what a build can be asked (``BuildOptions``), a project's ``reportgen.toml`` of
defaults for them, and the commented one ``reportgen init`` writes.

Like Quarto's ``_quarto.yml``: a ``reportgen.toml`` in the current folder (or
``--config FILE``) gives ``reportgen build`` its defaults. Options given on the
command line win over the file; the file wins over the built-in defaults.
Paths in the file are relative to the file's folder, so a project builds the
same from wherever it is run. The keys are the fields of ``BuildOptions``,
each read as its type says (a list of strings, a string, a path, true or
false) unless it means more than its type (a format, a language, a date).
Every key is checked on loading, so a typo is one line naming the file and
the key, before anything is built.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, Callable, get_type_hints

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from .errors import InputError, shown

CONFIG_NAME = "reportgen.toml"
THEME_FOLDER = "theme"  # where ``reportgen init`` copies the default theme


@dataclass(frozen=True)
class BuildOptions:
    """What a build makes, one field per option. ``reportgen build``'s click options (``cli.py``), a
    project's ``reportgen.toml`` (below, with the ``init`` template that comments every key) and
    build()'s keywords all fill it: adding an option is a field here, a click option of the same name
    and a template line (``tests/test_options.py`` checks that the three agree)."""

    inputs: tuple[str, ...] = ()  # files, folders, globs, "-"; none: the bundled seeds
    formats: tuple[str, ...] = ("pdf",)
    langs: tuple[str, ...] = ()  # none: en, or the language Word packs given back were built in; "auto": each article's
    style: str | None = None  # a built-in theme's name, a theme .toml or a brand.yml; None: default, or a Word pack's
    title: str | None = None  # None: "Briefing pack" in the pack's language, or a Word pack's own title
    subtitle: str | None = None  # None: counts of articles, experts and figures
    date: str | None = None  # YYYY-MM-DD; None: today, or the day of SOURCE_DATE_EPOCH
    out: Path = Path("dist")
    reference_docx: Path | None = None
    pack: bool = True  # one pack of every article
    split: bool = False  # one document per article

    def __post_init__(self) -> None:
        """Values as a Python caller gives them (lists, paths as str or Path) kept in one shape."""
        normal = {"inputs": tuple(map(str, self.inputs)), "formats": tuple(self.formats),
                  "langs": tuple(self.langs or ()), "out": Path(self.out),
                  "style": None if self.style is None else str(self.style),
                  "reference_docx": None if self.reference_docx is None else Path(self.reference_docx)}
        for name, value in normal.items():
            object.__setattr__(self, name, value)


KEYS = tuple(option.name for option in fields(BuildOptions))


@dataclass(frozen=True)
class ProjectConfig:
    """What a project file sets, each key checked; ``reportgen build`` takes it as click's ``default_map``."""

    given: dict[str, Any] = field(default_factory=dict)
    # What ``--verbose`` should say about the file, one line each (a path that reaches outside the
    # project's folder, which a copied or downloaded project may not mean to do).
    notes: tuple[str, ...] = ()

    def values(self) -> dict[str, Any]:
        """The keys the file sets, by ``BuildOptions`` field name."""
        return dict(self.given)


def load_config(given: Path | None = None) -> ProjectConfig:
    """The project defaults of ``given``, else of the current folder's reportgen.toml, else none at all."""
    path = given if given is not None else Path(CONFIG_NAME)
    if given is None and not path.exists():  # a pipe or folder of that name is refused, not skipped
        return ProjectConfig()
    from .themes import loads_toml, read_settings

    text = read_settings(path, "config file", "a config file", ".toml",
                         "check the path, or run `reportgen init` to write one")
    try:
        data = loads_toml(text, path)
    except tomllib.TOMLDecodeError as error:
        raise InputError(str(path), _toml_problem(str(error))) from None
    return _read(path, data)


def _toml_problem(message: str) -> str:
    """tomllib's message as "line N: … ; fix that line" (it puts the line at the end, in brackets)."""
    where = re.search(r" \(at line (\d+), column \d+\)$", message)
    if where is None:
        return f"is not valid TOML ({message}); fix the syntax (see https://toml.io)"
    return f"line {where.group(1)}: is not valid TOML ({message[:where.start()]}); fix that line (see https://toml.io)"


def _read(path: Path, data: dict[str, Any]) -> ProjectConfig:
    """Every key checked and converted; relative paths taken from the file's folder."""
    folder = path.parent
    values: dict[str, Any] = {}
    for key, value in data.items():
        reader = _READERS.get(key)
        if reader is None:
            key = key if len(key) <= 40 else shown(key)
            raise InputError(str(path), f"{key}: unknown key; allowed: {', '.join(KEYS)}")
        try:
            values[key] = reader(value, folder)
        except ValueError as error:
            raise InputError(str(path), f"{key}: {error}") from None
    return ProjectConfig(values, tuple(_outside_notes(path, data)))


def _outside_notes(path: Path, data: dict[str, Any]) -> list[str]:
    """One line per path the file gives that leads outside its folder (``..``, an absolute path, a link)."""
    folder = path.parent.resolve()
    notes = []
    for key, reader in _READERS.items():
        given = data.get(key)
        if reader not in _PATH_READERS or given is None:
            continue
        for value in given if isinstance(given, list) else [given]:
            if reader is _style and not (Path(value).suffix or (path.parent / value).exists()):
                continue  # a built-in theme's name
            if not (folder / value).resolve().is_relative_to(folder):
                notes.append(f"{path}: {key}: {shown(value, 80)} is outside the project folder {folder}; "
                             f"reportgen {'writes' if key == 'out' else 'reads'} it there")
    return notes


def _string(value: Any, folder: Path) -> str:
    if not isinstance(value, str):
        raise ValueError(f"is {shown(value)}; give a string in quotes")
    return value


def _strings(value: Any, folder: Path) -> tuple[str, ...]:
    if not (isinstance(value, list) and value and all(isinstance(item, str) and item for item in value)):
        raise ValueError(f"is {shown(value)}; give a list of strings, e.g. [\"pdf\", \"docx\"]")
    return tuple(value)


def _inputs(value: Any, folder: Path) -> tuple[str, ...]:
    return tuple(str(folder / item) for item in _strings(value, folder))


def _formats(value: Any, folder: Path) -> tuple[str, ...]:
    from .render import UnknownFormat, renderer_for

    names = _strings(value, folder)
    try:
        for name in names:
            renderer_for(name)
    except UnknownFormat as error:
        raise ValueError(str(error)) from None
    return names


def _langs(value: Any, folder: Path) -> tuple[str, ...]:
    from .pipeline.resolve import UnknownLanguage, check_languages

    names = _strings(value, folder)
    try:
        check_languages(names)
    except UnknownLanguage as error:
        raise ValueError(str(error)) from None
    return names


def _style(value: Any, folder: Path) -> str:
    """A theme file beside the config, or a built-in name (the test ``load_theme`` makes)."""
    name = _string(value, folder)
    beside = folder / name
    return str(beside) if Path(name).suffix or beside.exists() else name


def _path(value: Any, folder: Path) -> Path:
    return folder / _string(value, folder)


def _date(value: Any, folder: Path) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(_string(value, folder)).isoformat()
    except ValueError:
        raise ValueError(f"is {shown(value)}; give a date as YYYY-MM-DD") from None


def _flag(value: Any, folder: Path) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"is {shown(value)}; give true or false")
    return value


Reader = Callable[[Any, Path], Any]  # a file's value, and the file's folder → the option's value, or ValueError
_BY_TYPE: dict[Any, Reader] = {tuple[str, ...]: _strings, str | None: _string, Path: _path, Path | None: _path,
                               bool: _flag}
_BY_MEANING: dict[str, Reader] = {"inputs": _inputs, "formats": _formats, "langs": _langs, "style": _style,
                                  "date": _date}
_PATH_READERS = (_inputs, _style, _path)
_TYPES = get_type_hints(BuildOptions)
_READERS: dict[str, Reader] = {key: _BY_MEANING.get(key) or _BY_TYPE[_TYPES[key]] for key in KEYS}

TEMPLATE = f"""\
# reportgen.toml: this project's defaults for `reportgen build` (written by `reportgen init`).
# Options given on the command line win over this file; this file wins over reportgen's own
# defaults. Paths are relative to this file's folder, so `reportgen build --config path/to/{CONFIG_NAME}`
# works from anywhere. Uncomment a key to set it; delete one to get its default back.

# What to build from: files, folders or globs of articles (or of briefs you corrected).
# Default: reportgen's bundled sample articles. Point it at your own, e.g.:
# inputs = ["articles/"]

# Output formats, one document each (see `reportgen formats`): pdf, docx, html, md, json.
# Default: ["pdf"].
formats = ["pdf"]

# Languages of the documents: en, es, or "auto" for each article's own. Default: ["en"].
langs = ["en"]

# Theme: a built-in name (see `reportgen styles`) or a theme .toml file. Default: "default".
# {THEME_FOLDER}/default.toml is a copy of the built-in default: edit its colours, fonts, logo and texts.
style = "{THEME_FOLDER}/default.toml"

# The pack's title; also names the file. Default: "Briefing pack" in the pack's language.
# title = "Andean security, week 48"

# The line under the title. Default: the counts of articles, experts and figures.
# subtitle = "For the Americas desk"

# The pack's date, YYYY-MM-DD. Default: today, or the day of SOURCE_DATE_EPOCH when set.
# date = "2025-12-08"

# Folder the documents and manifest.json are written to. Default: "dist".
out = "dist"

# Write one document per article (<slug>.en.pdf) instead of the pack; with pack = true, both. Default: false.
# split = true

# Write one pack of all articles; with split = true, both. Default: true, or false when split = true.
# pack = true

# Word template whose styles, page setup and header/footer the .docx takes. Default: none.
# reference_docx = "house.docx"
"""


def project_files(folder: Path) -> dict[Path, bytes]:
    """What ``reportgen init`` writes into ``folder``: the commented config, and the default theme
    with only the logos and fonts it names (and those fonts' licences), ready to edit."""
    from .themes import load_theme

    theme = load_theme("default")
    source = theme.path.parent
    fonts = [getattr(family, slot) for family in (theme.body_font, theme.heading_font)
             for slot in ("regular", "bold", "italic", "bold_italic")]
    licences = {licence for font in fonts for licence in font.parent.glob("LICENSE-*.txt")
                if font.name.startswith(licence.stem.removeprefix("LICENSE-"))}
    assets = sorted({theme.logo_svg, theme.logo_png, *fonts, *licences} - {None})
    target = folder / THEME_FOLDER
    header = b"# Copied from reportgen's built-in theme by `reportgen init`: edit it to brand your packs.\n"
    files = {folder / CONFIG_NAME: TEMPLATE.encode("utf-8"),
             target / theme.path.name: header + theme.path.read_bytes()}
    files.update({target / asset.relative_to(source): asset.read_bytes() for asset in assets})
    return files


def init_project(folder: Path) -> list[Path]:
    """Write ``project_files`` into ``folder``, all or nothing: an existing file is one InputError
    naming it, raised before anything is written; a failure while writing (a full disk, a file or
    folder in the way, Ctrl-C) removes every file and folder this call made, then is raised."""
    files = project_files(folder)
    existing = [path for path in files if path.exists() or path.is_symlink()]
    if existing:
        raise _exists(existing[0], len(existing) - 1)
    made: list[Path] = []  # files and folders this call created, in order
    try:
        for path, data in files.items():
            for parent in reversed((path.parent, *path.parent.parents)):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            with open(path, "xb") as stream:  # "x": never through a file or link made since the check
                made.append(path)
                stream.write(data)
    except BaseException as error:
        for path in reversed(made):
            try:
                path.rmdir() if path.is_dir() and not path.is_symlink() else path.unlink()
            except OSError:
                pass  # something else now lives there: it is not ours to remove
        if isinstance(error, FileExistsError) and error.filename in map(str, files):
            raise _exists(Path(error.filename), 0) from None
        raise
    return list(files)


def _exists(path: Path, more: int) -> InputError:
    also = f" (and {more} more)" if more else ""
    return InputError(str(path), f"already exists{also}; init never overwrites — remove it, or init another folder")

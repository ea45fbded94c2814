"""A font family known only by its name → four TrueType files on this machine, or None.

brand.yml lets a brand name a family without files (``typography.base: Open
Sans``: browsers fetch it from Google Fonts). reportgen embeds files and never
reaches the network, so such a family is looked up locally: among the fonts
the built-in themes bundle, then among the system's through fontconfig's
``fc-match`` (when installed). fc-match always answers with *some* font, so
only a face whose family name is the one asked for counts; only TrueType
outlines that reportlab can embed are taken; a face the family lacks (no bold
italic) is drawn with its regular face. Nothing here fails a build: the caller
keeps its own font when this finds none.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .themes import FONT_SLOTS, MAX_FONT_BYTES, FontFamily, builtin_themes, family_name

FC_MATCH_TIMEOUT = 5.0  # seconds for one fc-match: a first run may build fontconfig's cache
# What fc-match is asked per slot, and the least weight / slant (fontconfig's scale) a face must report to fill it.
_QUERIES = {"regular": ("", 0, 0), "bold": (":weight=bold", 180, 0), "italic": (":slant=italic", 0, 100),
            "bold_italic": (":weight=bold:slant=italic", 180, 100)}
# One field a line; the file last, so a path is read whole whatever it holds.
_FORMAT = "%{family}\\n%{weight}\\n%{slant}\\n%{fontformat}\\n%{index}\\n%{file}"
_PATTERN_SPECIALS = re.compile(r"([\\\-:,])")  # escaped in a fontconfig pattern (a leading '-' is no option)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class FoundFamily:
    """A family found on this machine: its files, where they came from, and the slots it lacks."""

    family: FontFamily
    bundled: bool  # reportgen's own fonts; else the system's, which another machine may lack
    drawn_as_regular: tuple[str, ...] = ()  # slots (``bold_italic``) set in the regular face


def find_family(name: str) -> FoundFamily | None:
    """``name`` among the bundled fonts, else the system's (fc-match on PATH); None if neither has it."""
    bundled = _bundled_family(_normalized(name))
    if bundled is not None:
        return FoundFamily(bundled, bundled=True)
    executable = shutil.which("fc-match")
    if executable is None or _CONTROL.search(name) or not name.strip():
        return None
    return _system_family(name, executable)


def _normalized(name: str) -> str:
    """A family name as compared: case, spaces and punctuation aside ("open-sans" is "Open Sans")."""
    return re.sub(r"[\W_]+", "", name).casefold()


@lru_cache(maxsize=64)
def _bundled_family(wanted: str) -> FontFamily | None:
    for theme in builtin_themes():
        for family in (theme.body_font, theme.heading_font):
            if _normalized(family_name(family.regular)) == wanted:
                return family
    return None


@lru_cache(maxsize=64)
def _system_family(name: str, executable: str) -> FoundFamily | None:
    """The family through fc-match's per-style queries, once per process for each name and fc-match."""
    faces: dict[str, Path] = {}
    pattern = _PATTERN_SPECIALS.sub(r"\\\1", name)
    for slot in FONT_SLOTS:
        query, least_weight, least_slant = _QUERIES[slot]
        face = _match(executable, pattern + query)
        if face is None:
            if slot == "regular":
                return None  # fc-match did not answer, or answered nothing usable
            continue
        families, weight, slant, path = face
        if _normalized(name) not in {_normalized(family) for family in families}:
            if slot == "regular":
                return None  # fc-match's nearest font is another family: the caller keeps its own
            continue
        if slot != "regular" and (weight is None or weight < least_weight or slant < least_slant
                                  or path in faces.values()):
            continue  # the family has no such face: fc-match gave its nearest
        if _embeddable(path):
            faces[slot] = path
        elif slot == "regular":
            return None
    missing = tuple(slot for slot in FONT_SLOTS if slot not in faces)
    regular = faces["regular"]
    return FoundFamily(FontFamily(name, **{slot: faces.get(slot, regular) for slot in FONT_SLOTS}),
                       bundled=False, drawn_as_regular=missing)


def _match(executable: str, pattern: str) -> tuple[list[str], int | None, int, Path] | None:
    """(families, weight, slant, file) of fc-match's answer, or None when it fails, times out or the
    answer is no single TrueType face (a collection member, a variable instance, CFF outlines)."""
    try:
        answer = subprocess.run([executable, "-f", _FORMAT, pattern], stdin=subprocess.DEVNULL,
                                capture_output=True, timeout=FC_MATCH_TIMEOUT, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    fields = answer.stdout.split(b"\n", 5)
    if answer.returncode != 0 or len(fields) != 6:
        return None
    families, weight, slant, font_format, index, file = fields
    path = Path(os.fsdecode(file))
    if font_format != b"TrueType" or index != b"0" or not path.is_absolute() or not slant.isdigit():
        return None
    return (families.decode("utf-8", "replace").split(","), int(weight) if weight.isdigit() else None,
            int(slant), path)


def _embeddable(path: Path) -> bool:
    """Is ``path`` a single TrueType-outline font, within the size limit, whose licence lets reportlab
    embed it (OS/2 fsType neither restricted nor bitmap-only)? Read from its table directory only."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_FONT_BYTES:
            return False
        with path.open("rb") as font:
            head = font.read(12)
            if len(head) < 12 or head[:4] not in (b"\x00\x01\x00\x00", b"true"):
                return False
            (count,) = struct.unpack_from(">H", head, 4)
            directory = font.read(16 * count)
            tables = {directory[16 * i:16 * i + 4]: struct.unpack_from(">I", directory, 16 * i + 8)[0]
                      for i in range(len(directory) // 16)}
            if b"glyf" not in tables or b"loca" not in tables:
                return False
            if b"OS/2" not in tables:
                return True
            font.seek(tables[b"OS/2"] + 8)
            (fs_type,) = struct.unpack(">H", font.read(2))
    except (OSError, struct.error):
        return False
    return not (fs_type == 0x0002 or fs_type & 0x0300)

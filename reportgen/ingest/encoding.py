"""Bytes to clean text: guess the encoding, refuse binaries, normalize.

Web pages arrive in whatever encoding their author's tool used; curly quotes
and accents must survive, so a wrong guess is worse than a refusal. Text
pasted together from several places can mix encodings: a file that is UTF-8
but for a few bytes keeps its UTF-8, reads the odd bytes as Windows-1252, and
says on which lines it guessed.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError
from ..model import clean_text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Two to four bytes that are one character in UTF-8: any of them shows the file was written as UTF-8.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_SHOWN_LINES = 5
_CHARSET_DECLARATION = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # Unicode's Cc class but tab, newline, CR, form feed


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NUL in every other byte of ASCII runs."""
    sample = data[:_SNIFF_BYTES]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0) / len(sample[0::2])
    odd_nuls = sample[1::2].count(0) / len(sample[1::2])
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares in its first bytes, if Python knows it."""
    match = _CHARSET_DECLARATION.search(data[:_SNIFF_BYTES])
    if not match:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None


def _guess(data: bytes, declared: str | None) -> str | None:
    """The encoding of the whole file, or None when it is not UTF-8 and says nothing else (a BOM,
    UTF-16's NULs, a declared charset)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        return declared
    return None


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: bytes that are not UTF-8 read as Windows-1252 (what "Latin-1" text from
    Windows tools really is), the five bytes it leaves undefined as U+FFFD."""
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("cp1252", "replace"), error.end


codecs.register_error("reportgen.cp1252", _cp1252_bytes)


def _mixed(data: bytes) -> tuple[str, str, list[str]]:
    """``(text, encoding, warnings)`` of a file that is not all UTF-8 and declares nothing. With no UTF-8
    character at all it is Windows-1252. Otherwise it is UTF-8 with a few bytes from elsewhere (one
    pasted line): its UTF-8 stays UTF-8, only the bytes that are not are read as Windows-1252, and a
    warning names their lines — rather than the whole file read as Windows-1252 ("PolÃ­tica")."""
    if not _UTF8_SEQUENCE.search(data):
        return data.decode("cp1252", "replace"), "cp1252", []
    guessed = []
    for number, line in enumerate(data.split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            guessed.append(str(number))
    shown = ", ".join(guessed[:_SHOWN_LINES]) + (", …" if len(guessed) > _SHOWN_LINES else "")
    warning = (f"mixes encodings: UTF-8 but for {len(guessed):,} line(s) ({shown}), read as Windows-1252; "
               "check them for damaged accents, and save the file as UTF-8")
    return data.decode("utf-8", "reportgen.cp1252"), "utf-8+cp1252", [warning]


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample:
        return True
    return len(_CONTROLS.findall(sample)) > max(8, len(sample) // 50)


# Files people hand over by mistake, by their first bytes: decoded as Latin-1 they would "parse".
_NOT_TEXT_FILES = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (.doc, .xls)"),
)


def decode(data: bytes, path: str, *, sniff_declaration: bool = False) -> tuple[str, str, list[str]]:
    """Return ``(text, encoding, warnings)``: NFC text with ``\\n`` line ends and no control characters
    but tab and newline (``clean_text``); a warning says what was guessed when encodings are mixed."""
    if not data.strip():
        raise InputError(path, "the file is empty; give an article in .txt, .md, .html, .docx or .json")
    kind = next((kind for signature, kind in _NOT_TEXT_FILES if data.startswith(signature)), None)
    if kind:
        raise InputError(path, f"is {kind}, not an article's text; give the article as .txt, .md, .html, "
                               ".docx or .json")
    declared = _declared_charset(data) if sniff_declaration else None
    encoding, warnings = _guess(data, declared), []
    try:
        text = data.decode(encoding) if encoding else ""
    except (UnicodeDecodeError, LookupError):
        encoding = None
    if encoding is None:
        text, encoding, warnings = _mixed(data)
    if _looks_binary(text):
        raise InputError(path, "this is not a text file (binary data); give an article in .txt, .md, .html, .docx or .json")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", clean_text(text))
    if not text.strip():
        raise InputError(path, "the file holds only white space; give an article in .txt, .md, .html, .docx or .json")
    return text, encoding, warnings

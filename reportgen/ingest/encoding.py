"""Bytes to clean text: guess the encoding, refuse binaries, normalize.

Web pages arrive in whatever encoding their author's tool used; curly quotes
and accents must survive, so a wrong guess is worse than a refusal.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from ..errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Characters XML 1.0 forbids (all C0 controls but tab and newline; CR is folded first).
_FORBIDDEN_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_CHARSET_DECLARATION = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


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


def _guess(data: bytes, declared: str | None) -> str:
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
    # cp1252 is what "Latin-1" text from Windows tools really is; it leaves five
    # bytes undefined, which latin-1 still maps.
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def _looks_binary(text: str) -> bool:
    sample = text[:_SNIFF_BYTES]
    if "\x00" in sample:
        return True
    controls = sum(1 for char in sample if unicodedata.category(char) == "Cc" and char not in "\t\n\r\f")
    return controls > max(8, len(sample) // 50)


# Files people hand over by mistake, by their first bytes: decoded as Latin-1 they would "parse".
_NOT_TEXT_FILES = (
    (b"%PDF-", "a PDF"), (b"PK\x03\x04", "a zip archive"), (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file (.doc, .xls)"),
)


def decode(data: bytes, path: str, *, sniff_declaration: bool = False) -> tuple[str, str]:
    """Return ``(text, encoding)``: NFC text with ``\\n`` line ends and no XML-forbidden controls."""
    if not data.strip():
        raise InputError(path, "the file is empty; give an article in .txt, .md, .html, .docx or .json")
    kind = next((kind for signature, kind in _NOT_TEXT_FILES if data.startswith(signature)), None)
    if kind:
        raise InputError(path, f"is {kind}, not an article's text; give the article as .txt, .md, .html, "
                               ".docx or .json")
    declared = _declared_charset(data) if sniff_declaration else None
    encoding = _guess(data, declared)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        encoding = "latin-1"
        text = data.decode(encoding)
    if _looks_binary(text):
        raise InputError(path, "this is not a text file (binary data); give an article in .txt, .md, .html, .docx or .json")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", _FORBIDDEN_CONTROLS.sub("", text))
    if not text.strip():
        raise InputError(path, "the file holds only white space; give an article in .txt, .md, .html, .docx or .json")
    return text, encoding

"""A python-docx package → the .docx zip, each part deflated once per process however many documents hold it.

python-docx's own writer (``OpcPackage.save``) deflates every part again for
every document, though most of a package — the styles (~800 KB with
stylesWithEffects), theme, fonts, numbering, logo — is the same for every
document of a theme and language; then its timestamps had to be patched for
reproducible bytes. This writer emits what python-docx's would (the same
parts, content types, order and zip fields, see ``zipfile.ZipFile.writestr``)
with fixed 1980-01-01 timestamps, and takes a part's deflated bytes and CRC
from a per-process cache (``_DeflateCache``, which keeps a blob from the
second time it is written): an unchanged part costs a dictionary lookup instead of a deflate.
"""

from __future__ import annotations

import struct
import threading
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from docx.opc.oxml import CT_Relationships
from docx.opc.package import OpcPackage
from docx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI, PackURI
from docx.opc.pkgwriter import _ContentTypesItem
from docx.opc.rel import Relationships

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_ENTRY = struct.Struct("<4s4B4HL2L5H2L")
_END_RECORD = struct.Struct("<4s4H2LH")
_VERSION = 20  # zip 2.0, what deflate needs (and what zipfile writes)
_MADE_ON_UNIX = 3  # zipfile writes the system it runs on; fixed, so Windows builds give the same bytes
_DEFLATED = 8
_UTF8_NAME = 0x800
_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1  # 00:00:00 on 1980-01-01, the earliest date a zip can hold
_FILE_ATTRIBUTES = 0o600 << 16  # rw------- as zipfile.writestr gives an entry
_SIZE_LIMIT = (1 << 31) - 1  # zipfile switches to zip64 records above this; no Word package gets near it
_CACHE_BUDGET = 8 << 20  # blobs kept and their deflated forms: ~0.9 MB per template in use, mostly its own bytes
# Only parts this big are kept: a template's styles (~365 and ~438 KB) are what costs to deflate. A smaller
# part met twice is usually one article's own (its properties in the en and the es file of a split batch),
# deflated in a fraction of a millisecond; kept, such parts filled the budget in a long batch's workers.
_CACHED_FROM = 64 << 10
_LISTS_KEPT = 64  # content-type and relationship lists kept serialized: a few per template in use


@dataclass(frozen=True)
class _Deflated:
    """A blob as a zip entry stores it: raw deflate and the CRC-32 of the original."""

    data: bytes
    crc: int


class _DeflateCache:
    """Deflated blobs of ``smallest`` bytes or more met more than once, least recently used dropped
    first beyond ``budget`` bytes.

    Keyed by the blob itself: a bytes object keeps its hash once computed and a
    lookup compares contents, so a part shared by every copy of the template
    (the same object each time) is found at once, a part serialized afresh
    with the same XML (fonts, a logo) for the price of a hash, and a changed
    part is never mistaken for an old one. A blob is kept only the second time
    it comes (its hash is remembered the first time): each document's own
    body and properties, met once, hold no memory in a long batch.
    """

    def __init__(self, budget: int, smallest: int = _CACHED_FROM, remembered: int = 4096) -> None:
        self.budget, self.smallest, self.remembered = budget, smallest, remembered
        self._entries: OrderedDict[bytes, _Deflated] = OrderedDict()
        self._met_once: OrderedDict[int, None] = OrderedDict()  # hashes of blobs deflated once, not kept
        self._held = 0
        self._lock = threading.Lock()  # renders may run in threads (a threaded executor)

    def deflated(self, blob: bytes) -> _Deflated:
        """``blob`` deflated as ``zipfile`` does (default level, raw stream), from the cache when it can be."""
        with self._lock:
            found = self._entries.get(blob)
            if found is not None:
                self._entries.move_to_end(blob)
                return found
        compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -zlib.MAX_WBITS)
        made = _Deflated(compressor.compress(blob) + compressor.flush(), zlib.crc32(blob))
        with self._lock:
            self._keep(blob, made)
        return made

    def _keep(self, blob: bytes, made: _Deflated) -> None:
        """Remember a first meeting; keep the deflated blob on the second, within the budget."""
        if len(blob) < self.smallest:
            return
        digest = hash(blob)
        if digest not in self._met_once:
            self._met_once[digest] = None
            if len(self._met_once) > self.remembered:
                self._met_once.popitem(last=False)
            return
        cost = len(blob) + len(made.data)
        if cost > self.budget or blob in self._entries:
            return
        self._entries[blob] = made
        self._held += cost
        while self._held > self.budget:
            old, entry = self._entries.popitem(last=False)
            self._held -= len(old) + len(entry.data)


DEFLATE_CACHE = _DeflateCache(_CACHE_BUDGET)


def package_bytes(package: OpcPackage) -> bytes:
    """The .docx file of ``package``: what ``package.save`` writes, but every timestamp 1980-01-01.

    Same entries in the same order as python-docx's ``PackageWriter``: the
    content types, the package's relationships, then each part (depth-first
    from the package) followed by its relationships when it has any.
    """
    parts = package.parts
    for part in parts:
        part.before_marshal()
    archive = _Archive()
    archive.add(CONTENT_TYPES_URI.membername,
                _content_types_xml(tuple(_TypedPart(part.partname, part.content_type) for part in parts)))
    archive.add(PACKAGE_URI.rels_uri.membername, _rels_xml(package.rels))
    for part in parts:
        archive.add(part.partname.membername, part.blob)
        if len(part.rels):
            archive.add(part.partname.rels_uri.membername, _rels_xml(part.rels))
    return archive.finish()


class _TypedPart(NamedTuple):
    """What ``[Content_Types].xml`` says of a part."""

    partname: PackURI
    content_type: str


@lru_cache(maxsize=_LISTS_KEPT)
def _content_types_xml(parts: tuple[_TypedPart, ...]) -> bytes:
    """``[Content_Types].xml`` as python-docx writes it; most documents of a template have the same parts."""
    return _ContentTypesItem.from_parts(parts).blob


def _rels_xml(rels: Relationships) -> bytes:
    """A ``.rels`` item as python-docx writes it (``Relationships.xml``), serialized once per distinct list."""
    return _relationships_xml(tuple((rel.rId, rel.reltype, rel.target_ref, rel.is_external) for rel in rels.values()))


@lru_cache(maxsize=_LISTS_KEPT)
def _relationships_xml(rels: tuple[tuple[str, str, str, bool], ...]) -> bytes:
    element = CT_Relationships.new()
    for rel_id, reltype, target, external in rels:
        element.add_rel(rel_id, reltype, target, external)
    return element.xml


class _Archive:
    """A zip written front to back into memory: local header and data per entry, then the central directory."""

    def __init__(self) -> None:
        self.chunks: list[bytes] = []
        self.directory: list[bytes] = []
        self.offset = 0
        self.count = 0

    def add(self, name: str, blob: bytes) -> None:
        """An entry ``name`` holding ``blob``, deflated."""
        deflated = DEFLATE_CACHE.deflated(blob)
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), _UTF8_NAME
        sizes = (deflated.crc, len(deflated.data), len(blob))
        if self.offset + len(deflated.data) > _SIZE_LIMIT or len(blob) > _SIZE_LIMIT:
            raise ValueError("the Word package is too large for a zip without zip64 records")
        header = _LOCAL_HEADER.pack(b"PK\x03\x04", _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE, *sizes,
                                    len(encoded), 0)
        self.directory.append(_CENTRAL_ENTRY.pack(
            b"PK\x01\x02", _VERSION, _MADE_ON_UNIX, _VERSION, 0, flags, _DEFLATED, _DOS_TIME, _DOS_DATE, *sizes,
            len(encoded), 0, 0, 0, 0, _FILE_ATTRIBUTES, self.offset) + encoded)
        self.chunks += (header, encoded, deflated.data)
        self.offset += len(header) + len(encoded) + len(deflated.data)
        self.count += 1

    def finish(self) -> bytes:
        """The whole archive: entries, central directory, end record."""
        directory = b"".join(self.directory)
        end = _END_RECORD.pack(b"PK\x05\x06", 0, 0, self.count, self.count, len(directory), self.offset, 0)
        return b"".join((*self.chunks, directory, end))

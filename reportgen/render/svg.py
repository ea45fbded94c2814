"""A theme's SVG logo with everything that could run, fetch or read removed.

A logo is a picture: shapes, paths, text, gradients. An SVG file can also
hold scripts, event handlers, HTML islands (``foreignObject``), animations
that rewrite links, and references to other files or remote URLs that a
renderer would load (svglib reads ``<image>`` files from disk). Every
renderer draws the logo from these bytes, never from the file as given.
"""

from __future__ import annotations

import base64
import re
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

SVG_NS = "http://www.w3.org/2000/svg"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_DROPPED = frozenset({"script", "foreignobject", "iframe", "embed", "object", "handler", "listener", "audio",
                      "video", "set", "animate", "animatemotion", "animatetransform", "animatecolor", "discard"})
_FETCHING = frozenset({"use", "image", "feimage"})  # drawn from what href names: gone with an outside one
_LINK_ATTRIBUTES = frozenset({"href", "src"})
# What a link may name: a fragment of this file, or a raster image carried inside it.
_INSIDE = re.compile(r"\s*(#|data:image/(png|jpeg|jpg|gif|webp)[;,])", re.IGNORECASE)
# url(...) that names anything but a fragment of this file; CSS escapes and old IE/at-rules that could hide one.
_OUTSIDE_URL = re.compile(r"""url\s*\(\s*(?!['"]?\s*#)|expression|@import|javascript:|\\""", re.IGNORECASE)


def safe_svg(path: Path) -> bytes:
    """The logo at ``path`` as SVG bytes that reference nothing outside themselves and run nothing.

    Parsed without entities, DTDs or network; comments, processing
    instructions and the DOCTYPE are left out. A file that is not
    well-formed XML is one InputError naming it. Sanitized once per process
    for each version of the file (its size and modification time), since
    every document of a batch draws the same logo.
    """
    try:
        version = path.stat()
    except OSError:
        return _sanitized(path, 0, -1)  # let the read fail and say so
    return _sanitized(path, version.st_mtime_ns, version.st_size)


@lru_cache(maxsize=16)
def _sanitized(path: Path, modified_ns: int, size: int) -> bytes:
    """``safe_svg`` for one version of the file (the key's times and size only tell versions apart)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True,
                             remove_pis=True, huge_tree=False)
    try:
        root = etree.fromstring(path.read_bytes(), parser)
    except (OSError, etree.XMLSyntaxError) as error:
        raise InputError(str(path), f"the logo cannot be read as SVG ({error}); fix it or give another logo") \
            from None
    namespace = etree.QName(root).namespace  # SVG's, or none in a file that leaves xmlns out
    for node in list(root.iter()):
        if node is not root and _unsafe(node, namespace):
            _remove(node)
        elif isinstance(node.tag, str):
            _clean_attributes(node)
    return etree.tostring(root, encoding="utf-8")


def data_uri(svg: bytes) -> str:
    """``svg`` as a ``data:`` URI for an ``<img src>``: a picture there cannot run script anyway."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _unsafe(node, namespace: str | None) -> bool:
    """An entity reference, an element outside SVG, or one that runs, animates or fetches."""
    if not isinstance(node.tag, str):
        return True  # an unexpanded entity reference: no DTD will define it where the logo goes
    from lxml import etree

    name = etree.QName(node)
    local = name.localname.lower()
    if name.namespace not in (SVG_NS, namespace) or local in _DROPPED:
        return True
    if local == "style":
        return bool(_OUTSIDE_URL.search(node.text or ""))
    return local in _FETCHING and any(not _INSIDE.match(value) for key, value in node.attrib.items()
                                      if etree.QName(key).localname in _LINK_ATTRIBUTES)


def _clean_attributes(node) -> None:
    """Event handlers, ``xml:base`` (it would send '#' links elsewhere), links outside the file and
    values with an outside ``url(...)`` go."""
    from lxml import etree

    for key, value in list(node.attrib.items()):
        name = etree.QName(key)
        local = name.localname.lower()
        if (local.startswith("on") or name.namespace == _XML_NS or _OUTSIDE_URL.search(value)
                or (local in _LINK_ATTRIBUTES and not _INSIDE.match(value))):
            del node.attrib[key]


def _remove(node) -> None:
    """Take ``node`` out of the tree, keeping the text that follows it."""
    parent = node.getparent()
    if node.tail and node.tail.strip():
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + node.tail
        else:
            parent.text = (parent.text or "") + node.tail
    parent.remove(node)

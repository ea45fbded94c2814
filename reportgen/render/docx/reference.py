"""A reference template without what reaches outside it, so that nothing of the kind reaches the packs.

A ``--reference-docx`` lends its styles, page setup and header/footer to
every Word pack. It can also carry relationships to things outside the file
— an attached template on a server (Word fetches it on opening), linked
images, hyperlinks, OLE links, a mail-merge data source — and fields that
pull content in when Word updates them, which every pack asks it to do on
opening (INCLUDETEXT, INCLUDEPICTURE, LINK, DDE…). All of them are taken out
of the package before python-docx reads it; what was taken out is named once
per build (``outside_links``).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from io import BytesIO

from ...ingest.docx import parse_part

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_O = "{urn:schemas-microsoft-com:office:office}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
# Elements that mean nothing without the relationship they name: removed with it (else only the attribute goes).
_NEED_THEIR_LINK = frozenset({"attachedTemplate", "subDoc", "altChunk", "OLEObject", "sourceFileName", "dataSource",
                              "headerSource", "recipientData", "src", "hlinkClick", "hlinkHover"})
# Field instructions that fetch, include or link something outside the document when the field updates.
_FETCHING_FIELDS = frozenset({"INCLUDETEXT", "INCLUDEPICTURE", "INCLUDE", "LINK", "DDE", "DDEAUTO", "IMPORT",
                              "HYPERLINK", "DATABASE", "RD"})
_KINDS = {"attachedTemplate": "an attached template", "hyperlink": "hyperlinks", "image": "linked images",
          "oleObject": "OLE links", "subDocument": "subdocuments", "frame": "frames"}


@dataclass(frozen=True)
class CleanTemplate:
    """The template's bytes without outside links, and what kinds of link were removed."""

    data: bytes
    removed: tuple[str, ...]


def without_outside_links(data: bytes) -> CleanTemplate:
    """``data`` (a .docx) with every external relationship, the markup naming it, a mail merge and
    every fetching field removed; parts that hold none of them are copied byte for byte."""
    removed: dict[str, None] = {}
    with zipfile.ZipFile(BytesIO(data)) as package:
        entries = [(info, package.read(info)) for info in package.infolist()]
    parts = {info.filename: content for info, content in entries}
    changed: dict[str, bytes] = {}
    for name, content in parts.items():
        if not name.endswith(".rels"):
            continue
        kept, dropped = _drop_external(content)
        if not dropped:
            continue
        changed[name] = kept
        removed.update((_KINDS.get(kind, "links to other files"), None) for kind in dropped.values())
        source = _source_part(name)
        if source in parts:
            parts[source] = changed[source] = _unlink(changed.get(source, parts[source]), set(dropped))
    for name, content in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and _may_fetch(content):
            cleaned, what = _without_fetching(content, name == "word/settings.xml")
            if what:
                parts[name] = changed[name] = cleaned
                removed.update((kind, None) for kind in what)
    if not changed:
        return CleanTemplate(data, ())
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for info, content in entries:
            out.writestr(info, changed.get(info.filename, content))
    return CleanTemplate(buffer.getvalue(), tuple(removed))


def outside_links(template: CleanTemplate, path: str) -> tuple[str, ...]:
    """The one warning line a template with outside links gets, or none."""
    if not template.removed:
        return ()
    return (f"{path}: left out of the Word packs, since they point outside the template: "
            f"{', '.join(template.removed)}",)


def _drop_external(rels: bytes) -> tuple[bytes, dict[str, str]]:
    """The relationships part without its TargetMode="External" entries; id → kind of each one dropped."""
    from lxml import etree

    root = parse_part(rels)
    dropped = {}
    for relationship in root.iter(_RELS):
        if relationship.get("TargetMode", "").lower() == "external":
            dropped[relationship.get("Id", "")] = relationship.get("Type", "").rsplit("/", 1)[-1]
            root.remove(relationship)
    return (etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if dropped else rels,
            dropped)


def _source_part(rels_name: str) -> str:
    """``word/_rels/document.xml.rels`` → ``word/document.xml``; the package's own rels → ""."""
    folder, name = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), name[:-len(".rels")]) if name != ".rels" else ""


def _unlink(part: bytes, ids: set[str]) -> bytes:
    """``part`` without the references to relationship ``ids``: the attribute, or the element it is required by."""
    from lxml import etree

    root = parse_part(part)
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for key, value in list(element.attrib.items()):
            if value in ids and (key.startswith(_R) or key == f"{_O}relid"):
                if etree.QName(element).localname in _NEED_THEIR_LINK and element.getparent() is not None:
                    element.getparent().remove(element)
                    break
                del element.attrib[key]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _may_fetch(part: bytes) -> bool:
    """A cheap look before parsing: could this part hold a field, or a mail merge?"""
    return b"instr" in part or b"mailMerge" in part


def _without_fetching(part: bytes, settings: bool) -> tuple[bytes, tuple[str, ...]]:
    """``part`` without fetching fields (their last result stays as plain text) and, in the settings,
    without a mail merge; the kinds removed."""
    from lxml import etree

    root = parse_part(part)
    what: dict[str, None] = {}
    for simple in list(root.iter(f"{_W}fldSimple")):
        if _fetches(simple.get(f"{_W}instr", "")) and simple.getparent() is not None:
            parent, at = simple.getparent(), simple.getparent().index(simple)
            parent[at:at + 1] = list(simple)
            what["fields that fetch content"] = None
    open_fields: list[tuple[list, list[str]]] = []  # per nested field: its markers, its instruction pieces
    for element in list(root.iter(f"{_W}fldChar", f"{_W}instrText")):
        if element.tag == f"{_W}instrText":
            if open_fields:
                open_fields[-1][0].append(element)
                open_fields[-1][1].append(element.text or "")
        elif element.get(f"{_W}fldCharType") == "begin":
            open_fields.append(([element], []))
        elif open_fields:
            open_fields[-1][0].append(element)
            if element.get(f"{_W}fldCharType") == "end":
                markers, instruction = open_fields.pop()
                if _fetches("".join(instruction)):
                    for marker in markers:
                        marker.getparent().remove(marker)
                    what["fields that fetch content"] = None
    merge = root.find(f"{_W}mailMerge") if settings else None
    if merge is not None:
        root.remove(merge)
        what["a mail-merge data source"] = None
    if not what:
        return part, ()
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), tuple(what)


def _fetches(instruction: str) -> bool:
    words = re.findall(r"[A-Za-z]+", instruction)
    return bool(words) and words[0].upper() in _FETCHING_FIELDS

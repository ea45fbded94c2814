"""What makes a Word pack readable back: a marker and the pack it was built from.

Two parts Word and LibreOffice keep when an editor saves the file:
- custom document properties (File ▸ Properties ▸ Custom) naming the schema,
  the pack's title, theme and language — the marker ``reportgen.ingest.wordpack``
  recognizes a pack by;
- a custom XML item holding the pack as composed (the briefs' JSON). The
  reader takes what an editor can see from the document itself and only what
  a page does not show (spans, exact values of untouched figures, source
  text) from here.
"""

from __future__ import annotations

import json

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ...model import PACK_SCHEMA, Pack
from ...wordpack import (
    CUSTOM_PROPERTIES_TYPE, LANGUAGE_PROPERTY, PACK_NS, PROPERTIES_NS, SCHEMA_PROPERTY, THEME_PROPERTY,
    TITLE_PROPERTY, VARIANT_NS,
)
from .oxml import xml_safe

_USER_PROPERTY_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the id Word gives its user-defined properties


def mark_pack(word, pack: Pack, language: str) -> None:
    """Add the marker properties and the pack's JSON to a Word document about to be saved."""
    properties = {SCHEMA_PROPERTY: PACK_SCHEMA, TITLE_PROPERTY: pack.title, THEME_PROPERTY: pack.theme,
                  LANGUAGE_PROPERTY: language}
    package = word.part.package
    for rel_id, rel in list(package.rels.items()):  # a reference template's own custom properties give way
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[rel_id]
    package.relate_to(Part(PackURI("/docProps/custom.xml"), CUSTOM_PROPERTIES_TYPE,
                           _custom_properties(properties), package), RT.CUSTOM_PROPERTIES)
    item = etree.Element(f"{{{PACK_NS}}}pack", nsmap={None: PACK_NS})
    item.text = json.dumps(pack.to_dict(), ensure_ascii=False, sort_keys=True)
    word.part.relate_to(Part(package.next_partname("/customXml/item%d.xml"), "application/xml",
                             etree.tostring(item, xml_declaration=True, encoding="UTF-8", standalone=True),
                             package), RT.CUSTOM_XML)


def _custom_properties(properties: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{PROPERTIES_NS}}}Properties", nsmap={None: PROPERTIES_NS, "vt": VARIANT_NS})
    for pid, (name, value) in enumerate(properties.items(), start=2):  # Word numbers user properties from 2
        prop = etree.SubElement(root, f"{{{PROPERTIES_NS}}}property", fmtid=_USER_PROPERTY_FMTID, pid=str(pid),
                                name=name)
        etree.SubElement(prop, f"{{{VARIANT_NS}}}lpwstr").text = xml_safe(value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

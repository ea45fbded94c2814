"""HTML to blocks through trafilatura, the extractor made for article bodies.

trafilatura drops navigation, scripts, comments and page furniture and keeps
the article's paragraphs with their structure; it never fetches anything the
page references. Its XML output is read back into our blocks and metadata.
"""

from __future__ import annotations

import re

from ..errors import InputError
from .source import Block, PageMeta

_ROLES = {"head": "h", "p": "p", "item": "li", "quote": "quote", "row": "p"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _extract_xml(html: str, favor_recall: bool) -> str | None:
    import trafilatura

    return trafilatura.extract(
        html,
        output_format="xml",
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        favor_recall=favor_recall,
    )


def _text_of(element) -> str:
    if element.tag == "row":
        return " · ".join(" ".join("".join(cell.itertext()).split()) for cell in element)
    return " ".join("".join(element.itertext()).split())


def _blocks(main) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for element in main.iter(*_ROLES):
        if element.tag in ("p", "quote", "head") and element.getparent() is not None \
                and element.getparent().tag in ("item", "quote", "cell"):
            continue  # read as part of its container
        text = _text_of(element)
        if text:
            blocks.append(Block(text, _ROLES[element.tag]))
    return tuple(blocks)


def read_html(html: str, path: str) -> tuple[tuple[Block, ...], PageMeta]:
    """The article blocks and declared metadata of one HTML page."""
    from lxml import etree

    xml = _extract_xml(html, favor_recall=False) or _extract_xml(html, favor_recall=True)
    if not xml:
        raise InputError(path, "no article text found in this HTML page; save the article page itself, not an index or a login page")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    doc = etree.fromstring(xml.encode("utf-8"), parser)
    main = doc.find("main")
    blocks = _blocks(main) if main is not None else ()
    if not blocks:
        raise InputError(path, "no article text found in this HTML page; save the article page itself, not an index or a login page")
    date = doc.get("date")
    meta = PageMeta(
        title=doc.get("title") or None,
        publication=doc.get("sitename") or None,
        published=date if date and _ISO_DATE.match(date) else None,
        author=doc.get("author") or None,
    )
    return blocks, meta

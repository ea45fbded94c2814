"""HTML to blocks through trafilatura, the extractor made for article bodies.

trafilatura drops navigation, scripts, comments and page furniture and keeps
the article's paragraphs with their structure; it never fetches anything the
page references. Its XML output is read back into our blocks and metadata.
"""

from __future__ import annotations

import re
from html import unescape

from ..errors import InputError
from .source import Block, PageMeta

_ROLES = {"head": "h", "p": "p", "item": "li", "quote": "quote", "row": "p"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_HEAD_CHARS = 65536
_MAX_DEPTH = 256
_MAX_SITE_WORDS = 5
_MAX_LEAD_LINES = 5
_MAX_LEAD_WORDS = 40
_NUMERIC_REFERENCE = re.compile(r"&#(?:[xX]([0-9A-Fa-f]+)|([0-9]+));?")


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
        # Dates only from the page's own markup, never guessed from loose text.
        date_extraction_params={"extensive_search": False, "original_date": True},
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


def _site_in_title(html: str) -> str | None:
    """"Headline | El Mirador": the site name many pages append to their <title>."""
    match = _TITLE_TAG.search(html[:_HEAD_CHARS])
    if not match:
        return None
    parts = _TITLE_SEPARATOR.split(unescape(" ".join(match.group(1).split())))
    site = parts[-1].strip() if len(parts) > 1 else ""
    return site if 0 < len(site.split()) <= _MAX_SITE_WORDS else None


def _lead(html: str) -> tuple[Block, ...]:
    """The headline and the short lines under it (standfirst, byline, date), which
    extractors often leave out of the body; the header parser sorts them out."""
    import lxml.html

    try:
        page = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    headline = next(iter(page.iter("h1")), None)
    if headline is None:
        return ()
    lead = [Block(" ".join(headline.text_content().split()), "h")]
    for sibling in headline.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in ("script", "style"):
            continue
        text = " ".join(" ".join(sibling.itertext()).split())
        if len(lead) > _MAX_LEAD_LINES or sibling.find(".//p") is not None or len(text.split()) > _MAX_LEAD_WORDS:
            break
        if text:
            lead.append(Block(text))
    return tuple(lead) if lead[0].text else ()


def _too_deep(html: str) -> bool:
    """Did the parser stop at its nesting limit (libxml2 reads 256 levels)?"""
    import lxml.html

    parser = lxml.html.HTMLParser()
    try:
        lxml.html.fromstring(html, parser=parser)
    except (ValueError, lxml.etree.ParserError):
        pass
    return any("Excessive depth" in entry.message for entry in parser.error_log)


def _no_article(html: str, path: str) -> InputError:
    """Why a page gave no article text, as the one line the user sees."""
    if _too_deep(html):
        return InputError(path, f"is nested more than {_MAX_DEPTH} elements deep, past what an HTML parser reads; "
                                "save the article from a browser (File › Save as) or as text")
    return InputError(path, "no article text found in this HTML page; save the article page itself, not an index or a login page")


def _without_control_references(html: str) -> str:
    """``&#27;``-style references to control characters replaced as browsers read them: C1 numbers as
    their Windows-1252 characters (``&#150;`` is "–"), the rest (and numbers past Unicode) dropped.
    One such reference made libxml2 drop the whole page."""
    def replace(match: re.Match[str]) -> str:
        number = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if 0x80 <= number <= 0x9F:
            return bytes([number]).decode("cp1252", "ignore")
        if number > 0x10FFFF or 0xD800 <= number <= 0xDFFF or (number < 0x20 and number not in (9, 10, 13)) \
                or number == 0x7F:
            return ""
        return match.group()

    return _NUMERIC_REFERENCE.sub(replace, html)


def read_html(html: str, path: str) -> tuple[tuple[Block, ...], PageMeta]:
    """The article blocks and declared metadata of one HTML page."""
    from lxml import etree

    html = _without_control_references(html)
    xml = _extract_xml(html, favor_recall=False) or _extract_xml(html, favor_recall=True)
    if not xml:
        raise _no_article(html, path)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    doc = etree.fromstring(xml.encode("utf-8"), parser)
    main = doc.find("main")
    blocks = _blocks(main) if main is not None else ()
    if blocks and not any(block.role == "h" for block in blocks[:3]):
        blocks = _lead(html) + blocks
    if not blocks:
        raise _no_article(html, path)
    date = doc.get("date")
    meta = PageMeta(
        title=doc.get("title") or None,
        publication=doc.get("sitename") or _site_in_title(html),
        published=date if date and _ISO_DATE.match(date) else None,
        author=doc.get("author") or None,
    )
    return blocks, meta

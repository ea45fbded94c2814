"""The Word XML python-docx has no API for, in one small layer.

Fields on python-docx paragraphs (the footer's PAGE and NUMPAGES),
``w:updateFields`` and ``w:footnotePr``, styles: languages, the four font
slots, the table style's parts (footnotes themselves are ``footnotes.py``).
These edit elements in place, each child in its schema position; the body's
blocks are written as markup in bulk by ``fragments.py`` instead.
"""

from __future__ import annotations

import re
from typing import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

# Characters XML 1.0 forbids (python-docx raises on them); everything else is kept.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML cannot carry."""
    return _XML_FORBIDDEN.sub("", text)


def _element(tag: str, **attributes: str) -> OxmlElement:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


# Schema order of the children this module adds: Word refuses ("repair") a file
# whose property elements are out of order, so each is inserted in its place.
_ORDER = {
    "w:tcPr": "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText vAlign hideMark",
    "w:tblPr": "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
               "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription",
    "w:rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
             "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
             "cs em lang eastAsianLayout specVanish oMath",
    "w:pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs "
             "suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
             "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
             "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "w:tblBorders": "top left start bottom right end insideH insideV",
    "w:tblStylePr": "pPr rPr tblPr trPr tcPr",
    "w:style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat locked "
               "personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr",
    "w:docDefaults": "rPrDefault pPrDefault",
    "w:settings": "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
                  "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
                  "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins "
                  "alignBordersAndEdges bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop "
                  "hideSpellingErrors hideGrammaticalErrors activeWritingStyle proofState formsDesign "
                  "attachedTemplate linkStyles stylePaneFormatFilter stylePaneSortMethod documentType mailMerge "
                  "revisionView trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
                  "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
                  "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope summaryLength "
                  "clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting bookFoldPrinting "
                  "bookFoldPrintingSheets drawingGridHorizontalSpacing drawingGridVerticalSpacing "
                  "displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
                  "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
                  "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne "
                  "strictFirstAndLastChars noLineBreaksAfter noLineBreaksBefore savePreviewPicture "
                  "doNotValidateAgainstSchema saveInvalidXml ignoreMixedContent alwaysShowPlaceholderText "
                  "doNotDemarcateInvalidXml saveXmlDataOnly useXSLTWhenSaving saveThroughXslt showXMLTags "
                  "alwaysMergeEmptyNamespace updateFields hdrShapeDefaults footnotePr endnotePr compat docVars "
                  "rsids mathPr attachedSchema themeFontLang clrSchemeMapping doNotIncludeSubdocsInStats "
                  "doNotAutoCompressPictures forceUpgrade captions readModeInkLockDown smartTagType "
                  "schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol listSeparator",
}
_POSITION = {parent: {f"w:{name}": index for index, name in enumerate(order.split())} for parent, order in _ORDER.items()}


def _tag(element) -> str:
    namespace, _, local = element.tag.partition("}")
    return f"w:{local}" if namespace.endswith("wordprocessingml/2006/main") else element.tag


def _child(parent, tag: str) -> OxmlElement:
    """The ``tag`` child of ``parent``, created in its schema position if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    positions = _POSITION.get(_tag(parent))
    rank = positions.get(tag) if positions else None
    if rank is not None:
        for index, sibling in enumerate(parent):
            if positions.get(_tag(sibling), -1) > rank:
                parent.insert(index, found)
                return found
    parent.append(found)
    return found


# -- fields -----------------------------------------------------------------

def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """A simple field (PAGE, NUMPAGES) with ``placeholder`` as its current result."""
    begin_field(paragraph, instruction, dirty=False)
    paragraph.add_run(placeholder)
    end_field(paragraph)


def begin_field(paragraph: Paragraph, instruction: str, dirty: bool = True) -> None:
    """Open a field; its current result is what follows until ``end_field`` (for a TOC, whole
    paragraphs). ``dirty`` asks Word to recompute it on opening."""
    begin = {"fldCharType": "begin", "dirty": "true"} if dirty else {"fldCharType": "begin"}
    paragraph.add_run()._r.append(_element("w:fldChar", **begin))
    instr = paragraph.add_run()._r
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr.append(text)
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="separate"))


def end_field(paragraph: Paragraph) -> None:
    paragraph.add_run()._r.append(_element("w:fldChar", fldCharType="end"))


def update_fields_on_open(settings_element) -> None:
    """``w:updateFields``: Word refreshes the TOC and page fields when the file opens."""
    _child(settings_element, "w:updateFields").set(qn("w:val"), "true")


def footnote_separators(settings_element, footnote_ids: Iterable[str]) -> None:
    """``w:footnotePr`` listing the separator footnotes by id, as Word expects of a file with footnotes."""
    properties = _child(settings_element, "w:footnotePr")
    for listed in properties.findall(qn("w:footnote")):
        properties.remove(listed)
    for footnote_id in footnote_ids:  # the last children of w:footnotePr
        properties.append(_element("w:footnote", id=footnote_id))


# -- styles -----------------------------------------------------------------

def set_fonts(r_pr, family: str) -> None:
    """All four font slots, so Latin, East Asian and complex-script text share the family."""
    fonts = _child(r_pr, "w:rFonts")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), family)
    for theme_slot in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{theme_slot}"), None)


def set_language(r_pr, tag: str) -> None:
    """``w:lang`` for spell-check and hyphenation (e.g. en-US, es-ES)."""
    lang = _child(r_pr, "w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), tag)


def doc_defaults_run_properties(styles_element):
    """``w:docDefaults/w:rPrDefault/w:rPr``, created when a template lacks it."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    return _child(_child(defaults, "w:rPrDefault"), "w:rPr")


def table_style_parts(style_element, header_fill: str, header_text: str, stripe: str, rule: str) -> None:
    """A table style: rules above and below, a filled bold header row, zebra rows."""
    for old in style_element.findall(qn("w:tblStylePr")):
        style_element.remove(old)
    tbl_pr = _child(style_element, "w:tblPr")
    borders = _child(tbl_pr, "w:tblBorders")
    for side in ("top", "bottom", "insideH"):
        edge = _child(borders, f"w:{side}")
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), "4" if side == "insideH" else "8")
        edge.set(qn("w:color"), rule if side == "insideH" else header_fill)
    for side in ("left", "right", "insideV"):
        _child(borders, f"w:{side}").set(qn("w:val"), "nil")
    header = _element("w:tblStylePr", type="firstRow")
    header_run = _child(header, "w:rPr")
    _child(header_run, "w:b")
    _child(header_run, "w:color").set(qn("w:val"), header_text)
    header_cell = _child(header, "w:tcPr")
    fill = _child(header_cell, "w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), header_fill)
    band = _element("w:tblStylePr", type="band2Horz")
    band_fill = _child(_child(band, "w:tcPr"), "w:shd")
    band_fill.set(qn("w:val"), "clear")
    band_fill.set(qn("w:color"), "auto")
    band_fill.set(qn("w:fill"), stripe)
    style_element.append(header)
    style_element.append(band)


def keep_with_next(p_pr) -> None:
    _child(p_pr, "w:keepNext")


def outline_level(p_pr, level: int) -> None:
    """The outline level a style gives its paragraphs (9 = body text, not in the TOC)."""
    _child(p_pr, "w:outlineLvl").set(qn("w:val"), str(level))


def recolor_borders(p_pr, color: str) -> None:
    """Give a style's paragraph rules (the template's blue ones under Title, Intense Quote) ``color``."""
    borders = p_pr.find(qn("w:pBdr"))
    if borders is not None:
        for edge in borders:
            edge.set(qn("w:color"), color)
            edge.attrib.pop(qn("w:themeColor"), None)
            edge.attrib.pop(qn("w:themeShade"), None)

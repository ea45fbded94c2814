"""Word footnotes, which python-docx has no API for: the footnotes part, the marks that point into it.

Word cannot point two references at one footnote, so every mark gets a
footnote of its own (a figure on a card and in its table row: two footnotes,
same text); Word numbers them in reading order. A reference template's
footnotes part is kept and ours follow its own, with ids above its highest.
"""

from __future__ import annotations

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.document import DocumentPart

from ...compose.blocks import Note
from . import fragments, oxml

# python-docx reads a part it has no class for as opaque bytes; as an XmlPart a template's footnotes take ours.
PartFactory.part_type_for.setdefault(CT.WML_FOOTNOTES, XmlPart)

# The separator line above the footnotes, and the one Word draws when a footnote runs onto the next page.
_SEPARATOR = ('<w:footnote w:type="{kind}" w:id="{id}"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
              'w:lineRule="auto"/></w:pPr><w:r><w:{kind}/></w:r></w:p></w:footnote>')
_NEW_PART = (f'<w:footnotes {nsdecls("w")}>' + _SEPARATOR.format(kind="separator", id=-1)
             + _SEPARATOR.format(kind="continuationSeparator", id=0) + "</w:footnotes>")
_SEPARATOR_KINDS = ("separator", "continuationSeparator", "continuationNotice")


class Footnotes:
    """The document's footnotes, one added per mark as the body is written, parsed into the part in bulk."""

    def __init__(self, word: WordDocument, text_style_id: str, reference_style_id: str, after_number: str) -> None:
        """``after_number`` follows Word's number in each note: a tab to a hanging indent, else a space."""
        self.text_style, self.reference_style, self.after_number = text_style_id, reference_style_id, after_number
        root = _footnotes_part(word.part).element
        existing = root.findall(qn("w:footnote"))
        self.next_id = max((int(footnote.get(qn("w:id"))) for footnote in existing), default=0) + 1
        oxml.footnote_separators(word.settings.element, [
            footnote.get(qn("w:id")) for footnote in existing if footnote.get(qn("w:type")) in _SEPARATOR_KINDS
        ])
        self.notes = fragments.Fragments(root, before_last=False)

    def mark(self, note: Note) -> str:
        """A footnote of ``note``; returns its reference mark, a run to end the figure's paragraph with."""
        footnote_id = self.next_id
        self.next_id += 1
        self.notes.add(self.footnote(footnote_id, note))
        return fragments.styled_run(self.reference_style, f'<w:footnoteReference w:id="{footnote_id}"/>')

    def footnote(self, footnote_id: int, note: Note) -> str:
        """Word's number, the sentence the figure comes from, and its source and citer on a line below:
        one paragraph, so the style's spacing falls between notes, not inside one."""
        text = self.after_number + oxml.xml_safe(note.sentence)
        credits = " · ".join(line for line in (note.source, note.cited_by) if line)
        if credits:
            text += "\n" + oxml.xml_safe(credits)
        number = fragments.styled_run(self.reference_style, "<w:footnoteRef/>")
        body = fragments.paragraph(self.text_style, number + f"<w:r>{fragments.run_content(text)}</w:r>")
        return f'<w:footnote w:id="{footnote_id}">{body}</w:footnote>'

    def write(self) -> None:
        """Move the notes added so far into the footnotes part."""
        self.notes.flush()


def after_number(word: WordDocument, text_style_id: str) -> str:
    """What follows the number in a note: a tab to the hanging indent (ours, LibreOffice's), else a space
    as in Word's own notes. Read from the styled template, once."""
    indent = word.styles.get_by_id(text_style_id, WD_STYLE_TYPE.PARAGRAPH).paragraph_format.first_line_indent
    return "\t" if indent is not None and indent < 0 else " "


def _footnotes_part(document_part: DocumentPart) -> XmlPart:
    """The template's footnotes part, else a new one holding only the two separators."""
    try:
        return document_part.part_related_by(RT.FOOTNOTES)
    except KeyError:
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, parse_xml(_NEW_PART), document_part.package)
        document_part.relate_to(part, RT.FOOTNOTES)
        return part

"""Word footnotes, which python-docx has no API for: the footnotes part, the marks that point into it.

One footnote per note (per source sentence), as in the PDF: the first mark of
a note in reading order is the footnote's reference, inside a bookmark; every
later mark of it (the same figure on a card, at a glance, in its table row)
is a ``NOTEREF`` field to that bookmark, as Word's own cross-references to a
footnote are, its current result the note's number in the footnote
reference style. The numbers are the pack's own (``Note.mark``, which the PDF
prints): compose numbers notes article by article, while the marks reach
Word in reading order ("at a glance" first), so Word's automatic numbering
would differ; each footnote therefore carries its number as a custom mark
(``w:customMarkFollows``), which Word shows as written and does not count.
A reference template's footnotes part is kept and ours follow its own, with
ids above its highest.
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

BOOKMARK_PREFIX = "_RefNote"  # Word hides bookmarks whose name starts with "_"; "_Ref" marks a cross-reference
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

    def __init__(self, word: WordDocument, text_style_id: str, reference_style_id: str, after_number: str,
                 bookmarks: fragments.Bookmarks) -> None:
        """``after_number`` follows the number in each note: a tab to a hanging indent, else a space."""
        self.text_style, self.reference_style, self.after_number = text_style_id, reference_style_id, after_number
        self.bookmarks = bookmarks
        self.placed: dict[str, str] = {}  # a note's anchor → the bookmark around its footnote's reference
        root = _footnotes_part(word.part).element
        existing = root.findall(qn("w:footnote"))
        self.next_id = max((int(footnote.get(qn("w:id"))) for footnote in existing), default=0) + 1
        oxml.footnote_separators(word.settings.element, [
            footnote.get(qn("w:id")) for footnote in existing if footnote.get(qn("w:type")) in _SEPARATOR_KINDS
        ])
        self.notes = fragments.Fragments(root, before_last=False)

    def mark(self, note: Note) -> str:
        """``note``'s mark, runs to end the figure's paragraph with: its footnote's reference the first
        time, a cross-reference to that footnote every later time."""
        bookmark = self.placed.get(note.anchor)
        if bookmark is not None:
            return fragments.styled_field(self.reference_style, f"NOTEREF {bookmark} \\f \\h", note.mark)
        footnote_id = self.next_id
        self.next_id += 1
        self.notes.add(self.footnote(footnote_id, note))
        bookmark = self.placed[note.anchor] = f"{BOOKMARK_PREFIX}{footnote_id}"
        number = fragments.run_content(oxml.xml_safe(note.mark))
        number = f'<w:footnoteReference w:customMarkFollows="1" w:id="{footnote_id}"/>{number}'
        return self.bookmarks.around(bookmark, fragments.styled_run(self.reference_style, number))

    def footnote(self, footnote_id: int, note: Note) -> str:
        """The note's number, the sentence the figure comes from, and its source and citer on a line
        below: one paragraph, so the style's spacing falls between notes, not inside one."""
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

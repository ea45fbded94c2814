"""The pack's paragraphs: lines broken once per width, fragments made without reportlab's markup parser.

Documents of the same articles (one language after another, a Word pack's page
numbers after its PDF) set the articles' own text again: the same paragraphs in
the same styles and widths, so the same lines. While ``lines_shared_by`` is in
force, a paragraph takes the lines of its twin in the documents laid out just
before from the same briefs in this thread instead of breaking them again.

reportlab reads every paragraph's markup with an HTML parser: about 30 µs for plain
text and 100-190 µs for a little markup, for some hundred paragraphs a chapter.
Three shapes are nearly all of them: plain text; text ending in a note mark (a
superscript link to the note, ``Story.note_mark``, after the anchor the note links
back to where it is the note's first mark); a note's number (its anchor and a bold
link back to the figure, ``Story.visit_notes``). For each, the parser is run
once per style (and mark size and colour) on a probe, and the probe's fragments are
copied with this paragraph's words, anchor and link: exactly what the parser makes
of the paragraph (``tests/test_pdf_text.py`` holds each shape to the parser's).
Any other markup is left to the parser.

A paragraph of plain text finds its lines as reportlab's ``breakLines`` does, by the
same sums in the same order, but with its words' widths looked up in its font's memory
(``plain_lines``) instead of measured through three Python calls each; every other
paragraph is broken by reportlab (``tests/test_pdf_lines.py`` holds the two equal).
"""

from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from typing import Any, Iterator
from weakref import WeakKeyDictionary

from reportlab.lib.abag import ABag
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.pdfbase.pdfmetrics import getAscentDescent, getFont
from reportlab.platypus.paragraph import cleanBlockQuotedText, split, strip
from reportlab.platypus.paraparser import ParaParser

_PLAIN = r"[^<>&]"
_ANCHOR = r'[^"<>&\s]+'
_COLOR = r"[0-9a-fA-F]{6}"
_MARKED = re.compile(rf'(?P<plain>{_PLAIN}*)(?:<a name="(?P<name>{_ANCHOR})"/>)?<super(?P<size> size="\d+\.\d")?>'
                     rf'<a href="#(?P<href>{_ANCHOR})" color="#(?P<color>{_COLOR})">(?P<mark>{_PLAIN}+)</a></super>')
_NUMBER = re.compile(rf'<a name="(?P<name>{_ANCHOR})"/><a href="#(?P<href>{_ANCHOR})" '
                     rf'color="#(?P<color>{_COLOR})"><b>(?P<mark>{_PLAIN}+)</b></a>')


class Text(Paragraph):
    """A paragraph that breaks its lines once per width, its fragments made here when its markup allows.

    reportlab wraps a paragraph again on every question about its height:
    kept with a heading, fitted in a frame, measured in a table cell. The
    lines depend on the width alone, so a second wrap at the same width
    answers from the first (unless a split has dropped the lines it kept).
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None  # available width, (width, height)

    def __init__(self, text: str | None, style: Any, **pieces: Any) -> None:
        if "frags" not in pieces and (frags := known_frags(text, style)) is not None:
            pieces["frags"] = frags
        super().__init__(text, style, **pieces)

    def breakLines(self, width: Any) -> Any:  # noqa: N802 (reportlab's name)
        """reportlab's lines, found faster for plain text (``plain_lines``)."""
        lines = plain_lines(self, width)
        return lines if lines is not None else super().breakLines(width)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab's names)
        if self._wrapped is None or self._wrapped[0] != availWidth or not hasattr(self, "blPara"):
            self._wrapped = (availWidth, self._broken(availWidth, availHeight))
        return self._wrapped[1]

    def _broken(self, width: float, height: float) -> tuple[float, float]:
        """reportlab's wrap, or the lines of this paragraph's twin in ``lines_shared_by``'s memory."""
        memory: _LineMemory | None = getattr(_shared, "memory", None)
        if memory is None or self.text is None or self.bulletText is not None:
            return super().wrap(width, height)
        key = (self.text, width, getattr(self, "autoLeading", None))
        twin = memory.earlier.get(key)
        if twin is not None and twin[0] is self.style:
            _, self.width, self.height, self._wrapWidths, self.blPara = twin
            return self.width, self.height
        size = super().wrap(width, height)
        if len(memory.earlier) + len(memory.lines) < _LINES_REMEMBERED:
            memory.lines[key] = (self.style, self.width, self.height, self._wrapWidths, self.blPara)
        return size


def plain_lines(paragraph: Paragraph, width: Any) -> ABag | None:
    """The lines reportlab's ``breakLines`` finds for a paragraph of plain text in one of our fonts,
    or None for any other paragraph.

    reportlab measures each word through three Python calls, then fits it on the line; here each
    word's width is looked up (``word_widths``) and the line filled by the same sums in the same
    order, so the lines and their widths are reportlab's to the last bit. What this leaves to
    reportlab: several fragments, a bullet, dots, bidi or shaping, hyphenation (soft hyphens
    included), and a word wider than a line, which reportlab splits."""
    style, frags = paragraph.style, paragraph.frags
    if (len(frags) != 1 or paragraph.bulletText or style.endDots or style.wordWrap or style.shaping
            or getattr(style, "hyphenationLang", "") or style.uriWasteReduce or style.embeddedHyphenation):
        return None
    frag = frags[0]
    if not hasattr(frag, "text") or hasattr(frag, "cbDefn") or hasattr(frag, "backColor"):
        return None
    font = getFont(frag.fontName)
    word_widths = getattr(font, "word_widths", None)
    text = strip(frag.text)
    if word_widths is None or not text or "\xad" in text:
        return None
    size = frag.fontSize
    known = word_widths(size)
    words = split(text)
    if not all(words):
        return None
    widths = []
    for word in words:
        found = known.get(word)
        if found is None:
            found = known[word] = font.stringWidth(word, size, paragraph.encoding)
        widths.append(found)
    max_widths = list(width) if isinstance(width, (tuple, list)) else [width]
    if max(widths) > min(max_widths):
        return None  # reportlab splits the word
    paragraph.height = 0
    paragraph._splitLongWordCount = paragraph._hyphenations = 0
    space = font.stringWidth(" ", size, paragraph.encoding)
    shrink = style.spaceShrinkage * space
    last_line = len(max_widths) - 1
    line_number = 0
    max_width = max_widths[0]
    lines: list[tuple[float, list[str]]] = []
    line: list[str] = []
    current = -space  # as reportlab starts: no space before the first word
    widest = 0
    for word, word_width in zip(words, widths):
        new_width = current + space + word_width
        if new_width <= max_width + shrink * len(line) or not line:
            line.append(word)
            current = new_width
        else:
            if current > widest:
                widest = current
            lines.append((max_width - current, line))
            line = [word]
            current = word_width
            line_number += 1
            max_width = max_widths[min(last_line, line_number)]
    if line:
        if current > widest:
            widest = current
        lines.append((max_width - current, line))
    paragraph._width_max = widest
    ascent, descent = getAscentDescent(frag.fontName, size)
    return frag.clone(kind=0, lines=lines, ascent=ascent, descent=descent, fontSize=size)


_LINES_REMEMBERED = 4_000  # paragraphs, ~3 KB of lines each: about a hundred articles, ~12 MiB at most
_shared = threading.local()


class _LineMemory:
    """The lines of the layouts of ``briefs`` in one thread: (markup, width, leading rule) → (style, width,
    height, widths, lines), the style the very same object. A layout reads those of the layouts before
    it (``earlier``) and records its own (``lines``): a paragraph repeated within one document breaks
    its lines each time, as without a memory."""

    def __init__(self, briefs: tuple, earlier: dict[tuple, tuple]) -> None:
        self.briefs = briefs
        self.earlier = earlier
        self.lines: dict[tuple, tuple] = {}

    def made_from(self, briefs: tuple) -> bool:
        return len(briefs) == len(self.briefs) and all(a is b for a, b in zip(briefs, self.briefs))

    def all_lines(self) -> dict[tuple, tuple]:
        return {**self.earlier, **self.lines}


@contextmanager
def lines_shared_by(briefs: tuple) -> Iterator[None]:
    """Paragraphs laid out inside take the lines of their twins in the layouts of the same ``briefs``
    (the very same objects) just before, in this thread: a brief's other documents break its text once."""
    last: _LineMemory | None = getattr(_shared, "last", None)
    earlier = last.all_lines() if last is not None and last.made_from(briefs) else {}
    memory = _LineMemory(briefs, earlier)
    _shared.memory = memory
    try:
        yield
    finally:
        _shared.memory = None
        _shared.last = memory


_probes: WeakKeyDictionary[ParagraphStyle, dict[tuple, list[Any]]] = WeakKeyDictionary()


def known_frags(text: str | None, style: ParagraphStyle) -> list[Any] | None:
    """The fragments reportlab's parser would make of ``text`` in ``style``, when the markup is one of
    the shapes above; else None (the parser reads it)."""
    if not text:
        return None
    cleaned = cleanBlockQuotedText(text)  # as Paragraph cleans its text before parsing it
    if not cleaned:
        return None
    if "<" not in cleaned and "&" not in cleaned:
        return [_copy(_probe(style, ("plain",), "x")[0], text=cleaned)]
    marked = _MARKED.fullmatch(cleaned)
    if marked is not None:
        plain, name, size, href, color, mark = marked.group("plain", "name", "size", "href", "color", "mark")
        anchored = '<a name="n"/>' if name else ""
        probe = _probe(style, ("marked", bool(plain), bool(name), size, color),
                       f'{"x" if plain else ""}{anchored}<super{size or ""}><a href="#h" color="#{color}">1</a></super>')
        made = [_copy(probe[0], text=plain)] if plain else []
        if name:
            made.append(_named(probe[-2], name))
        return [*made, _linked(probe[-1], mark, href)]
    number = _NUMBER.fullmatch(cleaned)
    if number is not None:
        name, href, color, mark = number.group("name", "href", "color", "mark")
        probe = _probe(style, ("number", color), f'<a name="n"/><a href="#h" color="#{color}"><b>1</b></a>')
        return [_named(probe[0], name), _linked(probe[1], mark, href)]
    return None


def _named(anchor: Any, name: str) -> Any:
    """The probe's anchor fragment (``<a name="n"/>``) naming ``name``."""
    return _copy(anchor, cbDefn=ABag(**{**anchor.cbDefn.__dict__, "name": name}))


def _linked(link: Any, mark: str, href: str) -> Any:
    """The probe's link fragment (``<a href="#h">1</a>``) reading ``mark`` and pointing at ``#href``."""
    return _copy(link, text=mark, link=[(0, f"#{href}")])


def _probe(style: ParagraphStyle, key: tuple, markup: str) -> list[Any]:
    """The parser's fragments of ``markup`` in ``style``, parsed once per style and ``key``."""
    known = _probes.setdefault(style, {})
    if key not in known:
        known[key] = ParaParser().parse(markup, style)[1]
    return known[key]


def _copy(frag: Any, **changes: Any) -> Any:
    """``frag`` with ``changes``, its lists its own (the parser gives each fragment new ones)."""
    lists = {name: list(value) for name, value in frag.__dict__.items() if isinstance(value, list)}
    return frag.clone(**{**lists, **changes})

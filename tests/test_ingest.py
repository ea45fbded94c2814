"""Any common encoding and every supported format reach the parser intact."""

from __future__ import annotations

import pytest

import reportgen
from reportgen.errors import InputError
from reportgen.ingest import read_source

ARTICLE = (
    "Ecuador’s “crisis” deepens\n\n"
    "Quito — Homicides rose again this year, the government said on Monday, in a report that "
    "alarmed analysts across the región.\n\n"
    "“The numbers are worse than we feared,” said Ana Pérez, senior fellow at the Andean Institute.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_encodings_keep_curly_quotes_and_accents(encoding):
    source = read_source(ARTICLE.encode(encoding), "a.txt", "txt")
    text = "\n".join(block.text for block in source.blocks)
    assert "Ecuador’s “crisis” deepens" in text
    assert "región" in text and "Pérez" in text
    assert source.encoding in (encoding, "utf-16")


def test_utf16_without_bom_is_recognized():
    source = read_source(ARTICLE.encode("utf-16-le"), "a.txt", "txt")
    assert source.blocks[0].text == "Ecuador’s “crisis” deepens"


def test_line_endings_are_normalized_and_text_is_nfc():
    decomposed = "Cafe\u0301 cerrado\r\n\r\nEl caf\u00e9 cerro\u0301 el lunes por la crisis en la regio\u0301n.\r\n"
    source = read_source(decomposed.encode("utf-8"), "a.txt", "txt")
    assert source.blocks[0].text == "Café cerrado"
    assert all("\r" not in block.text for block in source.blocks)


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = (
        "Officials in Lima said on Tuesday that the new mining law would be sent\n"
        "to Congress before the end of the month, despite protests in the south\n"
        "of the country.\n"
    )
    source = read_source(wrapped.encode(), "a.txt", "txt")
    assert len(source.blocks) == 1
    assert source.blocks[0].text.startswith("Officials in Lima said") and "sent to Congress" in source.blocks[0].text


def test_markdown_structure_kept_and_markup_dropped():
    markdown = (
        "# Lithium and the *new* Andes\n\n*By Laura Gómez*\n\n"
        "Chile's output rose, **the ministry** said, according to [official data](https://example.org).\n"
        "It was a record.\n\n> “We are ready,” said the minister.\n\n- first point\n- second point\n"
    )
    blocks = read_source(markdown.encode(), "a.md", "md").blocks
    assert blocks[0].text == "Lithium and the new Andes" and blocks[0].role == "h"
    assert blocks[2].text == "Chile's output rose, the ministry said, according to official data. It was a record."
    assert blocks[3].role == "quote" and blocks[3].text == "“We are ready,” said the minister."
    assert [b.text for b in blocks if b.role == "li"] == ["first point", "second point"]


HTML_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ports reopen in Peru | Andes Daily</title>
<meta property="og:site_name" content="Andes Daily">
<meta property="article:published_time" content="2025-03-04T08:00:00Z">
<script>document.write("tracking")</script><style>p {color: red}</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ports reopen in Peru after a week of protests</h1>
<p>Lima — Peru's main ports reopened on Tuesday after a week of protests by truckers that halted
exports of copper and fruit, the transport ministry said in a statement.</p>
<p>“Trade is flowing again, but the losses are real,” said Carla Ruiz, an economist at the Pacific
Trade Institute, who estimated the cost of the stoppage for exporters across the southern region.</p>
<p>The government promised to review fuel prices, one of the truckers' main demands, within thirty days,
and said talks with the unions would continue through the weekend in the capital.</p>
<img src="http://tracker.invalid/pixel.png"></article>
<footer>© 2025 Andes Daily. All rights reserved.</footer></body></html>"""


def test_html_article_text_and_metadata_without_scripts_or_navigation():
    source = read_source(HTML_PAGE.encode(), "page.html", "html")
    text = "\n".join(block.text for block in source.blocks)
    assert "Peru's main ports reopened on Tuesday" in text
    assert "tracking" not in text and "color: red" not in text and "All rights reserved" not in text
    assert source.meta.publication == "Andes Daily"
    assert source.meta.published == "2025-03-04"


def test_html_brief(tmp_path):
    page = tmp_path / "ports.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    brief = reportgen.parse_file(page)
    assert brief.title == "Ports reopen in Peru after a week of protests"
    assert brief.publication == "Andes Daily"
    assert brief.published == "2025-03-04"
    assert [(e.name, e.role, e.organization) for e in brief.experts] == [
        ("Carla Ruiz", "economist", "Pacific Trade Institute")]
    assert brief.source.format == "html"


@pytest.mark.parametrize("data, problem", [
    (b"", "empty"),
    (b"   \n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "is a PNG image, not an article"),
    (b"\x00" * 500, "not a text file"),
])
def test_unusable_files_raise_one_clear_input_error(data, problem):
    with pytest.raises(InputError, match=problem) as caught:
        read_source(data, "bad.txt", "txt")
    assert str(caught.value).startswith("bad.txt: ")


def test_parse_file_reads_a_brief_json_back_as_is(tmp_path, news_brief):
    import json

    path = tmp_path / "brief.json"
    path.write_text(json.dumps(news_brief.to_dict()), encoding="utf-8")
    assert reportgen.parse_file(path) == news_brief

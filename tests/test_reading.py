"""The input edge: one reader tells what a file is and reads it once, for every command and the API."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from conftest import NEWS_SEED, QA_SEED
from reportgen import build, parse_file
from reportgen.ingest import STDIN, InputKind, Source, identify, input_name, read, read_input
from reportgen.model import PackReading

DATE = "2025-12-08"


def _word_article(path: Path) -> Path:
    """An ordinary Word article, as someone saves one from Word."""
    document = docx.Document()
    document.add_heading("Harbour fees rise again", 0)
    document.add_paragraph("The harbour authority raised its fees by 12% in 2024, according to its annual report.")
    document.add_paragraph("Shippers said the rise would cost them $3 million a year.")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def word_pack(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pack")
    return build([QA_SEED, NEWS_SEED], formats=["docx"], langs=["es"], style="ink", out=out,
                 date=DATE).outputs[0].path


@pytest.fixture
def docx_opens(monkeypatch) -> list[object]:
    """Every time python-docx opens a package from here on."""
    opened: list[object] = []
    original = docx.Document

    def counting(*args: object, **kwargs: object) -> object:
        opened.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(docx, "Document", counting)
    return opened


@pytest.mark.parametrize("given", ["article", "pack"])
def test_a_build_opens_each_word_input_once(given, word_pack, docx_opens, tmp_path):
    """Telling a pack from an article, reading its options and reading it is one python-docx open
    (it was three: two identifications and the reading)."""
    path = _word_article(tmp_path / "article.docx") if given == "article" else word_pack
    docx_opens.clear()  # the article was made by python-docx too
    result = build([path], formats=["md"], out=tmp_path / "out", date=DATE, jobs=1)
    assert not result.errors
    assert len(docx_opens) == 1


def test_articles_of_every_format_are_read_as_text_for_the_parser(tmp_path):
    article = _word_article(tmp_path / "article.docx").read_bytes()
    cases = {
        "a.txt": QA_SEED.read_bytes(),
        "a.md": b"# Harbour fees\n\nThe authority raised its fees by 12% in 2024.\n",
        "a.html": b"<html><body><article><h1>Harbour fees</h1><p>The authority raised its fees by 12% in 2024."
                  b"</p></article></body></html>",
        "article.docx": article,
        "saved-without-suffix": article,
    }
    for name, data in cases.items():
        reading = read(data, name)
        assert isinstance(reading, Source) and reading.path == name, name
    assert read(article, "saved-without-suffix").format == "docx"
    assert identify(article, "article.docx") == InputKind("docx")  # no pack properties: an article


def test_a_word_pack_reads_as_its_briefs_with_the_options_it_was_built_with(word_pack):
    data = word_pack.read_bytes()
    assert identify(data, "pack.docx").built_with == ("ink", "es")  # told before parsing: a build plans with it
    pack = read(data, str(word_pack))
    assert isinstance(pack, PackReading) and len(pack.briefs) == 2
    assert (pack.title, pack.theme, pack.language) == (None, "ink", "es")


def test_a_brief_written_by_parse_reads_back_as_itself(tmp_path):
    import json

    brief = parse_file(NEWS_SEED)
    data = json.dumps(brief.to_dict()).encode()
    assert read(data, "brief.json") == PackReading((brief,))
    assert identify(data, "brief") == InputKind("json")  # told by its first byte


def test_standard_input_is_read_with_a_dash_and_named_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Harbour fees rise\n\nBy 12%.")))
    assert read_input(STDIN) == b"Harbour fees rise\n\nBy 12%."
    assert input_name(STDIN) == "<stdin>"
    assert input_name("caf\udce9.txt") == "caf\\xe9.txt"  # a name that is not UTF-8 prints with escapes


def test_review_shows_a_long_word_articles_text_without_opening_it_again(docx_opens, tmp_path, monkeypatch):
    """A brief of a long article does not keep its text; review derives it from the article as read
    for the parse (it read the file a second time, a second python-docx open)."""
    from reportgen.parse import trace
    from reportgen.review import review

    monkeypatch.setattr(trace, "MAX_KEPT_TEXT", 100)  # any article is "long" here
    monkeypatch.setattr("reportgen.parse.MAX_KEPT_TEXT", 100)
    path = _word_article(tmp_path / "article.docx")
    docx_opens.clear()
    result = review([path], out=tmp_path / "review")
    assert not result.failures and len(docx_opens) == 1
    page = result.pages[0].read_text(encoding="utf-8")
    assert "matches the brief" in page and "harbour authority raised its fees" in page

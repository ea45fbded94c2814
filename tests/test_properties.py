"""Property tests: any text parses or is refused cleanly; any brief renders in every format and reads back.

The default runs are sized for CI; ``pytest -m slow tests/test_properties.py``
runs the same properties at length (the fuzzing run reported in the notes).
"""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from reportgen import Brief, InputError, parse_bytes
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render import renderer_for
from reportgen.themes import ThemeTexts, load_theme
from test_model import briefs

THEME = load_theme("default")
BRAND = Brand("Brand", ThemeTexts(footer="Footer", disclaimer="Check."))
# Titles a PDF can show and pypdf can give back: every Latin script letter the bundled fonts cover,
# digits, spaces and the characters that are markup elsewhere.
TITLE_ALPHABET = st.characters(codec="latin-1", categories=("L", "N", "Zs", "P", "S")) | st.sampled_from(
    list("ŁłŃńŐőŒœŘřŚśŠšŤťŮůŰűŸŹźŻżŽž<>&'\"*_|#[]"))
titles = st.text(TITLE_ALPHABET, min_size=1, max_size=60).filter(lambda title: title.strip())
ARTICLE_TEXT = st.text(max_size=3000) | st.lists(st.text(max_size=300), max_size=12).map("\n".join)


def _parse_or_refuse(data: bytes, name: str) -> None:
    try:
        brief = parse_bytes(data, name)
    except InputError as error:
        assert str(error).startswith(f"{name}: ")
    else:
        assert isinstance(brief, Brief) and brief.title


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ARTICLE_TEXT, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_any_text_parses_or_is_refused_with_the_input_error(text, name):
    _parse_or_refuse(text.encode("utf-8"), name)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_any_bytes_parse_or_are_refused_with_the_input_error(data):
    _parse_or_refuse(data, "bytes.txt")


def _collapse(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _read_back(fmt: str, data: bytes, path: Path) -> str:
    path.write_bytes(data)
    if fmt == "pdf":
        return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if fmt == "html":
        reader = _Text()
        reader.feed(data.decode("utf-8"))
        return "".join(reader.parts)
    if fmt == "md":
        return re.sub(r"\\([!-/:-@\[-`{-~])|&(amp|lt|gt);",  # CommonMark's escapes and the entities it writes
                      lambda m: m[1] or {"amp": "&", "lt": "<", "gt": ">"}[m[2]], data.decode("utf-8"))
    return json.loads(data)["briefs"][0]["title"]


def _renders_and_reads_back(brief: Brief, title: str, language: str, folder: Path) -> None:
    brief = Brief(**{**brief.__dict__, "title": title})
    document = compose_pack(Pack((brief,), title, date="2025-12-08"), language, BRAND)
    for fmt in ("pdf", "docx", "html", "md", "json"):
        text = _read_back(fmt, renderer_for(fmt).render(document, THEME), folder / f"out.{fmt}")
        assert _collapse(title) in _collapse(text), fmt


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(brief=briefs, title=titles, language=st.sampled_from(["en", "es"]))
def test_any_brief_renders_in_every_format_and_reads_back_with_its_title(brief, title, language, tmp_path):
    _renders_and_reads_back(brief, title, language, tmp_path)


@pytest.mark.slow
@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(ARTICLE_TEXT | st.binary(max_size=20000).map(lambda b: b.decode("latin-1")),
       st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_fuzz_parsing_at_length(text, name):
    _parse_or_refuse(text.encode("utf-8"), name)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(brief=briefs, title=titles, language=st.sampled_from(["en", "es"]))
def test_fuzz_rendering_at_length(brief, title, language, tmp_path_factory):
    _renders_and_reads_back(brief, title, language, tmp_path_factory.mktemp("fuzz"))

"""HTML and Markdown packs as a phone, a screen reader and a Markdown site read them (issue 20).

Words break only where hyphenation allows, except long runs such as URLs; every chapter says its
language; links wear the theme's colour; Markdown contents entries link to their headings by the ids
GFM renderers give them.
"""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import NEWS_SEED, QA_SEED
from reportgen import build
from reportgen.render.markdown import gfm_id

SPANISH_QA = Path(__file__).parent / "articles" / "es_qa_entrevista_chile_litio.txt"


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> dict[str, str]:
    """An English pack holding two English articles and one Spanish interview."""
    result = build([QA_SEED, NEWS_SEED, SPANISH_QA], formats=["html", "md"], langs=["en"],
                   out=tmp_path_factory.mktemp("web"), date="2025-12-08", jobs=1)
    return {output.format: output.path.read_text(encoding="utf-8") for output in result.outputs}


class _Languages(HTMLParser):
    """The ``lang`` of each chapter section, and of each heading inside a chapter."""

    def __init__(self) -> None:
        super().__init__()
        self.chapters: dict[str, str | None] = {}
        self.headings: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section" and re.fullmatch(r"article-\d+", values.get("aria-labelledby") or ""):
            self.chapters[values["aria-labelledby"]] = values.get("lang")
        if re.fullmatch(r"h[2-4]", tag) and values.get("id"):
            self.headings[values["id"]] = values.get("lang")


def test_every_chapter_says_its_language_and_the_packs_own_headings_say_theirs(mixed):
    languages = _Languages()
    languages.feed(mixed["html"])
    assert languages.chapters == {"article-1": "en", "article-2": "en", "article-3": "es"}
    # Inside the Spanish chapter, the headings the pack wrote ("Key figures") are English text.
    inner = {anchor: lang for anchor, lang in languages.headings.items() if anchor.startswith("article-3-")}
    assert inner and set(inner.values()) == {"en"}
    assert all(lang is None for anchor, lang in languages.headings.items() if anchor.startswith("article-1-"))


def test_words_break_only_where_hyphenation_allows_and_long_runs_anywhere(tmp_path):
    url = "https://example.org/reports/2025/annual-remittance-statistics-final.pdf"
    article = tmp_path / "remittances.txt"
    article.write_text(
        "Remittances keep rising\n\n"
        f"Transfers grew 12% in 2025, said Marta Oliva, an economist at the Andes Institute. Her data: {url}\n",
        encoding="utf-8")
    page = build([article], formats=["html"], out=tmp_path / "out", jobs=1).outputs[0].path.read_text("utf-8")
    style = page[page.index("<style>"):page.index("</style>")]
    rules = dict(re.findall(r"([^{}]+)\{([^{}]*)\}", style.removeprefix("<style>")))
    assert "overflow-wrap:anywhere" not in rules["body"] and "hyphens:auto" in rules["body"]
    assert "overflow-wrap:anywhere" in rules[".long"]
    assert f'<span class="long">{url}</span>' in page
    assert '<span class="long">Remittances' not in page and '<span class="long">2025' not in page
    assert '<div class="table-wrap"><table' in page  # a wide table scrolls on a phone instead of breaking words


def test_links_wear_the_themes_colour(mixed):
    style = mixed["html"][mixed["html"].index("<style>"):mixed["html"].index("</style>")]
    assert "a{color:var(--primary)}" in style and "a:visited{color:var(--primary)}" in style


def test_markdown_contents_entries_link_to_their_headings(mixed):
    text = mixed["md"]
    contents = text[text.index("## Contents"):text.index("## At a glance")]
    links = re.findall(r"- \[(.+?)\]\(#([^)]+)\)", contents)
    assert len(links) == contents.count("\n- ") + contents.count("\n  - ") > 10
    # Every heading's id as GFM renderers give it, a repeated one numbered in order.
    ids, seen = set(), Counter()
    for title in re.findall(r"^#{1,6} (.+)$", text, flags=re.MULTILINE):
        base = gfm_id(unescape(title.replace("\\", "")))
        ids.add(f"{base}-{seen[base]}" if seen[base] else base)
        seen[base] += 1
    assert {target for _, target in links} <= ids
    assert ("Key figures", "key-figures-1") in links and ("Key figures", "key-figures-2") in links


@pytest.mark.parametrize("title, expected", [
    ("¿Qué viene después del litio?", "qué-viene-después-del-litio"),
    ("Ports & rails: 2025–2030", "ports--rails-20252030"),
    ("US-Mexico  relations", "us-mexico-relations"),
])
def test_gfm_heading_ids_keep_letters_and_drop_punctuation(title, expected):
    assert gfm_id(title) == expected

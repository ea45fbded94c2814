"""HTML, Markdown and JSON packs: read back as a browser, a Markdown tool and a JSON reader would."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import NEWS_SEED, QA_SEED
from reportgen import Brief, parse_file
from reportgen import build


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    result = build([QA_SEED, NEWS_SEED], formats=["html", "md", "json"], out=tmp_path_factory.mktemp("r"),
                   date="2025-12-08", jobs=1)
    return {output.format: output.path for output in result.outputs}


class _Outline(HTMLParser):
    """Headings, table header cells and the html element's attributes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.th_scopes: list[str | None] = []
        self.html_attrs: dict[str, str | None] = {}
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.html_attrs = values
        if len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th_scopes.append(values.get("scope"))
        for name in ("src", "href"):
            if values.get(name) and not values[name].startswith(("#", "data:")):
                self.external.append(values[name])


def test_html_is_one_accessible_self_contained_page(outputs):
    page = outputs["html"].read_text(encoding="utf-8")
    outline = _Outline()
    outline.feed(page)
    assert outline.html_attrs["lang"] == "en"
    assert outline.headings[0] == 1 and outline.headings.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:]))  # no skipped levels
    assert outline.th_scopes and set(outline.th_scopes) == {"col"}
    assert outline.external == []  # nothing fetched: CSS and logo are inline
    assert '<img src="data:image/svg+xml;base64,' in page and "<style>" in page
    for expert in parse_file(QA_SEED).experts:
        assert expert.name in page


def test_html_escapes_article_text(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("A <script>alert(1)</script> & co headline\n\nBody text <b>here</b>, said nobody.\n",
                       encoding="utf-8")
    page = build([article], formats=["html"], out=tmp_path / "out", jobs=1).outputs[0].path.read_text("utf-8")
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_markdown_has_gfm_tables_and_literal_article_text(outputs, tmp_path):
    text = outputs["md"].read_text(encoding="utf-8")
    assert text.startswith("# Briefing pack\n")
    assert "| Figure | What it measures | Period | Source | Cited by |" in text
    assert "|---:|---|---|---|---|" in text
    assert "> **The question**" in text
    article = tmp_path / "stars.txt"
    article.write_text("Index rises again\n\nRates *really* rose_fast, in a 5|6 split, said Ana Ruiz of the bank.\n",
                       encoding="utf-8")
    literal = build([article], formats=["md"], out=tmp_path / "out", jobs=1).outputs[0].path.read_text("utf-8")
    assert r"Rates \*really\* rose\_fast, in a 5\|6 split" in literal


def test_json_is_the_pack_as_parsed(outputs):
    data = json.loads(outputs["json"].read_text(encoding="utf-8"))
    assert data["schema"] == "reportgen.pack/2"
    assert [Brief.from_dict(brief) for brief in data["briefs"]] == [parse_file(QA_SEED), parse_file(NEWS_SEED)]


def test_outputs_have_ordinary_file_permissions(outputs):
    assert all(path.stat().st_mode & 0o044 == 0o044 for path in outputs.values())


def test_the_example_plugin_installs_and_builds_through_its_entry_point(tmp_path):
    import os
    import subprocess
    import sys

    from conftest import ROOT

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
                    "--target", str(target), str(ROOT / "examples" / "plugin")], check=True)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(target), *sys.path])}
    listed = subprocess.run([sys.executable, "-m", "reportgen", "formats"], env=env, capture_output=True, text=True)
    assert "csv" in listed.stdout.split()
    out = tmp_path / "out"
    subprocess.run([sys.executable, "-m", "reportgen", "build", "--format", "csv", "--lang", "es", "--out",
                    str(out), "-q", str(QA_SEED)], env=env, check=True)
    rows = (out / "briefing-pack.es.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0].split(",")[1:3] == ["Cifra", "Qué mide"]
    assert any("Human Rights Watch" in row for row in rows)

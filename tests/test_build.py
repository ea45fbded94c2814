"""`reportgen build` and `reportgen styles` as a user runs them, and compose's promises."""

from __future__ import annotations

import gettext
import re

import pytest

from click.testing import CliRunner

from conftest import NEWS_SEED, QA_SEED, pdf_text
from reportgen import build, compose
from reportgen.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_build_with_a_title_names_the_file_after_it_and_prints_the_path(tmp_path):
    result = run("build", str(QA_SEED), "--format", "pdf", "--style", "ink",
                 "--title", "Andean security, week 48", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = tmp_path / "andean-security-week-48.en.pdf"
    assert result.stdout.strip() == str(written)
    assert "Andean security, week 48" in pdf_text(written)


def test_split_and_pack_together_write_both(tmp_path):
    result = run("build", str(QA_SEED), str(NEWS_SEED), "--split", "--pack", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert len(list(tmp_path.glob("*.pdf"))) == 3
    assert (tmp_path / "briefing-pack.en.pdf").exists()


def test_an_unknown_format_is_a_usage_error_listing_the_known_ones(tmp_path):
    result = run("build", "--format", "pdff", "--out", str(tmp_path))
    assert result.exit_code == 2
    assert "unknown format 'pdff'; known formats: docx, html, json, md, pdf" in result.output
    assert not any(tmp_path.iterdir())


def test_a_bad_theme_is_one_line_and_nothing_is_written(tmp_path):
    theme = tmp_path / "bad.toml"
    theme.write_text('[colors]\nprimary = "blue"\n', encoding="utf-8")
    result = run("build", "--style", str(theme), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr == f"reportgen: {theme}: colors.primary: is 'blue'; give a colour as #RRGGBB\n"
    assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_a_bad_article_is_reported_and_the_rest_still_builds(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("build", str(QA_SEED), str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"reportgen: {empty}: " in result.stderr
    assert (tmp_path / "out" / "briefing-pack.en.pdf").exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["briefing-pack.en.pdf", "manifest.json"]


def test_a_folder_is_searched_for_articles(tmp_path):
    articles = tmp_path / "articles"
    (articles / "nested").mkdir(parents=True)
    (articles / "nested" / "qa.txt").write_bytes(QA_SEED.read_bytes())
    (articles / "notes.pdf").write_bytes(b"ignored: not an article format")
    result = run("build", str(articles), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "Are Tense Relations" in pdf_text(tmp_path / "out" / "briefing-pack.en.pdf")


def test_styles_lists_each_builtin_theme_on_one_line():
    result = run("styles")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["default", "harbour", "ink"]
    assert all(len(line.split()) > 3 for line in lines)


class _Pseudo(gettext.NullTranslations):
    """A pseudo-locale: every label comes back in brackets, so a label that skips it shows."""

    def gettext(self, message: str) -> str:
        return f"[{message}]"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"[{singular if n == 1 else plural}]"


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_every_label_comes_through_the_translation_function(monkeypatch, tmp_path, fmt):
    """With a pseudo-locale, English labels left in compose, formatting or a renderer would show."""
    from reportgen import build
    from reportgen.compose import pack
    from reportgen.i18n import formatting

    monkeypatch.setattr(pack, "translations", lambda language: _Pseudo())
    monkeypatch.setattr(formatting, "translations", lambda language: _Pseudo())
    path = build([QA_SEED, NEWS_SEED], formats=[fmt], out=tmp_path, title="T").outputs[0].path
    text = pdf_text(path) if fmt == "pdf" else _docx_text(path)
    for label in ("[Contents]", "[At a glance]", "[Key figures]", "[Expert summaries]", "[more than $12 billion]"):
        assert label in text, label
    outside_catalog = re.sub(r"\[[^\]]*\]", "", text)
    for english in ("Contents", "At a glance", "Key figures", "Expert summaries", "Full commentary",
                    "Sources and method", "Page 2 of", "Source:", "Cited by", "What it measures"):
        assert english not in outside_catalog, english


def _docx_text(path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    footer = [p.text for p in document.sections[0].footer.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells + footer)


def test_compose_orders_the_pack_and_picks_the_most_telling_figures(qa_brief, news_brief):
    from reportgen.compose.blocks import KeyFigures
    from reportgen.model import Pack
    from reportgen.themes import ThemeTexts

    document = compose.compose_pack(Pack((qa_brief, news_brief), "Week 48", date="2025-12-08"), "en",
                                    compose.Brand("Acme", ThemeTexts(disclaimer="Check.")))
    chapters = [section.title for section in document.sections() if section.level == 1]
    assert chapters == ["At a glance", qa_brief.title, news_brief.title, "Sources and method"]
    article = next(s for s in document.sections() if s.title == qa_brief.title)
    figures = next(s for s in article.children if getattr(s, "title", "") == "Key figures").children[0]
    assert isinstance(figures, KeyFigures) and 3 <= len(figures.items) <= 4
    assert all(item.source and item.source.startswith("Source: ") for item in figures.items)
    assert "less than 1%" not in [item.figure for item in figures.items]  # no measure, no source: not telling
    assert document.meta.author == "Acme" and document.blocks[0].date == "Monday, December 8, 2025"


class _TitlesRenderer:
    """A third-party renderer as a plugin would ship it: the pack's section titles as text."""

    name = "titles"
    suffix = ".txt"

    def render(self, document, theme) -> bytes:
        return "\n".join(section.title for section in document.sections()).encode("utf-8")


def test_a_renderer_from_the_entry_point_group_builds_like_a_builtin(monkeypatch, tmp_path):
    from importlib.metadata import EntryPoint

    from reportgen import render

    plugin = EntryPoint("titles", f"{__name__}:_TitlesRenderer", render.ENTRY_POINT_GROUP)
    monkeypatch.setattr(render, "entry_points", lambda group: [plugin] if group == render.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(render, "_registry", dict(render._registry))
    assert render.formats() == ["docx", "html", "json", "md", "pdf", "titles"]
    result = run("build", str(QA_SEED), "--format", "titles", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    written = (tmp_path / "briefing-pack.en.txt").read_text(encoding="utf-8")
    assert "Are Tense Relations Harming Anti-Drug Cooperation?" in written.splitlines()


def test_the_default_pack_names_its_seeds_as_seeds_not_where_reportgen_is_installed(tmp_path, monkeypatch):
    """Sources and method shows inputs as the user gave them; the bundled seeds as ``seeds/<file>``."""
    monkeypatch.chdir(tmp_path)
    result = run("build", "--format", "md", "--out", "pack")
    assert result.exit_code == 0, result.output
    sources = (tmp_path / "pack" / "briefing-pack.en.md").read_text(encoding="utf-8").split("## Sources and method")[1]
    assert sources.count("| seeds/0") == 2
    assert "site-packages" not in sources and str(QA_SEED.parent) not in sources


def test_a_cover_too_small_for_every_title_says_how_many_more_the_pack_holds(tmp_path):
    """Ten articles: the cover's "In this pack" lists seven titles and "+3 more articles", in both formats."""
    from pypdf import PdfReader

    import docx

    articles = sorted((QA_SEED.parent.parent / "tests" / "articles").glob("*.txt"))[:8] + [QA_SEED, NEWS_SEED]
    result = build(articles, formats=["pdf", "docx"], out=tmp_path, date="2025-12-08", jobs=1)
    by_format = {output.format: output.path for output in result.outputs}
    cover = " ".join(PdfReader(by_format["pdf"]).pages[0].extract_text().split())
    assert "+3 more articles" in cover
    word = "\n".join(paragraph.text for paragraph in docx.Document(str(by_format["docx"])).paragraphs[:40])
    assert "+3 more articles" in word
    spanish = build(articles[:9], formats=["pdf"], langs=["es"], out=tmp_path / "es", date="2025-12-08", jobs=1)
    assert "y 2 artículos más" in " ".join(PdfReader(spanish.outputs[0].path).pages[0].extract_text().split())

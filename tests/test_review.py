"""`reportgen review`: pages whose highlights sit exactly on the brief's offsets, readable by anyone."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import NEWS_SEED, QA_SEED, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen import parse_file
from reportgen.cli import main
from reportgen.model import Brief
from reportgen.review.highlight import Highlight, paragraphs_html
from reportgen.review.marks import rule_description
from reportgen.slug import slugify

ARTICLES = ROOT / "tests" / "articles"
SOME_ARTICLES = [ARTICLES / name for name in (
    "en_qa_monitor_peru_mining_law.txt",  # a Q&A with a framing question
    "en_news_colombia_gas_imports.txt",  # many dropped lines, one traced inside another
    "es_news_html_peru_agroexportaciones.html",
    "en_news_md_venezuela_oil_exports.md",
)]
HIGHLIGHT_KINDS = ("name", "commentary", "figure", "source", "sentence", "question", "dropped")
NO_HEADLINE = ("The ministry said on Monday that exports rose 12 percent in March, according to the central bank, "
               "as demand from China recovered after a weak winter season.\n\nOfficials expect the trend to continue "
               "through the rest of the year, said Ana Ruiz, an economist at the Andean Institute.\n")


# -- reading the pages back ----------------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def text(self, skip: str | tuple[str, ...] | None = ("rule", "block-role")) -> str:
        """The text inside, leaving out annotation elements (a dropped line's rule label, a block's role)."""
        skipped = {skip} if isinstance(skip, str) else set(skip or ())
        return "".join(child if isinstance(child, str) else
                       ("" if skipped & child.classes() else child.text(skip)) for child in self.children)


class _Tree(HTMLParser):
    VOID = frozenset({"meta", "br", "img", "hr", "input", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = self.current = Node("#document", {}, None)
        self.misnested: list[str] = []

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if self.current.tag != tag:
            self.misnested.append(f"</{tag}> closes <{self.current.tag}>")
            return
        self.current = self.current.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse_html(html: str) -> Node:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert not tree.misnested, tree.misnested[:5]
    assert tree.current is tree.root, "unclosed elements"
    return tree.root


def page_of(folder: Path, brief: Brief) -> Path:
    return folder / f"{slugify(brief.title)}.html"


def fragments(root: Node, ref: str) -> list[Node]:
    return [node for node in root.walk() if node.attrs.get("data-for") == ref]


def highlighted(root: Node, ref: str) -> str:
    """The text a highlight covers, its fragments put together (paragraph breaks left out)."""
    return "".join(node.text() for node in fragments(root, ref))


def marked(text: str, span: tuple[int, int]) -> str:
    return "".join(text[span[0]:span[1]].split("\n\n"))


def stylesheet(html: str) -> dict[str, str]:
    """Selector → declarations of the page's inline CSS (innermost rules of @media too)."""
    css = re.search(r"<style>(.*?)</style>", html, re.DOTALL).group(1)
    rules: dict[str, str] = {}
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        rules[selector.strip()] = rules.get(selector.strip(), "") + ";" + body
    return rules


def declaration(body: str, name: str) -> str | None:
    found = re.findall(rf"(?:^|;)\s*{re.escape(name)}\s*:\s*([^;]+)", body)
    return found[-1].strip() if found else None


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours."""
    def luminance(colour: str) -> float:
        hexits = colour.lstrip("#")
        hexits = "".join(c * 2 for c in hexits) if len(hexits) == 3 else hexits
        channels = [int(hexits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def run(*args: str):
    return CliRunner().invoke(main, ["review", *args])


# -- fixtures ------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_review(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review-seeds")
    result = run("--out", str(out))  # no inputs: the bundled seeds, as build does
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out / "index.html")
    return out


@pytest.fixture(scope="module")
def articles_review(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review-articles")
    result = run(*map(str, SOME_ARTICLES), "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def _reviewed(request, which: str) -> tuple[Path, list[Brief]]:
    if which == "seeds":
        return request.getfixturevalue("seed_review"), [parse_file(QA_SEED), parse_file(NEWS_SEED)]
    return request.getfixturevalue("articles_review"), [parse_file(path) for path in SOME_ARTICLES]


# -- 1. pages for every article --------------------------------------------------

@pytest.mark.parametrize("which", ["seeds", "articles"])
def test_review_writes_an_index_and_one_page_per_article(request, which):
    folder, briefs = _reviewed(request, which)
    pages = sorted(path.name for path in folder.glob("*.html") if path.name != "index.html")
    assert pages == sorted(page_of(folder, brief).name for brief in briefs)
    index = parse_html((folder / "index.html").read_text(encoding="utf-8"))
    links = {node.attrs["href"]: node.text() for node in index.walk() if node.tag == "a"}
    for brief in briefs:
        assert links[page_of(folder, brief).name] == brief.title


# -- 2. the highlights are the brief's spans -------------------------------------

@pytest.mark.parametrize("which", ["seeds", "articles"])
def test_every_highlight_covers_exactly_the_text_its_span_names(request, which):
    folder, briefs = _reviewed(request, which)
    for brief in briefs:
        text = brief.source.text
        root = parse_html(page_of(folder, brief).read_text(encoding="utf-8"))
        ids = [node.attrs["id"] for node in root.walk() if "id" in node.attrs]
        assert len(ids) == len(set(ids)), "duplicate ids"
        checked = 0
        for number, statistic in enumerate(brief.statistics, 1):
            first = next((n for n in root.walk() if n.attrs.get("id") == f"stat-{number}"), None)
            if statistic.text_span is None:
                assert first is None
                continue
            assert first.tag == "mark" and "hl-figure" in first.classes()
            assert highlighted(root, f"stat-{number}") == marked(text, statistic.text_span) == statistic.text
            if statistic.source_span:
                refs = {n.attrs["data-for"] for n in root.walk()
                        if "hl-source" in n.classes() and "data-for" in n.attrs}
                assert any(highlighted(root, ref) == marked(text, statistic.source_span) for ref in refs)
            checked += 1
        for number, expert in enumerate(brief.experts, 1):
            if expert.name_span:
                (first,) = [n for n in root.walk() if n.attrs.get("id") == f"expert-{number}"]
                assert "hl-name" in first.classes()
                assert highlighted(root, f"expert-{number}") == marked(text, expert.name_span)
                checked += 1
            for paragraph, pieces in enumerate(expert.commentary_spans, 1):
                for piece, span in enumerate(pieces, 1):
                    ref = f"expert-{number}-said-{paragraph}" + (f"-{piece}" if piece > 1 else "")
                    assert highlighted(root, ref) == marked(text, span)
                    assert all("hl-commentary" in node.classes() for node in fragments(root, ref))
        for number, span in enumerate(brief.question_spans, 1):
            assert highlighted(root, f"question-{number}") == marked(text, span)
        for number, line in enumerate(brief.dropped, 1):
            if line.span is None:
                continue
            parts = fragments(root, f"dropped-{number}")
            assert parts and all(node.tag == "del" for node in parts)
            assert highlighted(root, f"dropped-{number}") == marked(text, line.span) == line.text
            assert line.rule in parts[0].attrs["title"]
            parent = parts[-1].parent.children
            label = parent[parent.index(parts[-1]) + 1]
            assert "rule" in label.classes() and f"dropped: {line.rule}" in label.text(None)
            assert rule_description(line.rule, str) in label.text(None)
            checked += 1
        assert checked >= 5, brief.title


@pytest.mark.parametrize("which", ["seeds", "articles"])
def test_the_source_column_shows_the_whole_text_once_in_order(request, which):
    folder, briefs = _reviewed(request, which)
    for brief in briefs:
        root = parse_html(page_of(folder, brief).read_text(encoding="utf-8"))
        (column,) = [n for n in root.walk() if "source-text" in n.classes()]
        shown = [p.text() for p in column.walk() if p.tag == "p" and "note" not in p.classes()]
        assert shown == [p for p in brief.source.text.split("\n\n") if p]


def test_each_source_block_is_labelled_with_the_role_the_parser_gave_it(seed_review):
    brief = parse_file(QA_SEED)
    root = parse_html(page_of(seed_review, brief).read_text(encoding="utf-8"))
    (column,) = [n for n in root.walk() if "source-text" in n.classes()]
    labels = [node.text(None) for node in column.walk() if "block-role" in node.classes()]
    assert labels == [block.role for block in brief.structure]
    assert "headline" in labels and "answer" in labels and "furniture" in labels


def test_the_brief_column_links_each_statistic_to_its_highlight(seed_review):
    brief = parse_file(QA_SEED)
    root = parse_html(page_of(seed_review, brief).read_text(encoding="utf-8"))
    (table,) = [n for n in root.walk() if n.tag == "table"]
    rows = [row for row in table.walk() if row.tag == "tr"][1:]
    assert len(rows) == len(brief.statistics)
    for number, row in enumerate(rows, 1):
        (link,) = [n for n in row.walk() if n.tag == "a"]
        assert link.attrs["href"] == f"#stat-{number}"
    assert "Human Rights Watch" in rows[0].text() and "Amanda Mattingly" in rows[0].text()
    summaries = [n.text() for n in root.walk() if n.parent and "expert" in n.parent.classes() and n.tag == "p"]
    assert all(expert.summary in summaries for expert in brief.experts)


# -- nesting, on any spans --------------------------------------------------------

@st.composite
def _text_and_highlights(draw) -> tuple[str, list[Highlight]]:
    text = draw(st.text(alphabet="ab <&>\"'\n", min_size=1, max_size=40))
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound, st.sampled_from(HIGHLIGHT_KINDS)), max_size=12))
    return text, [Highlight(min(a, b), max(a, b), kind, f"t{i}<\"&", f"h{i}", rank=i % 3)
                  for i, (a, b, kind) in enumerate(spans)]


@settings(max_examples=300, deadline=None)
@given(case=_text_and_highlights())
def test_crossing_spans_nest_and_every_character_keeps_its_highlights(case):
    text, highlights = case
    paragraphs = paragraphs_html(text, highlights).paragraphs
    assert len(paragraphs) == len(text.split("\n\n"))
    covered: list[tuple[str, frozenset[str]]] = []  # (character, refs around it)

    class Walker(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.open: list[str] = []

        def handle_starttag(self, tag, attrs):
            self.open.append(dict(attrs)["data-for"])

        def handle_endtag(self, tag):
            self.open.pop()

        def handle_data(self, data):
            covered.extend((ch, frozenset(self.open)) for ch in data)

    for index, html in enumerate(paragraphs):
        parse_html(html)  # well nested
        walker = Walker()
        walker.feed(html)
        walker.close()
        if index < len(paragraphs) - 1:
            covered.extend((ch, frozenset()) for ch in "\n\n")
    assert "".join(ch for ch, _ in covered) == text
    breaks, start = set(), 0  # positions of the blank lines between paragraphs
    for paragraph in text.split("\n\n")[:-1]:
        start += len(paragraph)
        breaks.update((start, start + 1))
        start += 2
    for position, (_, refs) in enumerate(covered):
        if position not in breaks:
            assert refs == {h.ref for h in highlights if h.start <= position < h.end}, position
    drawn = {h.ref for h in highlights if any(p not in breaks for p in range(h.start, h.end))}
    assert sorted(re.findall(r'id="(h\d+)"', "".join(paragraphs))) == sorted(drawn)  # one id each


# -- 3. accessibility ----------------------------------------------------------------

def _all_pages(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.html"))


def test_pages_have_a_language_one_h1_and_headings_in_order(seed_review, articles_review):
    for path in _all_pages(seed_review) + _all_pages(articles_review):
        root = parse_html(path.read_text(encoding="utf-8"))
        (html,) = [n for n in root.walk() if n.tag == "html"]
        assert html.attrs["lang"] == "en"
        levels = [int(n.tag[1]) for n in root.walk() if re.fullmatch(r"h[1-6]", n.tag)]
        assert levels.count(1) == 1 and levels[0] == 1, path.name
        assert all(b <= a + 1 for a, b in pairwise(levels)), (path.name, levels)
        assert all(n.attrs.get("scope") in ("col", "row") for n in root.walk() if n.tag == "th"), path.name


def test_every_highlight_kind_is_readable_and_told_apart_without_colour(seed_review):
    html = page_of(seed_review, parse_file(QA_SEED)).read_text(encoding="utf-8")
    rules = stylesheet(html)
    signatures = {}
    for kind in HIGHLIGHT_KINDS:
        body = rules[f".hl-{kind}"]
        colour, background = declaration(body, "color"), declaration(body, "background")
        if kind == "sentence":  # drawn lightly: it keeps the colours of the text it sits in
            assert colour is None and background is None
        else:
            assert contrast(colour, background) >= 4.5, kind
        line = " ".join(filter(None, (declaration(body, "border-bottom"), declaration(body, "text-decoration"))))
        style = re.findall(r"\b(solid|dashed|dotted|double|wavy|line-through)\b", line)
        marker = declaration(rules.get(f".hl-{kind}.hl-start::before", ""), "content")
        assert style or marker, f"{kind} differs from plain text only by colour"
        signatures[kind] = (tuple(style), marker)
    assert len(set(signatures.values())) == len(HIGHLIGHT_KINDS), signatures
    label = rules[".rule"]
    assert contrast(declaration(label, "color"), declaration(label, "background")) >= 4.5
    assert contrast(declaration(rules["body"], "color"), declaration(rules["body"], "background")) >= 4.5
    legend = parse_html(html)
    (section,) = [n for n in legend.walk() if "legend" in n.classes()]
    samples = {cls[3:] for n in section.walk() for cls in n.classes() if cls.startswith("hl-") and cls != "hl-start"}
    assert samples == set(HIGHLIGHT_KINDS)  # the legend draws each kind as the text does


def test_pages_are_labelled_in_the_chosen_language(tmp_path):
    result = run(str(QA_SEED), "--out", str(tmp_path), "--lang", "es")
    assert result.exit_code == 0, result.output
    page = page_of(tmp_path, parse_file(QA_SEED)).read_text(encoding="utf-8")
    assert '<html lang="es">' in page
    assert ">Estadísticas<" in page and ">Cifra<" in page  # labels the Spanish catalog already has
    assert '<h1 lang="en">' in page  # the article keeps its own language
    assert '<html lang="es">' in (tmp_path / "index.html").read_text(encoding="utf-8")


# -- 4. self-contained ----------------------------------------------------------------

def test_pages_fetch_nothing(seed_review, articles_review):
    for folder in (seed_review, articles_review):
        names = {path.name for path in folder.iterdir()}
        for path in _all_pages(folder):
            html = path.read_text(encoding="utf-8")
            assert not re.search(r"<(link|script|img|iframe|object|embed)\b", html, re.IGNORECASE), path.name
            assert not re.search(r"\bsrc\s*=|url\(|@import", html, re.IGNORECASE), path.name
            for target in re.findall(r'href="([^"]*)"', html):
                assert target.startswith("#") or target in names, (path.name, target)
                assert not re.match(r"(https?|file|data|javascript):", target, re.IGNORECASE)


# -- 5. a bad input ------------------------------------------------------------------------

def test_a_bad_input_is_listed_on_the_index_and_the_rest_is_written(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    result = run(str(empty), str(NEWS_SEED), "--out", str(out))
    assert result.exit_code == 1
    assert "empty.txt: the file is empty" in result.stderr and "Traceback" not in result.output
    assert result.stdout.strip() == str(out / "index.html")
    assert page_of(out, parse_file(NEWS_SEED)).exists()
    index = parse_html((out / "index.html").read_text(encoding="utf-8"))
    (failures,) = [n for n in index.walk() if "alerts" in n.classes()]
    assert str(empty) in failures.text() and "the file is empty" in failures.text()


def test_an_unwritable_out_folder_is_one_line_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(str(NEWS_SEED), "--out", str(blocker / "review"))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reportgen: ")
    assert run("--lang", "auto").exit_code == 2 and run("--lang", "fr").exit_code == 2


def test_the_index_puts_the_parses_to_check_first_and_says_why(tmp_path):
    odd = tmp_path / "odd.txt"
    odd.write_text(NO_HEADLINE, encoding="utf-8")
    result = run(str(QA_SEED), str(NEWS_SEED), str(odd), "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    index = parse_html((tmp_path / "out" / "index.html").read_text(encoding="utf-8"))
    rows = [row for row in index.walk() if row.tag == "tr"][1:]
    paths = [next(n for n in row.walk() if "note" in n.classes()).text() for row in rows]
    # the Q&A seed has 2 figures without a measure, odd.txt a warning (no headline), the news seed nothing to check
    assert paths == [str(QA_SEED), str(odd), str(NEWS_SEED)]
    assert "2 figures without a measure" in rows[0].text() and "no headline found" in rows[1].text()
    assert "Worst first" in index.text()


def test_pages_of_articles_with_one_title_get_names_of_their_own(tmp_path):
    for name in ("a.txt", "b.txt"):
        shutil.copy(NEWS_SEED, tmp_path / name)
    titled_index = replace(parse_file(QA_SEED), title="Index")  # a brief whose page could overwrite the index
    (tmp_path / "index.json").write_text(json.dumps(titled_index.to_dict()), encoding="utf-8")
    out = tmp_path / "out"
    result = run(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "index.json"), "--out", str(out))
    assert result.exit_code == 0, result.output
    stem = slugify(parse_file(NEWS_SEED).title)
    assert sorted(p.name for p in out.glob("*.html")) == sorted([f"{stem}.html", f"{stem}-2.html", "index-2.html",
                                                                   "index.html"])
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'href="{stem}.html"' in index and f'href="{stem}-2.html"' in index and 'href="index-2.html"' in index


def test_every_label_the_review_looks_up_reaches_the_catalog_extractor():
    """A ``_()`` inside an f-string is invisible to ``pybabel extract``: its label would never be translated."""
    from babel.messages.extract import extract_from_file

    for module in sorted((ROOT / "reportgen" / "review").glob("*.py")):
        looked_up = {node.args[0].value for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
                     if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                     and getattr(node.func, "id", getattr(node.func, "attr", None)) in ("_", "ngettext")}
        extracted = {message if isinstance(message, str) else message[0] for _, message, _, _ in
                     extract_from_file("python", str(module), keywords={"_": None, "ngettext": (1, 2)})}
        assert looked_up == extracted, (module.name, looked_up ^ extracted)


def test_every_rule_the_parser_can_drop_by_is_described():
    rules: set[str] = set()

    def strings(node: ast.AST) -> list[str]:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return [node.value]
        if isinstance(node, ast.IfExp):
            return strings(node.body) + strings(node.orelse)
        if isinstance(node, ast.BoolOp):
            return [s for value in node.values for s in strings(value)]
        return []

    for module in ("boilerplate", "header", "__init__"):
        tree = ast.parse((ROOT / "reportgen" / "parse" / f"{module}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "DroppedLine" and len(node.args) > 1:
                rules.update(strings(node.args[1]))
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "rule" for t in node.targets):
                rules.update(strings(node.value))
            elif isinstance(node, ast.FunctionDef) and node.name == "furniture_rule":
                rules.update(s for ret in ast.walk(node) if isinstance(ret, ast.Return) and ret.value
                             for s in strings(ret.value))
    assert {"byline", "related-list", "photo-caption", "section-label", "author-note"} <= rules
    unknown = rule_description("no-such-rule", str)
    assert all(rule_description(rule, str) != unknown for rule in rules), rules


# -- long articles: the text is re-read from the article file, never from a path in a brief -----

def _brief_without_text(source: Path, folder: Path) -> Path:
    brief = parse_file(source)
    stripped = replace(brief, source=replace(brief.source, text=None))
    path = folder / "brief.json"
    path.write_text(json.dumps(stripped.to_dict()), encoding="utf-8")
    return path


def test_a_brief_without_its_text_shows_none_and_points_to_the_article(tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(NEWS_SEED, article)
    brief_json = _brief_without_text(article, tmp_path)
    result = run(str(brief_json), "--out", str(tmp_path / "ok"))
    assert result.exit_code == 0, result.output
    page = (tmp_path / "ok" / f"{slugify(parse_file(article).title)}.html").read_text(encoding="utf-8")
    assert "review the article file itself" in page
    assert 'class="hl' not in page.split('class="source-text"')[1]  # nothing read from the path it names


# -- 6. a real browser --------------------------------------------------------------------------

def test_a_browser_draws_the_page_with_its_highlights(seed_review, tmp_path):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.skip("Chromium is not installed")
    from PIL import Image

    page = page_of(seed_review, parse_file(QA_SEED))
    shot = tmp_path / "page.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={shot}", "--window-size=1280,2000",
                    page.as_uri()], capture_output=True, timeout=120, check=False)
    assert shot.exists(), "Chromium wrote no screenshot"
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 2000)
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}
    assert len(colours) > 1
    # the figure highlight's tint and the commentary's, from the page's own CSS
    assert (0xff, 0xe0, 0xe6) in colours and (0xff, 0xf4, 0xd6) in colours

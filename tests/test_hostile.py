"""Hostile input: every case builds or is refused with one line — no traceback, no partial file, no network.

Each case runs the real command in a subprocess whose sockets are blocked
(a ``sitecustomize`` that makes any connection attempt raise), with a time
limit, so a hang, a crash or a fetch fails the test.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import QA_SEED

HERE = Path(__file__).parent / "hostile"
_spec = importlib.util.spec_from_file_location("hostile_corpus", HERE / "generate.py")
corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(corpus)

TIMINGS: dict[str, float] = {}

OFFLINE = '''
import socket

def _refuse(*args, **kwargs):
    raise RuntimeError("reportgen tried to reach the network")

socket.socket.connect = socket.socket.connect_ex = _refuse
socket.create_connection = socket.getaddrinfo = _refuse
'''


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    return {path.name: path for path in corpus.write(folder)}


@pytest.fixture(scope="module")
def offline(tmp_path_factory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("offline")
    (site / "sitecustomize.py").write_text(OFFLINE, encoding="utf-8")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), *sys.path])}


def reportgen(env: dict[str, str], *args: str, timeout: float = 240) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], env=env, capture_output=True, text=True,
                          timeout=timeout)


def _assert_whole(folder: Path) -> list[Path]:
    """Every file in ``folder`` reads back as what its name says; no temporary leftovers."""
    files = sorted(folder.iterdir()) if folder.exists() else []
    assert not [f for f in files if f.name.endswith(".part")], files
    for path in files:
        if path.suffix == ".pdf":
            assert len(PdfReader(path).pages) >= 1
        elif path.suffix == ".docx":
            docx.Document(str(path))
        elif path.suffix == ".html":
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    return files


def test_sockets_really_are_blocked_in_the_offline_runs(offline):
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.create_connection(('example.org', 80))"],
                           env=offline, capture_output=True, text=True)
    assert "tried to reach the network" in probe.stderr


@pytest.mark.parametrize("name", sorted(corpus.ARTICLES))
def test_each_hostile_article_builds_or_is_refused_in_one_line(name, files, offline, tmp_path):
    out = tmp_path / "out"
    started = time.perf_counter()
    run = reportgen(offline, "build", str(files[name]), "--split", "-f", "pdf", "-f", "docx", "-f", "html",
                    "-f", "md", "--jobs", "1", "-q", "--out", str(out))
    TIMINGS[name] = time.perf_counter() - started
    assert "Traceback" not in run.stderr and "network" not in run.stderr, run.stderr
    if name in corpus.REFUSED:
        assert run.returncode == 1
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"reportgen: {files[name]}: "), run.stderr
        assert [p.name for p in _assert_whole(out)] in ([], ["manifest.json"])
    else:
        assert run.returncode == 0, run.stderr
        written = [p for p in _assert_whole(out) if p.name != "manifest.json"]
        assert len(written) == 4
        assert all(".." not in p.name and p.parent == out for p in written)


def test_two_articles_with_one_title_and_a_path_title_stay_inside_the_folder(files, offline, tmp_path):
    out = tmp_path / "out"
    run = reportgen(offline, "build", str(files["same-title-a.txt"]), str(files["same-title-b.txt"]),
                    str(files["path-title.txt"]), "--split", "--jobs", "1", "-q", "--out", str(out))
    assert run.returncode == 0, run.stderr
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 4 and "two-articles-share-this-title-2.en.pdf" in names
    assert "two-articles-share-this-title.en.pdf" in names
    assert all(p.resolve().parent == out.resolve() for p in out.iterdir())
    assert not (tmp_path.parent / "etc").exists()


def test_the_whole_corpus_as_one_batch_reports_each_refusal_and_builds_the_rest(files, offline, tmp_path):
    run = reportgen(offline, "build", *map(str, files.values()), "--split", "--jobs", "2", "--out", str(tmp_path))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    refused = [line for line in run.stderr.splitlines() if not line.startswith("reportgen: built")]
    assert len(refused) == len(corpus.REFUSED)
    built = len(corpus.ARTICLES) - len(corpus.REFUSED)
    assert run.stderr.strip().endswith(f"built {built}, skipped 0 (unchanged), failed {len(corpus.REFUSED)}")
    _assert_whole(tmp_path)


def test_a_size_limit_is_an_option(files, offline, tmp_path):
    run = reportgen(offline, "build", str(files["huge-50mb.txt"]), "--max-input-size", "60", "--jobs", "1",
                    "-q", "--out", str(tmp_path))
    assert run.returncode == 1
    assert "characters of text; reportgen reads articles of up to 2,000,000" in run.stderr
    small = reportgen(offline, "parse", str(QA_SEED), "--max-input-size", "0.001")
    assert small.returncode == 1 and "larger than 0.001 MB" in small.stderr


# -- hostile themes and templates --------------------------------------------------

def _theme(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "theme.toml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize("case, body, message", [
    ("unknown key", 'name = "x"\nflavour = "mint"\n', "flavour: unknown key"),
    ("missing font", '[fonts.body]\nregular = "a.ttf"\nbold = "a.ttf"\nitalic = "a.ttf"\nbold_italic = "a.ttf"\n',
     "fonts.body.regular: a.ttf does not exist"),
    ("logo outside", '[brand]\nlogo = "../../etc/passwd"\n', "brand.logo: ../../etc/passwd is outside the theme's folder"),
    ("logo not an image", '[brand]\nlogo = "theme.toml"\n', "brand.logo: theme.toml is not a SVG image"),
    ("huge logo", '[brand]\nlogo_png = "huge.png"\n', "brand.logo_png: huge.png is larger than 2 MB"),
])
def test_hostile_themes_are_one_line(case, body, message, offline, tmp_path):
    theme = _theme(tmp_path / "theme", body)
    with open(tmp_path / "theme" / "huge.png", "wb") as huge:
        huge.truncate(200 * 1024 * 1024)  # a sparse 200 MB "image"
    run = reportgen(offline, "build", str(QA_SEED), "--style", str(theme), "--out", str(tmp_path / "out"))
    assert run.returncode == 1, case
    assert run.stderr == f"reportgen: {theme}: {message}" + run.stderr.split(message, 1)[1], case
    assert len(run.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").glob("*.pdf"))


def test_an_svg_logo_that_is_xml_but_not_svg_is_refused(offline, tmp_path):
    folder = tmp_path / "theme"
    folder.mkdir()
    (folder / "logo.svg").write_text('<?xml version="1.0"?><html><body>not svg</body></html>', encoding="utf-8")
    theme = _theme(folder, '[brand]\nlogo = "logo.svg"\n')
    run = reportgen(offline, "build", str(QA_SEED), "--style", str(theme), "--out", str(tmp_path / "out"))
    assert run.returncode == 1 and "brand.logo: logo.svg is not a SVG image" in run.stderr


@pytest.mark.parametrize("kind", ["not a zip", "zip bomb", "dangling part", "no styles"])
def test_hostile_reference_documents(kind, offline, tmp_path):
    path = tmp_path / "template.docx"
    if kind == "not a zip":
        path.write_bytes(b"PK but not really a zip")
    elif kind == "zip bomb":
        corpus.zip_bomb(path)
    else:
        source = tmp_path / "full.docx"
        docx.Document().save(str(source))
        with zipfile.ZipFile(source) as full, zipfile.ZipFile(path, "w") as stripped:
            for item in full.infolist():
                if item.filename != "word/styles.xml":
                    data = full.read(item.filename)
                    if item.filename == "word/_rels/document.xml.rels" and kind == "dangling part":
                        data = data.replace(b'Target="styles.xml"', b'Target="missing.xml"')
                    elif item.filename == "word/_rels/document.xml.rels":
                        data = re.sub(rb'<Relationship [^>]*Target="styles.xml"/>', b"", data)
                    stripped.writestr(item, data)
    run = reportgen(offline, "build", str(QA_SEED), "-f", "docx", "--reference-docx", str(path), "--jobs", "1",
                    "--out", str(tmp_path / "out"))
    assert "Traceback" not in run.stderr
    if kind == "no styles":
        assert run.returncode == 0, run.stderr
        names = {style.name for style in docx.Document(str(tmp_path / "out" / "briefing-pack.en.docx")).styles}
        assert {"Heading 1", "Expert Name"} <= names
    else:
        assert run.returncode == 1 and len(run.stderr.strip().splitlines()) == 1
        assert run.stderr.startswith(f"reportgen: {path}: ")


def test_report_the_slowest_hostile_case():
    """Not a check: prints the timings for the closing note (pytest -s)."""
    if TIMINGS:
        slowest = max(TIMINGS, key=TIMINGS.get)
        print(f"\nhostile cases: {len(TIMINGS)}, slowest {slowest} {TIMINGS[slowest]:.1f} s")

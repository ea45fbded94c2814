"""The command line: JSON out, files written, one clear line per bad input."""

from __future__ import annotations

import json

import pytest

from click.testing import CliRunner

from conftest import NEWS_SEED, QA_SEED
from reportgen.cli import main


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_parse_one_file_prints_its_brief():
    result = run("parse", str(QA_SEED))
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert brief["schema"] == "reportgen.brief/3"
    assert brief["title"] == "Are Tense Relations Harming Anti-Drug Cooperation?"


def test_parse_several_files_prints_a_list():
    result = run("parse", str(QA_SEED), str(NEWS_SEED))
    assert result.exit_code == 0
    assert [b["kind"] for b in json.loads(result.stdout)] == ["qa", "news"]


def test_parse_without_inputs_reads_the_bundled_seeds():
    result = run("parse")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == 2


def test_parse_out_writes_one_slug_file_per_article(tmp_path):
    out = tmp_path / "briefs"
    result = run("parse", str(QA_SEED), str(NEWS_SEED), "--out", str(out))
    assert result.exit_code == 0
    names = sorted(path.name for path in out.iterdir())
    assert names == [
        "are-tense-relations-harming-anti-drug-cooperation.json",
        "strengthening-alliances-and-dismantling-cartels-us-mexico-ecuador-relations.json",
    ]
    assert result.stdout.splitlines() == [str(out / names[0]), str(out / names[1])]


def test_same_title_twice_does_not_overwrite(tmp_path):
    result = run("parse", str(QA_SEED), str(QA_SEED), "--out", str(tmp_path))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "are-tense-relations-harming-anti-drug-cooperation-2.json",
        "are-tense-relations-harming-anti-drug-cooperation.json",
    ]


def test_stdin_is_read_with_a_dash():
    result = run("parse", "-", input=NEWS_SEED.read_bytes())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["source"]["path"] == "<stdin>"


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)  # no known signature: told apart by its control bytes
    out = tmp_path / "out"
    result = run("parse", str(empty), str(tmp_path / "missing.txt"), str(binary), str(NEWS_SEED), "--out", str(out))
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors == [
        f"reportgen: {empty}: the file is empty; give an article in .txt, .md, .html, .docx or .json",
        f"reportgen: {tmp_path / 'missing.txt'}: no such file; check the path",
        f"reportgen: {binary}: this is not a text file (binary data); give an article in .txt, .md, .html, .docx or .json",
        "reportgen: 3 of 4 inputs failed",
    ]
    assert "Traceback" not in result.output
    assert [p.name for p in out.iterdir()] == [
        "strengthening-alliances-and-dismantling-cartels-us-mexico-ecuador-relations.json"]


def test_a_json_that_is_not_a_brief_is_refused(tmp_path):
    path = tmp_path / "other.json"
    path.write_text('{"hello": 1}', encoding="utf-8")
    result = run("parse", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"reportgen: {path}: is not a reportgen brief (missing field 'schema'); "
        "give a brief written by `reportgen parse`")


def test_unknown_option_is_a_usage_error():
    result = run("parse", "--bogus")
    assert result.exit_code == 2
    assert "No such option" in result.stderr


def test_no_partial_files_are_left_behind(tmp_path):
    run("parse", str(QA_SEED), "--out", str(tmp_path))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("head, kind", [
    (b"%PDF-1.4\n% a briefing pack someone passed back in\n", "a PDF"),
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "a PNG image"),
    (b"PK\x03\x04" + b"\x00" * 64, "a zip archive"),
])
def test_a_file_that_is_not_text_is_named_for_what_it_is(tmp_path, head, kind):
    """Decoded as Latin-1, a PDF would "parse" into a brief of its own internals."""
    path = tmp_path / "article.txt"
    path.write_bytes(head + b"BT /F1 12 Tf (Some words) Tj ET\n" * 50)
    result = run("parse", str(path))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"reportgen: {path}: is {kind}, not an article's text; give the article as "
                                     ".txt, .md, .html, .docx or .json")

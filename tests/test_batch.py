"""Batch exports: inputs of every kind, incremental reruns, parallel workers, one failure never stops a batch."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import time
from pathlib import Path
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from conftest import NEWS_SEED, QA_SEED
from reportgen import build
from reportgen.cli import main


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_a_no_change_rerun_skips_every_output_and_rewrites_nothing(tmp_path):
    first = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, split=True, date="2025-12-08")
    assert len(first.built) == 6 and not first.skipped
    stamps = {p: p.stat().st_mtime_ns for p in tmp_path.glob("*.*") if p.suffix in (".pdf", ".docx")}
    again = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, split=True, date="2025-12-08")
    assert not again.built and len(again.skipped) == 6
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    forced = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, split=True, date="2025-12-08",
                   force=True)
    assert len(forced.built) == 6


def test_a_changed_article_rebuilds_its_own_documents_and_the_pack_only(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    for seed in (QA_SEED, NEWS_SEED):
        shutil.copy(seed, articles / seed.name)
    out = tmp_path / "out"
    build([articles], out=out, split=True, date="2025-12-08")
    edited = articles / NEWS_SEED.name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more paragraph of the article.\n", encoding="utf-8")
    again = build([articles], out=out, split=True, date="2025-12-08")
    assert sorted(o.path.name for o in again.built) == [
        "briefing-pack.en.pdf", "strengthening-alliances-and-dismantling-cartels-us-mexico-ecuador-relations.en.pdf"]
    assert [o.path.name for o in again.skipped] == ["are-tense-relations-harming-anti-drug-cooperation.en.pdf"]


def test_changed_options_rebuild(tmp_path):
    build([QA_SEED], out=tmp_path, date="2025-12-08")
    assert len(build([QA_SEED], out=tmp_path, date="2025-12-09").built) == 1
    assert len(build([QA_SEED], out=tmp_path, date="2025-12-09", style="ink").built) == 1


def test_the_manifest_lists_each_output_its_inputs_and_sha256(tmp_path):
    import hashlib

    build([QA_SEED], formats=["pdf", "docx"], out=tmp_path, date="2025-12-08")
    manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["schema"] == "reportgen.manifest/1"
    by_path = {entry["path"]: entry for entry in manifest["outputs"]}
    assert set(by_path) == {"briefing-pack.en.pdf", "briefing-pack.en.docx"}
    for name, entry in by_path.items():
        assert entry["sha256"] == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()
        assert entry["inputs"] == [{"path": str(QA_SEED), "sha256": hashlib.sha256(QA_SEED.read_bytes()).hexdigest()}]


def test_two_workers_and_a_callers_executor_write_the_same_bytes_as_one(tmp_path):
    serial = build([QA_SEED, NEWS_SEED], out=tmp_path / "one", split=True, jobs=1, date="2025-12-08")
    parallel = build([QA_SEED, NEWS_SEED], out=tmp_path / "two", split=True, jobs=2, date="2025-12-08")
    with ThreadPoolExecutor(max_workers=2) as executor:
        threaded = build([QA_SEED, NEWS_SEED], out=tmp_path / "three", split=True, executor=executor,
                         date="2025-12-08")
    for result in (parallel, threaded):
        assert not result.errors
        assert [(o.path.name, o.sha256) for o in result.outputs] == [(o.path.name, o.sha256) for o in serial.outputs]


def test_globs_folders_and_stdin_are_inputs(tmp_path):
    folder = tmp_path / "archive" / "2025"
    folder.mkdir(parents=True)
    shutil.copy(QA_SEED, folder / "qa.txt")
    result = run("build", str(tmp_path / "archive" / "**" / "*.txt"), "--split", "--out", str(tmp_path / "a"), "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("are-tense-relations-harming-anti-drug-cooperation.en.pdf")
    piped = run("build", "-", "--format", "docx", "--split", "--out", str(tmp_path / "b"), "-q",
                input=NEWS_SEED.read_bytes())
    assert piped.exit_code == 0, piped.output
    assert list((tmp_path / "b").glob("strengthening-alliances*.en.docx"))


def test_articles_with_the_same_title_never_overwrite_each_other(tmp_path):
    (tmp_path / "a.txt").write_bytes(QA_SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(QA_SEED.read_bytes())
    result = build([tmp_path / "a.txt", tmp_path / "b.txt"], out=tmp_path / "out", split=True, pack=False)
    assert sorted(o.path.name for o in result.outputs) == [
        "are-tense-relations-harming-anti-drug-cooperation-2.en.pdf",
        "are-tense-relations-harming-anti-drug-cooperation.en.pdf"]


def test_the_summary_counts_built_skipped_and_failed_and_the_status_says_so(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00" * 64)
    result = run("build", str(QA_SEED), str(NEWS_SEED), str(broken), "--split", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert f"reportgen: {broken}: " in result.stderr
    assert result.stderr.strip().endswith("built 2, skipped 0 (unchanged), failed 1")
    again = run("build", str(QA_SEED), str(NEWS_SEED), str(broken), "--split", "--out", str(tmp_path / "out"))
    assert again.exit_code == 1  # the failure is reported again, not remembered away
    assert again.stderr.strip().endswith("built 0, skipped 2 (unchanged), failed 1")


def test_quiet_prints_only_paths_and_errors(tmp_path):
    result = run("build", str(QA_SEED), "--out", str(tmp_path), "-q")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout == f"{tmp_path / 'briefing-pack.en.pdf'}\n"


def test_formats_lists_every_renderer_with_its_extension():
    result = run("formats")
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()}
    assert rows["pdf"] == ".pdf" and rows["docx"] == ".docx"


def test_a_split_build_parses_each_article_once_for_all_its_documents(tmp_path, monkeypatch):
    import reportgen.parse

    parsed = []
    parse_source = reportgen.parse.parse_source
    monkeypatch.setattr(reportgen.parse, "parse_source", lambda source: parsed.append(source.path) or parse_source(source))
    result = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], langs=["en", "es"], out=tmp_path, split=True,
                   pack=False, jobs=1, date="2025-12-08")
    assert len(result.built) == 8 and not result.errors
    assert sorted(parsed) == sorted([str(QA_SEED), str(NEWS_SEED)])


def test_a_callers_executor_is_given_a_few_jobs_ahead_not_the_whole_batch():
    from reportgen.jobs import Runner

    submitted = []

    class Counting(ThreadPoolExecutor):
        def submit(self, function, *args, **kwargs):
            submitted.append(args)
            return super().submit(function, *args, **kwargs)

    with Counting(max_workers=2) as executor, Runner(None, executor, None) as runner:
        results = runner.map("rendering", lambda n: n * n, list(range(1000)), lambda item, error: None)
        assert next(results) == 0
        assert len(submitted) <= runner.ahead < 1000  # finished documents cannot pile up in the parent
        assert list(results) == [n * n for n in range(1, 1000)]
    assert len(submitted) == 1000


def test_a_word_pack_takes_its_contents_page_numbers_from_the_pdf_of_the_same_pack(tmp_path, monkeypatch):
    """Both formats of a pack in one language are one job, the PDF first: however many workers, the Word
    pack's contents never needs a layout of its own (on four threads, main laid two out)."""
    from reportgen.render.pdf import document as pdf_document

    lay_out = pdf_document._lay_out
    unwritten: list[str] = []

    def counted(document, theme, write=True):
        if not write:
            unwritten.append(document.meta.language)
        return lay_out(document, theme, write)

    monkeypatch.setattr(pdf_document, "_lay_out", counted)
    with ThreadPoolExecutor(max_workers=4) as executor:
        result = build([QA_SEED, NEWS_SEED], formats=["docx", "pdf"], langs=["en", "es"], out=tmp_path,
                       executor=executor, date="2025-12-08")
    assert not result.errors and len(result.outputs) == 4
    assert unwritten == []


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: parsing runs in the build's own process")
def test_a_packs_articles_are_parsed_on_a_worker_while_the_build_loads_its_renderers(tmp_path, monkeypatch):
    """Parsing and loading reportlab, fonts and templates overlap: a worker parses while the build
    prepares the renderers (a cold two-article pack paid for both in turn)."""
    import reportgen.parse
    from reportgen.render.pdf import PdfRenderer

    prepared = tmp_path / "prepared"
    parse_source = reportgen.parse.parse_source
    prepare = PdfRenderer.prepare

    def parse_waiting_for_prepare(source):
        deadline = time.monotonic() + 20
        while not prepared.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        (tmp_path / f"parsed-{os.getpid()}-{Path(source.path).stem}-{prepared.exists()}").touch()
        return parse_source(source)

    def prepare_and_say_so(self, theme, language, articles):
        prepare(self, theme, language, articles)
        prepared.touch()

    monkeypatch.setattr(reportgen.parse, "parse_source", parse_waiting_for_prepare)
    monkeypatch.setattr(PdfRenderer, "prepare", prepare_and_say_so)
    result = build([QA_SEED, NEWS_SEED], formats=["pdf"], out=tmp_path / "out", jobs=2, date="2025-12-08")
    assert len(result.built) == 1 and not result.errors
    parses = sorted(path.name for path in tmp_path.glob("parsed-*"))
    assert len(parses) == 2 and all(name.endswith("-True") for name in parses)  # the parser saw the renderer ready
    assert not any(name.startswith(f"parsed-{os.getpid()}-") for name in parses)  # ...from another process


def test_a_renderer_that_fails_to_prepare_still_renders_and_reports_per_document(tmp_path, monkeypatch):
    from reportgen.render.pdf import PdfRenderer

    def broken(self, theme, language, articles):
        raise OSError("font file vanished")

    monkeypatch.setattr(PdfRenderer, "prepare", broken)
    result = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, jobs=2, date="2025-12-08")
    assert len(result.built) == 2 and not result.errors


def test_workers_start_with_what_they_inherit_frozen_and_the_build_keeps_its_own_collector():
    """Python's advice for fork without exec: a worker's collections skip the objects it inherited (no time
    spent on them, their pages stay shared); the building process itself is left as it was."""
    import gc

    from reportgen.jobs import _pool

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("only forked workers inherit objects")
    pool = _pool(1)
    try:
        assert gc.get_freeze_count() == 0
        assert pool.submit(gc.get_freeze_count).result() > 10_000
    finally:
        pool.shutdown()


_CORE_BESIDE = (os.cpu_count() or 1) > 1 and multiprocessing.get_start_method() == "fork"


def _layouts_recorded(tmp_path, monkeypatch, fail_elsewhere: bool = False) -> Path:
    """Every page-number layout of the PDF (whole or a part) writes a file naming the process it ran in;
    with ``fail_elsewhere`` a layout outside this process fails (a worker that breaks)."""
    from reportgen.render.pdf import document as pdf_document

    built, here, log = pdf_document._built, os.getpid(), tmp_path / "layouts"
    log.mkdir()

    def recorded(document, theme, front, chapters, stream, write, *args, **kwargs):
        if not write:
            (log / f"{os.getpid()}-{time.monotonic_ns()}").touch()
            if fail_elsewhere and os.getpid() != here:
                raise MemoryError("the worker ran out")
        return built(document, theme, front, chapters, stream, write, *args, **kwargs)

    monkeypatch.setattr(pdf_document, "_built", recorded)
    monkeypatch.setattr(pdf_document, "_recent", [])  # no pages remembered from an earlier test's layout
    return log


def _in_this_process(log: Path) -> list[bool]:
    return sorted(int(stamp.name.split("-")[0]) == os.getpid() for stamp in log.iterdir())


@pytest.mark.skipif(not _CORE_BESIDE, reason="one core, or processes not forked: nothing runs beside the build")
def test_a_word_packs_page_numbers_are_counted_in_two_halves_at_once_while_the_build_writes_its_body(tmp_path,
                                                                                                       monkeypatch):
    log = _layouts_recorded(tmp_path, monkeypatch)
    beside = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path / "two", jobs=2, date="2025-12-08")
    assert _in_this_process(log) == [False, True]  # the back part on a worker, the front here
    for stamp in log.iterdir():
        stamp.unlink()
    inline = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path / "one", jobs=1, date="2025-12-08")
    assert _in_this_process(log) == [True]  # --jobs 1: one layout of the whole, in one process
    assert beside.built[0].path.read_bytes() == inline.built[0].path.read_bytes()
    assert b"PAGEREF" in _document_xml(beside.built[0].path)


@pytest.mark.skipif(not _CORE_BESIDE, reason="one core, or processes not forked: nothing runs beside the build")
def test_a_word_pack_whose_page_number_worker_fails_counts_them_itself(tmp_path, monkeypatch):
    log = _layouts_recorded(tmp_path, monkeypatch, fail_elsewhere=True)
    broken = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path / "broken", jobs=2, date="2025-12-08")
    assert not broken.errors and _in_this_process(log) == [False, True, True]  # tried beside; front, then whole here
    monkeypatch.undo()
    whole = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path / "whole", jobs=1, date="2025-12-08")
    assert broken.built[0].path.read_bytes() == whole.built[0].path.read_bytes()


def _document_xml(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as word:
        return word.read("word/document.xml")


def test_an_aside_gives_back_its_value_its_error_or_says_its_worker_died():
    from reportgen.jobs import Aside

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("an aside is forked")
    assert Aside(sum, [1, 2, 3]).result() == 6
    with pytest.raises(ValueError, match="not a number"):
        Aside(int, "not a number").result()
    with pytest.raises(ChildProcessError):
        Aside(os._exit, 3).result()

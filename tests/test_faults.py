"""Faults: killed builds, full disks, unwritable folders, concurrent builds — and byte-identical output."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import NEWS_SEED, QA_SEED
from reportgen import build
from reportgen.cli import main

BODY = (QA_SEED.read_text(encoding="utf-8").split("\n\n", 3)[-1])


def _articles(folder: Path, count: int, label: str = "") -> Path:
    """``count`` articles with distinct titles (the Q&A seed's text under numbered headlines)."""
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{label}{number:03d}.txt").write_text(
            f"Anti-drug cooperation, edition {label}{number}\n\n{BODY}", encoding="utf-8")
    return folder


def _whole(folder: Path) -> list[str]:
    """Names of the outputs in ``folder``, after checking each opens as what it claims to be."""
    names = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix == ".pdf":
            assert len(PdfReader(path).pages) > 0, path
        elif path.suffix == ".docx":
            docx.Document(str(path))
        names.append(path.name)
    return names


def _manifest_paths(folder: Path) -> set[str]:
    manifest = folder / "manifest.json"
    if not manifest.exists():
        return set()
    return {entry["path"] for entry in json.loads(manifest.read_text(encoding="utf-8"))["outputs"]}


def _start_build(articles: Path, out: Path) -> subprocess.Popen:
    # A build started from a non-interactive script inherits an ignored SIGINT; a user's terminal does not.
    return subprocess.Popen([sys.executable, "-m", "reportgen", "build", str(articles), "--split", "-f", "pdf",
                             "-f", "docx", "--jobs", "1", "-q", "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for_outputs(out: Path, count: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while len(list(out.glob("*.pdf"))) < count and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_a_killed_build_leaves_only_whole_files_and_a_true_manifest(sig, tmp_path):
    articles = _articles(tmp_path / "articles", 40)
    out = tmp_path / "out"
    process = _start_build(articles, out)
    _wait_for_outputs(out, 3, process)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    names = _whole(out)
    assert 0 < len([n for n in names if n.endswith((".pdf", ".docx"))]) < 80
    assert _manifest_paths(out) <= set(names)
    if sig == signal.SIGINT:
        assert process.returncode == 130
        assert "Traceback" not in stderr and "interrupted" in stderr
        assert _manifest_paths(out)  # what was finished is recorded
    rerun = CliRunner().invoke(main, ["build", str(articles), "--split", "-f", "pdf", "-f", "docx", "--jobs", "1",
                                      "--out", str(out)])
    assert rerun.exit_code == 0, rerun.output
    assert len([n for n in _whole(out) if n.endswith((".pdf", ".docx"))]) == 80
    assert not list(out.glob(".*.part"))  # the killed writer's temporary file is cleaned up


def test_two_builds_into_one_folder_keep_both_sets_and_the_manifest(tmp_path):
    first = _articles(tmp_path / "a", 6, "a")
    second = _articles(tmp_path / "b", 6, "b")
    out = tmp_path / "out"
    builds = [_start_build(first, out), _start_build(second, out)]
    for process in builds:
        process.communicate(timeout=180)
        assert process.returncode == 0
    names = set(_whole(out))
    assert len([n for n in names if n.endswith(".pdf")]) == 12
    assert _manifest_paths(out) == names - {"manifest.json"}


def test_an_unwritable_output_folder_is_one_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    for command in (["build", str(QA_SEED)], ["parse", str(QA_SEED)]):
        result = CliRunner().invoke(main, [*command, "--out", str(blocker / "out")])
        assert result.exit_code == 1
        assert result.stderr.startswith(f"reportgen: {blocker / 'out'}: cannot be written to")
        assert "choose another --out folder" in result.stderr and "Traceback" not in result.output


def test_a_full_disk_fails_each_document_in_one_line_and_leaves_nothing_half_written(monkeypatch, tmp_path):
    from reportgen.pipeline import run

    def full(path, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(run, "write_atomic", full)
    result = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, jobs=1)
    assert [f.message.split(";")[0] for f in result.errors] == ["cannot be written (No space left on device)"] * 2
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".pdf", ".docx", ".part")]


def test_an_unreadable_input_is_one_line(monkeypatch, tmp_path):
    original = os.open

    def open_file(path, flags, *args, **kwargs):  # root reads any file: the refusal is simulated
        if Path(path).name == "locked.txt":
            raise PermissionError(errno.EACCES, "Permission denied")
        return original(path, flags, *args, **kwargs)

    locked = tmp_path / "locked.txt"
    locked.write_bytes(QA_SEED.read_bytes())
    monkeypatch.setattr(os, "open", open_file)
    result = CliRunner().invoke(main, ["build", str(locked), str(NEWS_SEED), "--jobs", "1", "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"reportgen: {locked}: permission denied; check the file's permissions" in result.stderr


FORMATS = ["pdf", "docx", "html", "md", "json"]


def _bytes_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.suffix[1:] in FORMATS and p.name != "manifest.json"}


def test_every_format_is_byte_identical_across_runs_hash_seeds_and_workers(tmp_path):
    command = ["build", str(QA_SEED), str(NEWS_SEED), "--split", "--pack", "--date", "2025-12-08", "-q",
               "-l", "en", "-l", "es", *[arg for fmt in FORMATS for arg in ("-f", fmt)]]
    runs = {}
    for label, seed, jobs in (("a", "0", "1"), ("b", "12345", "1"), ("c", "random", "2")):
        out = tmp_path / label
        subprocess.run([sys.executable, "-m", "reportgen", *command, "--jobs", jobs, "--out", str(out)],
                       env={**os.environ, "PYTHONHASHSEED": seed}, check=True, capture_output=True)
        runs[label] = _bytes_of(out)
    assert len(runs["a"]) == 3 * 2 * len(FORMATS)
    assert runs["a"] == runs["b"] == runs["c"]


def test_an_interruption_reportlab_re_raised_keeps_its_signal():
    """reportlab re-raises an exception from a page callback as a new one of the same class, with its own
    message: Ctrl-C during a cover drawing must still exit 130, not fail on a message for a number."""
    from reportgen.jobs import Interrupted

    rewrapped = Interrupted("\nhandle_pageBegin args=() 15")
    assert rewrapped.signum == 15 and Interrupted(1).signum == 1
    assert 128 + Interrupted("no number here").signum == 130


def test_a_signal_a_library_turned_into_its_own_error_still_stops_the_build(monkeypatch, tmp_path):
    """A Ctrl-C that lands inside a library which swallows it (reports it as its own error) is a stop, not
    a failed document: the build stops, and what the manifest lists is whole on disk."""
    from reportgen.jobs import Interrupted
    from reportgen.pipeline import run

    render = run._render
    calls = []

    def swallowing(pack, fmt, language, theme):
        calls.append(fmt)
        if len(calls) == 2:
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)  # the handler runs here and raises Interrupted...
            except KeyboardInterrupt as error:
                raise ValueError("parser stopped") from error  # ...which this library reports as its own error
        return render(pack, fmt, language, theme)

    monkeypatch.setattr(run, "_render", swallowing)
    with pytest.raises(Interrupted) as stopped:
        build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, jobs=1, date="2025-12-08")
    assert stopped.value.result.errors == []  # not "could not be rendered as docx"
    assert _manifest_paths(tmp_path) <= set(_whole(tmp_path))
    assert not (tmp_path / "briefing-pack.en.docx").exists()


def test_a_signal_landing_in_a_garbage_collection_callback_stops_the_build_without_a_traceback(
        monkeypatch, tmp_path, capfd):
    """Ctrl-C can land inside a weakref callback run by the garbage collector, where Python cannot raise:
    it used to print "Exception ignored … Traceback" on stderr. It is a quiet stop instead."""
    import gc
    import weakref

    from reportgen.jobs import Interrupted
    from reportgen.pipeline import run

    render = run._render
    calls = []

    class Collected:
        pass

    def interrupted_while_collecting(_reference: object) -> None:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)  # the handler runs here, inside the callback

    def rendering(pack, fmt, language, theme):
        calls.append(fmt)
        if len(calls) == 2:
            doomed = Collected()
            reference = weakref.ref(doomed, interrupted_while_collecting)
            del doomed
            gc.collect()
            assert reference() is None
        return render(pack, fmt, language, theme)

    monkeypatch.setattr(run, "_render", rendering)
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)  # Python's own, which prints (pytest's warns)
    with pytest.raises(Interrupted):
        build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], out=tmp_path, jobs=1, date="2025-12-08")
    stderr = capfd.readouterr().err
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert _manifest_paths(tmp_path) <= set(_whole(tmp_path))
    assert not (tmp_path / "briefing-pack.en.docx").exists()
    assert sys.unraisablehook is sys.__unraisablehook__  # the hook from before the build is back

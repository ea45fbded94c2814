"""Untrusted input stays in its box: names that reach the file system, the output folder, the manifest, processes.

Ids, titles and languages come from articles, hand-edited briefs and Word
packs; the output folder may be shared; a build may be killed or stopped at
any moment. Each test is one thing a hostile input or a hostile moment did
before: a file written outside ``--out``, a planted link followed, a
traceback, a worker left running, a manifest that lies.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportgen import build
from reportgen.cli import main
from reportgen.slug import slugify

ARTICLE = """{title}

Coastal councils in the north are debating whether a small ferry levy would pay for dock repairs, according to \
the regional transport office.

"We cannot keep patching the same pier every winter," said Lena Ortiz, a planner at the Northern Ports Authority. \
The office reported that passenger numbers rose 12% in 2024.
"""
TITLE = "Harbour towns weigh a new ferry levy"
SLUG = "harbour-towns-weigh-a-new-ferry-levy"
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux process and file-name semantics")


def _article(path: Path, title: str = TITLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(title=title), encoding="utf-8")
    return path


def _articles(folder: Path, count: int) -> Path:
    for number in range(count):
        _article(folder / f"{number:03d}.txt", f"{TITLE}, harbour {number}")
    return folder


def _reportgen(*args: str, timeout: float = 120, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True,
                          timeout=timeout, **options)


def _files(folder: Path) -> set[str]:
    """Every file under ``folder`` (hidden ones too), relative to it."""
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file() or path.is_symlink()}


def _manifest(folder: Path) -> dict:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def _outputs(folder: Path) -> set[str]:
    """The documents in ``folder``: neither hidden files nor the manifest."""
    return {p.name for p in folder.iterdir() if not p.name.startswith(".") and p.name != "manifest.json"}


def _no_traceback(result) -> None:
    output = result.stderr if isinstance(result, subprocess.CompletedProcess) else result.output
    assert "Traceback" not in output, output
    if not isinstance(result, subprocess.CompletedProcess):
        assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


# -- 1. names from briefs, Word packs and options never leave --out -----------------------------------------

def _hostile_brief(folder: Path, name: str, brief_id: str) -> Path:
    brief = json.loads(_reportgen("parse", str(_article(folder / "plain.txt"))).stdout)
    brief["id"] = brief_id
    path = folder / name
    path.write_text(json.dumps(brief), encoding="utf-8")
    return path


@pytest.mark.parametrize("text", ["../..", "..", ".", "/etc/passwd", "../../escape", "C:\\Windows\\evil", "con",
                                  "\0", "", "é" * 5000, "a/" * 400])
def test_a_slug_is_a_short_plain_name_whatever_the_text(text):
    name = slugify(text)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", name) and len(name) <= 80
    assert name not in ("con", "nul", "aux", "prn")


def test_brief_ids_of_dot_dots_or_an_absolute_path_name_files_inside_out(tmp_path):
    work = tmp_path / "work" / "deep"
    briefs = [_hostile_brief(work, "up.json", "../../escaped"), _hostile_brief(work, "abs.json", str(tmp_path / "abs")),
              _hostile_brief(work, "dots.json", "..")]
    out = work / "out"
    result = CliRunner().invoke(main, ["build", *map(str, briefs), "--split", "-f", "md", "--jobs", "1",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path) - {f"work/deep/{p}" for p in _files(work)} == set()  # nothing written beside work/
    assert _outputs(out) == {"escaped.en.md", f"{slugify(str(tmp_path / 'abs'))}.en.md", "article.en.md"}
    assert {entry["path"] for entry in _manifest(out)["outputs"]} == _outputs(out)


def test_parse_out_never_writes_outside_its_folder(tmp_path):
    victim = tmp_path / "victim.json"
    victim.write_text('{"keep": true}\n', encoding="utf-8")
    brief = _hostile_brief(tmp_path / "in", "brief.json", "../victim")
    out = tmp_path / "briefs"
    result = CliRunner().invoke(main, ["parse", str(brief), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == '{"keep": true}\n'
    assert _files(out) == {"victim.json"} and result.stdout.strip() == str(out / "victim.json")


@pytest.fixture(scope="module")
def hostile_word_pack(tmp_path_factory) -> Path:
    """A reportgen Word pack whose language property and kept brief id are paths."""
    folder = tmp_path_factory.mktemp("word")
    built = build([_article(folder / "article.txt")], formats=["docx"], out=folder / "built", jobs=1,
                  date="2025-12-08")
    original = built.outputs[0].path
    hostile = folder / "hostile.docx"
    with zipfile.ZipFile(original) as source, zipfile.ZipFile(hostile, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/custom.xml":
                data = data.replace(b"<vt:lpwstr>en</vt:lpwstr>", b"<vt:lpwstr>../../../lang-escape</vt:lpwstr>")
            elif b"urn:reportgen:pack" in data:
                data = data.replace(f'"id": "{SLUG}"'.encode(), b'"id": "../../../id-escape"')
            target.writestr(info, data)
    return hostile


@pytest.mark.parametrize("lang", [[], ["--lang", "en"], ["--lang", "auto"]])
def test_a_word_packs_ids_and_language_property_never_leave_out(hostile_word_pack, lang, tmp_path):
    out = tmp_path / "a" / "b" / "out"
    result = CliRunner().invoke(main, ["build", str(hostile_word_pack), "--split", "--pack", "-f", "md", *lang,
                                       "--jobs", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path) == {f"a/b/out/{name}" for name in _files(out)}
    assert _outputs(out) == {"id-escape.en.md", "briefing-pack.en.md"}


def test_a_word_packs_unknown_language_is_read_as_english_with_a_warning(hostile_word_pack, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["parse", str(hostile_word_pack), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert _files(out) == {"id-escape.json"}
    brief = json.loads((out / "id-escape.json").read_text(encoding="utf-8"))
    assert brief["language"] == "en"
    assert any("language property '../../../lang-escape' is not a language" in w for w in brief["warnings"])


@pytest.mark.parametrize("language", ["en_US", "../x", "es/../../x", "es_ES@euro", "EN"])
def test_lang_accepts_only_languages_a_catalog_exists_for(language, tmp_path):
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", "--lang", language,
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 2 and "Invalid value for --lang" in result.output, result.output
    assert not (tmp_path / "out").exists()


# -- 2. a shared output folder: planted links are never followed -------------------------------------------

def test_a_planted_link_at_the_write_probe_is_never_followed(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("another user's work\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / f".reportgen-probe-{os.getpid()}").symlink_to(victim)  # the name the probe had
    result = build([_article(tmp_path / "a.txt")], formats=["md"], out=out, jobs=1)
    assert not result.errors
    assert victim.read_text(encoding="utf-8") == "another user's work\n"


def test_a_link_named_like_a_stale_temporary_file_is_left_alone(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    planted = out / ".victim.txt.999999999.abc123.part"
    planted.symlink_to(victim)
    stale = out / ".old.md.999999999.def456.part"
    stale.write_bytes(b"half a document")
    build([_article(tmp_path / "a.txt")], formats=["md"], out=out, jobs=1)
    assert planted.is_symlink() and victim.read_text(encoding="utf-8") == "keep\n"
    assert not stale.exists()  # a real leftover of a dead build is still cleaned up


@LINUX
def test_a_manifest_planted_as_a_link_to_a_pipe_is_replaced_not_read(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").symlink_to(fifo)
    run = _reportgen("build", str(_article(tmp_path / "a.txt")), "-f", "md", "--jobs", "1", "-q", "--out", str(out),
                     timeout=60)
    assert run.returncode == 0, run.stderr
    assert not (out / "manifest.json").is_symlink() and _manifest(out)["outputs"]
    assert fifo.is_fifo()


def test_a_planted_output_link_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "victim.md"
    victim.write_text("keep\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "briefing-pack.en.md").symlink_to(victim)
    build([_article(tmp_path / "a.txt")], formats=["md"], out=out, jobs=1)
    assert victim.read_text(encoding="utf-8") == "keep\n" and not (out / "briefing-pack.en.md").is_symlink()


# -- 3. one bad file, variable, stream or manifest is one line; the batch goes on ------------------------

@LINUX
def test_a_file_name_that_is_not_utf8_builds_and_prints_safely(tmp_path):
    odd = _article(tmp_path / os.fsdecode(b"\xffnote.txt"))
    missing = tmp_path / os.fsdecode(b"\xfemissing.txt")
    out = tmp_path / "out"
    run = _reportgen("build", str(odd), str(missing), "--split", "-f", "md", "--jobs", "1", "--out", str(out),
                     env={**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8"})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert f"reportgen: {tmp_path}/\\xfemissing.txt: no such file" in run.stderr
    assert _outputs(out) == {f"{SLUG}.en.md"}
    assert _manifest(out)["outputs"][0]["inputs"][0]["path"].endswith("\\xffnote.txt")
    parsed = _reportgen("parse", str(odd), env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"})
    assert parsed.returncode == 0, parsed.stderr
    assert json.loads(parsed.stdout)["source"]["path"].endswith("\\xffnote.txt")


@pytest.mark.parametrize("epoch", ["9" * 30, "99999999999999", "soon", "1e9", "-5"])
def test_a_malformed_source_date_epoch_is_one_line_before_any_work(epoch, tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", "--out", str(out)],
                                env={"SOURCE_DATE_EPOCH": epoch})
    _no_traceback(result)
    assert result.exit_code == 1
    assert result.stderr.startswith("reportgen: SOURCE_DATE_EPOCH: is ") and result.stderr.count("\n") == 1
    assert "unset it" in result.stderr and not out.exists()


@pytest.mark.parametrize("size", ["inf", "nan", "-1", "0", "1e12"])
def test_max_input_size_must_be_a_real_size(size, tmp_path):
    for command in ("build", "parse"):
        result = CliRunner().invoke(main, [command, str(_article(tmp_path / "a.txt")), "--max-input-size", size,
                                           "--out", str(tmp_path / "out")])
        _no_traceback(result)
        assert result.exit_code == 2 and "Invalid value for '--max-input-size'" in result.output, result.output


@LINUX
def test_a_closed_stdin_or_stdout_is_one_line(tmp_path):
    article = _article(tmp_path / "a.txt")
    closed_in = _reportgen_shell("parse - <&-")
    assert closed_in.returncode == 1 and "Traceback" not in closed_in.stderr, closed_in.stderr
    assert closed_in.stderr.startswith("reportgen: <stdin>: is closed;")
    closed_out = _reportgen_shell(f"parse '{article}' >&-")
    assert closed_out.returncode == 1 and "Traceback" not in closed_out.stderr, closed_out.stderr
    assert closed_out.stderr.startswith("reportgen: <stdout>: is closed;")


def _reportgen_shell(arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(["sh", "-c", f"exec '{sys.executable}' -m reportgen {arguments}"], capture_output=True,
                          text=True, timeout=120)


@LINUX
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stdout_to_a_full_device_is_one_line_and_the_files_are_whole(tmp_path):
    out = tmp_path / "out"
    article = _article(tmp_path / "a.txt")
    with open("/dev/full", "w") as full:
        run = subprocess.run([sys.executable, "-m", "reportgen", "build", str(article), "-f", "md", "--out", str(out)],
                             stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
        parsed = subprocess.run([sys.executable, "-m", "reportgen", "parse", str(article)], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    for result in (run, parsed):
        assert result.returncode == 1 and "Traceback" not in result.stderr and "Exception" not in result.stderr
        assert "reportgen: <stdout>: cannot be written (No space left on device)" in result.stderr
    assert _outputs(out) == {"briefing-pack.en.md"} and _manifest(out)["outputs"]


def test_a_manifest_that_is_a_folder_is_one_line_and_the_documents_are_built(tmp_path):
    out = tmp_path / "out"
    (out / "manifest.json").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", "--jobs", "1",
                                       "--out", str(out)])
    _no_traceback(result)
    assert result.exit_code == 1
    assert f"reportgen: {out / 'manifest.json'}: cannot be written (Is a directory)" in result.stderr
    assert _outputs(out) == {"briefing-pack.en.md"}


@pytest.mark.parametrize("content", ["[" * 100_000, "\x00garbage{", '{"outputs": 7}', '{"outputs": [{"path": 1}]}'])
def test_a_garbled_manifest_is_ignored_and_replaced(content, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "manifest.json").write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", "--jobs", "1",
                                       "--out", str(out)])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    assert [entry["path"] for entry in _manifest(out)["outputs"]] == ["briefing-pack.en.md"]


def test_a_manifest_entry_naming_a_file_outside_the_folder_is_dropped(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("not ours\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    planted = {"path": "../outside.md", "format": "md", "language": "en", "key": "k",
               "sha256": hashlib.sha256(outside.read_bytes()).hexdigest(), "inputs": [], "warnings": []}
    (out / "manifest.json").write_text(json.dumps({"schema": "reportgen.manifest/1", "outputs": [planted],
                                                   "failures": []}), encoding="utf-8")
    build([_article(tmp_path / "a.txt")], formats=["md"], out=out, jobs=1)
    assert [entry["path"] for entry in _manifest(out)["outputs"]] == ["briefing-pack.en.md"]


def test_a_full_disk_while_writing_the_manifest_keeps_the_documents_errors_on_screen(monkeypatch, tmp_path):
    from reportgen import export

    original = export.write_atomic

    def full_for_the_manifest(path, data):
        if Path(path).name == "manifest.json":
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(path, data)

    monkeypatch.setattr(export, "write_atomic", full_for_the_manifest)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), str(tmp_path / "gone.txt"),
                                       "--split", "-f", "md", "--jobs", "1", "--out", str(out)])
    _no_traceback(result)
    assert result.exit_code == 1
    assert f"reportgen: {tmp_path / 'gone.txt'}: no such file" in result.stderr
    assert f"reportgen: {out / 'manifest.json'}: cannot be written (No space left on device)" in result.stderr
    assert _outputs(out) == {f"{SLUG}.en.md"}


def test_a_crash_on_one_article_fails_that_article_only(monkeypatch, tmp_path):
    from reportgen.pipeline import run

    original = run.read

    def crash_on_b(data, path, kind=None):
        if path.endswith("b.txt"):
            raise RecursionError("maximum recursion depth exceeded")
        return original(data, path, kind)

    monkeypatch.setattr(run, "read", crash_on_b)
    first, second = _article(tmp_path / "a.txt"), _article(tmp_path / "b.txt", "A second harbour story")
    result = CliRunner().invoke(main, ["build", str(first), str(second), "--split", "-f", "md", "--jobs", "1",
                                       "--out", str(tmp_path / "out")])
    _no_traceback(result)
    assert result.exit_code == 1
    assert (f"reportgen: {second}: could not be read (RecursionError: maximum recursion depth exceeded); "
            "please report this with the input") in result.stderr
    assert f"{SLUG}.en.md" in _outputs(tmp_path / "out")


# -- 4. processes and state -------------------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _start(articles: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportgen", "build", str(articles), "--split", "-f", "pdf",
                             "--jobs", "2", "-q", "--out", str(out), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _kill_group(process: subprocess.Popen) -> None:
    """Whatever is left of a test's build (on a failure: its orphaned workers)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def _wait_for_workers_and_outputs(process: subprocess.Popen, out: Path, count: int) -> list[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        workers = _children(process.pid)
        if len(workers) >= 2 and len(list(out.glob("*.pdf"))) >= count:
            return workers
        time.sleep(0.05)
    pytest.fail("the build never ran two workers")


@LINUX
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["INT", "TERM", "HUP"])
def test_a_stopped_build_ends_its_workers_and_lists_exactly_the_whole_files(sig, tmp_path):
    out = tmp_path / "out"
    process = _start(_articles(tmp_path / "articles", 16), out)
    try:
        workers = _wait_for_workers_and_outputs(process, out, 2)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=60)  # returns once nothing holds the pipes
    finally:
        _kill_group(process)
    assert process.returncode == 128 + sig and "Traceback" not in stderr, stderr
    assert "interrupted" in stderr
    assert {entry["path"] for entry in _manifest(out)["outputs"]} == _outputs(out)
    assert 0 < len(_outputs(out)) < 16 and not list(out.glob(".*"))
    assert all(_gone(worker) for worker in workers)


@LINUX
def test_workers_die_with_a_killed_parent_and_release_the_callers_pipes(tmp_path):
    out = tmp_path / "out"
    process = _start(_articles(tmp_path / "articles", 16), out)
    try:
        workers = _wait_for_workers_and_outputs(process, out, 1)
        process.kill()
        process.communicate(timeout=30)  # hung forever while orphaned workers held stdout and stderr
        deadline = time.monotonic() + 10
        while not all(_gone(worker) for worker in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert all(_gone(worker) for worker in workers)
    finally:
        _kill_group(process)


def test_jobs_are_capped_by_the_cores_and_the_work(monkeypatch, tmp_path):
    import concurrent.futures

    started: list[int] = []

    class Counted(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, max_workers=None, **options):
            started.append(max_workers)
            super().__init__(max_workers=max_workers, **options)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counted)
    result = build([_articles(tmp_path / "articles", 5)], formats=["md"], split=True, pack=False, jobs=500,
                   out=tmp_path / "out")
    assert not result.errors and len(result.outputs) == 5
    assert started and max(started) <= min(5, os.cpu_count() or 1)


def test_a_build_never_overwrites_what_another_build_wrote_in_its_manifest(monkeypatch, tmp_path):
    from reportgen.export import Manifest

    out = tmp_path / "out"
    original = Manifest.write

    def another_build_overwrites_first(self, records, failures, *more):
        (out / "briefing-pack.en.md").write_text("another build's pack\n", encoding="utf-8")
        return original(self, records, failures, *more)

    monkeypatch.setattr(Manifest, "write", another_build_overwrites_first)
    build([_article(tmp_path / "a.txt")], formats=["md"], split=True, out=out, jobs=1)
    for entry in _manifest(out)["outputs"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"], entry["path"]
    assert not (out / ".reportgen.lock").exists()


def test_an_out_folder_inside_the_input_folder_is_never_read_back(tmp_path):
    articles = _articles(tmp_path / "articles", 2)
    out = articles / "out"
    for _ in range(2):
        result = CliRunner().invoke(main, ["build", str(articles), "--split", "-f", "md", "-f", "html", "--jobs",
                                           "1", "--out", str(out)])
        assert result.exit_code == 0, result.output
    assert result.stderr.strip().endswith("built 0, skipped 4 (unchanged), failed 0")
    assert len(_outputs(out)) == 4


def test_an_out_folder_that_is_the_input_folder_is_one_line(tmp_path):
    articles = _articles(tmp_path / "articles", 2)
    before = _files(articles)
    result = CliRunner().invoke(main, ["build", str(articles), "-f", "md", "--out", str(articles)])
    assert result.exit_code == 1
    assert f"reportgen: {articles}: is the --out folder or inside it" in result.stderr
    assert _files(articles) - before <= {"manifest.json"}


def test_an_input_inside_out_named_like_its_output_is_never_overwritten(tmp_path):
    out = tmp_path / "out"
    given = _article(out / f"{SLUG}.en.md")
    before = given.read_bytes()
    result = CliRunner().invoke(main, ["build", str(given), "--split", "-f", "md", "--jobs", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert given.read_bytes() == before
    assert f"{SLUG}-2.en.md" in _outputs(out)


def test_one_file_named_four_ways_is_built_once(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    article = _article(tmp_path / "a.txt")
    (tmp_path / "link.txt").symlink_to(article)
    result = CliRunner().invoke(main, ["build", "a.txt", "./a.txt", str(article), "link.txt", "a.txt", "--split",
                                       "-f", "md", "--jobs", "1", "--out", "out"])
    assert result.exit_code == 0, result.output
    assert _outputs(tmp_path / "out") == {f"{SLUG}.en.md"}
    assert [i["path"] for i in _manifest(tmp_path / "out")["outputs"][0]["inputs"]] == ["a.txt"]


# -- 5. a cover line is a line ------------------------------------------------------------------------------

@pytest.mark.parametrize("option", ["--title", "--subtitle"])
def test_a_title_or_subtitle_over_500_characters_is_refused_in_one_line(option, tmp_path):
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", option, "x" * 20_000,
                                       "--out", str(tmp_path / "out")])
    assert time.perf_counter() - started < 5
    assert result.exit_code == 2 and f"Invalid value for '{option}'" in result.output
    assert "20,000 characters" in result.output and "at most 500" in result.output
    assert not (tmp_path / "out").exists()
    with pytest.raises(ValueError, match="at most 500"):
        build([tmp_path / "a.txt"], formats=["md"], out=tmp_path / "out", **{option[2:]: "x" * 501})


def test_a_title_of_500_characters_builds_and_names_the_file_in_80(tmp_path):
    result = CliRunner().invoke(main, ["build", str(_article(tmp_path / "a.txt")), "-f", "md", "--title",
                                       "Ferry levy " * 45 + "end", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    (name,) = _outputs(tmp_path / "out")
    assert len(name) <= 80 + len(".en.md") and name.startswith("ferry-levy-ferry-levy")

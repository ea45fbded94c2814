"""The manifest trusts a file this build wrote while it is still that very file, and reads anything else."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from reportgen import export
from reportgen.export import MANIFEST_NAME, Manifest, Record, write_atomic


def _record(name: str, data: bytes) -> Record:
    return Record(name, "pdf", "en", hashlib.sha256(data).hexdigest(), f"key-{name}")


def _listed(folder: Path) -> list[str]:
    return [entry["path"] for entry in json.loads((folder / MANIFEST_NAME).read_text())["outputs"]]


def test_a_file_still_as_written_is_listed_without_being_read_again(tmp_path, monkeypatch):
    data = b"%PDF-1.4 ours"
    written = {"a.pdf": write_atomic(tmp_path / "a.pdf", data)}
    reads: list[Path] = []
    opener = export._open_regular
    monkeypatch.setattr(export, "_open_regular", lambda path: reads.append(path) or opener(path))
    Manifest(tmp_path).write([_record("a.pdf", data)], [], written)
    assert _listed(tmp_path) == ["a.pdf"] and tmp_path / "a.pdf" not in reads


@pytest.mark.parametrize("how", ["replaced", "rewritten in place", "grown"])
def test_a_file_another_writer_changed_is_read_and_its_stale_record_dropped(tmp_path, how):
    ours = b"%PDF-1.4 ours"
    written = {"a.pdf": write_atomic(tmp_path / "a.pdf", ours)}
    time.sleep(0.01)  # a later modification time, on filesystems that keep coarse ones
    if how == "replaced":  # another build's atomic write: a new file under the name
        write_atomic(tmp_path / "a.pdf", b"%PDF-1.4 them")
    elif how == "rewritten in place":  # same size, same inode, other bytes
        with open(tmp_path / "a.pdf", "r+b") as stream:
            stream.write(b"%PDF-1.4 them")
    else:
        with open(tmp_path / "a.pdf", "ab") as stream:
            stream.write(b" and more")
    Manifest(tmp_path).write([_record("a.pdf", ours)], [], written)
    assert _listed(tmp_path) == []


def test_without_identities_every_file_is_read(tmp_path):
    data = b"%PDF-1.4 ours"
    write_atomic(tmp_path / "a.pdf", data)
    os.utime(tmp_path / "a.pdf")
    Manifest(tmp_path).write([_record("a.pdf", data), _record("gone.pdf", data)], [])
    assert _listed(tmp_path) == ["a.pdf"]


def test_a_rerun_with_nothing_changed_reads_each_document_once(tmp_path, monkeypatch):
    """Once to find it unchanged; the manifest written at the end trusts that read while the file is
    still the one read."""
    from collections import Counter

    from conftest import NEWS_SEED, QA_SEED
    from reportgen import build

    out = tmp_path / "out"
    build([QA_SEED, NEWS_SEED], formats=["md", "html"], split=True, out=out, jobs=1)
    reads: Counter[str] = Counter()
    opener = export._open_regular
    monkeypatch.setattr(export, "_open_regular", lambda path: reads.update([Path(path).name]) or opener(path))
    result = build([QA_SEED, NEWS_SEED], formats=["md", "html"], split=True, out=out, jobs=1)
    outputs = _listed(out)
    assert len(outputs) >= 4 and all(output.skipped for output in result.outputs)
    assert {name: reads[name] for name in outputs} == {name: 1 for name in outputs}

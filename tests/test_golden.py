"""The seed pack in every format and language, byte for byte as it was built before a refactor.

A change to how the code is arranged must not change a byte of what it writes.
``tests/golden/`` holds the seed pack as built when the files were made, with the
versions of the libraries that wrote it (``versions.json``): with other versions
(a newer reportlab writes another producer line) the comparison says nothing and
is skipped. A change meant to alter the output regenerates them:

    REPORTGEN_GOLDEN=write python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import json
import os
import shutil
from importlib.metadata import version
from pathlib import Path

import pytest

from conftest import ROOT
from reportgen import build

GOLDEN = Path(__file__).resolve().parent / "golden"
FORMATS = ("pdf", "docx", "html", "md", "json")
LIBRARIES = ("reportlab", "python-docx", "babel", "lxml")


def _versions() -> dict[str, str]:
    return {library: version(library) for library in LIBRARIES}


@pytest.fixture(scope="module")
def built(tmp_path_factory, monkeypatch_module) -> Path:
    out = tmp_path_factory.mktemp("golden")
    monkeypatch_module.chdir(ROOT)  # the seeds by relative paths: the briefs record paths as given
    seeds = sorted(path.relative_to(ROOT) for path in (ROOT / "seeds").iterdir() if path.is_file())
    result = build(seeds, formats=FORMATS, langs=["en", "es"], out=out, date="2026-12-07", jobs=1)
    assert not result.errors
    return out


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_the_seed_pack_is_byte_identical_to_the_golden_one(built, fmt, language):
    name = f"briefing-pack.{language}.{fmt}"
    if os.environ.get("REPORTGEN_GOLDEN") == "write":
        GOLDEN.mkdir(exist_ok=True)
        shutil.copyfile(built / name, GOLDEN / name)
        (GOLDEN / "versions.json").write_text(json.dumps(_versions(), indent=2) + "\n", encoding="utf-8")
        return
    recorded = json.loads((GOLDEN / "versions.json").read_text(encoding="utf-8"))
    if recorded != _versions():
        pytest.skip(f"golden files were written with {recorded}, this is {_versions()}")
    assert (built / name).read_bytes() == (GOLDEN / name).read_bytes(), f"{name} changed: see this module's docstring"

"""A non-editable install carries the seeds and the built-in styles."""

from __future__ import annotations

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_contains_seeds_styles_fonts_catalogs_lexicon_and_schema(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("reportgen-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for seed in (ROOT / "seeds").iterdir():
        assert f"reportgen/_bundled/seeds/{seed.name}" in names
    for style in (ROOT / "styles").glob("*.toml"):
        assert f"reportgen/_bundled/styles/{style.name}" in names
    assert {f"reportgen/schema/brief-{version}.schema.json" for version in (1, 2, 3)} <= names
    assert "reportgen/lexicon/en/speech.toml" in names and "reportgen/lexicon/es/speech.toml" in names
    for font in (ROOT / "styles" / "fonts").glob("*.ttf"):
        assert f"reportgen/_bundled/styles/fonts/{font.name}" in names
    assert {"reportgen/_bundled/styles/logos/default.svg", "reportgen/_bundled/styles/logos/default.png"} <= names
    for language in ("en", "es"):
        assert f"reportgen/locale/{language}/LC_MESSAGES/reportgen.mo" in names
    assert "reportgen/i18n/units.toml" in names


def test_installed_package_finds_its_seeds_from_any_folder(tmp_path):
    code = "import reportgen; paths = reportgen.seed_paths(); print(len(paths), all(p.is_file() for p in paths))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["2", "True"]

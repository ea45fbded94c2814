"""Theme files: built-ins load, and every mistake in a user's theme is one clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from reportgen.errors import InputError
from reportgen.themes import builtin_themes, load_theme

FONTS = ROOT / "styles" / "fonts"


def test_three_builtin_themes_with_their_own_logo_png_and_fonts():
    themes = {theme.name: theme for theme in builtin_themes()}
    assert set(themes) == {"default", "ink", "harbour"}
    assert len({theme.body_font.regular for theme in themes.values()}) == 3
    for theme in themes.values():
        assert theme.logo_svg.suffix == ".svg" and theme.logo_png.read_bytes().startswith(b"\x89PNG")
        assert theme.texts_for("es").disclaimer != theme.texts_for("en").disclaimer


def _theme(tmp_path: Path, body: str) -> Path:
    """A user theme in its own folder, with a copy of one bundled font family beside it."""
    (tmp_path / "fonts").mkdir(exist_ok=True)
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"):
        shutil.copy(FONTS / name, tmp_path / "fonts" / name)
    path = tmp_path / "mine.toml"
    path.write_text('name = "mine"\n' + body, encoding="utf-8")
    return path


FAMILY = """
[fonts.body]
regular = "fonts/DejaVuSans.ttf"
bold = "fonts/DejaVuSans-Bold.ttf"
italic = "fonts/DejaVuSans-Oblique.ttf"
bold_italic = "{bold_italic}"
"""


def test_a_valid_user_theme_loads_and_defaults_the_rest(tmp_path):
    theme = load_theme(_theme(tmp_path, '[colors]\nprimary = "#112233"\n' + FAMILY.format(
        bold_italic="fonts/DejaVuSans-BoldOblique.ttf")))
    assert theme.colors["primary"] == "#112233"
    assert theme.heading_font == theme.body_font
    assert theme.page_size == "A4"


@pytest.mark.parametrize("body, key, hint", [
    ('[colors]\nprimry = "#112233"\n', "colors.primry", "allowed here: primary, accent"),
    ('[colors]\nprimary = "navy"\n', "colors.primary", "#RRGGBB"),
    ('colour = "red"\n', "colour", "allowed here: name, description"),
    ('[page]\nsize = "A3"\n', "page.size", "A4, Letter"),
    (FAMILY.format(bold_italic="fonts/Missing.ttf"), "fonts.body.bold_italic", "does not exist"),
    (FAMILY.format(bold_italic="../outside.ttf"), "fonts.body.bold_italic", "outside the theme's folder"),
    (FAMILY.format(bold_italic="mine.toml"), "fonts.body.bold_italic", "not a TrueType font"),
    ('[brand]\nlogo = "mine.toml"\n', "brand.logo", "not a SVG image"),
    ('[fonts.sizes]\nbody = 200\n', "fonts.sizes.body", "from 5 to 72"),
    ('name = = 1\n', "", "not valid TOML"),
])
def test_theme_mistakes_name_the_file_the_key_and_what_is_allowed(tmp_path, body, key, hint):
    path = _theme(tmp_path, body)
    with pytest.raises(InputError) as raised:
        load_theme(path)
    message = str(raised.value)
    assert message.startswith(str(path) + ": " + key)
    assert hint in message


def test_an_unknown_theme_name_lists_the_builtin_ones():
    with pytest.raises(InputError, match="built-in themes are default, harbour, ink"):
        load_theme("nope")


def test_a_folder_named_like_a_builtin_theme_does_not_hide_it(tmp_path, monkeypatch):
    """A working folder holding ``default/`` (an output folder, say) still builds with the default theme."""
    from click.testing import CliRunner

    from reportgen.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "default").mkdir()
    result = CliRunner().invoke(main, ["build", "--format", "md", "--out", "pack"])
    assert result.exit_code == 0, result.output
    assert load_theme("default").name == "default"

"""brand.yml files: one brand description themes the PDF and the Word pack; mistakes are one clear line."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NEWS_SEED, QA_SEED, ROOT
from reportgen.cli import main
from reportgen.errors import InputError
from reportgen.style import load_style
from reportgen.themes import family_name, load_theme

EXAMPLE = ROOT / "examples" / "brand" / "_brand.yml"
PLUM, CORAL, INK = "#3D2352", "#E4572E", "#231F29"  # the example's primary, secondary and foreground
DEJAVU = ROOT / "styles" / "fonts"
FAMILY = """
    - family: DejaVu Sans
      source: file
      files:
        - fonts/DejaVuSans.ttf
        - {path: fonts/DejaVuSans-Bold.ttf, weight: bold}
        - {path: fonts/DejaVuSans-Oblique.ttf, style: italic}
        - {path: fonts/DejaVuSans-BoldOblique.ttf, weight: 700, style: italic}
"""


@pytest.fixture(scope="module")
def example_pack(tmp_path_factory):
    """The seeds built with the example brand, as PDF and DOCX, once."""
    from reportgen import build

    result = build([QA_SEED, NEWS_SEED], formats=["pdf", "docx"], style=EXAMPLE,
                   out=tmp_path_factory.mktemp("brand"), date="2025-12-08")
    assert not result.errors
    return result


def _brand(tmp_path: Path, text: str) -> Path:
    """A brand file in its own folder, beside copies of DejaVu Sans and the default logo (SVG + PNG)."""
    (tmp_path / "fonts").mkdir(exist_ok=True)
    for path in DEJAVU.glob("DejaVuSans*.ttf"):
        shutil.copy(path, tmp_path / "fonts" / path.name)
    for suffix in (".svg", ".png"):
        shutil.copy(ROOT / "styles" / "logos" / f"default{suffix}", tmp_path / f"mark{suffix}")
    path = tmp_path / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> str:
    with pytest.raises(InputError) as raised:
        load_style(path)
    return str(raised.value)


def _rgb(hex_color: str) -> tuple[int, int, int]:
    return tuple(int(hex_color[i:i + 2], 16) for i in (1, 3, 5))


# -- the example brand, built ------------------------------------------------

def test_the_example_brand_loads_with_its_name_logo_fonts_colours_and_size():
    theme = load_style(EXAMPLE)
    assert theme.brand == "Meridian Policy Lab"
    assert theme.logo_svg.name == "meridian.svg" and theme.logo_png.name == "meridian.png"
    assert family_name(theme.body_font.regular) == family_name(theme.heading_font.bold) == "Lato"
    assert (theme.colors["primary"], theme.colors["accent"], theme.colors["text"]) == (PLUM, CORAL, INK)
    assert theme.colors["paper"] == "#FFFFFF"  # given as #FFF
    assert theme.sizes["body"] == 11.0 and theme.sizes["title"] > load_theme("default").sizes["title"]


def test_the_pdf_embeds_the_brand_fonts_and_paints_its_colours(example_pack):
    from pypdf import PdfReader

    pdf = next(output.path for output in example_pack.outputs if output.format == "pdf")
    reader = PdfReader(pdf)
    fonts, fills = set(), set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        for r, g, b in re.findall(rb"([\d.]+) ([\d.]+) ([\d.]+) rg", page.get_contents().get_data()):
            fills.add(tuple(round(float(channel) * 255) for channel in (r, g, b)))
    assert {"Lato-Regular", "Lato-Bold", "Lato-Italic"} <= fonts
    assert _rgb(PLUM) in fills and _rgb(CORAL) in fills


def test_the_docx_styles_take_the_brand_fonts_and_colours(example_pack):
    import docx
    from docx.shared import RGBColor

    path = next(output.path for output in example_pack.outputs if output.format == "docx")
    styles = docx.Document(str(path)).styles
    assert styles["Normal"].font.name == styles["Heading 1"].font.name == "Lato"
    assert styles["Normal"].font.color.rgb == RGBColor.from_string(INK[1:])
    assert styles["Heading 1"].font.color.rgb == RGBColor.from_string(PLUM[1:])


def test_keys_reportgen_does_not_use_are_warned_about_once_per_build(example_pack):
    assert example_pack.warnings[str(EXAMPLE)] == (
        "meta.link: ignored (reportgen has no use for it)",
        "color.success: ignored (reportgen has no use for it)",
    )


# -- the mapping -------------------------------------------------------------

def test_roles_resolve_through_palette_names_other_roles_and_short_hex(tmp_path):
    theme = load_style(_brand(tmp_path, """
color:
  palette: {navy: "#1F3A5F", brand-blue: navy, sand: "#e9b"}
  primary: brand-blue
  tertiary: sand
  foreground: "#123"
  background: "#FFF"
"""))
    assert theme.colors["primary"] == "#1F3A5F"
    assert theme.colors["accent"] == "#EE99BB"  # tertiary, as there is no secondary
    assert theme.colors["text"] == "#112233" and theme.colors["paper"] == "#FFFFFF"


def test_muted_rule_stripe_and_shade_are_mixed_on_paper_unless_the_palette_names_them(tmp_path):
    theme = load_style(_brand(tmp_path, """
color:
  palette: {shade: "#ABCDEF"}
  primary: "#000000"
  foreground: "#000000"
  background: "#FFFFFF"
"""))
    assert theme.colors["shade"] == "#ABCDEF"
    assert theme.colors["rule"] == "#BFBFBF"  # 25% primary on paper
    assert theme.colors["muted"] == "#595959"  # 65% text on paper
    assert theme.colors["accent"] == "#000000"  # no secondary or tertiary: the primary


def test_headings_color_stands_in_for_a_missing_primary_and_is_warned_about_when_it_differs(tmp_path):
    theme = load_style(_brand(tmp_path, 'typography:\n  headings: {color: "#654321"}\n'))
    assert theme.colors["primary"] == "#654321" and not theme.warnings
    (tmp_path / "other").mkdir()
    theme = load_style(_brand(tmp_path / "other", """
color: {primary: "#111111"}
typography:
  headings: {color: "#654321"}
"""))
    assert theme.colors["primary"] == "#111111"
    assert theme.warnings == ("typography.headings.color: ignored (headings are drawn in color.primary)",)


@pytest.mark.parametrize("size, body", [("14px", 10.5), ("10pt", 10.0), (11, 11.0), ("1rem", 10.5)])
def test_base_size_sets_the_body_and_scales_the_rest(tmp_path, size, body):
    theme = load_style(_brand(tmp_path, f"typography:\n  base:\n    size: {size}\n"))
    default = load_theme("default").sizes
    assert theme.sizes["body"] == body
    assert theme.sizes["h1"] == round(default["h1"] * body / default["body"], 1)


def test_base_and_headings_families_come_from_local_files(tmp_path):
    theme = load_style(_brand(tmp_path, f"""
typography:
  fonts:{FAMILY}
  base: DejaVu Sans
"""))
    assert theme.body_font.bold == (tmp_path / "fonts" / "DejaVuSans-Bold.ttf").resolve()
    assert theme.heading_font == theme.body_font  # no headings family: the body's


def test_each_unused_key_is_one_warning_and_the_rest_still_applies(tmp_path):
    theme = load_style(_brand(tmp_path, f"""
meta: {{name: Acme, link: "https://acme.example"}}
color: {{primary: "#112233", success: "#00AA00", danger: "#AA0000"}}
typography:
  fonts:{FAMILY}
  base: {{family: DejaVu Sans, line-height: 1.5}}
  monospace: DejaVu Sans Mono
defaults:
  quarto: {{format: {{html: {{}}}}}}
"""))
    assert theme.brand == "Acme" and theme.colors["primary"] == "#112233"
    assert [warning.split(":")[0] for warning in theme.warnings] == [
        "defaults", "meta.link", "typography.monospace", "typography.base.line-height", "color.success",
        "color.danger"]
    assert all(warning.endswith(": ignored (reportgen has no use for it)") for warning in theme.warnings)


# -- mistakes: one line naming the file and the key --------------------------

@pytest.mark.parametrize("text, key, hint", [
    ("color: 5\n", "color", "give a mapping of palette"),
    ("colour: {primary: '#112233'}\n", "colour", "allows here: meta, logo, color"),
    ("color: {primary: navy}\n", "color.primary", "#RRGGBB, #RGB or a color.palette name"),
    ("color: {primary: 'rgb(1, 2, 3)'}\n", "color.primary", "#RRGGBB"),
    ("color:\n  primary: #112233\n", "color.primary", "quote hex colours"),
    ("color: {primary: secondary, secondary: primary}\n", "color.primary", "refers to itself"),
    ("meta: {name: 5}\n", "meta.name", "give a string"),
    ("typography: {base: {size: huge}}\n", "typography.base.size", "10pt, 14px"),
    ("typography: {base: {size: 40pt}}\n", "typography.base.size", "from 6 to 18pt"),
    ("typography:\n  fonts:" + FAMILY.replace("DejaVuSans-Bold.ttf", "Missing.ttf") + "  base: DejaVu Sans\n",
     "typography.fonts[0].files[1].path", "does not exist"),
    ("typography:\n  fonts:" + FAMILY.replace("fonts/DejaVuSans.ttf", "_brand.yml") + "  base: DejaVu Sans\n",
     "typography.fonts[0].files[0]", "not a TrueType font"),
    ("typography:\n  fonts:" + FAMILY.replace("weight: 700, ", "") + "  base: DejaVu Sans\n",
     "typography.fonts[0].files[3]", "second italic"),
    ("typography:\n  fonts:" + FAMILY.replace("weight: bold", "weight: heavy") + "  base: DejaVu Sans\n",
     "typography.fonts[0].files[1].weight", "100–900"),
    ("logo: nowhere.svg\n", "logo", "nowhere.svg does not exist"),
    ("logo: {images: {m: ../outside.svg}, large: m}\n", "logo.images.m", "outside the theme's folder"),
    ("logo: https://acme.example/logo.svg\n", "logo", "is a URL"),
    ("logo: {large: {light: mark.jpg}}\n", "logo.large.light", "not an SVG or PNG"),
    ("logo: {smal: mark.svg}\n", "logo.smal", "allows here: images, small"),
])
def test_brand_mistakes_name_the_file_the_key_and_what_to_do(tmp_path, text, key, hint):
    path = _brand(tmp_path, text)
    message = _error(path)
    assert message.startswith(f"{path}: {key}:"), message
    assert hint in message, message
    assert "\n" not in message


def test_a_logo_takes_its_twin_of_the_other_kind_when_there_is_one_and_stands_alone_otherwise(tmp_path):
    theme = load_style(_brand(tmp_path, "logo: {small: mark.png}\n"))
    assert (theme.logo_svg, theme.logo_png) == ((tmp_path / "mark.svg").resolve(), (tmp_path / "mark.png").resolve())
    shutil.copy(tmp_path / "mark.svg", tmp_path / "solo.svg")
    assert (load_style(_brand(tmp_path, "logo: solo.svg\n")).logo_png is None)
    shutil.copy(tmp_path / "mark.png", tmp_path / "alone.png")
    theme = load_style(_brand(tmp_path, "logo: {images: {wide: alone.png}, medium: wide}\n"))
    assert (theme.logo_svg, theme.logo_png) == (None, (tmp_path / "alone.png").resolve())


def test_invalid_yaml_is_one_line_with_where(tmp_path):
    message = _error(_brand(tmp_path, "color:\n  primary: [\n"))
    assert "is not valid YAML (line" in message and "\n" not in message


# -- the command line --------------------------------------------------------

def test_cli_builds_with_the_example_brand_and_lists_its_warnings_once(tmp_path):
    result = CliRunner().invoke(main, ["build", str(QA_SEED), "--style", str(EXAMPLE), "--format", "pdf",
                                       "--format", "docx", "--lang", "en", "--lang", "es", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith(f"reportgen: {EXAMPLE}: warning:")]
    assert warnings == [f"reportgen: {EXAMPLE}: warning: meta.link: ignored (reportgen has no use for it)",
                        f"reportgen: {EXAMPLE}: warning: color.success: ignored (reportgen has no use for it)"]
    assert len(result.stdout.splitlines()) == 4


def test_cli_refuses_a_bad_brand_in_one_line_and_writes_nothing(tmp_path):
    path = _brand(tmp_path, "typography:\n  fonts:\n    - {family: Inter, source: ftp}\n  base: Inter\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(QA_SEED), "--style", str(path), "--out", str(out)])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit)  # not a crash
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(f"reportgen: {path}: typography.fonts[0].source: is 'ftp'")
    assert result.stdout == "" and not out.exists()


def test_a_yaml_alias_bomb_is_refused_at_once(tmp_path):
    """Nine levels of nine aliases stand for 387 million values: refused before anything walks them."""
    text = 'meta:\n  name: Bomb\ndefaults:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n'
    for level in range(1, 10):
        previous, current = chr(96 + level), chr(97 + level)
        text += f"  {current}: &{current} [" + ",".join([f"*{previous}"] * 9) + "]\n"
    text += "color:\n  palette:\n    x: *j\n  primary: x\n"
    path = tmp_path / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="uses YAML aliases"):
        load_style(path)

"""Brand files that just work: a family without files is found locally or stood in for, with one warning;
one logo file, SVG or PNG, is enough for every format; nothing is downloaded."""

from __future__ import annotations

import shutil
import socket
import stat
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from conftest import QA_SEED, ROOT
from reportgen.cli import main
from reportgen.errors import InputError
from reportgen.style import load_style
from reportgen.themes import family_name

LOGOS = ROOT / "styles" / "logos"
UNBUNDLED = "Open Sans"  # not among reportgen's fonts; what most brand files name


@pytest.fixture(autouse=True)
def offline(monkeypatch):
    """Every test here fails if anything tries to reach the network."""
    def refuse(*args, **kwargs):
        raise AssertionError("reportgen tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.fixture
def no_fc_match(monkeypatch, tmp_path):
    """A PATH on which fc-match cannot be found."""
    empty = tmp_path / "no-fontconfig"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def _brand(folder: Path, text: str, logos: tuple[str, ...] = ("default.png",)) -> Path:
    """A brand file in its own folder, beside copies of the named built-in logo files (as mark.*)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in logos:
        shutil.copy(LOGOS / name, folder / f"mark{Path(name).suffix}")
    path = folder / "_brand.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _fake_fc_match(folder: Path, answer: str) -> None:
    """An fc-match on PATH whose every answer is ``answer`` (its -f format's fields, one a line)."""
    folder.mkdir()
    script = folder / "fc-match"
    script.write_text(f"#!/bin/sh\nprintf '%s' '{answer}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)


def _build(brand: Path, out: Path, *formats: str):
    arguments = ["build", str(QA_SEED), "--style", str(brand), "--lang", "en", "--out", str(out)]
    for name in formats:
        arguments += ["--format", name]
    return CliRunner().invoke(main, arguments)


def _warnings(stderr: str) -> list[str]:
    """The warning lines of a build's stderr, after checking the rest is only the closing count."""
    lines = stderr.splitlines()
    assert [line for line in lines if ": warning: " not in line] == [lines[-1]]
    assert lines[-1].startswith("reportgen: built ")
    return lines[:-1]


def _pdf_fonts(path: Path) -> set[str]:
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return fonts


def _docx_media(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist() if name.startswith("word/media/")}


# -- fonts -----------------------------------------------------------------------------------------

def test_an_unbundled_family_without_fc_match_builds_both_formats_with_one_warning(tmp_path, no_fc_match):
    brand = _brand(tmp_path / "brand", f"logo: mark.png\ntypography: {{base: {UNBUNDLED}}}\n")
    result = _build(brand, tmp_path / "out", "pdf", "docx")
    assert result.exit_code == 0, result.output
    (warning,) = _warnings(result.stderr)
    assert warning.startswith(f"reportgen: {brand}: warning: typography.base.family: {UNBUNDLED} ")
    assert "set in DejaVu Sans instead" in warning
    assert _pdf_fonts(tmp_path / "out" / "briefing-pack.en.pdf") >= {"DejaVuSans", "DejaVuSans-Bold"}
    assert (tmp_path / "out" / "briefing-pack.en.docx").is_file()


def test_a_google_or_bunny_family_is_looked_up_the_same_way_never_downloaded(tmp_path, no_fc_match):
    theme = load_style(_brand(tmp_path, f"""
typography:
  fonts:
    - {{family: {UNBUNDLED}, source: google}}
    - {{family: Inter, source: bunny}}
  base: {UNBUNDLED}
  headings: Inter
"""))
    assert theme.warnings == (
        f"typography.fonts[0]: {UNBUNDLED} is a Google Fonts family and is neither bundled nor installed here "
        "(reportgen never downloads fonts): set in DejaVu Sans instead; give its TTF files in typography.fonts "
        "(source: file) to embed it",
        "typography.fonts[1]: Inter is a Bunny Fonts family and is neither bundled nor installed here (reportgen "
        "never downloads fonts): set in DejaVu Serif instead; give its TTF files in typography.fonts (source: file) "
        "to embed it")
    assert family_name(theme.body_font.regular) == "DejaVu Sans"
    assert family_name(theme.heading_font.bold) == "DejaVu Serif"


def test_a_bundled_family_is_used_by_name_with_its_four_faces(tmp_path, no_fc_match):
    theme = load_style(_brand(tmp_path, "typography: {base: carlito, headings: {family: Caladea}}\n"))
    assert theme.body_font.bold_italic.name == "Carlito-BoldItalic.ttf"
    assert theme.heading_font.italic.name == "Caladea-Italic.ttf"
    assert [warning.split(":")[0] for warning in theme.warnings] == ["typography.base.family",
                                                                      "typography.headings.family"]
    assert all(warning.endswith("set in the copy bundled with reportgen") for warning in theme.warnings)


def _installed_truetype_family() -> tuple[str, Path] | None:
    """A TrueType family this machine has that reportgen does not bundle, and its regular file."""
    from reportgen.font_lookup import _embeddable

    if shutil.which("fc-list") is None or shutil.which("fc-match") is None:
        return None
    listing = subprocess.run(["fc-list", ":fontformat=TrueType:style=Regular", "-f", "%{family[0]}\t%{file}\n"],
                             capture_output=True, text=True, timeout=30).stdout
    bundled = {family_name(path) for path in (ROOT / "styles" / "fonts").glob("*.ttf")}
    for line in sorted(listing.splitlines()):
        family, _, file = line.partition("\t")
        if family and family not in bundled and file.endswith(".ttf") and "," not in family:
            if _embeddable(Path(file)):
                return family, Path(file)
    return None


def test_a_family_installed_here_is_found_through_fc_match_and_embedded(tmp_path):
    installed = _installed_truetype_family()
    if installed is None:
        pytest.skip("no fontconfig, or no TrueType family beyond the bundled ones on this machine")
    family, _ = installed
    brand = _brand(tmp_path / "brand", f"logo: mark.png\ntypography: {{base: {family}}}\n")
    theme = load_style(brand)
    assert family_name(theme.body_font.regular) == family
    (warning,) = theme.warnings
    assert warning.startswith(f"typography.base.family: {family} has no files in typography.fonts: set in this "
                              "machine's copy (") and warning.endswith("which another machine may lack")
    result = _build(brand, tmp_path / "out", "pdf", "docx")
    assert result.exit_code == 0, result.output
    assert _warnings(result.stderr) == [f"reportgen: {brand}: warning: {warning}"]
    embedded = _pdf_fonts(tmp_path / "out" / "briefing-pack.en.pdf")
    assert any(name.startswith(family.replace(" ", "")) for name in embedded), embedded


def test_fc_match_naming_another_family_keeps_the_theme_font(tmp_path, monkeypatch):
    """fc-match always answers; its nearest font of another family is not the brand's."""
    _fake_fc_match(tmp_path / "bin", "Nimbus Sans\n80\n0\nTrueType\n0\n"
                   f"{ROOT / 'styles' / 'fonts' / 'Carlito-Regular.ttf'}")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    theme = load_style(_brand(tmp_path / "brand", f"typography: {{base: {UNBUNDLED}}}\n"))
    assert family_name(theme.body_font.regular) == "DejaVu Sans"
    assert "set in DejaVu Sans instead" in theme.warnings[0]


def test_fc_match_faces_are_taken_only_when_reportlab_can_embed_them(tmp_path, monkeypatch):
    """A CFF (.otf) answer is no use to reportlab; a TrueType answer of the right family is, and a face
    fc-match has only as regular (weight 80 for a bold query) is drawn with the regular file."""
    from reportgen import font_lookup

    fonts = ROOT / "styles" / "fonts"
    _fake_fc_match(tmp_path / "cff", f"Open Sans\n80\n0\nCFF\n0\n{fonts / 'Carlito-Regular.ttf'}")
    monkeypatch.setenv("PATH", str(tmp_path / "cff"))
    assert font_lookup.find_family(UNBUNDLED) is None
    _fake_fc_match(tmp_path / "ttf", f"Open Sans\n80\n0\nTrueType\n0\n{fonts / 'Carlito-Regular.ttf'}")
    monkeypatch.setenv("PATH", str(tmp_path / "ttf"))
    found = font_lookup.find_family(UNBUNDLED)
    assert found.family.regular == found.family.bold_italic == fonts / "Carlito-Regular.ttf"
    assert found.drawn_as_regular == ("bold", "italic", "bold_italic") and not found.bundled


def test_an_fc_match_that_hangs_is_given_up_on(tmp_path, monkeypatch):
    from reportgen import font_lookup

    (tmp_path / "bin").mkdir()
    script = tmp_path / "bin" / "fc-match"
    script.write_text("#!/bin/sh\nexec sleep 30\n", encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))
    monkeypatch.setattr(font_lookup, "FC_MATCH_TIMEOUT", 0.3)
    assert font_lookup.find_family("Hanging Sans") is None


# -- logos -----------------------------------------------------------------------------------------

def test_a_png_only_logo_is_drawn_on_the_pdf_cover_and_shown_in_html(tmp_path, no_fc_match):
    brand = _brand(tmp_path / "brand", "logo: mark.png\n")
    result = _build(brand, tmp_path / "out", "pdf", "html")
    assert result.exit_code == 0, result.output
    cover = PdfReader(tmp_path / "out" / "briefing-pack.en.pdf").pages[0]
    images = [xobject for xobject in cover["/Resources"]["/XObject"].values()
              if xobject.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 1
    page = (tmp_path / "out" / "briefing-pack.en.html").read_text(encoding="utf-8")
    assert 'src="data:image/png;base64,' in page


def test_an_svg_only_logo_becomes_a_png_picture_on_the_word_cover(tmp_path):
    from PIL import Image

    brand = _brand(tmp_path / "brand", "logo: mark.svg\n", logos=("default.svg",))
    result = _build(brand, tmp_path / "out", "docx")
    assert result.exit_code == 0, result.output
    (picture,) = _docx_media(tmp_path / "out" / "briefing-pack.en.docx").values()
    image = Image.open(BytesIO(picture))
    assert image.format == "PNG" and image.size == (189, 189)  # 16 mm at 300 dpi, the mark's square
    assert image.getpixel((94, 20))[:3] == (0x1F, 0x3A, 0x5F)  # the mark's navy, drawn


def test_an_svg_logo_rasterized_for_word_still_draws_nothing_from_outside(tmp_path):
    from PIL import Image

    from reportgen.logos import svg_as_png

    Image.new("RGB", (16, 16), (12, 34, 56)).save(tmp_path / "outside.png")
    mark = '<rect width="24" height="24" fill="#00AA77"/>'
    plain = tmp_path / "plain.svg"
    plain.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="24">{mark}</svg>')
    reaching = tmp_path / "reaching.svg"
    reaching.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" width="48" height="24">{mark}'
                        '<image href="outside.png" x="24" width="24" height="24"/><script>x()</script></svg>')
    assert svg_as_png(reaching, 60) == svg_as_png(plain, 60)
    colours = Image.open(BytesIO(svg_as_png(reaching, 60))).convert("RGB").getcolors(4096)
    assert (12, 34, 56) not in {colour for _, colour in colours}


def test_a_logo_too_long_to_rasterize_is_one_clear_error_not_gigabytes(tmp_path):
    from reportgen.logos import svg_as_png

    strip = tmp_path / "strip.svg"
    strip.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000000000 1"><rect width="9" '
                     'height="1"/></svg>')
    with pytest.raises(InputError, match="at most 20 times wider than tall"):
        svg_as_png(strip, 189)


def test_a_png_logo_must_be_a_png_of_sensible_size(tmp_path):
    folder = tmp_path / "brand"
    brand = _brand(folder, "logo: mark.png\n", logos=())
    (folder / "mark.png").write_bytes((LOGOS / "default.svg").read_bytes())
    with pytest.raises(InputError, match="mark.png is not a PNG image"):
        load_style(brand)
    header = bytearray((LOGOS / "default.png").read_bytes())
    header[16:24] = (100_000).to_bytes(4, "big") * 2  # ten billion pixels once decoded
    (folder / "mark.png").write_bytes(bytes(header))
    with pytest.raises(InputError, match="is 100,000 × 100,000 pixels; give a PNG of at most"):
        load_style(brand)

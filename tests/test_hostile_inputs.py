"""Every file reportgen reads is bounded and checked: a bad article, brief, theme, brand or config
file is one line naming it, never a hang, a traceback or a half-written project.

Cases that hung or ran for minutes before run the real command in a subprocess with a time limit.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import reportgen
from reportgen.cli import main
from reportgen.config import CONFIG_NAME, load_config
from reportgen.themes import load_theme

ARTICLE = (
    "Port workers in Valparaíso end a nine-day strike\n\n"
    "Valparaíso — Dock workers returned to the cranes on Thursday after the port authority agreed to "
    "review night-shift pay, the union said in a statement.\n\n"
    "“Nobody wins a strike that empties the shelves,” said Rocío Fuentes, a labour economist at the "
    "Pacific Trade Observatory. She estimated that the stoppage delayed 14,000 containers.\n\n"
    "The authority said exports of copper concentrate fell 12% during the strike.\n"
)
CONTROLS = "\x00\x07\x1b\x7f\x85\x9b"
LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">{}</svg>'
XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"'


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def reportgen_process(*args: str, cwd: Path | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """The command in its own process: a hang or a slow parse fails the test instead of stalling it."""
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


def one_line(stderr: str, path: Path | str, problem: str) -> None:
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if not line.startswith("reportgen: built ")]
    assert len(lines) == 1, stderr
    assert lines[0].startswith(f"reportgen: {path}: ") and problem in lines[0], stderr


@pytest.fixture(scope="module")
def brief_json(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("article")
    (folder / "strike.txt").write_text(ARTICLE, encoding="utf-8")
    return json.dumps(reportgen.parse_file(folder / "strike.txt").to_dict(), ensure_ascii=False)


def theme_folder(tmp_path: Path, toml: str, logo: str | None = None) -> Path:
    folder = tmp_path / "theme"
    folder.mkdir(exist_ok=True)
    if logo is not None:
        (folder / "logo.svg").write_text(logo, encoding="utf-8")
    (folder / "theme.toml").write_text(toml, encoding="utf-8")
    return folder / "theme.toml"


# -- 1. regular files only, sizes checked before reading -------------------------------------

@pytest.mark.parametrize("role", ["article", "theme", "brand", "config", "project", "font"])
def test_a_named_pipe_anywhere_is_one_line_not_a_hang(role, tmp_path):
    article = tmp_path / "strike.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    pipe = tmp_path / {"article": "pipe.txt", "theme": "pipe.toml", "brand": "pipe.yml", "config": "pipe.toml",
                       "project": CONFIG_NAME, "font": "pipe.ttf"}[role]
    os.mkfifo(pipe)
    args, named, problem = {
        "article": (["parse", str(pipe)], pipe, "is a named pipe (FIFO), not a regular file"),
        "theme": (["build", str(article), "--style", str(pipe)], pipe, "is a named pipe (FIFO), not a regular file"),
        "brand": (["build", str(article), "--style", str(pipe)], pipe, "is a named pipe (FIFO), not a regular file"),
        "config": (["build", "--config", str(pipe)], pipe, "is a named pipe (FIFO), not a regular file"),
        "project": (["build"], CONFIG_NAME, "is a named pipe (FIFO), not a regular file"),
        "font": (["build", str(article), "--style", str(tmp_path / "font.toml")], tmp_path / "font.toml",
                 "fonts.body.regular: pipe.ttf is a named pipe (FIFO), not a regular file"),
    }[role]
    fonts = "".join(f'{slot} = "pipe.ttf"\n' for slot in ("regular", "bold", "italic", "bold_italic"))
    (tmp_path / "font.toml").write_text(f"[fonts.body]\n{fonts}", encoding="utf-8")
    run = reportgen_process(*args, "--out", str(tmp_path / "out"), cwd=tmp_path, timeout=30) if role != "article" \
        else reportgen_process(*args, cwd=tmp_path, timeout=30)
    assert run.returncode == 1
    one_line(run.stderr, named, problem)
    assert not (tmp_path / "out").exists()


def test_settings_files_are_refused_past_their_size_unread(tmp_path):
    theme = theme_folder(tmp_path, 'name = "wide"\n' + "# a very long comment line\n" * 12_000)
    result = cli("build", "--style", str(theme), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, theme, "is larger than 200 KB, the limit for a theme file")


# -- 2. an SVG logo draws nothing from outside itself, and says so ------------------------------

@pytest.mark.parametrize("inside, named", [
    (f'<image {XLINK} xlink:href="../secret.png" width="4" height="4"/>', "'../secret.png' (<image href>)"),
    ('<image href="file:///etc/hostname" width="4" height="4"/>', "'file:///etc/hostname' (<image href>)"),
    ('<use href="shapes.svg#mark"/>', "'shapes.svg#mark' (<use href>)"),
    ('<rect width="4" height="4" style="fill:url(pattern.svg#p)"/>', "'fill:url(pattern.svg#p)' (<rect style>)"),
])
def test_what_an_svg_logo_names_outside_itself_is_a_warning_and_left_out(inside, named, tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    theme = theme_folder(tmp_path, '[brand]\nlogo = "logo.svg"\n', LOGO.format(inside))
    article = tmp_path / "strike.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = cli("build", str(article), "--style", str(theme), "-f", "html", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert f"reportgen: {theme}: warning: brand.logo: logo.svg refers to {named} outside itself" in result.stderr
    page = (tmp_path / "out" / "briefing-pack.en.html").read_text(encoding="utf-8")
    assert all(name not in page for name in ("secret.png", "hostname", "shapes.svg", "pattern.svg"))


def test_an_svg_logo_declaring_entities_is_a_warning(tmp_path):
    logo = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY word "mark">]>' + LOGO.format("<text>&word;</text>")
    theme = theme_folder(tmp_path, '[brand]\nlogo = "logo.svg"\n', logo)
    assert load_theme(theme).warnings == (
        "brand.logo: logo.svg refers to XML entities outside itself, which packs leave out; a logo draws only its "
        "own parts (#id) and data:image pictures — save it with images embedded",)


@pytest.mark.parametrize("inside, problem", [
    ('<defs><g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></defs><use href="#a"/>',
     "has a <use> that ends up using itself"),
    ('<defs><rect id="r0" width="1" height="1"/>'
     + "".join(f'<g id="r{n}">' + f'<use href="#r{n - 1}"/>' * 10 + "</g>" for n in range(1, 7))
     + '</defs><use href="#r6"/>', "draws more than 20,000 shapes"),
])
def test_an_svg_logo_whose_uses_loop_or_multiply_is_refused_when_the_theme_loads(inside, problem, tmp_path):
    theme = theme_folder(tmp_path, '[brand]\nlogo = "logo.svg"\n', LOGO.format(inside))
    result = cli("build", "--style", str(theme), "-f", "md", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, theme, f"brand.logo: logo.svg {problem}")


def test_a_logo_with_its_own_parts_and_an_embedded_image_builds_without_a_warning(tmp_path):
    pixel = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    logo = LOGO.format(f'<defs><circle id="dot" r="3" fill="url(#shade)"/><linearGradient id="shade"/></defs>'
                       f'<use href="#dot" x="5" y="5"/><image {XLINK} xlink:href="data:image/png;base64,{pixel}" '
                       'width="4" height="4"/>')
    theme = theme_folder(tmp_path, '[brand]\nlogo = "logo.svg"\n', logo)
    article = tmp_path / "strike.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = cli("build", str(article), "--style", str(theme), "-f", "html", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "warning" not in result.stderr
    assert '<img src="data:image/svg+xml' in (tmp_path / "out" / "briefing-pack.en.html").read_text(encoding="utf-8")


# -- 3. nesting and types: one line, never a traceback ------------------------------------

@pytest.mark.parametrize("change, problem", [
    (lambda text: text.replace('"experts": [', '"experts": "x", "was": [', 1),
     "field 'experts' has the wrong type (expected a list, got a string)"),
    (lambda text: text.replace('"commentary_spans": [', '"commentary_spans": null, "was": [', 1),
     "field 'experts[0].commentary_spans' has the wrong type (expected a list, got null)"),
    (lambda text: re.sub(r'"name": "[^"]*"', '"name": 42', text, count=1),
     "field 'experts[0].name' has the wrong type (expected a string, got a number)"),
    (lambda text: text.replace('"body": [', '"body": [null, ', 1),
     "field 'body[0]' has the wrong type (expected a string, got null)"),
    (lambda text: re.sub(r'"text_span": \[\d+', '"text_span": [NaN', text, count=1),
     "field 'statistics[0].text_span' has the wrong type (expected [start, end] offsets or null, got a list "
     "holding NaN)"),
    (lambda text: re.sub(r'"text_span": \[\d+', '"text_span": [1e400', text, count=1), "1e400 (out of range)"),
    (lambda text: re.sub(r'"text_span": \[\d+', '"text_span": [' + "7" * 5000, text, count=1),
     "a number of 5,000 digits"),
    (lambda text: text.replace('"warnings": [', '"warnings": {"deep": ' + "[" * 50_000 + "]" * 50_000 + "}, "
                               '"was": [', 1), "nested hundreds of levels deep"),
])
def test_a_damaged_brief_is_one_line_naming_the_field(change, problem, brief_json, tmp_path):
    brief = tmp_path / "brief.json"
    brief.write_text(change(brief_json), encoding="utf-8")
    result = cli("build", str(brief), "-f", "md", "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, brief, "is not a reportgen brief (")
    assert problem in result.stderr


def test_a_lone_surrogate_in_a_brief_is_replaced_and_the_manifest_is_written(brief_json, tmp_path):
    brief = tmp_path / "brief.json"
    brief.write_text(brief_json.replace('"title": "', '"title": "\\ud800', 1), encoding="utf-8")
    result = cli("build", str(brief), "-f", "md", "-f", "html", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["outputs"]) == 2
    assert "\ufffdPort workers" in (tmp_path / "out" / "briefing-pack.en.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["theme", "config"])
def test_toml_nested_past_the_parser_is_one_line(kind, tmp_path):
    path = tmp_path / ("theme.toml" if kind == "theme" else CONFIG_NAME)
    path.write_text("title = " + "[" * 3000 + "]" * 3000 + "\n", encoding="utf-8")
    result = cli("build", *(["--style", str(path)] if kind == "theme" else ["--config", str(path)]),
                 "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, path, "nests arrays or tables hundreds of levels deep")


def test_a_bracket_bomb_brand_file_is_refused_in_seconds(tmp_path):
    brand = tmp_path / "_brand.yml"
    brand.write_text("meta:\n  name: " + "[" * 60_000 + "]" * 60_000 + "\n", encoding="utf-8")
    run = reportgen_process("build", "--style", str(brand), "--out", str(tmp_path / "out"), timeout=30)
    assert run.returncode == 1
    one_line(run.stderr, brand, "line 2: nests lists or mappings more than 16 levels deep")


def test_a_brand_colour_chain_longer_than_sixteen_names_is_one_line(tmp_path):
    palette = "".join(f"    tone{n}: tone{n + 1}\n" for n in range(3000)) + '    tone3000: "#336699"\n'
    brand = tmp_path / "_brand.yml"
    brand.write_text(f"color:\n  primary: tone0\n  palette:\n{palette}", encoding="utf-8")
    result = cli("build", "--style", str(brand), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, brand, "is reached through more than 16 colour names")


def test_a_brand_file_with_thousands_of_unused_keys_warns_in_twenty_lines(tmp_path):
    from reportgen.brand import load_brand

    brand = tmp_path / "_brand.yml"
    brand.write_text("meta:\n  name: Harbour Desk\n" + "".join(f"  extra{n}: yes\n" for n in range(3000)),
                     encoding="utf-8")
    warnings = load_brand(brand).warnings
    assert len(warnings) == 20 and warnings[-1] == "… and 2,981 more keys ignored"


@pytest.mark.parametrize("toml, problem", [
    ('[texts.en]\nfooter = "' + "Confidential. " * 2000 + '"\n', "texts.en.footer: is 28,000 characters long; "
                                                                    "give at most 300"),
    ('[brand]\nname = "' + "Observatory " * 100 + '"\n', "brand.name: is 1,200 characters long; give at most 120"),
    ('[texts.es]\nbrand_line = "Boletín\\u001b[31m"\n', "texts.es.brand_line: holds the control character U+001B"),
])
def test_theme_texts_are_bounded(toml, problem, tmp_path):
    theme = theme_folder(tmp_path, toml)
    result = cli("build", "--style", str(theme), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    one_line(result.stderr, theme, problem)


# -- 4. control characters never reach a brief -----------------------------------------------

def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return []


@pytest.mark.parametrize("name, data", [
    ("controls.txt", ARTICLE.replace("Dock", f"Do{CONTROLS[1:]}ck").encode("utf-8")),
    ("controls.html", ("<html><head><title>Port workers end a strike</title></head><body><article>"
                       "<h1>Port workers in Valparaíso end a nine-day strike</h1>"
                       + "".join(f"<p>{paragraph.replace('Dock', 'Do&#x1b;&#7;&#127;' + CONTROLS[4:] + 'ck')}</p>"
                                 for paragraph in ARTICLE.split("\n\n")[1:])
                       + "</article></body></html>").encode("utf-8")),
    ("controls.md", ("# Port workers in Valparaíso end a nine-day strike\n\n"
                     + ARTICLE.split("\n\n", 1)[1].replace("Dock", f"Do{CONTROLS[1:]}ck")).encode("utf-8")),
])
def test_control_characters_are_removed_at_ingest(name, data, tmp_path):
    path = tmp_path / name
    path.write_bytes(data)
    result = cli("parse", str(path))
    assert result.exit_code == 0, result.output
    brief = json.loads(result.stdout)
    assert any("Dock workers" in text for text in _strings(brief))
    assert not [text for text in _strings(brief) if re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)]


def test_control_characters_in_a_brief_are_removed_when_it_is_read(brief_json, tmp_path):
    brief = tmp_path / "brief.json"
    brief.write_text(brief_json.replace('"title": "Port', '"title": "\\u001b[2J\\u0007\\u009bPort', 1), encoding="utf-8")
    result = cli("parse", str(brief))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"].startswith("[2JPort workers")


# -- 5. say what was guessed; never half a project ----------------------------------------

def test_one_windows_line_in_a_utf8_article_keeps_the_rest_and_is_named(tmp_path):
    article = tmp_path / "pasted.txt"
    lines = ARTICLE.split("\n")
    data = "\n".join(lines[:4]).encode("utf-8") + b"\n" + "Política portuaria: la opinión del sindicato.".encode(
        "cp1252") + b"\n" + "\n".join(lines[4:]).encode("utf-8")
    article.write_bytes(data)
    parsed = cli("parse", str(article))
    assert parsed.exit_code == 0, parsed.output
    brief = json.loads(parsed.stdout)
    text = " ".join(_strings(brief))
    assert "Valparaíso" in text and "Rocío Fuentes" in text and "Política portuaria: la opinión" in text
    assert "Ã" not in text
    assert any("mixes encodings" in warning and "(5)" in warning for warning in brief["warnings"])
    built = cli("build", str(article), "-f", "md", "--verbose", "--out", str(tmp_path / "out"))
    assert f"reportgen: {article}: warning: mixes encodings" in built.stderr


def test_a_config_reaching_outside_its_folder_says_so(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (tmp_path / "shared").mkdir()
    (project / "articles").mkdir()
    (project / CONFIG_NAME).write_text(
        'inputs = ["articles/", "../shared/*.txt"]\nout = "/tmp/reportgen-elsewhere"\nstyle = "ink"\n',
        encoding="utf-8")
    notes = load_config(project / CONFIG_NAME).notes
    assert len(notes) == 2
    assert "inputs: '../shared/*.txt' is outside the project folder" in notes[0] and "reads it there" in notes[0]
    assert "out: '/tmp/reportgen-elsewhere' is outside the project folder" in notes[1] and "writes it" in notes[1]
    (project / CONFIG_NAME).write_text('inputs = ["articles/"]\nout = "dist"\n', encoding="utf-8")
    assert load_config(project / CONFIG_NAME).notes == ()


def test_init_that_fails_halfway_leaves_nothing_behind(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "theme").write_text("a file where init wants a folder\n", encoding="utf-8")
    result = cli("init", str(folder))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert sorted(path.name for path in folder.iterdir()) == ["theme"]

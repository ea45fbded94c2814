"""Project defaults: `reportgen init` writes a reportgen.toml and a theme; `build` takes them, options win."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import NEWS_SEED, QA_SEED, pdf_text
from reportgen.cli import main
from reportgen.config import CONFIG_NAME, KEYS, load_config


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """An empty folder, made the current one."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def files_under(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def test_init_then_build_works_in_an_empty_folder(here):
    init = run("init")
    assert init.exit_code == 0, init.output
    written = init.stdout.splitlines()
    assert written[:2] == [CONFIG_NAME, "theme/default.toml"]
    assert sorted(written) == files_under(here)
    assert {"theme/logos/default.svg", "theme/fonts/DejaVuSerif.ttf", "theme/fonts/LICENSE-DejaVu.txt"} <= set(written)
    assert not any("Carlito" in name or "harbour" in name for name in written)  # only what the theme names

    built = run("build", "-q")
    assert built.exit_code == 0, built.output
    assert built.stdout.splitlines() == ["dist/briefing-pack.en.pdf"]  # the bundled seeds, with the copied theme

    theme = here / "theme" / "default.toml"
    theme.write_text(theme.read_text().replace("Policy and news briefings", "Casa Andina briefings"))
    with (here / CONFIG_NAME).open("a") as config:
        config.write('title = "Andean watch"\n')
    rebuilt = run("build", "-q")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert rebuilt.stdout.splitlines() == ["dist/andean-watch.en.pdf"]
    text = pdf_text(here / "dist" / "andean-watch.en.pdf")
    assert "Andean watch" in text
    assert "Casa Andina briefings" in text  # the project's own copy of the theme is the one used


def test_command_line_options_win_over_the_file(here):
    (here / CONFIG_NAME).write_text(f'inputs = ["{QA_SEED}"]\ntitle = "From the file"\nformats = ["docx"]\n'
                                    'out = "file-out"\ndate = 2025-12-08\nsplit = true\n')
    result = run("build", "--title", "From the command line", "--format", "pdf", "--out", "cli-out", "--no-split",
                 "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["cli-out/from-the-command-line.en.pdf"]
    assert not (here / "file-out").exists()
    text = pdf_text(here / "cli-out" / "from-the-command-line.en.pdf")
    assert "From the command line" in text and "From the file" not in text
    assert "December 8, 2025" in text  # what the command line left alone still comes from the file


def test_the_file_wins_over_the_built_in_defaults(here):
    (here / CONFIG_NAME).write_text(f'inputs = ["{QA_SEED}", "{NEWS_SEED}"]\nformats = ["md", "json"]\nlangs = ["es"]\n'
                                    'split = true\npack = false\nout = "briefs"\n')
    result = run("build", "-q")
    assert result.exit_code == 0, result.output
    assert sorted(files_under(here / "briefs")) == sorted([
        "are-tense-relations-harming-anti-drug-cooperation.es.json",
        "are-tense-relations-harming-anti-drug-cooperation.es.md",
        "manifest.json",
        "strengthening-alliances-and-dismantling-cartels-us-mexico-ecuador-relations.es.json",
        "strengthening-alliances-and-dismantling-cartels-us-mexico-ecuador-relations.es.md",
    ])


def test_config_elsewhere_resolves_paths_against_its_own_folder(here, monkeypatch):
    project = here / "project"
    assert run("init", "project").exit_code == 0
    (project / "articles").mkdir()
    shutil.copy(NEWS_SEED, project / "articles" / "news.txt")
    config = project / CONFIG_NAME
    text = config.read_text()
    assert '# inputs = ["articles/"]' in text  # the generated file says how to point it at your articles
    config.write_text(text.replace('# inputs = ["articles/"]', 'inputs = ["articles/"]'))
    (here / "elsewhere").mkdir()
    monkeypatch.chdir(here / "elsewhere")

    result = run("build", "--config", "../project/reportgen.toml", "-q")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["../project/dist/briefing-pack.en.pdf"]
    manifest = json.loads((project / "dist" / "manifest.json").read_text())
    assert [entry["path"] for entry in manifest["outputs"][0]["inputs"]] == ["../project/articles/news.txt"]
    assert files_under(here / "elsewhere") == []


@pytest.mark.parametrize("body, message", [
    ('title = "Andean watch"\noutput = "out"\n',
     ("output: unknown key; allowed: inputs, formats, langs, style, title, subtitle, date, out, reference_docx, "
      "pack, split")),
    ("[build]\nsplit = true\n", "build: unknown key; allowed: inputs, formats"),
    ("title = 48\n", "title: is 48; give a string in quotes"),
    ('formats = "pdf"\n', "formats: is 'pdf'; give a list of strings"),
    ('formats = ["pfd"]\n', "formats: unknown format 'pfd'; known formats: "),
    ('langs = ["xx"]\n', "langs: unknown language 'xx'"),
    ("split = 1\n", "split: is 1; give true or false"),
    ('date = "8/12/2025"\n', "date: is '8/12/2025'; give a date as YYYY-MM-DD"),
    ('title = "Andean watch"\nformats = [pdf]\n', "line 2: is not valid TOML ("),
])
def test_a_bad_file_is_one_line_naming_it_and_the_key_and_nothing_is_built(here, body, message):
    (here / CONFIG_NAME).write_text(body)
    result = run("build")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"reportgen: {CONFIG_NAME}: {message}")
    assert len(result.stderr.splitlines()) == 1
    assert files_under(here) == [CONFIG_NAME]


def test_a_missing_config_file_is_one_line(here):
    result = run("build", "--config", "nowhere/reportgen.toml")
    assert result.exit_code == 1
    assert result.stderr == ("reportgen: nowhere/reportgen.toml: no such config file; check the path, or run "
                             "`reportgen init` to write one\n")
    assert files_under(here) == []


@pytest.mark.parametrize("existing", [CONFIG_NAME, "theme/fonts/DejaVuSans.ttf"])
def test_init_never_overwrites_and_then_writes_nothing(here, existing):
    (here / existing).parent.mkdir(parents=True, exist_ok=True)
    (here / existing).write_text("mine\n")
    result = run("init")
    assert result.exit_code == 1
    assert result.stderr == (f"reportgen: {existing}: already exists; init never overwrites — "
                             "remove it, or init another folder\n")
    assert result.stdout == ""
    assert (here / existing).read_text() == "mine\n"
    assert files_under(here) == [existing]


def test_the_generated_file_loads_and_its_comments_explain_every_key(here):
    assert run("init").exit_code == 0
    assert load_config().values() == {"formats": ("pdf",), "langs": ("en",), "style": "theme/default.toml",
                                      "out": Path("dist")}
    text = (here / CONFIG_NAME).read_text()
    blocks = text.split("\n\n")
    for key in KEYS:
        [block] = [block for block in blocks if re.search(rf"^(# )?{key} = ", block, re.MULTILINE)]
        assert re.search(r"^# .*Default", block, re.MULTILINE), f"{key} has no comment giving its default"
    uncommented = here / "uncommented.toml"
    uncommented.write_text(re.sub(r"^# (\w+ = )", r"\1", text, flags=re.MULTILINE))
    assert set(load_config(uncommented).values()) == set(KEYS)  # every example value, uncommented, is valid


def test_verbose_names_a_config_path_that_leads_outside_the_project(tmp_path, monkeypatch):
    """A reportgen.toml may write anywhere, but --verbose says so (a shared project file is untrusted)."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "reportgen.toml").write_text('out = "../elsewhere"\nformats = ["md"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    from click.testing import CliRunner
    from reportgen.cli import main

    quiet = CliRunner().invoke(main, ["build", "--date", "2025-12-08"])
    loud = CliRunner().invoke(main, ["build", "--date", "2025-12-08", "--verbose", "--force"])
    assert quiet.exit_code == loud.exit_code == 0, loud.output
    assert "outside the project folder" not in quiet.stderr
    assert "out: '../elsewhere' is outside the project folder" in loud.stderr
    assert (tmp_path / "elsewhere" / "briefing-pack.en.md").is_file()

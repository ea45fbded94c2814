"""A build option is declared once: a BuildOptions field, a click option of the same name, a template line.

The click option and the project file fill the same field (the file through
click's ``default_map``), so these tests hold the three to each other: adding
an option and forgetting one of them fails here, naming it.
"""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from reportgen import BuildOptions, build
from reportgen.cli import build as build_command
from reportgen.config import KEYS, TEMPLATE

# build's click options that say how a run goes (build()'s keywords, or the command's own), not what it builds
RUN_SETTINGS = {"jobs", "force", "max_input_mb", "quiet", "verbose", "config"}
NAMES = [option.name for option in fields(BuildOptions)]


def _template_blocks() -> dict[str, str]:
    """Each key of the init template with the comment block above its line."""
    blocks = {}
    for block in TEMPLATE.split("\n\n"):
        for key in re.findall(r"^(?:# )?(\w+) = ", block, re.MULTILINE):
            assert key not in blocks, f"{key} has two template lines"
            blocks[key] = block
    return blocks


def _toml(value: object) -> str:
    """A default as the template writes it."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return f'"{value}"'


def test_every_option_is_a_click_option_a_template_line_and_a_config_key_and_nothing_else_is():
    params = {param.name for param in build_command.params}
    assert set(NAMES) <= params, f"no click option for {set(NAMES) - params}"
    assert params - set(NAMES) == RUN_SETTINGS, "a click option that is neither a BuildOptions field nor a run setting"
    assert sorted(_template_blocks()) == sorted(NAMES)
    assert KEYS == tuple(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_the_click_option_and_the_template_give_the_fields_default(name):
    default = getattr(BuildOptions(), name)
    param = next(param for param in build_command.params if param.name == name)
    assert getattr(BuildOptions(**{name: param.default}), name) == default
    block = _template_blocks()[name]
    said = re.search(r"Default: (.+)", block)
    assert said, f"the template does not say {name}'s default"
    if default not in (None, ()):  # otherwise the comment says in words what decides it
        assert said.group(1).startswith(_toml(default)), f"{name}: the template says {said.group(1)!r}"


def test_python_callers_give_options_as_they_come_and_get_them_in_one_shape():
    given = BuildOptions(inputs=[Path("a.txt"), "b/"], formats=["pdf", "docx"], langs=None, style=Path("t.toml"),
                         out="exports", reference_docx="house.docx")
    assert given == BuildOptions(inputs=("a.txt", "b/"), formats=("pdf", "docx"), langs=(), style="t.toml",
                                 out=Path("exports"), reference_docx=Path("house.docx"))
    with pytest.raises(TypeError):
        build(formatz=["pdf"])  # a misspelt option is refused, as a keyword argument is


def test_keywords_and_an_options_value_build_alike(tmp_path):
    from conftest import QA_SEED

    options = BuildOptions(inputs=(str(QA_SEED),), formats=("md",), out=tmp_path / "a", date="2025-12-08")
    from_value = build(options=options)
    from_keywords = build([QA_SEED], formats=["md"], out=tmp_path / "b", date="2025-12-08")
    assert [o.sha256 for o in from_value.outputs] == [o.sha256 for o in from_keywords.outputs]

"""A build loads only what its formats need: one renderer's module, the font faces it draws with.

Checked in fresh interpreters, since what a process has imported or
registered is the thing under test.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib import import_module

import pytest

from conftest import NEWS_SEED, QA_SEED
from reportgen import render

RENDERER_MODULES = {"pdf": "reportgen.render.pdf", "docx": "reportgen.render.docx", "html": "reportgen.render.html",
                    "md": "reportgen.render.markdown", "json": "reportgen.render.json"}


def _fresh(code: str) -> dict:
    """What ``code`` (which sets ``result``) leaves, run in a new interpreter."""
    script = f"import json, sys\n{code}\nprint(json.dumps(result))"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(run.stdout.splitlines()[-1])


@pytest.mark.parametrize("fmt, also", [("pdf", set()), ("docx", {"pdf"})])
def test_a_build_imports_only_the_renderer_of_its_format(tmp_path, fmt, also):
    """A Word pack with contents also lays the PDF out, for the page numbers its contents carries."""
    inputs = [str(QA_SEED), str(NEWS_SEED)]
    loaded = _fresh(
        f"import reportgen\nreportgen.build({inputs!r}, formats=[{fmt!r}], out={str(tmp_path)!r}, jobs=1)\n"
        "result = sorted(name for name in sys.modules if name.startswith('reportgen.render.'))")
    others = {module for name, module in RENDERER_MODULES.items() if name != fmt and name not in also}
    assert RENDERER_MODULES[fmt] in loaded and {RENDERER_MODULES[name] for name in also} <= set(loaded)
    assert not others & set(loaded)
    assert (tmp_path / f"briefing-pack.en.{fmt}").exists()


def test_a_word_pack_paginates_its_contents_without_parsing_the_logo(tmp_path):
    """A Word pack takes its contents' page numbers from the PDF's pagination, which draws no cover:
    preparing that pagination, and the whole build, leave svglib (~35 ms) unimported."""
    inputs = [str(QA_SEED), str(NEWS_SEED)]
    state = _fresh(
        "import reportgen\n"
        "from reportgen.render.docx import DocxRenderer\n"
        "from reportgen.themes import load_theme\n"
        "DocxRenderer().prepare(load_theme('default'), 'en', 2)\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "fonts = 'DejaVuSerif-Bold' in pdfmetrics.getRegisteredFontNames()\n"
        f"reportgen.build({inputs!r}, formats=['docx'], out={str(tmp_path)!r}, jobs=2)\n"
        "result = [fonts, 'svglib' in sys.modules]")
    assert state == [True, False]
    assert (tmp_path / "briefing-pack.en.docx").exists()


def test_listing_formats_imports_no_renderer():
    loaded = _fresh("from reportgen.render import describe_formats\nrows = describe_formats()\n"
                    "result = [name for name in sys.modules if name.startswith('reportgen.render.')]")
    assert loaded == []


def test_the_builtin_table_says_what_each_renderer_class_says():
    for name, builtin in render._BUILTINS.items():
        import_module(builtin.module, render.__name__)
        renderer = render._registry[name]
        assert (renderer.name, renderer.suffix, renderer.description) == (name, builtin.suffix, builtin.description)


def test_a_pdf_build_registers_only_the_faces_it_draws_with_once_per_process(tmp_path):
    registered = _fresh(
        "import pathlib\n"
        "from reportlab.pdfbase import ttfonts\n"
        "parsed = []\n"
        "original = ttfonts.TTFontFace.__init__\n"
        "def counting(self, filename, *args, **kwargs):\n"
        "    parsed.append(pathlib.Path(filename).stem)\n"
        "    original(self, filename, *args, **kwargs)\n"
        "ttfonts.TTFontFace.__init__ = counting\n"
        "import reportgen\n"
        f"for run in range(2):\n"
        f"    reportgen.build([{str(QA_SEED)!r}], formats=['pdf'], out={str(tmp_path)!r} + str(run), jobs=1)\n"
        "result = parsed")
    # The default theme sets text in DejaVu Sans and Serif, regular, bold and italic: no bold italic,
    # and the fallbacks (DejaVu Sans again, Vera) are not needed for an English seed.
    assert sorted(registered) == ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSerif",
                                  "DejaVuSerif-Bold", "DejaVuSerif-Italic"]


def test_a_character_only_a_fallback_has_registers_that_fallback_when_met():
    seen = _fresh(
        "from reportlab.pdfbase import pdfmetrics\n"
        "from reportgen.render.pdf.fonts import Typeset, register_family\n"
        "from reportgen.themes import load_theme\n"
        "typeset = Typeset(register_family(load_theme('default').heading_font))\n"
        "before = set(pdfmetrics.getRegisteredFontNames())\n"
        "markup = typeset.markup('a \\u02ce b')\n"  # MODIFIER LETTER LOW GRAVE: in DejaVu Sans, not Serif
        "result = [markup, sorted(set(pdfmetrics.getRegisteredFontNames()) - before)]")
    assert seen == ['a <font face="DejaVuSans">\u02ce</font> b', ["DejaVuSans", "DejaVuSerif"]]  # no Vera


def test_a_logo_is_sanitized_once_per_version_of_its_file(tmp_path, monkeypatch):
    import os

    from reportgen.render import svg

    logo = tmp_path / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script><rect width="1"/></svg>')
    reads = []
    read_bytes = type(logo).read_bytes
    monkeypatch.setattr(type(logo), "read_bytes", lambda path: reads.append(path) or read_bytes(path))
    first = svg.safe_svg(logo)
    assert svg.safe_svg(logo) == first and b"script" not in first and len(reads) == 1
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><circle r="2"/></svg>')
    os.utime(logo, ns=(1, 1))  # a new version, even within the clock's resolution
    assert b"circle" in svg.safe_svg(logo) and len(reads) == 2


def test_a_pdf_build_never_compiles_reportlabs_uri_pattern(tmp_path):
    """reportlab compiles a URI pattern at import that takes tens of milliseconds and that none of
    reportgen's styles match with: a whole PDF build leaves it uncompiled, and nothing else deferred."""
    inputs = [str(QA_SEED), str(NEWS_SEED)]
    state = _fresh(
        "import re\nimport reportgen\n"
        f"reportgen.build({inputs!r}, formats=['pdf'], out={str(tmp_path)!r}, jobs=1)\n"
        "from reportlab.platypus import paragraph\n"
        "deferred = [name for name, value in vars(paragraph).items() if type(value).__name__ == 'CompiledOnUse']\n"
        "result = [deferred, paragraph.uri_pat._compiled is None, re.compile.__module__]")
    assert state == [["uri_pat"], True, "re"]


def test_the_deferred_uri_pattern_matches_as_the_compiled_one():
    from reportlab.platypus import paragraph

    from reportgen.render.pdf.deferred import CompiledOnUse

    compiled = re.compile(paragraph.uri_pat.pattern, re.IGNORECASE)
    stand_in = CompiledOnUse(re.compile, paragraph.uri_pat.pattern, re.IGNORECASE)
    for text in ("https://example.org/path?q=1", "HTTP://Example.ORG", "ftp://10.0.0.1:21/x", "www.example",
                 "mailto:nobody", "https://bücher.example/straße", "not a uri", ""):
        found, expected = stand_in.match(text), compiled.match(text)
        assert (found and found.groups()) == (expected and expected.groups()), text
    assert stand_in.pattern == compiled.pattern and stand_in.flags == compiled.flags

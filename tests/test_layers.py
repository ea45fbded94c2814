"""The layers as DESIGN.md draws them: inputs never import outputs.

Everything that reads (``ingest/``, ``parse/``, ``api``, ``summarize`` and the contract both sides
share, ``wordpack.py``) must not reach ``render/`` or ``compose/``, not even
through a lazy import inside a function: reading a file must never need the
machinery that writes one. Checked on the source with ``ast`` (every import
statement, followed from module to module) and on a live interpreter.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "reportgen"
INPUT_SIDE = ("reportgen.ingest", "reportgen.parse", "reportgen.wordpack", "reportgen.api", "reportgen.summarize")
OUTPUT_SIDE = ("reportgen.render", "reportgen.compose")


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every reportgen module ``path`` imports, wherever the import statement stands."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module.startswith("reportgen")}


def _graph() -> dict[str, set[str]]:
    """Who imports whom. The package's own ``__init__`` is the public facade: it loads ``build``
    only when someone asks for it (``__getattr__``), so importing a submodule never follows it."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {imported for imported in _imports(path) if imported in modules and imported != "reportgen"}
            for name, path in modules.items()}


def _reached(graph: dict[str, set[str]], start: str) -> dict[str, str]:
    """Every module ``start`` reaches, each with the module that imports it on the way."""
    via: dict[str, str] = {start: start}
    stack = [start]
    while stack:
        current = stack.pop()
        for following in graph.get(current, ()):
            if following not in via:
                via[following] = current
                stack.append(following)
    return via


def test_no_input_module_imports_an_output_module():
    graph = _graph()
    starts = [name for name in graph if name.startswith(INPUT_SIDE)]
    assert len(starts) > 20
    for start in starts:
        via = _reached(graph, start)
        outputs = sorted(name for name in via if name.startswith(OUTPUT_SIDE))
        assert not outputs, f"{start} reaches {outputs[0]} through {via[outputs[0]]}"


def test_importing_the_input_side_loads_nothing_of_the_output_side():
    code = ("import sys, reportgen.ingest, reportgen.ingest.wordpack, reportgen.parse, reportgen.api; "
            "print(sorted(m for m in sys.modules if m.startswith(('reportgen.render', 'reportgen.compose'))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_checker_sees_an_output_import(tmp_path):
    """The rule can fail: a lazy import inside a function is an import too."""
    module = tmp_path / "reportgen" / "parse" / "leak.py"
    module.parent.mkdir(parents=True)
    module.write_text("def f():\n    from ..render import pdf\n", encoding="utf-8")
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert "reportgen.render" in _imports(module)
    finally:
        ROOT = saved

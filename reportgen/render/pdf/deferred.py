"""reportlab's paragraph module, imported with its URI pattern compiled when first matched, not at import.

``reportlab.platypus.paragraph`` compiles a URI matcher at import — case-insensitive over
U+00A1-U+FFFF — that takes Python's ``re`` 25-40 ms: a tenth of a cold one-article build, paid
again by every batch worker. reportlab matches it only when a style hyphenates or splits long
URIs (``uriWasteReduce``), which reportgen's styles never ask for. So while that module is
imported, ``re.compile`` hands back for that one pattern, known by its digest (another reportlab's
pattern is compiled as usual), a stand-in that compiles it on first use. Importing this module
does it; ``document.py`` imports it before the modules that use platypus.
"""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from importlib import import_module
from typing import Any, Callable

PARAGRAPH_MODULE = "reportlab.platypus.paragraph"
# SHA-256 of the source of reportlab 5.1's ``uri_pat`` (compiled with re.IGNORECASE).
URI_PATTERN_SHA256 = "e5bef3fc9b6136e3eed630940dbc3a33a3b509939e0932a3dae75cbeaed21b80"
_importing = threading.Lock()


class CompiledOnUse:
    """A regular expression compiled the first time any of its attributes is read (``match``, ``pattern``…)."""

    def __init__(self, compile_pattern: Callable[..., re.Pattern[str]], pattern: str, flags: int) -> None:
        self._compile, self._source, self._compiled = compile_pattern, (pattern, flags), None

    def __getattr__(self, name: str) -> Any:
        if self._compiled is None:
            self._compiled = self._compile(*self._source)
        return getattr(self._compiled, name)


def import_paragraph_module() -> None:
    """Import reportlab's paragraph module (and platypus with it), its URI pattern left to compile on use."""
    if PARAGRAPH_MODULE in sys.modules:
        return
    with _importing:
        if PARAGRAPH_MODULE in sys.modules:
            return
        compile_pattern = re.compile

        def compile_deferring_uri_pattern(pattern: Any, flags: int = 0) -> Any:
            if flags == re.IGNORECASE and isinstance(pattern, str) and _digest(pattern) == URI_PATTERN_SHA256:
                return CompiledOnUse(compile_pattern, pattern, flags)
            return compile_pattern(pattern, flags)

        re.compile = compile_deferring_uri_pattern
        try:
            import_module(PARAGRAPH_MODULE)
        finally:
            re.compile = compile_pattern


def _digest(pattern: str) -> str:
    return hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()


import_paragraph_module()

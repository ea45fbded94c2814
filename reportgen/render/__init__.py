"""Renderers: Document × Theme → bytes, found by format name.

A renderer is a small class with ``name`` (the ``--format`` value), a file
``suffix`` and ``render(document, theme) -> bytes``. Built-ins register
themselves when their module is imported, and ``_BUILTINS`` names each one's
module, suffix and description so that a build imports only the renderer of
the format it writes (and listing formats imports none). Third-party
renderers come from the ``reportgen.renderers`` entry-point group
(``myformat = "mypackage.module:MyRenderer"``), read only when a name is not
built in or every format is listed. Renderer modules import their heavy
libraries inside ``render`` so that looking a format up stays fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    from ..compose.blocks import Document
    from ..themes import Theme

ENTRY_POINT_GROUP = "reportgen.renderers"


class Renderer(Protocol):
    """Turns a composed document into a file's bytes. A renderer may also define
    ``prepare(theme, language, articles)``: load now what rendering a pack of ``articles`` in
    ``theme`` and ``language`` (None: each article's own) will need — modules, fonts,
    templates — which a build calls while the articles are still being parsed elsewhere."""

    name: str
    suffix: str

    def render(self, document: Document, theme: Theme) -> bytes: ...


class UnknownFormat(LookupError):
    """A format no renderer is registered for; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown format {name!r}; known formats: {', '.join(known)}")
        self.name = name
        self.known = known


class _Builtin(NamedTuple):
    module: str  # relative to this package; importing it registers the class
    suffix: str
    description: str


_BUILTINS: dict[str, _Builtin] = {
    "docx": _Builtin(".docx", ".docx", "Word pack (python-docx): named styles, TOC field, page X of Y"),
    "html": _Builtin(".html", ".html", "one self-contained, accessible HTML page (inline CSS and logo)"),
    "json": _Builtin(".json", ".json", "the pack's briefs as parsed (reportgen.pack/1 JSON)"),
    "md": _Builtin(".markdown", ".md", "CommonMark with GFM tables, for a CMS or a git repository"),
    "pdf": _Builtin(".pdf", ".pdf", "branded PDF pack (reportlab): contents, outline, page X of Y"),
}

_registry: dict[str, type[Renderer]] = {}


def register(renderer: type[Renderer]) -> type[Renderer]:
    """Class decorator: make ``renderer`` available as ``--format renderer.name``."""
    _registry[renderer.name] = renderer
    return renderer


def entry_points(group: str) -> Any:
    """The installed entry points of ``group``: importlib.metadata (and the email, csv and zipfile
    modules it pulls in) is imported only when a format is not built in or all are listed."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def _load_plugins() -> None:
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name not in _registry and entry.name not in _BUILTINS:
            register(entry.load())


def formats() -> list[str]:
    """Every format a build can write, built-in and plugged in."""
    _load_plugins()
    return sorted(set(_BUILTINS) | set(_registry))


def describe_formats() -> list[tuple[str, str, str]]:
    """(name, suffix, one-line description) of every format, without importing a built-in renderer."""
    rows = []
    for name in formats():
        if name in _BUILTINS:
            rows.append((name, _BUILTINS[name].suffix, _BUILTINS[name].description))
            continue
        renderer = _registry[name]
        rows.append((name, renderer.suffix, getattr(renderer, "description", "") or (renderer.__doc__ or "").strip()))
    return rows


def renderer_for(name: str) -> Renderer:
    """A renderer instance for format ``name``; ``UnknownFormat`` lists the alternatives."""
    if name not in _registry:
        if name in _BUILTINS:
            import_module(_BUILTINS[name].module, __name__)
        else:
            _load_plugins()
    if name not in _registry:
        raise UnknownFormat(name, formats())
    return _registry[name]()

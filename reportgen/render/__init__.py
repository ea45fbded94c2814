"""Renderers: Document × Theme → bytes, found by format name.

A renderer is a small class with ``name`` (the ``--format`` value), a file
``suffix`` and ``render(document, theme) -> bytes``. Built-ins register
themselves below; third-party renderers come from the ``reportgen.renderers``
entry-point group (``myformat = "mypackage.module:MyRenderer"``). Renderer
modules import their heavy libraries inside ``render`` so that looking a
format up stays fast.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from ..compose.blocks import Document
    from ..themes import Theme

ENTRY_POINT_GROUP = "reportgen.renderers"


class Renderer(Protocol):
    name: str
    suffix: str

    def render(self, document: Document, theme: Theme) -> bytes: ...


class UnknownFormat(LookupError):
    """A format no renderer is registered for; the message lists the known ones."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown format {name!r}; known formats: {', '.join(known)}")
        self.name = name
        self.known = known


_registry: dict[str, type[Renderer]] = {}


def register(renderer: type[Renderer]) -> type[Renderer]:
    """Class decorator: make ``renderer`` available as ``--format renderer.name``."""
    _registry[renderer.name] = renderer
    return renderer


def _load_plugins() -> None:
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name not in _registry:
            register(entry.load())


def formats() -> list[str]:
    """Every format a build can write, built-in and plugged in."""
    _load_plugins()
    return sorted(_registry)


def describe_formats() -> list[tuple[str, str, str]]:
    """(name, suffix, one-line description) of every format."""
    rows = []
    for name in formats():
        renderer = _registry[name]
        rows.append((name, renderer.suffix, getattr(renderer, "description", "") or (renderer.__doc__ or "").strip()))
    return rows


def renderer_for(name: str) -> Renderer:
    """A renderer instance for format ``name``; ``UnknownFormat`` lists the alternatives."""
    if name not in _registry:
        _load_plugins()
    if name not in _registry:
        raise UnknownFormat(name, formats())
    return _registry[name]()


from . import docx, html, json, markdown, pdf  # noqa: E402,F401  (built-ins register themselves on import)

"""Document × Theme → PDF bytes: fonts, styles, story, then reportlab's layout."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from functools import partial
from io import BytesIO
from typing import Iterator

from reportlab import rl_config

from ... import __version__
from ...compose.blocks import Cover, Document
from ...themes import Theme
from .flowables import KeepWithNext, Story
from .fonts import Typeset, register_family
from .page import Furniture, FurnitureCanvas, PackTemplate
from .styles import palette, paragraph_styles


def render_pdf(document: Document, theme: Theme) -> bytes:
    """The PDF of ``document`` in ``theme``; the same inputs give the same bytes."""
    body, heading = register_family(theme.body_font), register_family(theme.heading_font)
    typeset, heading_typeset = Typeset(body), Typeset(heading)
    colors = palette(theme)
    styles = paragraph_styles(theme, body, heading)
    meta = document.meta
    cover = next((block for block in document.blocks if isinstance(block, Cover)), None)
    buffer = BytesIO()
    furniture = Furniture(meta, body, colors, theme.sizes["small"])
    template = PackTemplate(
        buffer, theme, cover, typeset, furniture, colors, styles,
        title=meta.title, author=meta.author, subject=meta.subject, keywords=list(meta.keywords),
        creator=f"reportgen {__version__}", lang=meta.language, keepTogetherClass=KeepWithNext,
    )
    story = Story(styles, colors, typeset, heading_typeset, template.width, template.height).flowables(document.blocks)
    canvas_maker = partial(FurnitureCanvas, furniture=furniture)
    with _binary_streams():
        template.build(story, canvasmaker=canvas_maker)  # one pass: page numbers still to come are forms
    return buffer.getvalue()


_streams_lock = threading.Lock()
_streams_users = 0
_streams_saved = rl_config.useA85


@contextmanager
def _binary_streams() -> Iterator[None]:
    """reportlab's base-85 stream encoding off while any render runs (smaller files, one pass less).

    ``useA85`` is a process-wide setting, so renders in threads share one
    switch: off with the first, back as it was after the last.
    """
    global _streams_users, _streams_saved
    with _streams_lock:
        if _streams_users == 0:
            _streams_saved, rl_config.useA85 = rl_config.useA85, 0
        _streams_users += 1
    try:
        yield
    finally:
        with _streams_lock:
            _streams_users -= 1
            if _streams_users == 0:
                rl_config.useA85 = _streams_saved

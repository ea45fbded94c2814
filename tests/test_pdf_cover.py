"""The PDF cover's list of titles stays clear of the date line above it, however long a big pack's titles are."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO

import pytest
from pypdf import PdfReader

from reportgen import parse_file, seed_paths
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render.pdf import PdfRenderer
from reportgen.themes import load_theme

LONG_TITLES = [
    f"Harbour dues, cold-chain depots and the long argument over who pays for the river ports, part {n}"
    for n in range(1, 11)
]


def _cover_lines(pdf: bytes) -> list[tuple[float, str]]:
    """(baseline height, text) of each piece of text on the first page, top first."""
    found: list[tuple[float, str]] = []

    def seen(text, cm, tm, font, size):
        if text.strip():
            found.append((tm[5] * cm[3] + cm[5], text.strip()))

    PdfReader(BytesIO(pdf)).pages[0].extract_text(visitor_text=seen)
    return sorted(found, reverse=True)


@pytest.mark.parametrize("theme_name", ["default", "harbour", "ink"])
def test_long_titles_of_a_big_pack_never_rise_into_the_cover_date(theme_name):
    seeds = [parse_file(path) for path in seed_paths()]
    briefs = tuple(replace(seeds[n % 2], title=title) for n, title in enumerate(LONG_TITLES))
    theme = load_theme(theme_name)
    document = compose_pack(Pack(briefs, "Port policy", date="2026-02-03"), "en",
                            Brand(theme.brand, theme.texts_for("en")))
    lines = _cover_lines(PdfRenderer().render(document, theme))
    date_line = min(y for y, text in lines if "2026" in text)
    label = max(y for y, text in lines if text.upper().startswith("IN THIS PACK"))
    assert date_line - label > 12  # points: the list starts well below the date, never on it
    assert sum(text.startswith("Harbour dues") for _, text in lines) == 7  # seven titles, then "+3 more articles"
    if theme_name == "default":  # the band leaves the least room: each title on one line, cut with an ellipsis
        assert all(text.endswith("…") for _, text in lines if text.startswith("Harbour dues"))


def test_preparing_the_renderer_parses_the_logo_the_cover_then_draws(monkeypatch):
    """A pack's build prepares the renderer while its articles are parsed: the SVG logo is parsed
    then, so the render after the parse only draws it."""
    import svglib.svglib

    from reportgen.render.pdf import page

    theme = load_theme("default")
    page._forget_svg_drawing(theme.logo_svg)
    parsed = []
    parse = svglib.svglib.svg2rlg
    monkeypatch.setattr(svglib.svglib, "svg2rlg", lambda *args, **kwargs: parsed.append(1) or parse(*args, **kwargs))
    PdfRenderer().prepare(theme, "en", 2)
    assert len(parsed) == 1
    document = compose_pack(Pack((parse_file(seed_paths()[0]),), "Ports", date="2026-02-03"), "en",
                            Brand(theme.brand, theme.texts_for("en")))
    assert any(text == "Ports" for _, text in _cover_lines(PdfRenderer().render(document, theme)))
    assert len(parsed) == 1

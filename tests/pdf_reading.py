"""Reading a built PDF back as a reader sees it: where each piece of text is, in what font size,
how full each page is, and where the chapters start (its outline)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass(frozen=True)
class Run:
    """One piece of text as drawn: its page (from 1), its text, its baseline origin and font size."""

    page: int
    text: str
    x: float
    y: float
    size: float


def runs(path: Path) -> list[Run]:
    """Every piece of text of every page, in drawing order (form XObjects are read as drawn)."""
    found: list[Run] = []
    for number, page in enumerate(PdfReader(path).pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            if text.strip():
                # the text matrix scales the font; the current matrix places it on the page
                scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5
                x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
                y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                found.append(Run(number, text, x, y, size * scale * abs(cm[3] or 1)))
        page.extract_text(visitor_text=visit)
    return found


def chapter_pages(path: Path) -> list[int]:
    """The pages the top-level outline entries (the chapters, the contents) start on."""
    reader = PdfReader(path)
    return [reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)]


def outline_pages(reader: PdfReader) -> list[tuple[str, int]]:
    """Every outline entry, nested ones included, in reading order: its title and the page it opens."""
    found: list[tuple[str, int]] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline)
    return found


def page_fill(path: Path, frame_top: float, frame_bottom: float) -> dict[int, float]:
    """Per body page, the share of the frame's height its text reaches down to (1.0: full)."""
    lowest: dict[int, float] = {}
    for run in runs(path):
        if frame_bottom - 2 <= run.y <= frame_top + 2:
            lowest[run.page] = min(lowest.get(run.page, frame_top), run.y)
    return {page: (frame_top - y) / (frame_top - frame_bottom) for page, y in sorted(lowest.items())}


def underfull_pages(path: Path, frame_top: float, frame_bottom: float, share: float = 1 / 3) -> list[int]:
    """Body pages under ``share`` full that are not the last page of a chapter (nor the cover)."""
    starts = chapter_pages(path)
    total = len(PdfReader(path).pages)
    last_of_chapter = {start - 1 for start in starts} | {total}
    return [page for page, fill in page_fill(path, frame_top, frame_bottom).items()
            if page > 1 and fill < share and page not in last_of_chapter]

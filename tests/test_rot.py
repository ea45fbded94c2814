"""Small things that would rot unseen: process state touched at import, notes keyed by object identity,
a function rewriting the list it was given, modules importing each other back."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from conftest import ROOT


def _run(code: str, *args: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True,
                          check=True, cwd=ROOT).stdout.strip()


# -- export: the umask is the kernel's to apply -------------------------------------


def test_importing_and_writing_outputs_never_calls_os_umask(tmp_path):
    """``os.umask`` sets the mask to read it: done at import, it races every thread creating files."""
    calls = _run("""
        import os, sys
        from pathlib import Path
        calls, umask = [], os.umask
        os.umask = lambda mask: calls.append(mask) or umask(mask)
        from reportgen.export import probe_writable, write_atomic
        write_atomic(Path(sys.argv[1]) / "out.txt", b"x")
        probe_writable(Path(sys.argv[1]))
        print(calls)
    """, str(tmp_path))
    assert calls == "[]"


@pytest.mark.skipif(os.name == "nt", reason="POSIX file modes")
@pytest.mark.parametrize("mask", ["0o022", "0o077", "0o002"])
def test_an_output_gets_the_mode_a_plain_open_gives_under_the_umask_of_the_moment(tmp_path, mask):
    modes = _run(f"""
        import os, sys
        from pathlib import Path
        from reportgen.export import write_atomic
        os.umask({mask})  # set after the import: the mask in force when the file is written counts
        folder = Path(sys.argv[1])
        write_atomic(folder / "out.txt", b"x")
        open(folder / "plain.txt", "wb").close()
        print(oct((folder / "out.txt").stat().st_mode & 0o777), oct((folder / "plain.txt").stat().st_mode & 0o777))
    """, str(tmp_path))
    written, plain = modes.split()
    assert written == plain == oct(0o666 & ~int(mask, 8))


# -- compose: a figure's note follows its place in the pack, not its identity ---------


def _chapter_notes(pack) -> list[list[str]]:
    """Per article, the marks of its notes, and of the marks its table and cards carry."""
    from reportgen.compose import blocks as b
    from reportgen.compose.pack import Brand, compose_pack
    from reportgen.themes import ThemeTexts

    document = compose_pack(pack, "en", Brand("reportgen", ThemeTexts()))
    chapters = [block for block in document.blocks if isinstance(block, b.Section) and block.anchor.startswith("article-")]

    def marks(blocks) -> list[str]:
        found: list[str] = []
        for block in blocks:
            if isinstance(block, b.Section):
                found += marks(block.children)
            elif isinstance(block, b.Notes):
                found += [f"note {note.mark}" for note in block.items]
            elif isinstance(block, b.Table):
                found += [f"row {ref.note.mark}" for ref in block.notes if ref]
            elif isinstance(block, b.KeyFigures):
                found += [f"card {item.note.note.mark}" for item in block.items if item.note]
        return found

    return [marks(chapter.children) for chapter in chapters]


def test_an_article_given_twice_has_its_own_notes_in_each_chapter_whether_the_same_object_or_a_copy(qa_brief):
    from reportgen.model import Brief, Pack

    twice = _chapter_notes(Pack((qa_brief, qa_brief), "Twice", date="2025-12-08"))
    copied = _chapter_notes(Pack((qa_brief, Brief.from_dict(qa_brief.to_dict())), "Twice", date="2025-12-08"))
    assert twice == copied
    first, second = twice
    count = sum(mark.startswith("note ") for mark in first)
    assert count >= 3
    assert {mark.split()[1] for mark in first} == {str(n) for n in range(1, count + 1)}
    assert {mark.split()[1] for mark in second} == {str(n) for n in range(count + 1, 2 * count + 1)}

# -- parse: the header reads the blocks it is given and rewrites a copy ---------------


EXPORTS = "Exports of soybeans rose 12% in March, the ministry said on Monday."


@pytest.mark.parametrize("first_lines", [
    ["Ports Brace for a Record Harvest Season", f"BEIJING — {EXPORTS}"],  # a dateline
    [f" date 2025-03-28 {EXPORTS}"],  # an archive's storage date
])
def test_read_header_leaves_the_list_it_is_given_as_it_was(first_lines):
    from reportgen.ingest import Block, PageMeta
    from reportgen.parse.header import read_header

    lines = [*first_lines, "Shipments to Asia are booked through June, traders said."]
    blocks = [Block(line) for line in lines]
    header = read_header(blocks, PageMeta(), "en")
    assert blocks == [Block(line) for line in lines]
    article = [block.text for index, block in enumerate(header.blocks) if index not in header.consumed]
    assert article == [EXPORTS, lines[-1]]


# -- themes, brand, style: one direction ----------------------------------------------


def test_themes_brand_and_style_import_one_way():
    """``brand`` builds on ``themes`` and ``style`` chooses between them: none reaches back up, not even
    through a lazy import (the import checker of test_layers.py)."""
    from test_layers import _graph, _reached

    graph = _graph()
    order = ["reportgen.themes", "reportgen.brand", "reportgen.style"]
    for place, module in enumerate(order):
        via = _reached(graph, module)
        above = [name for name in order[place + 1:] if name in via]
        assert not above, f"{module} reaches {above[0]} through {via[above[0]]}"
    assert "reportgen.themes" in _reached(graph, "reportgen.brand")

"""The fragments made without reportlab's parser are the parser's own, for each markup shape a pack repeats."""

from __future__ import annotations

import pytest
from reportlab.platypus.paragraph import cleanBlockQuotedText
from reportlab.platypus.paraparser import ParaParser

from reportgen.render.pdf.document import _families_and_styles
from reportgen.render.pdf.text import known_frags
from reportgen.themes import load_theme

PLAIN = ["", "+470%", "Exportaciones de café: ", "  spaced   out\ttext\n", "Ñandú, São Paulo — “quoted”"]
MARKS = ["1", "12", "٣"]


@pytest.fixture(scope="module")
def styles():
    return _families_and_styles(load_theme("default"))[2]


def _parsed(markup: str, style) -> list[dict]:
    return [_fields(frag) for frag in ParaParser().parse(cleanBlockQuotedText(markup), style)[1]]


def _fields(frag) -> dict:
    return {name: (value.__dict__ if name == "cbDefn" else value) for name, value in frag.__dict__.items()}


def _made(markup: str, style) -> list[dict]:
    frags = known_frags(markup, style)
    assert frags is not None, f"left to the parser: {markup!r}"
    return [_fields(frag) for frag in frags]


@pytest.mark.parametrize("style_name", ["body", "note_text", "table_cell", "note_number"])
def test_text_ending_in_a_note_mark_gives_the_parsers_fragments(styles, style_name):
    style = styles.get(style_name, styles["body"])
    for plain in PLAIN:
        for mark in MARKS:
            for size in ("", ' size="7.0"', ' size="12.5"'):
                for anchor in ("", f'<a name="note-{mark}-ref"/>'):  # the note's first mark: where it links back
                    markup = f'{plain}{anchor}<super{size}><a href="#note-{mark}" color="#1f3a5f">{mark}</a></super>'
                    if cleanBlockQuotedText(markup):
                        assert _made(markup, style) == _parsed(markup, style), markup


def test_a_notes_number_gives_the_parsers_fragments(styles):
    for number in ("1", "27", "٣"):
        markup = f'<a name="note-{number}"/><a href="#note-{number}-ref" color="#0b3c5d"><b>{number}</b></a>'
        assert _made(markup, styles["note_number"]) == _parsed(markup, styles["note_number"])


def test_plain_text_gives_the_parsers_fragment(styles):
    for plain in [*PLAIN[1:], "a > b"]:
        assert _made(plain, styles["body"]) == _parsed(plain, styles["body"])


def test_fragments_are_never_shared_between_paragraphs(styles):
    markup = '<a name="note-1"/><a href="#note-1-ref" color="#0b3c5d"><b>1</b></a>'
    first, second = known_frags(markup, styles["note_number"]), known_frags(markup, styles["note_number"])
    assert first[0].cbDefn is not second[0].cbDefn and first[1].link is not second[1].link


def test_other_markup_is_left_to_the_parser(styles):
    for markup in ("a &amp; b", 'x<font face="DejaVuSans">ź</font>', "line<br/>break", "<b>bold</b> text",
                   'x<super><a href="#n" color="#1f3a5f">1</a></super> and more'):
        assert known_frags(markup, styles["body"]) is None


# -- lines shared by documents of the same briefs ---------------------------------------------------

def _seed_brief():
    from reportgen import parse_bytes, seed_paths

    return parse_bytes(seed_paths()[0].read_bytes(), str(seed_paths()[0]))


def test_a_brief_in_another_language_takes_its_twins_lines_and_gives_the_same_bytes():
    """The Spanish PDF laid out right after the English one of the same brief takes the lines of the
    paragraphs both set (the article's own text), and is the very PDF a fresh layout gives."""
    from reportgen.model import Pack
    from reportgen.pipeline.run import _render
    from reportgen.render.pdf import text

    theme, brief = load_theme("default"), _seed_brief()
    pack = Pack((brief,), brief.title, None, "2025-12-08", theme.name)
    text._shared.last = None
    alone = _render(pack, "pdf", "es", theme)  # no twin: every paragraph broken here
    text._shared.last = None
    _render(pack, "pdf", "en", theme)
    english = text._shared.last.lines
    assert _render(pack, "pdf", "es", theme) == alone
    spanish = text._shared.last
    assert spanish.earlier == english  # the same briefs: the Spanish layout read the English one's lines
    taken = [key for key in english if key not in spanish.lines]  # found there, so not broken again
    assert len(taken) >= 20 and any(len(key[0]) > 200 for key in taken)  # the commentary's long paragraphs


def test_a_paragraph_repeated_within_one_document_breaks_its_lines_each_time(monkeypatch):
    """Only layouts before this one are read: a pack repeating an article does not share its lines."""
    from reportlab.platypus import Paragraph

    from reportgen.model import Pack
    from reportgen.pipeline.run import _render
    from reportgen.render.pdf import text

    broken: dict[str, int] = {}
    reportlab_wrap = Paragraph.wrap

    def counted(paragraph, width, height):
        broken[paragraph.text] = broken.get(paragraph.text, 0) + 1
        return reportlab_wrap(paragraph, width, height)

    monkeypatch.setattr(Paragraph, "wrap", counted)
    theme, brief = load_theme("default"), _seed_brief()
    text._shared.last = None
    _render(Pack((brief, brief), "Twice", None, "2025-12-08", theme.name), "pdf", "en", theme)
    long_paragraphs = [count for markup, count in broken.items() if markup and len(markup) > 300]
    assert len(long_paragraphs) >= 5 and sorted(long_paragraphs)[len(long_paragraphs) // 2] >= 2  # most: once per copy


def test_documents_of_other_briefs_start_a_memory_of_their_own():
    from reportgen.render.pdf.text import _shared, lines_shared_by

    first, other = _seed_brief(), _seed_brief()
    with lines_shared_by((first,)):
        _shared.memory.lines["key"] = ("style", 1, 2, [3], "lines")
    with lines_shared_by((first,)):
        assert "key" in _shared.memory.earlier
    with lines_shared_by((other,)):  # equal, but not the same objects: another pack's
        assert _shared.memory.earlier == {}
    assert _shared.memory is None  # outside a layout, paragraphs break their own lines

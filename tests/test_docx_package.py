"""The Word zip written by our own package writer: what python-docx would write, fixed timestamps, entries
that check, and a deflate cache that saves work on the parts documents share without ever serving a stale one."""

from __future__ import annotations

import os
from pathlib import Path
import zipfile
import zlib
from io import BytesIO

import docx
import pytest

from conftest import NEWS_SEED, QA_SEED
from reportgen import parse_file
from reportgen.compose import Brand, compose_pack
from reportgen.model import Pack
from reportgen.render.docx import package
from reportgen.render.docx.document import render_docx
from reportgen.themes import load_theme

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHARED_PARTS = ("word/styles.xml", "word/stylesWithEffects.xml", "word/theme/theme1.xml", "word/numbering.xml",
                "word/fontTable.xml")


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


def _document(theme, path, title: str):
    pack = Pack((parse_file(path),), title, date="2025-12-08")
    return compose_pack(pack, "en", Brand(theme.brand, theme.texts_for("en")))


def _entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(data)) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


@pytest.fixture
def deflated_sizes(monkeypatch) -> list[int]:
    """The size of every blob deflated from here on (the cache's misses)."""
    sizes: list[int] = []
    real = zlib.compressobj

    class Counting:
        def __init__(self, *args) -> None:
            self.compressor = real(*args)

        def compress(self, data: bytes) -> bytes:
            sizes.append(len(data))
            return self.compressor.compress(data)

        def flush(self) -> bytes:
            return self.compressor.flush()

    monkeypatch.setattr(zlib, "compressobj", Counting)
    return sizes


def test_the_package_is_what_python_docx_writes_but_dated_1980(theme):
    """Same entries, order, contents, compressed bytes and zip fields as ``Document.save``; only the
    timestamps differ, fixed instead of the clock's."""
    word = docx.Document()
    word.add_paragraph("A paragraph of our own")
    word.add_heading("A heading", level=1)
    word.core_properties.title = "Package test"
    saved = BytesIO()
    word.save(saved)
    ours = package.package_bytes(word.part.package)
    with zipfile.ZipFile(saved) as theirs, zipfile.ZipFile(BytesIO(ours)) as mine:
        assert [entry.filename for entry in mine.infolist()] == [entry.filename for entry in theirs.infolist()]
        fields = ("compress_type", "CRC", "compress_size", "file_size", "create_version", "extract_version",
                  "flag_bits", "external_attr", "internal_attr", "extra", "comment", "header_offset")
        for their_entry, my_entry in zip(theirs.infolist(), mine.infolist()):
            assert [getattr(my_entry, name) for name in fields] == [getattr(their_entry, name) for name in fields]
            assert mine.read(my_entry) == theirs.read(their_entry)
            assert my_entry.date_time == (1980, 1, 1, 0, 0, 0)
            assert my_entry.create_system == 3  # "made on Unix" on every platform: zipfile writes its own
    assert len(ours) == len(saved.getvalue())


def test_every_entry_of_a_rendered_document_checks_and_is_dated_1980(theme):
    data = render_docx(_document(theme, QA_SEED, "Checked pack"), theme)
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert archive.testzip() is None  # every entry's CRC matches its data
        entries = archive.infolist()
    assert {entry.date_time for entry in entries} == {(1980, 1, 1, 0, 0, 0)}
    assert {entry.compress_type for entry in entries} == {zipfile.ZIP_DEFLATED}
    assert "word/document.xml" in {entry.filename for entry in entries}


def test_a_different_article_changes_the_body_and_keeps_the_shared_parts_right(theme):
    first = render_docx(_document(theme, QA_SEED, "First pack"), theme)
    second = render_docx(_document(theme, NEWS_SEED, "Second pack"), theme)
    first_entries, second_entries = _entries(first), _entries(second)
    assert first_entries["word/document.xml"] != second_entries["word/document.xml"]
    for name in SHARED_PARTS:
        assert second_entries[name] == first_entries[name]
    reopened = docx.Document(BytesIO(second))
    assert "Expert Name" in {style.name for style in reopened.styles}
    text = "\n".join(paragraph.text for paragraph in reopened.paragraphs)
    assert parse_file(NEWS_SEED).title in text
    assert parse_file(QA_SEED).title not in text
    assert reopened.core_properties.title == "Second pack"


def test_parts_every_document_shares_are_deflated_at_most_twice_per_process(theme, deflated_sizes):
    document = _document(theme, QA_SEED, "Cached pack")
    render_docx(document, theme)
    render_docx(document, theme)
    deflated_sizes.clear()
    other = render_docx(_document(theme, NEWS_SEED, "Another pack"), theme)
    shared = {len(blob) for name, blob in _entries(other).items() if name in SHARED_PARTS}
    big = {size for size in shared if size >= package._CACHED_FROM}
    assert len(big) >= 2, "the styles parts are big enough to keep"
    assert deflated_sizes, "the new body is deflated"
    assert not big & set(deflated_sizes)
    deflated_sizes.clear()
    render_docx(document, theme)
    assert deflated_sizes and all(size < package._CACHED_FROM for size in deflated_sizes)  # only small parts again


@pytest.mark.parametrize("order", [(None, "pages", None), ("pages", None, "pages")])
def test_a_part_a_render_changes_is_never_served_from_an_earlier_render(theme, order):
    """The settings part tells Word to update the contents on opening only when no page numbers were given;
    rendering the same document both ways in turn must give each its own settings, not the cached one."""
    document = _document(theme, QA_SEED, "Settings pack")
    pages = {section.anchor: 3 for section in document.sections()}
    for given in order:
        data = render_docx(document, theme, pages if given else None)
        settings = docx.Document(BytesIO(data)).settings.element
        assert (settings.find(f"{W}updateFields") is not None) == (given is None)


def test_a_part_changed_to_contents_of_the_same_size_is_not_mistaken_for_the_cached_one(theme):
    for title in ("Pack A", "Pack B", "Pack A"):
        reopened = docx.Document(BytesIO(render_docx(_document(theme, QA_SEED, title), theme)))
        assert reopened.core_properties.title == title
        assert title in [paragraph.text for paragraph in reopened.paragraphs]


def test_a_blob_is_kept_from_the_second_time_it_is_deflated(deflated_sizes):
    """A document's own body, met once, must not stay in memory; a part met again is worth keeping."""
    cache = package._DeflateCache(budget=100_000, smallest=0)
    body = os.urandom(1_000)
    for _ in range(4):
        assert zlib.decompress(cache.deflated(body).data, -zlib.MAX_WBITS) == body
    assert deflated_sizes == [1_000, 1_000]


def test_the_cache_drops_the_least_recently_used_blobs_beyond_its_budget(deflated_sizes):
    cache = package._DeflateCache(budget=5_000, smallest=0)
    first, second, third = (os.urandom(1_000) for _ in range(3))  # ~2,000 bytes each held, deflated
    for blob in (first, second, first, third):  # each met twice, so kept; third pushes out second, least recent
        assert zlib.decompress(cache.deflated(blob).data, -zlib.MAX_WBITS) == blob
        assert cache.deflated(blob).crc == zlib.crc32(blob)
    deflated_sizes.clear()
    cache.deflated(first)
    cache.deflated(third)
    assert deflated_sizes == []
    huge = os.urandom(6_000)
    cache.deflated(huge)
    cache.deflated(huge)  # bigger than the whole budget: deflated, not kept, nothing dropped
    cache.deflated(first)
    cache.deflated(third)
    cache.deflated(second)
    assert deflated_sizes == [6_000, 6_000, 1_000]


def test_a_long_split_batch_keeps_only_the_templates_parts(theme):
    """One-article files in two languages share their small per-article parts; keeping those filled the
    cache in a long batch. What a worker holds after 3 articles is what it holds after 10."""
    from reportgen import parse_file
    from reportgen.model import Pack
    from reportgen.pipeline.run import _render

    articles = sorted((Path(__file__).parent / "articles").glob("*.txt"))[:10]
    assert len(articles) == 10
    held = []
    for number, path in enumerate(articles, 1):
        brief = parse_file(path)
        for language in ("en", "es"):
            _render(Pack((brief,), brief.title, None, "2025-12-08", theme.name), "docx", language, theme)
        if number in (3, 10):
            held.append(sorted(len(blob) for blob in package.DEFLATE_CACHE._entries))
    assert held[0] == held[1] and all(size >= package._CACHED_FROM for size in held[1])

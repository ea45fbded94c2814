"""A pack's chapters laid out while its other articles are parsed: the same PDF as a build without workers.

With workers, the building process lays each chapter out as its article comes
back and the pack's render takes that layout up (``pipeline/early.py``); with
``jobs=1`` nothing is laid out early. Every case here compares the two byte for
byte and checks which way the render went.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from pathlib import Path

import pytest

from conftest import NEWS_SEED, QA_SEED, ROOT
from reportgen import build
from reportgen.render.pdf import document as pdf_document

ARTICLES = ROOT / "tests" / "articles"
MIXED = [QA_SEED, ARTICLES / "es_qa_entrevista_chile_litio.txt", NEWS_SEED, ARTICLES / "es_news_ecuador_extorsion.txt",
         ARTICLES / "en_qa_roundtable_guyana_gas.txt"]

pytestmark = pytest.mark.skipif(multiprocessing.get_start_method() != "fork" or (os.cpu_count() or 1) < 2,
                                reason="chapters are laid out early only beside forked workers on two cores or more")


@pytest.fixture
def taken_up(monkeypatch) -> list[int]:
    """How many chapter blocks each render in this process found laid out already (0: laid out afresh)."""
    counts: list[int] = []
    original = pdf_document._taken_up

    def recorded(document, theme):
        early = original(document, theme)
        counts.append(len(early.layout.chapters) if early is not None else 0)
        return early

    monkeypatch.setattr(pdf_document, "_taken_up", recorded)
    return counts


def _digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.glob("*.pdf")}


def _both_ways(inputs: list[Path], tmp_path: Path, failing: int = 0, **options) -> tuple[dict[str, str], dict[str, str]]:
    """The PDFs built with two workers (chapters laid out early) and with none, ``failing`` inputs in each."""
    early = build(inputs, formats=["pdf"], out=tmp_path / "early", jobs=2, date="2025-12-08", **options)
    plain = build(inputs, formats=["pdf"], out=tmp_path / "plain", jobs=1, date="2025-12-08", **options)
    assert early.built and len(early.built) == len(plain.built)
    assert len(early.errors) == len(plain.errors) == failing
    return _digests(tmp_path / "early"), _digests(tmp_path / "plain")


def test_a_pack_laid_out_as_its_articles_arrive_is_the_pdf_built_without_workers(tmp_path, taken_up):
    early, plain = _both_ways(MIXED, tmp_path, langs=["es"])
    assert early == plain
    assert taken_up[0] == 2 * len(MIXED)  # each chapter and the page break after it, laid out before the render


def test_a_pack_per_language_lays_each_out_early(tmp_path, taken_up):
    early, plain = _both_ways(MIXED, tmp_path, langs=["auto"])
    assert sorted(early) == ["briefing-pack.en.pdf", "briefing-pack.es.pdf"] and early == plain
    assert sorted(count for count in taken_up if count) == [4, 6]  # the Spanish pack's two chapters, the English three


def test_an_input_that_cannot_be_read_leaves_the_chapters_after_it_laid_out_early(tmp_path, taken_up):
    broken = tmp_path / "broken.html"
    broken.write_bytes(b"<html><body><nav>Home</nav></body></html>")
    early, plain = _both_ways([QA_SEED, broken, NEWS_SEED], tmp_path, failing=1)
    assert early == plain
    assert taken_up[0] == 4


def test_a_word_pack_given_back_gives_its_title_so_the_pack_is_laid_out_afresh(tmp_path, taken_up, monkeypatch):
    added: list[object] = []
    add = pdf_document.EarlyLayout.add
    monkeypatch.setattr(pdf_document.EarlyLayout, "add", lambda self, chapter: added.append(chapter) or add(self, chapter))
    given = build([QA_SEED, NEWS_SEED], formats=["docx"], out=tmp_path / "given", title="Edited in Word",
                  date="2025-12-08").outputs[0].path
    edited = tmp_path / "edited.docx"
    shutil.copy(given, edited)
    early, plain = _both_ways([edited, QA_SEED], tmp_path)
    assert list(early) == ["edited-in-word.en.pdf"] and early == plain
    assert not added and not any(taken_up)  # chapters laid out early would lack the Word pack's title: none was


def test_a_process_laying_chapters_out_leaves_the_parse_one_core_fewer(monkeypatch):
    """Three processes sharing two cores cost more than they saved (measured): one worker parses while
    this process lays out."""
    from reportgen import jobs

    started: list[int] = []
    pool = jobs._pool
    monkeypatch.setattr(jobs, "_pool", lambda workers: started.append(workers) or pool(workers))
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    items = list(range(12))
    for busy in (False, True):
        with jobs.Runner(jobs=2, executor=None, progress=None) as runner:
            seen: list[int] = []
            outcomes = runner.overlapped("parsing", abs, items, lambda item, error: None,
                                         lambda arrivals: seen.extend(outcome for _, outcome in arrivals), busy)
        assert outcomes == items and seen == items
    assert started == [2, 1]

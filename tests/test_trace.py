"""Spans: every piece of a brief points at exactly what the article wrote."""

from __future__ import annotations

import hashlib
from itertools import pairwise

import pytest
from conftest import ROOT, SEEDS

import reportgen
from reportgen.ingest import format_of, read_source
from reportgen.parse import parse_source, trace

ARTICLES = sorted(SEEDS.iterdir()) + sorted(
    path for path in (ROOT / "tests" / "articles").iterdir() if path.suffix in (".txt", ".md", ".html"))


@pytest.fixture(scope="module", params=ARTICLES, ids=lambda path: path.stem)
def brief(request):
    return reportgen.parse_file(request.param)


def _words(text):
    return text.rstrip(".,;:!?…").lower().split()


def _at(brief, span):
    start, end = span
    return brief.source.text[start:end]


def test_every_statistic_points_at_its_figure_source_and_sentence(brief):
    assert brief.statistics
    for statistic in brief.statistics:
        assert _at(brief, statistic.text_span) == statistic.text
        assert _at(brief, statistic.sentence_span) == statistic.sentence
        sentence_start, sentence_end = statistic.sentence_span
        assert sentence_start <= statistic.text_span[0] and statistic.text_span[1] <= sentence_end
        if statistic.source:
            assert _at(brief, statistic.source_span) == statistic.source
        else:
            assert statistic.source_span is None


def test_experts_point_at_their_name_and_every_commentary_paragraph(brief):
    for expert in brief.experts:
        assert _at(brief, expert.name_span).lower() == expert.name.lower()
        assert len(expert.commentary_spans) == len(expert.commentary)
        for paragraph, pieces in zip(expert.commentary, expert.commentary_spans):
            assert pieces, f"no source found for {paragraph[:60]!r}"
            source = " ".join(_at(brief, piece) for piece in pieces)
            # The pieces hold the paragraph's words in order; only case and a closing stop may differ.
            assert _words(source) == _words(paragraph)
            assert all(a[1] <= b[0] for a, b in pairwise(pieces))


def test_dropped_lines_carry_their_rule_and_span(brief):
    for line in brief.dropped:
        assert line.rule in RULES
        assert _at(brief, line.span) == line.text


def test_the_question_points_at_the_sentences_it_was_read_from(brief):
    if brief.question:
        assert " ".join(_at(brief, piece) for piece in brief.question_spans).split() == brief.question.split()


def test_the_source_text_is_the_blocks_and_its_digest_checks_it(brief):
    text = brief.source.text
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == brief.source.text_sha256
    assert text.startswith(brief.title) or brief.title in text or brief.source.format == "html"


RULES = {
    "furniture-line", "furniture-start", "furniture-phrase", "furniture-end", "photo-credit", "doubled-caption",
    "byline", "lone-word", "repeated-line", "related-list", "photo-caption", "publication-line", "breadcrumb",
    "date-line", "section-label", "author-note", "dateline", "related-link", "link-list", "author-box", "site-blurb",
    "page-title", "placeholder", "image-markup", "player-label", "ad-marker", "market-box", "contact-line",
}


def test_a_repeated_dropped_line_maps_to_each_of_its_occurrences():
    text = "Headline of the story here\n\nShare\n\nFirst paragraph of the story, long enough to be prose.\n\nShare"
    source = read_source(text.encode(), "story.txt", "txt")
    brief = parse_source(source)
    shares = [line.span for line in brief.dropped if line.text == "Share"]
    assert len(shares) == 2 and shares[0] != shares[1]
    assert all(brief.source.text[start:end] == "Share" for start, end in shares)


def test_a_huge_source_keeps_only_its_digest_and_offsets_still_hold(monkeypatch):
    monkeypatch.setattr(trace, "MAX_KEPT_TEXT", 100)
    monkeypatch.setattr("reportgen.parse.MAX_KEPT_TEXT", 100)
    data = (SEEDS / "002_59e2135276225d3c.txt").read_bytes()
    source = read_source(data, "news.txt", format_of("news.txt", data))
    brief = parse_source(source)
    assert brief.source.text is None
    rederived = trace.normalized_text(source.blocks)
    assert hashlib.sha256(rederived.encode("utf-8")).hexdigest() == brief.source.text_sha256
    statistic = brief.statistics[0]
    assert rederived[slice(*statistic.text_span)] == statistic.text


def test_a_dropped_line_maps_to_its_own_line_not_to_the_same_words_inside_a_paragraph():
    text = ("Headline of the story here\n\nWe use cookies on this site; choose Accept all or manage them.\n\n"
            "First paragraph of the story, long enough to be prose and to be kept as such.\n\nAccept all")
    brief = parse_source(read_source(text.encode(), "story.txt", "txt"))
    line = next(line for line in brief.dropped if line.text == "Accept all")
    assert line.span == (len(text) - len("Accept all"), len(text))

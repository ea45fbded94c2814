"""The brief model round-trips exactly and the JSON matches the shipped schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportgen.model import (
    CHANGES, KINDS, LANGUAGES, QUALIFIERS, SOURCE_FORMATS, UNITS, Brief, DroppedLine, Expert, ModelError, Pack,
    Period, SourceInfo, Statistic,
)


def _schema(version: int) -> dict:
    path = resources.files("reportgen").joinpath(f"schema/brief-{version}.schema.json")
    return json.loads(path.read_text(encoding="utf-8"))


SCHEMA = _schema(3)

# What a brief can hold: from_dict drops control characters but tab and newline (model.clean_text).
text = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
               | st.sampled_from("\t\n"), max_size=40)
maybe_text = st.none() | text
decimal_strings = st.decimals(allow_nan=False, allow_infinity=False, places=3).map(lambda d: format(d, "f"))
years = st.integers(1900, 2099).map(str)
periods = st.none() | st.tuples(years, years).map(lambda pair: Period(*sorted(pair))) | st.dates().map(
    lambda d: Period(d.isoformat(), d.isoformat()))
spans = st.tuples(st.integers(0, 10_000), st.integers(0, 500)).map(lambda pair: (pair[0], pair[0] + pair[1]))
maybe_span = st.none() | spans

statistics = st.builds(
    Statistic,
    text=text, value=decimal_strings, unit=st.sampled_from(UNITS),
    currency=st.none() | st.sampled_from(["USD", "EUR", "GBP"]), per=maybe_text,
    qualifier=st.none() | st.sampled_from(QUALIFIERS), change=st.none() | st.sampled_from(CHANGES),
    measure=maybe_text, subject=maybe_text, period=periods, source=maybe_text, cited_by=maybe_text,
    sentence=text, text_span=maybe_span, source_span=maybe_span, sentence_span=maybe_span,
)
experts = st.builds(
    Expert, name=text.filter(bool), role=maybe_text, organization=maybe_text,
    commentary=st.lists(text, max_size=3).map(tuple), summary=maybe_text, name_span=maybe_span,
    commentary_spans=st.lists(st.lists(spans, max_size=2).map(tuple), max_size=3).map(tuple),
)
briefs = st.builds(
    Brief,
    id=st.from_regex(r"[a-z0-9]{1,10}(-[a-z0-9]{1,10}){0,3}", fullmatch=True),
    source=st.builds(SourceInfo, path=text, format=st.sampled_from(SOURCE_FORMATS), encoding=text,
                     sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True), text=maybe_text,
                     text_sha256=st.none() | st.from_regex(r"[0-9a-f]{64}", fullmatch=True)),
    language=st.sampled_from(LANGUAGES), kind=st.sampled_from(KINDS), title=text.filter(bool),
    publication=maybe_text, published=st.none() | st.dates().map(lambda d: d.isoformat()),
    question=maybe_text, question_spans=st.lists(spans, max_size=2).map(tuple),
    experts=st.lists(experts, max_size=3).map(tuple), statistics=st.lists(statistics, max_size=3).map(tuple),
    body=st.lists(text, max_size=3).map(tuple), takeaways=st.lists(text, max_size=3).map(tuple),
    dropped=st.lists(st.builds(DroppedLine, text=text, rule=maybe_text, span=maybe_span), max_size=3).map(tuple),
    warnings=st.lists(text, max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None)
@given(briefs)
def test_brief_round_trips_through_json(brief):
    data = json.loads(json.dumps(brief.to_dict()))
    assert Brief.from_dict(data) == brief


@settings(max_examples=60, deadline=None)
@given(briefs)
def test_brief_json_validates_against_schema(brief):
    jsonschema.validate(brief.to_dict(), SCHEMA)


def test_seed_briefs_validate_against_schema(qa_brief, news_brief):
    for brief in (qa_brief, news_brief):
        jsonschema.validate(brief.to_dict(), SCHEMA)


def test_keys_are_the_published_contract(news_brief):
    assert list(news_brief.to_dict()) == [
        "schema", "id", "source", "language", "kind", "title", "publication", "published", "question",
        "question_spans", "experts", "statistics", "body", "takeaways", "dropped", "warnings", "structure",
    ]
    assert list(news_brief.to_dict()["statistics"][0]) == [
        "text", "value", "unit", "currency", "per", "qualifier", "change", "measure", "subject", "period",
        "source", "cited_by", "sentence", "text_span", "source_span", "sentence_span",
    ]
    assert list(news_brief.to_dict()["dropped"][0]) == ["text", "rule", "span"]


def test_version_1_briefs_still_load(qa_brief, news_brief):
    for brief in (qa_brief, news_brief):
        old = brief.to_version_1_dict()
        jsonschema.validate(old, _schema(1))
        loaded = Brief.from_dict(old)
        assert loaded.schema == "reportgen.brief/3"
        assert [line.text for line in loaded.dropped] == [line.text for line in brief.dropped]
        assert all(line.rule is None and line.span is None for line in loaded.dropped)
        assert [s.sentence for s in loaded.statistics] == [s.sentence for s in brief.statistics]
        assert loaded.statistics[0].text_span is None and loaded.source.text is None


def test_version_2_briefs_still_load_their_period_as_years(news_brief):
    data = news_brief.to_dict()
    data["schema"] = "reportgen.brief/2"
    texts = ["2022 to 2023", "2023", "last year", None]
    for statistic, text in zip(data["statistics"], texts):
        statistic["period"] = text
    jsonschema.validate(data, _schema(2))
    loaded = Brief.from_dict(data)
    assert [s.period for s in loaded.statistics[:4]] == [Period("2022", "2023"), Period("2023", "2023"), None, None][
        :len(loaded.statistics)]


def test_period_is_years_as_numbers_or_iso_dates():
    assert Period("2022", "2023").to_dict() == {"start": 2022, "end": 2023}
    assert Period("2024-01-01", "2024-07-28").to_dict() == {"start": "2024-01-01", "end": "2024-07-28"}
    with pytest.raises(ModelError, match="period.start"):
        Statistic.from_dict({"text": "5%", "value": "5", "unit": "percent", "sentence": "",
                             "period": {"start": "last year", "end": 2023}})


def test_version_2_refuses_plain_string_dropped_lines(news_brief):
    data = news_brief.to_dict()
    data["dropped"] = ["Share this"]
    with pytest.raises(ModelError, match="'dropped' must be a list of objects"):
        Brief.from_dict(data)


def test_pack_round_trips(qa_brief, news_brief):
    pack = Pack(briefs=(qa_brief, news_brief), title="Andean security, week 48", date="2025-12-07")
    assert Pack.from_dict(json.loads(json.dumps(pack.to_dict()))) == pack


@pytest.mark.parametrize("mutation, message", [
    (lambda d: d.pop("title"), "missing field 'title'"),
    (lambda d: d.update(kind="essay"), "field 'kind' is 'essay'"),
    (lambda d: d.update(schema="reportgen.brief/9"), "this version reads"),
    (lambda d: d.update(body="one paragraph"), "field 'body' has the wrong type"),
])
def test_from_dict_names_what_is_wrong(news_brief, mutation, message):
    data = news_brief.to_dict()
    mutation(data)
    with pytest.raises(ModelError, match=message.replace("(", r"\(")):
        Brief.from_dict(data)


def test_values_are_exact_decimal_strings(qa_brief):
    for statistic in qa_brief.statistics:
        assert isinstance(statistic.value, str)
        assert "e" not in statistic.value.lower()

"""The document model between parser and renderers: plain frozen dataclasses.

Everything here is immutable (lists are stored as tuples) so a brief can be
hashed, compared and shared between processes, and ``to_dict``/``from_dict``
round-trip exactly through JSON: ``Brief.from_dict(b.to_dict()) == b`` for
any brief whose strings hold no control characters (``from_dict`` reads
strangers' files: it checks every field's type, naming its path, and cleans
every string with ``clean_text``). The JSON keys are a published contract (``reportgen.brief/3``), described by
``reportgen/schema/brief-3.schema.json``; version 1 briefs (no spans, dropped
lines as plain strings) and version 2 briefs (a statistic's period as text) still load, upgraded.

A span is a ``(start, end)`` pair of character offsets into the normalized
source text (``source.text``): ``text[start:end]`` is exactly what it marks.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any, Mapping

BRIEF_SCHEMA = "reportgen.brief/3"
PACK_SCHEMA = "reportgen.pack/2"
READABLE_BRIEF_SCHEMAS = ("reportgen.brief/1", "reportgen.brief/2", BRIEF_SCHEMA)
READABLE_PACK_SCHEMAS = ("reportgen.pack/1", PACK_SCHEMA)

KINDS = ("qa", "news")
LANGUAGES = ("en", "es")
SOURCE_FORMATS = ("txt", "html", "md", "json", "docx")
UNITS = (
    "percent", "percentage_points", "currency", "rate", "count", "mass",
    "length", "area", "volume", "duration", "other",
)
QUALIFIERS = ("more_than", "less_than", "about")
CHANGES = ("increase", "decrease")


Span = tuple[int, int]

MAX_JSON_INTEGER_DIGITS = 15  # offsets into a text of at most a few million characters
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")  # tab and newline are text
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` as the model holds it, whatever file it came from: without control characters (tab and
    newline kept) or the non-characters XML forbids, and a lone surrogate (which no file can encode, so
    the first write would fail) as U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", _UNWANTED.sub("", text))


class ModelError(ValueError):
    """A dict that does not describe a valid brief or pack."""


class _Unreadable:
    """A JSON value no field may hold (NaN, Infinity, a number past what any field needs), kept as
    what it was so the field that holds it is named in the error."""

    def __init__(self, shown: str) -> None:
        self.shown = shown


def read_json(text: str) -> Any:
    """JSON as a brief or pack is read from: the parsed value, with NaN, Infinity and out-of-range numbers
    left for the fields to refuse by name; nesting past what the parser follows is a ModelError.
    Invalid JSON raises ``json.JSONDecodeError`` (a ValueError)."""
    def integer(digits: str) -> int | _Unreadable:
        if len(digits.lstrip("-")) > MAX_JSON_INTEGER_DIGITS:
            return _Unreadable(f"a number of {len(digits.lstrip('-')):,} digits")
        return int(digits)

    def decimal(written: str) -> float | _Unreadable:
        value = float(written)
        return value if math.isfinite(value) else _Unreadable(f"{written[:20]} (out of range)")

    try:
        return json.loads(text, parse_int=integer, parse_float=decimal, parse_constant=_Unreadable)
    except RecursionError:
        raise ModelError("lists or objects nested hundreds of levels deep; a brief nests six") from None


def _kind(value: Any) -> str:
    """What a JSON value is, in a message's words."""
    if isinstance(value, _Unreadable):
        return value.shown
    if isinstance(value, list) and any(isinstance(item, _Unreadable) for item in value):
        return "a list holding " + next(item.shown for item in value if isinstance(item, _Unreadable))
    for kind, name in ((bool, "true/false"), (str, "a string"), (int, "a number"), (float, "a number"),
                       (list, "a list"), (Mapping, "an object")):
        if isinstance(value, kind):
            return name
    return "null" if value is None else type(value).__name__


def _wrong(field: str, expected: str, value: Any) -> ModelError:
    return ModelError(f"field {field!r} has the wrong type (expected {expected}, got {_kind(value)})")


class _Fields:
    """One JSON object read into the model, field by field: every problem names the field's whole
    path (``experts[2].commentary[0]``), every string comes out clean (``clean_text``)."""

    def __init__(self, data: Any, where: str = "", what: str = "brief") -> None:
        if not isinstance(data, Mapping):
            raise _wrong(where, "an object", data) if where else ModelError(
                f"a {what} must be a JSON object, not {_kind(data)}")
        self.data, self.where = data, where

    def name(self, key: str) -> str:
        return f"{self.where}.{key}" if self.where else key

    def required(self, key: str) -> Any:
        if key not in self.data:
            raise ModelError(f"missing field {self.name(key)!r}")
        return self.data[key]

    def text(self, key: str) -> str:
        value = self.required(key)
        if not isinstance(value, str):
            raise _wrong(self.name(key), "a string", value)
        return clean_text(value)

    def optional_text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is not None and not isinstance(value, str):
            raise _wrong(self.name(key), "a string or null", value)
        return None if value is None else clean_text(value)

    def items(self, key: str, optional: bool = False) -> list[Any]:
        value = self.data.get(key, []) if optional else self.required(key)
        if not isinstance(value, list):
            raise _wrong(self.name(key), "a list", value)
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        for index, value in enumerate(values):
            if not isinstance(value, str):
                raise _wrong(f"{self.name(key)}[{index}]", "a string", value)
        return tuple(clean_text(value) for value in values)

    def objects(self, key: str, optional: bool = False) -> list[_Fields]:
        return [_Fields(item, f"{self.name(key)}[{index}]") for index, item in enumerate(self.items(key, optional))]

    def choice(self, key: str, allowed: tuple[str, ...], optional: bool = False) -> str | None:
        value = self.data.get(key) if optional else self.required(key)
        if value is None and optional:
            return None
        if value not in allowed:
            shown = repr(value) if isinstance(value, str) and len(value) <= 40 else _kind(value)
            raise ModelError(f"field {self.name(key)!r} is {shown}; expected one of {', '.join(allowed)}")
        return value

    def span(self, key: str) -> Span | None:
        return _span_of(self.data.get(key), self.name(key))

    def spans(self, key: str) -> tuple[Span, ...]:
        return _spans_of(self.items(key, optional=True), self.name(key))


def _span_of(value: Any, field: str) -> Span | None:
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value)):
        raise _wrong(field, "[start, end] offsets or null", value)
    if not 0 <= value[0] <= value[1]:
        raise ModelError(f"field {field!r} is {value}; expected offsets with 0 <= start <= end")
    return (value[0], value[1])


def _spans_of(values: list[Any], field: str) -> tuple[Span, ...]:
    spans = (_span_of(value, f"{field}[{index}]") for index, value in enumerate(values))
    return tuple(span for span in spans if span is not None)


def _span_list(span: Span | None) -> list[int] | None:
    return list(span) if span is not None else None


@dataclass(frozen=True)
class SourceInfo:
    """Where a brief came from, so a pack can cite and re-check its inputs."""

    path: str
    format: str
    encoding: str
    sha256: str
    # The normalized text every span points into: kept in the brief up to a size limit
    # (``text`` is then None); its digest always, so a reader can re-derive and check it.
    text: str | None = None
    text_sha256: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "encoding": self.encoding, "sha256": self.sha256,
                "text": self.text, "text_sha256": self.text_sha256}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceInfo:
        return cls._read(_Fields(data, what="source"))

    @classmethod
    def _read(cls, fields: _Fields) -> SourceInfo:
        return cls(
            path=fields.text("path"),
            format=fields.choice("format", SOURCE_FORMATS),
            encoding=fields.text("encoding"),
            sha256=fields.text("sha256"),
            text=fields.optional_text("text"),
            text_sha256=fields.optional_text("text_sha256"),
        )


_PERIOD_YEAR = re.compile(r"(?<!\d)(1[89]\d{2}|2\d{3})(?!\d)")
_PERIOD_BOUND = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Period:
    """When a figure holds, from ``start`` to ``end``: ISO years or dates ("2022", "2024-01-01"),
    one year being start == end. Structured so compose words it per language ("2022–2023",
    "de 2022 a 2023"), never as the English text a parser once wrote."""

    start: str
    end: str

    def to_dict(self) -> dict[str, int | str]:
        """Years as numbers (``{"start": 2022, "end": 2023}``), dates as ISO strings."""
        return {key: int(value) if value.isdigit() else value
                for key, value in (("start", self.start), ("end", self.end))}

    def as_text(self) -> str:
        """The period as schema version 2 wrote it ("2022", "2022 to 2023")."""
        return self.start if self.start == self.end else f"{self.start} to {self.end}"

    @classmethod
    def from_text(cls, text: str | None) -> Period | None:
        """The years a written period names ("2022", "2022 to 2023", "de 2022 a 2023"); None without one."""
        years = _PERIOD_YEAR.findall(text or "")
        if not years or len(years) > 2:
            return None
        return cls(years[0], years[-1])

    @classmethod
    def _read(cls, value: Any, field: str) -> Period | None:
        if value is None:
            return None
        if isinstance(value, str):  # schema version 1 and 2: the period as text, read when it names years
            return cls.from_text(clean_text(value))
        fields = _Fields(value, field)
        bounds = []
        for key in ("start", "end"):
            bound = fields.required(key)
            if type(bound) is int:
                bound = str(bound)
            if not isinstance(bound, str) or not _PERIOD_BOUND.fullmatch(bound):
                raise _wrong(fields.name(key), "a year or an ISO date", bound)
            bounds.append(bound)
        return cls(bounds[0], bounds[1])


@dataclass(frozen=True)
class Statistic:
    """One figure from the text, its value kept as an exact decimal string."""

    text: str
    value: str
    unit: str
    currency: str | None = None
    per: str | None = None
    qualifier: str | None = None
    change: str | None = None
    measure: str | None = None
    subject: str | None = None
    period: Period | None = None
    source: str | None = None
    cited_by: str | None = None
    sentence: str = ""
    text_span: Span | None = None  # the figure as written, qualifier included
    source_span: Span | None = None  # the named source, in the same sentence
    sentence_span: Span | None = None

    _OPTIONAL = ("currency", "per", "measure", "subject", "source", "cited_by")
    _SPANS = ("text_span", "source_span", "sentence_span")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "value": self.value, "unit": self.unit, "currency": self.currency,
            "per": self.per, "qualifier": self.qualifier, "change": self.change,
            "measure": self.measure, "subject": self.subject,
            "period": self.period.to_dict() if self.period else None,
            "source": self.source, "cited_by": self.cited_by, "sentence": self.sentence,
            **{key: _span_list(getattr(self, key)) for key in self._SPANS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statistic:
        return cls._read(_Fields(data, what="statistic"))

    @classmethod
    def _read(cls, fields: _Fields) -> Statistic:
        return cls(
            text=fields.text("text"),
            value=fields.text("value"),
            unit=fields.choice("unit", UNITS),
            qualifier=fields.choice("qualifier", QUALIFIERS, optional=True),
            change=fields.choice("change", CHANGES, optional=True),
            sentence=fields.text("sentence"),
            period=Period._read(fields.data.get("period"), fields.name("period")),
            **{key: fields.optional_text(key) for key in cls._OPTIONAL},
            **{key: fields.span(key) for key in cls._SPANS},
        )


@dataclass(frozen=True)
class Expert:
    """A person whose words the article presents as expert or official comment."""

    name: str
    role: str | None = None
    organization: str | None = None
    commentary: tuple[str, ...] = ()
    summary: str | None = None
    name_span: Span | None = None  # where the article first names them
    # Per commentary paragraph, the pieces of source it was taken from (a quote split
    # by "she said" is one paragraph in two pieces); () where it was not found.
    commentary_spans: tuple[tuple[Span, ...], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "role": self.role, "organization": self.organization,
            "commentary": list(self.commentary), "summary": self.summary,
            "name_span": _span_list(self.name_span),
            "commentary_spans": [[list(span) for span in pieces] for pieces in self.commentary_spans],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Expert:
        return cls._read(_Fields(data, what="expert"))

    @classmethod
    def _read(cls, fields: _Fields) -> Expert:
        where = fields.name("commentary_spans")
        pieces = fields.items("commentary_spans", optional=True)
        for index, spans in enumerate(pieces):
            if not isinstance(spans, list):
                raise _wrong(f"{where}[{index}]", "a list of [start, end] offsets", spans)
        return cls(
            name=fields.text("name"),
            role=fields.optional_text("role"),
            organization=fields.optional_text("organization"),
            commentary=fields.texts("commentary"),
            summary=fields.optional_text("summary"),
            name_span=fields.span("name_span"),
            commentary_spans=tuple(_spans_of(spans, f"{where}[{index}]") for index, spans in enumerate(pieces)),
        )


@dataclass(frozen=True)
class DroppedLine:
    """Text the parser left out of the brief, and the rule that left it out."""

    text: str
    rule: str | None = None  # None for briefs of schema version 1, which did not record it
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "rule": self.rule, "span": _span_list(self.span)}

    @classmethod
    def from_dict(cls, data: Any) -> DroppedLine:
        if isinstance(data, str):  # schema version 1
            return cls(clean_text(data))
        return cls._read(_Fields(data, what="dropped line"))

    @classmethod
    def _read(cls, fields: _Fields) -> DroppedLine:
        return cls(text=fields.text("text"), rule=fields.optional_text("rule"), span=fields.span("span"))


BLOCK_ROLES = ("headline", "standfirst", "masthead", "dateline", "byline", "caption", "furniture", "speaker",
               "question", "answer", "quotation", "narration")


@dataclass(frozen=True)
class BlockRole:
    """What one block of the source text is (headline, speaker header, answer…), and where it is."""

    role: str
    span: Span

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "span": list(self.span)}

    @classmethod
    def _read(cls, fields: _Fields) -> BlockRole:
        span = fields.span("span")
        if span is None:
            raise ModelError(f"field {fields.name('span')!r} is missing")
        return cls(role=fields.choice("role", BLOCK_ROLES), span=span)


@dataclass(frozen=True)
class Brief:
    """One article, normalized: what every renderer and the JSON output read."""

    id: str
    source: SourceInfo
    language: str
    kind: str
    title: str
    publication: str | None = None
    published: str | None = None
    question: str | None = None
    experts: tuple[Expert, ...] = ()
    statistics: tuple[Statistic, ...] = ()
    body: tuple[str, ...] = ()
    takeaways: tuple[str, ...] = ()
    dropped: tuple[DroppedLine, ...] = ()
    warnings: tuple[str, ...] = ()
    question_spans: tuple[Span, ...] = ()
    structure: tuple[BlockRole, ...] = ()  # one role per source block, in order
    schema: str = field(default=BRIEF_SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "id": self.id,
            "source": self.source.to_dict(),
            "language": self.language,
            "kind": self.kind,
            "title": self.title,
            "publication": self.publication,
            "published": self.published,
            "question": self.question,
            "question_spans": [list(span) for span in self.question_spans],
            "experts": [expert.to_dict() for expert in self.experts],
            "statistics": [statistic.to_dict() for statistic in self.statistics],
            "body": list(self.body),
            "takeaways": list(self.takeaways),
            "dropped": [line.to_dict() for line in self.dropped],
            "warnings": list(self.warnings),
            "structure": [block.to_dict() for block in self.structure],
        }

    def to_version_1_dict(self) -> dict[str, Any]:
        """The brief as schema version 1 wrote it (no spans, no source text, dropped lines as plain
        strings): for a reader written against version 1."""
        data = self.to_dict()
        data["schema"] = READABLE_BRIEF_SCHEMAS[0]
        del data["question_spans"], data["source"]["text"], data["source"]["text_sha256"], data["structure"]
        for expert in data["experts"]:
            del expert["name_span"], expert["commentary_spans"]
        for statistic, kept in zip(data["statistics"], self.statistics):
            for key in Statistic._SPANS:
                del statistic[key]
            statistic["period"] = kept.period.as_text() if kept.period else None
        data["dropped"] = [line["text"] for line in data["dropped"]]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Brief:
        return cls._read(_Fields(data))

    @classmethod
    def _read(cls, fields: _Fields) -> Brief:
        schema = fields.text("schema")
        if schema not in READABLE_BRIEF_SCHEMAS:
            shown = repr(schema) if len(schema) <= 40 else "another schema"
            raise ModelError(f"schema is {shown}; this version reads {' and '.join(map(repr, READABLE_BRIEF_SCHEMAS))}")
        dropped = fields.items("dropped")
        version_1 = schema == READABLE_BRIEF_SCHEMAS[0]
        if not version_1 and not all(isinstance(line, Mapping) for line in dropped):
            raise ModelError(f"field {fields.name('dropped')!r} must be a list of objects (text, rule, span)")
        if version_1 and not all(isinstance(line, str) for line in dropped):
            raise ModelError(f"field {fields.name('dropped')!r} must be a list of strings")
        return cls(
            id=fields.text("id"),
            source=SourceInfo._read(_Fields(fields.required("source"), fields.name("source"))),
            language=fields.choice("language", LANGUAGES),
            kind=fields.choice("kind", KINDS),
            title=fields.text("title"),
            publication=fields.optional_text("publication"),
            published=fields.optional_text("published"),
            question=fields.optional_text("question"),
            question_spans=fields.spans("question_spans"),
            experts=tuple(Expert._read(item) for item in fields.objects("experts")),
            statistics=tuple(Statistic._read(item) for item in fields.objects("statistics")),
            body=fields.texts("body"),
            takeaways=fields.texts("takeaways"),
            dropped=tuple(DroppedLine(clean_text(line)) if isinstance(line, str) else DroppedLine._read(
                _Fields(line, f"{fields.name('dropped')}[{index}]")) for index, line in enumerate(dropped)),
            warnings=fields.texts("warnings"),
            structure=tuple(BlockRole._read(item) for item in fields.objects("structure", optional=True)),
        )


@dataclass(frozen=True)
class Pack:
    """Briefs bound together with the options of one briefing pack."""

    briefs: tuple[Brief, ...]
    title: str
    subtitle: str | None = None
    date: str | None = None
    theme: str = "default"
    schema: str = field(default=PACK_SCHEMA)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "title": self.title,
            "subtitle": self.subtitle,
            "date": self.date,
            "theme": self.theme,
            "briefs": [brief.to_dict() for brief in self.briefs],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Pack:
        fields = _Fields(data, what="pack")
        schema = fields.text("schema")
        if schema not in READABLE_PACK_SCHEMAS:
            shown = repr(schema) if len(schema) <= 40 else "another schema"
            raise ModelError(f"schema is {shown}; this version reads {' and '.join(map(repr, READABLE_PACK_SCHEMAS))}")
        return cls(
            title=fields.text("title"),
            subtitle=fields.optional_text("subtitle"),
            date=fields.optional_text("date"),
            theme=fields.text("theme"),
            briefs=tuple(Brief._read(item) for item in fields.objects("briefs")),
        )


@dataclass(frozen=True)
class PackReading:
    """Every brief one input file holds (a Word pack back from its editors holds several), with
    the pack options it was built with when it is one."""

    briefs: tuple[Brief, ...]
    title: str | None = None
    theme: str | None = None
    language: str | None = None

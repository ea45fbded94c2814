"""The document model between parser and renderers: plain frozen dataclasses.

Everything here is immutable (lists are stored as tuples) so a brief can be
hashed, compared and shared between processes, and ``to_dict``/``from_dict``
round-trip exactly through JSON: ``Brief.from_dict(b.to_dict()) == b``.
The JSON keys are a published contract (``reportgen.brief/2``), described by
``reportgen/schema/brief-2.schema.json``; version 1 briefs (no spans, dropped
lines as plain strings) still load, upgraded.

A span is a ``(start, end)`` pair of character offsets into the normalized
source text (``source.text``): ``text[start:end]`` is exactly what it marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

BRIEF_SCHEMA = "reportgen.brief/2"
PACK_SCHEMA = "reportgen.pack/2"
READABLE_BRIEF_SCHEMAS = ("reportgen.brief/1", BRIEF_SCHEMA)
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


class ModelError(ValueError):
    """A dict that does not describe a valid brief or pack."""


def _span(data: Mapping[str, Any], key: str) -> Span | None:
    value = data.get(key)
    if value is None:
        return None
    if (not isinstance(value, list) or len(value) != 2 or not all(type(n) is int for n in value)
            or not 0 <= value[0] <= value[1]):
        raise ModelError(f"field {key!r} must be [start, end] offsets or null")
    return (value[0], value[1])


def _span_list(span: Span | None) -> list[int] | None:
    return list(span) if span is not None else None


def _spans(data: Mapping[str, Any], key: str) -> tuple[Span, ...]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise ModelError(f"field {key!r} must be a list of [start, end] offsets")
    return tuple(_span({key: item}, key) for item in items if item is not None)


def _require(data: Mapping[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if not isinstance(data, Mapping) or key not in data:
        raise ModelError(f"missing field {key!r}")
    value = data[key]
    if not isinstance(value, kind):
        raise ModelError(f"field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _optional_str(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ModelError(f"field {key!r} must be a string or null")
    return value


def _str_tuple(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    items = _require(data, key, list)
    if not all(isinstance(item, str) for item in items):
        raise ModelError(f"field {key!r} must be a list of strings")
    return tuple(items)


def _choice(data: Mapping[str, Any], key: str, allowed: tuple[str, ...], optional: bool = False) -> str | None:
    value = data.get(key) if optional else _require(data, key, str)
    if value is None and optional:
        return None
    if value not in allowed:
        raise ModelError(f"field {key!r} is {value!r}; expected one of {', '.join(allowed)}")
    return value


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
        return cls(
            path=_require(data, "path", str),
            format=_choice(data, "format", SOURCE_FORMATS),
            encoding=_require(data, "encoding", str),
            sha256=_require(data, "sha256", str),
            text=_optional_str(data, "text"),
            text_sha256=_optional_str(data, "text_sha256"),
        )


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
    period: str | None = None
    source: str | None = None
    cited_by: str | None = None
    sentence: str = ""
    text_span: Span | None = None  # the figure as written, qualifier included
    source_span: Span | None = None  # the named source, in the same sentence
    sentence_span: Span | None = None

    _OPTIONAL = ("currency", "per", "measure", "subject", "period", "source", "cited_by")
    _SPANS = ("text_span", "source_span", "sentence_span")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "value": self.value, "unit": self.unit, "currency": self.currency,
            "per": self.per, "qualifier": self.qualifier, "change": self.change,
            "measure": self.measure, "subject": self.subject, "period": self.period,
            "source": self.source, "cited_by": self.cited_by, "sentence": self.sentence,
            **{key: _span_list(getattr(self, key)) for key in self._SPANS},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Statistic:
        return cls(
            text=_require(data, "text", str),
            value=_require(data, "value", str),
            unit=_choice(data, "unit", UNITS),
            qualifier=_choice(data, "qualifier", QUALIFIERS, optional=True),
            change=_choice(data, "change", CHANGES, optional=True),
            sentence=_require(data, "sentence", str),
            **{key: _optional_str(data, key) for key in cls._OPTIONAL},
            **{key: _span(data, key) for key in cls._SPANS},
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
        return cls(
            name=_require(data, "name", str),
            role=_optional_str(data, "role"),
            organization=_optional_str(data, "organization"),
            commentary=_str_tuple(data, "commentary"),
            summary=_optional_str(data, "summary"),
            name_span=_span(data, "name_span"),
            commentary_spans=tuple(_spans({"pieces": pieces}, "pieces")
                                   for pieces in data.get("commentary_spans", [])),
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
            return cls(data)
        return cls(text=_require(data, "text", str), rule=_optional_str(data, "rule"), span=_span(data, "span"))


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
        }

    def to_version_1_dict(self) -> dict[str, Any]:
        """The brief as schema version 1 wrote it (no spans, no source text, dropped lines as plain
        strings): for a reader written against version 1."""
        data = self.to_dict()
        data["schema"] = READABLE_BRIEF_SCHEMAS[0]
        del data["question_spans"], data["source"]["text"], data["source"]["text_sha256"]
        for expert in data["experts"]:
            del expert["name_span"], expert["commentary_spans"]
        for statistic in data["statistics"]:
            for key in Statistic._SPANS:
                del statistic[key]
        data["dropped"] = [line["text"] for line in data["dropped"]]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Brief:
        if not isinstance(data, Mapping):
            raise ModelError("a brief must be a JSON object")
        schema = _require(data, "schema", str)
        if schema not in READABLE_BRIEF_SCHEMAS:
            raise ModelError(f"schema is {schema!r}; this version reads {' and '.join(map(repr, READABLE_BRIEF_SCHEMAS))}")
        dropped = _require(data, "dropped", list)
        if schema == BRIEF_SCHEMA and not all(isinstance(line, Mapping) for line in dropped):
            raise ModelError("field 'dropped' must be a list of objects (text, rule, span)")
        if schema != BRIEF_SCHEMA and not all(isinstance(line, str) for line in dropped):
            raise ModelError("field 'dropped' must be a list of strings")
        return cls(
            id=_require(data, "id", str),
            source=SourceInfo.from_dict(_require(data, "source", Mapping)),
            language=_choice(data, "language", LANGUAGES),
            kind=_choice(data, "kind", KINDS),
            title=_require(data, "title", str),
            publication=_optional_str(data, "publication"),
            published=_optional_str(data, "published"),
            question=_optional_str(data, "question"),
            question_spans=_spans(data, "question_spans"),
            experts=tuple(Expert.from_dict(item) for item in _require(data, "experts", list)),
            statistics=tuple(Statistic.from_dict(item) for item in _require(data, "statistics", list)),
            body=_str_tuple(data, "body"),
            takeaways=_str_tuple(data, "takeaways"),
            dropped=tuple(DroppedLine.from_dict(line) for line in dropped),
            warnings=_str_tuple(data, "warnings"),
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
        schema = _require(data, "schema", str)
        if schema not in READABLE_PACK_SCHEMAS:
            raise ModelError(f"schema is {schema!r}; this version reads {' and '.join(map(repr, READABLE_PACK_SCHEMAS))}")
        return cls(
            title=_require(data, "title", str),
            subtitle=_optional_str(data, "subtitle"),
            date=_optional_str(data, "date"),
            theme=_require(data, "theme", str),
            briefs=tuple(Brief.from_dict(item) for item in _require(data, "briefs", list)),
        )


@dataclass(frozen=True)
class PackReading:
    """Every brief one input file holds (a Word pack back from its editors holds several), with
    the pack options it was built with when it is one."""

    briefs: tuple[Brief, ...]
    title: str | None = None
    theme: str | None = None
    language: str | None = None

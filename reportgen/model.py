"""The document model between parser and renderers: plain frozen dataclasses.

Everything here is immutable (lists are stored as tuples) so a brief can be
hashed, compared and shared between processes, and ``to_dict``/``from_dict``
round-trip exactly through JSON: ``Brief.from_dict(b.to_dict()) == b``.
The JSON keys are a published contract (``reportgen.brief/1``), described by
``reportgen/schema/brief-1.schema.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

BRIEF_SCHEMA = "reportgen.brief/1"
PACK_SCHEMA = "reportgen.pack/1"

KINDS = ("qa", "news")
LANGUAGES = ("en", "es")
SOURCE_FORMATS = ("txt", "html", "md", "json")
UNITS = (
    "percent", "percentage_points", "currency", "rate", "count", "mass",
    "length", "area", "volume", "duration", "other",
)
QUALIFIERS = ("more_than", "less_than", "about")
CHANGES = ("increase", "decrease")


class ModelError(ValueError):
    """A dict that does not describe a valid brief or pack."""


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

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "encoding": self.encoding, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceInfo:
        return cls(
            path=_require(data, "path", str),
            format=_choice(data, "format", SOURCE_FORMATS),
            encoding=_require(data, "encoding", str),
            sha256=_require(data, "sha256", str),
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

    _OPTIONAL = ("currency", "per", "measure", "subject", "period", "source", "cited_by")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "value": self.value, "unit": self.unit, "currency": self.currency,
            "per": self.per, "qualifier": self.qualifier, "change": self.change,
            "measure": self.measure, "subject": self.subject, "period": self.period,
            "source": self.source, "cited_by": self.cited_by, "sentence": self.sentence,
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
        )


@dataclass(frozen=True)
class Expert:
    """A person whose words the article presents as expert or official comment."""

    name: str
    role: str | None = None
    organization: str | None = None
    commentary: tuple[str, ...] = ()
    summary: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "role": self.role, "organization": self.organization,
            "commentary": list(self.commentary), "summary": self.summary,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Expert:
        return cls(
            name=_require(data, "name", str),
            role=_optional_str(data, "role"),
            organization=_optional_str(data, "organization"),
            commentary=_str_tuple(data, "commentary"),
            summary=_optional_str(data, "summary"),
        )


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
    dropped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
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
            "experts": [expert.to_dict() for expert in self.experts],
            "statistics": [statistic.to_dict() for statistic in self.statistics],
            "body": list(self.body),
            "takeaways": list(self.takeaways),
            "dropped": list(self.dropped),
            "warnings": list(self.warnings),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Brief:
        if not isinstance(data, Mapping):
            raise ModelError("a brief must be a JSON object")
        schema = _require(data, "schema", str)
        if schema != BRIEF_SCHEMA:
            raise ModelError(f"schema is {schema!r}; this version reads {BRIEF_SCHEMA!r}")
        return cls(
            schema=schema,
            id=_require(data, "id", str),
            source=SourceInfo.from_dict(_require(data, "source", Mapping)),
            language=_choice(data, "language", LANGUAGES),
            kind=_choice(data, "kind", KINDS),
            title=_require(data, "title", str),
            publication=_optional_str(data, "publication"),
            published=_optional_str(data, "published"),
            question=_optional_str(data, "question"),
            experts=tuple(Expert.from_dict(item) for item in _require(data, "experts", list)),
            statistics=tuple(Statistic.from_dict(item) for item in _require(data, "statistics", list)),
            body=_str_tuple(data, "body"),
            takeaways=_str_tuple(data, "takeaways"),
            dropped=_str_tuple(data, "dropped"),
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
        if schema != PACK_SCHEMA:
            raise ModelError(f"schema is {schema!r}; this version reads {PACK_SCHEMA!r}")
        return cls(
            schema=schema,
            title=_require(data, "title", str),
            subtitle=_optional_str(data, "subtitle"),
            date=_optional_str(data, "date"),
            theme=_require(data, "theme", str),
            briefs=tuple(Brief.from_dict(item) for item in _require(data, "briefs", list)),
        )

"""The team's own test corpus: hand-written articles with hand-checked briefs.

Every ``tests/articles/<slug>.expected.json`` describes the brief that
``reportgen.parse_file`` must produce for the article ``tests/articles/<slug>.<ext>``
(``.txt``, ``.html`` or ``.md``, in whatever encoding the file is saved in).
The articles are fictional but written the way real pages arrive: mastheads,
bylines, cookie banners, share buttons, related links, odd encodings.

Each field group is its own test, so a failure names what is wrong and for which
article, e.g. ``test_experts[en_qa_monitor_peru_mining_law]``.

How expected values are compared
--------------------------------
- Text is compared after Unicode NFC, with non-breaking spaces and runs of white
  space collapsed and curly quotes/apostrophes treated as straight ones.
- ``title`` exactly (after that normalization); ``publication``, expert ``role``
  and ``organization`` ignoring case, surrounding punctuation and a leading article
  ("the", "a", "an", "el", "la", "los", "las", "un", "una").
- ``question_starts``: the brief's question, with leading punctuation such as
  "—¿" removed, starts with it (ignoring case); ``null`` means the brief has no
  question.
- ``experts``: exactly these names, in this order, nobody else.
- ``statistics``: each expected figure must be present (extra figures are not
  failures here; the dev-set scorer measures precision). A figure is matched by
  ``Decimal(value)`` and ``unit``; then every other key *present* in the expected
  figure is checked (``null`` means "must be empty"): ``currency``, ``per``,
  ``qualifier``, ``change`` exactly, ``source`` by containment either way. Keys
  left out of an expected figure were judgment calls and are not checked. ``text``
  is a note for readers.
- ``dropped_contains``: each string is part of some line in ``brief.dropped``.
- ``body_excludes``: no string occurs in the body, the question or any commentary.
- ``body_contains``: each string occurs in the body, the question or a commentary.

The parser does not exist yet when this file is written; ``reportgen.parse_file``
is imported inside the tests so that collection always works.
"""

from __future__ import annotations

import codecs
import functools
import html
import json
import re
import socket
import unicodedata
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest

ARTICLES = Path(__file__).parent / "articles"
EXPECTED_SUFFIX = ".expected.json"
EXPECTED_FILES = sorted(ARTICLES.glob(f"*{EXPECTED_SUFFIX}"))

KINDS = ("qa", "news")
LANGUAGES = ("en", "es")
UNITS = (
    "percent", "percentage_points", "currency", "rate", "count", "mass",
    "length", "area", "volume", "duration", "other",
)
QUALIFIERS = ("more_than", "less_than", "about")
CHANGES = ("increase", "decrease")
STAT_KEYS = ("value", "unit", "currency", "per", "qualifier", "change", "source", "text")
TOP_KEYS = (
    "kind", "language", "title", "publication", "published", "question_starts", "experts",
    "statistics", "dropped_contains", "body_excludes", "body_contains", "notes",
)


# --------------------------------------------------------------------------- corpus


def _slug(expected_path: Path) -> str:
    return expected_path.name[: -len(EXPECTED_SUFFIX)]


def _article_for(expected_path: Path) -> Path:
    slug = _slug(expected_path)
    candidates = [
        path for path in ARTICLES.glob(f"{slug}.*")
        if not path.name.endswith(EXPECTED_SUFFIX) and path.suffix in (".txt", ".html", ".htm", ".md")
    ]
    assert len(candidates) == 1, f"{slug}: expected exactly one article file beside the JSON, found {candidates}"
    return candidates[0]


@functools.lru_cache(maxsize=None)
def _expected(expected_path: Path) -> dict[str, Any]:
    return json.loads(expected_path.read_text(encoding="utf-8"))


CASES = [pytest.param(path, id=_slug(path)) for path in EXPECTED_FILES]


def test_corpus_is_not_empty():
    assert len(EXPECTED_FILES) >= 12, f"only {len(EXPECTED_FILES)} annotated articles in {ARTICLES}"


# --------------------------------------------------------------------------- parsing


@functools.lru_cache(maxsize=None)
def _parse_cached(article: Path):
    from reportgen import parse_file  # imported here: the parser may not exist yet

    return parse_file(article)


def _brief(expected_path: Path):
    return _parse_cached(_article_for(expected_path))


# --------------------------------------------------------------------------- normalization

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"'})
_ARTICLE = re.compile(r"^(?:the|a|an|el|la|los|las|un|una)\s+", re.IGNORECASE)
_EDGE_PUNCT = " \t,.;:·-–—\"'()"
_LEADING_QUESTION_PUNCT = " \t—–-¿¡\"'«»“”‘’:"


def _norm(text: str | None) -> str:
    """NFC, straight quotes, single spaces: the form every text comparison uses."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _norm_label(text: str | None) -> str | None:
    """Role, organization, publication, source: no case, no edge punctuation, no leading article."""
    if text is None:
        return None
    text = _norm(text).strip(_EDGE_PUNCT)
    text = _ARTICLE.sub("", text)
    return text.casefold()


def _texts(brief) -> list[str]:
    """Everything a reader sees as content: body, question and every commentary paragraph."""
    pieces = list(brief.body)
    if brief.question:
        pieces.append(brief.question)
    for expert in brief.experts:
        pieces.extend(expert.commentary)
    return [_norm(piece) for piece in pieces]


def _show(items) -> str:
    return "\n".join(f"    {item!r}" for item in items) or "    (none)"


# --------------------------------------------------------------------------- tests against the parser


@pytest.mark.parametrize("expected_path", CASES)
def test_kind_and_language(expected_path):
    expected, brief = _expected(expected_path), _brief(expected_path)
    problems = []
    if brief.kind != expected["kind"]:
        problems.append(f"kind is {brief.kind!r}, expected {expected['kind']!r}")
    if brief.language != expected["language"]:
        problems.append(f"language is {brief.language!r}, expected {expected['language']!r}")
    assert not problems, "; ".join(problems)


@pytest.mark.parametrize("expected_path", CASES)
def test_metadata(expected_path):
    """Title, publication and publication date."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    problems = []
    if _norm(brief.title) != _norm(expected["title"]):
        problems.append(f"title is {brief.title!r}, expected {expected['title']!r}")
    if _norm_label(brief.publication) != _norm_label(expected["publication"]):
        problems.append(f"publication is {brief.publication!r}, expected {expected['publication']!r}")
    if brief.published != expected["published"]:
        problems.append(f"published is {brief.published!r}, expected {expected['published']!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expected_path", CASES)
def test_question(expected_path):
    expected, brief = _expected(expected_path), _brief(expected_path)
    start = expected["question_starts"]
    if start is None:
        if brief.question is not None:
            pytest.fail(f"a {expected['kind']} piece has no framing question, got {brief.question[:160]!r}")
        return
    if not brief.question:
        pytest.fail(f"no question found; expected one starting {start!r}")
    question = _norm(brief.question).lstrip(_LEADING_QUESTION_PUNCT).casefold()
    if not question.startswith(_norm(start).casefold()):
        pytest.fail(f"question should start with {start!r}, got {brief.question[:160]!r}")


@pytest.mark.parametrize("expected_path", CASES)
def test_experts(expected_path):
    """Exactly the expected people, in order of first appearance, with role and organization."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    want_names = [_norm(e["name"]) for e in expected["experts"]]
    got_names = [_norm(e.name) for e in brief.experts]
    missing = [name for name in want_names if name not in got_names]
    extra = [name for name in got_names if name not in want_names]
    if got_names != want_names:
        pytest.fail(
            "experts differ\n"
            f"  expected (in order): {want_names}\n  got:                 {got_names}\n"
            f"  missing: {missing}\n  not experts here: {extra}"
        )
    problems = []
    for want, got in zip(expected["experts"], brief.experts):
        if _norm_label(got.role) != _norm_label(want["role"]):
            problems.append(f"{want['name']}: role is {got.role!r}, expected {want['role']!r}")
        if _norm_label(got.organization) != _norm_label(want["organization"]):
            problems.append(
                f"{want['name']}: organization is {got.organization!r}, expected {want['organization']!r}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("expected_path", CASES)
def test_commentary(expected_path):
    """Each expert's commentary holds their own words."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    by_name = {_norm(e.name): e for e in brief.experts}
    problems = []
    for want in expected["experts"]:
        phrase = want.get("commentary_contains")
        if not phrase:
            continue
        got = by_name.get(_norm(want["name"]))
        if got is None:
            problems.append(f"{want['name']}: not among the experts (see test_experts)")
            continue
        commentary = _norm(" ".join(got.commentary))
        if _norm(phrase) not in commentary:
            problems.append(
                f"{want['name']}: commentary lacks {phrase!r}; it is:\n{_show(got.commentary)}"
            )
    assert not problems, "\n".join(problems)


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


def _stat_mismatches(want: dict[str, Any], got) -> list[str]:
    mismatches = []
    for key in ("currency", "per", "qualifier", "change"):
        if key in want and getattr(got, key) != want[key]:
            mismatches.append(f"{key} is {getattr(got, key)!r}, expected {want[key]!r}")
    if "source" in want:
        want_source, got_source = _norm_label(want["source"]), _norm_label(got.source)
        if want_source is None or got_source is None:
            ok = want_source == got_source
        else:
            ok = want_source in got_source or got_source in want_source
        if not ok:
            mismatches.append(f"source is {got.source!r}, expected {want['source']!r}")
    return mismatches


@pytest.mark.parametrize("expected_path", CASES)
def test_statistics(expected_path):
    """Every annotated figure is found, with its unit and details."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    problems = []
    for want in expected["statistics"]:
        label = f"{want['value']} {want['unit']} ({want.get('text', '')})"
        value = Decimal(want["value"])
        candidates = [s for s in brief.statistics if _decimal(s.value) == value and s.unit == want["unit"]]
        if not candidates:
            same_value = [f"{s.value} {s.unit}" for s in brief.statistics if _decimal(s.value) == value]
            hint = f"; found with other units: {same_value}" if same_value else ""
            problems.append(f"missing {label}{hint}")
            continue
        reports = [_stat_mismatches(want, got) for got in candidates]
        if not any(not report for report in reports):
            problems.append(f"{label}: " + "; ".join(min(reports, key=len)))
    if problems:
        found = [f"{s.value} {s.unit} {s.currency or ''} {s.per or ''} {s.qualifier or ''} {s.change or ''}"
                 f" [{s.text}]" for s in brief.statistics]
        pytest.fail("\n".join(problems) + "\nstatistics found:\n" + _show(found))


@pytest.mark.parametrize("expected_path", CASES)
def test_boilerplate_dropped(expected_path):
    """Page furniture is removed and recorded in ``dropped``."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    dropped = [_norm(line.text) for line in brief.dropped]
    missing = [s for s in expected["dropped_contains"] if not any(_norm(s) in line for line in dropped)]
    assert not missing, f"not in dropped: {missing}\ndropped is:\n{_show([line.text for line in brief.dropped])}"


@pytest.mark.parametrize("expected_path", CASES)
def test_boilerplate_excluded(expected_path):
    """No furniture leaks into the body, the question or any commentary."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    texts = _texts(brief)
    leaks = []
    for unwanted in expected["body_excludes"]:
        needle = _norm(unwanted) if unwanted.strip() else unwanted
        for piece in texts if unwanted.strip() else _raw_texts(brief):
            if needle in piece:
                leaks.append(f"{unwanted!r} in {piece[:120]!r}")
                break
    assert not leaks, "boilerplate leaked:\n" + "\n".join(leaks)


def _raw_texts(brief) -> list[str]:
    """Unnormalized content, to catch control characters that _norm would hide (\\r, BOM)."""
    pieces = list(brief.body) + ([brief.question] if brief.question else [])
    for expert in brief.experts:
        pieces.extend(expert.commentary)
    return pieces


@pytest.mark.parametrize("expected_path", CASES)
def test_body(expected_path):
    """The narrative is kept (in the body, the question or a commentary)."""
    expected, brief = _expected(expected_path), _brief(expected_path)
    texts = _texts(brief)
    missing = [s for s in expected["body_contains"] if not any(_norm(s) in piece for piece in texts)]
    assert not missing, f"narrative lost: {missing}\nbody is:\n{_show(brief.body)}"


_MOJIBAKE = ("Ã¡", "Ã©", "Ã\xad", "Ã³", "Ãº", "Ã±", "â€", "Â ", "Â·")


@pytest.mark.parametrize("expected_path", CASES)
def test_encoding(expected_path):
    """Whatever the file's encoding, the brief holds clean text."""
    brief = _brief(expected_path)
    fields = [("title", brief.title), ("question", brief.question or "")]
    fields += [(f"body[{i}]", p) for i, p in enumerate(brief.body)]
    fields += [(f"dropped[{i}]", line.text) for i, line in enumerate(brief.dropped)]
    for expert in brief.experts:
        fields += [(f"expert {expert.name!r}", " | ".join(
            [expert.name, expert.role or "", expert.organization or "", *expert.commentary]))]
    problems = []
    for where, text in fields:
        if "\ufffd" in text:
            problems.append(f"{where}: replacement character (wrong decoding)")
        if "\ufeff" in text:
            problems.append(f"{where}: byte-order mark left in the text")
        if "\x00" in text:
            problems.append(f"{where}: NUL characters (UTF-16 read as 8-bit?)")
        if re.search("[\x80-\x9f]", text):
            problems.append(f"{where}: C1 control characters (cp1252 read as latin-1?)")
        if any(m in text for m in _MOJIBAKE):
            problems.append(f"{where}: mojibake (UTF-8 read as cp1252/latin-1?)")
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize("expected_path", CASES)
def test_no_network(expected_path, monkeypatch):
    """Parsing never touches the network (pages link images, CSS and scripts over http)."""
    from reportgen import parse_file

    attempts: list[str] = []

    def refuse(*args, **kwargs):
        attempts.append(repr(args[:2]))
        raise OSError("network access is not allowed while parsing")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    parse_file(_article_for(expected_path))
    assert not attempts, f"parse tried to reach the network: {attempts}"


# --------------------------------------------------------------------------- the corpus itself
# These checks need no parser: they keep the annotations honest (every phrase the
# tests look for really is in the article, every value is well formed).


def _decode_article(path: Path, raw: bool = False) -> str:
    """The article's text as a reader sees it (or, with ``raw``, all of its decoded source)."""
    data = path.read_bytes()
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = data.decode(encoding)
            break
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252")
    if raw:
        return _norm(html.unescape(text))
    if path.suffix == ".md":
        text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    if path.suffix in (".html", ".htm"):
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return _norm(text.replace("**", "").replace("*", ""))


@pytest.mark.parametrize("expected_path", CASES)
def test_annotation_is_consistent(expected_path):
    expected = _expected(expected_path)
    article = _article_for(expected_path)
    text = _decode_article(article)
    source_text = _decode_article(article, raw=True)
    problems = []

    if tuple(expected) != TOP_KEYS:
        problems.append(f"keys are {list(expected)}, expected {list(TOP_KEYS)}")
    if expected["kind"] not in KINDS or expected["language"] not in LANGUAGES:
        problems.append("bad kind or language")
    if (expected["kind"] == "qa") != (expected["question_starts"] is not None):
        problems.append("question_starts must be given for qa and null for news")
    if expected["published"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", expected["published"]):
        problems.append(f"published {expected['published']!r} is not YYYY-MM-DD")
    words = len(text.split())
    if not 250 <= words <= 1200:  # the prose itself is 250-900 words; page furniture adds some
        problems.append(f"article has {words} words")

    def need(phrase: str | None, what: str) -> None:
        if phrase is not None and phrase.strip() and _norm(phrase) not in text:
            problems.append(f"{what} {phrase!r} does not occur in {article.name}")

    need(expected["title"], "title")
    need(expected["question_starts"], "question_starts")
    if expected["publication"] and _norm(expected["publication"]).casefold() not in text.casefold():
        problems.append(f"publication {expected['publication']!r} does not occur in {article.name}")
    for expert in expected["experts"]:
        if set(expert) != {"name", "role", "organization", "commentary_contains"}:
            problems.append(f"expert keys {sorted(expert)}")
        need(expert["name"], "expert name")
        need(expert["role"], "role")
        need(expert["organization"], "organization")
        need(expert["commentary_contains"], "commentary phrase")
    for stat in expected["statistics"]:
        if set(stat) - set(STAT_KEYS) or not {"value", "unit"} <= set(stat):
            problems.append(f"statistic keys {sorted(stat)}")
        if _decimal(stat["value"]) is None or not re.fullmatch(r"-?\d+(\.\d+)?", stat["value"]):
            problems.append(f"value {stat['value']!r} is not a plain decimal string")
        if stat["unit"] not in UNITS:
            problems.append(f"unit {stat['unit']!r}")
        if stat.get("qualifier") not in (None, *QUALIFIERS) or stat.get("change") not in (None, *CHANGES):
            problems.append(f"qualifier/change of {stat['value']}")
        if (stat["unit"] == "currency") != bool(stat.get("currency")):
            problems.append(f"{stat['value']}: currency must be an ISO code exactly when unit is currency")
        if stat.get("currency") and not re.fullmatch(r"[A-Z]{3}", stat["currency"]):
            problems.append(f"currency {stat['currency']!r}")
        if (stat["unit"] == "rate") != bool(stat.get("per")):
            problems.append(f"{stat['value']}: per must be given exactly when unit is rate")
        if "…" not in stat.get("text", "…"):
            need(stat["text"], "statistic text")
        need(stat.get("source"), "statistic source")
    values = [(Decimal(s["value"]), s["unit"]) for s in expected["statistics"]]
    if len(values) != len(set(values)):
        problems.append("the same value and unit is listed twice")
    for phrase in expected["dropped_contains"] + expected["body_contains"]:
        need(phrase, "phrase")
    for phrase in expected["body_excludes"]:
        # control characters (\r, BOM) are checked on the brief only; the rest must be in the source
        if any(ch.isalnum() for ch in phrase) and _norm(phrase) not in source_text:
            problems.append(f"excluded phrase {phrase!r} does not occur in {article.name}")
    assert not problems, "\n".join(problems)

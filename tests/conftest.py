"""Shared paths and helpers for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
QA_SEED = SEEDS / "000_147177cf72ded19c.txt"
NEWS_SEED = SEEDS / "002_59e2135276225d3c.txt"


@pytest.fixture(scope="session")
def qa_brief():
    import reportgen

    return reportgen.parse_file(QA_SEED)


@pytest.fixture(scope="session")
def news_brief():
    import reportgen

    return reportgen.parse_file(NEWS_SEED)


def pdf_text(path) -> str:
    """All the text of a PDF as pypdf extracts it, white space collapsed to single spaces."""
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


@pytest.fixture(scope="session")
def seed_pack(tmp_path_factory):
    """The default pack of the bundled seeds, built once with a fixed date."""
    from reportgen import build

    out = tmp_path_factory.mktemp("pack")
    result = build(out=out, date="2025-12-08")
    assert not result.errors
    return result.outputs[0].path

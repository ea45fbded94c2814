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

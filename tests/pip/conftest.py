"""PIP test fixtures (helpers live in pip_fixtures.py, so no test imports a conftest by name)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "advice"))

from pip_fixtures import bilingual_documents


@pytest.fixture(scope="module")
def bilingual_docs():
    return bilingual_documents()

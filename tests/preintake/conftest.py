"""Pre-intake test fixtures: an isolated store per test."""

from __future__ import annotations

import pytest


@pytest.fixture
def ui_store(tmp_path):
    return tmp_path / "pre.sqlite3"

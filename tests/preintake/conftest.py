"""Pre-intake test fixtures: an isolated store per test."""

from __future__ import annotations

import pytest


@pytest.fixture
def ui_store(tmp_path):
    return tmp_path / "pre.sqlite3"


@pytest.fixture
def store_path(tmp_path):
    """The same isolated store, by the name the engine-level tests use."""
    return tmp_path / "pre.sqlite3"

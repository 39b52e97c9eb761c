"""Shared fixtures: isolated data/config dirs, a fixed clock, small dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    """No test reads or writes the real user data or config dirs."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("INTAKE_STORE", raising=False)
    monkeypatch.delenv("INTAKE_CONFIG_DIR", raising=False)


@pytest.fixture
def mini_dialog():
    from assistant.dialog.loader import load_file

    return load_file(FIXTURES / "dialogs" / "mini.yaml")


@pytest.fixture
def store(tmp_path):
    from assistant.store.sqlite import Store

    s = Store(tmp_path / "store.sqlite3")
    yield s
    s.close()


@pytest.fixture
def today():
    return lambda: TODAY

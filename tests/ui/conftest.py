"""UI test fixtures: fixed clock, fixed ids, isolated store, no cursor blink."""

from __future__ import annotations

import itertools
import uuid
from datetime import date

import pytest

TODAY = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def deterministic(monkeypatch):
    """Same ids and timestamps on every run, so snapshots and assertions are stable."""
    counter = itertools.count(1)
    monkeypatch.setattr("assistant.store.sqlite.uuid.uuid4", lambda: uuid.UUID(int=next(counter) << 88))
    monkeypatch.setattr("assistant.store.sqlite.now_iso", lambda: "2026-03-02T10:00:00.000+00:00")
    monkeypatch.setattr("assistant.app.caseload.date", _FixedDate)


class _FixedDate(date):
    @classmethod
    def today(cls):
        return TODAY


@pytest.fixture
def make_app(tmp_path):
    from assistant.ui.app import IntakeApp

    def factory(dialog=None, lang="nl", settings=None):
        app = IntakeApp(tmp_path / "ui.sqlite3", lang, settings=settings, dialog=dialog, today=lambda: TODAY)
        app.CURSOR_BLINK = False
        return app

    return factory


@pytest.fixture
def ui_store(tmp_path):
    return tmp_path / "ui.sqlite3"

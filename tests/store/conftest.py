"""The store contract runs against both backends: SQLite (a file) and a real PostgreSQL."""

from __future__ import annotations

import contextlib

import pytest

from tests.store.pg_server import PgServer


@pytest.fixture(scope="session")
def pg_server():
    server = PgServer().start()  # fails (never skips) when PostgreSQL is missing: ./test installs it
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def location(request, tmp_path):
    """Where a fresh, empty store lives: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite3"
    return request.getfixturevalue("pg_server").new_database()


@pytest.fixture
def open_at(location):
    """Open (another connection to) the store under test; every store opened is closed afterwards."""
    from assistant.store import open_store

    opened = []

    def opener(**kw):
        store = open_store(location, person=lambda actor: f"p-{actor}", **kw)
        opened.append(store)
        return store

    yield opener
    for store in opened:
        with contextlib.suppress(Exception):  # already closed by the test
            store.close()

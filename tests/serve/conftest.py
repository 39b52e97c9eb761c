"""The served app on either store: the PostgreSQL server of the store tests is reused."""

from tests.store.conftest import pg_server  # noqa: F401 - a fixture, used by name

"""One connection to the team's PostgreSQL database, with a clear message when it is not there."""

from __future__ import annotations

import psycopg

from assistant.store.errors import StoreError
from assistant.store.location import describe_url


def connect(url: str) -> psycopg.Connection:
    try:
        return psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="intake-assistent")
    except psycopg.Error as exc:
        raise StoreError("unreachable", path=describe_url(url), reason=type(exc).__name__) from None

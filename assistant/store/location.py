"""Where a store is: a SQLite file, or a PostgreSQL database named by its URL.

A leaf of the store package (no backend is imported here), so that every
module can ask which backend a location means without importing it.
"""

from __future__ import annotations

from pathlib import Path

from assistant.base.paths import POSTGRES_SCHEMES


def is_postgres(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def describe_url(url: str) -> str:
    """Where a database is, for messages: host and database, never a password."""
    from psycopg import ProgrammingError
    from psycopg.conninfo import conninfo_to_dict

    try:
        info = conninfo_to_dict(url)
    except ProgrammingError:
        return "postgresql://?"
    return f"postgresql://{info.get('host') or 'localhost'}/{info.get('dbname') or ''}"


def display(location: str | Path) -> str:
    """The store's name for messages: a database URL without its password."""
    return describe_url(str(location)) if is_postgres(location) else str(location)

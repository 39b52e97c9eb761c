"""The session store: one contract (`assistant.store.contract`), one module per backend.

`open_store` picks the backend from the location: a ``postgresql://`` URL is
the shared PostgreSQL store of a team (`assistant.store.postgres`), anything
else a SQLite file (`assistant.store.sqlite`), the embedded default.
"""

from __future__ import annotations

from pathlib import Path

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(location: str | Path) -> bool:
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


def store_exists(location: str | Path) -> bool:
    """Whether there is a store to read: the file, or the tables in the database."""
    if is_postgres(location):
        from assistant.store.postgres_reads import has_store

        return has_store(str(location))
    return Path(location).exists()


def display(location: str | Path) -> str:
    """The store's name for messages: a database URL without its password."""
    if is_postgres(location):
        from assistant.store.postgres import describe_url

        return describe_url(str(location))
    return str(location)


def open_store(location: str | Path, *, readonly: bool = False, **kw):
    """The store at `location`; both backends fulfil `contract.SessionStore`."""
    if is_postgres(location):
        from assistant.store.postgres import PostgresStore

        return PostgresStore(str(location), readonly=readonly, **kw)
    from assistant.store.sqlite import Store

    return Store(location, readonly=readonly, **kw)

"""The session store: one contract (`assistant.store.contract`), one module per backend.

This package's functions are the only door to a backend: `open_store` picks
it from the location (a ``postgresql://`` URL is the shared PostgreSQL store
of a team, anything else a SQLite file, the embedded default); the backends
are imported only here, and only when needed. The read log is reached the same
way, by location, for commands that hold no open store.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.store.location import display, is_postgres

if TYPE_CHECKING:
    from assistant.store.contract import SessionStore

__all__ = ["display", "is_postgres", "memory_store", "open_store", "read_log", "record_read", "store_exists"]


def store_exists(location: str | Path) -> bool:
    """Whether there is a store to read: the file, or the tables in the database."""
    if is_postgres(location):
        from assistant.store.postgres_reads import has_store

        return has_store(str(location))
    return Path(location).exists()


def open_store(location: str | Path, *, readonly: bool = False, **kw: Any) -> SessionStore:
    """The store at `location`; both backends fulfil `contract.SessionStore`."""
    if is_postgres(location):
        from assistant.store.postgres import PostgresStore

        return PostgresStore(str(location), readonly=readonly, **kw)
    from assistant.store.sqlite import Store

    return Store(location, readonly=readonly, **kw)


def memory_store() -> SessionStore:
    """A store that lives only in this process and is never written anywhere (a replay that keeps nothing)."""
    from assistant.store.memory import MemoryStore

    return MemoryStore()


def record_read(location: str | Path, action: str, sid: str, *, actor: str = "consulent",
                status_ok: bool = True) -> dict[str, Any] | None:
    """One line in the read log of the store at `location`, without opening the store itself."""
    from assistant.store import readlog

    line = readlog.make_line(action, sid, actor=actor, status_ok=status_ok)
    if is_postgres(location):
        from assistant.store.postgres_reads import record_read as record_in_database

        record_in_database(str(location), sid, line)
    elif str(location) != ":memory:":
        readlog.append_to_file(Path(location), line)
    else:
        return None
    return line


def read_log(location: str | Path, sid: str | None = None) -> list[dict[str, Any]]:
    """Every line of the read log (for one session), oldest first."""
    if is_postgres(location):
        from assistant.store.postgres_reads import read_lines

        return read_lines(str(location), sid)
    from assistant.store import readlog

    return readlog.file_lines(Path(location), sid)

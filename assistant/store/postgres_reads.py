"""The PostgreSQL store's read log and existence check, one short connection each.

`assistant.store.readlog` writes a line for every open, show, export and erasure;
with a PostgreSQL store the line goes into ``intake_reads`` (created with the
other tables by `assistant.store.postgres`), so the team's reads are in one
place and survive an erased session, as the SQLite store's log file does.
"""

from __future__ import annotations

import json
from typing import Any, cast

import psycopg

from assistant.store.pg_connection import connect


def has_store(url: str) -> bool:
    """Whether the database holds a store yet (`intake list` on a new database says 'none yet')."""
    with connect(url) as db:
        (found,) = cast(tuple[Any, ...], db.execute("SELECT to_regclass('intake_meta') IS NOT NULL").fetchone())
    return bool(found)


def record_read(url: str, session_id: str, line: dict[str, Any]) -> None:
    with connect(url) as db:
        db.execute("INSERT INTO intake_reads (session_id, line) VALUES (%s, %s)",
                   (session_id, json.dumps(line, ensure_ascii=False)))


def read_lines(url: str, session_id: str | None = None) -> list[dict[str, Any]]:
    with connect(url) as db:
        return read_rows(db, session_id)


def read_rows(db: psycopg.Connection[Any], session_id: str | None = None) -> list[dict[str, Any]]:
    """The read log's lines on an open connection (for one session), oldest first."""
    if session_id is None:
        rows = db.execute("SELECT line FROM intake_reads ORDER BY n").fetchall()
    else:
        rows = db.execute("SELECT line FROM intake_reads WHERE session_id = %s ORDER BY n",
                          (session_id,)).fetchall()
    return [json.loads(r[0]) for r in rows]

"""The session store: an append-only event log in SQLite.

Why SQLite with WAL and ``synchronous=FULL``: every event is its own committed
transaction, so an answer that was acknowledged survives SIGKILL, a closed
terminal or a power cut, and readers (the home screen, `intake list`) never
block the writer. Current answers are never stored: they are a fold over the
events, which gives resume, audit trail and provenance from one table.

Only one process may write to a session at a time. That is enforced with an
``fcntl`` byte-range lock per session on one lock file beside the database:
the kernel releases it when the owning process dies, so a killed app never
leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    dialog_id TEXT NOT NULL,
    dialog_version TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    mode TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    dialog_version TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (session_id, seq)
);
"""


class StoreError(Exception):
    """A store problem the person can act on (`code` selects the message)."""

    def __init__(self, code: str, **details: Any) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


@dataclass(frozen=True)
class Event:
    seq: int
    at: str
    actor: str
    kind: str
    dialog_version: str
    data: dict


@dataclass(frozen=True)
class SessionRow:
    id: str
    n: int
    dialog_id: str
    dialog_version: str
    fingerprint: str
    mode: str
    created_at: str


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Store:
    """One SQLite file; safe to open from several processes at once."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        memory = str(path) == ":memory:"
        if not memory:
            # Personal data: the folder and the file are for this user only.
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        try:
            self._db = sqlite3.connect(str(path), timeout=10, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL" if not memory else "PRAGMA journal_mode=MEMORY")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        except sqlite3.DatabaseError as exc:
            raise StoreError("unreadable", path=str(path), reason=str(exc)) from None
        self._lock_path = None if memory else self.path.with_name(self.path.name + ".lock")
        self._lock_fd: int | None = None
        self._held: set[int] = set()

    def close(self) -> None:
        self._db.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases every lock this process holds here
            self._lock_fd = None

    # -- sessions -------------------------------------------------------------
    def create_session(self, dialog_id: str, version: str, fingerprint: str, mode: str) -> SessionRow:
        sid = uuid.uuid4().hex[:10]
        created = now_iso()
        with self._tx():
            cur = self._db.execute(
                "INSERT INTO sessions (id, dialog_id, dialog_version, fingerprint, mode, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?)", (sid, dialog_id, version, fingerprint, mode, created))
        return SessionRow(sid, cur.lastrowid, dialog_id, version, fingerprint, mode, created)

    def session(self, sid: str) -> SessionRow:
        row = self._db.execute(
            "SELECT id, n, dialog_id, dialog_version, fingerprint, mode, created_at"
            " FROM sessions WHERE id = ?", (sid,)).fetchone()
        if row is None:
            raise StoreError("no_session", session=sid)
        return SessionRow(*row)

    def sessions(self) -> list[SessionRow]:
        rows = self._db.execute(
            "SELECT id, n, dialog_id, dialog_version, fingerprint, mode, created_at"
            " FROM sessions ORDER BY n").fetchall()
        return [SessionRow(*r) for r in rows]

    # -- events ---------------------------------------------------------------
    def append(self, sid: str, actor: str, kind: str, version: str, data: dict) -> Event:
        """Commit one event durably; returns only after the commit succeeded."""
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        at = now_iso()
        with self._tx():
            (last,) = self._db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = ?", (sid,)).fetchone()
            self._db.execute(
                "INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sid, last + 1, at, actor, kind, version, payload))
        return Event(last + 1, at, actor, kind, version, data)

    def events(self, sid: str) -> Iterator[Event]:
        cur = self._db.execute(
            "SELECT seq, at, actor, kind, dialog_version, data FROM events"
            " WHERE session_id = ? ORDER BY seq", (sid,))
        for seq, at, actor, kind, version, data in cur:
            yield Event(seq, at, actor, kind, version, json.loads(data))

    # -- locking --------------------------------------------------------------
    def lock(self, row: SessionRow) -> None:
        """Claim a session for this process, or raise `StoreError('in_use')`."""
        if self._lock_path is None or row.n in self._held:
            return
        if self._lock_fd is None:
            self._lock_fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, row.n)
        except OSError:
            raise StoreError("in_use", session=row.id) from None
        self._held.add(row.n)

    def unlock(self, row: SessionRow) -> None:
        if self._lock_fd is not None and row.n in self._held:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_UN, 1, row.n)
            self._held.discard(row.n)

    def _tx(self):
        return _Transaction(self._db)


def _write_error_code(exc: sqlite3.DatabaseError) -> str:
    """SQLITE_FULL ('database or disk is full') gets its own message: the disk, not the app."""
    return "disk_full" if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" else "write_failed"


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error: never half-applied."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError("busy", reason=str(exc)) from None

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
            except sqlite3.DatabaseError as err:
                self._rollback()
                raise StoreError(_write_error_code(err), reason=str(err)) from None
        else:
            self._rollback()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(_write_error_code(exc), reason=str(exc)) from None
        return False

    def _rollback(self) -> None:
        # SQLite ends the transaction itself on some errors (SQLITE_FULL, for one);
        # a ROLLBACK then would raise and hide the real cause.
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

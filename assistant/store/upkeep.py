"""The store's upkeep: integrity check, erasure, compaction, activity dates.

A mixin of `Store` (same object, same connection), kept in its own module so
the store's core (schema, keys, append, read, locks) stays small. What it
uses of the store is `UpkeepHost`, the type of its methods' `self`. Used by
`intake verify`, `intake erase`, `intake retention` and the audit.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

import assistant.store.crypto as crypto
import assistant.store.readlog as readlog
from assistant.store.contract import SessionRow
from assistant.store.errors import StoreError


class UpkeepHost(Protocol):
    """What the upkeep uses of the SQLite store it belongs to (`sqlite.Store`)."""

    path: Path
    memory: bool
    _db: sqlite3.Connection
    _keys: crypto.Keys

    def session(self, sid: str) -> SessionRow: ...

    def lock(self, row: SessionRow, *, log_open: bool = True) -> None: ...

    def unlock(self, row: SessionRow) -> None: ...

    def compact(self: UpkeepHost) -> None: ...

    def _session_key(self, sid: str) -> bool: ...

    def _tx(self) -> AbstractContextManager[None]: ...


class Upkeep:
    """Methods that need the store's connection (`_db`), keys (`_keys`) and locks."""

    def last_activity(self: UpkeepHost, sid: str) -> str:
        """When the session last changed (its last event, else its creation), ISO time."""
        last: str | None
        (last,) = self._db.execute("SELECT MAX(at) FROM events WHERE session_id = ?", (sid,)).fetchone()
        return last or self.session(sid).created_at

    def event_heads(self: UpkeepHost, sid: str) -> list[tuple[int, str, str, str, str]]:
        """(seq, at, actor, person, kind) of every event, without opening a payload (the audit)."""
        heads: list[tuple[int, str, str, str, str]] = self._db.execute(
            "SELECT seq, at, actor, person, kind FROM events WHERE session_id = ? ORDER BY seq", (sid,)).fetchall()
        return heads

    def verify(self: UpkeepHost, sid: str) -> int | None:
        """The first event (seq) whose row was changed, removed or reordered outside the app.

        None when the chain holds and every payload opens; 0 when the session's
        own key or head was changed.
        """
        try:
            if not self._session_key(sid):
                return 0
        except StoreError:
            return 0
        head = ""
        expected = 1
        rows: list[tuple[int, str, str, str, str, str, str, str]] = self._db.execute(
            "SELECT seq, at, actor, person, kind, dialog_version, data, link FROM events"
            " WHERE session_id = ? ORDER BY seq", (sid,)).fetchall()
        for seq, at, actor, person, kind, version, data, link in rows:
            if seq != expected or link != self._keys.chain(head, (sid, seq, at, actor, person, kind, version, data)):
                return expected  # the first position that is missing or not as written
            try:
                self._keys.open(sid, seq, kind, data)
            except ValueError:
                return seq
            head, expected = link, expected + 1
        (stored_head,) = self._db.execute("SELECT head FROM sessions WHERE id = ?", (sid,)).fetchone()
        return None if stored_head == head else expected

    def record_read(self: UpkeepHost, action: str, sid: str, *, actor: str = "consulent",
                    status_ok: bool = True) -> dict[str, Any] | None:
        """One line in the read log file beside the store; nothing for an in-memory store."""
        if self.memory:
            return None
        line = readlog.make_line(action, sid, actor=actor, status_ok=status_ok)
        readlog.append_to_file(self.path, line)
        return line

    def reads(self: UpkeepHost, sid: str | None = None) -> list[dict[str, Any]]:
        return [] if self.memory else readlog.file_lines(self.path, sid)

    def erase(self: UpkeepHost, sid: str) -> None:
        """Remove a session, its events and its key for good (AVG art. 17).

        Refused with ``in_use`` while another process has it open. Afterwards
        the file is vacuumed and the write-ahead log emptied, so neither the
        ciphertext nor the session's key is left in a free page.
        """
        row = self.session(sid)
        self.lock(row, log_open=False)
        try:
            with self._tx():
                self._db.execute("DELETE FROM events WHERE session_id = ?", (sid,))
                self._db.execute("DELETE FROM sessions WHERE id = ?", (sid,))
        finally:
            self.unlock(row)
        self._keys.forget(sid)
        self.compact()

    def compact(self: UpkeepHost) -> None:
        """VACUUM and empty the WAL: nothing deleted survives in any file."""
        if self.memory:
            return
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


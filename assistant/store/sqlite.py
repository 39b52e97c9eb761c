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

Event payloads are encrypted (AES-GCM, one key per session, wrapped by a
master key outside the store: `assistant.store.crypto`), every row carries the
person who caused it, and a keyed hash chain links the rows of a session, so
a row changed outside the app is found by `verify`. Version 1 stores (plain
text) are migrated once when first opened (`assistant.store.migrate`).
"""

from __future__ import annotations

import fcntl
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, cast

import assistant.store.crypto as crypto
import assistant.store.sealed as sealed
from assistant.store.contract import Event, SessionRow, now_iso
from assistant.store.errors import StoreError
from assistant.store.upkeep import Upkeep

SCHEMA_VERSION = 2
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    dialog_id TEXT NOT NULL,
    dialog_version TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    mode TEXT NOT NULL,
    created_at TEXT NOT NULL,
    wrapped_key BLOB,
    head TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS events (
    session_id TEXT NOT NULL REFERENCES sessions(id),
    seq INTEGER NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    kind TEXT NOT NULL,
    dialog_version TEXT NOT NULL,
    data TEXT NOT NULL,
    person TEXT NOT NULL DEFAULT '',
    link TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, seq)
);
"""


class Store(Upkeep):
    """One SQLite file; safe to open from several processes at once.

    ``readonly=True`` (for `intake list` and `intake show`) never takes a write
    lock, so it neither waits behind a writer nor changes the file.
    """

    def __init__(self, path: Path | str, *, readonly: bool = False,
                 person: Callable[[str], str] | None = None) -> None:
        self.path = Path(path)
        self.memory = memory = str(path) == ":memory:"
        self.readonly = readonly and not memory
        if person is None:
            from assistant.base.identity import person_for

            person = person_for
        self._person: Callable[[str], str] = person
        if not memory:
            # Personal data: the folder and the file are for this user only.
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            if self.readonly and not self.path.exists():
                raise StoreError("no_store", path=str(path))
            if not self.path.exists():
                os.close(os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600))
        try:
            self._db = self._connect()
            if self.readonly and self._schema() != SCHEMA_VERSION:
                self._db.close()  # an old or new file: migrate once, then read
                self.readonly = False
                self._db = self._connect()
            if not self.readonly:
                self._prepare()
            self._keys = self._load_keys()
        except sqlite3.DatabaseError as exc:
            raise StoreError("unreadable", path=str(path), reason=str(exc)) from None
        except crypto.KeyProblem as exc:
            raise StoreError(exc.code, **{"path": str(path), **exc.details}) from None
        self._lock_path = None if memory else self.path.with_name(self.path.name + ".lock")
        self._lock_fd: int | None = None
        self._held: set[int] = set()

    def _connect(self) -> sqlite3.Connection:
        if self.memory:
            db = sqlite3.connect(":memory:", isolation_level=None)
            db.execute("PRAGMA journal_mode=MEMORY")
        elif self.readonly:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                 timeout=10, isolation_level=None)
        else:
            db = sqlite3.connect(str(self.path), timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("PRAGMA secure_delete=ON")  # freed pages are zeroed, not left readable
        db.execute("PRAGMA temp_store=MEMORY")  # VACUUM and sorts leave no temp files
        return db

    def _schema(self) -> int:
        try:
            row = self._db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.OperationalError:  # no meta table yet: an empty file
            return 0
        return int(row[0]) if row else 0

    def _prepare(self) -> None:
        version = self._schema()
        if version > SCHEMA_VERSION:
            raise StoreError("newer_store", path=str(self.path))
        if version == 0:
            self._db.executescript(_SCHEMA)
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (str(SCHEMA_VERSION),))
        if self._meta("kdf_salt") is None:
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('kdf_salt', ?)", (os.urandom(16).hex(),))

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _load_keys(self) -> crypto.Keys:
        if self.memory:  # replay and tests in memory: a key that lives as long as the store
            return crypto.Keys(os.urandom(32))
        master, _source = crypto.load_or_create_master(bytes.fromhex(self._meta("kdf_salt") or ""))
        check = crypto.key_check(master)
        stored = self._meta("key_check")
        if stored is None and not self.readonly:
            self._db.execute("INSERT OR IGNORE INTO meta VALUES ('key_check', ?)", (check,))
        elif stored is not None and stored != check:
            raise crypto.KeyProblem("wrong_key")
        keys = crypto.Keys(master)
        if self._schema() == 1:
            from assistant.store.migrate import Damaged, migrate_v1

            try:
                migrate_v1(self._db, self._tx, keys)
                self.compact()
            except Damaged as exc:
                raise StoreError("damaged", session=exc.session, seq=exc.seq) from None
        return keys

    def close(self) -> None:
        self._db.close()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases every lock this process holds here
            self._lock_fd = None

    # -- sessions -------------------------------------------------------------
    def create_session(self, dialog_id: str, version: str, fingerprint: str, mode: str) -> SessionRow:
        sid = uuid.uuid4().hex[:10]
        created = now_iso()
        wrapped = self._keys.new_session_key(sid)
        with self._tx():
            cur = self._db.execute(
                "INSERT INTO sessions (id, dialog_id, dialog_version, fingerprint, mode, created_at, wrapped_key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)", (sid, dialog_id, version, fingerprint, mode, created, wrapped))
        n = cast(int, cur.lastrowid)  # set by the INSERT
        return SessionRow(sid, n, dialog_id, version, fingerprint, mode, created)

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

    def _session_key(self, sid: str) -> bool:
        """Make the session's data key usable; False when there is no such session."""
        if self._keys.has(sid):
            return True
        row = self._db.execute("SELECT wrapped_key FROM sessions WHERE id = ?", (sid,)).fetchone()
        return row is not None and sealed.load_key(self._keys, sid, row[0])

    # -- events ---------------------------------------------------------------
    def append(self, sid: str, actor: str, kind: str, version: str, data: dict[str, Any],
               person: str | None = None) -> Event:
        """Commit one event durably; returns only after the commit succeeded."""
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        at = now_iso()
        who = person if person is not None else self._person(actor)
        if not self._session_key(sid):
            raise StoreError("write_failed", reason="no such session")
        with self._tx():
            (last,) = self._db.execute(
                "SELECT COALESCE(MAX(seq), 0) FROM events WHERE session_id = ?", (sid,)).fetchone()
            (head,) = self._db.execute("SELECT head FROM sessions WHERE id = ?", (sid,)).fetchone()
            sealed = self._keys.seal(sid, last + 1, kind, payload)
            link = self._keys.chain(head, (sid, last + 1, at, actor, who, kind, version, sealed))
            self._db.execute(
                "INSERT INTO events (session_id, seq, at, actor, kind, dialog_version, data, person, link)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", (sid, last + 1, at, actor, kind, version, sealed, who, link))
            self._db.execute("UPDATE sessions SET head = ? WHERE id = ?", (link, sid))
        return Event(last + 1, at, actor, kind, version, data, who)

    def events(self, sid: str) -> Iterator[Event]:
        """The session's events in order; a row that does not open raises `StoreError('damaged')`."""
        if not self._session_key(sid):
            return
        cur = self._db.execute(
            "SELECT seq, at, actor, kind, dialog_version, data, person FROM events"
            " WHERE session_id = ? ORDER BY seq", (sid,))
        for seq, at, actor, kind, version, data, person in cur.fetchall():
            yield Event(seq, at, actor, kind, version, sealed.open_payload(self._keys, sid, seq, kind, data), person)

    # -- locking --------------------------------------------------------------
    def lock(self, row: SessionRow, *, log_open: bool = True) -> None:
        """Claim a session for this process, or raise `StoreError('in_use')`.

        Claiming is opening a session to work on it: that read is logged
        (`assistant.store.readlog`), except for erasure, which logs itself.
        """
        if self._lock_path is None or row.n in self._held:
            return
        if self._lock_fd is None:
            self._lock_fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, row.n)
        except OSError:
            raise StoreError("in_use", session=row.id) from None
        self._held.add(row.n)
        if log_open:
            self.record_read("open", row.id)

    def unlock(self, row: SessionRow) -> None:
        if self._lock_fd is not None and row.n in self._held:
            fcntl.lockf(self._lock_fd, fcntl.LOCK_UN, 1, row.n)
            self._held.discard(row.n)

    def _tx(self) -> _Transaction:
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

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> Literal[False]:
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

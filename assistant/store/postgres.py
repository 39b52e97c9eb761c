"""The session store in PostgreSQL: the same event log, shared by a team.

Selected with ``--store postgresql://…`` or ``INTAKE_STORE``; it keeps every
promise of the SQLite store (`assistant.store.contract`), in PostgreSQL's terms:

- One table of events with a per-session sequence and the primary key
  (session_id, seq). An append runs in one transaction that first locks the
  session's row (``SELECT … FOR UPDATE``): two writers never get one number,
  and the unique key is the backstop. It commits with PostgreSQL's default
  ``synchronous_commit = on``, so an acknowledged answer is on disk.
- The per-session writer lock is an advisory lock held by this connection:
  PostgreSQL releases it when the connection ends, also when the process is
  killed, just like the file lock of the SQLite store.
- Payloads are encrypted exactly as in SQLite (`assistant.store.crypto`): the
  master key stays outside the database (a key file or a passphrase on the
  application server); only wrapped session keys and ciphertext are stored.
- The read log (`assistant.store.readlog`) goes into the table ``intake_reads``,
  so that the whole team's reads are in one place (`postgres_reads`).
"""

from __future__ import annotations

import contextlib
import json
import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Literal, cast

import psycopg

import assistant.store.crypto as crypto
import assistant.store.readlog as readlog
import assistant.store.sealed as sealed
from assistant.store.contract import Event, SessionRow, now_iso
from assistant.store.errors import StoreError
from assistant.store.location import describe_url
from assistant.store.pg_connection import connect
from assistant.store.postgres_reads import read_rows
from assistant.store.sqlite import SCHEMA_VERSION

_LOCK_SPACE = 0x1A7A  # the first key of every advisory lock this app takes
_SCHEMA = """
CREATE TABLE IF NOT EXISTS intake_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS intake_sessions (
    n integer GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    dialog_id text NOT NULL,
    dialog_version text NOT NULL,
    fingerprint text NOT NULL,
    mode text NOT NULL,
    created_at text NOT NULL,
    wrapped_key bytea,
    head text NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS intake_events (
    session_id text NOT NULL REFERENCES intake_sessions(id),
    seq integer NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    kind text NOT NULL,
    dialog_version text NOT NULL,
    data text NOT NULL,
    person text NOT NULL DEFAULT '',
    link text NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, seq)
);
CREATE TABLE IF NOT EXISTS intake_reads (
    n bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    session_id text NOT NULL,
    line text NOT NULL
);
CREATE INDEX IF NOT EXISTS intake_reads_session ON intake_reads (session_id);
"""
_ROW = "id, n, dialog_id, dialog_version, fingerprint, mode, created_at"


class PostgresStore:
    """One connection to a shared database; safe with many processes and machines at once."""

    def __init__(self, url: str, *, readonly: bool = False, person: Callable[[str], str] | None = None) -> None:
        self.url, self.readonly = url, readonly
        self.path = describe_url(url)  # what messages and the read log name
        if person is None:
            from assistant.base.identity import person_for

            person = person_for
        self._person: Callable[[str], str] = person
        self._db = connect(url)
        self._held: set[int] = set()
        try:
            if not readonly:
                self._prepare()
            elif self._meta("schema") is None:
                raise StoreError("no_store", path=self.path)
            self._keys = self._load_keys()
        except crypto.KeyProblem as exc:
            self._db.close()
            raise StoreError(exc.code, **{"path": self.path, **exc.details}) from None
        except psycopg.Error as exc:
            self._db.close()
            raise StoreError("unreadable", path=self.path, reason=type(exc).__name__) from None
        except StoreError:
            self._db.close()
            raise

    def _prepare(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s, 0)", (_LOCK_SPACE,))  # one creator at a time
            self._db.execute(_SCHEMA)
            version = int(self._meta("schema") or 0)
            if version > SCHEMA_VERSION:
                raise StoreError("newer_store", path=self.path)
            self._db.execute("INSERT INTO intake_meta VALUES ('schema', %s) ON CONFLICT DO NOTHING",
                             (str(SCHEMA_VERSION),))
            self._db.execute("INSERT INTO intake_meta VALUES ('kdf_salt', %s) ON CONFLICT DO NOTHING",
                             (os.urandom(16).hex(),))

    def _meta(self, key: str) -> str | None:
        try:
            row = self._db.execute("SELECT value FROM intake_meta WHERE key = %s", (key,)).fetchone()
        except psycopg.errors.UndefinedTable:
            return None
        return row[0] if row else None

    def _load_keys(self) -> crypto.Keys:
        master, _source = crypto.load_or_create_master(bytes.fromhex(self._meta("kdf_salt") or ""))
        check = crypto.key_check(master)
        if not self.readonly:
            self._db.execute("INSERT INTO intake_meta VALUES ('key_check', %s) ON CONFLICT DO NOTHING", (check,))
        stored = self._meta("key_check")
        if stored is not None and stored != check:
            raise crypto.KeyProblem("wrong_key")
        return crypto.Keys(master)

    def close(self) -> None:
        self._db.close()  # ends the connection, and with it every advisory lock it held
        self._held.clear()

    # -- sessions -------------------------------------------------------------
    def create_session(self, dialog_id: str, version: str, fingerprint: str, mode: str) -> SessionRow:
        sid = uuid.uuid4().hex[:10]
        created = now_iso()
        wrapped = self._keys.new_session_key(sid)
        with self._write():
            (n,) = _one(self._db.execute(
                "INSERT INTO intake_sessions (id, dialog_id, dialog_version, fingerprint, mode, created_at,"
                " wrapped_key) VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING n",
                (sid, dialog_id, version, fingerprint, mode, created, wrapped)))
        return SessionRow(sid, n, dialog_id, version, fingerprint, mode, created)

    def session(self, sid: str) -> SessionRow:
        row = self._db.execute(f"SELECT {_ROW} FROM intake_sessions WHERE id = %s",  # noqa: S608 (_ROW: fixed columns)
                               (sid,)).fetchone()
        if row is None:
            raise StoreError("no_session", session=sid)
        return SessionRow(*row)

    def sessions(self) -> list[SessionRow]:
        query = f"SELECT {_ROW} FROM intake_sessions ORDER BY n"  # noqa: S608 (_ROW: fixed columns)
        return [SessionRow(*r) for r in self._db.execute(query)]

    def last_activity(self, sid: str) -> str:
        last: str | None
        (last,) = _one(self._db.execute("SELECT MAX(at) FROM intake_events WHERE session_id = %s", (sid,)))
        return last or self.session(sid).created_at

    def _session_key(self, sid: str) -> bool:
        if self._keys.has(sid):
            return True
        row = self._db.execute("SELECT wrapped_key FROM intake_sessions WHERE id = %s", (sid,)).fetchone()
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
        with self._write():
            (head,) = _one(self._db.execute("SELECT head FROM intake_sessions WHERE id = %s FOR UPDATE",
                                            (sid,)))
            (last,) = _one(self._db.execute("SELECT COALESCE(MAX(seq), 0) FROM intake_events WHERE session_id = %s",
                                            (sid,)))
            seq = last + 1
            sealed = self._keys.seal(sid, seq, kind, payload)
            link = self._keys.chain(head, (sid, seq, at, actor, who, kind, version, sealed))
            self._db.execute(
                "INSERT INTO intake_events (session_id, seq, at, actor, kind, dialog_version, data, person, link)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", (sid, seq, at, actor, kind, version, sealed, who, link))
            self._db.execute("UPDATE intake_sessions SET head = %s WHERE id = %s", (link, sid))
        return Event(seq, at, actor, kind, version, data, who)

    def events(self, sid: str) -> Iterator[Event]:
        """The session's events in order; a row that does not open raises `StoreError('damaged')`."""
        if not self._session_key(sid):
            return
        rows = self._db.execute("SELECT seq, at, actor, kind, dialog_version, data, person FROM intake_events"
                                " WHERE session_id = %s ORDER BY seq", (sid,)).fetchall()
        for seq, at, actor, kind, version, data, person in rows:
            yield Event(seq, at, actor, kind, version, sealed.open_payload(self._keys, sid, seq, kind, data), person)

    def event_heads(self, sid: str) -> list[tuple[int, str, str, str, str]]:
        return self._db.execute("SELECT seq, at, actor, person, kind FROM intake_events WHERE session_id = %s"
                                " ORDER BY seq", (sid,)).fetchall()

    def verify(self, sid: str) -> int | None:
        """The first event (seq) changed, removed or reordered outside the app; None when intact."""
        try:
            if not self._session_key(sid):
                return 0
        except StoreError:
            return 0
        head, expected = "", 1
        rows: list[tuple[int, str, str, str, str, str, str, str]] = self._db.execute(
            "SELECT seq, at, actor, person, kind, dialog_version, data, link FROM intake_events"
            " WHERE session_id = %s ORDER BY seq", (sid,)).fetchall()
        for seq, at, actor, person, kind, version, data, link in rows:
            if seq != expected or link != self._keys.chain(head, (sid, seq, at, actor, person, kind, version, data)):
                return expected
            try:
                self._keys.open(sid, seq, kind, data)
            except ValueError:
                return seq
            head, expected = link, expected + 1
        (stored,) = _one(self._db.execute("SELECT head FROM intake_sessions WHERE id = %s", (sid,)))
        return None if stored == head else expected

    def erase(self, sid: str) -> None:
        """Remove a session, its events and its wrapped key (AVG art. 17); refused while it is open."""
        row = self.session(sid)
        self.lock(row, log_open=False)
        try:
            with self._write():
                self._db.execute("DELETE FROM intake_events WHERE session_id = %s", (sid,))
                self._db.execute("DELETE FROM intake_sessions WHERE id = %s", (sid,))
        finally:
            self.unlock(row)
        self._keys.forget(sid)
        self.compact()

    def compact(self) -> None:
        """VACUUM the two tables, so deleted rows leave the data pages soon (backups: docs/deploy.md)."""
        with contextlib.suppress(psycopg.Error):  # not the owner of the tables: autovacuum will do it
            self._db.execute("VACUUM intake_events, intake_sessions")

    # -- locking --------------------------------------------------------------
    def lock(self, row: SessionRow, *, log_open: bool = True) -> None:
        """Claim a session for this connection, or raise `StoreError('in_use')`."""
        if row.n in self._held:
            return
        (got,) = _one(self._db.execute("SELECT pg_try_advisory_lock(%s, %s)", (_LOCK_SPACE, row.n)))
        if not got:
            raise StoreError("in_use", session=row.id)
        self._held.add(row.n)
        if log_open:
            self.record_read("open", row.id)

    def record_read(self, action: str, sid: str, *, actor: str = "consulent", status_ok: bool = True) -> dict[str, Any]:
        """One line in the team's read log (``intake_reads``), on this store's connection."""
        line = readlog.make_line(action, sid, actor=actor, status_ok=status_ok)
        self._db.execute("INSERT INTO intake_reads (session_id, line) VALUES (%s, %s)",
                         (sid, json.dumps(line, ensure_ascii=False)))
        return line

    def reads(self, sid: str | None = None) -> list[dict[str, Any]]:
        return read_rows(self._db, sid)

    def unlock(self, row: SessionRow) -> None:
        if row.n in self._held:
            self._db.execute("SELECT pg_advisory_unlock(%s, %s)", (_LOCK_SPACE, row.n))
            self._held.discard(row.n)

    def _write(self) -> _Transaction:
        return _Transaction(self._db)


def _one(cursor: psycopg.Cursor[Any]) -> tuple[Any, ...]:
    """The row of a query that always has one (an aggregate, RETURNING, a session's own row)."""
    return cast(tuple[Any, ...], cursor.fetchone())


class _Transaction:
    """One transaction; any database error rolls it back and becomes a StoreError."""

    def __init__(self, db: psycopg.Connection[Any]) -> None:
        self.db: psycopg.Connection[Any] = db
        self.tx: AbstractContextManager[psycopg.Transaction] | None = None

    def __enter__(self) -> None:
        try:
            self.tx = self.db.transaction()
            self.tx.__enter__()
        except psycopg.Error as exc:
            raise StoreError("write_failed", reason=type(exc).__name__) from None

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> Literal[False]:
        try:
            cast(AbstractContextManager[psycopg.Transaction], self.tx).__exit__(exc_type, exc, tb)
        except psycopg.Error as err:
            code = "disk_full" if isinstance(err, psycopg.errors.DiskFull) else "write_failed"
            raise StoreError(code, reason=type(err).__name__) from None
        if isinstance(exc, psycopg.Error):
            code = "disk_full" if isinstance(exc, psycopg.errors.DiskFull) else "write_failed"
            raise StoreError(code, reason=type(exc).__name__) from None
        return False

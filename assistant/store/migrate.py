"""From a version 1 store (plain-text payloads) to version 2, once and all or nothing.

Version 1 kept every event payload as plain JSON. On first open the new code
adds the key, person and chain columns, gives every session its data key,
encrypts every payload in place and links the rows, all in one transaction:
a crash halfway leaves the old store as it was, and the next start tries
again. Then the file is vacuumed and the WAL emptied, so the plain text does
not linger in free pages. Nothing is dropped: the test compares every event
before and after.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import AbstractContextManager

from assistant.store.crypto import Keys

_COLUMNS = (
    "ALTER TABLE sessions ADD COLUMN wrapped_key BLOB",
    "ALTER TABLE sessions ADD COLUMN head TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN person TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN link TEXT NOT NULL DEFAULT ''",
)


class Damaged(Exception):
    """A version 1 row that is not JSON: the migration stops, nothing is changed."""

    def __init__(self, session: str, seq: int) -> None:
        super().__init__(f"{session}:{seq}")
        self.session, self.seq = session, seq


def migrate_v1(db: sqlite3.Connection, transaction: Callable[[], AbstractContextManager[None]], keys: Keys) -> None:
    """Migrate in one `transaction`; the caller compacts the file afterwards."""
    with transaction():
        (version,) = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        if version != "1":  # another process migrated it meanwhile
            return
        for statement in _COLUMNS:
            db.execute(statement)
        for (sid,) in db.execute("SELECT id FROM sessions ORDER BY n").fetchall():
            db.execute("UPDATE sessions SET wrapped_key = ? WHERE id = ?", (keys.new_session_key(sid), sid))
            head = ""
            rows = db.execute("SELECT seq, at, actor, kind, dialog_version, data FROM events"
                              " WHERE session_id = ? ORDER BY seq", (sid,)).fetchall()
            for seq, at, actor, kind, version_, data in rows:
                try:
                    json.loads(data)  # a row that is not JSON stops the migration: nothing half-done
                except ValueError:
                    raise Damaged(sid, seq) from None
                person = actor if actor in ("inburgeraar",) else ("import" if actor == "duo" else "")
                sealed = keys.seal(sid, seq, kind, data)
                head = keys.chain(head, (sid, seq, at, actor, person, kind, version_, sealed))
                db.execute("UPDATE events SET data = ?, person = ?, link = ? WHERE session_id = ? AND seq = ?",
                           (sealed, person, head, sid, seq))
            db.execute("UPDATE sessions SET head = ? WHERE id = ?", (head, sid))
        db.execute("UPDATE meta SET value = '2' WHERE key = 'schema'")

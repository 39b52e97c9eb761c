"""A store as version 1 of the code wrote it (schema and append copied from commit 2caf343).

Kept as a fixture so the migration is tested on the real old format, not on
what the new code thinks the old format was.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

SCHEMA_V1 = """
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


def make_v1_store(path: Path, sessions: dict[str, list[tuple[str, str, dict]]], mode: int = 0o644) -> None:
    """sessions: id -> [(actor, kind, data)], written exactly as version 1 did."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, mode))
    path.chmod(mode)
    db = sqlite3.connect(str(path), isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA_V1)
    db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", ("1",))
    for n, (sid, events) in enumerate(sessions.items()):
        db.execute("INSERT INTO sessions (id, dialog_id, dialog_version, fingerprint, mode, created_at)"
                   " VALUES (?, 'inburgering', '1', 'fp', 'joint', ?)", (sid, f"2026-01-0{n + 1}T10:00:00.000+00:00"))
        for seq, (actor, kind, data) in enumerate(events, start=1):
            db.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (sid, seq, f"2026-01-0{n + 1}T10:00:{seq:02d}.000+00:00", actor, kind, "1",
                        json.dumps(data, ensure_ascii=False, sort_keys=True)))
    db.close()

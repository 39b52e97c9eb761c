"""The training store: practice sessions and scores in their own file, beside the real one.

Why a separate file rather than a flag in the real store: the caseload, the
deadline overview and every export read the real store, so a practice session
can never appear there by mistake. The file uses the same session schema
(`assistant.store.sqlite.Store`) plus one table of scored attempts.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.base import paths
from assistant.store.contract import now_iso
from assistant.store.errors import StoreError
from assistant.store.location import is_postgres
from assistant.store.sqlite import Store

SUFFIX = "-oefening"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS training_scores (
    n INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    trainee TEXT NOT NULL,
    case_id TEXT NOT NULL,
    score INTEGER NOT NULL,
    mistakes TEXT NOT NULL,
    result TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS training_sessions (
    session_id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL,
    started TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0
);
"""


def training_store_path(real_store: Path | str) -> Path:
    """`sessions.sqlite3` -> `sessions-oefening.sqlite3` in the same folder.

    A team's PostgreSQL store holds real cases only: practice stays in the
    trainee's own SQLite file beside the default store.
    """
    if is_postgres(real_store):
        real_store = paths.data_dir() / "sessions.sqlite3"
    real_store = Path(real_store)
    if real_store.stem.endswith(SUFFIX):
        return real_store
    return real_store.with_name(real_store.stem + SUFFIX + real_store.suffix)


def is_training_store(path: Path) -> bool:
    return Path(path).stem.endswith(SUFFIX)


@dataclass(frozen=True)
class ScoreRow:
    at: str
    trainee: str
    case_id: str
    score: int
    mistakes: tuple[str, ...]


def _connect(path: Path) -> sqlite3.Connection:
    Store(path).close()  # creates the file (mode 0600) and the session schema
    try:
        db = sqlite3.connect(str(path), timeout=10, isolation_level=None)
        db.execute("PRAGMA synchronous=FULL")
        db.executescript(_SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise StoreError("unreadable", path=str(path), reason=str(exc)) from None
    return db


def save_score(path: Path, trainee: str, result: dict[str, Any]) -> None:
    """One scored attempt, committed before the feedback is shown."""
    db = _connect(path)
    try:
        db.execute("INSERT INTO training_scores (at, trainee, case_id, score, mistakes, result)"
                   " VALUES (?, ?, ?, ?, ?, ?)",
                   (now_iso(), trainee, result["case"], result["score"], json.dumps(result["mistakes"]),
                    json.dumps(result, ensure_ascii=False, default=str)))
    finally:
        db.close()


def scores(path: Path) -> list[ScoreRow]:
    if not Path(path).exists():
        return []
    db = _connect(path)
    try:
        rows = db.execute("SELECT at, trainee, case_id, score, mistakes FROM training_scores ORDER BY n").fetchall()
    finally:
        db.close()
    return [ScoreRow(at, trainee, case_id, score, tuple(json.loads(m))) for at, trainee, case_id, score, m in rows]


def default_trainee() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in the environment or passwd
        return os.environ.get("USER") or "onbekend"


def link_session(path: Path, session_id: str, case_id: str, started: str) -> None:
    """Which case a practice session of the full-screen app belongs to (to resume it later)."""
    db = _connect(path)
    try:
        db.execute("INSERT OR REPLACE INTO training_sessions (session_id, case_id, started) VALUES (?, ?, ?)",
                   (session_id, case_id, started))
    finally:
        db.close()


def mark_done(path: Path, session_id: str) -> None:
    db = _connect(path)
    try:
        db.execute("UPDATE training_sessions SET done = 1 WHERE session_id = ?", (session_id,))
    finally:
        db.close()


def open_practice(path: Path) -> dict[str, tuple[str, str]]:
    """Per case id the newest unfinished practice session: (session id, start time)."""
    if not Path(path).exists():
        return {}
    db = _connect(path)
    try:
        rows = db.execute("SELECT case_id, session_id, started FROM training_sessions WHERE done = 0 "
                          "ORDER BY started").fetchall()
    finally:
        db.close()
    return {case_id: (sid, started) for case_id, sid, started in rows}

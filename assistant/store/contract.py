"""What every session store does, whatever keeps the data (SQLite or PostgreSQL).

The engine, the commands and the app speak only this contract; `open_store`
(`assistant.store`) picks the backend. The contract test suite
(tests/store/test_store_contract.py) runs the same tests against both.

The promises behind the methods:
- `append` returns only after the event is durable, in one transaction, with
  the next sequence number of that session (no gaps, no two events with one
  number, also with several writers).
- `lock` claims a session for one writer at a time; the claim ends when the
  process (or its database connection) dies, never leaving a stale lock.
- payloads are encrypted with the session's key; the master key never enters
  the store (`assistant.store.crypto`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol, runtime_checkable


@dataclass(frozen=True)
class Event:
    seq: int
    at: str
    actor: str
    kind: str
    dialog_version: str
    data: dict[str, Any]
    person: str = ""     # who: the consulent's account, "inburgeraar" or "import"


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
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@runtime_checkable
class SessionStore(Protocol):
    readonly: bool

    def create_session(self, dialog_id: str, version: str, fingerprint: str, mode: str) -> SessionRow: ...

    def session(self, sid: str) -> SessionRow: ...

    def sessions(self) -> list[SessionRow]: ...

    def last_activity(self, sid: str) -> str: ...

    def append(self, sid: str, actor: str, kind: str, version: str, data: dict[str, Any],
               person: str | None = None) -> Event: ...

    def events(self, sid: str) -> Iterator[Event]: ...

    def event_heads(self, sid: str) -> list[tuple[int, str, str, str, str]]: ...

    def verify(self, sid: str) -> int | None: ...

    def erase(self, sid: str) -> None: ...

    def lock(self, row: SessionRow, *, log_open: bool = True) -> None: ...

    def unlock(self, row: SessionRow) -> None: ...

    def record_read(self, action: str, sid: str, *, actor: str = "consulent",
                    status_ok: bool = True) -> dict[str, Any] | None:
        """One line in the read log (who read or changed which session, when, why)."""
        ...

    def reads(self, sid: str | None = None) -> list[dict[str, Any]]:
        """The read log's lines (for one session), oldest first."""
        ...

    def close(self) -> None: ...

"""An event log that lives only in this process: for a replay that stores nothing.

`intake replay` without `--save` runs a case through the same engine as the
chat, but nothing may be kept. An in-memory SQLite database did that too, at
about half of the replay's time (a schema per case, four statements per
event). This keeps the whole store contract (`contract.SessionStore`), with
the same events (each data dict round-tripped through JSON, as the database
would), in a plain list. Anything that must survive uses `sqlite.Store`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

from assistant.store.contract import Event, SessionRow, now_iso
from assistant.store.errors import StoreError


class MemoryStore:
    """Sessions and events in lists; never written anywhere."""

    def __init__(self) -> None:
        self.readonly = False
        self._sessions: dict[str, SessionRow] = {}
        self._events: dict[str, list[Event]] = {}
        self._ms, self._stamp = -1, ""

    def close(self) -> None:
        self._sessions.clear()
        self._events.clear()

    def create_session(self, dialog_id: str, version: str, fingerprint: str, mode: str) -> SessionRow:
        row = SessionRow(uuid.uuid4().hex[:10], len(self._sessions) + 1, dialog_id, version,
                         fingerprint, mode, now_iso())
        self._sessions[row.id] = row
        self._events[row.id] = []
        return row

    def session(self, sid: str) -> SessionRow:
        if sid not in self._sessions:
            raise StoreError("no_session", session=sid)
        return self._sessions[sid]

    def sessions(self) -> list[SessionRow]:
        return list(self._sessions.values())

    def last_activity(self, sid: str) -> str:
        log = self._events.get(sid)
        return log[-1].at if log else self.session(sid).created_at

    def append(self, sid: str, actor: str, kind: str, version: str, data: dict[str, Any],
               person: str | None = None) -> Event:
        log = self._events[sid]
        # Same data as a stored event would give back: JSON types only, a copy the caller cannot change.
        event = _event(len(log) + 1, self._now(), actor, kind, version, _json_copy(data), person or "")
        log.append(event)
        return event

    def _now(self) -> str:
        """`now_iso()`, formatted once per millisecond (a replay writes many events per ms)."""
        ms = time.time_ns() // 1_000_000
        if ms != self._ms:
            self._ms, self._stamp = ms, now_iso()
        return self._stamp

    def events(self, sid: str) -> Iterator[Event]:
        return iter(list(self._events.get(sid, ())))

    def event_heads(self, sid: str) -> list[tuple[int, str, str, str, str]]:
        return [(e.seq, e.at, e.actor, e.person, e.kind) for e in self._events.get(sid, ())]

    def verify(self, sid: str) -> int | None:
        """Nothing outside this process can change a list: intact, if the session is there (else 0)."""
        return None if sid in self._sessions else 0

    def erase(self, sid: str) -> None:
        self.session(sid)
        del self._sessions[sid], self._events[sid]

    def lock(self, row: SessionRow, *, log_open: bool = True) -> None:
        """One process, no other writer: nothing to claim."""

    def record_read(self, action: str, sid: str, *, actor: str = "consulent",
                    status_ok: bool = True) -> dict[str, Any] | None:
        return None  # nothing of a replay in memory is kept, its reads neither

    def reads(self, sid: str | None = None) -> list[dict[str, Any]]:
        return []

    def unlock(self, row: SessionRow) -> None:
        """Nothing was claimed."""


_SCALARS = (str, int, float, bool, type(None))
_EXACT = frozenset(_SCALARS)
_EVENT_FIELDS = ("seq", "at", "actor", "kind", "dialog_version", "data", "person")


def _event(seq: int, at: str, actor: str, kind: str, version: str, data: dict[str, Any], person: str = "") -> Event:
    """``Event(seq, at, actor, kind, version, data, person)`` without the frozen `__init__`'s
    `object.__setattr__` per field (tests/engine/test_replay_unit.py keeps the two equal)."""
    event = object.__new__(Event)
    object.__setattr__(event, "__dict__", {"seq": seq, "at": at, "actor": actor, "kind": kind,
                                           "dialog_version": version, "data": data, "person": person})
    return event


def _json_copy(value: Any) -> Any:
    """A deep copy as JSON would give it back (tuples become lists); refuses what JSON cannot hold.

    The same result as ``json.loads(json.dumps(value))`` for event data, at a
    fraction of the cost (this runs once per event of every replayed case).
    """
    if type(value) in _EXACT:
        return value
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            if type(k) is not str:  # stricter than json.dumps, which would turn 1 into "1"
                raise TypeError("event data keys must be strings")
            out[k] = v if type(v) in _EXACT else _json_copy(v)
        return out
    if isinstance(value, _SCALARS):  # a subclass, such as a str enum
        return value
    if isinstance(value, (list, tuple)):
        return [v if type(v) in _EXACT else _json_copy(v) for v in value]
    raise TypeError(f"{type(value).__name__} cannot be stored in an event")

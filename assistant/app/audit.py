"""Who did what (`intake audit`) and whether anything was changed outside the app (`intake verify`)."""

from __future__ import annotations

from typing import Any

from assistant.base.paths import Location
from assistant.store import open_store, read_log, store_exists
from assistant.store.errors import StoreError


def audit_trail(location: Location, sid: str) -> dict[str, Any]:
    """Every event of a session (who, when, what: never the answer) and every logged read."""
    if not store_exists(location):
        raise StoreError("no_session", session=sid)
    store = open_store(location, readonly=True)
    try:
        store.session(sid)
        rows = store.event_heads(sid)
    finally:
        store.close()
    events = [{"seq": seq, "at": at, "actor": actor, "person": person, "kind": kind}
              for seq, at, actor, person, kind in rows]
    return {"session": sid, "events": events, "reads": read_log(location, sid)}


def changed_sessions(location: Location) -> tuple[int, list[tuple[str, int]]]:
    """(sessions checked, [(session id, first step changed)]); (0, []) when there is no store yet."""
    if not store_exists(location):
        return 0, []
    store = open_store(location, readonly=True)
    try:
        rows = store.sessions()
        found = [(row.id, store.verify(row.id)) for row in rows]
    finally:
        store.close()
    return len(rows), [(sid, seq) for sid, seq in found if seq is not None]

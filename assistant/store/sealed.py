"""Opening what a store keeps sealed: a session's data key and an event's payload.

Both backends (SQLite, PostgreSQL) store the same sealed forms and differ only
in their SQL; what a wrapped key or a sealed payload means, and which failure
makes a session "damaged", is decided here once.
"""

from __future__ import annotations

import json
from typing import Any

import assistant.store.crypto as crypto
from assistant.store.errors import StoreError


def load_key(keys: crypto.Keys, sid: str, wrapped: bytes | memoryview | None) -> bool:
    """Make the session's data key usable from its stored, wrapped form.

    False when there is no such key (no such session, or erased); a key that
    does not unwrap means the session is damaged.
    """
    if wrapped is None:
        return False
    try:
        keys.load_session_key(sid, bytes(wrapped))
    except crypto.KeyProblem:
        raise StoreError("damaged", session=sid, seq=0) from None
    return True


def open_payload(keys: crypto.Keys, sid: str, seq: int, kind: str, data: str) -> dict[str, Any]:
    """An event's data as it was appended; a payload that does not open is damage."""
    try:
        value = json.loads(keys.open(sid, seq, kind, data))
        if not isinstance(value, dict):
            raise ValueError("not an object")
    except (ValueError, TypeError):
        raise StoreError("damaged", session=sid, seq=seq) from None
    return value

"""Access, erasure and retention, on top of the store and the read log.

`access` gathers everything stored about one session (answers, skips, notes,
decision, every event with its person, every logged read) for an art. 15
request. `erase` removes the session and its key for good and leaves one
audit line without personal data. `due_for_retention` names the sessions whose
last event is older than the policy's retention period.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from assistant.advice.lawdata import resolve_policy
from assistant.app.records import open_readonly
from assistant.base.paths import Location
from assistant.outcome.compute import policy_values
from assistant.store import open_store, read_log, record_read, store_exists
from assistant.store.errors import StoreError

RETENTION_POLICY = "bewaartermijn_intake_jaren"


def access(store_path: Location, sid: str) -> dict[str, Any]:
    view = open_readonly(store_path, sid, action="export-avg")
    return {
        "about": "Alle gegevens over deze intake die de intake-assistent bewaart (AVG art. 15).",
        "session": view,
        "reads": read_log(store_path, sid),
    }


def erase(store_path: Location, sid: str, *, action: str = "erase") -> None:
    """Erase one session; raises StoreError('in_use') while it is open elsewhere."""
    store = open_store(store_path)
    try:
        store.erase(sid)
    finally:
        store.close()
    record_read(store_path, action, sid)


def retention_years() -> int:
    overrides = {k: v for k, v in policy_values().items() if k == RETENTION_POLICY}
    return int(resolve_policy(overrides)[RETENTION_POLICY])


def due_for_retention(store_path: Location, today: date, years: int) -> list[tuple[str, str]]:
    """(session id, date of its last event) for every session past the retention period."""
    if not store_exists(store_path):
        return []
    try:
        limit = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        limit = today.replace(year=today.year - years, day=28)
    store = open_store(store_path, readonly=True)
    try:
        due = []
        for row in store.sessions():
            when = datetime.fromisoformat(store.last_activity(row.id)).date()
            if when < limit:
                due.append((row.id, when.isoformat()))
        return due
    finally:
        store.close()


def erase_due(store_path: Location, due: list[tuple[str, str]]) -> Iterator[tuple[str, str, StoreError | None]]:
    """Erase each session past the retention period: (id, last change, the error that kept it, if any).

    One that cannot be erased now (open elsewhere) keeps none of the others from being erased.
    """
    for sid, last in due:
        try:
            erase(store_path, sid, action="retention")
        except StoreError as exc:
            yield sid, last, exc
        else:
            yield sid, last, None

"""One stored session as its record: `intake show`, the AVG export and every other read of a whole session.

Each read opens the store read-only, folds the session as the live intake
would, and is logged with its purpose (`store.record_read`).
"""

from __future__ import annotations

from typing import Any

from assistant.app.caseload import fold, status_of
from assistant.base.paths import Location
from assistant.dialog.loader import load_dialog
from assistant.engine import progress
from assistant.engine.provenance import origin
from assistant.engine.state import SessionState
from assistant.store import open_store, record_read, store_exists
from assistant.store.errors import StoreError


def provenance(view: dict[str, Any], state: SessionState) -> dict[str, Any]:
    """`intake show ID --json` (docs/intake-record.md): who gave each
    answer, and whether an answer given alone was confirmed by the consulent. An answer from a
    pre-intake also has `origin` (alone_open, alone_confirmed, corrected); a free-text answer
    with the consulent's Dutch rendering has `dutch`."""
    answers = {qid: {"value": value, "by": state.by.get(qid, "import"), "confirmed": qid not in state.alone}
               for qid, value in view["answers"].items()}
    for qid, entry in answers.items():  # only where the pre-intake had a part, or a rendering exists
        kind = origin(state, qid)
        if kind is not None:
            entry["origin"] = kind
        if qid in state.dutch:
            entry["dutch"] = state.dutch[qid]
    return {"session_id": view["id"], "mode": view["mode"], "status": view["status"],
            "answers": answers, "skipped": view["skipped"], "notes": view["notes"], "events": view["events"]}


def open_readonly(store_path: Location, sid: str, *, action: str = "show") -> dict[str, Any]:
    """A session as JSON for `intake show`: answers, skips, notes and the event log (the read is logged)."""
    return read_session(store_path, sid, action=action)[0]


def read_session(store_path: Location, sid: str, *, action: str = "show") -> tuple[dict[str, Any], SessionState]:
    """The session as JSON, and its folded state (who gave what); the read is logged with `action`
    (who, when, which session, why: `assistant.store.readlog`)."""
    if not store_exists(store_path):  # nothing stored yet: then this session does not exist either
        raise StoreError("no_session", session=sid)
    dialog = load_dialog()
    store = open_store(store_path, readonly=True)
    try:
        row = store.session(sid)
        state = fold(store, sid, dialog if dialog.opens(row.fingerprint) else None)
        events = [{"seq": e.seq, "at": e.at, "actor": e.actor, "person": e.person, "kind": e.kind,
                   "dialog_version": e.dialog_version, "data": e.data} for e in store.events(sid)]
    finally:
        store.close()
    record_read(store_path, action, sid)
    record = progress.effective(dialog, state.answers) if dialog.opens(row.fingerprint) else state.answers
    view = {
        "id": row.id, "session_id": row.id, "dialog": row.dialog_id, "dialog_version": row.dialog_version,
        "mode": state.mode, "created_at": row.created_at, "status": status_of(state),
        "position": state.position, "second_locale": state.second_locale,
        "answers": record, "skipped": state.skipped, "notes": state.notes,
        "decision": state.decision, "events": events,
    }
    return view, state

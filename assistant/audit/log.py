"""The read log: who opened, showed, exported or erased which session, when and why.

One JSON line per action, in the shape of the Logboek Dataverwerkingen
standard (MinBZK: ``trace_id``, ``operation_id``, ``name``, ``start_time``,
``end_time``, ``status_code``, ``resource`` and ``attributes``). It lives
beside the store as ``<store>.audit.jsonl`` (0600) rather than inside it, so
`intake show` can open the store read-only and still be logged, and so an
erased session's audit lines stay behind. A line names the session only by its
random id and the consulent by their account: never an answer.
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import datetime, timezone
from pathlib import Path

from assistant.audit.identity import person_for
from assistant.store import is_postgres

PROCESSING_ACTIVITY = "brede-intake-inburgering"   # Wet inburgering 2021, art. 14 (the PIP)
PURPOSES = {
    "open": "intake afnemen",
    "show": "inzage dossier",
    "export": "export PIP of dossier",
    "export-avg": "inzageverzoek AVG art. 15",
    "erase": "verwijderverzoek AVG art. 17",
    "retention": "bewaartermijn verstreken (AVG art. 5 lid 1 onder e)",
    "reopen": "PIP heropend",
}


def audit_path(store_path: Path) -> Path:
    return Path(str(store_path) + ".audit.jsonl")


def record(store_path: Path | str, action: str, session_id: str, *, actor: str = "consulent",
           status_ok: bool = True) -> dict | None:
    """Append one line durably; returns it. Nothing is logged for an in-memory store."""
    if str(store_path) == ":memory:":
        return None
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    line = {
        "trace_id": secrets.token_hex(16),
        "operation_id": secrets.token_hex(8),
        "name": action,
        "start_time": now,
        "end_time": now,
        "status_code": "STATUS_CODE_OK" if status_ok else "STATUS_CODE_ERROR",
        "resource": {"name": "intake-assistent"},
        "attributes": {
            "dpl.core.processing_activity_id": PROCESSING_ACTIVITY,
            "dpl.core.data_subject_id": session_id,
            "dpl.core.data_subject_id_type": "intake-sessie",
            "intake.user": person_for(actor),
            "intake.purpose": PURPOSES.get(action, action),
        },
    }
    if is_postgres(store_path):  # the team's reads in the shared database
        from assistant.store.postgres_reads import record_read

        record_read(str(store_path), session_id, line)
        return line
    path = audit_path(Path(store_path))
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return line


def lines(store_path: Path | str, session_id: str | None = None) -> list[dict]:
    """Every logged action (for one session), oldest first; a damaged line is skipped and counted."""
    if is_postgres(store_path):
        from assistant.store.postgres_reads import read_lines

        return read_lines(str(store_path), session_id)
    path = audit_path(Path(store_path))
    if not path.exists():
        return []
    out = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            line = json.loads(raw)
            sid = line["attributes"]["dpl.core.data_subject_id"]
        except (ValueError, KeyError, TypeError):
            out.append({"name": "damaged-line"}) if session_id is None else None
            continue
        if session_id is None or sid == session_id:
            out.append(line)
    return out

"""The read log: who opened, showed, exported or erased which session, when and why.

One JSON line per action, in the shape of the Logboek Dataverwerkingen
standard (MinBZK: ``trace_id``, ``operation_id``, ``name``, ``start_time``,
``end_time``, ``status_code``, ``resource`` and ``attributes``). It lives
beside the store as ``<store>.audit.jsonl`` (0600) rather than inside it, so
`intake show` can open the store read-only and still be logged, and so an
erased session's audit lines stay behind. A line names the session only by its
random id and the consulent by their account: never an answer.

This module makes the lines and keeps the file of a SQLite store; the
PostgreSQL store keeps the same lines in its table ``intake_reads``. Each
backend's `record_read`/`reads` is the door (`assistant.store.contract`).
"""

from __future__ import annotations

import json
import os
import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from assistant.base.identity import person_for

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


def make_line(action: str, session_id: str, *, actor: str = "consulent", status_ok: bool = True) -> dict[str, Any]:
    """One line of the read log, for `action` on `session_id` by whoever is at the keyboard."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    return {
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


def append_to_file(store_path: Path, line: dict[str, Any]) -> None:
    """Append one line durably to the log file beside a SQLite store (0600)."""
    fd = os.open(audit_path(store_path), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(line, ensure_ascii=False) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)


def file_lines(store_path: Path, session_id: str | None = None) -> list[dict[str, Any]]:
    """Every logged action (for one session) in a SQLite store's log file, oldest first;
    a damaged line is skipped and counted."""
    path = audit_path(store_path)
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

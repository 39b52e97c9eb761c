"""`intake audit ID [--json]` and `intake verify`: who did what, and was the log changed."""

from __future__ import annotations

from pathlib import Path

from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, emit_json, say
from assistant.i18n import N_, _
from assistant.base.text import clean_line


def audit(store_path: Path, sid: str, as_json: bool, tr) -> int:
    """Every event (who, when, what: never the answer) and every logged read of a session."""
    from assistant.store import read_log
    from assistant.store import open_store, store_exists
    from assistant.store.errors import StoreError

    if not store_exists(store_path):
        raise StoreError("no_session", session=sid)
    store = open_store(store_path, readonly=True)
    try:
        store.session(sid)
        rows = store.event_heads(sid)
    finally:
        store.close()
    events = [{"seq": seq, "at": at, "actor": actor, "person": person, "kind": kind}
              for seq, at, actor, person, kind in rows]
    reads = read_log(store_path, sid)
    if as_json:
        emit_json({"session": sid, "events": events, "reads": reads})
        return EXIT_OK
    for e in events:
        print(clean_line(f"{e['at']}  {e['person'] or e['actor']:<16} {e['kind']}"))
    for r in reads:
        attrs = r.get("attributes", {})
        print(clean_line(f"{r.get('start_time', '')}  {attrs.get('intake.user', ''):<16} "
                         f"{r.get('name', '')} ({attrs.get('intake.purpose', '')})"))
    return EXIT_OK


def verify(store_path: Path, tr) -> int:
    """Name every session whose event log was changed outside the app."""
    from assistant.store import display, open_store, store_exists

    if not store_exists(store_path):
        say(tr, _("Er zijn nog geen intakes opgeslagen in {path}.", path=display(store_path)))
        return EXIT_OK
    store = open_store(store_path, readonly=True)
    try:
        rows = store.sessions()
        broken = [(row.id, store.verify(row.id)) for row in rows]
    finally:
        store.close()
    broken = [(sid, seq) for sid, seq in broken if seq is not None]
    for sid, seq in broken:
        say(tr, _("Intake {id} is buiten de app veranderd, vanaf stap {seq}.", id=sid, seq=seq))
    if broken:
        say(tr, N_("{n} intake is veranderd. Vraag de beheerder om hulp.",
                   "{n} intakes zijn veranderd. Vraag de beheerder om hulp.", len(broken)), err=True)
        return EXIT_PROBLEM
    say(tr, N_("{n} intake gecontroleerd: alles in orde.", "{n} intakes gecontroleerd: alles in orde.", len(rows)))
    return EXIT_OK

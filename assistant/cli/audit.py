"""`intake audit ID [--json]` and `intake verify`: who did what, and was the log changed."""

from __future__ import annotations

from assistant.app.audit import audit_trail, changed_sessions
from assistant.base.paths import Location
from assistant.base.text import clean_line
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, emit_json, say
from assistant.i18n import N_, Translator, _
from assistant.store import display, store_exists


def audit(store_path: Location, sid: str, as_json: bool, tr: Translator) -> int:
    """Every event (who, when, what: never the answer) and every logged read of a session."""
    trail = audit_trail(store_path, sid)
    if as_json:
        emit_json(trail)
        return EXIT_OK
    for e in trail["events"]:
        print(clean_line(f"{e['at']}  {e['person'] or e['actor']:<16} {e['kind']}"))
    for r in trail["reads"]:
        attrs = r.get("attributes", {})
        print(clean_line(f"{r.get('start_time', '')}  {attrs.get('intake.user', ''):<16} "
                         f"{r.get('name', '')} ({attrs.get('intake.purpose', '')})"))
    return EXIT_OK


def verify(store_path: Location, tr: Translator) -> int:
    """Name every session whose event log was changed outside the app."""
    if not store_exists(store_path):
        say(tr, _("Er zijn nog geen intakes opgeslagen in {path}.", path=display(store_path)))
        return EXIT_OK
    checked, broken = changed_sessions(store_path)
    for sid, seq in broken:
        say(tr, _("Intake {id} is buiten de app veranderd, vanaf stap {seq}.", id=sid, seq=seq))
    if broken:
        say(tr, N_("{n} intake is veranderd. Vraag de beheerder om hulp.",
                   "{n} intakes zijn veranderd. Vraag de beheerder om hulp.", len(broken)), err=True)
        return EXIT_PROBLEM
    say(tr, N_("{n} intake gecontroleerd: alles in orde.", "{n} intakes gecontroleerd: alles in orde.", checked))
    return EXIT_OK

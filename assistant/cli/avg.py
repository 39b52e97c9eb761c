"""`intake export ID --format avg`, `intake erase ID --yes`, `intake retention [--dry-run]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, emit_json, say
from assistant.i18n import _


def export_avg(store_path: Path, sid: str, output: Path | None, tr) -> int:
    from assistant.app.avg import access
    from assistant.base.private_files import write_text_private

    data = access(store_path, sid)
    if output is None:
        emit_json(data)
        return EXIT_OK
    write_text_private(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    say(tr, _("Geschreven naar {path}.", path=str(output)))
    return EXIT_OK


def erase(store_path: Path, sid: str, yes: bool, tr) -> int:
    from assistant.app.avg import erase as erase_session

    if not yes:
        say(tr, _("Wissen kan niet ongedaan worden gemaakt. Typ het opnieuw met --yes om intake {id} te wissen.",
                  id=sid), err=True)
        return EXIT_USAGE
    erase_session(store_path, sid)
    say(tr, _("Intake {id} is gewist. In het logboek staat alleen dat hij is gewist.", id=sid))
    return EXIT_OK


def retention(store_path: Path, dry_run: bool, tr, today: date | None = None) -> int:
    from assistant.app.avg import due_for_retention, erase as erase_session, retention_years
    from assistant.base.errors import describe
    from assistant.store.errors import StoreError

    years = retention_years()
    due = due_for_retention(store_path, today or date.today(), years)
    if not due:
        say(tr, _("Geen intake is ouder dan de bewaartermijn van {years} jaar.", years=years))
        return EXIT_OK
    failed = 0
    for sid, last in due:
        if dry_run:
            say(tr, _("Intake {id} (laatst gewijzigd {date}) is ouder dan de bewaartermijn.", id=sid, date=last))
            continue
        try:
            erase_session(store_path, sid, action="retention")
        except StoreError as exc:
            failed += 1
            say(tr, describe(exc), err=True)
            continue
        say(tr, _("Intake {id} (laatst gewijzigd {date}) is gewist.", id=sid, date=last))
    if dry_run:
        say(tr, _("Er is niets gewist. Zonder --dry-run worden deze intakes gewist."))
    return EXIT_PROBLEM if failed else EXIT_OK

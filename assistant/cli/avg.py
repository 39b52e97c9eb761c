"""`intake export ID --format avg`, `intake erase ID --yes`, `intake retention [--dry-run]`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from assistant.app.avg import access, due_for_retention, erase, erase_due, retention_years
from assistant.base.errors import describe
from assistant.base.paths import Location
from assistant.base.private_files import write_text_private
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, emit_json, say
from assistant.i18n import Translator, _


def export_avg(store_path: Location, sid: str, output: Path | None, tr: Translator) -> int:
    data = access(store_path, sid)
    if output is None:
        emit_json(data)
        return EXIT_OK
    write_text_private(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    say(tr, _("Geschreven naar {path}.", path=str(output)))
    return EXIT_OK


def erase_one(store_path: Location, sid: str, yes: bool, tr: Translator) -> int:
    if not yes:
        say(tr, _("Wissen kan niet ongedaan worden gemaakt. Typ het opnieuw met --yes om intake {id} te wissen.",
                  id=sid), err=True)
        return EXIT_USAGE
    erase(store_path, sid)
    say(tr, _("Intake {id} is gewist. In het logboek staat alleen dat hij is gewist.", id=sid))
    return EXIT_OK


def retention(store_path: Location, dry_run: bool, tr: Translator, today: date | None = None) -> int:
    years = retention_years()
    due = due_for_retention(store_path, today or date.today(), years)
    if not due:
        say(tr, _("Geen intake is ouder dan de bewaartermijn van {years} jaar.", years=years))
        return EXIT_OK
    if dry_run:
        for sid, last in due:
            say(tr, _("Intake {id} (laatst gewijzigd {date}) is ouder dan de bewaartermijn.", id=sid, date=last))
        say(tr, _("Er is niets gewist. Zonder --dry-run worden deze intakes gewist."))
        return EXIT_OK
    failed = 0
    for sid, last, error in erase_due(store_path, due):
        if error is not None:
            failed += 1
            say(tr, describe(error), err=True)
        else:
            say(tr, _("Intake {id} (laatst gewijzigd {date}) is gewist.", id=sid, date=last))
    return EXIT_PROBLEM if failed else EXIT_OK

"""The headless sub-commands of `intake` on the real store: check, replay, list, show, export, and
the few that change one stored intake (handover, reopen, import-lbt), and speak.

Each handler reads its arguments, calls one use case of `assistant.app` and
prints the result; the rules are there, the words for a terminal here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from assistant.app import stored
from assistant.app.caseload import summaries
from assistant.app.checks import run_checks
from assistant.app.exports import export_session
from assistant.app.records import provenance, read_session
from assistant.app.replay import replay_file, replay_files
from assistant.base.paths import Location
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, emit_json, say
from assistant.engine.errors import ReasonMissing
from assistant.i18n import N_, Translator, _
from assistant.outcome.cases import CaseInvalid
from assistant.store import display


def check(tr: Translator, dialogs_dir: Path | None = None) -> int:
    """Validate every dialog; for the shipped ones also the catalogs and readability."""
    files, problems = run_checks(dialogs_dir)
    if not files:
        say(tr, _("Geen vragenlijsten gevonden."), err=True)
        return EXIT_PROBLEM
    for line in problems:
        print(line)
    if problems:
        say(tr, N_("{n} probleem gevonden.", "{n} problemen gevonden.", len(problems)), err=True)
        return EXIT_PROBLEM
    say(tr, N_("Alles in orde: {n} vragenlijst gecontroleerd.",
               "Alles in orde: {n} vragenlijsten gecontroleerd.", files))
    return EXIT_OK


def replay(paths: list[Path], tr: Translator, store_path: Location | None = None) -> int:
    """One case file: the result as JSON. Several, or a folder: JSON Lines, one line per file."""
    if len(paths) == 1 and not paths[0].is_dir():
        try:
            emit_json(replay_file(paths[0], store_path))
        except CaseInvalid as exc:
            for field, msg in exc.problems:
                say(tr, _("Fout in {field}: {message}", field=field, message=msg), err=True)
            say(tr, _("De casus is niet verwerkt. Er is niets opgeslagen."), err=True)
            return EXIT_PROBLEM
        return EXIT_OK
    failed = 0
    for line in replay_files(paths, tr, store_path):
        failed += not line["ok"]
        print(json.dumps(line, ensure_ascii=False), flush=True)
    if failed:
        say(tr, N_("{n} casus is niet verwerkt. Zie de regel met \"ok\": false.",
                   "{n} casussen zijn niet verwerkt. Zie de regels met \"ok\": false.", failed), err=True)
        return EXIT_PROBLEM
    return EXIT_OK


def list_sessions(store_path: Location, tr: Translator) -> int:
    rows = summaries(store_path)
    if not rows:
        say(tr, _("Er zijn nog geen intakes opgeslagen in {path}.", path=display(store_path)))
        return EXIT_OK
    for s in rows:
        deadline = s.deadline or "-"
        print(f"{s.id}  {tr(s.status_msg):<28} {s.answered:>3}/{s.total:<3} {deadline}  {s.created_at[:10]}")
    return EXIT_OK


def show(store_path: Location, sid: str, tr: Translator, as_json: bool = False) -> int:
    view, state = read_session(store_path, sid)
    emit_json(provenance(view, state) if as_json else view)
    return EXIT_OK


def speak(qid: str, lang: str, output: Path, tr: Translator) -> int:
    """`intake speak QUESTION_ID --lang L -o FILE.wav`: the question, help and choices read aloud."""
    from assistant.app.speech import SpeechError, speak_question  # espeak-ng only when asked

    try:
        speak_question(qid, lang, output)
    except SpeechError as exc:
        say(tr, exc.msg, err=True)
        return EXIT_USAGE if exc.field == "question" else EXIT_PROBLEM
    say(tr, _("Geschreven naar {path}.", path=str(output.resolve())))
    return EXIT_OK


def handover(store_path: Location, sid: str, tr: Translator) -> int:
    """`intake handover ID`: the consulent takes a pre-intake over (an event records it)."""
    stored.hand_over(store_path, sid)
    say(tr, _("De consulent heeft intake {id} overgenomen. Open hem om verder te gaan.", id=sid))
    return EXIT_OK


def export(store_path: Location, sid: str, fmt: str, output: Path | None, tr: Translator) -> int:
    if output is not None and not output.parent.is_dir():
        say(tr, _("De map {path} bestaat niet. Kies een bestaande map voor -o.", path=str(output.parent.resolve())),
            err=True)
        return EXIT_PROBLEM
    data: Any = export_session(store_path, sid, fmt, output)
    if isinstance(data, Path):  # the full path: a relative -o is relative to where the command was started
        say(tr, _("Geschreven naar {path}.", path=str(data.resolve())))
    elif isinstance(data, str):
        print(data)
    else:
        emit_json(data)
    return EXIT_OK


def import_lbt(store_path: Location, sid: str, file: Path, tr: Translator) -> int:
    """Apply DUO's Resultaat to a session as answers by actor 'duo': all or nothing."""
    try:
        payload = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        say(tr, _("Het bestand is geen geldige JSON: {reason}.", reason=str(exc)), err=True)
        return EXIT_PROBLEM
    stored.import_lbt(store_path, sid, payload)
    say(tr, _("De uitslag van de leerbaarheidstoets is toegevoegd aan intake {id}.", id=sid))
    return EXIT_OK


def reopen(store_path: Location, sid: str, reason: str | None, tr: Translator) -> int:
    """Reopen a confirmed PIP with a reason, kept as an event; the intake goes back to the review."""
    try:
        stored.reopen(store_path, sid, reason or "")
    except ReasonMissing as exc:
        say(tr, exc.msg, err=True)
        return EXIT_USAGE
    say(tr, _("Het PIP van intake {id} is heropend. De reden is bewaard.", id=sid))
    return EXIT_OK

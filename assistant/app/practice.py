"""`intake training start CASE_ID`: practise a case in the plain conversation.

The trainee reads the story, then runs the real intake (assistant/plain.py)
against the training store; under each question the person's words from the
case are shown, never the answer id. At the end the trainee takes the
decision, the attempt is scored and the score stored before the feedback is
printed. The full-screen chat's side panel is not part of this (assistant/ui/).
"""

from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from assistant.cli.output import EXIT_OK
from assistant.i18n import _
from assistant.base.text import clean
from assistant.training.cases import PracticeCase


def speech_for(case: PracticeCase, tr) -> Callable[[str], str | None]:
    """The words for a question: the case's own, else the true answer as the person or file gives it."""
    from assistant.dialog.loader import load_dialog
    from assistant.training.feedback import show_value

    dialog = load_dialog()

    def said(qid: str) -> str | None:
        if qid in case.speech:
            return case.speech[qid]
        if qid not in case.answers or dialog.question(qid).type == "info":
            return None
        value = show_value(dialog, qid, case.answers[qid], tr)
        if dialog.question(qid).who == "consulent":
            return tr(_("In het dossier staat: {value}", value=value))
        return value

    return said


def practise(case: PracticeCase, training_store: Path, tr, *, trainee: str | None = None,
             input_fn: Callable[[str], str] = input, out=sys.stdout) -> int:
    from assistant.plain import conversation as plain
    from assistant.store import open_store

    print(tr(_("Oefening: {title}", title=clean(case.title))), file=out)
    print(clean(case.story, multiline=True), file=out)
    print(tr(_("Stel de vragen. Onder elke vraag staat wat de persoon zegt. Vul het goede antwoord in.")), file=out)
    started = datetime.now(timezone.utc)
    store = open_store(training_store)
    before = {r.id for r in store.sessions()}
    store.close()
    plain.run(training_store, tr, mode="training", input_fn=input_fn, out=out, speech=speech_for(case, tr))
    attempt = _attempt_from_store(training_store, before, started)
    if attempt is None:
        return EXIT_OK
    attempt["besluit"] = _ask_decision(case, _proposed_route(case, attempt), tr, input_fn, out)
    from assistant.app.practice_attempts import score_and_save
    from assistant.training.feedback import lines

    result = score_and_save(case, attempt, training_store, trainee)
    print("", file=out)
    for line in lines(case, result, tr):
        print(line, file=out)
    return EXIT_OK


def _proposed_route(case: PracticeCase, attempt: dict) -> tuple[str | None, list[str]]:
    """The proposal's route, and the routes to choose from when the rules leave it to the consulent."""
    from assistant.training.expect import replay

    out = replay(case, {"answers": attempt["answers"], "today": case.today.isoformat(), "mode": "training"})
    return out["proposal"].get("leerroute"), list(out["proposal"].get("mogelijke_leerroutes") or [])


def _attempt_from_store(training_store: Path, before: set[str], started: datetime) -> dict | None:
    """The newest practice session of this run as an attempt (answers, skips, timing)."""
    from assistant.store import open_store

    store = open_store(training_store)
    try:
        new = [r.id for r in store.sessions() if r.id not in before]
    finally:
        store.close()
    if not new:
        return None
    return attempt_of(training_store, new[-1], started.isoformat())


def attempt_of(training_store: Path, session_id: str, started: str) -> dict:
    """A stored practice session as an attempt (answers, skips, timing); the caller adds the `besluit`.

    Shared by the plain conversation and the full-screen app (assistant/ui/practice.py).
    """
    from assistant.app.caseload import open_readonly

    view = open_readonly(training_store, session_id)
    return {"answers": dict(view["answers"]), "skipped": dict(view["skipped"]),
            "timing": {"gestart": started, "klaar": datetime.now(timezone.utc).isoformat()}}


def _ask_decision(case: PracticeCase, proposal: tuple[str | None, list[str]], tr, input_fn, out) -> dict | None:
    from assistant.training.feedback import route_name

    ask = lambda msg: input_fn(tr(msg)).strip()  # noqa: E731
    proposed, options = proposal
    if proposed is None and options:
        print(tr(_("De regels kiezen hier niet. U kiest uit: {routes}.",
                   routes=", ".join(route_name(r, tr) for r in options))), file=out)
    else:
        print(tr(_("Het voorstel van de regels: {route}.", route=route_name(proposed, tr))), file=out)
    try:
        route = ask(_("Welke leerroute kiest u? Typ B, O of Z. Geen leerroute? Druk op Enter. ")).upper()
        if route not in ("B", "O", "Z"):
            return None
        level = "A2" if ask(_("Niveau B1 of A2? Enter is B1. ")).upper() == "A2" else "B1"
        motivatie = ask(_("Waarom kiest u dit? Schrijf het kort op. "))
    except EOFError:
        return None
    day = case.today.isoformat()
    code = (case.expected.get("besluit") or {}).get("gemeentecode", "0000")
    if route == proposed:
        return {"akkoord": True, "motivatie": motivatie or None, "dagtekening_pip": day, "gemeentecode": code}
    besluit = {"akkoord": False, "leerroute": route, "niveau": None if route == "Z" else level,
               "motivatie": motivatie, "dagtekening_pip": day, "gemeentecode": code}
    return besluit

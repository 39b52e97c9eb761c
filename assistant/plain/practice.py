"""`intake training start CASE_ID`: practise a case in the plain conversation.

The trainee reads the story, then runs the real intake against the training
store; under each question the person's words from the case are shown,
never the answer id. When the conversation reaches the proposal the trainee
takes the decision, and only then is the attempt scored and the feedback
printed (`app.practice.finish`). Pausing (``q``) keeps the practice: the next
`training start` of the case, or the practice list in the app, resumes it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from assistant.app.practice import begin, finish, proposed_route
from assistant.base.text import clean
from assistant.i18n import Translator, _
from assistant.plain.conversation import PAUSED, InputFn, converse
from assistant.training.cases import PracticeCase
from assistant.training.feedback import lines, route_name


def practise(case: PracticeCase, training_store: Path, tr: Translator, *, trainee: str | None = None,
             input_fn: InputFn = input, out: TextIO = sys.stdout) -> int:
    print(tr(_("Oefening: {title}", title=clean(case.title))), file=out)
    print(clean(case.story, multiline=True), file=out)
    print(tr(_("Stel de vragen. Onder elke vraag staat wat de persoon zegt. Vul het goede antwoord in.")), file=out)
    run, conv = begin(training_store, case, tr)
    if converse(conv, tr, input_fn, out, speech=run.speech) == PAUSED:
        conv.leave()
        run.close()
        print(tr(_("De oefening is bewaard. Start dezelfde casus opnieuw om verder te gaan.")), file=out)
        return 0
    besluit = conv.decision["besluit"] if conv.decision else _ask_decision(
        case, proposed_route(case, conv.answers), tr, input_fn, out)
    result = finish(run, conv, besluit, trainee)
    print("", file=out)
    for line in lines(case, result, tr):
        print(line, file=out)
    return 0


def _ask_decision(case: PracticeCase, proposal: tuple[str | None, list[str]], tr: Translator,
                  input_fn: InputFn, out: TextIO) -> dict[str, Any] | None:
    def ask(msg: Any) -> str:
        return input_fn(tr(msg)).strip()

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
    return {"akkoord": False, "leerroute": route, "niveau": None if route == "Z" else level,
            "motivatie": motivatie, "dagtekening_pip": day, "gemeentecode": code}

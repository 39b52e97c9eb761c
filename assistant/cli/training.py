"""The work behind `intake training ...` (see `assistant.cli.training_args` for the syntax)."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.app.practice import score_and_save
from assistant.app.training_report import report
from assistant.base.paths import Location
from assistant.base.text import clean
from assistant.cli.output import EXIT_OK, EXIT_PROBLEM, emit_json, say
from assistant.i18n import N_, Translator, _
from assistant.outcome.cases import CaseInvalid
from assistant.store.practice import training_store_path
from assistant.training.cases import PracticeCase
from assistant.training.feedback import jsonable, lines
from assistant.training.library import CaseNotFound, load_all, load_case


def dispatch(args, store_path: Location, tr: Translator) -> int:
    training_store = training_store_path(store_path)
    try:
        if args.training_command == "list":
            return list_cases(tr, as_json=args.json)
        if args.training_command == "show":
            return show_case(load_case(args.case_id))
        if args.training_command == "score":
            return score_attempt(load_case(args.case_id), args.attempt, training_store, tr,
                                 as_json=args.json, trainee=args.trainee)
        if args.training_command == "report":
            return print_report(training_store, tr, as_json=args.json, trainee=args.trainee)
        if args.training_command == "start":
            from assistant.plain.practice import practise  # the plain conversation only when practising

            return practise(load_case(args.case_id), training_store, tr, trainee=args.trainee)
    except CaseNotFound as exc:
        say(tr, exc.msg, err=True)
        return EXIT_PROBLEM
    return EXIT_PROBLEM


def summary(case: PracticeCase) -> dict:
    return {"id": case.id, "title": case.title, "leerroute": case.expected["leerroute"],
            "niveau": case.expected["niveau"], "skills": list(case.skills)}


def list_cases(tr, *, as_json: bool) -> int:
    cases = load_all()
    if as_json:
        emit_json([summary(c) for c in cases.values()])
        return EXIT_OK
    if not cases:
        say(tr, _("Er zijn geen oefencasussen. Draai 'intake check' om fouten in de casussen te zien."))
        return EXIT_OK
    for c in cases.values():
        print(f"{c.id:<26} {c.expected['leerroute'] or '-':<2} {clean(c.title)}")
    return EXIT_OK


def show_case(case: PracticeCase) -> int:
    """Everything a trainer needs to prepare: the case as data (Dutch training material)."""
    emit_json({**summary(case), "today": case.today.isoformat(), "story": case.story,
               "answers": case.answers, "speech": case.speech, "skip_ok": case.skip_ok,
               "expected": case.expected, "mistakes": list(case.mistakes)})
    return EXIT_OK


def score_attempt(case: PracticeCase, attempt_path: Path, training_store: Path, tr, *,
                  as_json: bool, trainee: str | None) -> int:
    try:
        raw = json.loads(attempt_path.read_text(encoding="utf-8"))
    except OSError as exc:
        say(tr, _("Het bestand kan niet worden gelezen: {reason}.", reason=exc.strerror or str(exc)), err=True)
        return EXIT_PROBLEM
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        say(tr, _("Het bestand is geen geldige JSON: {reason}.", reason=str(exc)), err=True)
        return EXIT_PROBLEM
    try:
        result = score_and_save(case, raw, training_store, trainee)
    except CaseInvalid as exc:
        for field, msg in exc.problems:
            say(tr, _("Fout in {field}: {message}", field=field, message=msg), err=True)
        say(tr, _("De poging is niet beoordeeld. Er is niets opgeslagen."), err=True)
        return EXIT_PROBLEM
    print_result(case, result, tr, as_json=as_json)
    return EXIT_OK


def print_result(case: PracticeCase, result: dict, tr, *, as_json: bool) -> None:
    if as_json:
        emit_json(jsonable(result, tr))
        return
    for line in lines(case, result, tr):
        print(line)


def print_report(training_store: Path, tr: Translator, *, as_json: bool, trainee: str | None) -> int:
    data = report(training_store, trainee)
    if as_json:
        emit_json(data)
        return EXIT_OK
    if not data["trainees"]:
        say(tr, _("Er zijn nog geen oefeningen beoordeeld."))
        return EXIT_OK
    for person in data["trainees"]:
        print(tr(_("Cursist: {name}", name=person["trainee"])))
        for case in person["cases"]:
            series = " → ".join(str(s["score"]) for s in case["scores"])
            print(f"  {case['case']:<26} {series}")
        _print_mistakes(person["most_made_mistakes"], tr)
    print(tr(_("Alle cursisten samen:")))
    _print_mistakes(data["most_made_mistakes"], tr)
    return EXIT_OK


def _print_mistakes(mistakes: list[dict], tr) -> None:
    if not mistakes:
        print("  " + tr(_("Geen fouten.")))
        return
    print("  " + tr(_("Meest gemaakte fouten:")))
    for m in mistakes:
        print(f"    {m['mistake']:<34} " + tr(N_("{n} keer", "{n} keer", m["count"])))

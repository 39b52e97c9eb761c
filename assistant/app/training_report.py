"""The trainer's overview: per trainee and case the scores over time, and the mistakes most made.

Read from the training store only; nothing here touches real sessions.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from assistant.cli.output import EXIT_OK, emit_json, say
from assistant.i18n import N_, _
from assistant.store.practice import ScoreRow, scores

TOP_MISTAKES = 5


def build(rows: list[ScoreRow], trainee: str | None = None) -> dict:
    rows = [r for r in rows if trainee is None or r.trainee == trainee]
    people: dict[str, dict] = {}
    for r in rows:
        person = people.setdefault(r.trainee, {"trainee": r.trainee, "cases": {}, "mistakes": Counter()})
        case = person["cases"].setdefault(r.case_id, {"case": r.case_id, "scores": []})
        case["scores"].append({"at": r.at, "score": r.score})
        person["mistakes"].update(r.mistakes)
    all_mistakes = Counter(m for r in rows for m in r.mistakes)
    return {
        "trainees": [{"trainee": p["trainee"], "cases": list(p["cases"].values()),
                      "most_made_mistakes": _top(p["mistakes"])} for p in people.values()],
        "most_made_mistakes": _top(all_mistakes),
    }


def _top(counter: Counter) -> list[dict]:
    return [{"mistake": m, "count": n} for m, n in counter.most_common(TOP_MISTAKES)]


def run_report(training_store: Path, tr, *, as_json: bool, trainee: str | None) -> int:
    data = build(scores(training_store), trainee)
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

"""Score a trainee's attempt at a practice case: what was missed, wrong, decided.

An attempt is a replay case (answers + `besluit`) with three optional extras:
`skipped` ({question id: reason}), `timing` ({"gestart", "klaar"} ISO times)
and `trainee`. Its answers run through the replay exactly as the case does;
the comparison is with the case's true answers and with the case's own replay.
The clock is always the case's `today`, so deadlines are comparable.

The score is a plain 0-100 figure for seeing progress over time; the lists
(missed topics, answer errors, route, deadlines, motivation) are what a
trainer discusses. Weights are in `PENALTY` and documented in docs/training.md.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from assistant.i18n import _
from assistant.outcome.cases import CaseInvalid, parse_case
from assistant.training import expect
from assistant.training.cases import PracticeCase

EXTRA_KEYS = ("skipped", "timing", "trainee")
PENALTY = {"antwoord": 5, "onderwerp": 5, "overgeslagen": 3, "route": 25, "niveau": 10,
           "termijn": 10, "motivatie": 10, "besluit": 10}
DEADLINES = ("pip_uiterlijk", "vve_informeren")
DEADLINES_SAME_DAY = ("inburgeringstermijn_start", "inburgeringstermijn_eind", "schakelen_uiterlijk")


def split_attempt(raw: Any) -> tuple[dict, dict]:
    """(the replay part, the training extras); the extras are checked here."""
    if not isinstance(raw, dict):
        raise CaseInvalid([("attempt", _("Een poging is een JSON-object met 'answers' en 'besluit'."))])
    extras = {k: raw[k] for k in EXTRA_KEYS if k in raw}
    rest = {k: v for k, v in raw.items() if k not in EXTRA_KEYS}
    problems = []
    skipped = extras.get("skipped", {})
    if not isinstance(skipped, dict) or not all(isinstance(v, str) for v in skipped.values()):
        problems.append(("skipped", _("'skipped' is een object met per vraag-id de reden als tekst.")))
    timing = extras.get("timing")
    if timing is not None and _duration(timing) is None:
        problems.append(("timing", _("'timing' heeft 'gestart' en 'klaar' als tijd, zo: 2026-03-02T10:00:00.")))
    if problems:
        raise CaseInvalid(problems)
    return rest, extras


def _duration(timing: Any) -> int | None:
    try:
        start = datetime.fromisoformat(timing["gestart"])
        end = datetime.fromisoformat(timing["klaar"])
    except (TypeError, KeyError, ValueError):
        return None
    seconds = int((end - start).total_seconds())
    return seconds if seconds >= 0 else None


def score(case: PracticeCase, raw_attempt: Any) -> dict:
    """The feedback for one attempt (raises CaseInvalid when the attempt itself is unusable)."""
    from assistant.dialog.loader import load_dialog

    rest, extras = split_attempt(raw_attempt)
    rest = {**rest, "today": case.today.isoformat(), "mode": "training"}
    besluit = rest.pop("besluit", None)
    parse_case({**rest, "besluit": besluit})  # shape errors of the whole attempt first
    dialog = load_dialog()
    attempt = expect.replay(case, rest)           # the attempt's answers, no decision yet
    reference = expect.replay(case)               # the case with the good decision
    skipped = {q: r.strip() for q, r in extras.get("skipped", {}).items()}
    result: dict[str, Any] = {"case": case.id, "trainee": extras.get("trainee")}
    result["missed_topics"] = _missed(dialog, attempt["answers"], skipped)
    result["skipped_without_good_reason"] = _bad_skips(dialog, case, attempt["answers"], skipped)
    result["answer_errors"] = _answer_errors(dialog, case, attempt["answers"])
    result.update(_route(case, attempt, reference, besluit))
    result["deadlines"] = _deadlines(case, attempt, reference, result.pop("_termijnen"), besluit)
    result["duration_seconds"] = _duration(extras["timing"]) if "timing" in extras else None
    result["mistakes"] = _mistake_codes(result)
    result["score"] = max(0, 100 - sum(PENALTY[m.split(":")[0]] for m in result["mistakes"]))
    result["clean"] = not result["mistakes"]
    return result


def _missed(dialog, record: dict, skipped: dict) -> list[dict]:
    from assistant.engine import progress

    open_ids = set(progress.missing(dialog, record, {q: r for q, r in skipped.items() if r}))
    out = []
    for topic in dialog.topics:
        ids = [q.id for q in topic.questions if q.id in open_ids]
        if ids:
            out.append({"topic": topic.id, "title": topic.title, "questions": ids})
    return out


def _bad_skips(dialog, case: PracticeCase, record: dict, skipped: dict) -> list[dict]:
    """A mandatory question skipped with a reason, although the person could answer it."""
    out = []
    for qid, reason in skipped.items():
        if not dialog.has_question(qid) or qid in record or not reason:
            continue
        if dialog.question(qid).mandatory and qid in case.answers and qid not in case.skip_ok:
            out.append({"question": qid, "reason": reason, "words": case.speech.get(qid)})
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return a == b


def _answer_errors(dialog, case: PracticeCase, record: dict) -> list[dict]:
    out = []
    for q in dialog.questions:
        if q.type == "info" or q.id not in case.answers or q.id not in record:
            continue
        if not _same(record[q.id], case.answers[q.id]):
            out.append({"id": q.id, "entered": record[q.id], "expected": case.answers[q.id],
                        "words": case.speech.get(q.id)})
    return out


def _route(case: PracticeCase, attempt: dict, reference: dict, besluit: Any) -> dict:
    from assistant.outcome.compute import DecisionInvalid, compute

    proposal = attempt["proposal"]
    refused = None
    termijnen = attempt["termijnen"]
    chosen, level = None, None
    if isinstance(besluit, dict):
        if besluit.get("akkoord") is False:
            chosen, level = besluit.get("leerroute"), besluit.get("niveau")
        else:
            chosen, level = proposal.get("leerroute"), proposal.get("niveau")
        try:
            from assistant.i18n import translator

            outcome = compute(attempt["answers"], case.today, besluit)
            termijnen = outcome.termijnen.to_json(translator("nl"))
            decision: Any = outcome.decision  # with a besluit, compute decides (or raises)
            chosen, level = decision.leerroute, decision.niveau
        except DecisionInvalid as exc:
            refused = {"field": exc.field, "message": exc.msg}
    needs_motivation = isinstance(besluit, dict) and (besluit.get("akkoord") is False
                                                       or bool(proposal.get("consulent_beslissing_nodig")))
    motivated = (isinstance(besluit, dict) and bool(str(besluit.get("motivatie") or "").strip())
                 and (refused is None or refused["field"] != "motivatie"))
    expected_route = case.expected["leerroute"]
    acceptable = [expected_route, *(case.expected.get("andere_route_mogelijk") or [])]
    route_ok = chosen == expected_route or (chosen in acceptable and motivated)
    deviation = None
    if isinstance(besluit, dict) and besluit.get("akkoord") is False:
        deviation = {"from": proposal.get("leerroute"), "to": chosen, "motivated": motivated}
    return {
        "route_expected": expected_route, "route_chosen": chosen, "route_ok": route_ok,
        "route_acceptable": acceptable,
        "niveau_expected": case.expected["niveau"], "niveau_chosen": level,
        "deciding_rules": expect.deciding_rules(reference),
        "attempt_rules": [r["regel"] for r in attempt["proposal"]["redenen"]],
        "decision_taken": isinstance(besluit, dict),
        "motivation_needed": needs_motivation, "motivated": motivated,
        "deviation": deviation, "decision_refused": refused, "_termijnen": termijnen,
    }


def _deadlines(case: PracticeCase, attempt: dict, reference: dict, got: dict, besluit: Any) -> list[dict]:
    want = reference["termijnen"]
    keys = list(DEADLINES)
    if got.get("dagtekening_pip") == want.get("dagtekening_pip"):
        keys += DEADLINES_SAME_DAY  # they count from the PIP's date; another valid date shifts them
    out = [{"id": k, "expected": want.get(k), "got": got.get(k), "ok": want.get(k) == got.get(k)}
           for k in keys if want.get(k) is not None or got.get(k) is not None]
    day = got.get("dagtekening_pip") or (besluit.get("dagtekening_pip") if isinstance(besluit, dict) else None)
    if isinstance(day, str) and want.get("pip_uiterlijk"):
        try:
            late = date.fromisoformat(day) > date.fromisoformat(want["pip_uiterlijk"])
        except ValueError:
            late = True
        out.append({"id": "dagtekening_pip", "expected": want["pip_uiterlijk"], "got": day, "ok": not late})
    return out


def _mistake_codes(r: dict) -> list[str]:
    codes = [f"onderwerp:{t['topic']}" for t in r["missed_topics"]]
    codes += [f"overgeslagen:{s['question']}" for s in r["skipped_without_good_reason"]]
    codes += [f"antwoord:{e['id']}" for e in r["answer_errors"]]
    if not r["route_ok"]:
        codes.append("route")
    elif r["niveau_chosen"] != r["niveau_expected"] and r["route_chosen"] == r["route_expected"]:
        codes.append("niveau")
    codes += [f"termijn:{d['id']}" for d in r["deadlines"] if not d["ok"]]
    if r["motivation_needed"] and not r["motivated"]:
        codes.append("motivatie")
    if r["decision_refused"] is not None and not (r["motivation_needed"] and not r["motivated"]):
        codes.append("besluit")
    return codes

"""Headless replay: a case file through the same engine the chat uses.

The contract is in docs/intake-record.md. The whole case is checked
before anything is applied: every problem (unknown id, wrong type, value out of
range, a question that does not apply) is collected with the id it concerns,
and the replay refuses the case as a whole. The engine then runs on an
in-memory store, answer by answer in dialog order, exactly as a person would.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from assistant.base.errors import AppError
from assistant.dialog import retired
from assistant.dialog.model import Dialog
from assistant.engine import progress
from assistant.engine.parse import Invalid, check_value
from assistant.engine.session import IMPORT, MODES, Intake
from assistant.i18n import Msg, _, translator
from assistant.store import memory_store
from assistant.store.contract import SessionStore

CASE_KEYS = {"locale", "today", "answers", "besluit", "expect", "description", "mode"}


class CaseInvalid(AppError):
    """The case file is refused; `problems` are (field, message) pairs, the first is `field`/`msg`."""

    def __init__(self, problems: list[tuple[str, Msg]]) -> None:
        super().__init__(problems[0][1], problems[0][0])
        self.args = ("; ".join(f"{f}: {m.msgid}" for f, m in problems),)
        self.problems = problems


@dataclass
class Case:
    locale: str
    today: date
    answers: dict[str, Any]
    besluit: dict[str, Any] | None
    mode: str = "joint"


def read_case(path: Path) -> Case:
    from assistant.validation.values import Refused, load_json

    try:
        raw = load_json(path.read_bytes().decode("utf-8"))
    except OSError as exc:
        raise CaseInvalid([("file", _("Het bestand kan niet worden gelezen: {reason}.",
                                      reason=exc.strerror or str(exc)))]) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise CaseInvalid([("file", _("Het bestand is geen geldige JSON: {reason}.", reason=str(exc)))]) from None
    except Refused as exc:  # too deep, too big a number, NaN, a lone surrogate
        raise CaseInvalid([(exc.field, exc.msg)]) from None
    return parse_case(raw)


def parse_case(raw: Any) -> Case:
    problems: list[tuple[str, Msg]] = []
    if not isinstance(raw, dict):
        raise CaseInvalid([("case", _("Een casus is een JSON-object met 'answers'."))])
    problems += [(key, _("Onbekend veld '{key}'. Toegestaan: {allowed}.", key=key,
                         allowed=", ".join(sorted(CASE_KEYS))))
                 for key in sorted(set(raw) - CASE_KEYS)]
    answers: Any = raw.get("answers")  # a dict once the checks below pass
    if not isinstance(answers, dict):
        problems.append(("answers", _("'answers' ontbreekt of is geen object met antwoorden per vraag-id.")))
    from assistant.validation.besluit import check_besluit
    from assistant.validation.values import Refused, iso_date, locale_code

    today = date.today()
    if "today" in raw:
        try:
            today = iso_date("today", raw["today"])
        except Refused as exc:
            problems.append((exc.field, exc.msg))
    besluit = raw.get("besluit")
    locale = raw.get("locale", "nl")
    mode = raw.get("mode", "joint")
    if mode not in MODES:
        problems.append(("mode", _("'mode' is joint, pre_intake of training.")))
    def check_decision() -> None:
        if besluit is not None:
            check_besluit(besluit)

    for check in (check_decision, lambda: locale_code("locale", locale)):
        try:
            check()
        except Refused as exc:
            problems.append((exc.field, exc.msg))
    if problems:
        raise CaseInvalid(problems)
    return Case(locale, today, dict(answers), besluit, mode)


def check_answers(dialog: Dialog, case: Case) -> list[tuple[str, Msg]]:
    """Every problem with the answers, before any is applied."""
    problems: list[tuple[str, Msg]] = []
    checked: dict[str, Any] = {}
    for qid in case.answers:
        if (r := dialog.retired_question(qid)) is not None:  # merged away: name what replaced it
            problems.append((qid, retired.moved_message(qid, r.replaced_by)))
        elif not dialog.has_question(qid):
            problems.append((qid, _("Onbekende vraag-id '{id}'. Kijk de spelling na.", id=qid)))
    for q in dialog.questions:
        if q.id not in case.answers:
            continue
        try:
            checked[q.id] = check_value(q, case.answers[q.id], case.today)
        except Invalid as exc:
            problems.append((q.id, exc.msg))
    record = progress.effective(dialog, checked)
    problems += [(qid, _("De vraag '{id}' hoort niet bij deze casus door de andere antwoorden. "
                         "Haal het antwoord weg.", id=qid))
                 for qid in checked if qid not in record]
    return problems


def run(dialog: Dialog, case: Case, extras=None,
        save_to: SessionStore | Callable[[str], SessionStore] | None = None) -> dict:
    """Replay a case; returns the output object of the replay contract.

    Without `save_to` nothing is kept: the engine runs on a store in memory.
    With it, the case is first replayed in memory (so a refused decision
    stores nothing), then once more into `save_to` as a session whose events
    carry the actor ``import``; the output then has its ``session_id``.
    `save_to` may also be a function of the case's mode that gives the store
    (`intake replay --save` keeps practice cases in the training store).
    """
    answers, problems, notices = retired.upgrade_answers(dialog, case.answers)  # ids merged away
    case = replace(case, answers=answers)
    problems += check_answers(dialog, case)
    if problems:
        raise CaseInvalid(problems)
    memory = memory_store()
    try:
        out, _sid = _replay(memory, dialog, case, extras, "consulent")
    finally:
        memory.close()
    if notices:  # never silent: which earlier ids the case carried and what they became
        out["retired"] = notices
    if save_to is None:
        return out
    store = save_to(case.mode) if callable(save_to) else save_to
    out, sid = _replay(store, dialog, case, extras, IMPORT)
    if notices:
        out["retired"] = notices
    return {"session_id": sid, **out}


def _replay(store, dialog: Dialog, case: Case, extras, actor: str) -> tuple[dict, str]:
    intake = Intake.start(store, dialog, mode=case.mode, actor=actor, today=lambda: case.today)
    try:
        who = actor if actor == IMPORT else None  # in memory: each question's own role, as before
        refused = intake.answer_many(case.answers, who)  # in dialog order, as a person would
        if refused is not None:  # cannot happen after check_answers; never hide it
            raise CaseInvalid([refused])
        step = intake.submit(actor) if not intake.missing() else intake.review(actor)
        status = step.kind if not intake.missing() else "in_progress"
        tr = translator(case.locale)
        out = {
            "status": status,
            "missing": list(intake.missing()),
            "waiting": step.waiting,
            "answers": dict(intake.record),
        }
        if extras is not None:
            out.update(extras(intake, case, tr, actor=actor))
        return out, intake.id
    finally:
        intake.close()

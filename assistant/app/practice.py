"""Practice: one flow for every front end (the chat, plain mode, the browser).

A practice runs the real joint intake on a case, against the TRAINING store
(`training_store_path`), so practice never shows in the caseload. Which case a session
belongs to is kept in the training store (`link_session`): an unfinished
practice is resumed from wherever it was left, in any front end. An attempt
is scored only when the trainee ends it with a decision (`finish`): the
score is committed before the feedback is shown. Pausing is only pausing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from assistant.app.conversation import Conversation
from assistant.app.records import open_readonly
from assistant.base.messages import _
from assistant.base.paths import Location
from assistant.dialog.loader import load_dialog
from assistant.dialog.model import Dialog, Question
from assistant.i18n import Translator, translator
from assistant.outcome.compute import DecisionInvalid
from assistant.store import open_store
from assistant.store.contract import SessionStore
from assistant.store.practice import (
    default_trainee,
    link_session,
    mark_done,
    open_practice,
    save_score,
    training_store_path,
)
from assistant.training.cases import PracticeCase
from assistant.training.expect import replay
from assistant.training.feedback import jsonable, show_value
from assistant.training.guard import TRAINING
from assistant.training.library import load_all
from assistant.training.scoring import score


@dataclass
class PracticeRun:
    """The practice that is open: its case, the training store and when it was begun."""

    case: PracticeCase
    path: Path
    store: SessionStore
    started: str
    speech: Callable[[str], str | None]

    def own_words(self, question: Question) -> bool:
        """The person's own words (quoted), or a fact from the file for a consulent's question."""
        return question.id in self.case.speech or question.who != "consulent"

    def close(self) -> None:
        self.store.close()


def cases_and_unfinished(real_store: Location) -> tuple[dict[str, PracticeCase], dict[str, tuple[str, str]]]:
    """Every valid case by id, and per case id its unfinished practice (session id, start time)."""
    return load_all(), open_practice(training_store_path(real_store))


def begin(real_store: Location, case: PracticeCase, tr: Translator, *,
          dialog: Dialog | None = None) -> tuple[PracticeRun, Conversation]:
    """Start the practice of this case, or resume its unfinished session, in the training store."""
    path = training_store_path(real_store)
    unfinished = open_practice(path).get(case.id)
    store = open_store(path)
    started = unfinished[1] if unfinished else datetime.now(UTC).isoformat()
    run = PracticeRun(case, path, store, started, speech_for(case, tr))
    dialog = dialog or load_dialog()

    def clock() -> date:  # the case's own date: its deadlines are computed from it
        return case.today

    try:
        if unfinished is not None:
            conv = Conversation.open(store, dialog, unfinished[0], today=clock)
        else:
            conv = Conversation.start(store, dialog, mode=TRAINING, today=clock)
            link_session(path, conv.id, case.id, started)
    except BaseException:
        store.close()
        raise
    return run, conv


def finish(run: PracticeRun, conv: Conversation, besluit: dict[str, Any] | None,
           trainee: str | None = None) -> dict[str, Any]:
    """End the practice with the trainee's decision: recorded when the rules accept it, then scored.

    A decision the rules refuse (A2 on a first PIP, say) is not recorded but is
    scored as given: the feedback explains why it was refused.
    """
    if besluit is not None and conv.decision is None:
        with contextlib.suppress(DecisionInvalid):  # refused: scored as given, explained in the feedback
            conv.decide(besluit)
    sid = conv.id
    conv.leave()
    try:
        attempt = {**attempt_of(run.path, sid, run.started), "besluit": besluit}
        result = score_and_save(run.case, attempt, run.path, trainee)
        mark_done(run.path, sid)
    finally:
        run.close()
    return result


def speech_for(case: PracticeCase, tr: Translator) -> Callable[[str], str | None]:
    """The words for a question: the case's own, else the true answer as the person or file gives it."""
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


def proposed_route(case: PracticeCase, answers: dict[str, Any]) -> tuple[str | None, list[str]]:
    """The proposal's route, and the routes to choose from when the rules leave it to the consulent."""
    out = replay(case, {"answers": answers, "today": case.today.isoformat(), "mode": "training"})
    return out["proposal"].get("leerroute"), list(out["proposal"].get("mogelijke_leerroutes") or [])


def attempt_of(training_store: Path, session_id: str, started: str) -> dict[str, Any]:
    """A stored practice session as an attempt (answers, skips, timing); the caller adds the `besluit`."""
    view = open_readonly(training_store, session_id)
    return {"answers": dict(view["answers"]), "skipped": dict(view["skipped"]),
            "timing": {"gestart": started, "klaar": datetime.now(UTC).isoformat()}}


def score_and_save(case: PracticeCase, raw: Any, training_store: Path, trainee: str | None) -> dict[str, Any]:
    """Score, then store the score (durable before it is shown) under the trainee's name."""
    result = score(case, raw)
    result["trainee"] = trainee or result.get("trainee") or default_trainee()
    save_score(training_store, result["trainee"], jsonable(result, translator("nl")))
    return result

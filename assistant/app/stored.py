"""Use cases on one stored intake by its id, without a conversation on screen.

`intake handover`, `intake reopen` and `intake import-lbt` open the session
exactly as the chat would (the lock, the fold, the same intents), do one
thing, and release it again; every failure is an `AppError` with its message.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from assistant.base.messages import _
from assistant.base.paths import Location
from assistant.dialog.loader import load_dialog
from assistant.duo.lbt_import import import_lbt_result
from assistant.engine.errors import SessionError
from assistant.engine.parse import check_value
from assistant.engine.session import Intake
from assistant.store import open_store, record_read
from assistant.training.guard import refuse_lbt_import


@contextmanager
def opened(location: Location, sid: str) -> Iterator[Intake]:
    """The intake locked for this process while the block runs, then released."""
    store = open_store(location)
    try:
        intake = Intake.open(store, sid, load_dialog())
        try:
            yield intake
        finally:
            intake.close()
    finally:
        store.close()


def hand_over(location: Location, sid: str) -> None:
    """The consulent takes a pre-intake over (an event records it); paused, ready to open."""
    with opened(location, sid) as intake:
        intake.handover()
        intake.pause()


def reopen(location: Location, sid: str, reason: str) -> None:
    """Reopen a confirmed PIP with a reason (kept as an event); the intake goes back to the review."""
    with opened(location, sid) as intake:
        intake.reopen(reason)
    record_read(location, "reopen", sid)


def import_lbt(location: Location, sid: str, payload: Any) -> None:
    """DUO's leerbaarheidstoets result as answers by actor 'duo': all of them, or none.

    Refused for a practice session and for a confirmed PIP (reopen it first).
    """
    answers = import_lbt_result(payload)
    store = open_store(location)
    try:
        refuse_lbt_import(store.session(sid).mode)
    finally:
        store.close()
    with opened(location, sid) as intake:
        if intake.state.position == "confirmed":  # a confirmed PIP is changed only on purpose
            raise SessionError(_("Het PIP van intake {id} is al bevestigd. Er is niets veranderd. "
                                 "Heropen het eerst met: intake reopen {id} --reason \"…\".", id=sid))
        dialog = intake.dialog
        for qid, value in answers.items():  # check all before applying any
            check_value(dialog.question(qid), value, intake.today())
        refused = intake.answer_many(answers, "duo")
        if refused is not None:  # cannot happen after the check above; never hide it
            qid, msg = refused
            raise SessionError(_("Fout in {field}: {message}", field=qid, message=msg))

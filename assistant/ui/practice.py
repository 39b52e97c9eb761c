"""Training mode in the full-screen app: choose a case, read its story, practise, see the feedback.

Why a module of its own: the app, the chat and the navigator each call one
function here, so real intakes stay unaware of practice. A practice session
runs the real joint intake against the TRAINING store (`store_for`), opened
for this practice only: the home screen reads the real store, so practice
never shows in the caseload. Which case a session belongs to is kept in the
training store (`link_session`), so a paused practice is resumed from the list.
After the decision the attempt is scored and the score committed
(`score_and_save`) before the feedback screen shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from assistant.training.guard import TRAINING, store_for
from assistant.ui import keymap

FEEDBACK_KEYS = tuple(k for k in keymap.PRACTICE_KEYS if k.id != "start")


@dataclass
class PracticeRun:
    """The practice that is open: its case, the training store and when it was begun."""

    case: object
    path: Path
    store: object
    started: str
    speech: Callable[[str], str | None]

    def own_words(self, question) -> bool:
        """The person's own words (quoted), or a fact from the file for a consulent's question."""
        return question.id in self.case.speech or question.who != "consulent"

    def close(self) -> None:
        self.store.close()


def _keyed(cls, specs, tr):
    return type(cls.__name__, (cls,), {"BINDINGS": keymap.bindings(specs, tr)})


def _notify_error(app, exc: Exception) -> None:
    from assistant.base.errors import describe

    app.notify(app.tr(describe(exc)), severity="error", markup=False, timeout=8)


def open_list(app) -> None:
    """The list of practice cases (from the home screen)."""
    from assistant.training.library import load_all
    from assistant.store.practice import open_practice
    from assistant.ui.screens.practice import PracticeList

    try:
        cases = load_all()
        busy = open_practice(store_for(TRAINING, app.store_path))
    except Exception as exc:  # noqa: BLE001 - a broken case file or store: said, never a traceback
        _notify_error(app, exc)
        return
    app.push_screen(_keyed(PracticeList, keymap.PRACTICE_KEYS, app.tr)(cases, busy, app.tr))


def show_story(app, case) -> None:
    from assistant.ui.screens.practice import StoryScreen

    app.push_screen(_keyed(StoryScreen, keymap.PRACTICE_KEYS, app.tr)(case, app.tr))


def begin(app, case) -> None:
    """Start the practice of this case, or resume its unfinished session, in the training store."""
    from assistant.engine.session import Intake
    from assistant.store import open_store
    from assistant.app.practice import speech_for
    from assistant.store.practice import link_session, open_practice

    if app.intake is not None or app.practice is not None:  # Enter pressed twice
        return
    path = store_for(TRAINING, app.store_path)
    try:
        resume = open_practice(path).get(case.id)
        store = open_store(path)
    except Exception as exc:  # noqa: BLE001
        _notify_error(app, exc)
        return
    started = resume[1] if resume else datetime.now(timezone.utc).isoformat()
    app.practice = PracticeRun(case, path, store, started, speech_for(case, app.tr))
    today = lambda: case.today  # noqa: E731 - the clock of the case: its deadlines are computed from it

    def opener():
        if resume is not None:
            return Intake.open(store, resume[0], app.dialog, today=today)
        intake = Intake.start(store, app.dialog, mode=TRAINING, today=today)
        link_session(path, intake.id, case.id, started)
        return intake

    app._open(opener)


async def finish(app) -> None:
    """After the decision: close the session, score and store the attempt, then show the feedback.

    Runs on the navigator (one screen change at a time).
    """
    from assistant.app.practice_attempts import score_and_save
    from assistant.training.feedback import lines
    from assistant.app.practice import attempt_of
    from assistant.store.practice import mark_done
    from assistant.ui.screens.practice import FeedbackScreen

    run, intake = app.practice, app.intake
    if run is None or intake is None or intake.state.decision is None:
        return
    sid, besluit = intake.id, intake.state.decision["besluit"]
    try:
        intake.pause()
    finally:
        intake.close()
        app.intake = None
        app.nav.return_to = None
    try:
        attempt = {**attempt_of(run.path, sid, run.started), "besluit": besluit}
        result = score_and_save(run.case, attempt, run.path, None)
        mark_done(run.path, sid)
        shown = lines(run.case, result, app.tr)
    except Exception as exc:  # noqa: BLE001 - the decision is stored; the score failed: said, never a traceback
        from assistant.base.errors import describe

        shown = [app.tr(describe(exc))]
    finally:
        app.end_practice()
    await app.nav.pop_to(app.home_screen)
    await app.push_screen(_keyed(FeedbackScreen, FEEDBACK_KEYS, app.tr)(shown, app.tr))

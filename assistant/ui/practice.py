"""Training mode in the full-screen app: choose a case, read its story, practise, see the feedback.

The flow itself is the application layer's (`assistant.app.practice`), the
same as in plain mode: this module only puts its steps on screen. The app,
the chat and the navigator each call one function here, so real intakes stay
unaware of practice.
"""

from __future__ import annotations

from typing import Any

from assistant.app import practice
from assistant.base.errors import describe
from assistant.training.feedback import lines
from assistant.ui import keymap
from assistant.ui.host import Host, as_app
from assistant.ui.screens.practice import FeedbackScreen, PracticeList, StoryScreen

FEEDBACK_KEYS = tuple(k for k in keymap.PRACTICE_KEYS if k.id != "start")


def _notify_error(app: Host, exc: Exception) -> None:
    as_app(app).notify(app.tr(describe(exc)), severity="error", markup=False, timeout=8)


def open_list(app: Host) -> None:
    """The list of practice cases (from the home screen)."""
    try:
        cases, unfinished = practice.cases_and_unfinished(app.store_path)
    except Exception as exc:  # noqa: BLE001 - a broken case file or store: said, never a traceback
        _notify_error(app, exc)
        return
    as_app(app).push_screen(app.keyed(PracticeList, keymap.PRACTICE_KEYS)(cases, unfinished, app.tr))


def show_story(app: Host, case: Any) -> None:
    as_app(app).push_screen(app.keyed(StoryScreen, keymap.PRACTICE_KEYS)(case, app.tr))


def begin(app: Host, case: Any) -> None:
    """Start the practice of this case, or resume its unfinished session, in the training store."""
    if app.conversation is not None or app.practice is not None:  # Enter pressed twice
        return

    def opener():
        run, conv = practice.begin(app.store_path, case, app.tr, dialog=app.dialog)
        app.practice = run
        return conv

    app.open_with(opener)


async def finish(app: Host) -> None:
    """After the decision: score and store the attempt, then show the feedback (on the navigator)."""
    run, conv = app.practice, app.conversation
    if run is None or conv is None or conv.decision is None:
        return
    app.conversation, app.practice = None, None
    app.nav.return_to = None
    try:
        result = practice.finish(run, conv, conv.decision["besluit"])
        shown = lines(run.case, result, app.tr)
    except Exception as exc:  # noqa: BLE001 - the decision is stored; the score failed: said, never a traceback
        shown = [app.tr(describe(exc))]
    await app.nav.pop_to(app.home_screen)
    await as_app(app).push_screen(app.keyed(FeedbackScreen, FEEDBACK_KEYS)(shown, app.tr))

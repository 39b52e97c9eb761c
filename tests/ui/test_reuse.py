"""A turn creates no widget that outlives it (issue 15 item 1).

Textual 8.2 keeps removed Inputs (text-selection signal) and FooterKeys (the
footer's `compact` watchers) alive, so a chat that mounted an answer widget
per question grew about 1.5 MB a turn. Count live widgets, not memory: the
number must not move over answer/back cycles (scripts/rss_answer_back.py
prints the memory).
"""

import gc

from textual.widget import Widget

from assistant.dialog.loader import load_file
from tests.conftest import FIXTURES
from tests.ui.driver import answer_current, press, start_new_until


def live_widgets() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, Widget))


async def cycle(app, pilot):
    await answer_current(app, pilot)  # geboortedatum -> opmerking (another question)
    await press(app, pilot, "ctrl+t")  # focus moves to the topics: the footer stays
    await press(app, pilot, "ctrl+b")
    assert app.screen.step.question.id == "geboortedatum"


async def test_answer_back_cycles_leave_no_widgets_behind(make_app):
    app = make_app(dialog=load_file(FIXTURES / "dialogs" / "mini.yaml"))
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "geboortedatum", {"voertaal": "nl"})
        await cycle(app, pilot)
        before = live_widgets()
        for _ in range(10):
            await cycle(app, pilot)
        assert live_widgets() == before

"""An unexpected error inside a screen: a message, no traceback, no local variables, no answers."""

from __future__ import annotations

import io
import stat

import pytest
from rich.console import Console

from assistant.base import paths
from tests.ui.driver import answer_current, start_new_until

VALUES = {"land_herkomst": "Qwertyvanuatu", "beroep": "Zwaluwstaartmaker"}


def _rendered(app) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    for renderable in app._exit_renderables:
        console.print(renderable)
    return console.export_text()


async def _crash_after_answers(app, monkeypatch, seen: dict):
    from assistant.ui.screens.chat import ChatScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "bezigheden_nu", VALUES)  # right after beroep, as werk_nu was

        def broken_show(self, step):
            answers = self.conv.answers  # a local full of answers, as in the issue
            raise ValueError(f"kapot bij {answers}")

        monkeypatch.setattr(ChatScreen, "show", broken_show)
        await answer_current(app, pilot)
        await pilot.pause()
        seen["shown"] = _rendered(app)
        seen["screen"] = "".join(str(w.render()) for w in app.screen.query("*") if hasattr(w, "render"))


@pytest.mark.parametrize("debug", [False, True])
async def test_forced_error_shows_no_traceback_and_no_answer(make_app, ui_store, monkeypatch, capsys, debug):
    if debug:
        monkeypatch.setenv("INTAKE_DEBUG", "1")
    else:
        monkeypatch.delenv("INTAKE_DEBUG", raising=False)
    app = make_app()
    seen: dict = {}
    with pytest.raises(ValueError):  # Pilot hands the original error to the test, the person never sees it
        await _crash_after_answers(app, monkeypatch, seen)
    shown = seen["shown"]
    out = capsys.readouterr()
    everything = shown + out.out + out.err
    assert "ValueError" in shown and "Er ging iets mis" in shown
    assert "Traceback" not in everything and "answers" not in everything and "locals" not in everything
    assert not [v for v in VALUES.values() if v in everything]
    # The session was closed cleanly: paused, and free for the next opener.
    from assistant.store.sqlite import Store

    store = Store(ui_store, readonly=True)
    (row,) = store.sessions()
    events = list(store.events(row.id))
    store.close()
    assert events[-1].kind == "paused" and app.conversation is None
    debug_dir = paths.data_dir() / "debug"
    if not debug:
        assert "INTAKE_DEBUG=1" in shown and not debug_dir.exists()
        return
    (report,) = debug_dir.iterdir()
    assert str(report) in shown.replace("\n", "")
    text = report.read_text(encoding="utf-8")
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "ValueError" in text and "broken_show" in text and "«…»" in text
    assert not [v for v in VALUES.values() if v in text]


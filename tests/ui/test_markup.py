"""Typed text is content, never markup: hostile input renders literally and breaks nothing."""

import pytest

from assistant.app.records import open_readonly
from assistant.dialog.loader import load_file
from tests.conftest import FIXTURES
from tests.ui.driver import answer_current, settle_nav, start_new_until

HOSTILE = [
    ("[/", "[/"),
    ("[bold]x", "[bold]x"),
    ("[@click=app.quit]klik[/]", "[@click=app.quit]klik[/]"),
    ("rood\x1b[31mtekst\x1b[0m", "roodtekst"),
    ("titel\x1b]0;gekaapt\x07einde", "titeleinde"),
    ("link\x1b]8;;http://x\x1b\\hier", "linkhier"),
    ("مرحبا بكم في هولندا", "مرحبا بكم في هولندا"),
    ("ሰላም ከመይ ኣለኹም", "ሰላም ከመይ ኣለኹም"),
    ("👩‍👩‍👧 🇳🇱", "👩‍👩‍👧 🇳🇱"),
    ("\u202eomgekeerd", "omgekeerd"),
    ("a" * 5000, "a" * 5000),
]


@pytest.mark.parametrize("typed, stored", HOSTILE, ids=range(len(HOSTILE)))
async def test_hostile_answer_is_stored_clean_and_shown_literally(make_app, ui_store, typed, stored):
    app = make_app(dialog=load_file(FIXTURES / "dialogs" / "mini.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_new_until(app, pilot, "opmerking")
        await answer_current(app, pilot, typed)
        assert app.is_running and app.screen.id == "chat"
        assert app.screen.step.question.id == "bsn"  # the conversation goes on
        lines = [strip.text for strip in app.screen.query_one("#transcript").lines]
        shown = "".join(lines)
        assert stored[:60] in shown.replace(" ", "") or stored[:60] in shown
        assert "\x1b" not in shown
        await pilot.resize_terminal(60, 20)  # resize breaks nothing either
        await settle_nav(app, pilot)
        sid = app.conversation.id
    assert open_readonly(ui_store, sid)["answers"]["opmerking"] == stored


async def test_markup_in_answers_does_not_run_actions(make_app, ui_store):
    app = make_app(dialog=load_file(FIXTURES / "dialogs" / "mini.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        await start_new_until(app, pilot, "opmerking")
        await answer_current(app, pilot, "[@click=app.quit]KLIK[/]")
        transcript = app.screen.query_one("#transcript")
        row = next(i for i, s in enumerate(transcript.lines) if "KLIK" in s.text)
        col = transcript.lines[row].text.index("KLIK")
        await pilot.click("#transcript", offset=(col + 2, row + 1 - int(transcript.scroll_y)))
        await settle_nav(app, pilot)
        assert app.is_running

"""The screen stack is handled in one place: the overview and the proposal never
crash or strand the consulent (issue 10, items 1 and 2).

Journeys as a consulent would press them; the assertions read the screen and
the store, not widget internals.
"""

from assistant.app.records import open_readonly
from assistant.dialog.loader import load_file
from tests.conftest import FIXTURES
from tests.ui.driver import answer_current, press, press_button, screen_text, start_new_until


def mini():
    return load_file(FIXTURES / "dialogs" / "mini.yaml")


def position(ui_store, sid):
    return open_readonly(ui_store, sid)["position"]


async def test_overview_with_questions_open_then_on_to_the_proposal_does_not_crash(make_app, ui_store):
    """Ctrl+R halfway, then 'Verder naar het voorstel': was DuplicateIds 'review'."""
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "geboortedatum", {"voertaal": "nl"})
        sid = app.conversation.id
        await press(app, pilot, "ctrl+r")
        assert app.screen.id == "review"
        await press_button(app, pilot, "#submit")
        assert app.is_running and app.screen.id == "review"  # the overview again, saying what is open
        assert "verplichte vragen open" in screen_text(app)
        await press_button(app, pilot, "#submit")  # and again: still no crash
        # the same with keys faster than the screens change
        await pilot.press("escape", "ctrl+r", "escape", "ctrl+r")
        await press(app, pilot)
        assert app.is_running and app.screen.id == "review"
        await press(app, pilot, "escape")
        assert app.screen.id == "chat" and app.screen.step.question.id == "geboortedatum"
    view = open_readonly(ui_store, sid)
    assert view["decision"] is None and view["position"] == "geboortedatum"


async def test_overview_and_back_at_question_two_returns_to_that_question(make_app, ui_store):
    """Ctrl+R then Escape at question 2 was a dead end ('Alle vragen zijn gesteld', no input)."""
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await start_new_until(app, pilot, "voertaal")
        sid = app.conversation.id
        await press(app, pilot, "ctrl+r")
        await press(app, pilot, "escape")
        shown = screen_text(app)
        assert app.screen.id == "chat" and "Alle vragen zijn gesteld" not in shown
        assert "Welke taal spreekt u?" in shown and "Nederlands" in shown  # the question and its choices
        assert position(ui_store, sid) == "voertaal"
        await answer_current(app, pilot, "nl")  # the input works
        assert app.screen.step.question.id == "privacy_uitleg"
        await press(app, pilot, "ctrl+r")
        await press(app, pilot, "escape")
        await press(app, pilot, "ctrl+b")  # back goes one question back, not to the last one
        assert app.screen.step.question.id == "voertaal"
        await press(app, pilot, "f10")
        await press(app, pilot, "enter")  # reopened from home: the question, not the overview
        assert app.screen.id == "chat" and app.screen.step.question.id == "voertaal"
    assert open_readonly(ui_store, sid)["answers"]["voertaal"] == "nl"


async def test_after_the_last_question_the_chat_offers_the_overview(make_app, ui_store):
    app = make_app(dialog=mini())
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        for _ in range(40):
            if app.screen.id != "chat":
                break
            await answer_current(app, pilot, {"voertaal": "nl"}.get(app.screen.step.question.id))
        assert app.screen.id == "review"
        await press(app, pilot, "escape")
        shown = screen_text(app)
        assert app.screen.id == "chat" and "Alle vragen zijn gesteld" in shown
        assert "Overzicht" in shown  # a button, and the key in the footer
        await press_button(app, pilot, "#phase")
        assert app.screen.id == "review"

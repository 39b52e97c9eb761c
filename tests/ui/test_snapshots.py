"""A small snapshot suite for looks, at a fixed terminal size (100×30)."""

import pytest

from assistant.dialog.loader import load_dialog, load_file
from assistant.engine.session import Intake
from assistant.store.sqlite import Store
from tests.conftest import FIXTURES
from tests.ui.conftest import TODAY
from tests.ui.driver import answer_current, press, settle_nav, start_new_until

SIZE = (100, 30)
MINI_STOPS = {"info": "hallo", "choice": "voertaal", "date": "geboortedatum", "text": "opmerking",
              "yesno": "kinderen", "list": "kinderen_leeftijden", "number": "onderwijs_jaren",
              "multichoice": "talen"}


async def settle(pilot):
    """Let scrolling and layout finish before the picture is taken.

    The transcript scrolls to its end after a refresh; pin that here, or the
    picture depends on whether the last scroll landed before it was taken.
    """
    await settle_nav(pilot.app, pilot)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    for log in pilot.app.query("#transcript"):
        log.scroll_end(animate=False, immediate=True)
    await pilot.pause()


def mini():
    return load_file(FIXTURES / "dialogs" / "mini.yaml")


def seed_sessions(store_path, dialog, answers_per_session):
    store = Store(store_path)
    for n in answers_per_session:
        intake = Intake.start(store, dialog, today=lambda: TODAY)
        for q in dialog.questions[:n]:
            intake.answer_question(q.id, {"info": "", "choice": "1", "date": "12-03-1990", "yesno": "ja",
                                          "text": "x", "number": "3", "list": "3", "multichoice": "1"}[q.type])
        intake.pause()
        intake.close()
    store.close()


def test_home_screen(snap_compare, make_app, ui_store):
    seed_sessions(ui_store, load_dialog(), [3, 12])
    assert snap_compare(make_app(), terminal_size=SIZE)


@pytest.mark.parametrize("kind", sorted(MINI_STOPS))
def test_question_of_each_input_type(snap_compare, make_app, kind):
    app = make_app(dialog=mini())

    async def run_before(pilot):
        await start_new_until(app, pilot, MINI_STOPS[kind], {"voertaal": "nl"})
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_review_screen(snap_compare, make_app):
    app = make_app(dialog=mini())

    async def run_before(pilot):
        await press(app, pilot, "n")
        while app.screen.id == "chat" and app.screen.step.question is not None:
            await answer_current(app, pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_right_to_left_second_language(snap_compare, make_app):
    app = make_app(dialog=load_dialog())

    async def run_before(pilot):
        await press(app, pilot, "n")
        await answer_current(app, pilot)  # welcome
        await answer_current(app, pilot, "ar")  # العربية
        for _ in range(2):
            await answer_current(app, pilot)
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_interface_language_with_a_validation_message(snap_compare, make_app, lang):
    """The whole interface in Arabic or Tigrinya: a question, a refused date and the topic panel."""
    app = make_app(dialog=load_dialog(), lang=lang)

    async def run_before(pilot):
        await start_new_until(app, pilot, "geboortedatum", {"voertaal": lang})
        await answer_current(app, pilot, "31-02-1990")  # no such day: refused, input kept
        assert app.screen.step.question.id == "geboortedatum"
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)

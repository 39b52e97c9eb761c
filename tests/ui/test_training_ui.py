"""Training mode in the full-screen app (issue 13): from home to a case, its words beside
each question, the session in the training store only, and the feedback after the decision."""

from __future__ import annotations

import re
from datetime import date

from assistant.app.caseload import summaries
from assistant.app.practice import speech_for
from assistant.base.text import clean
from assistant.i18n import translator
from assistant.store.practice import scores, training_store_path
from assistant.store.sqlite import Store
from assistant.training.library import load_case
from assistant.ui.screens.practice import SpeechPanel
from tests.ui.driver import answer_current, press, press_button, screen_text, settle_nav

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CASE_ID = "b1_route_werk"
SIZE = (140, 45)


def typed(value) -> str | None:
    """A true answer of the case as the trainee types or picks it in the chat."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, str) and ISO_DATE.match(value):
        value = date.fromisoformat(value)
    if isinstance(value, date):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, list):
        return ", ".join(map(str, value)) if value and not isinstance(value[0], str) else None
    return None if value is None else str(value)


async def open_case(app, pilot, case_id: str = CASE_ID) -> None:
    """Home, o, the case's row, Enter (the story), Enter (the intake)."""
    await press(app, pilot, "o")
    assert app.screen.id == "practice-list"
    table = app.screen.query_one("DataTable")
    table.move_cursor(row=table.get_row_index(case_id))
    await pilot.pause()
    await press(app, pilot, "enter")
    assert app.screen.id == "practice-story"
    await press(app, pilot, "enter")
    assert app.screen.id == "chat", app.screen


async def answer_as_case(app, pilot, case) -> str:
    q = app.screen.step.question
    value = case.answers.get(q.id)
    if q.type in ("choice",):
        return await answer_current(app, pilot, value if value in q.choice_ids else None)
    if q.type == "multichoice":
        return await answer_current(app, pilot)
    return await answer_current(app, pilot, typed(value))


async def test_practice_from_home_shows_the_words_uses_the_training_store_and_gives_feedback(make_app, ui_store):
    case, tr = load_case(CASE_ID), translator("nl")
    said = speech_for(case, tr)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "o")
        shown = screen_text(app)
        assert "OEFENING" in shown and clean(case.title) in shown
        assert "B1-route" not in shown.split("Wat u oefent")[0]  # the expected route is not given away
        await press(app, pilot, "escape")
        assert app.screen.id == "home"
        await open_case(app, pilot)
        assert app.conversation.mode == "training" and "OEFENING" in screen_text(app)
        panel = app.screen.query_one(SpeechPanel)
        seen: dict[str, str | None] = {}
        for _ in range(120):  # bounded: a refused answer fails the test
            if app.screen.id != "chat" or app.screen.step.question is None:
                break
            qid = app.screen.step.question.id
            words = said(qid)
            assert panel.words == (clean(words) if words else None), qid
            seen[qid] = panel.words
            if qid == "onderwijs_jaren":  # the case's own words, not the answer id or value
                assert "negen jaar naar school" in screen_text(app)
            if qid == "doelgroep":  # a consulent's question: a fact from the file, not put in the person's mouth
                assert "In het dossier staat" in screen_text(app)
                assert "De persoon zegt" not in screen_text(app)
            await answer_as_case(app, pilot, case)
        assert seen.get("onderwijs_jaren"), (list(seen)[-3:], app.screen.step.kind, screen_text(app)[:3000])
        assert len({w for w in seen.values() if w}) > 5  # it changes per question
        assert app.screen.id == "review", app.screen
        assert "OEFENING" in screen_text(app)
        await press_button(app, pilot, "#submit")
        assert app.screen.id == "proposal" and "OEFENING" in screen_text(app)
        app.screen.query_one("#gemeentecode").value = "0363"
        sid = app.conversation.id
        await press_button(app, pilot, "#agree")
        await settle_nav(app, pilot)
        assert app.screen.id == "practice-feedback", app.screen
        shown = screen_text(app)
        assert "OEFENING" in shown and "Score:" in shown and "Leerroute" in shown
        assert app.conversation is None and app.practice is None
        await press(app, pilot, "escape")
        assert app.screen.id == "home"
        assert app.screen.query_one("#sessions").row_count == 0  # not in the caseload
    training = training_store_path(ui_store)
    assert summaries(ui_store) == []
    real = Store(ui_store)
    try:
        assert all(r.id != sid for r in real.sessions())
    finally:
        real.close()
    store = Store(training)
    try:
        assert [r.id for r in store.sessions()] == [sid]
    finally:
        store.close()
    [row] = scores(training)
    assert row.case_id == CASE_ID


async def test_a_paused_practice_is_resumed_from_the_list_on_the_same_session(make_app, ui_store):
    case = load_case(CASE_ID)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_case(app, pilot)
        sid = app.conversation.id
        for _ in range(3):
            await answer_as_case(app, pilot, case)
        at = app.screen.step.question.id
        await press(app, pilot, "f10")
        assert app.screen.id == "home" and app.practice is None
        assert app.screen.query_one("#sessions").row_count == 0
        await press(app, pilot, "o")
        assert "bezig" in screen_text(app)
        await press(app, pilot, "escape")
        await open_case(app, pilot)
        assert app.conversation.id == sid and app.screen.step.question.id == at
        words = speech_for(case, translator("nl"))(at)
        assert app.screen.query_one(SpeechPanel).words == (clean(words) if words else None)
        await press(app, pilot, "f10")
    assert summaries(ui_store) == []


async def test_f10_on_the_list_and_on_the_story_goes_home_and_starts_nothing(make_app, ui_store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "o")
        await press(app, pilot, "f10")
        assert app.screen.id == "home" and app.is_running
        await press(app, pilot, "o", "enter")
        assert app.screen.id == "practice-story"
        await press(app, pilot, "f10")
        assert app.screen.id == "home" and app.conversation is None and app.practice is None
    assert not training_store_path(ui_store).exists()  # looking at the list and the story stores nothing


async def test_the_practice_key_is_in_the_footer_and_the_key_help(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert "Oefenen" in screen_text(app)
        await press(app, pilot, "f2")
        assert "practice" in screen_text(app) and "Oefenen" in screen_text(app)


async def test_a_real_intake_has_no_speech_panel_and_no_banner(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(app, pilot, "n")
        assert app.screen.id == "chat"
        assert not app.screen.query(SpeechPanel) and "OEFENING" not in screen_text(app)


async def test_a_wrong_answer_and_a_wrong_route_are_named_in_the_feedback(make_app, ui_store):
    case = load_case(CASE_ID)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_case(app, pilot)
        for _ in range(120):
            if app.screen.id != "chat" or app.screen.step.question is None:
                break
            if app.screen.step.question.id == "onderwijs_jaren":
                await answer_current(app, pilot, "6")  # the person said nine years
                continue
            await answer_as_case(app, pilot, case)
        await press_button(app, pilot, "#submit")
        assert app.screen.id == "proposal"
        for wid, value in (("gemeentecode", "0363"), ("leerroute", "Z"), ("motivatie", "Hij leert langzaam.")):
            app.screen.query_one(f"#{wid}").value = value
        await press_button(app, pilot, "#deviate")
        await settle_nav(app, pilot)
        assert app.screen.id == "practice-feedback"
        shown = screen_text(app)
        assert "Jaren school: u vulde in: 6. Goed is: 9." in shown
        assert "negen jaar naar school" in shown  # the person's words beside the mistake
        assert "u koos Zelfredzaamheidsroute (Z-route). De casus vraagt: B1-route." in shown
    [row] = scores(training_store_path(ui_store))
    assert row.score < 100 and "onderwijs_jaren" in " ".join(row.mistakes)

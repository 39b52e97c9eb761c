"""The consulent in the joint chat: F4 gives a free-text answer from the pre-intake its Dutch rendering,
and the proposal says how many answers from the pre-intake are still unconfirmed (issue 12)."""

from __future__ import annotations

from assistant.app.caseload import fold
from assistant.dialog.loader import load_dialog
from assistant.engine.session import Intake
from assistant.store.sqlite import Store
from assistant.ui.screens.modals import TextPrompt
from tests.preintake.helpers import answer_alone, consulent_opens, seed_pre_intake
from tests.ui.conftest import TODAY
from tests.ui.driver import press, press_button, screen_text, seed_full_intake, settle_nav

TIGRINYA = "ኣብ ሕርሻ ክሰርሕ እየ ዝደሊ"
DUTCH = "Ik wil in de landbouw werken"


def _events(store_path, sid):
    store = Store(store_path, readonly=True)
    try:
        return [(e.kind, e.actor, e.data) for e in store.events(sid)]
    finally:
        store.close()


async def _highlight(app, pilot, qid):
    answers = app.screen.query_one("#answers")
    answers.highlighted = next(i for i in range(answers.option_count) if answers.get_option_at_index(i).id == qid)
    answers.focus()
    await pilot.pause()


async def test_f4_in_the_overview_renders_refuses_and_cancels(ui_store):
    sid = seed_pre_intake(ui_store, "KXR7M4TD", answers={"werkwens": TIGRINYA}, stop_before="doel_over_drie_jaar")
    async with consulent_opens(ui_store, sid, (120, 45)) as (app, pilot):
        assert app.screen.id == "chat"
        await press(app, pilot, "ctrl+o")
        assert app.conversation.mode == "joint"
        await press(app, pilot, "ctrl+r")
        assert app.screen.id == "review" and "F4: Nederlandse weergave" in screen_text(app)
        await _highlight(app, pilot, "naam")  # Latin text given alone: offered too (from the pre-intake)
        await _highlight(app, pilot, "geboortedatum")  # a date: nothing to render
        await press(app, pilot, "f4")
        assert not isinstance(app.screen, TextPrompt) and "geen Nederlandse weergave nodig" in screen_text(app)
        await _highlight(app, pilot, "werkwens")
        await press(app, pilot, "f4")
        assert isinstance(app.screen, TextPrompt) and TIGRINYA in screen_text(app)
        await press(app, pilot, "space", "enter")  # empty: refused, the prompt stays
        assert isinstance(app.screen, TextPrompt) and "De Nederlandse weergave is leeg" in screen_text(app)
        app.screen.query_one("#prompt-input").value = "x" * 301
        await press(app, pilot, "enter")
        assert isinstance(app.screen, TextPrompt) and "te lang: 301 tekens" in screen_text(app)
        await press(app, pilot, "escape")  # cancel: nothing stored
        assert app.screen.id == "review" and "rendered" not in [k for k, _a, _d in _events(ui_store, sid)]
        await press(app, pilot, "f4")
        app.screen.query_one("#prompt-input").value = ""
        await press(app, pilot, *["space" if c == " " else c for c in DUTCH], "enter")  # typed like a person
        assert app.screen.id == "review"
        shown = screen_text(app)
        assert f"Nederlands: {DUTCH}" in shown and TIGRINYA in shown  # beside the answer as typed
        await press(app, pilot, "escape")
    assert ("rendered", "consulent", {"question": "werkwens", "text": DUTCH}) in _events(ui_store, sid)


async def test_f4_in_the_chat_on_the_current_answer(ui_store):
    sid = seed_pre_intake(ui_store, "KXR7M4TD", answers={"werkwens": TIGRINYA}, stop_before="doel_over_drie_jaar")
    async with consulent_opens(ui_store, sid, (120, 45)) as (app, pilot):
        assert app.screen.id == "chat"
        await press(app, pilot, "ctrl+o")
        assert app.conversation.mode == "joint"
        current = app.screen.step.question
        await press(app, pilot, "f4")  # a consulent question with no answer yet: said, nothing opens
        assert current.id != "werkwens" and not isinstance(app.screen, TextPrompt)
        assert "geen Nederlandse weergave nodig" in screen_text(app)
        app.screen.show(app.conversation.edit("werkwens"))
        await settle_nav(app, pilot)
        assert "F4: Nederlandse weergave" in screen_text(app)
        await press(app, pilot, "f4")
        app.screen.query_one("#prompt-input").value = DUTCH
        await press(app, pilot, "enter")
        assert app.screen.id == "chat" and f"Nederlandse weergave bewaard: {DUTCH}" in screen_text(app)
    assert ("rendered", "consulent", {"question": "werkwens", "text": DUTCH}) in _events(ui_store, sid)


def _finished_after_handover(store_path, confirm_all: bool) -> str:
    sid = seed_pre_intake(store_path, "KXR7M4TD")
    store = Store(store_path)
    it = Intake.open(store, sid, load_dialog(), today=lambda: TODAY)
    it.handover()
    answer_alone(it, actor=None)
    if confirm_all:
        it.confirm(sorted(it.state.alone))
    it.submit()
    it.pause()
    it.close()
    store.close()
    return sid


async def _proposal_text(store_path, sid, agree: bool = False) -> str:
    async with consulent_opens(store_path, sid, (120, 45)) as (app, pilot):
        assert app.screen.id == "proposal", app.screen.id
        shown = screen_text(app)
        if agree:  # the warning does not block: the consulent confirms the PIP anyway
            app.screen.query_one("#gemeentecode").value = "0363"
            await press_button(app, pilot, "#agree")
            assert app.conversation.confirmed
        return shown


async def test_the_proposal_warns_about_unconfirmed_answers_without_blocking(ui_store, tmp_path):
    sid = _finished_after_handover(ui_store, confirm_all=False)
    store = Store(ui_store, readonly=True)
    dialog = load_dialog()  # info pages acknowledged alone are no answers to check
    n = len([q for q in fold(store, sid, dialog).alone if dialog.find_question(q).type != "info"])
    store.close()
    shown = await _proposal_text(ui_store, sid, agree=True)
    assert n > 1 and f"Let op: {n} antwoorden uit de voorbereiding zijn nog niet bevestigd." in " ".join(shown.split())
    confirmed = _finished_after_handover(tmp_path / "c.sqlite3", confirm_all=True)
    assert "uit de voorbereiding" not in await _proposal_text(tmp_path / "c.sqlite3", confirmed)
    joint = seed_full_intake(tmp_path / "j.sqlite3")
    assert "uit de voorbereiding" not in await _proposal_text(tmp_path / "j.sqlite3", joint)

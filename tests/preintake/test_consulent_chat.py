"""The consulent opens a pre-intake from home and takes it over in the chat (Ctrl+O), confirms a topic (Ctrl+K)."""

from __future__ import annotations

from assistant.store.sqlite import Store
from assistant.ui.app import IntakeApp
from tests.preintake.helpers import consulent_opens, seed_pre_intake
from tests.ui.conftest import TODAY
from tests.ui.driver import answer_current, press, screen_text, settle_nav


async def test_handover_and_confirm_from_the_chat(ui_store):
    sid = seed_pre_intake(ui_store, "KXR7M4TD", stop_before="werkervaring_jaren")
    async with consulent_opens(ui_store, sid) as (app, pilot):
        assert app.screen.id == "chat" and "Ctrl+O" in screen_text(app)
        await press(app, pilot, "ctrl+o")
        step = app.screen.step
        assert app.conversation.mode == "joint" and step.question is not None
        before = set(app.conversation.given_alone)
        topic = next(q.topic for q in app.conversation.dialog.questions if q.id in before)
        app.conversation.jump(topic)  # to a topic answered alone (the topic panel does the same)
        app.screen.show(app.conversation.step())
        await settle_nav(app, pilot)
        await press(app, pilot, "ctrl+k")
        assert not {q.id for q in app.conversation.dialog.topic(topic).questions} & app.conversation.given_alone
        assert "Bevestigd" in screen_text(app)
    store = Store(ui_store, readonly=True)
    kinds = [(e.kind, e.actor) for e in store.events(sid)]
    store.close()
    assert ("handover", "consulent") in kinds and ("confirmed", "consulent") in kinds


def _footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_a_finished_pre_intake_is_taken_over_from_the_overview_with_the_key_in_the_footer(ui_store):
    """Opened when all is answered alone, it lands on the overview: Ctrl+O works there and the footer says so."""
    sid = seed_pre_intake(ui_store, "KXR7M4TD")
    async with consulent_opens(ui_store, sid) as (app, pilot):
        assert app.screen.id == "review"
        assert "Voorbereiding overnemen" in _footer(app) and "^o" in _footer(app)
        assert "Onderwerp bevestigen" not in _footer(app)  # confirming comes after taking over
        assert "alleen gegeven, nog niet bevestigd" in screen_text(app)
        await press(app, pilot, "ctrl+o")
        assert app.conversation.mode == "joint" and app.screen.id == "chat"
        q = app.screen.step.question
        assert q is not None and q.who == "consulent"  # the first consulent question, asked now
        assert "U hebt de voorbereiding overgenomen" in screen_text(app)
        assert "Voorbereiding overnemen" not in _footer(app)  # taken over: the key is gone
        assert "Onderwerp bevestigen" in _footer(app)  # answers given alone wait to be confirmed
        await press(app, pilot, "ctrl+o")  # twice: nothing more happens, no error
        assert app.screen.step.question == q
    store = Store(ui_store, readonly=True)
    kinds = [e.kind for e in store.events(sid)]
    store.close()
    assert kinds.count("handover") == 1


async def test_a_joint_intake_shows_neither_pre_intake_key_and_they_do_nothing(ui_store):
    app = IntakeApp(ui_store, "nl", today=lambda: TODAY)
    app.CURSOR_BLINK = False
    async with app.run_test(size=(100, 30)) as pilot:
        await press(app, pilot, "n")
        footer = _footer(app)
        assert "Voorbereiding overnemen" not in footer and "Onderwerp bevestigen" not in footer
        before = app.screen.step.question
        await press(app, pilot, "ctrl+o", "ctrl+k")
        assert app.conversation.mode == "joint" and app.screen.step.question == before
        assert [e.kind for e in app.store.events(app.conversation.id)].count("handover") == 0


async def test_confirming_a_topic_with_nothing_given_alone_says_so(ui_store):
    """Ctrl+K on a topic where the inburgeraar answered nothing alone: a message, no event."""
    sid = seed_pre_intake(ui_store, "KXR7M4TD")
    async with consulent_opens(ui_store, sid) as (app, pilot):
        await press(app, pilot, "ctrl+o")
        for _ in range(30):  # the consulent questions, up to a topic with nothing answered alone (the LBT)
            topic = app.conversation.dialog.topic(app.screen.step.phase)
            if not {q.id for q in topic.questions} & app.conversation.given_alone:
                break
            await answer_current(app, pilot)
        assert not {q.id for q in topic.questions} & app.conversation.given_alone
        assert "Onderwerp bevestigen" in _footer(app)  # shown: other topics still have answers given alone
        await press(app, pilot, "ctrl+k")
        assert "niets te bevestigen" in screen_text(app)
        assert "confirmed" not in [e.kind for e in app.store.events(app.conversation.id)]


async def test_reopened_after_the_hand_over_the_chat_names_ctrl_k_not_ctrl_o(ui_store):
    sid = seed_pre_intake(ui_store, "KXR7M4TD")
    store = Store(ui_store)
    try:
        from assistant.dialog.loader import load_dialog
        from assistant.engine.session import Intake

        intake = Intake.open(store, sid, load_dialog(), today=lambda: TODAY)
        intake.handover()
        intake.pause()
        intake.close()
    finally:
        store.close()
    async with consulent_opens(ui_store, sid) as (app, _pilot):
        shown = screen_text(app)
        assert "Antwoorden uit de voorbereiding" in shown and "Ctrl+O" not in shown
        assert "Onderwerp bevestigen" in _footer(app) and "Voorbereiding overnemen" not in _footer(app)

"""The consulent opens a pre-intake from home and takes it over in the chat (Ctrl+O), confirms a topic (Ctrl+K)."""

from __future__ import annotations

from assistant.store.sqlite import Store
from assistant.ui.app import IntakeApp
from tests.preintake.helpers import seed_pre_intake
from tests.ui.conftest import TODAY
from tests.ui.driver import press, screen_text, settle_nav


async def test_handover_and_confirm_from_the_chat(ui_store):
    sid = seed_pre_intake(ui_store, "KXR7M4TD", stop_before="werkervaring_jaren")
    app = IntakeApp(ui_store, "nl", today=lambda: TODAY)
    app.CURSOR_BLINK = False
    async with app.run_test(size=(110, 40)) as pilot:
        app.open_intake(sid)
        await settle_nav(app, pilot)
        assert app.screen.id == "chat" and "Ctrl+O" in screen_text(app)
        await press(app, pilot, "ctrl+o")
        step = app.screen.step
        assert app.intake.mode == "joint" and step.question is not None
        before = set(app.intake.state.alone)
        topic = next(q.topic for q in app.intake.dialog.questions if q.id in before)
        app.intake.jump(topic)  # to a topic answered alone (the topic panel does the same)
        app.screen.show(app.intake.step())
        await settle_nav(app, pilot)
        await press(app, pilot, "ctrl+k")
        assert not {q.id for q in app.intake.dialog.topic(topic).questions} & app.intake.state.alone
        assert "Bevestigd" in screen_text(app)
    store = Store(ui_store, readonly=True)
    kinds = [(e.kind, e.actor) for e in store.events(sid)]
    store.close()
    assert ("handover", "consulent") in kinds and ("confirmed", "consulent") in kinds

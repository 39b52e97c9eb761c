"""Seeding for the pre-intake tests: sessions made through the engine, as the view would."""

from __future__ import annotations

from contextlib import asynccontextmanager

from assistant.dialog.loader import load_dialog
from assistant.engine import resume
from assistant.engine.session import Intake
from assistant.store.sqlite import Store
from tests.ui.conftest import TODAY
from tests.ui.driver import PREFER

TYPED = {"date": "12-03-1990", "number": "10", "list": "3, 7", "text": "Bakker", "yesno": "ja",
         "choice": "1", "multichoice": "1", "info": ""}


def answer_alone(intake, *, answers=None, skip=(), stop_before: str | None = None, actor="inburgeraar"):
    """Answer the questions this session asks until none is left (or `stop_before`); returns the ids asked."""
    asked = []
    for _ in range(300):
        q = intake.step().question
        if q is None or q.id == stop_before:
            break
        asked.append(q.id)
        if q.id in skip:
            assert intake.skip("later", actor).error is None, q.id
            continue
        raw = (answers or {}).get(q.id, PREFER.get(q.id, TYPED[q.type]))
        assert intake.answer(raw, actor).error is None, q.id
    return asked


def open_intake(store, sid: str):
    """A stored session opened as the consulent's app does, on the tests' fixed day."""
    return Intake.open(store, sid, load_dialog(), today=lambda: TODAY)


def seed_pre_intake(store_path, code: str, **kw) -> str:
    """A consented pre-intake with a known resume code; paused; returns its id."""
    store = Store(store_path)
    try:
        intake = Intake.start(store, load_dialog(), mode="pre_intake", actor="inburgeraar", today=lambda: TODAY)
        intake.record_consent(True)
        intake.set_resume_code(*resume.seal(code))
        answer_alone(intake, **kw)
        intake.pause("inburgeraar")
        intake.close()
        return intake.id
    finally:
        store.close()


def seed_joint(store_path, answers: dict) -> str:
    store = Store(store_path)
    try:
        intake = Intake.start(store, load_dialog(), today=lambda: TODAY)
        answer_alone(intake, answers=answers, actor=None)
        intake.pause()
        intake.close()
        return intake.id
    finally:
        store.close()


@asynccontextmanager
async def consulent_opens(store_path, sid: str, size=(100, 30)):
    """The consulent's app with this session opened from home (the caseload's Enter); yields (app, pilot)."""
    from assistant.ui.app import IntakeApp
    from tests.ui.driver import settle_nav

    app = IntakeApp(store_path, "nl", today=lambda: TODAY)
    app.CURSOR_BLINK = False
    async with app.run_test(size=size) as pilot:
        app.open_intake(sid)
        await settle_nav(app, pilot)
        yield app, pilot

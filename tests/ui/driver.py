"""Drive the chat like a person: type into the input, press Enter, click buttons."""

from __future__ import annotations

from assistant.ui.widgets.inputs import AnswerInput

TYPED = {"date": "12-03-1990", "number": "10", "list": "3, 7", "text": "Bakker"}
PREFER = {"geboortedatum": "12-03-1990", "datum_kennisgeving": "05-01-2026", "datum_inschrijving_brp": "12-01-2026",
          "bsn": "111222333", "lbt_behaalde_score": "55,00", "lbt_benodigde_score": "50,00",
          "belastbaarheid_uren_per_week": "24", "kinderen_leeftijden": "3, 7"}


async def settle_nav(app, pilot) -> None:
    """Wait until the app's navigator has carried out every screen change asked for."""
    for _ in range(500):  # bounded: a hung navigator fails the test instead of hanging it
        await pilot.pause()
        if not app.nav.pending:
            return
    raise AssertionError("the screens never settled")


async def press(app, pilot, *keys: str) -> None:
    """Press keys like a person, then wait until any screen change they asked for is done."""
    await pilot.press(*keys)
    await settle_nav(app, pilot)


async def burst(app, pilot, *keys: str) -> None:
    """Keys as a fast typist sends them: all queued at once, none waiting for the screen.

    `pilot.press` waits until the app is idle after every key, so it can never
    type ahead; this puts every key in the driver's queue first, then waits.
    """
    from textual import events
    from textual.keys import _character_to_key

    chars = {"enter": "\r", "space": " "}
    for key in keys:
        name = _character_to_key(key) if len(key) == 1 and not key.isalnum() else key
        event = events.Key(name, key if len(key) == 1 else chars.get(key))
        event.set_sender(app)
        app._driver.send_message(event)
    await settle_nav(app, pilot)
    await pilot.press()  # and the screen drawn
    await settle_nav(app, pilot)


async def answer_current(app, pilot, value: str | None = None) -> str:
    """Answer the chat's current question through its widget; returns the question id."""
    step = app.screen.step
    q = step.question
    widget = app.screen.query(AnswerInput).last()
    if q.type in TYPED:
        field = widget.query_one("Input")
        field.value = value if value is not None else PREFER.get(q.id, TYPED[q.type])
        field.focus()
        await pilot.pause()  # focus is set on the next loop turn, before Enter
        await pilot.press("enter")
    elif q.type == "yesno":
        await press_button(app, pilot, "#yes" if value != "nee" else "#no")
    elif q.type == "info":
        await press_button(app, pilot, "#ack")
    elif q.type == "choice":
        options = widget.query_one("#choices")
        options.focus()
        options.highlighted = q.choice_ids.index(value) if value else 0  # default: the first choice
        await pilot.press("enter")
    elif q.type == "multichoice":
        widget.query_one("#multi").focus()
        await pilot.press("space")
        await press_button(app, pilot, "#done")
    await settle_nav(app, pilot)
    return q.id


async def press_button(app, pilot, selector: str) -> None:
    """Focus a button and press Enter: works wherever it is scrolled to."""
    app.screen.query(selector).last().focus()
    await pilot.pause()
    await press(app, pilot, "enter")


async def start_new_until(app, pilot, qid: str, answers: dict | None = None) -> None:
    """Start a new intake from the home screen and answer until question `qid` is asked."""
    await press(app, pilot, "n")
    for _ in range(200):  # bounded: a crashed app or a refused answer must fail the test, not hang it
        current = app.screen.step.question.id
        if current == qid:
            return
        await answer_current(app, pilot, (answers or {}).get(current))
        assert app.is_running, f"the app stopped while answering {current}"
    raise AssertionError(f"question {qid} was never asked")


def screen_text(app) -> str:
    """What the terminal shows right now, as plain lines (the test reads the screen, not widgets)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def seed_full_intake(store_path, *, submit: bool = True, today=None, answers: dict | None = None) -> str:
    """A whole intake answered through the engine (fast), paused; returns its id.

    Used where a test is about the overview or the proposal, not the questions.
    """
    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake
    from assistant.store.sqlite import Store
    from tests.ui.conftest import TODAY

    typed = {"date": "12-03-1990", "number": "10", "list": "3, 7", "text": "Bakker", "yesno": "ja",
             "choice": "1", "multichoice": "1", "info": ""}
    store = Store(store_path)
    intake = Intake.start(store, load_dialog(), today=today or (lambda: TODAY))
    for _ in range(300):
        q = intake.step().question
        if q is None:
            break
        raw = (answers or {}).get(q.id, PREFER.get(q.id, typed[q.type]))
        assert intake.answer(raw).error is None, q.id
    if submit:
        intake.submit()
    sid = intake.id
    intake.pause()
    intake.close()
    store.close()
    return sid

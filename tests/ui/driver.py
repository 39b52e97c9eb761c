"""Drive the chat like a person: type into the input, press Enter, click buttons."""

from __future__ import annotations

from assistant.ui.inputs import AnswerInput

TYPED = {"date": "12-03-1990", "number": "10", "list": "3, 7", "text": "Bakker"}
PREFER = {"geboortedatum": "12-03-1990", "datum_kennisgeving": "05-01-2026", "datum_inschrijving_brp": "12-01-2026",
          "bsn": "111222333", "lbt_behaalde_score": "55,00", "lbt_benodigde_score": "50,00",
          "belastbaarheid_uren_per_week": "24", "kinderen_leeftijden": "3, 7"}


async def answer_current(app, pilot, value: str | None = None) -> str:
    """Answer the chat's current question through its widget; returns the question id."""
    step = app.screen.step
    q = step.question
    widget = app.screen.query(AnswerInput).last()
    if q.type in TYPED:
        field = widget.query_one("Input")
        field.value = value if value is not None else PREFER.get(q.id, TYPED[q.type])
        field.focus()
        await pilot.press("enter")
    elif q.type == "yesno":
        await press_button(app, pilot, "#yes" if value != "nee" else "#no")
    elif q.type == "info":
        await press_button(app, pilot, "#ack")
    elif q.type == "choice":
        options = widget.query_one("OptionList")
        options.focus()
        options.highlighted = q.choice_ids.index(value) if value else 0  # default: the first choice
        await pilot.press("enter")
    elif q.type == "multichoice":
        widget.query_one("SelectionList").focus()
        await pilot.press("space")
        await press_button(app, pilot, "#done")
    await pilot.pause()
    return q.id


async def press_button(app, pilot, selector: str) -> None:
    """Focus a button and press Enter: works wherever it is scrolled to."""
    app.screen.query(selector).last().focus()
    await pilot.press("enter")


async def start_new_until(app, pilot, qid: str, answers: dict | None = None) -> None:
    """Start a new intake from the home screen and answer until question `qid` is asked."""
    await pilot.press("n")
    await pilot.pause()
    for _ in range(200):  # bounded: a crashed app or a refused answer must fail the test, not hang it
        current = app.screen.step.question.id
        if current == qid:
            return
        await answer_current(app, pilot, (answers or {}).get(current))
        assert app.is_running, f"the app stopped while answering {current}"
    raise AssertionError(f"question {qid} was never asked")

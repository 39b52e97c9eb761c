"""A plain line-by-line intake in any terminal, on the same use cases as the chat.

Used with ``intake --plain`` (screen readers, very small terminals, a pipe)
and as the fallback when the full-screen chat cannot start. Commands are typed
as answers: ``?`` help, ``<`` back, ``!`` skip (with a reason), ``=`` review,
``q`` pause and leave. Every answer is stored before the next question shows.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from assistant.app.caseload import summaries
from assistant.app.conversation import Conversation
from assistant.base.paths import Location
from assistant.base.text import clean
from assistant.dialog.loader import load_dialog
from assistant.dialog.model import Question
from assistant.engine.errors import SessionError
from assistant.engine.progress import DONE, NOT_APPLICABLE, OPEN, SKIPPED, WAITING
from assistant.engine.step import QUESTION, Step
from assistant.i18n import Translator, _, translator
from assistant.store import open_store, store_exists
from assistant.store.contract import SessionStore

COMMANDS = _("Typ ? voor uitleg. Typ < om terug te gaan. Typ ! om over te slaan. "
             "Typ = voor het overzicht. Typ q om te stoppen.")
PAUSED, ENDED = "paused", "ended"  # how a conversation was left: by the person, or at a phase with nothing to ask

InputFn = Callable[[str], str]
Speech = Callable[[str], "str | None"]


def run(store_path: Location, tr: Translator, *, mode: str = "joint", input_fn: InputFn = input,
        out: TextIO = sys.stdout) -> int:
    store = open_store(store_path)
    try:
        conv = _choose(store, store_path, tr, mode, input_fn, out)
        if conv is None:
            return 0
        how = converse(conv, tr, input_fn, out)
        if how == PAUSED:
            conv.leave()
        else:  # at a phase with nothing to ask: closed as it is
            conv.close()
        return 0
    finally:
        store.close()


def _choose(store: SessionStore, where: Location, tr: Translator, mode: str, input_fn: InputFn,
            out: TextIO) -> Conversation | None:
    dialog = load_dialog()
    if mode == "pre_intake":  # the inburgeraar alone never sees the caseload
        return Conversation.start(store, dialog, mode=mode, actor="inburgeraar")
    open_ones = [s for s in summaries(where) if s.status != "confirmed"] if store_exists(where) else []
    if open_ones:
        print(tr(_("Open intakes:")), file=out)
        for i, s in enumerate(open_ones, 1):
            print(f"  {i}. {s.id}  {tr(s.status_msg)}  {s.answered}/{s.total}", file=out)
        choice = input_fn(tr(_("Typ een nummer om verder te gaan, of Enter voor een nieuwe intake: "))).strip()
        if choice.isascii() and choice.isdigit() and 1 <= int(choice) <= len(open_ones):
            return Conversation.open(store, dialog, open_ones[int(choice) - 1].id)
    return Conversation.start(store, dialog, mode=mode)


def converse(conv: Conversation, tr: Translator, input_fn: InputFn, out: TextIO,
             speech: Speech | None = None) -> str:
    """Ask until the person pauses (PAUSED) or a phase offers nothing more to ask (ENDED).

    The caller leaves or closes the conversation (a practice decides first);
    `speech` (practice) gives what the practice person says to a question id.
    """
    print(tr(COMMANDS), file=out)
    step = conv.step()
    while True:
        if step.error is not None:
            print("! " + tr(step.error), file=out)
        if step.kind != QUESTION or step.question is None:
            moved = _at_phase(conv, step, tr, input_fn, out)
            if isinstance(moved, str):
                return moved
            step = moved
            continue
        q = step.question.in_mode(conv.mode)
        _show_question(step, q, tr, out)
        said = speech(q.id) if speech is not None else None
        if said:
            print("  " + tr(_("De persoon zegt: \u201c{words}\u201d", words=clean(said))), file=out)
        try:
            raw = input_fn("> ")
        except EOFError:
            print(tr(_("Gepauzeerd. Alles is bewaard.")), file=out)
            return PAUSED
        if raw.strip() == "q":
            print(tr(_("Gepauzeerd. Alles is bewaard. Start opnieuw om verder te gaan.")), file=out)
            return PAUSED
        step = _handle(conv, step, q, raw, tr, input_fn, out)


def _handle(conv: Conversation, step: Step, q: Question, raw: str, tr: Translator, input_fn: InputFn,
            out: TextIO) -> Step:
    command = raw.strip()
    if command == "?":
        print(tr(q.msg("help")) if q.help else tr(_("Voor deze vraag is geen uitleg.")), file=out)
        return step
    if command == "<":
        return conv.back()
    if command == "=":
        return conv.review()
    if command.startswith("!"):
        reason = command[1:].strip() or (input_fn(tr(_("Waarom slaat u deze vraag over? "))) if q.mandatory else "")
        return conv.skip(reason)
    if not command and not q.mandatory and q.type != "info":
        return conv.skip("")
    return conv.answer(raw)


def _show_question(step: Step, q: Question, tr: Translator, out: TextIO) -> None:
    second = translator(step.second_locale) if step.second_locale else None
    marks = []
    if q.who == "consulent":
        marks.append(tr(_("vraag voor de consulent")))
    if q.sensitive:
        marks.append(tr(_("gevoelig")))
    head = f"[{step.answered + 1}/{step.total}] " + (f"({', '.join(marks)}) " if marks else "")
    print("", file=out)
    print(head + clean(tr(q.msg("text"))), file=out)
    if second is not None:
        print("    " + clean(second(q.msg("text"))), file=out)
    for i, c in enumerate(q.choices, 1):
        label = clean(tr(q.choice_msg(c.id)))
        if second is not None:
            label += " / " + clean(second(q.choice_msg(c.id)))
        print(f"  {i}. {label}", file=out)
    hint = _HINTS.get(q.type)
    if hint is not None:
        print("  " + tr(hint), file=out)
    if step.value is not None:
        print("  " + tr(_("Nu: {value}", value=clean(str(step.value)))), file=out)


_HINTS = {
    "date": _("Typ de datum zo: 31-12-1990."),
    "yesno": _("Typ ja of nee."),
    "multichoice": _("Typ de nummers met een komma ertussen, bijvoorbeeld 1, 3."),
    "list": _("Typ de getallen met een komma ertussen, bijvoorbeeld 3, 7."),
    "info": _("Druk op Enter als u dit gelezen heeft."),
}


def _at_phase(conv: Conversation, step: Step, tr: Translator, input_fn: InputFn, out: TextIO) -> Step | str:
    print("", file=out)
    if step.kind == "review":
        print(tr(_("Overzicht: {done} van {total} vragen klaar.", done=step.answered, total=step.total)), file=out)
        _show_topics(step, tr, out)
        if step.missing:
            print(tr(_("Deze verplichte vragen zijn nog open:")), file=out)
            for qid in step.missing:
                print("    • " + clean(tr(conv.dialog.question(qid).msg("text"))), file=out)
        prompt = _("Enter: verder. Of typ het nummer van een onderwerp om het te openen. q: stoppen. ")
    else:
        print(tr(_STATUS_TEXT[step.kind]), file=out)
        _show_topics(step, tr, out)
        prompt = _("Typ het nummer van een onderwerp om iets te veranderen, of q om te stoppen. ")
    try:
        raw = input_fn(tr(prompt)).strip()
    except EOFError:
        raw = "q"
    if raw == "q":
        return PAUSED
    if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= len(step.topics):
        try:
            return conv.jump(step.topics[int(raw) - 1].id)
        except SessionError as exc:
            print("! " + tr(exc.msg), file=out)
            return step
    if step.kind == "review":
        return conv.submit()
    return ENDED


# The same words as the chat's topic panel (assistant/ui/widgets/topics.py), which this
# module may not import: the plain mode runs where Textual cannot.
STATUS_WORDS = {DONE: _("klaar"), OPEN: _("open"), SKIPPED: _("overgeslagen"),
                WAITING: _("wacht"), NOT_APPLICABLE: _("niet nodig")}


def _show_topics(step: Step, tr: Translator, out: TextIO) -> None:
    """Every topic with its number (what the prompt asks to type) and its status in words."""
    for i, t in enumerate(step.topics, 1):
        print(f"  {i}. {clean(tr(t.title))}: {tr(STATUS_WORDS[t.status])}", file=out)


_STATUS_TEXT = {
    "awaiting_lbt": _("De intake wacht op de uitslag van de leerbaarheidstoets. Alles is bewaard."),
    "proposal": _("Alle vragen zijn klaar. De consulent kan nu het voorstel voor het PIP bekijken."),
    "confirmed": _("Het PIP is bevestigd door de consulent."),
}

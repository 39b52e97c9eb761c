"""One fitting input per answer type; each posts `AnswerInput.Submitted(raw)`.

The widgets only collect what the person typed or chose; parsing and
validation happen in the engine, so a refused answer leaves the input as it
was and the person can correct it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList, SelectionList
from textual.widgets.option_list import Option

from assistant.dialog.model import Question
from assistant.i18n import _
from assistant.ui.render import content, text

PLACEHOLDERS = {
    "text": _("Typ uw antwoord"),
    "number": _("Typ een getal"),
    "date": _("dd-mm-jjjj, bijvoorbeeld 31-12-1990"),
    "list": _("Bijvoorbeeld 3, 7 (leeg: geen)"),
}


class AnswerInput(Vertical):
    """Container for the input of one question."""

    DEFAULT_CSS = """
    AnswerInput { height: 9; }
    AnswerInput OptionList { height: auto; max-height: 9; }
    AnswerInput SelectionList { height: auto; max-height: 6; }
    AnswerInput Horizontal { height: auto; }
    AnswerInput Button { margin-right: 2; }
    """

    @dataclass
    class Submitted(Message):
        raw: Any

    def __init__(self, question: Question, value: Any, tr, second_tr=None) -> None:
        super().__init__(classes="answer-input")
        self.question, self.value, self.tr, self.second_tr = question, value, tr, second_tr

    def compose(self) -> ComposeResult:
        q, tr = self.question, self.tr
        if q.type in ("text", "number", "date", "list"):
            yield Input(value=self._initial(), placeholder=tr(PLACEHOLDERS[q.type]), id="free",
                        max_length=q.opt("max_length", 5000) if q.type == "text" else 200)
        elif q.type == "yesno":
            with Horizontal():
                yield Button(content(tr(_("Ja"))), id="yes", variant="success")
                yield Button(content(tr(_("Nee"))), id="no", variant="error")
        elif q.type == "choice":
            options = [Option(self._label(c.id), id=c.id) for c in q.choices]
            yield OptionList(*options, id="choices")
        elif q.type == "multichoice":
            chosen = set(self.value or [])
            yield SelectionList(*[(self._label(c.id), c.id, c.id in chosen) for c in q.choices], id="choices")
            yield Button(content(tr(_("Klaar"))), id="done", variant="primary")
        else:
            yield Button(content(tr(_("Gelezen"))), id="ack", variant="primary")

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)  # off in snapshot tests
        first = self.query("Input, OptionList, SelectionList, Button").first()
        first.focus()
        if self.question.type == "choice" and self.value in self.question.choice_ids:
            self.query_one(OptionList).highlighted = self.question.choice_ids.index(self.value)

    def _initial(self) -> str:
        v = self.value
        if v is None:
            return ""
        if self.question.type == "date" and isinstance(v, str) and len(v) == 10:
            return f"{v[8:10]}-{v[5:7]}-{v[0:4]}"
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        return str(v)

    def _label(self, choice_id: str):
        label = self.tr(self.question.choice_msg(choice_id))
        if self.second_tr is not None:
            other = self.second_tr(self.question.choice_msg(choice_id))
            if other != label:
                label = f"{label} · {other}"
        return text(label, multiline=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        raw = {"yes": True, "no": False, "ack": ""}.get(event.button.id)
        if event.button.id == "done":
            raw = list(self.query_one(SelectionList).selected)
        self.post_message(self.Submitted(raw))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Submitted(event.option.id))

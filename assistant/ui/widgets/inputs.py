"""The chat's one answer area: every input kind composed once, shown per question.

Why once: mounting a new answer widget per question leaks in Textual 8.2
(removed `Input`s stay subscribed to the screen's text-selection signal,
removed `FooterKey`s stay in the footer's watcher list), about 1.5 MB a turn.
So the area holds one free-text field, one Ja/Nee pair, one option list, one
multi-select and one acknowledge button; `show()` fills in and displays the
part a question needs. A turn creates no widget.

Keeping the one field also keeps keys typed ahead: the field empties itself on
Enter, so digits typed while the engine stores the answer start the next
answer, in order, instead of going into a field that is about to be replaced.

The widgets only collect what the person typed or chose; parsing and
validation happen in the engine, so a refused answer is put back in the
field for the person to correct.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, OptionList
from textual.widgets.option_list import Option

from assistant.dialog.model import Question
from assistant.i18n import _
from assistant.ui.widgets.fields import AnswerField, MultiSelect, first_letter
from assistant.ui.widgets.render import content, text

PLACEHOLDERS = {
    "text": _("Typ uw antwoord"),
    "number": _("Typ een getal"),
    "date": _("dd-mm-jjjj, bijvoorbeeld 31-12-1990"),
    "list": _("Bijvoorbeeld 3, 7 (leeg: geen)"),
}
FREE = tuple(PLACEHOLDERS)
PARTS = ("free", "yesno", "choices", "multi", "ack", "phase")
_YES, _NO, _DONE, _READ = _("Ja"), _("Nee"), _("Klaar"), _("Gelezen")


class AnswerInput(Vertical):
    """The one answer area of the chat; posts `AnswerInput.Submitted(raw)`."""

    DEFAULT_CSS = """
    AnswerInput { height: 100%; }
    AnswerInput OptionList { height: auto; max-height: 100%; }
    AnswerInput Horizontal { height: auto; }
    AnswerInput #multi-row SelectionList { width: 1fr; height: auto; max-height: 100%; }
    AnswerInput Button { margin-right: 2; }
    """

    @dataclass
    class Submitted(Message):
        raw: Any
        typed: bool = False  # from the text field (a refused text is put back)

    @dataclass
    class PhaseChosen(Message):
        pass

    def __init__(self, tr, **kwargs) -> None:
        super().__init__(classes="answer-input", **kwargs)
        self.tr, self.second_tr = tr, None
        self.question: Question | None = None
        self.kind = "phase"
        self.yes_keys: frozenset[str] = frozenset()
        self.no_keys: frozenset[str] = frozenset()

    def compose(self) -> ComposeResult:
        yield AnswerField(id="free")
        with Horizontal(id="yesno"):
            yield Button("", id="yes", variant="success")
            yield Button("", id="no", variant="error")
        yield OptionList(id="choices")
        with Horizontal(id="multi-row"):
            yield MultiSelect(id="multi")
            yield Button("", id="done", variant="primary")
        yield Button("", id="ack", variant="primary")
        yield Button("", id="phase", variant="primary")

    def on_mount(self) -> None:
        self.field.cursor_blink = getattr(self.app, "CURSOR_BLINK", True)  # off in snapshot tests
        self._display("phase")

    @property
    def field(self) -> AnswerField:
        return self.query_one("#free", AnswerField)

    # -- showing a question ------------------------------------------------------------
    def show(self, question: Question, value: Any, tr, second_tr=None) -> str | None:
        """Fill in and show the part this question needs; focus it.

        Returns the text typed ahead that could not be used (the new question
        has no text field), so the chat can say so; None otherwise.
        """
        self.question, self.tr, self.second_tr = question, tr, second_tr
        kind = question.type if question.type in (*FREE, "yesno", "choice", "multichoice") else "info"
        kind = {"choice": "choices", "multichoice": "multi", "info": "ack"}.get(kind, "free" if kind in FREE else kind)
        typed_ahead: str | None = self._take_typed_ahead()
        if typed_ahead and kind != "free":
            self.field.value = ""  # not usable here: the chat says so
        if kind == "free":
            self._fill_free(question, value, typed_ahead)
            typed_ahead = None
        elif kind == "yesno":
            self._fill_yesno()
        elif kind == "choices":
            options = self.query_one("#choices", OptionList)
            options.clear_options()
            options.add_options([Option(self._label(question.choice_msg(c.id)), id=c.id) for c in question.choices])
            options.highlighted = question.choice_ids.index(value) if value in question.choice_ids else 0
        elif kind == "multi":
            multi = self.query_one(MultiSelect)
            chosen = set(value or [])
            multi.clear_options()
            multi.add_options([(self._label(question.choice_msg(c.id)), c.id, c.id in chosen)
                               for c in question.choices])
            multi.highlighted = 0
            self.query_one("#done", Button).label = content(tr(_DONE))
        else:
            self.query_one("#ack", Button).label = content(tr(_READ))
        self._display(kind)
        return typed_ahead or None

    def show_phase(self, label: str) -> str | None:
        """No question: one button that leads on (to the overview or the proposal)."""
        self.question = None
        typed_ahead = self._take_typed_ahead()
        self.field.value = ""
        self.query_one("#phase", Button).label = content(label)
        self._display("phase")
        return typed_ahead or None

    def refused(self) -> None:
        """The engine refused the last answer: put it back to correct, unless more was typed."""
        field = self.field
        if field.pending:
            field.pending -= 1
        if not field.pending and not field.value:
            field.value = field.last_sent
            field.cursor_position = len(field.value)

    def _take_typed_ahead(self) -> str:
        """Text typed after the last Enter, while the answer was being stored."""
        field = self.field
        if field.pending:
            field.pending -= 1
            if field.pending:  # another answer is already on its way: that one decides
                return ""
            return field.value
        return ""

    def _fill_free(self, q: Question, value: Any, typed_ahead: str | None) -> None:
        field = self.field
        field.placeholder = self.tr(PLACEHOLDERS[q.type])
        field.max_length = q.opt("max_length", 5000) if q.type == "text" else 200
        if not typed_ahead:
            field.value = self._initial(q, value)
        field.cursor_position = len(field.value)

    def _fill_yesno(self) -> None:
        tr, second = self.tr, self.second_tr
        yes, no = tr(_YES), tr(_NO)
        yes_keys, no_keys = {"j", "y", first_letter(yes)}, {"n", first_letter(no)}
        if second is not None:
            yes_keys.add(first_letter(second(_YES)))
            no_keys.add(first_letter(second(_NO)))
        self.yes_keys, self.no_keys = frozenset(yes_keys - no_keys - {""}), frozenset(no_keys - yes_keys - {""})
        yes_key = first_letter(yes) if first_letter(yes) in self.yes_keys else "j"
        no_key = first_letter(no) if first_letter(no) in self.no_keys else "n"
        self.query_one("#yes", Button).label = content(f"{self._plain(_YES)} ({yes_key})")
        self.query_one("#no", Button).label = content(f"{self._plain(_NO)} ({no_key})")

    def _display(self, kind: str) -> None:
        self.kind = kind
        for button in self.query(Button):
            # Button ignores Enter for 0.2 s after a press ("-active"); on a new question
            # that would drop the answer to a second Ja/Nee typed right after the first.
            button.remove_class("-active")
        for part in PARTS:
            widget = self.query_one("#multi-row" if part == "multi" else f"#{part}")
            widget.display = part == kind
        target = {"free": "#free", "yesno": "#yes", "choices": "#choices", "multi": "#multi",
                  "ack": "#ack", "phase": "#phase"}[kind]
        self.query_one(target).focus()

    @staticmethod
    def _initial(q: Question, v: Any) -> str:
        if v is None:
            return ""
        if q.type == "date" and isinstance(v, str) and len(v) == 10:
            return f"{v[8:10]}-{v[5:7]}-{v[0:4]}"
        if isinstance(v, list):
            return ", ".join(str(x) for x in v)
        return str(v)

    def _plain(self, msg) -> str:
        label = self.tr(msg)
        if self.second_tr is not None:
            other = self.second_tr(msg)
            if other != label:
                label = f"{label} · {other}"
        return label

    def _label(self, msg):
        return text(self._plain(msg), multiline=False)

    # -- what the person does ------------------------------------------------------------
    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(event.value, typed=True))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "phase":
            self.post_message(self.PhaseChosen())
        elif event.button.id == "done":
            self._confirm_multi()
        else:
            self.post_message(self.Submitted({"yes": True, "no": False, "ack": ""}.get(event.button.id or "")))

    def on_multi_select_confirmed(self, event: MultiSelect.Confirmed) -> None:
        event.stop()
        self._confirm_multi()

    def _confirm_multi(self) -> None:
        self.post_message(self.Submitted(list(self.query_one(MultiSelect).selected)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "choices":
            self.post_message(self.Submitted(event.option.id))

    def on_key(self, event: events.Key) -> None:
        """Ja/Nee: arrows move between the buttons; j/y, n (and the translated first letters) answer."""
        if self.kind != "yesno":
            return
        if event.key in ("left", "right", "up", "down"):
            event.stop()
            other = "#no" if self.app.focused is self.query_one("#yes") else "#yes"
            self.query_one(other).focus()
            return
        ch = (event.character or "").casefold()
        if ch and (ch in self.yes_keys or ch in self.no_keys):
            event.stop()
            self.post_message(self.Submitted(ch in self.yes_keys))

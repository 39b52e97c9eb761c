"""The two answer fields that needed more than Textual gives: key order and Enter.

`AnswerField` is the chat's one free-text field: it runs its own editing keys
in the order they were typed and empties itself on Enter, so keys typed ahead
start the next answer. `MultiSelect` confirms with Enter (Space ticks).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input, SelectionList


class AnswerField(Input):
    """The free-text field. Enter hands the text on and empties the field at once,
    so whatever is typed next (type-ahead) is the start of the next answer."""

    pending = 0        # answers handed on and not yet shown back by the chat
    last_sent = ""     # the last text handed on: put back if the engine refuses it

    async def _on_key(self, event: events.Key) -> None:
        """The field's own keys (Enter, Backspace, Ctrl+U, arrows) in the order they came.

        Textual runs a widget's bindings only when the key has bubbled up to the
        app, after the field already took the letters typed behind it: a fast
        'Ctrl+U 1 2 3' then cleared the digits, and 'Enter h' sent the 'h' along.
        """
        bindings = self._bindings.key_to_bindings.get(event.key)
        if bindings:
            event.stop()
            event.prevent_default()
            await self.run_action(bindings[0].action)
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        value = self.value
        self.pending += 1
        self.last_sent = value
        self.value = ""
        self.post_message(self.Submitted(self, value, None))


class MultiSelect(SelectionList):
    """Space ticks or unticks; Enter confirms the ticked answers (it never unticks)."""

    BINDINGS = [Binding("enter", "confirm", show=False)]

    @dataclass
    class Confirmed(Message):
        pass

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())


def first_letter(word: str) -> str:
    """The key that answers with this word (Ja -> j, Evet -> e); '' when it is not a letter."""
    word = word.strip()
    return word[:1].casefold() if word[:1].isalpha() else ""

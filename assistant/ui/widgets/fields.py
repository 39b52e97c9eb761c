"""The two answer fields that needed more than Textual gives: key order and Enter.

`AnswerField` is the chat's one free-text field: it runs its own editing keys
in the order they were typed and empties itself on Enter, so keys typed ahead
start the next answer. `MultiSelect` confirms with Enter (Space ticks).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.strip import Strip
from textual.widgets import Input, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "✔"  # one cell wide, like the X it replaces


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
    """Space ticks or unticks; Enter confirms the ticked answers (it never unticks).

    A ticked answer shows a ✔ and an unticked one an empty box: Textual draws an
    X in both and tells them apart by colour only, which a person on a
    monochrome screen, or who does not see colours well, cannot read.
    """

    BINDINGS = [Binding("enter", "confirm", show=False)]

    @dataclass
    class Confirmed(Message):
        pass

    def action_confirm(self) -> None:
        self.post_message(self.Confirmed())

    def action_select(self) -> None:
        """Tick or untick now. Textual's SelectionList posts a message and ticks whatever is
        highlighted when that message is handled: a fast 'Space Down' ticked the next answer,
        and a fast 'Space Tab Enter' confirmed before the tick (docs/ui-findings.md F5)."""
        self._toggle_highlighted_selection()

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        segments = list(strip)
        if len(segments) < 3 or segments[1].text != ToggleButton.BUTTON_INNER:
            return strip
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments[1] = Segment(TICKED if option.value in self._selected else " ", segments[1].style)
        return Strip(segments, strip.cell_length)


def first_letter(word: str) -> str:
    """The key that answers with this word (Ja -> j, Evet -> e); '' when it is not a letter."""
    word = word.strip()
    return word[:1].casefold() if word[:1].isalpha() else ""

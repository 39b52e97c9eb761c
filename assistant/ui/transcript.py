"""The conversation as one append-only log widget.

One `RichLog` holds the whole transcript: appending a message costs the same
at message 10 and message 1,000 (one widget per message would make every
turn slower as the conversation grows; see design/stack-notes.md). The
transcript itself is not domain state: the session's event log is.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from assistant.ui.render import text


class Transcript(RichLog):
    DEFAULT_CSS = """
    Transcript { height: 1fr; border: round $primary-darken-2; padding: 0 1; }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, auto_scroll=True, min_width=20, **kwargs)

    def write(self, content, *args, **kwargs):
        """Right-justified (right-to-left) text fills the width, or RichLog would keep it at the left."""
        if isinstance(content, Text) and content.justify == "right":
            kwargs.setdefault("expand", True)
        return super().write(content, *args, **kwargs)

    def assistant(self, dutch: str, second: str | None, *, rtl: bool, marks: str = "") -> None:
        line = Text.assemble(Text("◆ ", style="bold cyan"), text(marks, "italic yellow") if marks else Text(""), text(dutch, "bold"))
        self.write(line)
        if second:
            self.write(text(second, "italic", rtl=rtl))

    def person(self, who: str, answer: str) -> None:
        self.write(Text.assemble(text(who + ": ", "bold green"), text(answer)))

    def note(self, message: str, style: str = "dim") -> None:
        self.write(text(message, style))

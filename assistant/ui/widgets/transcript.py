"""The conversation as one append-only log widget.

One `RichLog` holds the whole transcript: appending a message costs the same
at message 10 and message 1,000 (one widget per message would make every
turn slower as the conversation grows; see design/stack-notes.md). The
transcript itself is not domain state: the session's event log is.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import RichLog

from assistant.ui.widgets.render import VisualRTL, text


class Transcript(RichLog):
    DEFAULT_CSS = """
    Transcript { height: 1fr; border: round $primary-darken-2; padding: 0 1; }
    """

    def __init__(self, *, main_rtl: bool = False, visual: bool = False, **kwargs) -> None:
        super().__init__(wrap=True, markup=False, highlight=False, auto_scroll=True, min_width=20, **kwargs)
        self.main_rtl = main_rtl  # the interface language reads right to left: its lines align right
        self.visual = visual      # right-to-left lines in visual order (terminals without bidi)

    def write(self, content, width=None, expand=False, shrink=True, scroll_end=None, animate=False):
        """Right-justified (right-to-left) text fills the width, or RichLog would keep it at the left.

        Same parameters as `RichLog.write`, which also calls this positionally
        for writes it deferred until the widget had a size.
        """
        rtl = isinstance(content, Text) and content.justify == "right"
        if rtl and self.visual:
            content = VisualRTL(content.plain, content.style)
        return super().write(content, width, expand or rtl, shrink, scroll_end, animate)

    def assistant(self, dutch: str, second: str | None, *, rtl: bool, marks: str = "") -> None:
        line = Text.assemble(Text("◆ ", style="bold cyan"), text(marks, "italic yellow") if marks else Text(""),
                             text(dutch, "bold"))
        self.write(self._aligned(line))
        if second:
            self.write(text(second, "italic", rtl=rtl))

    def person(self, who: str, answer: str) -> None:
        self.write(self._aligned(Text.assemble(text(who + ": ", "bold green"), text(answer))))

    def note(self, message: str, style: str = "dim") -> None:
        self.write(self._aligned(text(message, style)))

    def _aligned(self, line: Text) -> Text:
        line.justify = "right" if self.main_rtl else "left"
        return line

"""The side panel: every topic with done / open / skipped / waiting, to jump to."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from assistant.engine.progress import DONE, NOT_APPLICABLE, OPEN, SKIPPED, WAITING
from assistant.i18n import _
from assistant.ui.widgets.render import text, visual_line

MARKS = {DONE: ("✔", "green"), OPEN: ("○", "white"), SKIPPED: ("↷", "yellow"),
         WAITING: ("⌛", "magenta"), NOT_APPLICABLE: ("–", "grey50")}
STATUS_WORDS = {DONE: _("klaar"), OPEN: _("open"), SKIPPED: _("overgeslagen"),
                WAITING: _("wacht"), NOT_APPLICABLE: _("niet nodig")}


class TopicPanel(OptionList):
    DEFAULT_CSS = """
    TopicPanel { width: 34; height: 1fr; border: round $primary-darken-2; }
    """

    def show(self, topics, tr, *, visual: bool = False) -> None:
        """Replace the list (about 15 rows: constant cost per turn)."""
        highlighted = None
        options = []
        for i, t in enumerate(topics):
            mark, colour = MARKS[t.status]
            label = Text.assemble(Text(f"{mark} ", style=colour), text(tr(t.title), "bold" if t.current else "",
                                                                        multiline=False),
                                  Text(" · " + tr(STATUS_WORDS[t.status]), style="dim"))
            options.append(Option(visual_line(label) if visual else label, id=t.id,
                                  disabled=t.status == NOT_APPLICABLE))
            if t.current:
                highlighted = i
        self.clear_options()
        self.add_options(options)
        if highlighted is not None:
            self.highlighted = highlighted

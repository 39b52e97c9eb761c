"""The review: every answer per topic, each one selectable to change it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from assistant.app.views import ANSWERED, SKIPPED
from assistant.i18n import _
from assistant.ui import keymap
from assistant.ui.host import host
from assistant.ui.screens.practice import training_banner
from assistant.ui.widgets import dutch as dutch_ui
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.widgets.render import answer_text, content, text

ALONE = _("alleen gegeven, nog niet bevestigd")  # a pre-intake answer the consulent has not confirmed


class ReviewScreen(Screen):
    """Lists answers; choosing one reopens that question in the chat (an edit)."""

    BINDINGS = [("escape", "close", "")]
    KEY_SPECS = keymap.REVIEW_KEYS  # the app binds these (footer, F2), translated

    def __init__(self, conv, tr, error: str | None = None) -> None:
        super().__init__(id="review")
        self.conv, self.tr, self.error = conv, tr, error

    def compose(self) -> ComposeResult:
        step = self.conv.step()
        tr = self.tr
        yield from training_banner(self.conv.mode, tr)
        with Vertical():
            yield Static(text(tr(_("Overzicht: {done} van {total} vragen klaar. "
                                   "Kies een antwoord om het te veranderen.",
                                   done=step.answered, total=step.total)), "bold"))
            error = Static(text(self.error or "", "bold red"), id="review-error")
            error.display = bool(self.error)  # an empty line only where there is something to say
            yield error
            if self.conv.offers_dutch_anywhere():
                yield Static(text(tr(dutch_ui.KEY_HINT), "dim"), id="dutch-hint")
            yield OptionList(*self._rows(), id="answers")
            if step.missing:
                yield Static(text(tr(_("Nog open: {n} verplichte vragen.", n=len(step.missing))), "yellow"))
            with Horizontal(id="review-buttons"):
                yield Button(content(tr(_("Verder naar het voorstel"))), id="submit", variant="primary")
                yield Button(content(tr(_("Terug naar het gesprek"))), id="close")
        yield KeyFooter()

    def _rows(self) -> list[Option]:
        tr = self.tr
        rows = []
        for topic in self.conv.overview():
            rows.append(Option(text(tr(topic.title), "bold underline", multiline=False), disabled=True))
            rows.extend(Option(text("  ✎ " + tr(_("Notitie consulent: {note}", note=note)), "yellow",
                                    multiline=False), disabled=True) for note in topic.notes)
            for row in topic.rows:
                q = row.question
                if row.status == ANSWERED:
                    value = answer_text(row.value, q, tr)
                elif row.status == SKIPPED:
                    value = tr(_("overgeslagen: {reason}", reason=row.skipped_reason or "-"))
                else:
                    value = tr(_("nog open"))
                mark = " ⚑" if q.sensitive else ""
                alone = text("  · " + tr(ALONE), "yellow", multiline=False) if row.given_alone else ""
                dutch = (text("  → " + tr(dutch_ui.shown(row.dutch[:200])), "green", multiline=False)
                         if row.dutch else "")
                line = Text.assemble(text(f"  {tr(q.msg('label'))}{mark}: ", multiline=False),
                                     text(value[:200], "cyan", multiline=False), dutch, alone)
                rows.append(Option(line, id=q.id))
        return rows

    # Every way out goes through the app's navigator, which waits until this
    # screen is gone before the chat renders and anything new is opened.
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        host(self).nav.edit(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            host(self).nav.submit()
        else:
            self.action_close()

    def action_close(self) -> None:
        host(self).nav.review_closed()

    def action_dutch(self) -> None:
        """The consulent's Dutch rendering of the chosen answer; the list shows it at once."""
        answers = self.query_one("#answers", OptionList)
        index = answers.highlighted
        option = answers.get_option_at_index(index) if index is not None else None
        q = self.conv.dialog.find_question(option.id) if option is not None and option.id else None
        if not self.conv.offers_dutch(q):
            self._say(self.tr(dutch_ui.NOT_HERE))
            return
        self._say("")

        def done(typed: str | None) -> None:
            if typed is None:
                return  # cancelled: nothing changed
            self._say("")
            answers.clear_options()
            answers.add_options(self._rows())
            answers.highlighted = index

        self.app.push_screen(dutch_ui.prompt(self.conv, q, self.tr), done)

    def check_action(self, action: str, parameters) -> bool | None:
        """Ctrl+O (take over) only on a pre-intake: in the footer and working only there."""
        if action == "handover":
            return self.conv.mode == "pre_intake"
        return True

    def action_handover(self) -> None:
        """Take the pre-intake over from here too: back in the chat, at the first consulent question."""
        host(self).nav.handover()

    def _say(self, message: str) -> None:
        error = self.query_one("#review-error", Static)
        error.update(text(message, "bold red"))
        error.display = bool(message)

    def action_keys(self) -> None:
        host(self).action_keys()

    def action_pause(self) -> None:
        host(self).leave_intake()

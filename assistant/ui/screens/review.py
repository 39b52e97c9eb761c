"""The review: every answer per topic, each one selectable to change it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from assistant.engine import progress
from assistant.i18n import _
from assistant.ui.widgets import dutch as dutch_ui
from assistant.ui import keymap
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.screens.practice import training_banner
from assistant.ui.widgets.render import answer_text, content, text

ALONE = _("alleen gegeven, nog niet bevestigd")  # a pre-intake answer the consulent has not confirmed


class ReviewScreen(Screen):
    """Lists answers; choosing one reopens that question in the chat (an edit)."""

    BINDINGS = [("escape", "close", "")]
    KEY_SPECS = keymap.REVIEW_KEYS  # the app binds these (footer, F2), translated

    def __init__(self, intake, tr, error: str | None = None) -> None:
        super().__init__(id="review")
        self.intake, self.tr, self.error = intake, tr, error

    def compose(self) -> ComposeResult:
        step = self.intake.step()
        tr = self.tr
        yield from training_banner(self.intake.mode, tr)
        with Vertical():
            yield Static(text(tr(_("Overzicht: {done} van {total} vragen klaar. Kies een antwoord om het te veranderen.",
                                   done=step.answered, total=step.total)), "bold"))
            error = Static(text(self.error or "", "bold red"), id="review-error")
            error.display = bool(self.error)  # an empty line only where there is something to say
            yield error
            if any(dutch_ui.offered(self.intake, q) for q in self.intake.dialog.questions):
                yield Static(text(tr(dutch_ui.KEY_HINT), "dim"), id="dutch-hint")
            yield OptionList(*self._rows(), id="answers")
            if step.missing:
                yield Static(text(tr(_("Nog open: {n} verplichte vragen.", n=len(step.missing))), "yellow"))
            with Horizontal(id="review-buttons"):
                yield Button(content(tr(_("Verder naar het voorstel"))), id="submit", variant="primary")
                yield Button(content(tr(_("Terug naar het gesprek"))), id="close")
        yield KeyFooter()

    def _rows(self) -> list[Option]:
        intake, tr = self.intake, self.tr
        record, skipped = intake.record, intake.state.skipped
        relevant = {q.id for q in progress.relevant(intake.dialog, record)}
        rows = []
        for topic in intake.dialog.topics:
            qs = [q for q in topic.questions if q.id in relevant and q.type != "info"]
            if not qs:
                continue
            rows.append(Option(text(tr(topic.title_msg()), "bold underline", multiline=False), disabled=True))
            for note in intake.state.notes.get(topic.id, []):
                rows.append(Option(text("  ✎ " + tr(_("Notitie consulent: {note}", note=note)), "yellow",
                                        multiline=False), disabled=True))
            for q in qs:
                if q.id in record:
                    value = answer_text(record[q.id], q, tr)
                elif q.id in skipped:
                    value = tr(_("overgeslagen: {reason}", reason=skipped[q.id] or "-"))
                else:
                    value = tr(_("nog open"))
                mark = " ⚑" if q.sensitive else ""
                alone = text("  · " + tr(ALONE), "yellow", multiline=False) if q.id in intake.state.alone else ""
                rendering = intake.state.dutch.get(q.id) if q.id in record else None
                dutch = text("  → " + tr(dutch_ui.shown(rendering[:200])), "green", multiline=False) if rendering else ""
                line = Text.assemble(text(f"  {tr(q.msg('label'))}{mark}: ", multiline=False),
                                     text(value[:200], "cyan", multiline=False), dutch, alone)
                rows.append(Option(line, id=q.id))
        return rows

    # Every way out goes through the app's navigator, which waits until this
    # screen is gone before the chat renders and anything new is opened.
    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.nav.edit(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "submit":
            self.app.nav.submit()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.app.nav.review_closed()

    def action_dutch(self) -> None:
        """The consulent's Dutch rendering of the chosen answer; the list shows it at once."""
        answers = self.query_one("#answers", OptionList)
        index = answers.highlighted
        option = answers.get_option_at_index(index) if index is not None else None
        q = self.intake.dialog.find_question(option.id) if option is not None and option.id else None
        if not dutch_ui.offered(self.intake, q):
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

        self.app.push_screen(dutch_ui.prompt(self.intake, q, self.tr), done)

    def check_action(self, action: str, parameters) -> bool | None:
        """Ctrl+O (take over) only on a pre-intake: in the footer and working only there."""
        if action == "handover":
            return self.intake.mode == "pre_intake"
        return True

    def action_handover(self) -> None:
        """Take the pre-intake over from here too: back in the chat, at the first consulent question."""
        self.app.nav.handover()

    def _say(self, message: str) -> None:
        error = self.query_one("#review-error", Static)
        error.update(text(message, "bold red"))
        error.display = bool(message)

    def action_keys(self) -> None:
        self.app.action_keys()

    def action_pause(self) -> None:
        self.app.leave_intake()

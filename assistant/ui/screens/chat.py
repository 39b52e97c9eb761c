"""The conversation screen: transcript, current question, fitting input, topic panel.

The screen holds the intake's `Conversation` (the application layer) and
renders the `Step` each intent returns; it never changes domain state itself. Every
answer is committed by the engine before the returned Step is rendered, so
what is on screen was already stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static

from assistant.base.errors import describe
from assistant.engine.step import AWAITING_LBT, CONFIRMED, PROPOSAL, QUESTION, REVIEW, Step
from assistant.i18n import N_, _, translator
from assistant.i18n.locales import text_direction
from assistant.ui.host import host
from assistant.ui.screens.modals import LanguagePicker, TextPrompt
from assistant.ui.screens.practice import SpeechPanel, training_banner
from assistant.ui.screens.review import ALONE
from assistant.ui.widgets import dutch as dutch_ui
from assistant.ui.widgets.bidi import visual_order_requested
from assistant.ui.widgets.inputs import AnswerInput
from assistant.ui.widgets.keybar import KeyFooter
from assistant.ui.widgets.render import answer_text, text, visual_line
from assistant.ui.widgets.topics import TopicPanel
from assistant.ui.widgets.transcript import Transcript

T = TypeVar("T")
ROLE = {"consulent": _("Consulent"), "inburgeraar": _("Inburgeraar"), "duo": _("DUO")}
PHASE_MESSAGES = {REVIEW: _("Alle vragen zijn gesteld. Bekijk het overzicht."),
                  AWAITING_LBT: _("De intake wacht op de uitslag van de leerbaarheidstoets. Alles is bewaard."),
                  PROPOSAL: _("Het voorstel voor het PIP is klaar."),
                  CONFIRMED: _("Het PIP is bevestigd door de consulent.")}
NOTHING_TO_CONFIRM = _("In dit onderwerp is niets te bevestigen. "
                       "Kies een onderwerp met antwoorden van de voorbereiding.")
TYPED_AHEAD = _("U typte al verder, maar deze vraag heeft geen tekstveld. Kies hieronder een antwoord.")


class ChatScreen(Screen):
    def __init__(self, conv, tr) -> None:
        super().__init__(id="chat")
        self.conv, self.tr = conv, tr
        self.step: Step = conv.step()
        self._noted: str | None = None  # the phase whose message the transcript shows last

    # -- layout ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield from training_banner(self.conv.mode, self.tr)
        practice = host(self).practice
        with Horizontal(id="main", classes="practice" if practice is not None else ""):
            yield TopicPanel(id="topics")
            with Vertical(id="conversation"):
                yield Transcript(id="transcript", main_rtl=self._main_rtl, visual=self._visual)
                yield Static(id="question")
                yield Static(id="error")
                with Vertical(id="input-area"):
                    yield AnswerInput(self.tr, id="answer")
            if practice is not None:  # training mode: what the person says, beside the question
                yield SpeechPanel(practice.speech, self.tr, practice.own_words, id="speech")
        yield KeyFooter()

    def on_mount(self, event: events.Mount) -> None:
        self._layout_direction()
        transcript = self.query_one(Transcript)
        transcript.note(self.tr(_("Intake {id}. Elk antwoord wordt meteen bewaard.", id=self.conv.id)))
        if self.conv.mode == "pre_intake":
            transcript.note(self.tr(_("De inburgeraar beantwoordde vragen zonder consulent. "
                                      "Ctrl+O: overnemen. Ctrl+K: een onderwerp bevestigen.")), "yellow")
        elif self.conv.given_alone:  # taken over already: Ctrl+O no longer applies
            transcript.note(self.tr(_("Antwoorden uit de voorbereiding zijn nog niet bevestigd. "
                                      "Ctrl+K: een onderwerp bevestigen.")), "yellow")
        self.show(self.step)

    # -- rendering ---------------------------------------------------------------
    @property
    def second_tr(self):
        loc = self.step.second_locale
        return translator(loc) if loc and loc != self.tr.locale else None

    @property
    def _visual(self) -> bool:
        """Right-to-left text in visual order: settings `ui.bidi_visual`, or INTAKE_BIDI=visual."""
        return visual_order_requested(None, "visual" if host(self).settings.bidi_visual else None)

    def _shown(self, line: Text) -> Text:
        """A right-to-left line of the interface itself (card, message) as the terminal needs it."""
        return visual_line(line) if self._visual and line.justify == "right" else line

    @property
    def _main_rtl(self) -> bool:
        return text_direction(self.tr.locale or "nl") == "rtl"

    def _rtl(self) -> bool:
        loc = self.step.second_locale
        return loc is not None and text_direction(loc) == "rtl"

    def _layout_direction(self) -> None:
        """Topic panel on the right when the interface or the inburgeraar's language reads right to left."""
        self.query_one("#main").set_class(self._main_rtl or self._rtl(), "rtl")
        self.set_class(self._main_rtl, "rtl-ui")  # the interface's own lines align right (app.tcss)

    @property
    def answer_area(self) -> AnswerInput:
        return self.query_one(AnswerInput)

    def show(self, step: Step, *, open_phase: bool = True) -> None:
        """Render a Step; the overview or proposal it asks for is opened by the app's navigator."""
        self.step = step
        self.refresh_bindings()  # Ctrl+O / Ctrl+K in the footer follow the session (check_action)
        for panel in self.query(SpeechPanel):
            panel.show(step.question)
        self.query_one(TopicPanel).show(step.topics, self.tr, visual=self._visual and self._main_rtl)
        self._layout_direction()
        if step.error is not None:
            self.say_error(self.tr(step.error))
            return
        self.say_error("")
        if step.kind == QUESTION:
            self._noted = None
            self._ask(step)
        elif open_phase:
            host(self).nav.show(step)  # renders here again once the screens above are gone
        else:
            self._phase(step)

    def _phase(self, step: Step) -> None:
        """No question: say where the intake is and offer the way on (a button, its key in the footer)."""
        tr = self.tr
        # once per phase, not at every return to the chat; "all asked" only when it is true
        if self._noted != step.kind and not (step.kind == REVIEW and step.missing):
            self._noted = step.kind
            self.query_one(Transcript).note(tr(PHASE_MESSAGES[step.kind]), "bold")
        card = text(f"{step.answered}/{step.total}", "dim", rtl=self._main_rtl)
        self.query_one("#question", Static).update(self._shown(card))
        label = _("Verder naar het voorstel") if step.kind == PROPOSAL else _("Overzicht")
        if self.answer_area.show_phase(tr(label)):
            self.say_error(tr(TYPED_AHEAD))

    def _ask(self, step: Step) -> None:
        if step.question is None:  # asked only for a question step
            return
        q, tr, second = step.question.in_mode(self.conv.mode), self.tr, self.second_tr
        marks = []
        if q.who == "consulent":
            marks.append(tr(_("voor de consulent")))
        if q.sensitive:
            marks.append(tr(_("gevoelig")))
        if q.id in self.conv.given_alone and self.conv.mode != "pre_intake":  # given alone, not yet confirmed
            marks.append(tr(ALONE))
        mark_text = f"[{' · '.join(marks)}] " if marks else ""
        dutch = tr(q.msg("text")).strip()
        other = second(q.msg("text")).strip() if second else None
        self.query_one(Transcript).assistant(dutch, other if other != dutch else None, rtl=self._rtl(), marks=mark_text)
        # answered of applicable, as the engine counts them: never more than the total
        hint = f" · {tr(dutch_ui.KEY_HINT)}" if self.conv.offers_dutch(q) else ""
        card = text(f"{step.answered}/{step.total} · {tr(q.msg('label'))}{hint}", "dim", rtl=self._main_rtl)
        self.query_one("#question", Static).update(self._shown(card))
        if self.answer_area.show(q, step.value, tr, second):
            self.say_error(tr(TYPED_AHEAD))

    def say_error(self, message: str) -> None:
        self.query_one("#error", Static).update(self._shown(text(message, "bold red", rtl=self._main_rtl)))

    def run_intent(self, fn: Callable[..., T], *args: Any) -> T | None:
        """Call the engine; any failure becomes a message on screen, never a traceback."""
        try:
            return fn(*args)
        except Exception as exc:  # noqa: BLE001 - the UI's last line of defence
            self.say_error(self.tr(describe(exc)))
            return None

    # -- answers -------------------------------------------------------------------
    def on_answer_input_submitted(self, message: AnswerInput.Submitted) -> None:
        q = self.step.question
        if q is None:
            if message.typed:
                self.answer_area.refused()
            return
        step = self.run_intent(self.conv.answer, message.raw)
        if step is None or step.error is not None:
            if message.typed:
                self.answer_area.refused()  # the refused text goes back into the field
            if step is None:
                return
        else:
            who = self.conv.last_actor if q.type != "info" else None  # the last event only: a turn must not grow
            if who:
                shown = (answer_text(self.conv.answer_to(q.id), q, self.tr) if self.conv.has_answer(q.id)
                         else self.tr(_("(overgeslagen)")))
                self.query_one(Transcript).person(self.tr(ROLE.get(who, _("Consulent"))), shown)
        self.show(step)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if isinstance(event.option_list, TopicPanel):
            event.stop()
            step = self.run_intent(self.conv.jump, event.option.id)
            if step is not None:
                self.show(step)

    # -- actions (bound in keymap.py) ------------------------------------------------
    def check_action(self, action: str, parameters) -> bool | None:
        """Ctrl+O and Ctrl+K only where they do something, so the footer shows them only there."""
        if action == "handover":
            return self.conv.mode == "pre_intake"
        if action == "confirm_topic":  # after the hand-over: confirming is done together, in the meeting
            return self.conv.mode != "pre_intake" and bool(self.conv.given_alone)
        return True

    def action_help(self) -> None:
        q = self.step.question
        if q is not None:
            q = q.in_mode(self.conv.mode)
            help_text = self.tr(q.msg("help")) if q.help else self.tr(_("Voor deze vraag is geen uitleg."))
            self.query_one(Transcript).note("? " + help_text, "italic")
            if q.help and self.second_tr:
                self.query_one(Transcript).write(text(self.second_tr(q.msg("help")), "italic dim", rtl=self._rtl()))

    def action_back(self) -> None:
        step = self.run_intent(self.conv.back)
        if step is not None:
            self.show(step)

    def action_skip(self) -> None:
        q = self.step.question
        if q is None:
            return
        if not q.mandatory:
            self._after_skip("")
            return
        self.app.push_screen(TextPrompt(self.tr(_("Deze vraag is verplicht. Waarom slaat u hem over?"))),
                             self._after_skip)

    def _after_skip(self, reason: str | None) -> None:
        if reason is None:
            return
        step = self.run_intent(self.conv.skip, reason)
        if step is not None:
            if step.error is None:
                self.query_one(Transcript).note(self.tr(_("Overgeslagen: {reason}", reason=reason or "-")))
            self.show(step)

    def on_answer_input_phase_chosen(self, message: AnswerInput.PhaseChosen) -> None:
        if self.step.kind == PROPOSAL:
            host(self).nav.show(self.conv.step())
        else:
            self.action_review()

    def action_review(self) -> None:
        host(self).nav.return_to = self.step.question.id if self.step.question else None
        step = self.run_intent(self.conv.review)
        if step is not None:
            self.show(step)

    def action_focus_topics(self) -> None:
        self.query_one(TopicPanel).focus()

    def action_language(self) -> None:
        self.app.push_screen(LanguagePicker(self.tr(_("Kies de taal van de inburgeraar.")), self.step.second_locale),
                             self._after_language)

    def _after_language(self, locale: str | None) -> None:
        if locale is None:
            return
        step = self.run_intent(self.conv.set_language, None if locale == self.tr.locale else locale)
        self.show(step or self.conv.step())

    def action_note(self) -> None:
        topic = self.step.phase
        prompt = self.tr(_("Notitie van de consulent bij dit onderwerp. De inburgeraar ziet deze niet in de vragen."))
        self.app.push_screen(TextPrompt(prompt), lambda note: self._after_note(topic, note))

    def _after_note(self, topic: str, note: str | None) -> None:
        if note and self.run_intent(self.conv.add_note, topic, note) is None:
            self.query_one(Transcript).note(self.tr(_("Notitie bewaard.")), "yellow")

    def action_handover(self) -> None:
        """The consulent takes a pre-intake over: consulent questions are asked now."""
        step = self.run_intent(self.conv.handover)
        if step is not None:
            self.query_one(Transcript).note(self.tr(_("U hebt de voorbereiding overgenomen. "
                                                      "Antwoorden van de inburgeraar alleen zijn nog niet bevestigd.")),
                                            "yellow")
            self.show(step)

    def action_confirm_topic(self) -> None:
        """Confirm every answer the inburgeraar gave alone in the current topic."""
        done = self.run_intent(self.conv.confirm_topic, self.step.phase)
        if done:
            self.query_one(Transcript).note(self.tr(N_("Bevestigd: {n} antwoord van de voorbereiding.",
                                                       "Bevestigd: {n} antwoorden van de voorbereiding.", len(done))),
                                            "yellow")
        elif done is not None:  # never a silent key: say why nothing happened
            self.query_one(Transcript).note(self.tr(NOTHING_TO_CONFIRM), "yellow")
        self.refresh_bindings()

    def action_dutch(self) -> None:
        """The consulent's Dutch rendering of the current free-text answer (the answer stays as typed)."""
        q = self.step.question
        if not self.conv.offers_dutch(q):
            self.say_error(self.tr(dutch_ui.NOT_HERE))
            return
        self.say_error("")
        self.app.push_screen(dutch_ui.prompt(self.conv, q, self.tr), self._after_dutch)

    def _after_dutch(self, typed: str | None) -> None:
        q = self.step.question
        rendering = self.conv.dutch_rendering(q.id) if q is not None else None
        if typed is None or rendering is None:
            return  # cancelled: nothing changed
        self.say_error("")
        self.query_one(Transcript).note(self.tr(dutch_ui.saved(rendering)), "green")

    def action_keys(self) -> None:
        host(self).action_keys()

    def action_pause(self) -> None:
        host(self).leave_intake()

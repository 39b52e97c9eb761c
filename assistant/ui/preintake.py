"""`intake pre-intake`: the inburgeraar's own view, alone, in their own language.

What it offers is deliberately little: a language, "new" or "continue with my
code", a consent step, the questions of this mode, a pause that shows the code,
and an end. There is no caseload and no key that opens another session: the
only way into a stored session is its resume code (assistant/engine/resume.py).
Every event is the inburgeraar's (the `_Alone` wrapper passes the actor).

The chat screen is reused with its own keys (`ALONE_KEYS`): no overview,
notes, language of the consulent, or key help with the consulent's keys.
Reaching the end of the questions shows the closing page instead of the
consulent's overview.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from textual import events
from textual.screen import Screen

from assistant.engine import resume
from assistant.engine.step import QUESTION
from assistant.base.errors import describe
from assistant.i18n import _, translator
from assistant.ui import keymap
from assistant.ui.screens import pages
from assistant.ui.app import IntakeApp
from assistant.ui.screens.chat import ChatScreen
from assistant.ui.widgets.transcript import Transcript

ACTOR = "inburgeraar"
SKIP_REASON = "overgeslagen in de voorbereiding"  # stored for the consulent (Dutch), not shown here
ALONE_KEYS = (
    keymap.KeySpec("help", "f1", "help", _("Uitleg")),
    keymap.KeySpec("back", "ctrl+b", "back", _("Terug")),
    keymap.KeySpec("skip", "ctrl+s", "skip", _("Overslaan")),
    keymap.KeySpec("topics", "ctrl+t", "focus_topics", _("Onderwerpen")),
    keymap.KeySpec("dutch", "ctrl+l", "dutch", _("Ook in het Nederlands")),
    keymap.KeySpec("speak", "f5", "speak", _("Voorlezen")),
    keymap.KeySpec("pause", "f10", "pause", _("Pauze")),
)


class _Alone:
    """The session as the inburgeraar works in it: every intent carries their role."""

    def __init__(self, intake) -> None:
        self._intake = intake

    def __getattr__(self, name):
        return getattr(self._intake, name)

    def answer(self, raw):
        return self._intake.answer(raw, ACTOR)

    def skip(self, reason):
        return self._intake.skip(reason, ACTOR)

    def go_back(self):
        return self._intake.go_back(ACTOR)

    def jump(self, topic_id):
        return self._intake.jump(topic_id, ACTOR)

    def goto(self, qid):
        return self._intake.goto(qid, ACTOR)


class AloneChat(ChatScreen):
    """The chat for one person alone: its own keys, and the end page instead of the overview."""

    dutch = False
    _dutch_offered: str | None = None

    @property
    def second_tr(self):
        return translator("nl") if self.dutch and self.tr.locale != "nl" else None

    def _rtl(self) -> bool:
        return False  # the second language here is only ever Dutch

    def on_mount(self, event) -> None:
        event.prevent_default()  # not ChatScreen.on_mount: its notes are for the consulent
        self._layout_direction()
        self.query_one(Transcript).note(self.tr(_("Elk antwoord wordt meteen bewaard.")))
        self.show(self.step)

    def show(self, step, *, open_phase: bool = True) -> None:
        if step.kind != QUESTION and step.error is None:
            self.step = step
            self.app.finish()
            return
        super().show(step, open_phase=False)

    def action_skip(self) -> None:
        """Alone, every question may be skipped: it is talked about in the meeting."""
        if self.step.question is None:
            return
        step = self.run_intent(self.intake.skip, SKIP_REASON)
        if step is not None:
            if step.error is None:
                self.query_one(Transcript).note(self.tr(_("Overgeslagen. U kunt dit in het gesprek bespreken.")))
            self.show(step)

    def action_dutch(self) -> None:
        self.dutch = not self.dutch
        if self.step.kind == QUESTION:
            self.show(self.step)

    def action_speak(self) -> None:
        """Read the question aloud; without a voice for this language, say so and offer Dutch (press again)."""
        from assistant.app import speech

        q = self.step.question
        if q is None:
            return
        q = q.in_mode(self.intake.mode)
        locale = self.tr.locale
        if not speech.has_voice(locale):
            if self._dutch_offered != q.id:
                self._dutch_offered = q.id
                self.query_one(Transcript).note(self.tr(speech.NO_VOICE) + " (F5)", "italic")
                return
            locale = "nl"
        try:
            speech.play(speech.question_text(q, translator(locale)), locale)
        except (speech.SpeechError, OSError) as exc:
            msg = exc.msg if isinstance(exc, speech.SpeechError) else speech.NO_PROGRAM
            self.query_one(Transcript).note(self.tr(msg), "italic")

    def action_pause(self) -> None:
        self.app.leave_intake()


class _Blank(Screen):
    """The bottom of the stack: nothing to see or choose."""


class PreIntakeApp(IntakeApp):
    TITLE = "Intake"

    def __init__(self, store_path: Path, lang: str | None, **kw) -> None:
        super().__init__(store_path, lang or "nl", **kw)
        self.lang_given = lang is not None
        self.code: str | None = None
        self.tries = 0
        self._alone_chat = None

    def on_mount(self, event: events.Mount) -> None:
        from assistant.store import open_store

        event.prevent_default()  # not IntakeApp.on_mount: that one shows the caseload
        self.store = open_store(self.store_path)
        self.push_screen(_Blank())
        if self.lang_given:
            self.welcome()
        else:
            self.push_screen(pages.LanguagePage(), self._language_chosen)

    # -- the pages -------------------------------------------------------------------
    def _language_chosen(self, locale: str | None) -> None:
        self.tr = translator(locale or "nl")
        self.welcome()

    def welcome(self) -> None:
        """"New" or "continue with my code"; Escape goes back to the languages when they were asked."""
        self.push_screen(pages.Page(self.tr, pages.WELCOME, [("new", pages.NEW), ("resume", pages.RESUME)],
                                    escape=None if self.lang_given else "language"),
                         self._welcome_chosen)

    def _welcome_chosen(self, choice: str | None) -> None:
        if choice == "language":
            self.push_screen(pages.LanguagePage(), self._language_chosen)
        elif choice == "new":
            self.push_screen(pages.Page(self.tr, pages.CONSENT, [("yes", pages.YES), ("no", pages.NO)], escape="back"),
                             self._consent)
        else:  # no dead end: "back" (or Escape) returns to the welcome page, nothing stored yet
            self.push_screen(pages.Page(self.tr, [pages.CODE_ASK], [("back", pages.BACK)], ask=True, escape="back"),
                             lambda _choice: self.welcome())

    def _consent(self, choice: str | None) -> None:
        from assistant.engine.session import Intake

        if choice == "back":  # Escape before answering: nothing is stored, the welcome again
            self.welcome()
            return
        given = choice == "yes"
        locale = None if self.tr.locale == "nl" else self.tr.locale
        intake = Intake.start(self.store, self.dialog, mode="pre_intake", actor=ACTOR, second_locale=locale,
                              **self._kw())
        self.intake = intake  # closed by `_close_intake` whatever happens next
        intake.record_consent(given)
        if not given:  # nothing else is stored: the session holds only the refusal
            intake.close()
            self.intake = None
            self._end(pages.NO_CONSENT)
            return
        self.code = resume.new_code()
        intake.set_resume_code(*resume.seal(self.code))
        self._language_is_an_answer(intake)
        self.push_screen(pages.Page(self.tr, [pages.CODE_WHY], [("next", pages.NEXT)], big=self._code_line()),
                         lambda _choice: self._chat_now())

    def _language_is_an_answer(self, intake) -> None:
        """The language chosen on the first page answers the dialog's language question:
        asking "in which language?" again, in that language, would only puzzle the person."""
        for q in self.dialog.questions:
            if q.opt("sets_locale") and self.tr.locale in q.choice_ids and q.pre_intake:
                intake.answer_question(q.id, self.tr.locale, ACTOR, from_file=True)
                first = intake.view.next_open(intake.mode, None)  # the welcome before it is still to read
                if first is not None:
                    intake.goto(first.id, ACTOR)

    def code_typed(self, page, typed: str) -> None:
        """A code typed back: the session it opens, or a clear refusal (and an end after too many)."""
        from assistant.engine.session import Intake

        code = resume.normalise(typed)
        sid = resume.find(self.store, code) if code else None
        if sid is None:
            self.tries += 1
            if self.tries >= resume.MAX_TRIES:
                self._end(pages.CODE_TOO_OFTEN)
            else:
                page.refuse(pages.CODE_WRONG)
            return
        try:
            intake = Intake.open(self.store, sid, self.dialog, actor=ACTOR, **self._kw())
        except Exception as exc:  # noqa: BLE001 - in use elsewhere, another version: said, never a traceback
            page.refuse(describe(exc))
            return
        if intake.state.mode != "pre_intake":
            intake.close()
            self._end(pages.HANDED_OVER)
            return
        self.code, self.intake = code, intake
        self._chat_now()

    def _chat_now(self) -> None:
        if self._alone_chat is None:
            from assistant.ui.app import _with_bindings

            self._alone_chat = _with_bindings(AloneChat, ALONE_KEYS, self.tr)
        self.push_screen(self._alone_chat(_Alone(self.intake), self.tr))

    def _code_line(self) -> str:
        if not self.code:
            return ""
        return self.tr(replace(pages.CODE_SHOWN, params={"code": resume.shown(self.code)}))

    def _end(self, *lines, code: bool = False) -> None:
        self.push_screen(pages.Page(self.tr, list(lines), [("close", pages.CLOSE)],
                                    big=self._code_line() if code else None),
                         lambda _choice: self.exit())

    def _close_intake(self) -> None:
        if self.intake is not None:
            try:
                self.intake.pause(ACTOR)
            finally:
                self.intake.close()
                self.intake = None

    # -- from the chat ---------------------------------------------------------------
    def finish(self) -> None:
        """No question left for the inburgeraar: stored, closed, and a closing page with the code."""
        self._close_intake()
        self._end(*pages.DONE, code=True)

    def leave_intake(self, screen=None) -> None:
        self._close_intake()
        self._end(pages.PAUSED, pages.CODE_WHY, code=True)

    def on_unmount(self) -> None:
        self._close_intake()
        if self.store is not None:
            self.store.close()


def run_pre_intake(store_path: Path, lang: str | None) -> int:
    app = PreIntakeApp(store_path, lang)
    app.run()
    return app.return_code or 0

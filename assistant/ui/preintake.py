"""`intake pre-intake`: the inburgeraar's own view, alone, in their own language.

What it offers is deliberately little: a language, "new" or "continue with my
code", a consent step, the questions of this mode, a pause that shows the code,
and an end. There is no caseload and no key that opens another session: the
only way into a stored session is its resume code. The rules (consent, the
code, counting wrong codes) are the application layer's (`assistant.app.preintake`);
its conversation passes the inburgeraar as the actor of every event.

The chat screen is reused with its own keys (`ALONE_KEYS`): no overview,
notes, language of the consulent, or key help with the consulent's keys.
Reaching the end of the questions shows the closing page instead of the
consulent's overview.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen

from assistant.app import preintake
from assistant.app.conversation import Conversation
from assistant.base.errors import describe
from assistant.base.paths import Location
from assistant.engine.step import QUESTION
from assistant.i18n import _, translator
from assistant.ui import keymap
from assistant.ui.app import IntakeApp
from assistant.ui.host import PreIntakeHost, host, pre_intake_host
from assistant.ui.screens import pages
from assistant.ui.screens.chat import ChatScreen
from assistant.ui.widgets.transcript import Transcript

ALONE_KEYS = (
    keymap.KeySpec("help", "f1", "help", _("Uitleg")),
    keymap.KeySpec("back", "ctrl+b", "back", _("Terug")),
    keymap.KeySpec("skip", "ctrl+s", "skip", _("Overslaan")),
    keymap.KeySpec("topics", "ctrl+t", "focus_topics", _("Onderwerpen")),
    keymap.KeySpec("dutch", "ctrl+l", "dutch", _("Ook in het Nederlands")),
    keymap.KeySpec("speak", "f5", "speak", _("Voorlezen")),
    keymap.KeySpec("pause", "f10", "pause", _("Pauze")),
)


class AloneChat(ChatScreen):
    """The chat for one person alone: its own keys, and the end page instead of the overview."""

    dutch = False
    _dutch_offered: str | None = None

    @property
    def second_tr(self):
        return translator("nl") if self.dutch and self.tr.locale != "nl" else None

    def _rtl(self) -> bool:
        return False  # the second language here is only ever Dutch

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # not ChatScreen.on_mount: its notes are for the consulent
        self._layout_direction()
        self.query_one(Transcript).note(self.tr(_("Elk antwoord wordt meteen bewaard.")))
        self.show(self.step)

    def show(self, step, *, open_phase: bool = True) -> None:
        if step.kind != QUESTION and step.error is None:
            self.step = step
            pre_intake_host(self).finish()
            return
        super().show(step, open_phase=False)

    def action_skip(self) -> None:
        """Alone, every question may be skipped: it is talked about in the meeting."""
        if self.step.question is None:
            return
        step = self.run_intent(self.conv.skip, preintake.SKIP_REASON)
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
        q = q.in_mode(self.conv.mode)
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
        host(self).leave_intake()


class _Blank(Screen):
    """The bottom of the stack: nothing to see or choose."""


class PreIntakeApp(IntakeApp):
    TITLE = "Intake"

    def __init__(self, store_path: Location, lang: str | None, **kw) -> None:
        super().__init__(store_path, lang or "nl", **kw)
        self.lang_given = lang is not None
        self.code: str | None = None
        self.door: preintake.CodeDoor | None = None  # this view's way back in by a code, with its tries
        self._alone_chat: type | None = None

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
        if choice == "back":  # Escape before answering: nothing is stored, the welcome again
            self.welcome()
            return
        started = preintake.begin(self.opened_store(), self.dialog, self.tr.locale, choice == "yes", today=self.today)
        if started.conversation is None:  # no consent: the session holds only the refusal
            self._end(pages.NO_CONSENT)
            return
        self.conversation, self.code = started.conversation, started.code
        self.push_screen(pages.Page(self.tr, [pages.CODE_WHY], [("next", pages.NEXT)], big=self._code_line()),
                         lambda _choice: self._chat_now())

    def code_typed(self, page, typed: str) -> None:
        """A code typed back: the session it opens, or a clear refusal (and an end after too many)."""
        if self.door is None:
            self.door = preintake.CodeDoor(self.opened_store(), self.dialog, self.store_path, self.today)
        try:
            opened = self.door.open(typed)
        except Exception as exc:  # noqa: BLE001 - in use elsewhere, another version: said, never a traceback
            page.refuse(describe(exc))
            return
        if isinstance(opened, Conversation):
            self.code, self.conversation = self.door.code, opened
            self._chat_now()
        elif opened in (preintake.TOO_OFTEN, preintake.HANDED_OVER):
            self._end(opened)
        else:
            page.refuse(opened)

    def _chat_now(self) -> None:
        if self._alone_chat is None:
            self._alone_chat = self.keyed(AloneChat, ALONE_KEYS)
        self.push_screen(self._alone_chat(self.conversation, self.tr))

    def _code_line(self) -> str:
        if not self.code:
            return ""
        return self.tr(replace(pages.CODE_SHOWN, params={"code": preintake.shown(self.code)}))

    def _end(self, *lines, code: bool = False) -> None:
        self.push_screen(pages.Page(self.tr, list(lines), [("close", pages.CLOSE)],
                                    big=self._code_line() if code else None),
                         lambda _choice: self.exit())

    def _close_intake(self) -> None:
        if self.conversation is not None:
            conv, self.conversation = self.conversation, None
            conv.leave()

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


def run_pre_intake(store_path: Location, lang: str | None) -> int:
    app = PreIntakeApp(store_path, lang)
    app.run()
    return app.return_code or 0


if TYPE_CHECKING:  # the pre-intake app offers its pages what they may ask of it
    def _offers(app: PreIntakeApp) -> PreIntakeHost:
        return app

"""The one place that changes the screen stack while an intake is open.

Before, each button pushed and popped screens itself, so a review pushed
while the old one was still being removed crashed (DuplicateIds 'review'),
and closing the review left the chat on a step with no input. Now every
change goes through `Navigator`: requests run one at a time on the app's
message loop, each first pops back to the chat and waits until the screens
above it are gone, then lets the chat render the engine's current `Step`,
and only then opens the overview or the proposal if that Step asks for it.

The stack is always home, chat, at most one phase screen (review or
proposal) and the small modals above them.
"""

from __future__ import annotations

import asyncio

from assistant.base.errors import describe
from assistant.engine.step import PROPOSAL, REVIEW


class Navigator:
    def __init__(self, app) -> None:
        self.app = app
        self._lock = asyncio.Lock()
        self.return_to: str | None = None  # the question that was open when the overview was asked for
        self.pending = 0  # requests not yet carried out (tests wait for 0)

    # -- requests from handlers (never await a screen change in the screen's own handler) ---------
    def request(self, fn, *args) -> None:
        self.pending += 1
        self.app.call_later(self._run, fn, *args)

    async def _run(self, fn, *args) -> None:
        try:
            async with self._lock:
                await fn(*args)
        finally:
            self.pending -= 1

    def show(self, step, open_phase: bool = True) -> None:
        self.request(self._show, step, open_phase)

    def review_closed(self) -> None:
        self.request(self._review_closed)

    def edit(self, qid: str) -> None:
        self.request(self._intent, "edit", qid)

    def submit(self) -> None:
        self.request(self._intent, "submit")

    def handover(self) -> None:
        """Ctrl+O on the overview: the chat takes the pre-intake over, as Ctrl+O there does."""
        self.request(self._handover)

    def proposal_closed(self) -> None:
        self.request(self._show_current, False)

    def decided(self) -> None:
        self.request(self._show_current, False)
        if self.app.practice is not None:  # a practice ends with its feedback
            from assistant.ui.practice import finish

            self.request(finish, self.app)

    # -- the work ---------------------------------------------------------------------
    @property
    def chat(self):
        return next((s for s in self.app.screen_stack if s.id == "chat"), None)

    async def pop_to(self, screen) -> None:
        """Pop until `screen` is on top, waiting until each screen above it is removed."""
        while self.app.screen is not screen and len(self.app.screen_stack) > 1:
            await self.app.pop_screen()

    async def _show(self, step, open_phase: bool = True, error: str | None = None) -> None:
        from assistant.ui.screens.proposal import ProposalScreen
        from assistant.ui.screens.review import ReviewScreen

        chat, conv = self.chat, self.app.conversation
        if chat is None or conv is None:
            return
        await self.pop_to(chat)
        chat.show(step, open_phase=False)
        if not open_phase or step.kind not in (REVIEW, PROPOSAL):
            return
        if step.error is not None:
            error = error or self.app.tr(step.error)
        keys = self.app.phase_bindings
        if step.kind == REVIEW:
            await self.app.push_screen(keys(ReviewScreen)(conv, self.app.tr, error=error))
        else:
            try:
                screen = keys(ProposalScreen)(conv, self.app.tr)
            except Exception as exc:  # noqa: BLE001 - the advice failed: said in the chat, never a traceback
                chat.say_error(self.app.tr(describe(exc)))
                return
            await self.app.push_screen(screen)

    async def _handover(self) -> None:
        chat = self.chat
        if chat is None or self.app.conversation is None:
            return
        await self.pop_to(chat)
        chat.action_handover()

    async def _show_current(self, open_phase: bool) -> None:
        if self.app.conversation is not None:
            await self._show(self.app.conversation.step(), open_phase)

    async def _intent(self, name: str, *args) -> None:
        """An intent from the overview (change an answer, go on to the proposal)."""
        conv = self.app.conversation
        if conv is None:
            return
        try:
            step = getattr(conv, name)(*args)
        except Exception as exc:  # noqa: BLE001 - shown on the overview, never a traceback
            await self._show(conv.step(), True, self.app.tr(describe(exc)))
            return
        await self._show(step, True)

    async def _review_closed(self) -> None:
        """Back to the conversation: the question that was open, else the first open one.

        Only when no question is left does the chat stay on the review step; it
        then offers a button (and the key) to the overview, so there is always a
        way on. A move that cannot be stored is said in the chat, never passed over.
        """
        conv = self.app.conversation
        if conv is None:
            return
        return_to, self.return_to = self.return_to, None
        try:
            step = conv.back_to_conversation(return_to)
        except Exception as exc:  # noqa: BLE001 - the store refused the move: said, never a traceback
            await self._show(conv.step(), open_phase=False)
            if self.chat is not None:
                self.chat.say_error(self.app.tr(describe(exc)))
            return
        await self._show(step, open_phase=False)

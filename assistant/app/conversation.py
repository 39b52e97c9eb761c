"""`Conversation`: one open intake as every front end works with it.

The chat, the plain conversation, the pre-intake and a practice all hold a
`Conversation`, never the engine's `Intake`: they call its intents and read
its read-models (the engine's `Step`, and the views in `assistant.app.views`).
So each use case is written once here, whoever asks for it:

- who typed it: a conversation opened for the inburgeraar alone passes that
  actor with every intent; otherwise each question's own role counts;
- leaving: pause, then close, in that order and once, also when the pause
  cannot be written (the session is released either way, and the caller is
  told whether everything was saved);
- where the conversation resumes after the overview (`back_to_conversation`);
- the decision: the advice computed on the answers and the consulent's
  choice recorded, with the same rules as the replay (`outcome.compute`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from assistant.app import views
from assistant.dialog.model import Dialog, Question
from assistant.engine.errors import SessionError
from assistant.engine.provenance import offer_dutch
from assistant.engine.session import Intake
from assistant.engine.step import CONFIRMED, Step
from assistant.outcome.compute import Outcome, compute, decide_and_record
from assistant.store.contract import SessionStore
from assistant.store.errors import StoreError

Clock = Callable[[], date]


class Conversation:
    """The intents a person at the keyboard can carry out on one intake, and what to show them."""

    def __init__(self, intake: Intake, *, actor: str | None = None) -> None:
        self._intake = intake
        self.actor = actor  # "inburgeraar" when the person works alone; None: each question's own role

    # -- opening and leaving -------------------------------------------------------
    @classmethod
    def start(cls, store: SessionStore, dialog: Dialog, *, mode: str = "joint", actor: str | None = None,
              second_locale: str | None = None, today: Clock | None = None) -> Conversation:
        intake = Intake.start(store, dialog, mode=mode, actor=actor or "consulent",
                              second_locale=second_locale, **_clock(today))
        return cls(intake, actor=actor)

    @classmethod
    def open(cls, store: SessionStore, dialog: Dialog, sid: str, *, actor: str | None = None,
             today: Clock | None = None) -> Conversation:
        intake = Intake.open(store, sid, dialog, actor=actor or "consulent", **_clock(today))
        return cls(intake, actor=actor)

    def leave(self) -> bool:
        """Pause, then release the session; True when the pause was stored.

        Every answer is stored already; a pause that cannot be written (the
        disk, the database gone) still releases the session, so leaving a
        screen is never a crash.
        """
        try:
            self._intake.pause(self._who())
            saved = True
        except StoreError:
            saved = False
        finally:
            self._intake.close()
        return saved

    def close(self) -> None:
        self._intake.close()

    # -- intents: each returns the next Step (an error in it says why nothing changed) ------
    def answer(self, raw: Any) -> Step:
        return self._intake.answer(raw, self.actor)

    def skip(self, reason: str) -> Step:
        return self._intake.skip(reason, self.actor)

    def back(self) -> Step:
        return self._intake.go_back(self._who())

    def jump(self, topic_id: str) -> Step:
        return self._intake.jump(topic_id, self._who())

    def edit(self, qid: str) -> Step:
        """Show one question again so its answer can be changed (the overview's choice)."""
        return self._intake.goto(qid, self._who())

    def review(self) -> Step:
        return self._intake.review(self._who())

    def submit(self) -> Step:
        return self._intake.submit(self._who())

    def set_language(self, locale: str | None) -> Step:
        """The inburgeraar's language beneath the Dutch (None: Dutch only)."""
        self._intake.set_second_locale(locale, self._who())
        return self._intake.step()

    def add_note(self, topic_id: str, text: str) -> None:
        self._intake.add_note(topic_id, text, self._who())

    def handover(self) -> Step:
        return self._intake.handover()

    def confirm_topic(self, topic_id: str) -> list[str]:
        return self._intake.confirm_topic(topic_id)

    def render_dutch(self, qid: str, typed: str) -> str:
        return self._intake.render_dutch(qid, typed)

    def back_to_conversation(self, return_to: str | None) -> Step:
        """After the overview: the question that was open, else the first open one.

        Only a question that no longer applies is passed over; a failure to
        store the move is the caller's to show, never swallowed here.
        """
        nxt = self._intake.view.next_open(self.mode, None)
        for qid in [q for q in (return_to, nxt.id if nxt is not None else None) if q]:
            try:
                return self.edit(qid)
            except SessionError:  # that question no longer applies: the next place
                continue
        return self._intake.step()

    # -- the decision ----------------------------------------------------------------
    def proposal(self) -> Outcome:
        """The advice on the answers as they are now (nothing is stored)."""
        return compute(self.answers, self._intake.today())

    def decide(self, besluit: dict[str, Any]) -> Step:
        """Record the consulent's decision on the proposal; raises `DecisionInvalid` when refused."""
        decide_and_record(self._intake, besluit, self._who())
        return self._intake.step()

    # -- read-models -------------------------------------------------------------------
    def step(self) -> Step:
        return self._intake.step()

    @property
    def id(self) -> str:
        return self._intake.id

    @property
    def mode(self) -> str:
        return self._intake.mode

    @property
    def dialog(self) -> Dialog:
        return self._intake.dialog

    def today(self) -> date:
        return self._intake.today()

    @property
    def answers(self) -> dict[str, Any]:
        """The answers that count, in dialog order (a copy)."""
        return dict(self._intake.record)

    def has_answer(self, qid: str) -> bool:
        return qid in self._intake.view.record

    def answer_to(self, qid: str) -> Any:
        return self._intake.view.record.get(qid)

    @property
    def confirmed(self) -> bool:
        return self._intake.state.position == CONFIRMED

    @property
    def decision(self) -> dict[str, Any] | None:
        return self._intake.state.decision

    @property
    def given_alone(self) -> frozenset[str]:
        """Answers the inburgeraar gave alone that the consulent has not confirmed yet."""
        return frozenset(self._intake.state.alone)

    def unconfirmed_answers(self) -> list[str]:
        """Given alone, still unconfirmed, and a real answer (an info page read is none)."""
        record, dialog = self._intake.view.record, self.dialog
        return [q for q in self._intake.state.alone if q in record
                and (question := dialog.find_question(q)) is not None and question.type != "info"]

    def dutch_rendering(self, qid: str) -> str | None:
        return self._intake.state.dutch.get(qid)

    def offers_dutch(self, q: Question | None) -> bool:
        """Whether the consulent may add a Dutch rendering to the answer of `q`."""
        return q is not None and offer_dutch(q, self._intake.state, self._intake.view.record)

    def offers_dutch_anywhere(self) -> bool:
        return any(self.offers_dutch(q) for q in self.dialog.questions)

    @property
    def last_actor(self) -> str | None:
        """Who committed the last event of this conversation (None before any)."""
        last = self._intake.last_event
        return last.actor if last is not None else None

    def overview(self) -> list[views.TopicOverview]:
        return views.overview(self.dialog, self._intake.view.record, self._intake.state)

    def sensitive_values(self) -> list[Any]:
        """Everything typed into this intake, for a crash report to blank out."""
        state = self._intake.state
        return [state.answers, state.notes, state.decision]

    def _who(self) -> str:
        return self.actor or "consulent"


def _clock(today: Clock | None) -> dict[str, Clock]:
    return {"today": today} if today is not None else {}

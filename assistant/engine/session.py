"""`Intake`: one session's facade — the only way front ends change an intake.

Every intent (answer, change, skip with reason, back, jump, review, submit,
pause, language switch, note) is validated first, then committed to the store
as one event, then folded into the in-memory state, and only then is the next
`Step` produced. So an answer is durable before the next question is shown,
and a refused input changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from assistant.base.text import clean
from assistant.dialog.model import Dialog, Question
from assistant.dialog.retired import upgrade_events
from assistant.engine import fold, machine, progress
from assistant.engine import state as ev
from assistant.engine.errors import ReasonMissing, SessionError
from assistant.engine.fold import fold_event, position_after
from assistant.engine.handover import PreIntakeIntents
from assistant.engine.parse import Invalid, check_value, parse_input
from assistant.engine.progress import ProgressView
from assistant.engine.state import ACTORS, IMPORT, MODES  # re-exported: callers import them from here
from assistant.engine.step import AWAITING_LBT, CONFIRMED, PROPOSAL, QUESTION, REVIEW, Step
from assistant.engine.tracker import Tracker
from assistant.i18n import N_, Msg, _
from assistant.store.contract import Event, SessionRow, SessionStore

PHASES = fold.PHASES
REOPEN_REASON_MIN = 10  # characters: a reason a colleague can read later, not "ok"
__all__ = ["ACTORS", "IMPORT", "MODES", "Intake", "SessionError", "fold_event"]


class Intake(PreIntakeIntents):
    # How progress is kept: incrementally (`Tracker`), or recomputed (`progress.FullView`,
    # the reference the tracker is tested against).
    view_class: Callable[[Dialog, ev.SessionState], ProgressView] = Tracker

    def __init__(self, store: SessionStore, row: SessionRow, dialog: Dialog,
                 today: Callable[[], date] = date.today) -> None:
        self.store, self.row, self.dialog, self._today = store, row, dialog, today
        self.state = ev.SessionState()
        self.view: ProgressView = self.view_class(dialog, self.state)
        self._snapshot: tuple[int, dict[str, Any]] | None = None  # (view version, copy of its record)
        self._model = machine.attach(dialog)
        self._error: Msg | None = None
        self._rechecked: tuple[str, ...] = ()
        self.last_event: Event | None = None  # the last event this session committed
        self._batch = False  # within `answer_many`: no views between the answers
        self._closed = False

    # -- lifecycle ------------------------------------------------------------
    @classmethod
    def start(cls, store: SessionStore, dialog: Dialog, *, mode: str = "joint", actor: str = "consulent",
              second_locale: str | None = None, today: Callable[[], date] = date.today) -> Intake:
        if mode not in MODES:
            raise SessionError(_("Onbekende soort intake: {mode}.", mode=mode))
        row = store.create_session(dialog.id, dialog.version, dialog.fingerprint, mode)
        store.lock(row)
        intake = cls(store, row, dialog, today)
        intake._commit(actor, ev.CREATED, {"dialog_id": dialog.id, "version": dialog.version,
                                           "fingerprint": dialog.fingerprint, "mode": mode,
                                           "second_locale": second_locale})
        return intake

    @classmethod
    def open(cls, store: SessionStore, sid: str, dialog: Dialog, *,
             today: Callable[[], date] = date.today, actor: str = "consulent") -> Intake:
        """Open a stored session; refuses clearly if its dialog changed or it is in use."""
        row = store.session(sid)
        if row.dialog_id != dialog.id or not dialog.opens(row.fingerprint):
            raise SessionError(_(
                "Deze intake is begonnen met versie {old} van de vragenlijst. Nu is versie {new} "
                "geïnstalleerd en de vragen zijn veranderd. De intake is niet geopend, zodat er niets "
                "verandert. Open hem met versie {old}, of begin een nieuwe intake.",
                old=row.dialog_version, new=dialog.version))
        store.lock(row)
        intake = cls(store, row, dialog, today)
        for event in upgrade_events(dialog, store.events(sid)):  # an earlier version's retired answers
            intake._fold(event)
        machine.detach(dialog, intake._model)
        intake._model = machine.attach(dialog, intake._phase_for(intake.state.position))
        if intake.state.paused:
            intake._commit(actor, ev.RESUMED, {})
        return intake

    def close(self) -> None:
        """Release the session. Its phase model goes back to the shared pool; this object
        keeps a detached copy, so a late `step()` shows its own phase, never another session's."""
        if not self._closed:
            self._closed = True
            shared, self._model = self._model, machine.PhaseModel()
            self._model.phase = shared.phase
            machine.detach(self.dialog, shared)
        self.store.unlock(self.row)

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def mode(self) -> str:
        return self.state.mode

    def today(self) -> date:
        return self._today()

    @property
    def record(self) -> dict[str, Any]:
        """The answers that count, in dialog order: a copy a caller may keep.

        Made when first read after a change, not per event (a replay reads it
        once per case); the engine itself reads the view's live record.
        """
        view = self.view
        version = getattr(view, "version", None)
        if version is None:
            return dict(view.record)
        snap = self._snapshot
        if snap is None or snap[0] != version:
            snap = self._snapshot = (version, dict(view.record))
        return snap[1]

    # -- intents ----------------------------------------------------------------
    def answer(self, raw: Any, actor: str | None = None) -> Step:
        """Answer the current question with typed input (or a typed value)."""
        q = self.dialog.find_question(self.state.position)
        if q is None:
            raise SessionError(_("Er is nu geen vraag om te beantwoorden."))
        self._answer(self._applying(q.id, q), raw, actor, False)
        return self.step()

    def answer_question(self, qid: str, raw: Any, actor: str | None = None, *,
                        from_file: bool = False) -> Step:
        """Answer or change any question that applies (the review's edit uses this)."""
        self._answer(self._applying(qid), raw, actor, from_file)
        return self.step()

    def _answer(self, q: Question, raw: Any, actor: str | None, from_file: bool) -> None:
        """Check and store one answer; a refused one leaves its message in `_error`."""
        if not q.mandatory and q.type != "info" and (raw is None or raw == "" or raw == []):
            self._skip(q, "", actor)  # an empty answer to an optional question
            return
        try:
            value = check_value(q, raw, self._today()) if from_file else parse_input(q, raw, self._today())
        except Invalid as exc:
            self._error = exc.msg
            return
        self._store_answer(q, value, actor)

    def answer_many(self, answers: dict[str, Any], actor: str | None = None) -> tuple[str, Msg] | None:
        """Answers from a file (replay, an import), in dialog order, as one batch.

        Each answer is checked and committed as its own event, exactly as
        `answer_question(..., from_file=True)` does; only the views a person
        would see between them (a `Step`, the phase machine) are skipped.
        Returns (question id, message) for the first refused answer, else None;
        the caller checks the whole file first, so that nothing is half-applied.
        """
        self._batch, self._error = True, None
        try:
            for q in self.dialog.questions:
                if q.id not in answers:
                    continue
                self._answer(self._applying(q.id), answers[q.id], actor, True)
                if self._error is not None:
                    error, self._error = self._error, None
                    return q.id, error
        finally:
            self._batch = False
            self._sync_machine()
        return None

    def skip(self, reason: str, actor: str | None = None) -> Step:
        """Skip the current question; a mandatory one only with a reason, which is kept."""
        q = self._current_question()
        if q is None:
            raise SessionError(_("Er is nu geen vraag om over te slaan."))
        self._skip(q, reason, actor)
        return self.step()

    def _skip(self, q: Question, reason: str, actor: str | None) -> None:
        """Store one skip; a mandatory question without a reason leaves the message in `_error`."""
        reason = clean(reason or "").strip()
        if q.mandatory and not reason:
            self._error = _("Deze vraag is verplicht. Schrijf op waarom u hem overslaat.")
            return
        self.view.begin()
        self._commit(self._actor(q, actor), ev.SKIPPED, {"question": q.id, "reason": reason})
        self._rechecked = self.view.flipped()

    def go_back(self, actor: str = "consulent") -> Step:
        q = self._current_question()
        if q is None:
            prev = self.view.relevant()
            target = prev[-1] if prev else None
        else:
            target = self.view.previous_relevant(self.mode, q.id)
        if target is not None:
            self._commit(actor, ev.MOVED, {"to": target.id})
        return self.step()

    def jump(self, topic_id: str, actor: str = "consulent") -> Step:
        """Go to a topic: its first open question, or its first question."""
        topic = self.dialog.topic(topic_id)
        applying = [q for q in self.view.relevant()
                    if q.topic == topic.id and progress.askable(q, self.mode)]
        if not applying:
            raise SessionError(_("Dit onderwerp hoort niet bij deze intake."))
        record = self.view.record
        first_open = next((q for q in applying if q.id not in record and q.id not in self.state.skipped), None)
        self._commit(actor, ev.MOVED, {"to": (first_open or applying[0]).id})
        return self.step()

    def goto(self, qid: str, actor: str = "consulent") -> Step:
        """Show one question again (the review's edit): its answer can be changed."""
        q = self._applying(qid)
        if not progress.askable(q, self.mode):
            raise SessionError(_("Deze vraag is voor het gesprek met de consulent."))
        self._commit(actor, ev.MOVED, {"to": q.id})
        return self.step()

    def review(self, actor: str = "consulent") -> Step:
        self._commit(actor, ev.MOVED, {"to": REVIEW})
        return self.step()

    def submit(self, actor: str = "consulent") -> Step:
        """From the review to the proposal, or to waiting for the leerbaarheidstoets."""
        if self.state.position not in (REVIEW, AWAITING_LBT):
            self.review(actor)
        missing = self.missing()
        if missing:
            self._error = N_("Er is nog {n} verplichte vraag open. Beantwoord hem of sla hem over met een reden.",
                             "Er zijn nog {n} verplichte vragen open. Beantwoord ze of sla ze over met een reden.",
                             len(missing))
            return self.step()
        target = AWAITING_LBT if self.view.waiting() else PROPOSAL
        if self.state.position != target:
            self._commit(actor, ev.MOVED, {"to": target})
        return self.step()

    def decide(self, besluit: dict[str, Any], decision: dict[str, Any], actor: str = "consulent") -> Step:
        """Record the consulent's decision: the `besluit` as given and the checked
        `decision` record of the advice module (proposal vs. choice, motivation).

        Allowed from the review too: the advice needs only the record fields, and
        a PIP may be adopted while other questions are still open (they are then
        listed in the PIP as still to be completed).
        """
        if self.state.position not in (REVIEW, AWAITING_LBT, PROPOSAL):
            raise SessionError(_("Ga eerst naar het overzicht. Daar staat het voorstel om te bevestigen."))
        self._commit(actor, ev.DECISION, {"besluit": besluit, "beslissing": decision})
        self._commit(actor, ev.MOVED, {"to": CONFIRMED})
        return self.step()

    def reopen(self, reason: str, actor: str = "consulent") -> Step:
        """Reopen a confirmed PIP with a reason (at least 10 characters, kept as an event): back to the review."""
        reason = clean(reason or "", multiline=True).strip()
        if len(reason) < REOPEN_REASON_MIN:
            raise ReasonMissing(_("Schrijf op waarom u het PIP heropent (ten minste 10 tekens), met --reason."))
        if self.state.position != CONFIRMED:
            raise SessionError(_("Intake {id} is niet bevestigd. Heropenen is niet nodig.", id=self.id))
        self._commit(actor, ev.REOPENED, {"reason": reason[:2000]})
        return self.review(actor)

    def pause(self, actor: str = "consulent") -> None:
        if not self.state.paused:
            self._commit(actor, ev.PAUSED, {})

    def set_second_locale(self, locale: str | None, actor: str = "consulent") -> None:
        if locale != self.state.second_locale:
            self._commit(actor, ev.LANGUAGE, {"second_locale": locale})

    def add_note(self, topic_id: str, text: str, actor: str = "consulent") -> None:
        self.dialog.topic(topic_id)
        text = clean(text, multiline=True).strip()
        if not text:
            raise SessionError(_("De notitie is leeg. Typ eerst een notitie."))
        self._commit(actor, ev.NOTE, {"topic": topic_id, "text": text})

    # -- views ------------------------------------------------------------------
    def step(self) -> Step:
        state, view, phase = self.state, self.view, self._model.phase
        pos, mode = state.position, state.mode
        q = self.dialog.find_question(pos)
        answered, total, topics, missing, waiting = view.progress(mode, phase)
        if mode == "pre_intake":  # count and show only what this mode asks
            from assistant.engine.alone import alone_view

            answered, total, topics = alone_view(self.dialog, view, view.record, state.skipped, topics)
        step = Step.full(
            kind=QUESTION if q else (pos if pos in PHASES else REVIEW),
            phase=phase, question=q,
            value=view.record.get(q.id) if q else None,
            skipped_reason=state.skipped.get(q.id) if q else None,
            error=self._error, topics=topics,
            missing=missing,
            waiting=waiting,
            rechecked=self._rechecked,
            answered=answered,
            total=total, second_locale=state.second_locale, mode=mode,
            paused=state.paused,
        )
        self._error = None
        return step

    def missing(self) -> list[str]:
        return self.view.missing()

    def events(self) -> list[Event]:
        return list(self.store.events(self.id))

    # -- internals ----------------------------------------------------------------
    def _current_question(self) -> Question | None:
        return self.dialog.find_question(self.state.position)

    def _applying(self, qid: str, q: Question | None = None) -> Question:
        """The question `qid` (`q` when the caller already looked it up), if it applies now."""
        q = q or self.dialog.find_question(qid)
        if q is None:
            raise SessionError(_("Onbekende vraag: {id}.", id=qid))
        if not self.view.applies(qid):
            raise SessionError(_("De vraag {id} hoort niet bij deze intake, door eerdere antwoorden.", id=qid))
        return q

    def _store_answer(self, q: Question, value: Any, actor: str | None) -> None:
        who = self._actor(q, actor)
        self.view.begin()
        if q.id in self.state.answers and q.id in self.view.record:
            old = self.state.answers[q.id]
            if old == value:
                if q.id in self.state.alone and self.state.handed_over and who != "inburgeraar":
                    self._commit(who, ev.CONFIRMED, {"questions": [q.id]})  # the same answer again: confirmed
                self._commit(who, ev.MOVED, {"to": self._after(q.id)})
                return
            self._commit(who, ev.CHANGED, {"question": q.id, "old": old, "new": value})
        else:
            self._commit(who, ev.ANSWERED, {"question": q.id, "value": value})
        if q.opt("sets_locale") and value != self.state.second_locale:
            self._commit(who, ev.LANGUAGE, {"second_locale": None if value == "nl" else value})
        self._rechecked = self.view.flipped()

    def _actor(self, q: Question, actor: str | None) -> str:
        """Who did it: the caller says so (the pre-intake view says "inburgeraar").

        Not the mode: after a hand-over a changed answer that was given alone
        is the consulent's correction.
        """
        if actor is None and q.id in self.state.alone and self.state.handed_over:
            actor = "consulent"
        who = actor or q.who
        if who not in ACTORS:
            raise SessionError(_("Onbekende rol: {actor}.", actor=who))
        return who

    def _commit(self, actor: str, kind: str, data: dict[str, Any]) -> None:
        event = self.store.append(self.id, actor, kind, self.dialog.version, data)
        self.last_event = event
        fold_event(self.dialog, self.state, event, self.view)
        self._sync_machine()

    def _fold(self, event: Event) -> None:
        fold_event(self.dialog, self.state, event, self.view)

    def _after(self, qid: str) -> str:
        return position_after(self.view, self.state, qid)

    def _phase_for(self, position: str | None) -> str:
        q = self.dialog.find_question(position)
        if q is not None:
            return q.topic
        return position or self.dialog.topics[0].id

    def _sync_machine(self) -> None:
        """Move the shared machine to where the fold put the session, by its triggers."""
        if self._batch:
            return  # synced once at the end of the batch
        position, model = self.state.position, self._model
        q = self.dialog.find_question(position)  # `_phase_for`, inlined: this runs after every event
        if q is not None and q.topic == model.phase:
            return
        target = self._phase_for(position)
        if model.phase == target:
            return
        model.complete = not self.view.missing_ids()
        model.waiting = self.view.waiting()

        def fire(trigger: str) -> None:
            machine.fire(self.dialog, model, trigger)

        if target in (PROPOSAL, AWAITING_LBT):
            if model.phase not in (REVIEW, AWAITING_LBT):
                fire("to_review")
            if model.phase == AWAITING_LBT and target == PROPOSAL:
                fire("result_arrived")
            fire("submit")
        elif target == CONFIRMED:
            fire("confirm")
        elif target == REVIEW:
            fire("reopen" if model.phase in (PROPOSAL, CONFIRMED) else "to_review")
        elif self._next_topic(model.phase) == target:  # every topic may `advance` to the next one
            fire("advance")
        else:
            if model.phase == CONFIRMED:
                fire("reopen")
            fire(f"open_{target}")

    def _next_topic(self, phase: str) -> str | None:
        return machine.next_topic(self.dialog, phase)


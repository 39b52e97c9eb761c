"""The pre-intake's intents on a session: consent, resume code, hand-over, confirm, Dutch rendering.

In a pre-intake the inburgeraar answers alone first; the consulent takes the
session over, confirms or corrects what was given alone, and may add a Dutch
rendering of free text typed in another script. These are intents of `Intake`
(a mixin): each is checked, then committed as one event through the session's
`_commit`, exactly like an answer, so they are durable and folded the same way.
What they use of the session is `IntentHost`, the type of their `self`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from assistant.dialog.model import Dialog
from assistant.engine import state as ev
from assistant.engine.errors import SessionError
from assistant.engine.state import ACTORS, SessionState
from assistant.engine.step import Step
from assistant.i18n import _


class IntentHost(Protocol):
    """What the pre-intake's intents use of the session they belong to (`Intake`)."""

    state: SessionState
    dialog: Dialog

    @property
    def record(self) -> dict[str, Any]: ...

    def step(self) -> Step: ...

    def confirm(self, qids: Iterable[str], actor: str = "consulent") -> list[str]: ...

    def _commit(self, actor: str, kind: str, data: dict[str, Any]) -> None: ...


class PreIntakeIntents:
    def record_consent(self: IntentHost, given: bool, actor: str = "inburgeraar") -> None:
        self._commit(actor, ev.CONSENT, {"given": bool(given)})

    def set_resume_code(self: IntentHost, salt: str, digest: str, actor: str = "inburgeraar") -> None:
        """Only a salted hash of the code is kept (assistant/engine/resume.py)."""
        self._commit(actor, ev.RESUME_CODE, {"salt": salt, "digest": digest})

    def handover(self: IntentHost, actor: str = "consulent") -> Step:
        """The consulent takes the pre-intake over: from now on a joint intake.

        Answers given alone stay, marked as not yet confirmed; questions the
        inburgeraar skipped alone are open again, consulent questions are asked.
        """
        if self.state.mode != "pre_intake":
            raise SessionError(_("Deze intake is geen voorbereiding. Er is niets over te nemen."))
        self._commit(actor, ev.HANDOVER, {})
        return self.step()

    def confirm(self: IntentHost, qids: Iterable[str], actor: str = "consulent") -> list[str]:
        """Confirm answers given alone (one, or all of a topic); returns those confirmed."""
        todo = [q for q in qids if q in self.state.alone]
        if todo:
            self._commit(actor, ev.CONFIRMED, {"questions": todo})
        return todo

    def confirm_topic(self: IntentHost, topic_id: str, actor: str = "consulent") -> list[str]:
        topic = self.dialog.topic(topic_id)
        return self.confirm([q.id for q in topic.questions], actor)

    def render_dutch(self: IntentHost, qid: str, typed: str, actor: str = "consulent") -> str:
        """The consulent's Dutch rendering of a free-text answer; the answer itself stays as typed.

        Cleaned and limited like the answer (`clean`, the question's `max_length`);
        kept as its own event, sealed like every payload. A later change of the
        answer drops the rendering from the state (the log keeps it).
        """
        from assistant.engine.parse import Invalid, bounded_text
        from assistant.engine.provenance import free_text

        q = self.dialog.find_question(qid)
        if q is None:
            raise SessionError(_("Onbekende vraag: {id}.", id=qid))
        if not free_text(q):
            raise SessionError(_("Alleen een antwoord in eigen woorden krijgt een Nederlandse weergave."))
        if not isinstance(self.record.get(qid), str):
            raise SessionError(_("Deze vraag heeft nog geen antwoord. Er is nog niets om te vertalen."))
        if actor not in ACTORS:
            raise SessionError(_("Onbekende rol: {actor}.", actor=actor))
        try:
            text = bounded_text(q, typed if isinstance(typed, str) else "", _(
                "De Nederlandse weergave is leeg. Typ de tekst in het Nederlands."), lambda length, limit: _(
                "De Nederlandse weergave is te lang: {length} tekens. Het mag {limit} tekens zijn.",
                length=length, limit=limit))
        except Invalid as exc:
            raise SessionError(exc.msg) from None
        self._commit(actor, ev.RENDERED, {"question": qid, "text": text})
        return text

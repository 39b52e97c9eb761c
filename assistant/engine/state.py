"""The session's current state as a fold over its events.

`apply` is the only function that changes a `SessionState`, and it is used in
two places: when an event was just committed, and when a stored session is
opened again. So what a person sees after a resume is by construction what
they saw before the crash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant.store.contract import Event

# Event kinds and what their data holds.
CREATED = "created"          # {dialog_id, version, fingerprint, mode, locale}
ANSWERED = "answered"        # {question, value}
CHANGED = "changed"          # {question, old, new}
SKIPPED = "skipped"          # {question, reason}
MOVED = "moved"              # {to: question id | phase}
LANGUAGE = "language"        # {second_locale}
PAUSED = "paused"            # {}
RESUMED = "resumed"          # {}
NOTE = "note"                # {topic, text}
DECISION = "decision"        # {besluit: as given, beslissing: the checked decision record}
REOPENED = "reopened"        # {reason}: a confirmed PIP reopened by the consulent, with the reason
# The pre-intake: the inburgeraar alone, then the consulent takes over.
CONSENT = "consent"          # {given: bool}
RESUME_CODE = "resume_code"  # {salt, digest}: the code itself is never stored
HANDOVER = "handover"        # {}: the pre-intake becomes a joint intake
CONFIRMED = "confirmed"      # {questions: [...]}: answers given alone, confirmed by the consulent
RENDERED = "rendered"        # {question, text}: the consulent's Dutch rendering of a free-text answer

# Who may cause an event, and the kinds of session.
MODES = ("joint", "pre_intake", "training")
IMPORT = "import"  # answers and decision read from a case file (`intake replay --save`)
ACTORS = ("consulent", "inburgeraar", "duo", IMPORT)


@dataclass
class SessionState:
    mode: str = "joint"
    second_locale: str | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    position: str | None = None          # question id, or a phase name such as "review"
    paused: bool = False
    decision: dict[str, Any] | None = None
    last_event_at: str | None = None
    event_count: int = 0
    consent: bool | None = None
    resume_code: dict[str, Any] | None = None
    handed_over: bool = False
    by: dict[str, str] = field(default_factory=dict)        # question -> actor of its current value
    alone: set[str] = field(default_factory=set)            # answers given alone, not yet confirmed
    alone_skips: set[str] = field(default_factory=set)      # skipped alone: asked again after the hand-over
    pre: set[str] = field(default_factory=set)              # current value given in the pre-intake (confirmed or not)
    corrected: set[str] = field(default_factory=set)        # given in the pre-intake, changed after it
    dutch: dict[str, str] = field(default_factory=dict)     # question -> Dutch rendering of its current value


def apply(state: SessionState, event: Event) -> None:
    data = event.data
    kind = event.kind
    state.last_event_at = event.at
    state.event_count += 1
    if kind == CREATED:
        state.mode = data.get("mode", "joint")
        state.second_locale = data.get("second_locale")
    elif kind in (ANSWERED, CHANGED):
        qid = data["question"]
        state.answers[qid] = data["value"] if kind == ANSWERED else data["new"]
        state.skipped.pop(qid, None)
        state.by[qid] = event.actor
        state.alone_skips.discard(qid)
        if state.mode == "pre_intake":
            state.alone.add(qid)
            state.pre.add(qid)
        else:
            state.alone.discard(qid)
            if qid in state.pre:  # a pre-intake answer changed in the meeting: the consulent's now
                state.pre.discard(qid)
                state.corrected.add(qid)
        state.dutch.pop(qid, None)  # a rendering belongs to the value it rendered (kept in the log)
        state.decision = None  # a decision belongs to the answers it was taken on
    elif kind == SKIPPED:
        state.skipped[data["question"]] = data["reason"]
        state.answers.pop(data["question"], None)
        state.by.pop(data["question"], None)
        state.alone.discard(data["question"])
        state.pre.discard(data["question"])
        state.corrected.discard(data["question"])
        state.dutch.pop(data["question"], None)
        if state.mode == "pre_intake":
            state.alone_skips.add(data["question"])
        state.decision = None
    elif kind == MOVED:
        state.position = data["to"]
    elif kind == LANGUAGE:
        state.second_locale = data.get("second_locale")
    elif kind == PAUSED:
        state.paused = True
    elif kind == RESUMED:
        state.paused = False
    elif kind == NOTE:
        state.notes.setdefault(data["topic"], []).append(data["text"])
    elif kind == DECISION:
        state.decision = data
    elif kind == CONSENT:
        state.consent = bool(data.get("given"))
    elif kind == RESUME_CODE:
        state.resume_code = data
    elif kind == HANDOVER:
        state.mode, state.handed_over = "joint", True
        for qid in state.alone_skips:  # skipped alone: the consulent asks these in the meeting
            state.skipped.pop(qid, None)
        state.alone_skips = set()
    elif kind == CONFIRMED:
        state.alone.difference_update(data.get("questions", ()))
    elif kind == RENDERED:
        state.dutch[data["question"]] = data["text"]

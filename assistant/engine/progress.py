"""Which questions apply, which are open, and how far each topic is.

Pure functions over the dialog and the answers. Relevance is computed in
dialog order against the *effective* answers: an answer to a question that no
longer applies (after an edit) stays in the log but is left out of the record,
so nothing is silently reinterpreted and nothing is lost.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from assistant.dialog.conditions import evaluate
from assistant.dialog.model import Dialog, Question, Topic
from assistant.engine.state import SessionState
from assistant.i18n import Msg

DONE, OPEN, SKIPPED, WAITING, NOT_APPLICABLE = "done", "open", "skipped", "waiting", "not_applicable"


@dataclass(frozen=True)
class TopicStatus:
    id: str
    title: Msg
    status: str
    current: bool
    required_by: str


# (answered or skipped, applying, topic statuses, missing, waiting): what a `Step` shows.
Progress = tuple[int, int, tuple[TopicStatus, ...], tuple[str, ...], bool]


class ProgressView(Protocol):
    """How far a session is: `FullView` recomputes it, `tracker.Tracker` keeps it up to date."""

    @property
    def record(self) -> dict[str, Any]: ...

    def touch(self, qid: str) -> None: ...

    def applies(self, qid: str) -> bool: ...

    def relevant(self) -> tuple[Question, ...]: ...

    def missing(self) -> list[str]: ...

    def missing_ids(self) -> tuple[str, ...]: ...

    def progress(self, mode: str, current: str | None) -> Progress: ...

    def counts(self) -> tuple[int, int]: ...

    def waiting(self) -> bool: ...

    def waiting_topics(self) -> list[Topic]: ...

    def topic_statuses(self, mode: str, current: str | None) -> tuple[TopicStatus, ...]: ...

    def next_open(self, mode: str, after: str | None) -> Question | None: ...

    def previous_relevant(self, mode: str, before: str) -> Question | None: ...

    def begin(self) -> None: ...

    def flipped(self) -> tuple[str, ...]: ...


def effective(dialog: Dialog, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers that count: those whose question applies, in dialog order."""
    out: dict[str, Any] = {}
    for topic in dialog.topics:
        topic_on = evaluate(topic.when, out)
        for q in topic.questions:
            if topic_on and evaluate(q.when, out) and q.id in answers:
                out[q.id] = answers[q.id]
    return out


def relevant(dialog: Dialog, record: Mapping[str, Any]) -> list[Question]:
    """Questions that apply given the effective answers (`record`)."""
    out: list[Question] = []
    for topic in dialog.topics:
        if not evaluate(topic.when, record):
            continue
        out.extend(q for q in topic.questions if evaluate(q.when, record))
    return out


def askable(q: Question, mode: str) -> bool:
    """In a pre-intake the inburgeraar alone answers only what is meant for that."""
    return mode != "pre_intake" or q.pre_intake


def open_questions(dialog: Dialog, record: Mapping[str, Any], skipped: Collection[str], mode: str) -> list[Question]:
    return [q for q in relevant(dialog, record)
            if q.id not in record and q.id not in skipped and askable(q, mode)]


def missing(dialog: Dialog, record: Mapping[str, Any], skipped: Collection[str]) -> list[str]:
    """Mandatory questions that apply and have neither an answer nor a skip reason."""
    return [q.id for q in relevant(dialog, record)
            if q.mandatory and q.id not in record and q.id not in skipped]


def waiting_topics(dialog: Dialog, record: Mapping[str, Any]) -> list[Topic]:
    return [t for t in dialog.topics
            if t.waiting_when and evaluate(t.when, record) and evaluate(t.waiting_when, record)]


def topic_statuses(dialog: Dialog, record: Mapping[str, Any], skipped: Collection[str], mode: str,
                   current: str | None) -> tuple[TopicStatus, ...]:
    applying = {q.id for q in relevant(dialog, record)}
    waiting = {t.id for t in waiting_topics(dialog, record)}
    out = []
    for topic in dialog.topics:
        ids = [q.id for q in topic.questions if q.id in applying]
        status = WAITING if topic.id in waiting else status_of(ids, record, skipped)
        out.append(TopicStatus(topic.id, topic.title_msg(), status, topic.id == current, topic.required_by))
    return tuple(out)


def status_of(ids: Collection[str], record: Collection[str], skipped: Collection[str]) -> str:
    """A topic's status from the questions it asks: none, any open, any skipped, else done."""
    if not ids:
        return NOT_APPLICABLE
    if any(i not in record and i not in skipped for i in ids):
        return OPEN
    if any(i in skipped for i in ids):
        return SKIPPED
    return DONE


def next_open(dialog: Dialog, record: Mapping[str, Any], skipped: Collection[str], mode: str,
              after: str | None) -> Question | None:
    """The first open question after `after` in dialog order, wrapping around once."""
    candidates = open_questions(dialog, record, skipped, mode)
    if not candidates:
        return None
    if after is not None and dialog.has_question(after):
        pos = dialog.order(after)
        for q in candidates:
            if dialog.order(q.id) > pos:
                return q
    return candidates[0]


def previous_relevant(dialog: Dialog, record: Mapping[str, Any], mode: str, before: str) -> Question | None:
    pos = dialog.order(before)
    earlier = [q for q in relevant(dialog, record) if dialog.order(q.id) < pos and askable(q, mode)]
    return earlier[-1] if earlier else None


class FullView:
    """The reference implementation: every query recomputed from the answers.

    Same methods as `tracker.Tracker`, which gives the same results
    incrementally; this one is kept as the definition the tracker is tested
    against (tests/engine/test_tracker_equivalence.py), and for one-off views.
    """

    def __init__(self, dialog: Dialog, state: SessionState) -> None:
        self.dialog, self.state = dialog, state
        self._before: set[str] = set()

    def touch(self, qid: str) -> None:
        """Nothing is kept, so nothing to update."""

    @property
    def record(self) -> dict[str, Any]:
        return effective(self.dialog, self.state.answers)

    def applies(self, qid: str) -> bool:
        return any(q.id == qid for q in relevant(self.dialog, self.record))

    def relevant(self) -> tuple[Question, ...]:
        return tuple(relevant(self.dialog, self.record))

    def missing(self) -> list[str]:
        return missing(self.dialog, self.record, self.state.skipped)

    def missing_ids(self) -> tuple[str, ...]:
        return tuple(self.missing())

    def progress(self, mode: str, current: str | None) -> Progress:
        """(answered, total, topic statuses, missing, waiting), as `Tracker.progress`."""
        return (*self.counts(), self.topic_statuses(mode, current), self.missing_ids(), self.waiting())

    def counts(self) -> tuple[int, int]:
        record, skipped = self.record, self.state.skipped
        applying = relevant(self.dialog, record)
        return sum(1 for q in applying if q.id in record or q.id in skipped), len(applying)

    def waiting(self) -> bool:
        return bool(waiting_topics(self.dialog, self.record))

    def waiting_topics(self) -> list[Topic]:
        return waiting_topics(self.dialog, self.record)

    def topic_statuses(self, mode: str, current: str | None) -> tuple[TopicStatus, ...]:
        return topic_statuses(self.dialog, self.record, self.state.skipped, mode, current)

    def next_open(self, mode: str, after: str | None) -> Question | None:
        return next_open(self.dialog, self.record, self.state.skipped, mode, after)

    def previous_relevant(self, mode: str, before: str) -> Question | None:
        return previous_relevant(self.dialog, self.record, mode, before)

    def begin(self) -> None:
        self._before = {q.id for q in self.relevant()}

    def flipped(self) -> tuple[str, ...]:
        after = {q.id for q in self.relevant()}
        return tuple(sorted(self._before ^ after, key=self.dialog.order))

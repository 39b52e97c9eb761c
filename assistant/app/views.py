"""Read-models for the front ends: what the overview shows, computed once from the session.

A front end renders these; it never walks the engine's state itself. Values
stay values (the front end writes them in the reader's language).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.base.messages import Msg
from assistant.dialog.model import Dialog, Question
from assistant.engine import progress

ANSWERED, SKIPPED, OPEN = "answered", "skipped", "open"


@dataclass(frozen=True)
class AnswerRow:
    """One question of the overview: its answer, or why there is none."""

    question: Question
    status: str                 # ANSWERED, SKIPPED or OPEN
    value: Any = None           # the answer (ANSWERED)
    skipped_reason: str = ""    # the reason given (SKIPPED)
    given_alone: bool = False   # given in the pre-intake, not yet confirmed
    dutch: str | None = None    # the consulent's Dutch rendering of the answer


@dataclass(frozen=True)
class TopicOverview:
    topic_id: str
    title: Msg
    notes: tuple[str, ...]
    rows: tuple[AnswerRow, ...]


def overview(dialog: Dialog, record: dict[str, Any], state: Any) -> list[TopicOverview]:
    """Every topic with a question that applies (info pages left out), in dialog order."""
    relevant = {q.id for q in progress.relevant(dialog, record)}
    out = []
    for topic in dialog.topics:
        rows = []
        for q in topic.questions:
            if q.id not in relevant or q.type == "info":
                continue
            if q.id in record:
                row = AnswerRow(q, ANSWERED, record[q.id], given_alone=q.id in state.alone,
                                dutch=state.dutch.get(q.id))
            elif q.id in state.skipped:
                row = AnswerRow(q, SKIPPED, skipped_reason=state.skipped[q.id] or "",
                                given_alone=q.id in state.alone)
            else:
                row = AnswerRow(q, OPEN, given_alone=q.id in state.alone)
            rows.append(row)
        if rows:
            out.append(TopicOverview(topic.id, topic.title_msg(), tuple(state.notes.get(topic.id, ())), tuple(rows)))
    return out

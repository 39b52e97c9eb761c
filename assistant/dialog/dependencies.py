"""Which conditions read which answers: the dialog's dependency index, built once.

The engine re-evaluates after an answer only the questions and topics whose
conditions read that answer (and, transitively, what reads *those*), instead of
every condition of the dialog. This index is what makes that possible; it is
computed when the dialog is loaded and never changes (read-only mappings).

It relies on the rule `intake check` enforces: a question's condition reads
only earlier questions, and a topic's condition only questions before the
topic. So evaluating in dialog order always sees final inputs. A hand-built
dialog that breaks the rule is refused here with a `ValueError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Protocol

from assistant.dialog.conditions import references


class _Question(Protocol):
    """What the index reads of a question (`assistant.dialog.model.Question`)."""

    @property
    def id(self) -> str: ...

    @property
    def when(self) -> Any: ...


class _Topic(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def when(self) -> Any: ...

    @property
    def waiting_when(self) -> Any: ...

    @property
    def questions(self) -> Sequence[Any]: ...


class _Dialog(Protocol):
    """What the index reads of a dialog: the model imports this module, never the reverse."""

    @property
    def questions(self) -> tuple[Any, ...]: ...

    @property
    def topics(self) -> Sequence[_Topic]: ...


@dataclass(frozen=True)
class DependencyIndex:
    questions: tuple[Any, ...]                        # the Questions, in dialog order
    order: Mapping[str, int]                          # question id -> position
    topic_of: tuple[int, ...]                         # position -> topic index
    topic_span: tuple[tuple[int, int], ...]           # topic index -> [first, end) positions
    question_readers: Mapping[str, tuple[int, ...]]   # answer id -> positions of questions whose `when` reads it
    topic_readers: Mapping[str, tuple[int, ...]]      # answer id -> topics whose `when` reads it
    waiting_topics: tuple[int, ...]                   # topics with a `waiting_when`
    waiting_reads: frozenset[str]                     # what those read ("" stands for a topic flip)
    # Values derived from the dialog alone that the engine makes when first needed
    # (its immutable `TopicStatus` objects): shared by every session of this dialog.
    memo: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


def _reads(cond: Any) -> set[str]:
    return {qid for _op, qid, _expected in references(cond)}


def build_index(dialog: _Dialog) -> DependencyIndex:
    questions = dialog.questions
    order = {q.id: i for i, q in enumerate(questions)}
    topic_of: list[int] = []
    spans = []
    q_readers: dict[str, list[int]] = {}
    t_readers: dict[str, list[int]] = {}
    for ti, topic in enumerate(dialog.topics):
        first = len(topic_of)
        spans.append((first, first + len(topic.questions)))
        for ref in _reads(topic.when):
            if order.get(ref, first) >= first:
                raise ValueError(f"topic '{topic.id}': condition reads '{ref}', which is not asked before it")
            t_readers.setdefault(ref, []).append(ti)
        for q in topic.questions:
            pos = len(topic_of)
            topic_of.append(ti)
            for ref in _reads(q.when):
                if order.get(ref, pos) >= pos:
                    raise ValueError(f"question '{q.id}': condition reads '{ref}', which is not asked before it")
                q_readers.setdefault(ref, []).append(pos)
    return DependencyIndex(
        questions=questions,
        order=MappingProxyType(order),
        topic_of=tuple(topic_of),
        topic_span=tuple(spans),
        question_readers=MappingProxyType({k: tuple(v) for k, v in q_readers.items()}),
        topic_readers=MappingProxyType({k: tuple(v) for k, v in t_readers.items()}),
        waiting_topics=tuple(i for i, t in enumerate(dialog.topics) if t.waiting_when),
        waiting_reads=frozenset({""}.union(*(_reads(t.when) | _reads(t.waiting_when)
                                             for t in dialog.topics if t.waiting_when))),
    )

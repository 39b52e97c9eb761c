"""`Step`: the immutable view of where a session is, for any front end.

The UI, the plain terminal conversation and the replay all render a `Step`;
none of them reads the engine's internals. Texts inside are `Msg` values.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from typing import Any

from assistant.dialog.model import Question
from assistant.engine.progress import TopicStatus
from assistant.i18n import Msg

QUESTION, REVIEW, AWAITING_LBT, PROPOSAL, CONFIRMED = (
    "question", "review", "awaiting_lbt", "proposal", "confirmed")


@dataclass(frozen=True)
class Step:
    kind: str                         # question | review | awaiting_lbt | proposal | confirmed
    phase: str                        # the machine's state: a topic id or a phase name
    question: Question | None = None  # set when kind == question
    value: Any = None                 # the current answer to that question, if any
    skipped_reason: str | None = None
    error: Msg | None = None          # why the last input was refused (nothing was stored)
    topics: tuple[TopicStatus, ...] = ()
    missing: tuple[str, ...] = ()     # mandatory questions still open
    waiting: bool = False             # an outside result (leerbaarheidstoets) is awaited
    rechecked: tuple[str, ...] = ()   # questions whose relevance changed by the last edit
    answered: int = 0
    total: int = 0
    second_locale: str | None = None
    mode: str = "joint"
    paused: bool = False

    @classmethod
    def of(cls, **values: Any) -> Step:
        """The same `Step` as ``Step(**values)``, built without the frozen `__init__`'s
        one `object.__setattr__` per field (a few µs that every answer paid)."""
        if not _REQUIRED <= values.keys() <= _NAMES:
            raise TypeError(f"Step fields: required {sorted(_REQUIRED)}, allowed {sorted(_NAMES)}")
        step = object.__new__(cls)
        step.__dict__.update(_DEFAULTS, **values)
        return step


    @classmethod
    def full(cls, *, kind: str, phase: str, question: Question | None, value: Any, skipped_reason: str | None,
             error: Msg | None, topics: tuple[TopicStatus, ...], missing: tuple[str, ...], waiting: bool,
             rechecked: tuple[str, ...], answered: int, total: int, second_locale: str | None, mode: str,
             paused: bool) -> Step:
        """`Step.of` with every field given, for the engine's own step after each answer.

        The signature is the check (a missing or unknown field is a TypeError, and
        tests/engine/test_session.py keeps it equal to the fields), so no key sets are
        compared per call; about half the cost of `of`.
        """
        step = object.__new__(cls)
        object.__setattr__(step, "__dict__", {
            "kind": kind, "phase": phase, "question": question, "value": value,
            "skipped_reason": skipped_reason, "error": error, "topics": topics, "missing": missing,
            "waiting": waiting, "rechecked": rechecked, "answered": answered, "total": total,
            "second_locale": second_locale, "mode": mode, "paused": paused})
        return step


_NAMES = frozenset(f.name for f in fields(Step))
_DEFAULTS = {f.name: f.default for f in fields(Step) if f.default is not MISSING}
_REQUIRED = _NAMES - _DEFAULTS.keys()

"""`Step`: the immutable view of where a session is, for any front end.

The UI, the plain terminal conversation and the replay all render a `Step`;
none of them reads the engine's internals. Texts inside are `Msg` values.
"""

from __future__ import annotations

from dataclasses import dataclass
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

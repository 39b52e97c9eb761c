"""Where an answer came from: the pre-intake, confirmed or not, or the consulent's correction.

Read from the folded `SessionState` only, so the chat, `intake show`, the
PIP and the proposal screen all say the same. A session that never was a
pre-intake has no origins at all: nothing here adds marks to it.

Also which answers may get the consulent's Dutch rendering: free text
(type ``text`` without a format such as ``bsn``), offered when it was given
in the pre-intake or is written in a script other than the Latin one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.dialog.model import Question
from assistant.engine.state import SessionState

ALONE_OPEN = "alone_open"            # given in the pre-intake, not yet confirmed
ALONE_CONFIRMED = "alone_confirmed"  # given in the pre-intake, confirmed by the consulent
CORRECTED = "corrected"              # given in the pre-intake, changed by the consulent
ORIGINS = (ALONE_OPEN, ALONE_CONFIRMED, CORRECTED)


def origin(state: SessionState, qid: str) -> str | None:
    """The origin of the current answer to `qid`; None when the pre-intake had no part in it."""
    if qid in state.corrected:
        return CORRECTED
    if qid in state.pre:
        return ALONE_OPEN if qid in state.alone else ALONE_CONFIRMED
    return None


def origins(state: SessionState, record: Iterable[str]) -> dict[str, str]:
    """{question id: origin} for the answers in `record` that came from the pre-intake."""
    out = {}
    for qid in record:
        kind = origin(state, qid)
        if kind is not None:
            out[qid] = kind
    return out


@dataclass(frozen=True)
class Counts:
    """How many answers came from the pre-intake, and what became of them."""

    open: int = 0
    confirmed: int = 0
    corrected: int = 0

    @property
    def total(self) -> int:
        return self.open + self.confirmed + self.corrected

    @classmethod
    def of(cls, by_question: dict[str, str]) -> Counts:
        kinds = list(by_question.values())
        return cls(kinds.count(ALONE_OPEN), kinds.count(ALONE_CONFIRMED), kinds.count(CORRECTED))


def free_text(q: Question | None) -> bool:
    """A question answered in the person's own words (not a BSN or a DUO score)."""
    return q is not None and q.type == "text" and not q.opt("format")


def foreign_script(text: str) -> bool:
    """True when a letter of `text` is not Latin (Arabic, Ge'ez, Cyrillic, ...)."""
    return any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def offer_dutch(q: Question, state: SessionState, record: Mapping[str, Any]) -> bool:
    """Offer the consulent a Dutch rendering of this answer: free text from the pre-intake or in another script."""
    if not free_text(q) or not isinstance(record.get(q.id), str):
        return False
    return q.id in state.pre or q.id in state.corrected or foreign_script(record[q.id])

"""One event folded into a session's state, moving the position as the live session did.

Shared by the live session (`Intake`) and the read-only caseload views
(`assistant.app.caseload`), so `intake show` and the home screen see exactly where
a person was.
"""

from __future__ import annotations

from typing import Any

from assistant.dialog.model import Dialog
from assistant.engine import progress
from assistant.engine import state as ev
from assistant.engine.step import AWAITING_LBT, CONFIRMED, PROPOSAL, REVIEW
from assistant.store.contract import Event

PHASES = (REVIEW, AWAITING_LBT, PROPOSAL, CONFIRMED)


def fold_event(dialog: Dialog, state: ev.SessionState, event: Event,
               view: progress.ProgressView | None = None) -> dict[str, Any]:
    """Apply one event and move the position as the live session did; returns the record.

    Shared by the live session and the read-only caseload views, so `intake show`
    and the home screen see exactly where a person was. `view` keeps the
    progress of this state (a `Tracker`, made here when not given; the caller
    keeps one per state so that it stays incremental).
    """
    if view is None:
        view = progress.FullView(dialog, state)
    prior = state.position
    reopened = list(state.alone_skips) if event.kind == ev.HANDOVER else ()
    ev.apply(state, event)
    if event.kind in (ev.ANSWERED, ev.CHANGED, ev.SKIPPED):
        view.touch(event.data["question"])
        if prior in PHASES:
            nxt = view.next_open(state.mode, None)
            state.position = nxt.id if nxt else (prior if prior in (REVIEW, AWAITING_LBT) else REVIEW)
        else:
            nxt = view.next_open(state.mode, event.data["question"])
            state.position = nxt.id if nxt else REVIEW
    elif event.kind == ev.CREATED:
        first = view.next_open(state.mode, None)
        state.position = first.id if first else REVIEW
    elif event.kind == ev.HANDOVER:
        for qid in reopened:
            view.touch(qid)
        first = view.next_open(state.mode, None)
        state.position = first.id if first else REVIEW
    return view.record


def position_after(view: progress.ProgressView, state: ev.SessionState, qid: str) -> str:
    nxt = view.next_open(state.mode, qid)
    return nxt.id if nxt else REVIEW

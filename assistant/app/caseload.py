"""Read-only views of stored sessions for the caseload (home screen, `intake list`).

These fold each session's events without locking it, so a consulent can see
the whole caseload while one intake is open elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from assistant.base.paths import Location
from assistant.i18n import Msg, _
from assistant.store import open_store, store_exists
from assistant.store.errors import StoreError

if TYPE_CHECKING:  # the engine is imported only when there is a session to fold (start-up time)
    from assistant.dialog.model import Dialog
    from assistant.engine import state as ev
    from assistant.store.contract import SessionStore

STATUS_MESSAGES = {
    "in_progress": _("bezig"),
    "paused": _("gepauzeerd"),
    "awaiting_lbt": _("wacht op leerbaarheidstoets"),
    "proposal": _("voorstel klaar"),
    "confirmed": _("bevestigd"),
    "dialog_changed": _("andere versie vragenlijst"),
    "damaged": _("beschadigd (intake verify)"),
    "ready": _("klaar voor het gesprek"),
    "no_consent": _("geen toestemming"),
}


@dataclass(frozen=True)
class Summary:
    id: str
    created_at: str
    updated_at: str | None
    status: str
    answered: int
    total: int
    mode: str
    deadline: str | None           # the deadline that matters most, ISO date
    deadline_kind: str | None

    @property
    def status_msg(self) -> Msg:
        return STATUS_MESSAGES[self.status]


def fold(store: SessionStore, sid: str, dialog: Dialog | None = None) -> ev.SessionState:
    """The session's state as the live session had it (positions included when the dialog matches)."""
    from assistant.engine import state as ev
    from assistant.engine.fold import fold_event
    from assistant.engine.tracker import Tracker

    state = ev.SessionState()
    view = Tracker(dialog, state) if dialog is not None else None
    events = store.events(sid)
    if dialog is not None:  # an earlier version's retired answers, as the dialog says to read them
        from assistant.dialog.retired import upgrade_events

        events = upgrade_events(dialog, events)
    for event in events:
        if dialog is not None:
            fold_event(dialog, state, event, view)
        else:
            ev.apply(state, event)
    return state


def summaries(store_path: Location, today: date | None = None) -> list[Summary]:
    if not store_exists(store_path):
        return []
    store = open_store(store_path, readonly=True)
    try:
        rows = store.sessions()
        if not rows:  # an empty caseload needs neither the dialog nor the engine (start-up time)
            return []
        from assistant.dialog.loader import load_dialog
        from assistant.engine import progress

        dialog = load_dialog()
        out = []
        for row in rows:
            if row.mode == "training":  # practice is never in the caseload, nor in its deadlines
                continue
            same = dialog.opens(row.fingerprint)
            try:
                state = fold(store, row.id, dialog if same else None)
            except (StoreError, KeyError, TypeError, ValueError):  # one damaged session hides no other
                out.append(Summary(row.id, row.created_at, None, "damaged", 0, 0, row.mode, None, None))
                continue
            if not same:
                out.append(Summary(row.id, row.created_at, state.last_event_at, "dialog_changed",
                                   0, 0, row.mode, None, None))
                continue
            record = progress.effective(dialog, state.answers)
            relevant = progress.relevant(dialog, record)
            done = sum(1 for q in relevant if q.id in record or q.id in state.skipped)
            deadline, kind = _deadline(record, state, today or date.today())
            out.append(Summary(row.id, row.created_at, state.last_event_at,  # the mode now: a hand-over makes it joint
                               status_of(state), done, len(relevant), state.mode, deadline, kind))
        return out
    finally:
        store.close()


def status_of(state: ev.SessionState) -> str:
    if state.mode == "pre_intake":  # the inburgeraar alone: done when no question is left for them
        if state.consent is False:
            return "no_consent"
        if state.position == "review":
            return "ready"
    if state.position in ("awaiting_lbt", "proposal", "confirmed"):
        return state.position
    return "paused" if state.paused else "in_progress"


def _deadline(record: dict[str, Any], state: ev.SessionState, today: date) -> tuple[str | None, str | None]:
    """The most urgent deadline, from the advice module's deadline rules."""
    try:
        from assistant.advice.deadlines import termijnen
    except ImportError:
        return None, None
    dagtekening = ((state.decision or {}).get("besluit") or {}).get("dagtekening_pip")
    t = termijnen(record, today=today,
                  dagtekening_pip=date.fromisoformat(dagtekening) if dagtekening else None)
    urgent = t.most_urgent()
    return (urgent.date.isoformat(), urgent.id) if urgent else (None, None)

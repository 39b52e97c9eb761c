"""The phases of an intake as a `transitions` state machine built from the dialog.

One `Machine` per dialog definition, shared by all sessions of that dialog
(`add_model` / `remove_model`): building one costs milliseconds, while a
machine per session with auto transitions costs 20 ms and 3 MB each (see
design/stack-notes.md). This is the only module that imports `transitions`.

States: the dialog's topics in order (the first three are the welcome,
language and consent phases), then ``review``, ``awaiting_lbt``,
``proposal`` and ``confirmed``. Triggers:

- ``advance``: to the next topic in order;
- ``open_<topic>``: jump to a topic (from any state but ``confirmed``);
- ``to_review``: from any topic to the review;
- ``submit``: from the review to ``awaiting_lbt`` when an outside result is
  awaited, otherwise to ``proposal`` — only when nothing mandatory is open;
- ``result_arrived``: from ``awaiting_lbt`` back to the review;
- ``confirm``: to ``confirmed`` (from the proposal, or the review when open
  questions are left for the PIP to list);
- ``reopen``: from ``proposal`` or ``confirmed`` back to the review (an edit).
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from transitions import Machine, MachineError

from assistant.dialog.model import Dialog

PHASE_STATES = ("review", "awaiting_lbt", "proposal", "confirmed")
MODEL_ATTRIBUTE = "phase"


class PhaseModel:
    """What the machine moves: a phase plus the two guards it asks about.

    The session sets `waiting` and `complete` before triggering; the guards
    stay plain attributes so the machine holds no domain logic of its own.
    """

    phase: str  # set by the machine (`MODEL_ATTRIBUTE`) when the model is added to it

    def __init__(self) -> None:
        self.waiting = False
        self.complete = False

    def is_waiting(self) -> bool:
        return self.waiting

    def is_complete(self) -> bool:
        return self.complete


_MACHINES: dict[tuple[str, str], Machine] = {}


def machine_for(dialog: Dialog) -> Machine:
    key = (dialog.id, dialog.fingerprint)
    if key not in _MACHINES:
        _MACHINES[key] = _build(dialog)
    return _MACHINES[key]


def _build(dialog: Dialog) -> Machine:
    topics = [t.id for t in dialog.topics]
    states = topics + list(PHASE_STATES)
    transitions: list[dict[str, Any]] = [
        {"trigger": "advance", "source": a, "dest": b} for a, b in pairwise(topics)
    ]
    transitions.append({"trigger": "advance", "source": topics[-1], "dest": "review"})
    open_from = [s for s in states if s != "confirmed"]
    transitions += [{"trigger": f"open_{tid}", "source": open_from, "dest": tid} for tid in topics]
    transitions += [
        {"trigger": "to_review", "source": [*topics, "review", "awaiting_lbt"], "dest": "review"},
        {"trigger": "submit", "source": "review", "dest": "awaiting_lbt",
         "conditions": ["is_complete", "is_waiting"]},
        {"trigger": "submit", "source": "review", "dest": "proposal", "conditions": "is_complete"},
        {"trigger": "result_arrived", "source": "awaiting_lbt", "dest": "review"},
        {"trigger": "confirm", "source": ["review", "awaiting_lbt", "proposal"], "dest": "confirmed"},
        {"trigger": "reopen", "source": ["proposal", "confirmed"], "dest": "review"},
    ]
    return Machine(
        model=None, states=states, transitions=transitions, initial=topics[0],
        auto_transitions=False, model_attribute=MODEL_ATTRIBUTE, ignore_invalid_triggers=False,
    )


# Detached models, kept attached to their machine for the next session: `add_model`
# binds some forty trigger methods (about 0.3 ms), which a batch replay paid per case.
# The pool never holds more models than were open at the same time.
_FREE: dict[tuple[str, str], list[PhaseModel]] = {}


def attach(dialog: Dialog, phase: str | None = None) -> PhaseModel:
    key = (dialog.id, dialog.fingerprint)
    machine = machine_for(dialog)
    free = _FREE.get(key)
    if free:
        model = free.pop()
        model.waiting = model.complete = False
        machine.set_state(phase or dialog.topics[0].id, model)
        return model
    model = PhaseModel()
    machine.add_model(model, initial=phase or dialog.topics[0].id)
    return model


def detach(dialog: Dialog, model: PhaseModel) -> None:
    """The session is done with `model`; it goes back to the pool (detach it only once)."""
    free = _FREE.setdefault((dialog.id, dialog.fingerprint), [])
    if not any(m is model for m in free):  # a second close must not hand it out twice
        free.append(model)


def can(model: PhaseModel, trigger: str) -> bool:
    allowed: bool = getattr(model, f"may_{trigger}")()  # the machine's `may_<trigger>` check
    return allowed


_NEXT: dict[tuple[str, str], dict[str, str]] = {}


def next_topic(dialog: Dialog, phase: str) -> str | None:
    """The topic after `phase` in dialog order (where `advance` goes), None after the last or a phase."""
    key = (dialog.id, dialog.fingerprint)
    following = _NEXT.get(key)
    if following is None:
        ids = [t.id for t in dialog.topics]
        following = _NEXT[key] = dict(pairwise(ids))
    return following.get(phase)


# (dialog key) -> (trigger, source phase) -> destination, or None when the trigger must run.
_PLAIN: dict[tuple[str, str], dict[tuple[str, str], str | None]] = {}


def fire(dialog: Dialog, model: PhaseModel, trigger: str) -> None:
    """Pull `trigger` on `model`, as ``getattr(model, trigger)()`` does.

    A topic change pulls a trigger after about one answer in four, and the
    library's trigger costs some 9 µs (event data, callback chains, logging)
    even where there is nothing to run. A transition that is *plain* — the
    only one for this trigger and source, no guards, no callbacks on it, on
    its states or on the machine — is carried out with the machine's own
    `set_state` to its destination, which is all the trigger would do. Any
    other (the guarded `submit`, an invalid trigger) goes through the trigger
    itself, with its guards and its `MachineError`.
    """
    key = (dialog.id, dialog.fingerprint)
    machine = machine_for(dialog)
    plain = _PLAIN.setdefault(key, {})
    phase = model.phase
    if (trigger, phase) not in plain:
        plain[(trigger, phase)] = _plain_destination(machine, trigger, phase)
    dest = plain[(trigger, phase)]
    if dest is None:
        getattr(model, trigger)()
    else:
        machine.set_state(dest, model)


def _plain_destination(machine: Machine, trigger: str, source: str) -> str | None:
    if any((machine.prepare_event, machine.before_state_change, machine.after_state_change,
            machine.finalize_event, machine.on_exception, machine.on_final)):
        return None
    event = machine.events.get(trigger)
    found = event.transitions.get(source, []) if event is not None else []
    if len(found) != 1:
        return None
    t = found[0]
    if not t.dest or t.conditions or t.prepare or t.before or t.after:
        return None
    src, dst = machine.get_state(source), machine.get_state(t.dest)
    if src.on_exit or dst.on_enter or dst.final:
        return None
    return t.dest


__all__ = ["PHASE_STATES", "MachineError", "PhaseModel", "attach", "can", "detach", "fire", "machine_for"]

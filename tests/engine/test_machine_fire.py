"""`machine.fire` moves a phase model exactly as pulling the trigger does.

`fire` carries out plain transitions with the machine's `set_state` instead of
the library's trigger (assistant/engine/machine.py says why). For every
trigger from every phase, with the guards both ways, the fast path and the
trigger itself must end in the same phase, or both refuse.
"""

from __future__ import annotations

from itertools import product

import pytest

from assistant.dialog.loader import load_dialog
from assistant.engine import machine


def _outcome(dialog, phase: str, trigger: str, complete: bool, waiting: bool, fast: bool):
    model = machine.attach(dialog, phase)
    model.complete, model.waiting = complete, waiting
    try:
        if fast:
            machine.fire(dialog, model, trigger)
        else:
            getattr(model, trigger)()
        return model.phase
    except machine.MachineError:
        return "refused"
    finally:
        machine.detach(dialog, model)


def test_fire_ends_where_the_trigger_ends_from_every_phase():
    dialog = load_dialog()
    mach = machine.machine_for(dialog)
    triggers = sorted(mach.events)
    phases = list(mach.states)
    assert "advance" in triggers and "submit" in triggers and len(phases) > 10
    plain = 0
    for phase, trigger, complete, waiting in product(phases, triggers, (False, True), (False, True)):
        want = _outcome(dialog, phase, trigger, complete, waiting, fast=False)
        got = _outcome(dialog, phase, trigger, complete, waiting, fast=True)
        assert got == want, (phase, trigger, complete, waiting)
        plain += machine._PLAIN[(dialog.id, dialog.fingerprint)].get((trigger, phase)) is not None
    assert plain > len(phases)  # the fast path was taken (advance and open_* from most phases)


def test_guarded_and_invalid_triggers_are_never_taken_as_plain():
    dialog = load_dialog()
    mach = machine.machine_for(dialog)
    assert machine._plain_destination(mach, "submit", "review") is None  # guarded
    assert machine._plain_destination(mach, "advance", "confirmed") is None  # no such transition
    assert machine._plain_destination(mach, "no_such_trigger", "review") is None
    model = machine.attach(dialog, "confirmed")
    try:
        with pytest.raises(machine.MachineError):
            machine.fire(dialog, model, "advance")
    finally:
        machine.detach(dialog, model)


def test_a_transition_with_callbacks_is_never_taken_as_plain():
    """Callbacks would be skipped by `set_state`: such a transition goes through its trigger."""
    from transitions import Machine

    def build(**kwargs):
        return Machine(model=None, states=["a", "b"], transitions=[dict(trigger="go", source="a", dest="b", **kwargs)],
                       initial="a", auto_transitions=False)

    assert machine._plain_destination(build(), "go", "a") == "b"
    assert machine._plain_destination(build(after="noted"), "go", "a") is None
    assert machine._plain_destination(build(unless="busy"), "go", "a") is None
    on_enter = build()
    on_enter.get_state("b").add_callback("enter", "noted")
    assert machine._plain_destination(on_enter, "go", "a") is None
    watched = build()
    watched.after_state_change = ["noted"]
    assert machine._plain_destination(watched, "go", "a") is None

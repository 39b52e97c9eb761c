"""A new session's tracker starts from a copy of the first one computed for the dialog.

Every session of a dialog starts from the same empty state, so the tracker
computes that start once (tracker.py `_PER_SESSION`). The copy must equal a
tracker that computed it, share nothing that changes, and stay untouched
while sessions go on.
"""

from __future__ import annotations

import random
from datetime import date

import pytest

from assistant.dialog.loader import load_dialog, load_file
from assistant.engine import tracker as tracker_mod
from assistant.engine.session import Intake
from assistant.engine.state import SessionState
from assistant.engine.tracker import Tracker
from assistant.store.memory import MemoryStore
from tests.conftest import FIXTURES
from tests.helpers.answers import sample_input


def _dialogs():
    return [load_dialog(), load_file(FIXTURES / "dialogs" / "mini.yaml")]


def _state(t: Tracker) -> dict:
    return {k: getattr(t, k) for k in tracker_mod._PER_SESSION}


@pytest.mark.parametrize("dialog", _dialogs(), ids=lambda d: d.id)
def test_a_copied_start_equals_a_computed_one_and_shares_nothing_that_changes(dialog):
    dialog.deps().memo.pop("fresh_tracker", None)
    computed = Tracker(dialog, SessionState())  # computes, and keeps the start for the next
    assert "fresh_tracker" in dialog.deps().memo
    copied = Tracker(dialog, SessionState())
    assert _state(copied) == _state(computed)
    for name in vars(copied):
        mine, other = getattr(copied, name), getattr(computed, name)
        if name in tracker_mod._PER_SESSION:
            if isinstance(mine, (list, set, dict)):
                assert mine is not other, name
                if name == "_tally":
                    assert all(a is not b for a, b in zip(mine, other, strict=True))
        elif name != "state":  # everything else is the dialog's, the same object in every session
            assert mine is other, f"{name}: per session? add it to _PER_SESSION"


def test_sessions_going_on_leave_the_start_of_the_next_session_as_it_was():
    dialog = load_dialog()
    before = _state(Tracker(dialog, SessionState()))
    store, rng = MemoryStore(), random.Random(5)
    for _ in range(3):
        intake = Intake.start(store, dialog, today=lambda: date(2026, 3, 2))
        step = intake.step()
        while step.kind == "question":
            step = intake.answer(sample_input(step.question, rng))
        intake.go_back()
        intake.skip("later")
        intake.close()
    assert _state(Tracker(dialog, SessionState())) == before

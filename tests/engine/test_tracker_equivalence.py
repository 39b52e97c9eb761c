"""The incremental engine equals the full recomputation, after every intent of random intakes.

Two sessions receive the same random intents: one keeps its progress with the
incremental `Tracker`, the other with `progress.FullView`, which recomputes
everything from the answers (the reference). After every intent their steps
(question, applicable questions, missing, topic statuses, progress counts,
waiting, rechecked questions), records and positions must be identical, and
every query of the tracker must equal the reference on the same state.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.dialog.loader import load_dialog
from assistant.engine import progress
from assistant.engine.session import Intake, SessionError
from assistant.engine.tracker import Tracker
from assistant.store.sqlite import Store
from tests.helpers.answers import sample_input

TODAY = date(2026, 3, 2)
INTENTS = ("answer", "answer", "answer", "edit", "edit", "invalid", "skip", "skip_empty",
           "back", "jump", "goto", "review", "submit", "pause", "handover", "confirm")


class ReferenceIntake(Intake):
    view_class = progress.FullView


def _dialogs():
    from assistant.dialog.loader import load_file
    from tests.conftest import FIXTURES

    return {"brede_intake": load_dialog(), "mini": load_file(FIXTURES / "dialogs" / "mini.yaml")}


DIALOGS = _dialogs()


def _do(intake: Intake, intent: str, arg, rng_seed: int):
    """Carry out one intent; returns the step or the refusal (both must match)."""
    rng = random.Random(rng_seed)
    try:
        if intent == "answer":
            q = intake.step().question
            return intake.answer(sample_input(q, rng)) if q else intake.review()
        if intent == "edit":
            q = arg
            if q.type == "info" or not intake.view.applies(q.id):
                return intake.step()
            return intake.answer_question(q.id, sample_input(q, rng))
        if intent == "invalid":
            return intake.answer("31-02-19x") if intake.step().question else intake.step()
        if intent == "skip":
            return intake.skip("Weet ik nog niet") if intake.step().question else intake.step()
        if intent == "skip_empty":
            return intake.skip("") if intake.step().question else intake.step()
        if intent == "back":
            return intake.go_back()
        if intent == "jump":
            return intake.jump(arg)
        if intent == "goto":
            return intake.goto(arg.id)
        if intent == "review":
            return intake.review()
        if intent == "submit":
            return intake.submit()
        if intent == "pause":
            intake.pause()
            return intake.step()
        if intent == "handover":  # a pre-intake taken over: questions skipped alone are open again
            return intake.handover()
        if intent == "confirm":
            return intake.confirm_topic(arg), intake.step()
    except SessionError as exc:
        return ("refused", exc.msg)
    raise AssertionError(intent)


def _same_queries(dialog, intake: Intake) -> None:
    """Every query of the tracker equals the reference on the same state."""
    tracker, ref = intake.view, progress.FullView(dialog, intake.state)
    assert isinstance(tracker, Tracker)
    assert list(tracker.record.items()) == list(ref.record.items())  # same answers, same order
    assert tracker.relevant() == ref.relevant()
    assert tracker.missing() == ref.missing()
    assert tracker.counts() == ref.counts()
    assert tracker.waiting() == ref.waiting()
    assert tracker.waiting_topics() == ref.waiting_topics()
    applying = {q.id for q in ref.relevant()}
    for q in dialog.questions:
        assert tracker.applies(q.id) == (q.id in applying), q.id
    record, skipped = ref.record, intake.state.skipped  # computed once: the sweeps below are long
    for mode in ("joint", "pre_intake"):
        for current in (None, dialog.topics[3].id, "review"):
            assert tracker.topic_statuses(mode, current) == ref.topic_statuses(mode, current)
            assert tracker.progress(mode, current) == ref.progress(mode, current)
            assert ref.progress(mode, current) == (*ref.counts(), ref.topic_statuses(mode, current),
                                                   tuple(ref.missing()), ref.waiting())
        for after in (None, *(q.id for q in dialog.questions)):
            assert tracker.next_open(mode, after) == progress.next_open(dialog, record, skipped, mode, after)
        for q in dialog.questions:
            assert tracker.previous_relevant(mode, q.id) == progress.previous_relevant(dialog, record, mode, q.id)
    # and a tracker built from scratch on this state agrees with the one kept up to date
    fresh = Tracker(dialog, intake.state)
    assert list(fresh.record.items()) == list(tracker.record.items())
    assert fresh.missing() == tracker.missing() and fresh.relevant() == tracker.relevant()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), name=st.sampled_from(sorted(DIALOGS)),
       mode=st.sampled_from(["joint", "joint", "pre_intake", "training"]))
def test_incremental_engine_equals_full_recomputation(data, name, mode):
    dialog = DIALOGS[name]
    stores = Store(":memory:"), Store(":memory:")
    fast = Intake.start(stores[0], dialog, mode=mode, today=lambda: TODAY)
    slow = ReferenceIntake.start(stores[1], dialog, mode=mode, today=lambda: TODAY)
    try:
        assert fast.step() == slow.step()
        for _ in range(data.draw(st.integers(1, 100), label="steps")):
            intent = data.draw(st.sampled_from(INTENTS), label="intent")
            arg = None
            if intent in ("edit", "goto"):
                arg = data.draw(st.sampled_from(dialog.questions), label="question")
            elif intent in ("jump", "confirm"):
                arg = data.draw(st.sampled_from([t.id for t in dialog.topics]), label="topic")
            seed = data.draw(st.integers(0, 10**6), label="seed")
            got, want = _do(fast, intent, arg, seed), _do(slow, intent, arg, seed)
            assert got == want, intent
            assert list(fast.record.items()) == list(slow.record.items())
            assert fast.state.position == slow.state.position
            _same_queries(dialog, fast)
    finally:
        fast.close(), slow.close()
        for s in stores:
            s.close()


def test_reopened_session_folds_to_the_same_state(tmp_path):
    """Resuming folds every stored event through a new tracker: same step as before."""
    dialog = load_dialog()
    store = Store(tmp_path / "s.sqlite3")
    intake = Intake.start(store, dialog, today=lambda: TODAY)
    rng = random.Random(7)
    for _ in range(30):
        intake.answer(sample_input(intake.step().question, rng))
    intake.answer_question("lbt_status", "niet_afgenomen", from_file=True)  # flips three questions
    before, record = intake.step(), dict(intake.record)
    intake.close()
    again = Intake.open(store, intake.id, dialog, today=lambda: TODAY)
    assert again.step() == replace(before, rechecked=())  # `rechecked` belongs to the last edit only
    assert again.record == record
    again.close()
    store.close()


def test_a_hand_built_dialog_that_reads_ahead_is_refused():
    from assistant.dialog.model import Dialog, Question, Topic

    late = Question(id="a", type="yesno", topic="t", dialog="d", text="A?", label="A?",
                    when={"equals": {"b": True}})
    b = Question(id="b", type="yesno", topic="t", dialog="d", text="B?", label="B?")
    dialog = Dialog(id="d", version="1", title="D", topics=(Topic(id="t", title="T", dialog="d", questions=(late, b)),))
    with pytest.raises(ValueError, match="reads 'b'"):
        dialog.deps()

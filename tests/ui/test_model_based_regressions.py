"""Action lists the model-based test (test_model_based.py) found failing, replayed as plain tests.

Every invariant is strict here (nothing tolerated). Each test names the finding of
docs/ui-findings.md it keeps (F1, F2, F4: fixed in de83790). A finding that is not fixed yet
is marked xfail(strict=True) until its fix lands.
The mini dialog (tests/fixtures/dialogs/mini.yaml) keeps each replay short.
"""

from __future__ import annotations

from pathlib import Path

from assistant.dialog.loader import load_file
from tests.ui.test_model_based import replay

MINI = load_file(Path(__file__).resolve().parents[1] / "fixtures" / "dialogs" / "mini.yaml")
STRICT: set[str] = set()


def answers(n: int):
    return [("answer", i) for i in range(n)]


def test_a_plain_walk_through_the_mini_dialog_holds_every_invariant():
    """The runner itself: answering the mini dialog to the overview breaks nothing."""
    runner = replay(answers(11), dialog=MINI, tolerate=STRICT)
    assert runner.app is not None and len(runner.done) == 12


def test_reopening_an_answer_after_all_are_answered_keeps_the_counter_in_range():
    """F1 ("52/51")."""
    # all answered → the overview; Enter on its first answer row reopens that question
    replay([*answers(14), ("key", "enter")], dialog=MINI, tolerate=STRICT)


def test_overview_and_back_halfway_leaves_a_way_on():
    """F2 (issue 10, item 2)."""
    replay([*answers(3), ("key", "ctrl+r"), ("key", "escape")], dialog=MINI, tolerate=STRICT)


def test_overview_and_back_halfway_leaves_a_way_on_in_arabic():
    """F2, right to left."""
    replay([*answers(3), ("key", "ctrl+r"), ("key", "escape")], lang="ar", dialog=MINI, tolerate=STRICT)


def test_closing_the_proposal_leaves_a_way_on():
    """F4."""
    # the shipped dialog (the proposal needs its record); found in Arabic by the model-based test
    walk = [("answer_open", i) for i in range(70)]
    runner = replay([*walk, ("submit", 0), ("key", "escape")], tolerate=STRICT)
    assert "proposal" in runner.screens_seen, "the replay never reached the proposal"


def test_a_pre_intake_started_from_home_counts_only_what_it_asks():
    """Found by the model-based test: the pre-intake's counter (0/33, two questions being one there) counts
    only the questions a pre-intake asks; the oracle counts the same way."""
    replay([*answers(2), ("key", "f10"), ("key", "p"), *answers(3)], tolerate=STRICT)

"""Action lists the model-based test (test_model_based.py) found failing, replayed as plain tests.

Every invariant is strict here (nothing tolerated). A test marked xfail(strict=True)
keeps a finding of FINDINGS.md that is not fixed yet: when the fix lands it passes,
the strict xfail then fails, and the mark (and the code in OPEN_FINDINGS) must go.
The mini dialog (tests/fixtures/dialogs/mini.yaml) keeps each replay short.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.xfail(strict=True, reason="FINDINGS.md F1: counter shows answered+1 for an answered question")
def test_reopening_an_answer_after_all_are_answered_keeps_the_counter_in_range():
    # all answered → the overview; Enter on its first answer row reopens that question
    replay([*answers(14), ("key", "enter")], dialog=MINI, tolerate=STRICT)


@pytest.mark.xfail(strict=True, reason="FINDINGS.md F2: Ctrl+R then Escape halfway leaves the chat without input")
def test_overview_and_back_halfway_leaves_a_way_on():
    replay([*answers(3), ("key", "ctrl+r"), ("key", "escape")], dialog=MINI, tolerate=STRICT)


@pytest.mark.xfail(strict=True, reason="FINDINGS.md F2: the same dead end in Arabic")
def test_overview_and_back_halfway_leaves_a_way_on_in_arabic():
    replay([*answers(3), ("key", "ctrl+r"), ("key", "escape")], lang="ar", dialog=MINI, tolerate=STRICT)

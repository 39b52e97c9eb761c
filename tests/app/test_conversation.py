"""The application layer's conversation: leaving, resuming after the overview, one decision rule."""

from __future__ import annotations

import pytest

from assistant.app.conversation import Conversation
from assistant.dialog.loader import load_dialog
from assistant.store.errors import StoreError
from assistant.store.sqlite import Store
from tests.conftest import TODAY


class FailingWrites:
    """A real store whose appends fail from a given moment (a full disk, a database gone)."""

    def __init__(self, store: Store) -> None:
        self._store, self.failing = store, False

    def __getattr__(self, name):
        return getattr(self._store, name)

    def append(self, *args, **kw):
        if self.failing:
            raise StoreError("write_failed", reason="test")
        return self._store.append(*args, **kw)


def _first_answers(conv: Conversation, n: int) -> None:
    from tests.preintake.helpers import TYPED
    from tests.ui.driver import PREFER

    for _ in range(n):
        q = conv.step().question
        assert conv.answer(PREFER.get(q.id, TYPED[q.type])).error is None


@pytest.fixture
def failing(tmp_path):
    store = FailingWrites(Store(tmp_path / "s.sqlite3"))
    yield store
    store.close()


def test_leaving_when_the_pause_cannot_be_stored_still_releases_the_intake(failing, tmp_path):
    conv = Conversation.start(failing, load_dialog(), today=lambda: TODAY)
    _first_answers(conv, 2)
    failing.failing = True
    assert conv.leave() is False  # said to the caller, no exception
    other = Store(tmp_path / "s.sqlite3")
    try:  # the lock is gone: another process can open it now
        again = Conversation.open(other, load_dialog(), conv.id, today=lambda: TODAY)
        assert len(again.answers) == 2
        again.leave()
    finally:
        other.close()


def test_a_move_that_cannot_be_stored_after_the_overview_is_never_passed_over(failing):
    conv = Conversation.start(failing, load_dialog(), today=lambda: TODAY)
    _first_answers(conv, 3)
    return_to = conv.step().question.id
    conv.review()
    failing.failing = True
    with pytest.raises(StoreError):  # once: `except Exception: continue` tried the next place and hid it
        conv.back_to_conversation(return_to)
    conv.close()


def test_after_the_overview_the_open_question_comes_back_else_the_first_open_one(store, today):
    conv = Conversation.start(store, load_dialog(), today=today)
    _first_answers(conv, 3)
    here = conv.step().question.id
    conv.review()
    assert conv.back_to_conversation(here).question.id == here
    conv.review()
    assert conv.back_to_conversation("no_such_question_here").question.id == here  # the first open one
    conv.close()


def test_an_alone_conversation_records_the_inburgeraar_as_the_actor_of_every_event(store, today):
    conv = Conversation.start(store, load_dialog(), mode="pre_intake", actor="inburgeraar", today=today)
    _first_answers(conv, 2)
    conv.back()
    conv.leave()
    assert {e.actor for e in store.events(conv.id)} == {"inburgeraar"}

"""The pre-intake's rules live in the application layer: consent first, a code, wrong codes counted store-wide."""

from __future__ import annotations

from assistant.app import preintake
from assistant.app.conversation import Conversation
from assistant.dialog.loader import load_dialog
from assistant.store import read_log
from assistant.store.sqlite import Store


def test_without_consent_only_the_refusal_is_stored(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    try:
        started = preintake.begin(store, load_dialog(), "ti", False)
        assert started.conversation is None and started.code is None
        (row,) = store.sessions()
        assert [e.kind for e in store.events(row.id)] == ["created", "consent"]
    finally:
        store.close()


def test_the_code_opens_the_same_pre_intake_for_the_inburgeraar(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    try:
        started = preintake.begin(store, load_dialog(), "ar", True)
        sid = started.conversation.id
        started.conversation.leave()
        door = preintake.CodeDoor(store, load_dialog(), path)
        opened = door.open(preintake.shown(started.code).lower())  # dashes and case do not matter
        assert isinstance(opened, Conversation) and opened.id == sid and opened.actor == "inburgeraar"
        assert door.code == started.code
        opened.leave()
    finally:
        store.close()


def test_wrong_codes_are_counted_for_the_whole_store_not_per_view(tmp_path, monkeypatch):
    """A new browser tab (a new view) used to start again at zero tries."""
    monkeypatch.setattr(preintake, "STORE_WIDE_LIMIT", 4)
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    try:
        started = preintake.begin(store, load_dialog(), "nl", True)
        started.conversation.leave()
        for _tab in range(2):  # two views, two wrong codes each: within each view's own limit
            door = preintake.CodeDoor(store, load_dialog(), path)
            assert door.open("AAAA-AAAA") == preintake.WRONG
            assert door.open("CCCC-CCCC") == preintake.WRONG
        fresh = preintake.CodeDoor(store, load_dialog(), path)
        assert fresh.open(started.code) == preintake.TOO_OFTEN  # even the right code, for now
        refused = [line for line in read_log(path, "-") if line["name"] == preintake.CODE_REFUSED]
        assert len(refused) == 4 and all(line["status_code"] == "STATUS_CODE_ERROR" for line in refused)
    finally:
        store.close()


def test_one_view_ends_after_its_own_tries(tmp_path):
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    try:
        door = preintake.CodeDoor(store, load_dialog(), path)
        answers = [door.open("AAAA-AAAA") for _ in range(5)]
        assert answers[:4] == [preintake.WRONG] * 4 and answers[4] == preintake.TOO_OFTEN
    finally:
        store.close()

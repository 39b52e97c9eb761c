"""The event log: append-only, ordered, durable, private, refusing garbage clearly."""

import stat

import pytest

from assistant.store.sqlite import Store, StoreError


def test_events_are_appended_in_order_with_actor_time_and_version(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"question": "a", "value": "مرحبا"})
    store.append(row.id, "inburgeraar", "changed", "1", {"question": "a", "old": "مرحبا", "new": "ሰላም"})
    store.close()
    again = Store(tmp_path / "s.sqlite3")
    events = list(again.events(row.id))
    assert [(e.seq, e.actor, e.kind, e.dialog_version) for e in events] == [
        (1, "consulent", "answered", "1"), (2, "inburgeraar", "changed", "1")]
    assert events[1].data["new"] == "ሰላም" and events[0].at <= events[1].at
    assert [s.id for s in again.sessions()] == [row.id]


def test_store_file_is_private(tmp_path):
    Store(tmp_path / "sub" / "s.sqlite3").close()
    assert stat.S_IMODE((tmp_path / "sub" / "s.sqlite3").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "sub").stat().st_mode) == 0o700


def test_unknown_session_and_unreadable_file_give_codes(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    with pytest.raises(StoreError) as exc:
        store.session("nope")
    assert exc.value.code == "no_session"
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError) as exc:
        Store(garbage)
    assert exc.value.code == "unreadable"


def test_failed_transaction_leaves_nothing_behind(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    row = store.create_session("d", "1", "fp", "joint")
    with pytest.raises(StoreError) as exc:  # foreign key: no such session, fails inside the transaction
        store.append("no-such-session", "consulent", "answered", "1", {"value": 1})
    assert exc.value.code == "write_failed"
    store.append(row.id, "consulent", "answered", "1", {"value": 1})
    assert [e.seq for e in store.events(row.id)] == [1]
    assert list(store.events("no-such-session")) == []

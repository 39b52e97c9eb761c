"""Encryption at rest, zero configuration: nothing personal readable in any file the app writes."""

from __future__ import annotations

import json
import os
import sqlite3
import stat

import pytest

from assistant.base import paths
from assistant.store.sqlite import Store, StoreError
from tests.privacy.conftest import DISTINCT, NOTE, leaks, run_full_intake


def test_fresh_home_needs_no_configuration_and_no_value_is_readable(fresh_home, today, capsys):
    from assistant.cli.main import main

    store_path = paths.default_store()
    assert str(store_path).startswith(str(fresh_home))
    store = Store(store_path)
    sid = run_full_intake(store, today)
    # While the store is open the write-ahead log holds the latest pages: nothing readable there either.
    assert any(p.name.endswith("-wal") for p in store_path.parent.iterdir())
    assert leaks(fresh_home) == []
    store.close()
    # Reads of every kind also write files (the read log): still nothing personal.
    assert main(["show", sid]) == 0
    assert main(["audit", sid, "--json"]) == 0
    assert main(["list"]) == 0
    shown = json.loads(capsys.readouterr().out.split("\n}\n")[0] + "\n}")
    assert shown["answers"]["beroep"] == DISTINCT["beroep"] and NOTE in shown["notes"][shown_topic(shown)]
    written = sorted(p.relative_to(fresh_home).as_posix() for p in fresh_home.rglob("*") if p.is_file())
    assert any(p.endswith("sessions.sqlite3") for p in written) and any(p.endswith("store.key") for p in written)
    assert leaks(fresh_home) == []
    # And the same values are really in the store: the test would see them if they were plain.
    db = sqlite3.connect(store_path)
    payloads = [row[0] for row in db.execute("SELECT data FROM events")]
    db.close()
    assert payloads and all(p.startswith("e1:") for p in payloads)


def shown_topic(view):
    return next(iter(view["notes"]))


def test_plain_store_would_be_caught_by_the_same_grep(tmp_path):
    """The leak check itself can fail: a plain copy of a value is found."""
    (tmp_path / "x.sqlite3").write_bytes(b"...{\"value\":\"" + DISTINCT["beroep"].encode() + b"\"}")
    assert leaks(tmp_path) == [(str(tmp_path / "x.sqlite3"), DISTINCT["beroep"])]


def test_key_file_is_private_and_made_once(fresh_home):
    from assistant.store import crypto

    Store(paths.default_store()).close()
    key = crypto.key_file()
    first = key.read_bytes()
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    Store(paths.default_store()).close()
    assert key.read_bytes() == first


def test_a_different_key_is_refused_clearly(fresh_home, today, monkeypatch):
    from assistant.base.errors import describe
    from assistant.i18n import translator
    from assistant.store import crypto

    store = Store(paths.default_store())
    store.create_session("d", "1", "fp", "joint")
    store.close()
    crypto.key_file().write_bytes(__import__("base64").b64encode(os.urandom(32)))
    with pytest.raises(StoreError) as exc:
        Store(paths.default_store())
    assert exc.value.code == "wrong_key"
    assert "sleutel past niet" in translator("nl")(describe(exc.value))


def test_passphrase_from_the_environment_for_servers(fresh_home, monkeypatch, today):
    from assistant.store import crypto

    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "correct horse battery staple")
    store = Store(paths.default_store())
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"question": "beroep", "value": DISTINCT["beroep"]})
    store.close()
    assert not crypto.key_file().exists()  # no key file when the server brings a passphrase
    again = Store(paths.default_store())
    assert [e.data["value"] for e in again.events(row.id)] == [DISTINCT["beroep"]]
    again.close()
    monkeypatch.setenv(crypto.PASSPHRASE_ENV, "wrong")
    with pytest.raises(StoreError) as exc:
        Store(paths.default_store())
    assert exc.value.code == "wrong_key"


def test_a_payload_moved_to_another_row_does_not_open(tmp_path):
    store = Store(tmp_path / "s.sqlite3")
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"question": "a", "value": "x"})
    store.append(row.id, "consulent", "answered", "1", {"question": "b", "value": "y"})
    store.close()
    db = sqlite3.connect(tmp_path / "s.sqlite3")
    (first,) = db.execute("SELECT data FROM events WHERE seq = 1").fetchone()
    db.execute("UPDATE events SET data = ? WHERE seq = 2", (first,))
    db.commit()
    db.close()
    again = Store(tmp_path / "s.sqlite3")
    with pytest.raises(StoreError) as exc:
        list(again.events(row.id))
    assert exc.value.code == "damaged" and exc.value.details["seq"] == 2

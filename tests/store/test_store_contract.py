"""One contract, two backends: every test runs against SQLite and a real PostgreSQL.

The PostgreSQL server is started by the tests themselves (tests/store/pg_server.py);
`./test -k postgres` runs the PostgreSQL half alone.
"""

from __future__ import annotations

import base64
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from assistant.store.sqlite import StoreError

ROOT = Path(__file__).resolve().parents[2]
TABLES = {"sqlite": {"events": "events", "sessions": "sessions", "meta": "meta"},
          "postgres": {"events": "intake_events", "sessions": "intake_sessions", "meta": "intake_meta"}}


def backend(location) -> str:
    return "postgres" if str(location).startswith("postgresql://") else "sqlite"


def raw(location, sql: str, params=()) -> list[tuple]:
    """Rows straight from the database, past the store (what an attacker with a copy sees)."""
    names = TABLES[backend(location)]
    sql = sql.format(**names)
    if backend(location) == "sqlite":
        db = sqlite3.connect(location, isolation_level=None)
        try:
            return db.execute(sql.replace("%s", "?"), params).fetchall()
        finally:
            db.close()
    import psycopg

    with psycopg.connect(location, autocommit=True) as db:
        return db.execute(sql, params).fetchall() if db.execute(sql, params).description else []


def test_store_contract_both_backends_fulfil_the_protocol(open_at):
    from assistant.store.contract import SessionStore

    assert isinstance(open_at(), SessionStore)


def test_store_contract_sessions_are_created_listed_and_found(open_at):
    store = open_at()
    first = store.create_session("brede_intake", "2026.1", "fp1", "joint")
    second = store.create_session("brede_intake", "2026.1", "fp1", "pre_intake")
    again = open_at()
    assert [r.id for r in again.sessions()] == [first.id, second.id]
    assert again.session(second.id) == second and second.n > first.n
    with pytest.raises(StoreError) as err:
        again.session("nope")
    assert err.value.code == "no_session"


def test_store_contract_events_come_back_in_order_with_person(open_at):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"question": "a", "value": "مرحبا"})
    store.append(row.id, "inburgeraar", "changed", "1", {"question": "a", "old": "مرحبا", "new": "ሰላም"},
                 person="inburgeraar")
    events = list(open_at().events(row.id))
    assert [(e.seq, e.actor, e.kind, e.person) for e in events] == [
        (1, "consulent", "answered", "p-consulent"), (2, "inburgeraar", "changed", "inburgeraar")]
    assert events[1].data == {"question": "a", "old": "مرحبا", "new": "ሰላም"}
    assert events[0].at <= events[1].at
    assert open_at().last_activity(row.id) == events[1].at


def test_store_contract_payloads_are_encrypted_and_the_key_stays_out(open_at, location):
    from assistant.store import crypto

    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"question": "beroep", "value": "Zwaluwstaartmaker"})
    dump = repr(raw(location, "SELECT * FROM {events}")) + repr(raw(location, "SELECT * FROM {sessions}")) \
        + repr(raw(location, "SELECT * FROM {meta}"))
    assert "Zwaluwstaartmaker" not in dump and "beroep" not in dump
    assert "e1:" in dump  # the sealed payload is there
    master = base64.b64decode(crypto.key_file().read_bytes().strip())
    assert master.hex() not in dump and base64.b64encode(master).decode() not in dump


def test_store_contract_append_to_unknown_session_changes_nothing(open_at, location):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    with pytest.raises(StoreError) as err:
        store.append("no-such-session", "consulent", "answered", "1", {"value": 1})
    assert err.value.code == "write_failed"
    store.append(row.id, "consulent", "answered", "1", {"value": 1})
    assert raw(location, "SELECT session_id, seq FROM {events}") == [(row.id, 1)]


class Holder:
    """Another process that holds a session's lock (the SQLite lock is per process)."""

    def __init__(self, location, sid: str) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.store.writer", "hold", str(location), sid],
                                     cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert self.proc.stdout.readline().strip() == "LOCKED"

    def release(self) -> None:
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "RELEASED"

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)


def lock_soon(store, row) -> bool:
    for _ in range(100):  # PostgreSQL notices a closed connection within moments
        try:
            store.lock(row, log_open=False)
            return True
        except StoreError:
            threading.Event().wait(0.05)
    return False


def test_store_contract_lock_is_one_writer_at_a_time(open_at, location):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    holder = Holder(location, row.id)
    try:
        with pytest.raises(StoreError) as err:
            store.lock(row, log_open=False)
        assert err.value.code == "in_use"
        with pytest.raises(StoreError) as err:
            store.erase(row.id)  # erasure waits for nobody: it is refused
        assert err.value.code == "in_use"
        holder.release()
        assert lock_soon(store, row)
    finally:
        holder.kill()
    assert [r.id for r in store.sessions()] == [row.id]


def test_store_contract_lock_dies_with_its_process(open_at, location):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    holder = Holder(location, row.id)
    try:
        with pytest.raises(StoreError):
            store.lock(row, log_open=False)
    finally:
        holder.kill()  # SIGKILL: no unlock, no clean close
    assert lock_soon(store, row), "the lock outlived the killed process"


def test_store_contract_racing_appends_get_distinct_numbers(open_at, location):
    """Even without the lock (a bug elsewhere), two writers never share or skip a number."""
    from assistant.store import open_store

    row = open_at().create_session("d", "1", "fp", "joint")
    errors = []

    def write(name):
        store = open_store(location, person=lambda actor: name)  # a connection of its own
        try:
            for i in range(25):
                try:
                    store.append(row.id, "consulent", "answered", "1", {"who": name, "i": i})
                except StoreError as exc:  # SQLite may say 'busy' under contention: then nothing was written
                    errors.append(exc.code)
        finally:
            store.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seqs = [e.seq for e in open_at().events(row.id)]
    assert seqs == list(range(1, len(seqs) + 1)) and len(seqs) == 50 - len(errors)
    assert set(errors) <= {"busy"} and len(errors) < 50
    if backend(location) == "postgres":
        assert errors == []  # the row lock makes the second writer wait, not fail
    assert open_at().verify(row.id) is None


def test_store_contract_verify_finds_a_changed_row(open_at, location):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    for i in range(3):
        store.append(row.id, "consulent", "answered", "1", {"i": i})
    assert store.verify(row.id) is None
    raw(location, "UPDATE {events} SET actor = 'someone else' WHERE seq = 2")
    assert open_at().verify(row.id) == 2


def test_store_contract_erase_leaves_no_session_events_or_key(open_at, location):
    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    store.append(row.id, "consulent", "answered", "1", {"value": "x"})
    keep = store.create_session("d", "1", "fp", "joint")
    store.erase(row.id)
    assert [r.id for r in open_at().sessions()] == [keep.id]
    assert raw(location, "SELECT COUNT(*) FROM {events}") == [(0,)]
    assert raw(location, "SELECT COUNT(*) FROM {sessions} WHERE id = %s", (row.id,)) == [(0,)]


def test_store_contract_another_master_key_is_refused(open_at, monkeypatch, tmp_path):
    open_at().create_session("d", "1", "fp", "joint")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))  # a new, different key file
    with pytest.raises(StoreError) as err:
        open_at()
    assert err.value.code == "wrong_key"


def test_store_contract_reading_an_empty_location_creates_nothing(location):
    from assistant.store import open_store

    with pytest.raises(StoreError) as err:
        open_store(location, readonly=True)
    assert err.value.code == "no_store"


def test_store_contract_the_read_log_lives_with_the_store(open_at, location):
    from assistant.store import read_log, record_read

    store = open_at()
    row = store.create_session("d", "1", "fp", "joint")
    store.lock(row)  # opening a session to work on it is a logged read
    record_read(location, "show", row.id)
    names = [line["name"] for line in read_log(location, row.id)]
    assert names == ["open", "show"]
    assert read_log(location, "other") == []


def test_store_contract_an_intake_resumes_through_the_engine(open_at, mini_dialog, today):
    from assistant.engine.session import Intake

    intake = Intake.start(open_at(), mini_dialog, today=today)
    intake.answer("")  # the welcome
    intake.answer("1")  # voertaal: Nederlands
    sid = intake.id
    intake.close()
    again = Intake.open(open_at(), sid, mini_dialog, today=today)
    try:
        assert again.state.answers["voertaal"] == "nl"
    finally:
        again.close()

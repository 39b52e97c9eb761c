"""A plain-text store of version 1 is encrypted once on first open, with nothing lost."""

from __future__ import annotations

import sqlite3
import stat
from concurrent.futures import ThreadPoolExecutor

from assistant.store.sqlite import SCHEMA_VERSION, Store
from tests.privacy.conftest import leaks
from tests.privacy.legacy_v1 import make_v1_store

SESSIONS = {
    "aaaa111111": [("consulent", "created", {"mode": "joint", "dialog_id": "inburgering"}),
                   ("inburgeraar", "answered", {"question": "beroep", "value": "Zwaluwstaartmaker"}),
                   ("consulent", "answered", {"question": "gezondheid_beperking", "value": "blijvend"}),
                   ("consulent", "note", {"topic": "gezondheid", "text": "Notitie over Pelikaanschuld"})],
    "bbbb222222": [("consulent", "created", {"mode": "pre_intake"}),
                   ("duo", "answered", {"question": "lbt_resultaat", "value": "b1_haalbaar"})],
    "cccc333333": [],
}


def test_v1_store_is_migrated_with_nothing_lost_and_nothing_readable(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1_store(path, SESSIONS)
    assert leaks(tmp_path) != []  # the old format really is readable
    store = Store(path)
    for sid, events in SESSIONS.items():
        got = list(store.events(sid))
        assert [(e.actor, e.kind, e.data) for e in got] == events
        assert [e.seq for e in got] == list(range(1, len(events) + 1))
        assert store.verify(sid) is None
    persons = [e.person for e in store.events("bbbb222222")]
    assert persons == ["", "import"]  # who the consulent was is not known for old events: left empty, not guessed
    store.close()
    assert leaks(tmp_path) == []
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == (str(SCHEMA_VERSION),)
    db.close()


def test_migration_happens_once_even_with_two_openers(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1_store(path, SESSIONS)
    def open_and_read(_):
        store = Store(path)
        try:
            return [e.data for e in store.events("aaaa111111")]
        finally:
            store.close()

    with ThreadPoolExecutor(2) as pool:
        seen = list(pool.map(open_and_read, range(2)))
    assert seen == [[d for _, _, d in SESSIONS["aaaa111111"]]] * 2


def test_readonly_open_of_an_old_store_migrates_first(tmp_path):
    path = tmp_path / "old.sqlite3"
    make_v1_store(path, SESSIONS)
    store = Store(path, readonly=True)
    assert len(list(store.events("aaaa111111"))) == 4
    store.close()
    assert leaks(tmp_path) == []


def test_old_readable_store_is_made_private_with_a_message(tmp_path, capsys):
    from assistant.cli.main import main

    path = tmp_path / "old.sqlite3"
    make_v1_store(path, SESSIONS, mode=0o644)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert main(["--store", str(path), "list"]) == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    err = capsys.readouterr().err
    assert str(path) in err and "leesbaar voor anderen" in err
    main(["--store", str(path), "list"])
    assert capsys.readouterr().err == ""  # said once: the file is private now


def test_a_broken_v1_row_stops_the_migration_and_changes_nothing(tmp_path):
    import pytest

    from assistant.store.sqlite import StoreError

    path = tmp_path / "old.sqlite3"
    make_v1_store(path, SESSIONS)
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET data = '{not json' WHERE session_id = 'bbbb222222' AND seq = 2")
    db.commit()
    db.close()
    with pytest.raises(StoreError) as exc:
        Store(path)
    assert exc.value.code == "damaged" and exc.value.details == {"session": "bbbb222222", "seq": 2}
    db = sqlite3.connect(path)
    assert db.execute("SELECT value FROM meta WHERE key='schema'").fetchone() == ("1",)
    (data,) = db.execute("SELECT data FROM events WHERE seq = 2 AND session_id = 'aaaa111111'").fetchone()
    assert data.startswith("{")
    db.close()

"""The caseload views: read-only, a damaged session shown as damaged, escapes made visible,
and a confirmed PIP changed by an import only after the consulent reopened it with a reason."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.cli.main import main
from assistant.store.sqlite import Store
from tests.privacy.conftest import run_full_intake

LBT = {"resultaat": "B1-route niet haalbaar", "behaaldeScore": "48,50", "benodigdeScore": "50,00",
       "datumAfname": "2026-02-10"}


@pytest.fixture
def caseload(tmp_path, today):
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    first = run_full_intake(store, today, decide=False)
    second = run_full_intake(store, today)
    store.close()
    return path, first, second


def test_a_damaged_session_is_shown_as_damaged_and_hides_no_other(caseload, capsys):
    path, first, second = caseload
    db = sqlite3.connect(path)
    db.execute("UPDATE events SET data = 'e1:AAAA' WHERE session_id = ? AND seq = 3", (first,))
    db.commit()
    db.close()
    assert main(["--store", str(path), "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith(first) and "beschadigd" in line for line in lines)
    assert any(line.startswith(second) and "bevestigd" in line for line in lines)
    assert main(["--store", str(path), "show", first]) == 1
    err = capsys.readouterr().err
    assert "beschadigd bij stap 3" in err and "Traceback" not in err


def test_list_and_show_read_without_waiting_for_a_writer_and_change_nothing(caseload, capsys):
    path, first, _second = caseload
    before = path.read_bytes()
    writer = sqlite3.connect(path, timeout=0, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process is writing; the old `list` waited 10 s and failed
    try:
        assert main(["--store", str(path), "list"]) == 0
        assert main(["--store", str(path), "show", first]) == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert "bezet" not in capsys.readouterr().err
    assert path.read_bytes() == before


def test_show_makes_a_stored_bidi_override_visible(tmp_path, capsys):
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    row = store.create_session("inburgering", "1", "fp", "joint")
    store.append(row.id, "consulent", "note", "1", {"topic": "x", "text": "abc\u202edef\u2066\x1b[2J"})
    store.close()
    assert main(["--store", str(path), "show", row.id]) == 0
    out = capsys.readouterr().out
    assert "\u202e" not in out and "\\u202e" in out and "\x1b" not in out
    assert json.loads(out)["notes"]["x"] == ["abc\u202edef\u2066\x1b[2J"]  # still the same JSON


def test_import_into_a_confirmed_pip_needs_a_reopen_with_a_reason(caseload, tmp_path, capsys):
    path, _first, sid = caseload
    lbt = tmp_path / "lbt.json"
    lbt.write_text(json.dumps(LBT))
    events_before = len(list(Store(path, readonly=True).events(sid)))
    assert main(["--store", str(path), "import-lbt", sid, str(lbt)]) == 1
    assert "al bevestigd" in capsys.readouterr().err
    store = Store(path, readonly=True)
    events = list(store.events(sid))
    store.close()
    assert len(events) == events_before  # refused: nothing stored
    assert main(["--store", str(path), "reopen", sid, "--reason", "kort"]) == 2
    assert main(["--store", str(path), "reopen", sid, "--reason", "Uitslag LBT kwam later binnen"]) == 0
    assert main(["--store", str(path), "import-lbt", sid, str(lbt)]) == 0
    store = Store(path, readonly=True)
    events = list(store.events(sid))
    store.close()
    reopened = [e for e in events if e.kind == "reopened"]
    assert len(reopened) == 1 and reopened[0].data["reason"] == "Uitslag LBT kwam later binnen"
    assert reopened[0].person and reopened[0].actor == "consulent"
    assert any(e.kind in ("answered", "changed") and e.person == "import" for e in events[-6:])
    from assistant.app.records import open_readonly

    assert open_readonly(path, sid)["status"] != "confirmed"

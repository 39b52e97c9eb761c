"""Who did what: persons on events, the decision's time, the read log, and the hash chain."""

from __future__ import annotations

import json
import sqlite3

import pytest

from assistant.cli.main import main
from assistant.store.sqlite import Store
from tests.privacy.conftest import SECRETS, run_full_intake


@pytest.fixture
def intake_store(tmp_path, today, monkeypatch):
    from assistant.base.identity import consulent_name

    monkeypatch.setattr("getpass.getuser", lambda: "m.devries")
    consulent_name.cache_clear()
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    sid = run_full_intake(store, today)
    store.close()
    yield path, sid
    consulent_name.cache_clear()


def test_every_event_names_a_person_and_the_decision_has_its_time(intake_store):
    path, sid = intake_store
    store = Store(path, readonly=True)
    events = list(store.events(sid))
    store.close()
    persons = {(e.actor, e.person) for e in events}
    assert ("consulent", "m.devries") in persons and ("inburgeraar", "inburgeraar") in persons
    assert all(e.person and e.at for e in events)
    decision = next(e for e in events if e.kind == "decision")
    assert decision.data["beslissing"]["tijd"] is not None


def test_consulent_name_from_settings_wins_over_the_account(tmp_path, monkeypatch):
    from assistant.base.identity import consulent_name, person_for

    (tmp_path / "config" / "intake-assistent").mkdir(parents=True)
    (tmp_path / "config" / "intake-assistent" / "settings.toml").write_text('[ui]\nuser = "j.jansen"\n')
    consulent_name.cache_clear()
    try:
        assert person_for("consulent") == "j.jansen"
        assert person_for("duo") == "import" and person_for("inburgeraar") == "inburgeraar"
    finally:
        consulent_name.cache_clear()


def test_reads_are_logged_and_audit_prints_them_without_values(intake_store, capsys, tmp_path):
    path, sid = intake_store
    assert main(["--store", str(path), "show", sid]) == 0
    assert main(["--store", str(path), "export", sid, "--format", "md", "-o", str(tmp_path / "pip.md")]) == 0
    capsys.readouterr()
    assert main(["--store", str(path), "audit", sid, "--json"]) == 0
    out = capsys.readouterr().out
    audit = json.loads(out)
    names = [r["name"] for r in audit["reads"]]
    assert names.count("open") >= 1 and "show" in names and "export" in names
    for r in audit["reads"]:
        assert {"trace_id", "operation_id", "start_time", "end_time", "status_code", "attributes"} <= set(r)
        assert r["attributes"]["intake.user"] == "m.devries" and r["attributes"]["intake.purpose"]
        assert r["attributes"]["dpl.core.data_subject_id"] == sid
    assert [e["seq"] for e in audit["events"]] == list(range(1, len(audit["events"]) + 1))
    assert all(e["person"] for e in audit["events"])
    assert not any(s in out for s in SECRETS)


def _tamper(path, sql, *args):
    db = sqlite3.connect(path)
    db.execute(sql, args)
    db.commit()
    db.close()


@pytest.mark.parametrize("change, first_bad", [
    ("UPDATE events SET at = '2020-01-01T00:00:00.000+00:00' WHERE seq = 3", 3),   # time rewritten
    ("UPDATE events SET person = 'iemand' WHERE seq = 2", 2),                      # person rewritten
    ("UPDATE events SET kind = 'skipped' WHERE seq = 4", 4),                        # kind rewritten
    ("DELETE FROM events WHERE seq = 5", 5),                                         # a row removed
    ("DELETE FROM events WHERE seq = (SELECT MAX(seq) FROM events)", None),          # the last row removed
])
def test_verify_names_the_session_changed_outside_the_app(tmp_path, intake_store, capsys, change, first_bad):
    path, sid = intake_store
    other = Store(path)
    row = other.create_session("d", "1", "fp", "joint")
    other.append(row.id, "consulent", "created", "1", {})
    other.close()
    assert main(["--store", str(path), "verify"]) == 0
    capsys.readouterr()
    _tamper(path, change.replace("WHERE", f"WHERE session_id = '{sid}' AND"))
    assert main(["--store", str(path), "verify"]) == 1
    out = capsys.readouterr().out
    assert sid in out and row.id not in out
    store = Store(path, readonly=True)
    bad = store.verify(sid)
    store.close()
    assert bad is not None and (first_bad is None or bad == first_bad)

"""`intake training ...` as a trainer runs it, and practice kept apart from real work."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.store.practice import training_store_path
from assistant.training.library import load_all

ROOT = Path(__file__).resolve().parents[2]
CASES = load_all()


def intake(*args, input_text=None):
    cmd = [sys.executable, "-m", "assistant.cli.main", "--lang", "nl", *args]
    return subprocess.run(cmd, capture_output=True, text=True, input=input_text, cwd=ROOT, timeout=120)


def test_list_json_names_id_title_route_and_skills():
    out = intake("training", "list", "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert len(rows) >= 12
    nour = next(r for r in rows if r["id"] == "onderwijsroute_helder")
    assert nour["leerroute"] == "O" and nour["title"] and "onderwijsroute" in nour["skills"]


def test_show_json_gives_story_answers_and_expected():
    out = intake("training", "show", "z_route_analfabeet", "--json")
    assert out.returncode == 0, out.stderr
    case = json.loads(out.stdout)
    assert case["story"].startswith("Halima")
    assert case["answers"]["geletterdheid"] == "analfabeet"
    assert case["speech"]["onderwijs_jaren"] and case["expected"]["leerroute"] == "Z"


def test_an_unknown_case_gets_a_clear_message():
    out = intake("training", "show", "bestaat_niet")
    assert out.returncode == 1
    assert "Er is geen oefencasus 'bestaat_niet'" in out.stderr and "Traceback" not in out.stderr


def test_score_stores_the_score_beside_the_real_store_and_the_report_shows_it(tmp_path):
    real = tmp_path / "sessions.sqlite3"
    attempt = CASES["kinderen_vve"].replay_input()
    attempt["answers"]["kinderen_leeftijden"] = [2]
    (tmp_path / "poging.json").write_text(json.dumps(attempt), encoding="utf-8")
    out = intake("--store", str(real), "training", "score", "kinderen_vve", str(tmp_path / "poging.json"),
                 "--json", "--trainee", "anna")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["answer_errors"][0]["id"] == "kinderen_leeftijden" and result["trainee"] == "anna"
    assert training_store_path(real).exists() and not real.exists()
    text = intake("--store", str(real), "training", "score", "kinderen_vve", str(tmp_path / "poging.json"),
                  "--trainee", "anna")
    assert "Leeftijd kinderen: u vulde in: 2. Goed is: 2, 4." in text.stdout
    report = json.loads(intake("--store", str(real), "training", "report", "--json").stdout)
    (anna,) = report["trainees"]
    assert anna["trainee"] == "anna"
    assert [s["score"] for s in anna["cases"][0]["scores"]] == [result["score"]] * 2
    assert anna["most_made_mistakes"] == [{"mistake": "antwoord:kinderen_leeftijden", "count": 2}]
    plain = intake("--store", str(real), "training", "report")
    assert "Cursist: anna" in plain.stdout and "antwoord:kinderen_leeftijden" in plain.stdout


def test_a_broken_attempt_is_refused_and_nothing_is_stored(tmp_path):
    real = tmp_path / "sessions.sqlite3"
    (tmp_path / "poging.json").write_text('{"answers": {"onderwijs_jaren": 99}}', encoding="utf-8")
    out = intake("--store", str(real), "training", "score", "b1_route_werk", str(tmp_path / "poging.json"))
    assert out.returncode == 1
    assert "Fout in onderwijs_jaren" in out.stderr and "niets opgeslagen" in out.stderr
    assert not training_store_path(real).exists()


# -- kept apart ---------------------------------------------------------------

def _practice_session(store_path: Path, case_id: str) -> str:
    """A confirmed practice session, stored the way the replay runs a case (mode training)."""
    from assistant.dialog.loader import load_dialog
    from assistant.engine.session import Intake
    from assistant.outcome.compute import compute
    from assistant.store.sqlite import Store

    case = CASES[case_id]
    dialog = load_dialog()
    store = Store(store_path)
    intake_ = Intake.start(store, dialog, mode="training", today=lambda: case.today)
    for q in dialog.questions:
        if q.id in case.answers:
            assert intake_.answer_question(q.id, case.answers[q.id], from_file=True).error is None
    intake_.submit()
    outcome = compute(intake_.record, case.today, case.expected["besluit"])
    intake_.decide(case.expected["besluit"], outcome.decision.event())
    sid = intake_.id
    intake_.close()
    store.close()
    return sid


@pytest.fixture
def practice(tmp_path):
    real = tmp_path / "sessions.sqlite3"
    training = training_store_path(real)
    return real, training, _practice_session(training, "b1_route_werk")


def test_a_practice_session_is_in_no_real_list(practice):
    from assistant.app.caseload import summaries

    real, training, sid = practice
    assert summaries(real) == [] and summaries(training) == []
    out = intake("--store", str(real), "list")
    assert sid not in out.stdout
    assert sid not in intake("--store", str(training), "list").stdout


def test_a_practice_session_that_ended_up_in_the_real_store_is_still_hidden(tmp_path):
    from assistant.app.caseload import summaries

    real = tmp_path / "sessions.sqlite3"
    _practice_session(real, "kinderen_vve")
    assert summaries(real) == []


def test_a_practice_session_is_refused_by_the_duo_export(practice):
    _, training, sid = practice
    out = intake("--store", str(training), "export", sid, "--format", "duo-json")
    assert out.returncode == 1
    assert "Een oefening gaat nooit naar DUO" in out.stderr and "gemeentecode" not in out.stdout


def test_a_practice_session_refuses_a_real_lbt_result(practice, tmp_path):
    _, training, sid = practice
    from assistant.app.records import open_readonly

    result = tmp_path / "resultaat.json"
    result.write_text(json.dumps({"resultaat": "B1-route niet haalbaar", "behaaldeScore": "48,50",
                                  "benodigdeScore": "50,00", "datumAfname": "2026-02-10"}), encoding="utf-8")
    events = len(open_readonly(training, sid)["events"])
    out = intake("--store", str(training), "import-lbt", sid, str(result))
    assert out.returncode == 1
    assert "Dit is een oefening" in out.stderr and "Traceback" not in out.stderr
    assert len(open_readonly(training, sid)["events"]) == events  # nothing applied


def test_the_markdown_export_of_a_practice_session_says_oefening(practice):
    _, training, sid = practice
    out = intake("--store", str(training), "export", sid, "--format", "md")
    assert out.returncode == 0, out.stderr
    assert "OEFENING" in out.stdout and "Vastgesteld door de gemeente" not in out.stdout


def test_new_in_training_mode_uses_the_training_store(tmp_path):
    real = tmp_path / "sessions.sqlite3"
    out = intake("--store", str(real), "new", "--mode", "training", input_text="q\n")
    assert out.returncode == 0, out.stderr
    from assistant.store.sqlite import Store

    store = Store(training_store_path(real))
    try:
        assert [r.mode for r in store.sessions()] == ["training"]
    finally:
        store.close()
    assert not real.exists()


def test_replay_save_of_a_training_case_stores_it_in_the_training_store(tmp_path):
    """`intake replay CASE --save` with "mode": "training": never in the real store or caseload."""
    from assistant.store.sqlite import Store

    real = tmp_path / "sessions.sqlite3"
    practice_case, real_case = tmp_path / "oefen.json", tmp_path / "echt.json"
    raw = CASES["b1_route_werk"].replay_input()
    practice_case.write_text(json.dumps(raw), encoding="utf-8")
    real_case.write_text(json.dumps({**raw, "mode": "joint"}), encoding="utf-8")
    out = intake("--store", str(real), "replay", str(practice_case), "--save")
    assert out.returncode == 0, out.stderr
    sid = json.loads(out.stdout)["session_id"]
    store = Store(training_store_path(real))
    try:
        assert [(r.id, r.mode) for r in store.sessions()] == [(sid, "training")]
    finally:
        store.close()
    assert not real.exists()  # the real store was not even created
    # several files at once: each case to the store of its own mode
    out = intake("--store", str(real), "replay", str(practice_case), str(real_case), "--save")
    assert out.returncode == 0, out.stderr
    modes = {}
    for path in (real, training_store_path(real)):
        store = Store(path)
        try:
            modes[path.name] = sorted(r.mode for r in store.sessions())
        finally:
            store.close()
    assert modes == {"sessions.sqlite3": ["joint"], "sessions-oefening.sqlite3": ["training", "training"]}

"""The `intake` command as a person runs it: messages, exit codes, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PERSONAS = sorted((ROOT / "tests" / "cases" / "personas").glob("*.json"))


def intake(*args, input_text=None):
    cmd = [sys.executable, "-m", "assistant.cli.main", "--lang", "nl", *args]
    return subprocess.run(cmd, capture_output=True, text=True, input=input_text, cwd=ROOT, timeout=120)


def test_check_passes_on_the_shipped_dialogs():
    out = intake("check")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Traceback" not in out.stderr


def test_replay_of_a_persona_prints_the_contract_keys(tmp_path):
    assert PERSONAS, "no persona cases"
    out = intake("replay", str(PERSONAS[0]), "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert {"status", "missing", "proposal", "termijnen"} <= set(result)


@pytest.mark.parametrize("content, field", [
    ('{"answers": {"doelgroep": "vluchteling"}}', "doelgroep"),
    ('{"answers": {"onderwijs_jaren": 99}}', "onderwijs_jaren"),
    ('{"answers": {"geboortedatum": "2001-13-01"}}', "geboortedatum"),
    ('{"answers": {"bestaat_niet": 1}}', "bestaat_niet"),
    ('{"answers": {}, "today": "gisteren"}', "today"),
    ('{"answers": ', "file"),
])
def test_bad_case_file_names_the_field_and_fails(tmp_path, content, field):
    case = tmp_path / "case.json"
    case.write_text(content)
    out = intake("replay", str(case), "--json")
    assert out.returncode == 1
    assert out.stdout == ""  # nothing half-printed
    assert f"Fout in {field}:" in out.stderr and "Traceback" not in out.stderr


def test_missing_case_file_gets_a_message(tmp_path):
    out = intake("replay", str(tmp_path / "nope.json"))
    assert out.returncode == 1 and "Fout in file" in out.stderr and "Traceback" not in out.stderr


def test_plain_conversation_stores_answers_and_pauses_at_end_of_input(tmp_path):
    store = tmp_path / "s.sqlite3"
    out = intake("--store", str(store), "new", input_text="\n1\n\n\n\n")
    assert out.returncode == 0, out.stderr
    assert "Gepauzeerd" in out.stdout
    listing = intake("--store", str(store), "list")
    sid = listing.stdout.split()[0]
    shown = json.loads(intake("--store", str(store), "show", sid).stdout)
    assert shown["answers"]["voertaal"] == "nl"
    assert shown["status"] == "paused"
    assert [e["kind"] for e in shown["events"]][-1] == "paused"


def test_unknown_session_gets_a_message_not_a_traceback(tmp_path):
    out = intake("--store", str(tmp_path / "s.sqlite3"), "show", "abc")
    assert out.returncode == 1
    assert "Er is geen intake met nummer abc" in out.stderr and "Traceback" not in out.stderr


def test_batch_replay_prints_one_line_per_file_and_goes_on_after_a_bad_one(tmp_path):
    bad = tmp_path / "b_bad.json"
    bad.write_text('{"answers": {"onderwijs_jaren": 99}}')
    broken = tmp_path / "c_broken.json"
    broken.write_text('{"answers": ')
    out = intake("replay", str(PERSONAS[0]), str(bad), str(broken), str(PERSONAS[1]))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["file"] for line in lines] == [str(PERSONAS[0]), str(bad), str(broken), str(PERSONAS[1])]
    assert [line["ok"] for line in lines] == [True, False, False, True]
    assert lines[1]["errors"][0]["field"] == "onderwijs_jaren" and "0 tot en met 30" in lines[1]["errors"][0]["message"]
    assert lines[2]["errors"][0]["field"] == "file"
    alone = json.loads(intake("replay", str(PERSONAS[0])).stdout)
    assert lines[0]["proposal"]["leerroute"] == alone["proposal"]["leerroute"]
    assert "2 casussen zijn niet verwerkt" in out.stderr


def test_batch_replay_of_a_folder_in_name_order(tmp_path):
    for p in PERSONAS[:3]:
        (tmp_path / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a case")
    out = intake("replay", str(tmp_path))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [Path(line["file"]).name for line in lines] == [p.name for p in PERSONAS[:3]]
    assert all(line["ok"] and "proposal" in line for line in lines)
    empty = tmp_path / "empty"
    empty.mkdir()
    out = intake("replay", str(empty))
    assert out.returncode == 1 and json.loads(out.stdout)["ok"] is False


def test_replay_save_stores_the_case_with_its_decision(tmp_path):
    store = tmp_path / "s.sqlite3"
    plain = intake("--store", str(store), "replay", str(PERSONAS[0]), "--json")
    assert "session_id" not in json.loads(plain.stdout) and not store.exists()  # nothing stored
    out = intake("--store", str(store), "replay", str(PERSONAS[0]), "--save", "--json")
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    shown = json.loads(intake("--store", str(store), "show", result["session_id"]).stdout)
    assert shown["status"] == "confirmed" == result["status"]
    assert {e["actor"] for e in shown["events"]} == {"import"}
    case = json.loads(PERSONAS[0].read_text(encoding="utf-8"))
    assert shown["decision"]["besluit"] == case["besluit"]
    assert shown["answers"] == result["answers"]
    duo = intake("--store", str(store), "export", result["session_id"], "--format", "duo-json")
    assert json.loads(duo.stdout) == result["pip_duo"]


def test_replay_save_of_a_bad_mode_stores_nothing(tmp_path):
    store = tmp_path / "s.sqlite3"
    case = tmp_path / "case.json"
    case.write_text('{"answers": {}, "mode": "solo"}')
    out = intake("--store", str(store), "replay", str(case), "--save")
    assert out.returncode == 1 and "Fout in mode:" in out.stderr
    assert intake("--store", str(store), "list").stdout.startswith("Er zijn nog geen intakes")


def test_batch_replay_with_save_stores_each_good_case(tmp_path):
    store = tmp_path / "s.sqlite3"
    bad = tmp_path / "bad.json"
    bad.write_text('{"answers": {"doelgroep": "vluchteling"}}')
    out = intake("--store", str(store), "replay", str(PERSONAS[0]), str(bad), str(PERSONAS[1]), "--save")
    assert out.returncode == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    ids = [line.get("session_id") for line in lines]
    assert ids[0] and ids[2] and ids[1] is None and ids[0] != ids[2]
    listing = intake("--store", str(store), "list").stdout
    assert sorted(row.split()[0] for row in listing.splitlines()) == sorted([ids[0], ids[2]])

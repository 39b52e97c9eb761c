"""The `intake` command as a person runs it: messages, exit codes, no tracebacks."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PERSONAS = sorted((ROOT / "tests" / "cases" / "personas").glob("*.json"))


def intake(*args, input_text=None):
    cmd = [sys.executable, "-m", "assistant.cli", "--lang", "nl", *args]
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

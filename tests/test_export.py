"""`intake export` of a stored, confirmed session: Markdown, DUO JSON and PDF."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from assistant.advice.decision import decide
from assistant.advice.proposal import propose
from assistant.dialog.loader import load_dialog
from assistant.engine.session import Intake
from assistant.store.sqlite import Store

ROOT = Path(__file__).resolve().parents[1]
PERSONA = ROOT / "tests" / "cases" / "personas" / "02_tesfay_z_route_ander_schrift.json"


def stored_confirmed_session(store_path: Path) -> str:
    case = json.loads(PERSONA.read_text(encoding="utf-8"))
    store = Store(store_path)
    intake = Intake.start(store, load_dialog(), second_locale="ti")
    dialog = load_dialog()
    for q in dialog.questions:
        if q.id in case["answers"]:
            intake.answer_question(q.id, case["answers"][q.id], from_file=True)
    intake.review()
    decision = decide(propose(intake.record, today=date.today()), case["besluit"])
    intake.decide(case["besluit"], decision.event())
    sid = intake.id
    intake.close()
    store.close()
    return sid


def run(*args):
    return subprocess.run([sys.executable, "-m", "assistant.cli.main", "--lang", "nl", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_export_duo_json_markdown_and_pdf(tmp_path):
    store = tmp_path / "s.sqlite3"
    sid = stored_confirmed_session(store)
    duo = run("--store", str(store), "export", sid, "--format", "duo-json")
    assert duo.returncode == 0, duo.stderr
    body = json.loads(duo.stdout)
    assert body["pip"]["leerroute"] == "Z" and body["pip"]["indicatorAlfabetiseringsonderwijs"] == "AA"
    md = run("--store", str(store), "export", sid, "--format", "md")
    assert md.returncode == 0, md.stderr
    assert "Z-route" in md.stdout or "zelfredzaamheidsroute" in md.stdout.lower()
    assert "bezwaar" in md.stdout.lower()  # the PIP is a beschikking: the right to object
    pdf = tmp_path / "pip.pdf"
    out = run("--store", str(store), "export", sid, "--format", "pdf", "-o", str(pdf))
    assert out.returncode == 0, out.stderr
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_export_without_decision_says_what_to_do(tmp_path):
    store_path = tmp_path / "s.sqlite3"
    store = Store(store_path)
    intake = Intake.start(store, load_dialog())
    sid = intake.id
    intake.close()
    store.close()
    out = run("--store", str(store_path), "export", sid, "--format", "duo-json")
    assert out.returncode == 1 and "Bevestig eerst het voorstel" in out.stderr and "Traceback" not in out.stderr


def test_every_format_writes_to_o_with_mode_0600_relative_to_the_callers_folder(tmp_path):
    store = tmp_path / "s.sqlite3"
    sid = stored_confirmed_session(store)
    here = tmp_path / "elders"
    here.mkdir()
    for fmt, name in (("md", "pip.md"), ("duo-json", "duo.json"), ("pdf", "pip.pdf")):
        out = subprocess.run([sys.executable, "-m", "assistant.cli.main", "--lang", "nl", "--store", str(store),
                              "export", sid, "--format", fmt, "-o", name],
                             capture_output=True, text=True, cwd=here, timeout=120)
        assert out.returncode == 0, out.stderr
        written = here / name
        assert str(written) in out.stdout  # says where, as a full path
        assert written.stat().st_mode & 0o777 == 0o600
        assert not [p for p in here.iterdir() if p.name.endswith(".tmp")]  # no temporary file left
    assert json.loads((here / "duo.json").read_text())["pip"]["leerroute"] == "Z"
    assert "bezwaar" in (here / "pip.md").read_text().lower()
    assert (here / "pip.pdf").read_bytes()[:5] == b"%PDF-"


def test_pdf_without_o_goes_to_the_current_folder_and_start_keeps_the_callers_folder(tmp_path):
    store = tmp_path / "s.sqlite3"
    sid = stored_confirmed_session(store)
    here = tmp_path / "elders"
    here.mkdir()
    out = subprocess.run([str(ROOT / "start"), "--lang", "nl", "--store", str(store), "export", sid, "--format", "pdf"],
                         capture_output=True, text=True, cwd=here, timeout=300)
    assert out.returncode == 0, out.stderr
    target = here / f"pip-{sid}.pdf"
    assert target.read_bytes()[:5] == b"%PDF-" and str(target) in out.stdout
    assert target.stat().st_mode & 0o777 == 0o600
    assert not (ROOT / f"pip-{sid}.pdf").exists()


def test_export_to_a_missing_folder_says_so(tmp_path):
    store = tmp_path / "s.sqlite3"
    sid = stored_confirmed_session(store)
    out = run("--store", str(store), "export", sid, "--format", "md", "-o", str(tmp_path / "nope" / "pip.md"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert str(tmp_path / "nope") in out.stderr
